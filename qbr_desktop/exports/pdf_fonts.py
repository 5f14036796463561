"""Fonts and safe text for the PDF exports (the one-page brief and the handout).

reportlab's built-in Helvetica has no Cyrillic or CJK glyphs and silently draws boxes, so
the PDFs use DejaVu Sans (shipped inside matplotlib's package data, so no extra file is
needed) for Latin, Greek and Cyrillic, plus a CJK font found on the system:

* a TrueType-outline CJK font (WenQuanYi Micro Hei/Zen Hei, Droid Sans Fallback, AR PL,
  Microsoft YaHei, SimSun, MS Gothic, Arial Unicode...), embedded as a subset like DejaVu.
  Noto Sans CJK is CFF-outline: reportlab cannot read it (TTFError) and it is skipped.
  QBR_PDF_CJK_FONT may name a .ttf/.ttc file to try first.
* otherwise reportlab's CID fonts (STSong-Light; HYSMyeongJo-Medium for Hangul): they
  render in every PDF viewer but are NOT embedded. font_report() says which case applies.

Emoji need a font with TrueType outlines too (Symbola, Segoe UI Emoji...; Noto Color Emoji
is bitmaps, which reportlab cannot draw); QBR_PDF_EMOJI_FONT may name one. Without one,
emoji are left out cleanly (exports/visual_text.py), and font_report() says so.

User text goes through markup(): illegal XML characters are dropped, emoji no font draws
are left out, Arabic is shaped, the text is escaped (so "<img src=...>", "<a href=...>"
and "R&D" print literally), and only then are our own <font> tags put around the runs the
main font cannot draw. Right-to-left text is put in visual order line by line when it is
drawn (exports/pdf_text.Paragraph).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from qbr_desktop.exports.visual_text import drawable_emoji, shape_arabic

MAIN, MAIN_BOLD = "QBR-DejaVuSans", "QBR-DejaVuSans-Bold"
CJK_TTF, EMOJI_TTF = "QBR-CJK", "QBR-Emoji"
CID_CJK, CID_HANGUL = "STSong-Light", "HYSMyeongJo-Medium"
ENV_CJK_FONT, ENV_EMOJI_FONT = "QBR_PDF_CJK_FONT", "QBR_PDF_EMOJI_FONT"
ELLIPSIS = "…"

KNOWN_CJK_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simsun.ttc",
    "C:\\Windows\\Fonts\\msgothic.ttc",
    "C:\\Windows\\Fonts\\malgun.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
FC_QUERIES = (":lang=zh", ":lang=ja", ":lang=ko")
KNOWN_EMOJI_FILES = (
    "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    "/usr/share/fonts/truetype/symbola/Symbola.ttf",
    "/usr/share/fonts/gdouros-symbola/Symbola.ttf",
    "C:\\Windows\\Fonts\\seguiemj.ttf",
    "C:\\Windows\\Fonts\\seguisym.ttf",
)
# Pictographs DejaVu Sans lacks (it has the emoticons block), so a hit is an emoji font.
EMOJI_PROBES = ("\U0001f44d", "\U0001f680")
FC_EMOJI_QUERIES = tuple(f":charset={ord(char):x}" for char in EMOJI_PROBES)

# Characters XML 1.0 forbids (and reportlab chokes on): C0 controls but tab/newline/CR,
# DEL and C1 controls, lone surrogates, U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CJK_RANGES = ((0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x30FF), (0x3100, 0x31FF),
               (0x3200, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
               (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF


@dataclass(frozen=True, slots=True)
class FontReport:
    """Which fonts the PDFs use. cjk_file is None for the CID fallback (not embedded)."""

    main_font: str
    main_file: str | None
    cjk_font: str
    cjk_file: str | None
    cjk_embedded: bool
    emoji_file: str | None = None

    @property
    def emoji_embedded(self) -> bool:
        """True: emoji are drawn from emoji_file; False: they are left out of the PDFs."""
        return self.emoji_file is not None

    @property
    def summary(self) -> str:
        if self.cjk_embedded:
            cjk = f"CJK text in {Path(self.cjk_file or '').name} (embedded)"
        else:
            cjk = (f"CJK text in the viewer's {self.cjk_font} (not embedded: no TrueType CJK "
                   "font found; install fonts-wqy-microhei or set " + ENV_CJK_FONT + ")")
        if self.emoji_file:
            emoji = f"emoji in {Path(self.emoji_file).name} (embedded, monochrome)"
        else:
            emoji = ("emoji left out (no TrueType emoji font found; install fonts-symbola or "
                     "set " + ENV_EMOJI_FONT + ")")
        return f"Text in {Path(self.main_file or self.main_font).name}; {cjk}; {emoji}"


_lock = threading.Lock()
_report: FontReport | None = None
_main_cmap: frozenset[int] = frozenset()
_cjk_cmap: frozenset[int] = frozenset()
_emoji_cmap: frozenset[int] = frozenset()


def _dejavu_files() -> tuple[Path, Path] | None:
    folders: list[Path] = []
    try:
        import matplotlib

        folders.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        pass
    folders.append(Path("/usr/share/fonts/truetype/dejavu"))
    for folder in folders:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def _fontconfig_files(queries: tuple[str, ...] = FC_QUERIES) -> list[str]:
    """Font files fontconfig knows for the queries, TrueType extensions first; [] without
    fontconfig."""
    files: list[str] = []
    fc_list, fc_match = shutil.which("fc-list"), shutil.which("fc-match")
    commands = [[fc_list, query, "file"] for query in queries] if fc_list else []
    if fc_match:
        commands += [[fc_match, "-f", "%{file}\n", f"sans-serif{q}"] for q in queries]
    for command in commands:
        try:
            output = subprocess.run([str(part) for part in command], capture_output=True,
                                    text=True, timeout=10, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        for line in output.splitlines():
            path = line.strip().rstrip(":").strip()
            if path and path not in files:
                files.append(path)
    return sorted(files, key=lambda p: not p.lower().endswith((".ttf", ".ttc")))


def _candidates(variable: str, known_files: tuple[str, ...],
                queries: tuple[str, ...]) -> list[str]:
    chosen = os.environ.get(variable, "").strip()
    known = [path for path in known_files if (sys.platform == "win32") == (":" in path)]
    result: list[str] = []
    for path in ([chosen] if chosen else []) + known + _fontconfig_files(queries):
        if path not in result and Path(path).is_file():
            result.append(path)
    return result


def cjk_candidates() -> list[str]:
    """Files to try, in order: $QBR_PDF_CJK_FONT, the known paths, then fontconfig's."""
    return _candidates(ENV_CJK_FONT, KNOWN_CJK_FILES, FC_QUERIES)


