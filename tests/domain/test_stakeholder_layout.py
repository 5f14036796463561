"""Auto-layout of the stakeholder canvas: org chart and power × interest grid."""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholder_layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    COLUMN_PITCH,
    H_GAP,
    ROW_PITCH,
    V_GAP,
    Band,
    Layout,
    free_place,
    org_chart,
    power_interest,
    saved_or_org_chart,
)
from qbr_desktop.domain.stakeholders import Stakeholder

ROW = CARD_HEIGHT + V_GAP
LEVELS = list(ContactLevel)


def person(pid: int, manager: int | None = None, *, name: str | None = None,
           level: ContactLevel = ContactLevel.USER, influence: int = 3,
           sentiment: int = 0, departed: bool = False) -> Stakeholder:
    return Stakeholder(id=pid, name=name or f"Person {pid:03d}", level=level,
                       influence=influence, sentiment=sentiment, manager_id=manager,
                       departed=departed)


def overlaps(layout: Layout) -> list[tuple[int, int]]:
    """Pairs of cards whose rectangles, grown by half a gap each side, intersect."""
    # Sorted by left edge, so the inner scan stops at the first box clear to the right.
    boxes = sorted((x - H_GAP / 2, y - V_GAP / 2, x + CARD_WIDTH + H_GAP / 2,
                    y + CARD_HEIGHT + V_GAP / 2, pid)
                   for pid, (x, y) in layout.positions.items())
    found = []
    eps = 1e-6
    for i, (_, top, right, bottom, pid) in enumerate(boxes):
        for other_left, other_top, _, other_bottom, other in boxes[i + 1:]:
            if other_left >= right - eps:
                break
            if other_top < bottom - eps and top < other_bottom - eps:
                found.append((pid, other))
    return found


def centre_x(layout: Layout, pid: int) -> float:
    return layout.positions[pid][0] + CARD_WIDTH / 2


def inside(band: Band, x: float, y: float) -> bool:
    return (band.x <= x and x + CARD_WIDTH <= band.x + band.width
            and band.y <= y and y + CARD_HEIGHT <= band.y + band.height)


def width_of(layout: Layout) -> float:
    xs = [x for x, _ in layout.positions.values()]
    return max(xs) + CARD_WIDTH - min(xs)


def depths(people: Iterable[Stakeholder]) -> dict[int, int]:
    by_id = {p.id: p for p in people}
    result = {}
    for pid in by_id:
        depth, current = 0, by_id[pid].manager_id
        while current is not None:
            depth, current = depth + 1, by_id[current].manager_id
        result[pid] = depth
    return result


# A small company: CEO with two VPs, each with a team; plus two floaters.
COMPANY = [
    person(1, name="Cora CEO", level=ContactLevel.C_SUITE),
    person(2, 1, name="Vic VP", level=ContactLevel.VP),
    person(3, 1, name="Val VP", level=ContactLevel.VP),
    person(4, 2, name="Dee Director", level=ContactLevel.DIRECTOR),
    person(5, 2, name="Max Manager", level=ContactLevel.MANAGER),
    person(6, 4, name="Uma User"),
    person(7, 4, name="Ugo User"),
    person(8, 3, name="Ulf User", departed=True),
    person(9, name="Fay Floater"),
    person(10, name="Fin Floater"),
]


