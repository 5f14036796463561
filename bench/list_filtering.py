"""Type-to-filter and sort latency of the account list (a part of startup_bench.py).

10,000 accounts in an AccountListPanel shown at 1366x768; each keystroke is timed from
setText() until the repaint it causes has been painted, and header-click sorts likewise.
"""

from __future__ import annotations

import math
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from decimal import Decimal
from functools import partial
from typing import Any

FILTER_ACCOUNTS = 10_000
FILTER_PASSES = 3  # timed passes over the keystroke sequence, after one warm-up pass
SORT_ROUNDS = 5  # timed rounds of (ARR, then Name) sorts, after one warm-up round
PAINT_TIMEOUT_S = 1.0
PANEL_SIZE = (1366, 768)


def synthetic_accounts(count: int, seed: int = 7) -> list[Any]:
    """`count` AccountSummary rows named like the demo portfolio; no database involved."""
    from qbr_desktop.domain.accounts import AccountSummary
    from qbr_desktop.domain.money import Money
    from qbr_desktop.domain.tiers import DEFAULT_MODEL, SCHEMES
    from qbr_desktop.services import demo_data as words

    rng = random.Random(seed)
    scheme = SCHEMES[DEFAULT_MODEL]
    today = date(2025, 6, 2)
    combos = [(f"{stem} {suffix}{region}", industry)
              for region in words.REGION_SUFFIXES
              for stem in words.COMPANY_STEMS
              for suffix, industry in words.COMPANY_KINDS]
    names: list[tuple[str, str, str | None, str | None]] = list(words.INTERNATIONAL)
    index = 0
    while len(names) < count:
        name, industry = combos[index % len(combos)]
        if index >= len(combos):
            name = f"{name} {index // len(combos) + 1}"
        names.append((name, industry, None, None))
        index += 1
    items = []
    for account_id, (name, industry, country, currency) in enumerate(names[:count], start=1):
        place = rng.choice(words.COUNTRIES)
        arr = Decimal(int(min(max(math.exp(rng.gauss(math.log(45_000), 1.1)), 2_000),
                              2_500_000) // 500 * 500))
        override = rng.random() < 0.05
        next_day = today + timedelta(days=rng.randint(5, 110))
        items.append(AccountSummary(
            id=account_id, name=name, industry=industry, country=country or place[0],
            arr=Money(arr, currency or place[1]),
            licensed_seats=max(5, int(arr / Decimal(rng.choice((600, 900, 1200, 1800))))),
            tier=rng.choice(scheme.tiers) if override else scheme.tier_for(arr),
            tier_is_override=override,
            renewal_date=today + timedelta(days=rng.randint(20, 420)),
            next_qbr_at=(datetime.combine(next_day, clock_time(rng.choice((9, 10, 14, 15))),
                                          tzinfo=UTC) if rng.random() < 0.85 else None),
            csm_owner=rng.choice(words.CSM_OWNERS)))
    rng.shuffle(items)
    return items


def keystrokes(typed: str = "northwind log", then: str = "emea") -> list[str]:
    """Type `typed`, backspace it away, type `then`, clear the field: the text after each key."""
    forward = [typed[:i] for i in range(1, len(typed) + 1)]
    backward = [typed[:i] for i in range(len(typed) - 1, -1, -1)]
    return [*forward, *backward, *[then[:i] for i in range(1, len(then) + 1)], ""]


def filter_benchmark() -> dict[str, Any]:
    from PySide6.QtCore import (
        QEvent,
        QMessageLogContext,
        QObject,
        QPoint,
        Qt,
        QtMsgType,
        qInstallMessageHandler,
    )
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from qbr_desktop.gui.accounts.list_panel import AccountListPanel
    from qbr_desktop.gui.accounts.table_model import AccountColumn
    from qbr_desktop.gui.application import configure_application

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    def quiet(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        # The offscreen platform warns on every top-level size-hint change; noise here.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    configure_application(app)  # the app's style sheet: part of what a repaint costs
    paints = PaintCounter()
    app.installEventFilter(paints)

    def until_painted(action: Callable[[], object]) -> float:
        """Milliseconds from `action` until the repaint it causes is done.

        Qt defers a widget repaint to an update request a few ms later, so a single
        processEvents() would stop short of the paint; events are processed until it lands.
        """
        before = paints.count
        start = time.perf_counter()
        action()
        while True:
            app.processEvents()
            now = time.perf_counter()
            if paints.count > before or now - start > PAINT_TIMEOUT_S:
                return (now - start) * 1000

    print(f"Filter: {FILTER_ACCOUNTS:,} accounts, 1 warm-up + {FILTER_PASSES} passes…",
          flush=True)
    items = synthetic_accounts(FILTER_ACCOUNTS)
    panel = AccountListPanel()
    panel.resize(*PANEL_SIZE)
    start = time.perf_counter()
    panel.set_accounts(items, None)  # as MainWindow does it: before the panel is shown
    load_ms = (time.perf_counter() - start) * 1000
    until_painted(panel.show)
    # As MainWindow does at start-up: a row is selected, and kept selected through sorts.
    until_painted(partial(panel.table.selectRow, 0))
    sequence = keystrokes()
    typing: list[float] = []
    for attempt in range(FILTER_PASSES + 1):
        times = [until_painted(partial(panel.filter_edit.setText, text)) for text in sequence]
        if attempt:
            typing.extend(times)
    matches = {}
    for text in ("northwind log", "emea"):
        panel.filter_edit.setText(text)
        matches[text] = panel.proxy.rowCount()
    panel.filter_edit.setText("")
    # A header click sorts once; QTableView.sortByColumn() sorts twice (once through the
    # header's sortIndicatorChanged, once itself), so both are timed, the click as the goal.
    # The model announces each sort with one reset (or one layout change): they are counted.
    header = panel.table.horizontalHeader()
    model_sorts = [0]

    def count_sort(*_: object) -> None:
        model_sorts[0] += 1

    panel.model.modelReset.connect(count_sort)
    panel.model.layoutChanged.connect(count_sort)

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))

    sorts: dict[str, list[float]] = {"click": [], "sortByColumn": []}
    sorts_per_action: dict[str, int] = {}
    actions: tuple[tuple[str, Callable[[], object]], ...] = (
        ("click", partial(click_header, AccountColumn.ARR)),
        ("click", partial(click_header, AccountColumn.NAME)),
        ("sortByColumn", partial(panel.table.sortByColumn, AccountColumn.ARR,
                                 Qt.SortOrder.DescendingOrder)),
        ("sortByColumn", partial(panel.table.sortByColumn, AccountColumn.NAME,
                                 Qt.SortOrder.AscendingOrder)),
    )
    for attempt in range(SORT_ROUNDS + 1):
        for label, action in actions:
            model_sorts[0] = 0
            elapsed = until_painted(action)
            sorts_per_action[label] = model_sorts[0]
            if attempt:
                sorts[label].append(elapsed)
    panel.close()
    app.removeEventFilter(paints)
    return {"accounts": FILTER_ACCOUNTS, "load_ms": load_ms, "keystrokes": sequence,
            "matches": matches, "keystroke_ms": typing, "sort_ms": sorts,
            "model_sorts_per_action": sorts_per_action}