def emoji_candidates() -> list[str]:
    """Files to try, in order: $QBR_PDF_EMOJI_FONT, the known paths, then fontconfig's."""
    return _candidates(ENV_EMOJI_FONT, KNOWN_EMOJI_FILES, FC_EMOJI_QUERIES)


def has_truetype_outlines(path: str) -> bool:
    """Whether the file's (first) font has a 'glyf' table, read from its table directory.

    A cheap check before reportlab reads the whole file: CFF fonts (Noto Sans CJK) are
    skipped without loading tens of megabytes only to be refused.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(16)
            offset = struct.unpack(">I", head[12:16])[0] if head[:4] == b"ttcf" else 0
            stream.seek(offset)
            directory = stream.read(12)
            count = struct.unpack(">H", directory[4:6])[0]
            tables = stream.read(16 * min(count, 64))
    except (OSError, struct.error):
        return False
    return any(tables[i:i + 4] == b"glyf" for i in range(0, len(tables), 16))


def _load_truetype(name: str, path: str, probes: str) -> object | None:
    """A reportlab TTFont for the file if it is TrueType-outline and has a probe glyph."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if not has_truetype_outlines(path):
        return None
    try:
        font = TTFont(name, path, subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
        return None  # e.g. "postscript outlines are not supported" for Noto Sans CJK
    cmap = getattr(font.face, "charToGlyph", {})
    return font if any(ord(char) in cmap for char in probes) else None


def load_truetype_cjk(path: str) -> object | None:
    """A reportlab TTFont for the file if it is TrueType-outline and draws CJK, else None."""
    return _load_truetype(CJK_TTF, path, "中한")


def load_truetype_emoji(path: str) -> object | None:
    """A reportlab TTFont for the file if it is TrueType-outline and draws emoji, else None."""
    return _load_truetype(EMOJI_TTF, path, "".join(EMOJI_PROBES))


def register_fonts() -> FontReport:
    """Register the fonts with reportlab once per process; returns what is used."""
    global _report, _main_cmap, _cjk_cmap, _emoji_cmap
    with _lock:
        if _report is not None:
            return _report
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfbase.ttfonts import TTFont

        dejavu = _dejavu_files()
        main_file: str | None = None
        if dejavu is not None:
            regular = TTFont(MAIN, str(dejavu[0]))
            pdfmetrics.registerFont(regular)
            pdfmetrics.registerFont(TTFont(MAIN_BOLD, str(dejavu[1])))
            pdfmetrics.registerFontFamily(MAIN, normal=MAIN, bold=MAIN_BOLD, italic=MAIN,
                                          boldItalic=MAIN_BOLD)
            _main_cmap = frozenset(regular.face.charToGlyph)
            main_file, main_font = str(dejavu[0]), MAIN
        else:  # pragma: no cover - matplotlib always ships DejaVu
            main_font = "Helvetica"
        cjk_font, cjk_file = CID_CJK, None
        for path in cjk_candidates():
            font = load_truetype_cjk(path)
            if font is not None:
                pdfmetrics.registerFont(font)
                _cjk_cmap = frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]
                cjk_font, cjk_file = CJK_TTF, path
                break
        else:
            for name in (CID_CJK, CID_HANGUL):
                pdfmetrics.registerFont(UnicodeCIDFont(name))
        emoji_file = None
        for path in emoji_candidates():
            font = load_truetype_emoji(path)
            if font is not None:
                pdfmetrics.registerFont(font)
                _emoji_cmap = frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]
                emoji_file = path
                break
        for name in ((CJK_TTF,) if cjk_file else (CID_CJK, CID_HANGUL)) + (
                (EMOJI_TTF,) if emoji_file else ()):
            pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name,
                                          boldItalic=name)
        _report = FontReport(main_font, main_file, cjk_font, cjk_file, cjk_file is not None,
                             emoji_file)
        return _report