class TestOrgChart:
    def test_no_people_gives_an_empty_layout(self) -> None:
        assert org_chart([]) == Layout(positions={})

    def test_one_person_is_placed_at_the_origin(self) -> None:
        layout = org_chart([person(1)])
        assert layout.positions == {1: (0.0, 0.0)}
        assert layout.bands == ()

    def test_everyone_is_placed_without_overlap(self) -> None:
        layout = org_chart(COMPANY)
        assert set(layout.positions) == {p.id for p in COMPANY}
        assert overlaps(layout) == []

    def test_depth_maps_to_rows(self) -> None:
        layout = org_chart(COMPANY)
        tree = [p for p in COMPANY if p.id not in (9, 10)]
        for pid, depth in depths(tree).items():
            assert layout.positions[pid][1] == pytest.approx(depth * ROW)

    def test_managers_are_centred_over_their_reports(self) -> None:
        layout = org_chart(COMPANY)
        for manager in (1, 2, 3, 4):
            reports = [p.id for p in COMPANY if p.manager_id == manager]
            centres = [centre_x(layout, pid) for pid in reports]
            middle = (min(centres) + max(centres)) / 2
            assert abs(centre_x(layout, manager) - middle) <= 0.5

    def test_reports_are_ordered_by_seniority_then_name(self) -> None:
        layout = org_chart(COMPANY)
        # Director before Manager under Vic; then Uma after Ugo alphabetically.
        assert layout.positions[4][0] < layout.positions[5][0]
        assert layout.positions[7][0] < layout.positions[6][0]
        # Val before Vic by name (both VPs).
        assert layout.positions[3][0] < layout.positions[2][0]

    def test_sibling_subtrees_do_not_overlap(self) -> None:
        people = [person(1), person(2, 1), person(3, 1)]
        people += [person(10 + i, 2) for i in range(5)] + [person(20 + i, 3) for i in range(5)]
        layout = org_chart(people)
        left = [layout.positions[pid][0] for pid in [2, *range(10, 15)]]
        right = [layout.positions[pid][0] for pid in [3, *range(20, 25)]]
        assert max(left) + CARD_WIDTH + H_GAP <= min(right) + 1e-6

    def test_unattached_people_get_their_own_band_below_the_trees(self) -> None:
        layout = org_chart(COMPANY)
        assert [band.label for band in layout.bands] == ["Not in a reporting line"]
        band = layout.bands[0]
        within = {pid for pid, (x, y) in layout.positions.items() if inside(band, x, y)}
        assert within == {9, 10}
        lowest_tree_card = max(y for pid, (_, y) in layout.positions.items() if pid < 9)
        assert band.y >= lowest_tree_card + CARD_HEIGHT
        # The band does not reach under any tree card, even counting the gaps.
        for pid, (_, y) in layout.positions.items():
            if pid < 9:
                assert y + CARD_HEIGHT + V_GAP / 2 <= band.y

    def test_unattached_people_wrap_in_rows_of_eight(self) -> None:
        people = [person(1), person(2, 1)] + [person(10 + i) for i in range(19)]
        layout = org_chart(people)
        rows = {layout.positions[10 + i][1] for i in range(19)}
        assert len(rows) == 3
        per_row = [sum(1 for i in range(19) if layout.positions[10 + i][1] == y) for y in rows]
        assert sorted(per_row) == [3, 8, 8]
        assert overlaps(layout) == []

    def test_nobody_in_a_reporting_line_means_plain_rows_and_no_band(self) -> None:
        people = [person(i) for i in range(1, 12)]
        layout = org_chart(people)
        assert layout.bands == ()
        assert sorted({y for _, y in layout.positions.values()}) == [0.0, ROW]
        assert overlaps(layout) == []

    def test_no_band_when_everyone_is_in_a_tree(self) -> None:
        assert org_chart([person(1), person(2, 1)]).bands == ()

    def test_forests_sit_side_by_side_most_senior_root_first(self) -> None:
        small_ceo = [person(1, level=ContactLevel.C_SUITE), person(2, 1)]
        big_vp = [person(10, level=ContactLevel.VP)] + [person(11 + i, 10) for i in range(4)]
        layout = org_chart(big_vp + small_ceo)
        assert overlaps(layout) == []
        ceo_tree = [layout.positions[pid][0] for pid in (1, 2)]
        vp_tree = [layout.positions[pid][0] for pid in range(10, 15)]
        assert max(ceo_tree) + CARD_WIDTH < min(vp_tree)

    def test_equally_senior_trees_put_the_biggest_first(self) -> None:
        small = [person(1), person(2, 1)]
        big = [person(10)] + [person(11 + i, 10) for i in range(3)]
        layout = org_chart(small + big)
        assert max(layout.positions[pid][0] for pid in range(10, 14)) < \
            min(layout.positions[pid][0] for pid in (1, 2))

    def test_a_hundred_reports_stay_a_compact_block(self) -> None:
        people = [person(1)] + [person(100 + i, 1) for i in range(100)]
        layout = org_chart(people)
        assert width_of(layout) < 5 * (CARD_WIDTH + H_GAP)
        assert overlaps(layout) == []
        xs = {layout.positions[100 + i][0] for i in range(100)}
        assert len(xs) == 4
        # The manager sits over the middle of the block.
        assert centre_x(layout, 1) == pytest.approx((min(xs) + max(xs) + CARD_WIDTH) / 2)

    def test_six_leaf_reports_still_make_one_row(self) -> None:
        people = [person(1)] + [person(10 + i, 1) for i in range(6)]
        layout = org_chart(people)
        assert {layout.positions[10 + i][1] for i in range(6)} == {ROW}

    def test_stacked_leaves_go_right_of_the_reports_with_teams(self) -> None:
        people = [person(1), person(2, 1, name="Zed Lead"), person(3, 2)]
        people += [person(10 + i, 1, name=f"Aaa {i}") for i in range(7)]
        layout = org_chart(people)
        assert overlaps(layout) == []
        assert all(layout.positions[10 + i][0] > layout.positions[2][0] for i in range(7))
        assert layout.positions[3][1] == pytest.approx(2 * ROW)

    def test_a_reporting_loop_terminates_and_places_everyone(self) -> None:
        people = [person(1, 3), person(2, 1), person(3, 2), person(4, 2), person(5)]
        layout = org_chart(people)
        assert set(layout.positions) == {1, 2, 3, 4, 5}
        assert overlaps(layout) == []

    def test_a_self_report_and_an_unknown_manager_make_roots(self) -> None:
        people = [person(1, 1), person(2, 99), person(3, 2)]
        layout = org_chart(people)
        assert set(layout.positions) == {1, 2, 3}
        assert layout.positions[2][1] == 0.0
        assert layout.positions[3][1] == ROW
        assert overlaps(layout) == []

    def test_a_long_chain_does_not_hit_the_recursion_limit(self) -> None:
        people = [person(1)] + [person(i, i - 1) for i in range(2, 3001)]
        layout = org_chart(people)
        assert layout.positions[3000][1] == pytest.approx(2999 * ROW)

    def test_same_people_in_any_order_get_the_same_places(self) -> None:
        people = COMPANY + [person(20 + i, 5) for i in range(9)] + [person(40, 50),
                                                                     person(50, 40)]
        expected = org_chart(people)
        shuffled = list(people)
        for seed in range(5):
            random.Random(seed).shuffle(shuffled)
            assert org_chart(shuffled) == expected

    def test_three_hundred_people_lay_out_quickly(self) -> None:
        rng = random.Random(7)
        people = [person(1, level=ContactLevel.C_SUITE)]
        people += [person(i, rng.randrange(1, i), level=rng.choice(LEVELS))
                   for i in range(2, 301)]
        org_chart(people)  # warm up
        started = time.perf_counter()
        layout = org_chart(people)
        assert time.perf_counter() - started < 0.05
        assert overlaps(layout) == []


