"""Where each person's card goes on the stakeholder canvas, so the CSM never drags 40 cards.

Two views of the same people: an org chart built from reports-to lines, and a power ×
interest grid (influence against sentiment) that shows whom to lean on and whom to win over.
Both are pure geometry: the canvas draws what it is given, and the same people always get
the same places whatever order they arrive in, so a saved map does not reshuffle on reload.

The org chart is a layered tree where every subtree owns a vertical strip as wide as its
widest row. That is looser than a contour-packing (Reingold-Tilford) layout, but it makes
"no two cards overlap" true by construction and keeps the work linear in the number of people.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qbr_desktop.domain.stakeholders import (
    INFLUENCE_RANGE,
    LEVEL_RANK,
    SENTIMENT_RANGE,
    Stakeholder,
)
from qbr_desktop.i18n import N_

CARD_WIDTH = 190.0
CARD_HEIGHT = 86.0
H_GAP = 36.0
V_GAP = 64.0

ROW_PITCH = CARD_HEIGHT + V_GAP
COLUMN_PITCH = CARD_WIDTH + H_GAP
# Separate trees a little more than siblings so two organisations do not read as one.
TREE_GAP = 2 * H_GAP
# A manager with this many leaf reports or fewer keeps them in one row; past it they are
# stacked, so a 100-person team stays a block instead of a 20,000-pixel row.
WIDE_FAN_OUT = 6
COMPACT_COLUMNS = 4
UNATTACHED_PER_ROW = 8
UNATTACHED_LABEL = N_("Not in a reporting line")
PER_CELL_ROW = 3

CHAMPIONS = N_("Champions to lean on")
WIN_OVER = N_("Win over or neutralise")
KEEP_INFORMED = N_("Keep informed and engaged")
MONITOR = N_("Monitor")
HIGH_INFLUENCE_FROM = 4
SUPPORTIVE_FROM = 1


@dataclass(frozen=True, slots=True)
class Band:
    """A labelled background region the canvas draws behind the cards."""

    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True, slots=True)
class Layout:
    positions: dict[int, tuple[float, float]]  # person id -> card top-left (x, y)
    bands: tuple[Band, ...] = ()


def _order_key(person: Stakeholder) -> tuple[int, str, int]:
    return LEVEL_RANK.get(person.level, len(LEVEL_RANK)), person.name.casefold(), person.id


def _unique(people: Sequence[Stakeholder]) -> dict[int, Stakeholder]:
    # Ids are unique in a real map; if they are not, keep one card per id and pick it by
    # content rather than by position so the result does not depend on input order.
    chosen: dict[int, Stakeholder] = {}
    for person in people:
        current = chosen.get(person.id)
        if current is None or _order_key(person) < _order_key(current):
            chosen[person.id] = person
    return chosen


def _managers(people: dict[int, Stakeholder]) -> dict[int, int | None]:
    """Each person's manager, with unknown managers dropped and any reporting loop cut.

    The store refuses loops, but imported or hand-edited data might still hold one, and a
    layout must never hang on it: the most senior person in a loop becomes its root.
    """
    manager: dict[int, int | None] = {}
    for pid, person in people.items():
        boss = person.manager_id
        manager[pid] = boss if boss is not None and boss != pid and boss in people else None
    done: set[int] = set()
    for start in sorted(people):
        path: list[int] = []
        on_path: dict[int, int] = {}
        current: int | None = start
        while current is not None and current not in done:
            if current in on_path:
                loop = path[on_path[current]:]
                manager[min(loop, key=lambda pid: _order_key(people[pid]))] = None
                break
            on_path[current] = len(path)
            path.append(current)
            current = manager[current]
        done.update(path)
    return manager


def _rows_of(ids: Sequence[int], left: float, top: float, per_row: int,
             positions: dict[int, tuple[float, float]]) -> tuple[float, float]:
    """Lay ids out in rows of `per_row`; returns the block's width and height."""
    for index, pid in enumerate(ids):
        row, column = divmod(index, per_row)
        positions[pid] = (left + column * COLUMN_PITCH, top + row * ROW_PITCH)
    columns = min(len(ids), per_row)
    rows = math.ceil(len(ids) / per_row)
    return columns * COLUMN_PITCH - H_GAP, rows * ROW_PITCH - V_GAP


