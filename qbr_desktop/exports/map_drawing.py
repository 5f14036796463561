"""How a stakeholder map looks: one painter for the canvas and for the PNG/SVG export, so the
picture in the deck is the picture on screen.

A card encodes the data at a glance: the left stripe's colour is sentiment (red opposed …
green advocate), the badge top right is the decision role, the pips bottom right are
influence (1–5), the dot bottom left fades as the last contact ages, and a departed person
is greyed with "Left" across the badge. Only QtGui is used, so an export needs no window.

The card's words are in the language of the catalogue given: the window's by default (the
canvas, and the team's own export), the account's for a picture the customer sees.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from qbr_desktop.domain.stakeholder_layout import CARD_HEIGHT, CARD_WIDTH, Band
from qbr_desktop.domain.stakeholders import (
    STALE_CONTACT_DAYS,
    DecisionRole,
    Stakeholder,
    level_label,
    role_label,
    role_mark,
)
from qbr_desktop.i18n import N_, Catalogue, interface_catalogue, msg, msg_in_context, msg_plural

SENTIMENT_COLOURS = {-2: "#c62828", -1: "#ef6c00", 0: "#9e9e9e", 1: "#7cb342", 2: "#2e7d32"}
SENTIMENT_WORDS = {-2: N_("hostile"), -1: N_("sceptical"), 0: N_("neutral"),
                   1: N_("supportive"), 2: N_("advocate")}
ROLE_COLOURS = {
    DecisionRole.ECONOMIC_BUYER: "#6a1b9a", DecisionRole.EXECUTIVE_SPONSOR: "#4527a0",
    DecisionRole.DECISION_MAKER: "#283593", DecisionRole.CHAMPION: "#2e7d32",
    DecisionRole.INFLUENCER: "#1565c0", DecisionRole.USER: "#607d8b",
    DecisionRole.DETRACTOR: "#c62828", DecisionRole.BLOCKER: "#8e0000",
}
REPORTS_TO_COLOUR = "#455a64"
PUBLIC_STRIPE = "#607d8b"
INFLUENCE_COLOUR = "#1565c0"
HIGHLIGHT_COLOUR = "#ffb300"
SELECTED_COLOUR = "#1e88e5"
BAND_COLOURS = ("#eef5ff", "#fff4e5", "#f1f8e9", "#f5f5f5")
STRIPE = 8.0
PADDING = 8.0
ARROW = 9.0


def card_rect() -> QRectF:
    return QRectF(0, 0, CARD_WIDTH, CARD_HEIGHT)


def card_bounds() -> QRectF:
    """What a card may paint on: its rectangle, the border, and the risk mark above it."""
    return card_rect().adjusted(-2, -10, 2, 2)


def shown_name(person: Stakeholder, anonymous: bool, book: Catalogue | None = None) -> str:
    """The name on the card, or for a map shared outside the team, the person's title."""
    if not anonymous:
        return person.name
    return person.title.strip() or msg("{level} ({role})", level=level_label(person.level, book),
                                       role=role_label(person.role, book)).render(words_in(book))


def words_in(book: Catalogue | None) -> Catalogue:
    """The map's language: the catalogue given, else the window's."""
    return book if book is not None else interface_catalogue()


def contact_words(person: Stakeholder, today: date, book: Catalogue | None = None) -> str:
    if person.last_contact is None:
        return words_in(book).gettext("never contacted")
    days = (today - person.last_contact).days
    if days <= 0:
        return words_in(book).gettext("contacted today")
    return msg_plural("contacted {count} day ago", "contacted {count} days ago",
                      days).render(words_in(book))


def contact_freshness(person: Stakeholder, today: date) -> float:
    """1 for a contact today, fading to 0.15 at the 90-day mark and beyond (or never)."""
    if person.last_contact is None:
        return 0.15
    days = max((today - person.last_contact).days, 0)
    return max(0.15, 1.0 - 0.85 * days / STALE_CONTACT_DAYS)


def tooltip(person: Stakeholder, today: date, anonymous: bool = False,
            book: Catalogue | None = None) -> str:
    """Everything the card elides, as plain lines (the caller escapes it for rich text)."""
    book = words_in(book)
    lines = [shown_name(person, anonymous, book)]
    if person.title and not anonymous:
        lines.append(person.title)
    if person.email and not anonymous:
        lines.append(person.email)
    lines.append(book.gettext("{role} · {level} · influence {influence}/5 · {sentiment}",
                              role=role_label(person.role, book),
                              level=level_label(person.level, book),
                              influence=person.influence, sentiment=book.gettext(
                                  SENTIMENT_WORDS.get(person.sentiment, ""))))
    lines.append(contact_words(person, today, book).capitalize())
    if person.departed:
        lines.append(book.gettext("Has left the company or the role"))
    return "\n".join(lines)