def font_report() -> FontReport:
    """Which fonts draw the text, the CJK text and emoji, and which are embedded."""
    return register_fonts()


# Text -----------------------------------------------------------------------------------
def clean(text: object) -> str:
    """The text without characters XML (and so reportlab) cannot carry."""
    return _ILLEGAL.sub("", "" if text is None else str(text))


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word where one is near, ending in "…"."""
    text = " ".join(clean(text).split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    space = cut.rfind(" ")
    if space > limit * 0.7:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def _font_for(char: str, report: FontReport) -> str | None:
    """The font a character needs instead of the main one, or None."""
    code = ord(char)
    if code in _main_cmap:
        return None
    if report.cjk_embedded:
        if code in _cjk_cmap:
            return CJK_TTF
    elif is_cjk(char):
        return CID_HANGUL if _is_hangul(char) else CID_CJK
    return EMOJI_TTF if code in _emoji_cmap else None


def drawable(char: str) -> bool:
    """Whether one of the embedded fonts has a glyph for the character."""
    code = ord(char)
    return code in _main_cmap or code in _cjk_cmap or code in _emoji_cmap


def markup(text: object, *, breaks: bool = False) -> str:
    """Paragraph markup for user text: cleaned, emoji kept only where a font draws them,
    Arabic shaped, escaped, then CJK and emoji runs put in <font> tags.

    With breaks=True a newline becomes a line break; otherwise all whitespace is one space.
    """
    report = register_fonts()
    raw = drawable_emoji(clean(text), drawable)
    raw = "\n".join(" ".join(line.split()) for line in raw.splitlines()) if breaks \
        else " ".join(raw.split())
    raw = shape_arabic(raw, report.main_file, drawable)
    escaped = escape(raw)  # only ASCII entities are added, so no CJK run is split by them
    parts: list[str] = []
    run: list[str] = []
    current: str | None = None
    for char in escaped:
        font = current if char == " " else _font_for(char, report)
        if font != current and run:
            parts.append(_wrap("".join(run), current))
            run = []
        current = font
        run.append(char)
    if run:
        parts.append(_wrap("".join(run), current))
    result = "".join(parts)
    return result.replace("\n", "<br/>") if breaks else result


def _wrap(run: str, font: str | None) -> str:
    return run if font is None else f'<font name="{font}">{run}</font>'


def plain(text: object) -> str:
    """One line of text for PDF metadata and file-level strings: cleaned, no markup."""
    return " ".join(clean(text).split())


def styles(base_size: float = 9.5) -> dict[str, Any]:
    """Paragraph styles in the registered fonts: body, small, muted, h1, h2, h3, cell."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    report = register_fonts()
    regular = report.main_font
    bold = MAIN_BOLD if regular == MAIN else "Helvetica-Bold"
    ink, muted = HexColor("#1f2933"), HexColor("#52606d")
    body = ParagraphStyle("body", fontName=regular, fontSize=base_size,
                          leading=base_size * 1.3, textColor=ink,
                          bulletFontName=regular)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=base_size - 1.5,
                                leading=(base_size - 1.5) * 1.25),
        "muted": ParagraphStyle("muted", parent=body, fontSize=base_size - 1,
                                leading=(base_size - 1) * 1.3, textColor=muted),
        "h1": ParagraphStyle("h1", parent=body, fontName=bold, fontSize=base_size + 9,
                             leading=(base_size + 9) * 1.2, spaceAfter=2),
        "h2": ParagraphStyle("h2", parent=body, fontName=bold, fontSize=base_size + 3.5,
                             leading=(base_size + 3.5) * 1.25, spaceBefore=6, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=body, fontName=bold, fontSize=base_size + 0.5,
                             leading=(base_size + 0.5) * 1.3, spaceBefore=5, spaceAfter=2,
                             textColor=HexColor("#2f6fde")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=base_size - 1,
                               leading=(base_size - 1) * 1.25),
        "cellhead": ParagraphStyle("cellhead", parent=body, fontName=bold,
                                   fontSize=base_size - 1, leading=(base_size - 1) * 1.25),
    }


def page_size_for(currency: str) -> tuple[float, float]:
    """US Letter for US dollars (the reader prints on Letter), A4 for everything else."""
    from reportlab.lib.pagesizes import A4, LETTER

    return LETTER if currency.upper() == "USD" else A4
