"""Qt Designer forms; compiled into qbr_desktop/gui/*/ui_*.py by pyside6-uic."""
