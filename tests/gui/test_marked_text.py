"""Every sentence the window's code hands to Qt is marked for translation, and the
window's catalogues are current, finished for every shipped language and compiled."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.text_marking import qt_catalogues, unmarked_in

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "qbr_desktop" / "gui"
GENERATED = {"ui_account_form.py"}  # its .ui is the source (retranslateUi marks it)



def test_no_unmarked_text_reaches_qt_in_the_gui() -> None:
    found = [str(item) for path in sorted(GUI.rglob("*.py")) if path.name not in GENERATED
             for item in unmarked_in(path)]
    assert not found, "Wrap these in translate(context, …):\n" + "\n".join(found)


def test_every_marked_text_is_in_the_catalogue() -> None:
    """lupdate silently skips some calls it cannot parse (one whose count is a call, e.g.
    `translate(ctx, "%n files", None, len(files))`): such a text is marked, passes the scan
    above, and still shows in English. Every literal translate() and QT_TRANSLATE_NOOP of
    the window's code must be in each shipped catalogue."""
    import ast
    import xml.etree.ElementTree as ElementTree

    for catalogue in sorted((ROOT / "resources" / "i18n").glob("qbr_*.ts")):
        held = {(context.findtext("name"), message.findtext("source"))
                for context in ElementTree.parse(catalogue).getroot().iter("context")
                for message in context.iter("message")}
        absent = []
        for path in sorted(GUI.rglob("*.py")):
            if path.name in GENERATED:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or len(node.args) < 2:
                    continue
                called = node.func
                name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
                context, text = node.args[0], node.args[1]
                if name in ("translate", "QT_TRANSLATE_NOOP") and isinstance(
                        context, ast.Constant) and isinstance(text, ast.Constant) and (
                        context.value, text.value) not in held:
                    absent.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text.value!r}")
        assert not absent, f"Not in {catalogue.name} (lupdate skipped them):\n" + "\n".join(
            absent)


def test_no_comment_is_taken_for_a_translator_note() -> None:
    """lupdate reads a `#:` comment as a note for the translator and hands it to the next
    translate() in the file, however far below: a signal's description would then sit
    beside an unrelated sentence in the catalogue. Notes for translators are written
    deliberately, on the line above their translate() call."""
    misplaced = []
    for path in sorted(GUI.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if line.lstrip().startswith("#:"):
                following = next((later for later in lines[number + 1:]
                                  if not later.lstrip().startswith("#")), "")
                if "translate(" not in following and "QT_TRANSLATE_NOOP" not in following:
                    misplaced.append(f"{path.relative_to(ROOT)}:{number + 1}")
    assert not misplaced, "Use # (not #:) for these comments:\n" + "\n".join(misplaced)


@pytest.mark.parametrize("source", [
    'label.setText("Saved")',
    'QMessageBox.warning(self, "Not saved", f"{name} was not saved")',
    'self.setWindowTitle("Deck — " + name)',
    'button = QPushButton("Export deck" if ready else "Preparing…", self)',
    'box.addItem("Conservative ROI: {value}".format(value=value))',
])
def test_the_scan_finds_unmarked_text(source: str) -> None:
    assert unmarked_in(Path("example.py"), source)


@pytest.mark.parametrize("source", [
    'label.setText(translate("Deck", "Saved"))',
    'label.setText(self.tr("Saved {name}").format(name=name))',
    'label.setText(account.name)',
    'label.setText("—")',
    'label.setText(f"{count:,}")',
    'label.setObjectName("deckTitle")',
])
def test_the_scan_lets_marked_text_and_data_through(source: str) -> None:
    assert not unmarked_in(Path("example.py"), source)


def test_the_catalogues_are_current_complete_and_compiled() -> None:
    """No entry unfinished or left from removed code, for any shipped language, and each
    .qm is what lrelease makes of its .ts today."""
    tools = qt_catalogues()
    assert tools.catalogues(), "no Qt catalogue is shipped"
    assert tools.check() == []


def test_the_forms_are_in_the_catalogue() -> None:
    tools = qt_catalogues()
    assert any(path.suffix == ".ui" for path in tools.sources())
    assert "Account &amp;name" in (ROOT / "resources" / "i18n" / "qbr_zh_CN.ts").read_text(
        encoding="utf-8")
