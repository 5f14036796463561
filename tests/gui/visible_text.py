"""What a window shows in words: every visible label, button, title, tab, placeholder,
tooltip, combo item, column heading and menu entry, with where it was found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return TAG.sub(" ", text).replace("&nbsp;", " ").strip()


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    name = f"{type(widget).__name__}#{widget.objectName() or '?'}"
    if isinstance(widget, QLabel):
        yield name, _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield name, widget.placeholderText()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield f"{name} tab {index}", widget.tabText(index)
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            yield f"{name} item {index}", widget.itemText(index)
    elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        model = widget.model()
        for column in range(model.columnCount(QModelIndex())):
            heading = model.headerData(column, Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.DisplayRole)
            if isinstance(heading, str):
                yield f"{name} column {column}", heading
    if widget.toolTip():
        yield f"{name} tooltip", _plain(widget.toolTip())
    if widget.accessibleName():
        yield f"{name} accessible name", widget.accessibleName()


def menu_texts(menu: QMenu | None, where: str) -> Iterator[tuple[str, str]]:
    if menu is None:
        return
    for action in menu.actions():
        yield from action_texts(action, where)


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where} › action", action.text()
    if action.statusTip():
        yield f"{where} › {action.text()} status tip", action.statusTip()
    yield from menu_texts(action.menu(), f"{where} › {action.text()}")


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything `window` shows now, menus included."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window):
            found.extend(widget_texts(widget))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            found.extend(action_texts(action, "menu"))
    return [(where, text) for where, text in found if text.strip()]
