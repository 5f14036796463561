"""No tab can make the window taller than a 1366 × 768 screen, or wider than 1280 px: long
content scrolls inside its tab. The deck tab's export buttons stay in view at 1366 × 768."""

from __future__ import annotations

from typing import Any

import pytest

from qbr_desktop.gui.tabs import AccountTab, View

MAX_HEIGHT, MAX_WIDTH = 720, 1280


def inside(widget: Any, window: Any) -> bool:
    """Whether the whole widget is on the window's visible area."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return (widget.isVisible() and top_left.x() >= 0 and top_left.y() >= 0
            and top_left.x() + widget.width() <= window.width()
            and top_left.y() + widget.height() <= window.height())


def test_every_tab_fits_the_screen_and_leaves_the_window_its_size(open_window: Any,
                                                                  qtbot: Any) -> None:
    window = open_window(seed=True)
    seen = []
    for view in View:
        window.views.setCurrentIndex(view)
        qtbot.wait(20)
        seen.append((view.name, window.minimumSizeHint()))
    window.views.setCurrentIndex(View.ACCOUNTS)
    for tab in AccountTab:
        window.account_tabs.setCurrentIndex(tab)
        qtbot.wait(50)  # the tab loads its account
        seen.append((tab.name, window.minimumSizeHint()))
        assert (window.width(), window.height()) == (1366, 768), tab.name
    for name, hint in seen:
        assert hint.height() <= MAX_HEIGHT and hint.width() <= MAX_WIDTH, (name, hint)


@pytest.mark.parametrize("tab", [AccountTab.DECK, AccountTab.ROI, AccountTab.MEETING,
                                 AccountTab.TIMELINE, AccountTab.STAKEHOLDERS])
def test_a_tabs_own_buttons_are_in_view_at_1366_by_768(open_window: Any, qtbot: Any,
                                                       tab: AccountTab) -> None:
    from PySide6.QtWidgets import QAbstractButton

    window = open_window(seed=True)
    window.show_account_tab(tab)
    page = window.account_tabs.currentWidget().widget()

    def shown_buttons() -> list[Any]:
        return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)
                and b.text() and not b.text().startswith(("▲", "▼"))]

    qtbot.waitUntil(lambda: bool(shown_buttons()), timeout=10000)  # the tab loads its account
    qtbot.wait(50)
    buttons = shown_buttons()
    hidden = [b.text() for b in buttons if not inside(b, window)]
    assert not hidden, f"{tab.name}: out of view at 1366 × 768: {hidden}"