def org_chart(people: Sequence[Stakeholder]) -> Layout:
    """A layered tree from reports-to lines: managers centred over their reports.

    Trees sit side by side, the one with the most senior root (then the biggest) first.
    People with neither a manager nor reports go in a labelled block under the trees.
    """
    by_id = _unique(people)
    if not by_id:
        return Layout(positions={})
    manager = _managers(by_id)
    children: dict[int, list[int]] = {pid: [] for pid in by_id}
    for pid, boss in manager.items():
        if boss is not None:
            children[boss].append(pid)
    for reports in children.values():
        reports.sort(key=lambda pid: _order_key(by_id[pid]))

    roots = [pid for pid, boss in manager.items() if boss is None]
    tree_roots = [pid for pid in roots if children[pid]]
    loners = sorted((pid for pid in roots if not children[pid]),
                    key=lambda pid: _order_key(by_id[pid]))
    positions: dict[int, tuple[float, float]] = {}
    if not tree_roots:
        _rows_of(loners, 0.0, 0.0, UNATTACHED_PER_ROW, positions)
        return Layout(positions=positions)

    # Post-order over every tree, without recursion: a long management chain must not
    # run into Python's recursion limit.
    post_order: list[int] = []
    stack: list[tuple[int, bool]] = [(pid, False) for pid in tree_roots]
    while stack:
        pid, expanded = stack.pop()
        if expanded:
            post_order.append(pid)
        else:
            stack.append((pid, True))
            stack.extend((child, False) for child in children[pid])

    width: dict[int, float] = {}
    size: dict[int, int] = {}
    card_left: dict[int, float] = {}  # the person's card, relative to their strip's left edge
    strip_left: dict[int, float] = {}  # a report's strip, relative to the manager's strip
    compact: dict[int, list[tuple[int, float, int]]] = {}  # manager -> (leaf, dx, extra row)
    for pid in post_order:
        reports = children[pid]
        size[pid] = 1 + sum(size[child] for child in reports)
        if not reports:
            width[pid] = CARD_WIDTH
            card_left[pid] = 0.0
            continue
        leaves = [child for child in reports if not children[child]]
        stacked = leaves if len(leaves) > WIDE_FAN_OUT else []
        in_row = [child for child in reports if children[child]] if stacked else reports
        cursor = 0.0
        centres: list[float] = []
        for child in in_row:
            strip_left[child] = cursor
            centres.append(cursor + card_left[child] + CARD_WIDTH / 2)
            cursor += width[child] + H_GAP
        if stacked:
            cells: list[tuple[int, float, int]] = []
            for index, child in enumerate(stacked):
                row, column = divmod(index, COMPACT_COLUMNS)
                cells.append((child, cursor + column * COLUMN_PITCH, row))
            compact[pid] = cells
            # The block counts by its first row's outer cards, so a manager of only stacked
            # reports sits over the middle of the block.
            centres.append(cursor + CARD_WIDTH / 2)
            centres.append(cursor + (COMPACT_COLUMNS - 1) * COLUMN_PITCH + CARD_WIDTH / 2)
            cursor += COMPACT_COLUMNS * COLUMN_PITCH
        width[pid] = max(CARD_WIDTH, cursor - H_GAP)
        card_left[pid] = (min(centres) + max(centres)) / 2 - CARD_WIDTH / 2

    tree_roots.sort(key=lambda pid: (_order_key(by_id[pid])[0], -size[pid],
                                     *_order_key(by_id[pid])[1:]))
    left = 0.0
    bottom = 0.0
    for root in tree_roots:
        walk: list[tuple[int, float, int]] = [(root, left, 0)]
        while walk:
            pid, strip, depth = walk.pop()
            y = depth * ROW_PITCH
            positions[pid] = (strip + card_left[pid], y)
            bottom = max(bottom, y)
            for child in children[pid]:
                if child in strip_left:
                    walk.append((child, strip + strip_left[child], depth + 1))
            for child, dx, extra in compact.get(pid, ()):
                child_y = (depth + 1 + extra) * ROW_PITCH
                positions[child] = (strip + dx, child_y)
                bottom = max(bottom, child_y)
        left += width[root] + TREE_GAP

    if not loners:
        return Layout(positions=positions)
    # Half a gap more than a normal row, so the band's label has room above the cards.
    top = bottom + ROW_PITCH + V_GAP / 2
    block_width, block_height = _rows_of(loners, 0.0, top, UNATTACHED_PER_ROW, positions)
    band = Band(-H_GAP / 2, top - V_GAP / 2, block_width + H_GAP, block_height + V_GAP,
                UNATTACHED_LABEL)
    return Layout(positions=positions, bands=(band,))


def _clamp(value: int, allowed: range) -> int:
    return min(max(value, allowed.start), allowed.stop - 1)


def quadrant_label(influence: int, sentiment: int) -> str:
    """The power × interest quadrant a person with these scores falls in."""
    high = influence >= HIGH_INFLUENCE_FROM
    supportive = sentiment >= SUPPORTIVE_FROM
    if high:
        return CHAMPIONS if supportive else WIN_OVER
    return KEEP_INFORMED if supportive else MONITOR


