"""The QBR deck as a PowerPoint file, from a DeckContent.

    result = write_deck(content, Path("Acme 2026 Q4.pptx"), template=None, accent="#1565C0")
    result.path      # the file written
    result.warnings  # sentences for the CSM: a template refused, a logo that would not load

One slide per shown SlidePlan, in outline order; backup slides follow an "Appendix"
divider. Charts are native PowerPoint charts (editable, and LibreOffice draws them); only
the stakeholder map is a picture. Every slide has speaker notes: talking points from its
data, one question to ask the room, what the CSM's briefing adds for the presenter alone
(the health band, whether last quarter's actions are reviewed), and whatever text was cut to
fit the slide. The copy sent to the customer (`speaker_notes=False`) keeps only the text cut
to fit: the talking points and the briefing are the CSM's.

A CSM's own template is checked as a zip before python-pptx opens it (member count,
unpacked size, compression ratio): a crafted file could otherwise cost gigabytes. A
template that is unsafe or unusable is not an error: the default design is used and
`DeckResult.warnings` says why. The file is written atomically; `cancelled()` returning True
stops the write with DeckCancelled and leaves nothing behind.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Inches

from qbr_desktop.atomic_files import replacing
from qbr_desktop.domain.audience.presenter import presenter_points
from qbr_desktop.domain.deck import (
    DeckBriefing,
    DeckContent,
    SlideKind,
    SlidePlan,
    backup_slides,
    main_slides,
)
from qbr_desktop.domain.slide_kinds import arranged
from qbr_desktop.exports.deck_pages import draw_slide
from qbr_desktop.exports.deck_slides import (
    Frame,
    Page,
    clean,
)
from qbr_desktop.exports.east_asian import east_asian_fonts
from qbr_desktop.i18n import ENGLISH, catalogue

__all__ = ["DeckCancelled", "DeckResult", "clean", "template_problem", "write_deck"]

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 in × 7.5 in
MAX_MEMBERS = 2000
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024  # a member smaller than this cannot be a bomb; its ratio is not checked
LOGO_HEIGHT, LOGO_MAX_WIDTH = Inches(0.5), Inches(1.8)



class DeckCancelled(Exception):
    """The CSM cancelled the export; no file was written."""


@dataclass(frozen=True, slots=True)
class DeckResult:
    """The deck written, and what the CSM should be told (empty when all went to plan)."""

    path: Path
    slides: int
    warnings: tuple[str, ...] = ()


def template_problem(template: Path) -> str | None:
    """Why `template` must not be opened, in words for the CSM; None when it may be."""
    name = clean(Path(template).name)
    try:
        if not zipfile.is_zipfile(template):
            return f"The template {name} is not a PowerPoint file (.pptx)"
        with zipfile.ZipFile(template) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile) as error:
        return f"The template {name} could not be read ({clean(error)})"
    unsafe = f"The template {name} was refused as unsafe"
    if len(members) > MAX_MEMBERS:
        return f"{unsafe}: it holds {len(members):,} files (the limit is {MAX_MEMBERS:,})"
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        return (f"{unsafe}: it would unpack to {unpacked / 2**20:,.0f} MB "
                f"(the limit is {MAX_UNPACKED // 2**20} MB)")
    for member in members:
        if (member.file_size > RATIO_FLOOR
                and member.file_size > MAX_RATIO * max(member.compress_size, 1)):
            return f"{unsafe}: a part of it is compressed more than {MAX_RATIO} to 1"
    return None


def _open_template(template: Path | None) -> tuple[Any, Any, str | None]:
    """(presentation, layout, warning): the CSM's template when usable, else the default."""
    warning = None
    if template is not None:
        warning = template_problem(template)
        if warning is None:
            try:
                presentation = Presentation(str(template))
            # Anything python-pptx cannot read in the CSM's file means the default design.
            except Exception:  # noqa: BLE001
                warning = (f"The template {clean(Path(template).name)} could not be opened "
                           "as a PowerPoint file")
            else:
                layout = _plain_layout(presentation)
                if layout is not None:
                    _remove_slides(presentation)
                    return presentation, layout, None
                warning = (f"The template {clean(Path(template).name)} has no title-only or "
                           "blank layout")
        warning += "; the default design was used instead."
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    return presentation, presentation.slide_layouts[5], warning  # "Title Only"


def _plain_layout(presentation: Any) -> Any:
    """A layout with only a title placeholder, else one with none (dates, footers and slide
    numbers aside: python-pptx does not copy those onto slides)."""
    ignored = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    title_only = blank = None
    for layout in presentation.slide_layouts:
        kinds = [p.placeholder_format.type for p in layout.placeholders
                 if p.placeholder_format.type not in ignored]
        if title_only is None and kinds in ([PP_PLACEHOLDER.TITLE],
                                            [PP_PLACEHOLDER.CENTER_TITLE]):
            title_only = layout
        if blank is None and not kinds:
            blank = layout
    return title_only or blank


def _remove_slides(presentation: Any) -> None:
    slide_ids = presentation.slides._sldIdLst
    for slide_id in list(slide_ids):
        presentation.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)


DEFAULT_ACCENT = "#1565C0"