def _font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    """Sizes in pixels, not points: a card must look the same on screen, in a 2× PNG and in
    an SVG, whatever each device's dots per inch."""
    font = QFont(base)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def paint_card(painter: QPainter, person: Stakeholder, today: date, *, anonymous: bool = False,
               selected: bool = False, highlighted: bool = False, at_risk: bool = False,
               base_font: QFont | None = None, internal: bool = True,
               book: Catalogue | None = None) -> None:
    """Draw the card with its top-left corner at the painter's origin, its words in the
    catalogue's language (the window's by default).

    `internal=False` draws the card for the customer's eyes (a deck): name, title and
    level only, in a neutral colour, since sentiment, decision roles, influence and our
    notes about their people are the account team's own working knowledge.
    """
    if not internal:
        _paint_public_card(painter, person, anonymous, base_font, words_in(book))
        return
    rect = card_rect()
    base = base_font or painter.font()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if person.departed:
        painter.setOpacity(0.55)
    outline = QPainterPath()
    outline.addRoundedRect(rect, 6, 6)
    border = QColor(HIGHLIGHT_COLOUR if highlighted else SELECTED_COLOUR if selected
                    else "#b0bec5")
    painter.setPen(QPen(border, 3 if highlighted or selected else 1))
    painter.setBrush(QColor("#eceff1" if person.departed else "#ffffff"))
    painter.drawPath(outline)
    stripe_colour = "#9e9e9e" if person.departed else SENTIMENT_COLOURS.get(person.sentiment,
                                                                            "#9e9e9e")
    painter.setClipPath(outline)
    painter.fillRect(QRectF(0, 0, STRIPE, CARD_HEIGHT), QColor(stripe_colour))
    painter.setClipping(False)
    _paint_role(painter, person, words_in(book))
    text_left = STRIPE + PADDING
    text_width = CARD_WIDTH - text_left - PADDING - 30
    name_font = _font(base, 13, bold=True)
    painter.setFont(name_font)
    painter.setPen(QColor("#212121"))
    metrics = QFontMetricsF(name_font)
    name = metrics.elidedText(shown_name(person, anonymous, book), Qt.TextElideMode.ElideRight,
                              text_width)
    # Fixed rows rather than font heights: a CJK or Arabic fallback font is taller than
    # the Latin one and would otherwise push its line into the next.
    _text_row(painter, QRectF(text_left, 5, text_width, 20), name)
    if person.departed:
        y = 15.0
        painter.drawLine(QPointF(text_left, y),
                         QPointF(text_left + min(metrics.horizontalAdvance(name), text_width), y))
    small = _font(base, 11)
    painter.setFont(small)
    small_metrics = QFontMetricsF(small)
    painter.setPen(QColor("#455a64"))
    wide = CARD_WIDTH - text_left - PADDING
    level = level_label(person.level, words_in(book))
    second = level if anonymous else (person.title or level)
    _text_row(painter, QRectF(text_left, 27, wide, 17),
              small_metrics.elidedText(second, Qt.TextElideMode.ElideRight, wide))
    role_line = role_label(person.role, words_in(book))
    if not anonymous and person.owner_name:
        role_line = msg("{role} · ours: {owner}", role=role_line,
                        owner=person.owner_name).render(words_in(book))
    _text_row(painter, QRectF(text_left, 44, wide, 17),
              small_metrics.elidedText(role_line, Qt.TextElideMode.ElideRight, wide))
    painter.setPen(QColor("#78909c"))
    _text_row(painter, QRectF(text_left + 12, CARD_HEIGHT - 20, 80, 16),
              small_metrics.elidedText(_contact_short(person, today, words_in(book)),
                                       Qt.TextElideMode.ElideRight, 80))
    _paint_contact_dot(painter, person, today, text_left)
    _paint_influence(painter, person.influence)
    if at_risk:
        _paint_risk_mark(painter)
    painter.restore()


def _paint_risk_mark(painter: QPainter) -> None:
    """A red '!' on the card's top edge: this person is part of a coverage risk."""
    painter.setOpacity(1.0)
    centre = QPointF(CARD_WIDTH - 44, 0)
    painter.setPen(QPen(QColor("#ffffff"), 1.5))
    painter.setBrush(QColor(SENTIMENT_COLOURS[-2]))
    painter.drawEllipse(centre, 8, 8)
    painter.setFont(_font(painter.font(), 11, bold=True))
    painter.drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16),
                     Qt.AlignmentFlag.AlignCenter, "!")


def _paint_public_card(painter: QPainter, person: Stakeholder, anonymous: bool,
                       base_font: QFont | None, book: Catalogue) -> None:
    rect = card_rect()
    base = base_font or painter.font()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    outline = QPainterPath()
    outline.addRoundedRect(rect, 6, 6)
    painter.setPen(QPen(QColor("#b0bec5"), 1))
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(outline)
    painter.setClipPath(outline)
    painter.fillRect(QRectF(0, 0, STRIPE, CARD_HEIGHT), QColor(PUBLIC_STRIPE))
    painter.setClipping(False)
    left = STRIPE + PADDING
    wide = CARD_WIDTH - left - PADDING
    name_font = _font(base, 13, bold=True)
    painter.setFont(name_font)
    painter.setPen(QColor("#212121"))
    _text_row(painter, QRectF(left, 14, wide, 20), QFontMetricsF(name_font).elidedText(
        shown_name(person, anonymous, book), Qt.TextElideMode.ElideRight, wide))
    small = _font(base, 11)
    painter.setFont(small)
    painter.setPen(QColor("#455a64"))
    metrics = QFontMetricsF(small)
    level = level_label(person.level, book)
    for top, text in ((38, level if anonymous else person.title),
                      (55, "" if anonymous or not person.title else level)):
        _text_row(painter, QRectF(left, top, wide, 17),
                  metrics.elidedText(text, Qt.TextElideMode.ElideRight, wide))
    painter.restore()