def cell_people(column_sentiment: int, row_influence: int,
                count: int, start: int) -> list[Stakeholder]:
    return [person(start + i, influence=row_influence, sentiment=column_sentiment)
            for i in range(count)]


class TestPowerInterest:
    def test_no_people_still_draws_the_quadrants(self) -> None:
        layout = power_interest([])
        assert layout.positions == {}
        assert len(layout.bands) == 4

    def test_rows_by_influence_and_columns_by_sentiment(self) -> None:
        people = [person(10 * (s + 3) + i, influence=i, sentiment=s)
                  for s in range(-2, 3) for i in range(1, 6)]
        layout = power_interest(people)
        by_id = {p.id: p for p in people}
        for a in people:
            for b in people:
                ax, ay = layout.positions[a.id]
                bx, by = layout.positions[b.id]
                if by_id[a.id].sentiment < by_id[b.id].sentiment:
                    assert ax + CARD_WIDTH + H_GAP <= bx
                if by_id[a.id].influence > by_id[b.id].influence:
                    assert ay + CARD_HEIGHT + V_GAP <= by

    @pytest.mark.parametrize(("influence", "sentiment", "label"), [
        (5, 2, "Champions to lean on"), (4, 1, "Champions to lean on"),
        (4, 0, "Win over or neutralise"), (5, -2, "Win over or neutralise"),
        (3, 1, "Keep informed and engaged"), (1, 2, "Keep informed and engaged"),
        (3, 0, "Monitor"), (1, -2, "Monitor"),
    ])
    def test_each_person_lands_in_their_quadrant(self, influence: int, sentiment: int,
                                                 label: str) -> None:
        people = [person(1, influence=influence, sentiment=sentiment),
                  *cell_people(-2, 5, 7, 100), *cell_people(2, 1, 4, 200)]
        layout = power_interest(people)
        x, y = layout.positions[1]
        holding = [band.label for band in layout.bands if inside(band, x, y)]
        assert holding == [label]

    def test_quadrant_bands_tile_the_grid_without_overlap(self) -> None:
        layout = power_interest(cell_people(0, 3, 5, 1) + cell_people(1, 4, 10, 100))
        bands = {band.label: band for band in layout.bands}
        champions, win_over = bands["Champions to lean on"], bands["Win over or neutralise"]
        keep, monitor = bands["Keep informed and engaged"], bands["Monitor"]
        assert win_over.x + win_over.width == pytest.approx(champions.x)
        assert monitor.x + monitor.width == pytest.approx(keep.x)
        assert win_over.y + win_over.height == pytest.approx(monitor.y)
        assert champions.y + champions.height == pytest.approx(keep.y)
        assert champions.width == pytest.approx(keep.width)
        assert win_over.height == pytest.approx(champions.height)

    def test_a_crowded_cell_packs_three_to_a_row_in_order(self) -> None:
        people = [person(i, name=f"N{i}", influence=5, sentiment=2,
                         level=ContactLevel.VP if i == 7 else ContactLevel.USER)
                  for i in range(1, 8)]
        layout = power_interest(people)
        assert overlaps(layout) == []
        rows = sorted({y for _, y in layout.positions.values()})
        assert len(rows) == 3
        # The VP comes first despite the highest id.
        first = min(layout.positions, key=lambda pid: (layout.positions[pid][1],
                                                       layout.positions[pid][0]))
        assert first == 7

    def test_empty_rows_and_columns_keep_a_card_of_room(self) -> None:
        bands = {band.label: band for band in power_interest([]).bands}
        champions = bands["Champions to lean on"]
        assert champions.width == pytest.approx(2 * (CARD_WIDTH + H_GAP))
        assert champions.height == pytest.approx(2 * (CARD_HEIGHT + V_GAP))
        assert bands["Monitor"].height == pytest.approx(3 * (CARD_HEIGHT + V_GAP))
        assert bands["Monitor"].width == pytest.approx(3 * (CARD_WIDTH + H_GAP))

    def test_same_people_in_any_order_get_the_same_places(self) -> None:
        people = [person(i, influence=1 + i % 5, sentiment=i % 5 - 2) for i in range(40)]
        expected = power_interest(people)
        shuffled = list(people)
        random.Random(3).shuffle(shuffled)
        assert power_interest(shuffled) == expected