def write_deck(content: DeckContent, out: Path, *, template: Path | None = None,
               accent: str | None = None, logo: Path | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None,
               speaker_notes: bool = True,
               briefing: DeckBriefing | None = None) -> DeckResult:
    """Write the deck to `out` atomically. Raises DeckCancelled when `cancelled()` says so
    (nothing is written); a template or logo that cannot be used only adds a warning.

    The accent is `accent` when given, else the CSM's template's first theme accent, else
    ours. Only the slides the arrangement kept are written (domain.slide_kinds.arrange)."""
    out = Path(out)
    content = arranged(content)
    presentation, layout, warning = _open_template(template)
    warnings = [warning] if warning else []
    own_style = warning is None and template is not None
    accent = _accent(accent or (theme_accent(presentation) if own_style else None)
                     or DEFAULT_ACCENT)
    main = main_slides(content.outline)
    backup = backup_slides(content.outline)
    plans: list[SlidePlan | None] = [*main, *([None] if backup else []), *backup]
    frame = _frame(presentation, layout, own_style)
    logo_bytes = _logo(logo, warnings)
    with replacing(out) as temporary:
        for number, plan in enumerate(plans, start=1):
            if cancelled is not None and cancelled():
                raise DeckCancelled("The deck export was cancelled.")
            slide = presentation.slides.add_slide(layout)
            page = Page(slide, frame, accent, own_style, content)
            logo_width = _place_logo(page, logo_bytes, warnings)
            if logo_width is None:
                logo_bytes, logo_width = None, 0
            if plan is not None and plan.kind is not SlideKind.TITLE:
                page.title(plan.title, logo_width=logo_width)
            elif plan is None:  # the divider: its title is drawn on its colour
                page.title(page.gettext("Appendix"), logo_width=logo_width, colour="FFFFFF")
            points, prompt = draw_slide(page, plan)
            page.footer(number)
            if speaker_notes:
                if briefing is not None:
                    points += presenter_points(plan.kind if plan else None, briefing,
                                               page.book)
                _notes(page, points, prompt)
            elif page.extra_notes:
                slide.notes_slide.notes_text_frame.text = clean("\n\n".join(page.extra_notes))
            if progress is not None:
                progress(number, len(plans))
        if cancelled is not None and cancelled():
            raise DeckCancelled("The deck export was cancelled.")
        _properties(presentation, content)
        east_asian_fonts(presentation, content.language)
        presentation.save(str(temporary))
    return DeckResult(out, len(plans), tuple(warnings))


def theme_accent(presentation: Any) -> str | None:
    """The first accent colour of the template's theme ("#4F81BD"), or None."""
    from lxml import etree

    namespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    try:
        master = presentation.slide_masters[0]
        theme = next(rel.target_part for rel in master.part.rels.values()
                     if rel.reltype.endswith("/theme"))
        root = etree.fromstring(theme.blob)
    # A theme python-pptx reads but that is not what we expect: our colours instead.
    except Exception:  # noqa: BLE001
        return None
    colour = root.find(f".//{{{namespace}}}accent1/{{{namespace}}}srgbClr")
    value = colour.get("val") if colour is not None else None
    return f"#{value}" if value and len(value) == 6 else None


def _accent(accent: str) -> str:
    colour = accent.strip().lstrip("#")
    valid = len(colour) == 6 and all(c in "0123456789abcdefABCDEF" for c in colour)
    return colour.upper() if valid else "1565C0"


def _frame(presentation: Any, layout: Any, own_style: bool) -> Frame:
    width, height = int(presentation.slide_width), int(presentation.slide_height)
    body_top: int = Inches(1.45)
    if own_style:
        titles = [p for p in layout.placeholders if p.placeholder_format.type in
                  (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)]
        if titles and titles[0].top is not None and titles[0].height is not None:
            bottom = int(titles[0].top) + int(titles[0].height) + Inches(0.1)
            if bottom < height * 0.4:
                body_top = max(body_top, bottom)
    return Frame(width, height, body_top=body_top)


def _logo(logo: Path | None, warnings: list[str]) -> bytes | None:
    if logo is None:
        return None
    try:
        return Path(logo).read_bytes()
    except OSError as error:
        warnings.append(f"The logo could not be read ({clean(error)}); the deck has no logo.")
        return None


def _place_logo(page: Page, logo: bytes | None, warnings: list[str]) -> int | None:
    """The logo's width once placed top right; 0 without a logo; None if it would not load."""
    if logo is None:
        return 0
    frame = page.frame
    try:
        picture = page.slide.shapes.add_picture(io.BytesIO(logo), 0, Inches(0.3),
                                                height=LOGO_HEIGHT)
    # PIL and python-pptx raise several kinds for a file that is not a picture.
    except Exception:  # noqa: BLE001
        warnings.append("The logo is not a picture PowerPoint can show; the deck has no logo.")
        return None
    if picture.width > LOGO_MAX_WIDTH:
        picture.height = int(picture.height * LOGO_MAX_WIDTH / picture.width)
        picture.width = LOGO_MAX_WIDTH
    picture.left = frame.width - frame.margin - picture.width
    picture.name = "Logo"
    return int(picture.width)


def _notes(page: Page, points: list[str], prompt: str) -> None:
    lines = [f"• {point}" for point in points if point.strip()]
    text = "\n".join([*lines, "", page.gettext("Ask: {question}", question=prompt),
                      page.gettext("(Engage, don't present.)")])
    if page.extra_notes:
        text += "\n\n" + "\n\n".join(page.extra_notes)
    page.slide.notes_slide.notes_text_frame.text = clean(text)


def _properties(presentation: Any, content: DeckContent) -> None:
    book = catalogue(content.language)
    review = book.gettext(content.variant.words)
    properties = presentation.core_properties
    properties.title = clean(f"{content.account_name} — {review} {content.quarter}")[:255]
    properties.author = clean(content.csm_name)[:255]
    properties.last_modified_by = clean(content.csm_name)[:255]
    properties.subject = clean(book.gettext("{review} for {account}, {quarter}",
                                            review=review, account=content.account_name,
                                            quarter=content.quarter))[:255]
    if content.language != ENGLISH:
        properties.language = content.language.replace("_", "-")
    properties.keywords = "QBR"
    properties.comments = ""