def _text_row(painter: QPainter, rect: QRectF, text: str) -> None:
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                     | Qt.TextFlag.TextSingleLine, text)


def _contact_short(person: Stakeholder, today: date, book: Catalogue) -> str:
    if person.last_contact is None:
        return msg_in_context("last contact", "never").render(book)
    days = max((today - person.last_contact).days, 0)
    return (msg_in_context("last contact", "today") if days == 0
            else msg_in_context("last contact", "{days}d ago", days=days)).render(book)


def _paint_role(painter: QPainter, person: Stakeholder, book: Catalogue) -> None:
    badge = QRectF(CARD_WIDTH - 32, 6, 26, 20)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#757575" if person.departed else ROLE_COLOURS[person.role]))
    painter.drawRoundedRect(badge, 4, 4)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(_font(painter.font(), 10, bold=True))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter,
                     msg_in_context("role badge", "Left").render(book) if person.departed
                     else role_mark(person.role, book))


def _paint_contact_dot(painter: QPainter, person: Stakeholder, today: date,
                       left: float) -> None:
    colour = QColor("#00897b")
    colour.setAlphaF(contact_freshness(person, today))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(left + 4, CARD_HEIGHT - 12), 4, 4)


def _paint_influence(painter: QPainter, influence: int) -> None:
    painter.setPen(QPen(QColor("#37474f"), 1))
    for index in range(5):
        centre = QPointF(CARD_WIDTH - 54 + index * 10, CARD_HEIGHT - 12)
        painter.setBrush(QColor("#37474f") if index < influence else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, 3.2, 3.2)


def clip_to_card(line: QLineF, top_left: QPointF) -> QPointF:
    """Where the line from the card's centre leaves the card's edge."""
    rect = card_rect().translated(top_left)
    centre = rect.center()
    dx, dy = line.p2().x() - centre.x(), line.p2().y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(rect.width() / 2 / abs(dx) if dx else float("inf"),
                rect.height() / 2 / abs(dy) if dy else float("inf"))
    return QPointF(centre.x() + dx * min(scale, 1.0), centre.y() + dy * min(scale, 1.0))


def edge_line(source: QPointF, target: QPointF) -> QLineF:
    """The visible part of a line between two cards' top-left corners, edge to edge."""
    offset = QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2)
    start_centre, end_centre = source + offset, target + offset
    start = clip_to_card(QLineF(start_centre, end_centre), source)
    end = clip_to_card(QLineF(end_centre, start_centre), target)
    return QLineF(start, end)


def edge_pen(influence: bool, strength: int = 2) -> QPen:
    if influence:
        pen = QPen(QColor(INFLUENCE_COLOUR), 0.8 + 0.9 * strength)
        pen.setStyle(Qt.PenStyle.DashLine)
    else:
        pen = QPen(QColor(REPORTS_TO_COLOUR), 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def arrow_head(line: QLineF) -> QPolygonF:
    """A filled triangle at the line's end point."""
    if line.length() < 1:
        return QPolygonF()
    unit = line.unitVector()
    direction = QPointF(unit.dx(), unit.dy())
    normal = QPointF(-direction.y(), direction.x())
    tip = line.p2()
    base = tip - direction * ARROW
    return QPolygonF([tip, base + normal * (ARROW / 2), base - normal * (ARROW / 2)])


def paint_edge(painter: QPainter, line: QLineF, *, influence: bool, strength: int = 2,
               highlighted: bool = False) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = edge_pen(influence, strength)
    if highlighted:
        pen.setColor(QColor(SELECTED_COLOUR))
    painter.setPen(pen)
    painter.drawLine(line)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(pen.color()))
    painter.drawPolygon(arrow_head(line))
    painter.restore()


def paint_band(painter: QPainter, band: Band, index: int, book: Catalogue | None = None) -> None:
    rect = QRectF(band.x, band.y, band.width, band.height)
    painter.save()
    painter.setPen(QPen(QColor("#cfd8dc"), 1, Qt.PenStyle.DashLine))
    painter.setBrush(QColor(BAND_COLOURS[index % len(BAND_COLOURS)]))
    painter.drawRoundedRect(rect, 8, 8)
    painter.setPen(QColor("#546e7a"))
    painter.setFont(_font(painter.font(), 14, bold=True))
    painter.drawText(rect.adjusted(10, 4, -10, -4),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     words_in(book).gettext(band.label))
    painter.restore()