@st.composite
def forests(draw: st.DrawFn) -> list[Stakeholder]:
    count = draw(st.integers(0, 60))
    people = []
    for pid in range(count):
        manager = draw(st.one_of(st.none(), st.integers(0, pid - 1))) if pid else None
        people.append(Stakeholder(
            id=pid, name=draw(st.sampled_from(["Ana", "bo", "Cy", "ana"])),
            level=draw(st.sampled_from(LEVELS)), influence=draw(st.integers(1, 5)),
            sentiment=draw(st.integers(-2, 2)), manager_id=manager,
            departed=draw(st.booleans())))
    return people


@given(forests())
def test_every_forest_is_placed_without_overlap(people: list[Stakeholder]) -> None:
    for layout in (org_chart(people), power_interest(people)):
        assert set(layout.positions) == {p.id for p in people}
        assert overlaps(layout) == []


@given(forests())
def test_every_forest_centres_managers_and_bands_the_unattached(
        people: list[Stakeholder]) -> None:
    layout = org_chart(people)
    reports: dict[int, list[int]] = {}
    for p in people:
        if p.manager_id is not None:
            reports.setdefault(p.manager_id, []).append(p.id)
    for manager, team in reports.items():
        leaves = [pid for pid in team if pid not in reports]
        if len(leaves) <= 6:
            centres = [centre_x(layout, pid) for pid in team]
            assert abs(centre_x(layout, manager) - (min(centres) + max(centres)) / 2) <= 0.5
            row = layout.positions[manager][1] + ROW
            assert all(layout.positions[pid][1] == pytest.approx(row) for pid in team)
    unattached = {p.id for p in people if p.manager_id is None and p.id not in reports}
    if reports and unattached:
        (band,) = layout.bands
        assert {pid for pid, (x, y) in layout.positions.items()
                if inside(band, x, y)} == unattached
    else:
        assert layout.bands == ()