def power_interest(people: Sequence[Stakeholder]) -> Layout:
    """Influence (rows, 5 at the top) against sentiment (columns, opposed on the left).

    People sharing a cell are packed three to a row; every column and row is as big as its
    fullest cell, and empty ones keep one card's room so the grid keeps its shape.
    """
    by_id = _unique(people)
    sentiments = list(SENTIMENT_RANGE)
    influences = list(reversed(INFLUENCE_RANGE))
    cells: dict[tuple[int, int], list[int]] = {}
    for pid, person in by_id.items():
        column = sentiments.index(_clamp(person.sentiment, SENTIMENT_RANGE))
        row = influences.index(_clamp(person.influence, INFLUENCE_RANGE))
        cells.setdefault((row, column), []).append(pid)
    for members in cells.values():
        members.sort(key=lambda pid: _order_key(by_id[pid]))

    column_width = [CARD_WIDTH] * len(sentiments)
    row_height = [CARD_HEIGHT] * len(influences)
    for (row, column), members in cells.items():
        across = min(len(members), PER_CELL_ROW)
        down = math.ceil(len(members) / PER_CELL_ROW)
        column_width[column] = max(column_width[column], across * COLUMN_PITCH - H_GAP)
        row_height[row] = max(row_height[row], down * ROW_PITCH - V_GAP)

    # Each cell's area is its cards plus half a gap all round, so cells tile the plane and
    # the quadrant bands meet without overlapping.
    column_left = [0.0]
    for w in column_width:
        column_left.append(column_left[-1] + w + H_GAP)
    row_top = [0.0]
    for h in row_height:
        row_top.append(row_top[-1] + h + V_GAP)

    positions: dict[int, tuple[float, float]] = {}
    for (row, column), members in cells.items():
        _rows_of(members, column_left[column] + H_GAP / 2, row_top[row] + V_GAP / 2,
                 PER_CELL_ROW, positions)

    split_column = sentiments.index(SUPPORTIVE_FROM)
    split_row = influences.index(HIGH_INFLUENCE_FROM) + 1
    bands: list[Band] = []
    for label, rows, columns in (
            (CHAMPIONS, (0, split_row), (split_column, len(sentiments))),
            (WIN_OVER, (0, split_row), (0, split_column)),
            (KEEP_INFORMED, (split_row, len(influences)), (split_column, len(sentiments))),
            (MONITOR, (split_row, len(influences)), (0, split_column))):
        x = column_left[columns[0]]
        y = row_top[rows[0]]
        bands.append(Band(x, y, column_left[columns[1]] - x, row_top[rows[1]] - y, label))
    return Layout(positions=positions, bands=tuple(bands))


def saved_or_org_chart(people: Sequence[Stakeholder]) -> Layout:
    """Where the canvas shows each card: its saved place, or a laid-out one.

    Nobody placed yet (a new or imported map): the org chart. Some placed: they keep their
    places and newcomers go in rows under the map, so adding a person never moves others.
    """
    if not people:
        return Layout({})
    placed = {p.id: (p.x, p.y) for p in people if p.x is not None and p.y is not None}
    if not placed:
        return org_chart(people)
    positions: dict[int, tuple[float, float]] = {
        pid: (float(x), float(y)) for pid, (x, y) in placed.items()}
    newcomers = sorted((p for p in people if p.id not in placed), key=_order_key)
    if newcomers:
        left = min(x for x, _ in positions.values())
        top = max(y for _, y in positions.values()) + ROW_PITCH
        _rows_of([p.id for p in newcomers], left, top, UNATTACHED_PER_ROW, positions)
    return Layout(positions)


def free_place(taken: Iterable[tuple[float, float]],
               near: tuple[float, float] | None = None) -> tuple[float, float]:
    """Where a new card goes: a place that overlaps none of the `taken` cards (top-left
    corners) and keeps the layouts' gaps to them, as close to `near` as there is room.

    Without `near`, the place after the last card in reading order (right of the lowest
    row's last card), so people added one after another line up in a row. Closeness counts
    a row as two columns: the newcomer stays beside the spot rather than under it.
    """
    cards = list(taken)
    if not cards:
        return near if near is not None else (0.0, 0.0)
    if near is None:
        last_x, last_y = max(cards, key=lambda xy: (xy[1], xy[0]))
        near = (last_x + COLUMN_PITCH, last_y)
    # Cards by the pitch-sized cell they start in: a card that is too close to a place
    # starts in one of the nine cells around the place's own.
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x, y in cards:
        cells.setdefault((math.floor(x / COLUMN_PITCH), math.floor(y / ROW_PITCH)),
                         []).append((x, y))

    def free(x: float, y: float) -> bool:
        column, row = math.floor(x / COLUMN_PITCH), math.floor(y / ROW_PITCH)
        return all(abs(x - cx) >= COLUMN_PITCH or abs(y - cy) >= ROW_PITCH
                   for dc in (-1, 0, 1) for dr in (-1, 0, 1)
                   for cx, cy in cells.get((column + dc, row + dr), ()))

    # Every card rules out at most four of the places on the grid around `near`, so a
    # square of more than four times as many places always holds a free one.
    reach = math.ceil(math.sqrt(4 * len(cards) + 1) / 2) + 1
    steps = sorted(((dx, dy) for dx in range(-reach, reach + 1)
                    for dy in range(-reach, reach + 1)),
                   key=lambda d: (abs(d[0]) + 2 * abs(d[1]), abs(d[1]), d[1] < 0, d[0] < 0))
    for dx, dy in steps:
        x, y = near[0] + dx * COLUMN_PITCH, near[1] + dy * ROW_PITCH
        if free(x, y):
            return (x, y)
    raise AssertionError("a free place is always within reach")  # pragma: no cover
