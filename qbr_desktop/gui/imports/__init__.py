"""Importing CRM and usage exports: the column-mapping dialog and its preview."""

from qbr_desktop.gui.imports.dialog import ImportDialog

__all__ = ["ImportDialog"]