# A newcomer's place ----------------------------------------------------------------------------
def clear_of(place: tuple[float, float], taken: Iterable[tuple[float, float]]) -> bool:
    """No card at `place` comes nearer any taken card than the layouts' gaps."""
    x, y = place
    return all(abs(x - cx) >= COLUMN_PITCH - 1e-9 or abs(y - cy) >= ROW_PITCH - 1e-9
               for cx, cy in taken)


def test_the_first_card_goes_where_asked_or_at_the_origin() -> None:
    assert free_place([], (120.0, -40.0)) == (120.0, -40.0)
    assert free_place([]) == (0.0, 0.0)


def test_a_free_spot_is_taken_as_it_is() -> None:
    assert free_place([(0.0, 0.0)], (500.0, 0.0)) == (500.0, 0.0)


def test_a_taken_spot_gives_the_nearest_free_one_in_the_same_row() -> None:
    taken = [(0.0, 0.0)]
    assert free_place(taken, (10.0, 5.0)) == (10.0 + COLUMN_PITCH, 5.0)


def test_without_a_spot_the_card_follows_the_last_one_in_reading_order() -> None:
    taken = [(0.0, 0.0), (400.0, 0.0), (0.0, 300.0), (COLUMN_PITCH, 300.0)]
    assert free_place(taken) == (2 * COLUMN_PITCH, 300.0)


def test_people_added_one_after_another_line_up_without_overlap() -> None:
    taken = list(org_chart([person(1), person(2, 1), person(3, 1)]).positions.values())
    for near in ((1000.0, 0.0), None):
        placed = list(taken)
        for _ in range(5):
            place = free_place(placed, near)
            assert clear_of(place, placed)
            placed.append(place)
        assert len({y for _, y in placed[len(taken):]}) == 1  # one row


def test_a_crowd_around_the_spot_still_leaves_a_place_quickly() -> None:
    rng = random.Random(7)
    taken = [(rng.uniform(-2000, 2000), rng.uniform(-2000, 2000)) for _ in range(2000)]
    started = time.perf_counter()
    place = free_place(taken, (0.0, 0.0))
    assert time.perf_counter() - started < 1.0
    assert clear_of(place, taken)


@given(st.lists(st.tuples(st.floats(-3000, 3000), st.floats(-3000, 3000)), max_size=60),
       st.one_of(st.none(), st.tuples(st.floats(-3000, 3000), st.floats(-3000, 3000))))
def test_a_free_place_never_overlaps_a_card(taken: list[tuple[float, float]],
                                            near: tuple[float, float] | None) -> None:
    assert clear_of(free_place(taken, near), taken)


def test_saved_places_with_a_free_place_added_do_not_overlap() -> None:
    people = [replace(person(1), x=0, y=0), replace(person(2, 1), x=0, y=ROW_PITCH),
              replace(person(3, 1), x=50, y=ROW_PITCH + 10)]  # dragged close by hand
    shown = saved_or_org_chart(people).positions
    x, y = free_place(shown.values(), (0.0, ROW_PITCH))
    layout = saved_or_org_chart([*people, replace(person(4), x=x, y=y)])
    assert overlaps(Layout({pid: xy for pid, xy in layout.positions.items() if pid != 3})) == []
    assert clear_of((x, y), shown.values())
