"""The main window's frame: the account list, the account's tabs, the views, and the
banners above them: everything the window shows that needs no portfolio.

It is built once. Start-up builds it in short turns of the event loop while the portfolio
opens (each turn a few widgets placed and polished by the style sheet), so the list answers
clicks and keys in between; attaching a portfolio finishes at once whatever turns are left.
The pages behind the tabs are built when first shown (window_pages.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

# Looked up where used, as in main_window.py: the Qt namespace's enums cost start-up time.
from PySide6 import QtCore
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.window_closing import restore_splitter
from qbr_desktop.gui.window_pages import ACCOUNT_PAGES

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

# The pause between the steps of building the window's frame at start-up.
FRAME_STEP_PAUSE_MS = 1


def scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    """`page` in a scroll area: however tall its content, it never makes the window taller
    than the screen (a tab's minimum height would otherwise become the window's)."""
    area = QScrollArea(parent)
    area.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def build_in_steps(window: MainWindow, then: Callable[[], None] = lambda: None) -> None:
    """The rest of the window in short turns of the event loop (each a few widgets
    placed and polished by the style sheet), so the list answers clicks and keys in
    between; then `then` (start-up does this before opening the portfolio)."""
    steps = _frame_steps(window)

    def step() -> None:
        for _done in steps:
            # A timer, not a posted call: the event loop takes input and repaints first.
            QtCore.QTimer.singleShot(FRAME_STEP_PAUSE_MS, step)
            return
        then()

    step()


def build_at_once(window: MainWindow) -> None:
    """The frame, or what a build in turns has left of it, now (attach)."""
    for _done in _frame_steps(window):
        pass


def _frame_steps(window: MainWindow) -> Iterator[None]:
    """The one build of the frame, shared: steps left by a build in turns are finished
    by a build at once (attach) and never made twice."""
    if window._frame_build is None:
        window._frame_build = _build_frame_steps(window)
    return window._frame_build


def _build_frame_steps(window: MainWindow) -> Iterator[None]:
    """Everything the window shows that needs no portfolio: the list, the account's
    tabs (their pages built when first shown: window_pages.py) and the views. Built
    once; start-up builds it while the portfolio opens. Each yield is a pause for the
    event loop: placing a tree of widgets in the shown window polishes all of it."""
    yield from _build_account_tabs(window)
    window.pages = QStackedWidget(window)
    window.pages.addWidget(window.empty_label)
    window.pages.addWidget(window.account_tabs)
    yield
    window.splitter = QSplitter(QtCore.Qt.Orientation.Horizontal, window)
    window.splitter.addWidget(window.list_panel)
    yield
    window.splitter.addWidget(window.pages)
    # The account page gets the room: its tabs are laid out for about 880 px.
    window.splitter.setStretchFactor(0, 2)
    window.splitter.setStretchFactor(1, 3)
    window.splitter.setSizes([480, 880])
    yield
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    views = QTabWidget(central)
    views.setObjectName("views")
    views.setDocumentMode(True)
    views.addTab(window.splitter, translate("MainWindow", "Accounts"))
    yield
    views.addTab(window.lazy_pages.area("portfolio_view", scrolling),
                 translate("MainWindow", "Portfolio overview"))
    views.addTab(window.lazy_pages.area("programme_view", scrolling),
                 translate("MainWindow", "QBR programme"))
    views.addTab(window.lazy_pages.area("upcoming_view", scrolling),
                 translate("MainWindow", "Upcoming QBRs"))
    yield
    layout.addWidget(views)
    window._chrome = layout
    window.setCentralWidget(central)
    window.views = views
    restore_splitter(window)
    window._overview_stale = window._programme_stale = True
    window.views.currentChanged.connect(window._view_changed)
    window.account_tabs.currentChanged.connect(lambda _index: window._load_tab())
    window.account_changed.connect(lambda _id: window._load_tab())


def _build_account_tabs(window: MainWindow) -> Iterator[None]:
    # Imported here, not at the top: the start-up window is painted before any of
    # them (or the store behind them) has been loaded.
    from qbr_desktop.gui.accounts.account_page import AccountPage
    from qbr_desktop.gui.accounts.list_panel import AccountListPanel

    if getattr(window, "list_panel", None) is None:
        window.list_panel = AccountListPanel(window)
    # Made in the order they are seen, which is the order Tab follows: the filter box,
    # the account list, the account's tabs, then the fields of the tab on view.
    window.account_tabs = QTabWidget(window)
    window.account_tabs.setObjectName("accountTabs")
    window.page = AccountPage(window)
    window.empty_label = window._opening_label()
    window.empty_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
    yield
    details = scrolling(window.page, window)
    yield
    window.account_tabs.addTab(details, translate("MainWindow", "&Details"))
    for _tab, label, name in ACCOUNT_PAGES:
        window.account_tabs.addTab(window.lazy_pages.area(name, scrolling),
                                   translate("window_pages", label))
    # The tabs that load their account only when shown, and those stale since a change.
    window._lazy_tabs = {tab: name for tab, _label, name in ACCOUNT_PAGES}
    window._stale = set()
    yield
    window.account_tabs.ensurePolished()  # the style sheet's work, apart from laying out


def add_banner(window: MainWindow, name: str, message: str) -> None:
    """A sentence in a band above the views, for as long as the window is open (`name`
    is the band's object name, which the style sheet colours)."""
    window._chrome.insertWidget(window._chrome.indexOf(window.views), _banner(window, name,
                                                                            message))


def _banner(window: MainWindow, name: str, message: str) -> QFrame:
    banner = QFrame(window)
    banner.setObjectName(name)
    text = QLabel(message, banner)
    text.setObjectName(name + "Text")
    text.setWordWrap(True)
    text.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    row = QHBoxLayout(banner)
    row.setContentsMargins(10, 6, 10, 6)
    row.addWidget(text)
    return banner
