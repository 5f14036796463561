"""`qbr --help` laid out by terminal columns, with headings in the language's punctuation.

argparse (3.11) measures its help with `len()`: a Chinese character takes two columns of a
terminal but counts one, so help texts were wrapped twice too wide and usage lines after the
first started short of "用法：qbr …". It also ends a section's heading with an ASCII colon
("位置参数:"), which 3.13 translates and 3.11 does not. `QbrArgumentParser` (and every
sub-command's parser, which argparse makes of the same class) uses `ColumnsHelpFormatter`,
which measures with `cli.output.width` and ends headings with the catalogue's "{heading}:".
"""

from __future__ import annotations

import argparse
from functools import cache
from typing import Any

from qbr_desktop.cli.output import width
from qbr_desktop.i18n import msg, ui_text

# A line does not start with closing punctuation nor end with opening punctuation.
_NO_LINE_START = set("，。、；：？！）」』》〉】”’,.;:?!)]}%")
_NO_LINE_END = set("（「『《〈【“‘([{")


def _pieces(text: str) -> list[str]:
    """Spaces, runs of narrow text (a word) and single wide characters: where a line may
    break (before a wide character, or at a space)."""
    pieces: list[str] = []
    last = ""
    for char in text:
        kind = "space" if char.isspace() else "wide" if width(char) == 2 else "narrow"
        if pieces and kind == last and kind != "wide":
            pieces[-1] += char
        else:
            pieces.append(char)
        last = kind
    return pieces


def _glue(pieces: list[str]) -> list[str]:
    """Pieces that must stay together (a wide character and the punctuation after it)."""
    glued: list[str] = []
    for piece in pieces:
        if glued and not piece.isspace() and not glued[-1].isspace() and (
                piece[0] in _NO_LINE_START or glued[-1][-1] in _NO_LINE_END):
            glued[-1] += piece
        else:
            glued.append(piece)
    return glued


def wrap_columns(text: str, columns: int) -> list[str]:
    """`text` in lines of at most `columns` terminal columns (a wide character is two),
    breaking at spaces and between Chinese characters; a word longer than a line is cut."""
    columns = max(columns, 2)
    lines: list[str] = []
    line = ""
    for piece in _glue(_pieces(" ".join(text.split()))):
        if piece.isspace():
            if line:
                line += " "
            continue
        while width(piece) > columns:  # a word longer than a line: cut it where it must be
            room = columns - width(line)
            cut = _fitting(piece, room) if room > 0 else 0
            if cut == 0 and line:
                lines.append(line.rstrip())
                line = ""
                continue
            cut = cut or 1
            lines.append(line + piece[:cut])
            line, piece = "", piece[cut:]
        if line and width(line) + width(piece) > columns:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fitting(text: str, columns: int) -> int:
    """How many characters of `text` fit in `columns`."""
    used = 0
    for index, char in enumerate(text):
        used += width(char)
        if used > columns:
            return index
    return len(text)


class ColumnsHelpFormatter(argparse.HelpFormatter):
    """argparse's layout, measured in terminal columns, headings in the language's words."""

    class _Section(argparse.HelpFormatter._Section):
        def format_help(self) -> str:
            text: str = super().format_help()
            heading = self.heading
            if not isinstance(heading, str) or heading is argparse.SUPPRESS:
                return text
            # 3.11 and 3.12 end the heading with ":" themselves; 3.13 asks the catalogue,
            # which already gives the language's colon, and then nothing here matches.
            return text.replace(f"{heading}:\n", ui_text(msg("{heading}:", heading=heading))
                                + "\n", 1)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)] + [
                self._format_action_invocation(sub)
                for sub in self._iter_indented_subactions(action)]
            self._action_max_length = max(self._action_max_length, self._current_indent
                                          + max(map(width, invocations)))

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        invocation = self._format_action_invocation(action)
        indent = " " * self._current_indent
        help_text = self._expand_help(action) if action.help and action.help.strip() else ""
        if not help_text:
            parts = [f"{indent}{invocation}\n"]
        elif width(invocation) <= action_width:
            padding = " " * (action_width - width(invocation) + 2)
            lines = self._split_lines(help_text, help_width)
            parts = [f"{indent}{invocation}{padding}{lines[0]}\n"]
            parts += [" " * help_position + line + "\n" for line in lines[1:]]
        else:
            parts = [f"{indent}{invocation}\n"]
            parts += [" " * help_position + line + "\n"
                      for line in self._split_lines(help_text, help_width)]
        parts += [self._format_action(sub) for sub in self._iter_indented_subactions(action)]
        return self._join_parts(parts)

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        # argparse indents the usage's later lines by len(prefix): measure it in columns by
        # laying the usage out after spaces as wide as the prefix, then putting it back.
        if prefix is None:
            prefix = getattr(argparse, "_")("usage: ")  # noqa: B009 - the installed words
        stand_in = " " * width(prefix)
        text: str = super()._format_usage(usage, actions, groups, stand_in)
        if not text.startswith(stand_in):
            return str(super()._format_usage(usage, actions, groups, prefix))
        return prefix + text[len(stand_in):]

    # Text without wide characters is wrapped by argparse itself (textwrap, which also
    # breaks after hyphens), so English help reads exactly as before.
    def _split_lines(self, text: str, columns: int) -> list[str]:
        if width(text) <= len(text):
            return list(super()._split_lines(text, columns))
        return wrap_columns(text, columns) or [""]

    def _fill_text(self, text: str, columns: int, indent: str) -> str:
        if width(text) <= len(text):
            return str(super()._fill_text(text, columns, indent))
        return "\n".join(indent + line for line in wrap_columns(text, columns - len(indent)))


@cache
def in_columns(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """`formatter` measuring in columns: what it changes (a raw description, say) stays its
    own, the rest is ColumnsHelpFormatter's."""
    if issubclass(formatter, ColumnsHelpFormatter):
        return formatter
    return type(f"Columns{formatter.__name__}", (formatter, ColumnsHelpFormatter), {})


class QbrArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser laid out by `ColumnsHelpFormatter` (its sub-commands' too, with
    the formatter a sub-command asks for measuring in columns as well)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["formatter_class"] = in_columns(kwargs.get("formatter_class",
                                                          ColumnsHelpFormatter))
        super().__init__(*args, **kwargs)
