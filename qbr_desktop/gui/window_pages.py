"""The main window's pages beyond the account list and its details, each built when first
shown: building them all took about half a second on the GUI thread at start-up (and loaded
their modules), while a CSM sees one of them at a time.

Each page is a `BuiltWhenShown` attribute of the window: `window.roi_panel` builds the ROI
panel on first use, puts it in the scroll area its tab shows, and wires its signals; later
uses get the same panel. Which pages exist is `window.lazy_pages.built`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from qbr_desktop.gui.tabs import AccountTab
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qbr_desktop.gui.agenda.agenda_tab import AgendaTab
    from qbr_desktop.gui.deck.deck_tab import DeckTab
    from qbr_desktop.gui.insights.account_insights import AccountInsightsPanel
    from qbr_desktop.gui.insights.portfolio_view import PortfolioView
    from qbr_desktop.gui.main_window import MainWindow
    from qbr_desktop.gui.plans.plan_panel import PlanPanel
    from qbr_desktop.gui.plans.upcoming_view import UpcomingView
    from qbr_desktop.gui.programme.programme_view import ProgrammeView
    from qbr_desktop.gui.roi.roi_panel import RoiPanel
    from qbr_desktop.gui.stakeholders.stakeholder_panel import StakeholderPanel

Page = TypeVar("Page", bound=QWidget)


class WindowPages:
    """The scroll areas the tabs show, and the pages built into them so far."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.areas: dict[str, QScrollArea] = {}
        self.built: dict[str, QWidget] = {}

    def area(self, name: str, scrolling: Callable[[QWidget, QWidget], QScrollArea]
             ) -> QScrollArea:
        """The scroll area that will show the page `name`, empty until it is built."""
        self.areas[name] = scrolling(QWidget(), self.window)
        return self.areas[name]

    def get(self, name: str, build: Callable[[MainWindow], Page]) -> Page:
        page = self.built.get(name)
        if page is None:
            page = self.built[name] = build(self.window)
            if name in self.areas:
                self.areas[name].setWidget(page)  # deletes the empty placeholder
                _tab_after(self.areas[name], page)
        return page  # type: ignore[return-value]


def _tab_after(area: QScrollArea, page: QWidget) -> None:
    """Tab reaches the page's fields where its tab is, as it would have had the page been
    built with the window (a widget built later joins the end of the window's Tab order)."""
    inside: list[QWidget] = []
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        inside.append(widget)
        widget = widget.nextInFocusChain()
    before = area.previousInFocusChain()
    while before is not None and before is not area and not (
            before.focusPolicy() & Qt.FocusPolicy.TabFocus):
        before = before.previousInFocusChain()
    for widget in inside:
        if before is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            QWidget.setTabOrder(before, widget)
            before = widget


class BuiltWhenShown(Generic[Page]):
    """A window attribute whose page is built on first use (see the module's doc)."""

    def __init__(self, build: Callable[[MainWindow], Page]) -> None:
        self.build = build
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type) -> Page:
        assert window is not None, "a page belongs to a window"
        return window.lazy_pages.get(self.name, self.build)


# The builders: each makes its page and connects it to the window --------------------------
def insights_panel(window: MainWindow) -> AccountInsightsPanel:
    from qbr_desktop.gui.insights.account_insights import AccountInsightsPanel
    from qbr_desktop.gui.window_dialogs import edit_owned_modules

    context = window.context
    panel = AccountInsightsPanel(context.insights, context.risks, window,
                                 departments=context.departments)
    panel.register_changed.connect(
        lambda account_id: window._data_changed(account_id, AccountTab.HEALTH))
    panel.estimates_changed.connect(window._mark_overview_stale)
    panel.owned_requested.connect(lambda account_id: edit_owned_modules(window, account_id))
    return panel


def plan_panel(window: MainWindow) -> PlanPanel:
    from qbr_desktop.gui.plans.plan_panel import PlanPanel

    panel = PlanPanel(window.context.plans, window, scorecard_for=window._prep_scorecard)
    panel.plan_changed.connect(
        lambda account_id: window._data_changed(account_id, AccountTab.TIMELINE))
    return panel


def roi_panel(window: MainWindow) -> RoiPanel:
    from qbr_desktop.gui.roi.roi_panel import RoiPanel

    panel = RoiPanel(window.context.roi, window)
    panel.saved.connect(lambda account_id: window._data_changed(account_id, AccountTab.ROI))
    return panel


def stakeholder_panel(window: MainWindow) -> StakeholderPanel:
    from qbr_desktop.gui.stakeholders.stakeholder_panel import StakeholderPanel

    panel = StakeholderPanel(window.context.stakeholders, window)
    # One Undo for the window: the map's edits join it while the map shows (_load_tab).
    window.undo_group.addStack(panel.undo_stack)
    return panel


def agenda_tab(window: MainWindow) -> AgendaTab:
    from qbr_desktop.gui.agenda.agenda_tab import AgendaTab

    context = window.context
    tab = AgendaTab(context.agendas, context.stakeholders, window._follow_up_email, window,
                    followed_up=window._followed_up_review, programme=context.programme)
    tab.changed.connect(lambda account_id: window._data_changed(account_id, AccountTab.MEETING))
    return tab


def deck_tab(window: MainWindow) -> DeckTab:
    from qbr_desktop.gui.deck.deck_tab import DeckTab

    return DeckTab(window.context, window)


def portfolio_view(window: MainWindow) -> PortfolioView:
    from qbr_desktop.gui.insights.portfolio_view import PortfolioView

    view = PortfolioView(window.context.insights, window)
    view.account_activated.connect(window.open_account)
    return view


def upcoming_view(window: MainWindow) -> UpcomingView:
    from qbr_desktop.gui.plans.upcoming_view import UpcomingView

    view = UpcomingView(window.context.plans, window,
                        deck_reviews=window.context.deck_reviews.deck_reviews)
    view.account_activated.connect(
        lambda account_id: window.open_account(account_id, tab=AccountTab.TIMELINE))
    return view


def programme_view(window: MainWindow) -> ProgrammeView:
    from qbr_desktop.gui.programme.programme_view import ProgrammeView

    view = ProgrammeView(window.context.programme, window,
                         deck_reviews=window.context.deck_reviews)
    view.review_activated.connect(window.open_review_card)
    if view.queue is not None:
        view.queue.deck_activated.connect(
            lambda account_id: window.open_account(account_id, tab=AccountTab.DECK))
    return view


# The account tabs after Details, with their labels and the window attribute of each page.
# R, O and I are taken in "ROI & value"; each label's & letter is its Alt key.
ACCOUNT_PAGES: tuple[tuple[AccountTab, str, str], ...] = (
    (AccountTab.HEALTH, QT_TRANSLATE_NOOP("window_pages", "&Health && growth"), "insights_panel"),
    (AccountTab.TIMELINE, QT_TRANSLATE_NOOP("window_pages", "Prep &timeline"), "plan_panel"),
    (AccountTab.ROI, QT_TRANSLATE_NOOP("window_pages", "ROI && va&lue"), "roi_panel"),
    (AccountTab.STAKEHOLDERS, QT_TRANSLATE_NOOP("window_pages", "Stake&holders"),
     "stakeholder_panel"),
    (AccountTab.MEETING, QT_TRANSLATE_NOOP("window_pages", "&Meeting"), "agenda_tab"),
    (AccountTab.DECK, QT_TRANSLATE_NOOP("window_pages", "Dec&k"), "deck_tab"),
)


def account_page_names() -> dict[AccountTab, str]:
    return {tab: name for tab, _label, name in ACCOUNT_PAGES}


