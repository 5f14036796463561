"""The value story: the text as it reads today, one editor per sentence, and staleness.

A sentence the CSM has not touched stays bound to the numbers and is redrawn as they
change; one the CSM rewrote keeps its words, and the domain says when they go stale.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from qbr_desktop.gui.translation import translate


class ValueStoryView(QWidget):
    # The CSM finished editing a sentence: its index and new text.
    sentence_edited = Signal(int, str)
    # The CSM asked for the story to be drafted again from the numbers.
    regenerate_requested = Signal()
    # Sentence editors were added or removed: the focus chain needs them.
    fields_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.story_text = QLabel(self)
        self.story_text.setObjectName("roiStoryText")
        self.story_text.setWordWrap(True)
        self.story_text.setTextFormat(Qt.TextFormat.PlainText)
        self.story_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale_text = QLabel(self)
        self.stale_text.setObjectName("roiStoryStale")
        self.stale_text.setProperty("class", "fieldError")
        self.stale_text.setWordWrap(True)
        self.stale_text.setTextFormat(Qt.TextFormat.PlainText)
        self.regenerate_button = QPushButton(translate("ValueStoryView",
                                                       "&Regenerate from the numbers"), self)
        self.regenerate_button.clicked.connect(self.regenerate_requested)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale_text, 1)
        stale_row.addWidget(self.regenerate_button, 0, Qt.AlignmentFlag.AlignTop)
        self.sentence_box = QVBoxLayout()
        self.sentence_box.setSpacing(3)
        self.editors: list[QLineEdit] = []
        hint = QLabel(translate("ValueStoryView",
                                "Edit a sentence to put it in your own words; untouched sentences "
                      "follow the numbers."), self)
        hint.setWordWrap(True)
        hint.setObjectName("roiStoryHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.story_text)
        layout.addLayout(stale_row)
        layout.addWidget(hint)
        layout.addLayout(self.sentence_box)
        self.show_story([], "", ())

    def show_story(self, sentences: Sequence[str], text: str, stale: Sequence[str]) -> None:
        self.story_text.setText(text or translate("ValueStoryView",
                                                  "No story yet: add a value line."))
        self.stale_text.setText(translate("ValueStoryView",
                                          "The story no longer matches the numbers:\n")
                                + "\n".join(f"• {reason}" for reason in stale))
        self.stale_text.setVisible(bool(stale))
        self.regenerate_button.setVisible(bool(stale))
        changed = len(self.editors) != len(sentences)
        while len(self.editors) > len(sentences):
            editor = self.editors.pop()
            self.sentence_box.removeWidget(editor)
            editor.deleteLater()
        while len(self.editors) < len(sentences):
            self._add_editor(len(self.editors))
        if changed:
            self.fields_changed.emit()
        for editor, sentence in zip(self.editors, sentences, strict=True):
            # Never overwrite what the CSM is typing; the edit is read when they leave.
            if not editor.hasFocus() and editor.text() != sentence:
                editor.setText(sentence)
                editor.setCursorPosition(0)

    def focus_order(self) -> list[QWidget]:
        """Regenerating sits above the sentences."""
        return [self.regenerate_button, *self.editors]

    def _add_editor(self, index: int) -> None:
        editor = QLineEdit(self)
        editor.setObjectName(f"roiSentence{index}")
        editor.editingFinished.connect(lambda: self.sentence_edited.emit(index, editor.text()))
        self.sentence_box.addWidget(editor)
        self.editors.append(editor)
