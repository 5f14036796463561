"""What a window shows in words: every visible label, button, title, tab, placeholder,
tooltip, combo item, column heading and menu entry, with where it was found."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
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
    return html.unescape(TAG.sub(" ", text)).strip()


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


def _shown_rows(view: QAbstractItemView, parent: QModelIndex, cap: int) -> Iterator[QModelIndex]:
    """The first `cap` rows `view` shows under `parent`, children of expanded tree rows too."""
    model = view.model()
    shown = 0
    stack = [parent]
    while stack and shown < cap:
        under = stack.pop(0)
        for row in range(model.rowCount(under)):
            if shown >= cap:
                return
            if isinstance(view, QTableView | QListView) and view.isRowHidden(row):
                continue
            if isinstance(view, QTreeView) and view.isRowHidden(row, under):
                continue
            index = model.index(row, view.modelColumn() if isinstance(view, QListView) else 0,
                                under)
            shown += 1
            yield index
            if isinstance(view, QTreeView) and view.isExpanded(index):
                stack.append(index)


def _heading_texts(view: QAbstractItemView, name: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    headers: list[tuple[str, Qt.Orientation, QHeaderView | None]] = []
    if isinstance(view, QTableView):
        headers = [("column", Qt.Orientation.Horizontal, view.horizontalHeader()),
                   ("row heading", Qt.Orientation.Vertical, view.verticalHeader())]
    elif isinstance(view, QTreeView):
        headers = [("column", Qt.Orientation.Horizontal, view.header())]
    for label, orientation, header in headers:
        if header is None or header.isHidden():
            continue
        count = (model.columnCount(QModelIndex()) if orientation == Qt.Orientation.Horizontal
                 else min(model.rowCount(QModelIndex()), ROWS_PER_VIEW))
        for section in range(count):
            if header.isSectionHidden(section):
                continue
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and value.strip():
                    yield f"{name} {label} {section}", _plain(value)


# Cells read per view: enough to meet every kind of row the demo shows, few enough to stay fast.
ROWS_PER_VIEW = 30


def model_texts(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    """What a table, tree or list view shows in its cells (text and tool tips) and headings."""
    model = view.model()
    if model is None:
        return
    name = f"{type(view).__name__}#{view.objectName() or '?'}"
    yield from _heading_texts(view, name)
    # A list shows one column (and a list widget's model hides its column count).
    columns = ([view.modelColumn()] if isinstance(view, QListView)
               else range(model.columnCount(QModelIndex())))
    for first in _shown_rows(view, view.rootIndex(), ROWS_PER_VIEW):
        for column in columns:
            if isinstance(view, QTableView | QTreeView) and view.isColumnHidden(column):
                continue
            index = first.siblingAtColumn(column)
            for role, label in ((Qt.ItemDataRole.DisplayRole, "cell"),
                                (Qt.ItemDataRole.ToolTipRole, "cell tooltip")):
                value = model.data(index, role)
                if isinstance(value, str) and value.strip():
                    yield f"{name} {label} {first.row()},{column}", _plain(value)


def combo_texts(combo: QComboBox) -> Iterator[tuple[str, str]]:
    """The items of an editable combo box (a fixed one is read with the widgets)."""
    name = f"{type(combo).__name__}#{combo.objectName() or '?'}"
    for index in range(min(combo.count(), ROWS_PER_VIEW)):
        yield f"{name} item {index}", combo.itemText(index)


def scene_texts(view: QGraphicsView) -> Iterator[tuple[str, str]]:
    """The words painted on a graphics scene: its text items and every item's tool tip."""
    scene = view.scene()
    if scene is None:
        return
    name = f"{type(view).__name__}#{view.objectName() or '?'}"
    for item in scene.items():
        if not item.isVisible():
            continue
        kind = type(item).__name__
        if isinstance(item, QGraphicsTextItem):
            yield f"{name} {kind}", item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            yield f"{name} {kind}", item.text()
        if item.toolTip():
            yield f"{name} {kind} tooltip", _plain(item.toolTip())


def content_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what the visible views of `window` show inside them: cells, list
    items, editable combo items and painted scenes."""
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        # A header is read with its view; a combo box's list, with the combo box.
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found.extend(model_texts(widget))
        elif isinstance(widget, QComboBox) and widget.isEditable():
            found.extend(combo_texts(widget))
        elif isinstance(widget, QGraphicsView):
            found.extend(scene_texts(widget))
    return [(where, text) for where, text in found if text.strip()]
