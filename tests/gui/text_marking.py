"""Finds user-visible text in the window's code that is not marked for translation: a
string literal (or f-string) handed to a Qt call that shows it (setText, QLabel(…),
QMessageBox.warning(…), …) without going through translate()/tr() first."""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# Calls whose string arguments a person reads.
SHOWING_METHODS = frozenset({
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "addAction", "addTab",
    "insertTab", "setTabText", "setTabToolTip", "setStatusTip", "showMessage", "setTitle",
    "addMenu", "setLabelText", "setWhatsThis", "setInformativeText", "setDetailedText",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addItem",
    "addItems", "insertItem", "setItemText", "setSuffix", "setPrefix", "setSpecialValueText",
    "setAccessibleName", "setButtonText", "addButton", "addRow", "setNameFilter",
    "setNameFilters", "setCancelButtonText", "setOkButtonText", "setEmptyText", "setHtml",
    "setPlainText", "addSection", "setItemData",
})
SHOWING_CLASSES = frozenset({
    "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QAction", "QRadioButton", "QToolButton",
    "QMenu", "QCommandLinkButton", "QListWidgetItem", "QTableWidgetItem", "QTreeWidgetItem",
    "QStandardItem", "QMessageBox", "QFileDialog", "QProgressDialog", "QDialogButtonBox",
})
# QMessageBox.warning(parent, title, text), QFileDialog.getSaveFileName(parent, caption, …)
SHOWING_STATICS = frozenset({
    "information", "warning", "critical", "question", "about", "getSaveFileName",
    "getOpenFileName", "getOpenFileNames", "getExistingDirectory", "getText", "getItem",
    "getInt", "getDouble", "getMultiLineText",
})
# Text that is the same in every language.
ALLOWED = frozenset({"QBR Desktop", "#1565C0", "CSV", "XLSX", "PDF", "PPTX", "ICS", "OK", "ROI",
                     "URL"})


@dataclass(frozen=True)
class Unmarked:
    path: Path
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return ""


def is_language(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text.strip() not in ALLOWED


def literals(node: ast.AST) -> Iterator[ast.expr]:
    """The string literals an argument shows, looking through `a if c else b`, `a + b`,
    `"…" % x` and `"…".format(…)`, but not into other calls (translate() among them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if is_language(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        if any(isinstance(part, ast.Constant) and is_language(str(part.value))
               for part in node.values):
            yield node
    elif isinstance(node, ast.IfExp):
        yield from literals(node.body)
        yield from literals(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from literals(value)
    elif isinstance(node, ast.BinOp):
        yield from literals(node.left)
        if isinstance(node.op, ast.Add):
            yield from literals(node.right)
    elif isinstance(node, ast.Call) and _name(node.func) in ("format", "join"):
        if isinstance(node.func, ast.Attribute):
            yield from literals(node.func.value)
    elif isinstance(node, ast.List | ast.Tuple):
        for item in node.elts:
            yield from literals(item)


def shown_arguments(call: ast.Call) -> list[ast.expr]:
    name = _name(call.func)
    if name in SHOWING_METHODS or name in SHOWING_CLASSES:
        return [*call.args, *(kw.value for kw in call.keywords
                              if kw.arg in ("text", "title", "toolTip", "statusTip"))]
    if name in SHOWING_STATICS and _name(getattr(call.func, "value", None) or call.func) in (
            "QMessageBox", "QFileDialog", "QInputDialog"):
        return list(call.args[1:])
    return []


def unmarked_in(path: Path, source: str | None = None) -> list[Unmarked]:
    text = source if source is not None else path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call):
            for argument in shown_arguments(node):
                for literal in literals(argument):
                    found.append(Unmarked(path, literal.lineno,
                                          ast.get_source_segment(text, literal) or ""))
    return found


def qt_catalogues() -> Any:
    """build/qt_translations.py (extract, compile and check the window's catalogues)."""
    spec = importlib.util.spec_from_file_location("qt_translations",
                                                  ROOT / "build" / "qt_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
