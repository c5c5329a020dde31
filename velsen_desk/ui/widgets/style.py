"""Colours, roles and small HTML helpers shared by the tabs. Colours follow the system palette."""

from __future__ import annotations

from html import escape
from typing import overload

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel

from velsen_desk.core.formatting import format_cost, format_derived_sum
from velsen_desk.core.money import CostStatus, CostValue, Reconciliation
from velsen_desk.core.records import SourceInfo
from velsen_desk.core.wording import Verdict, reconciliation_wording
from velsen_desk.ui.language import window_locale

# Distinct colours that read on light and dark backgrounds (Okabe–Ito, colour-blind safe).
SERIES = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933", "#882255", "#44AA99"]

HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
"""bool: the item belongs to the "Bekijk als" person (mijn regie / mijn portefeuille)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A value to sort on (numbers as numbers, unknown costs last)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 3
"""The stable id of the item (theme, action, person ...)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
"""The kind of node ("theme", "action", "focusopgave" ...)."""


def palette() -> QPalette:
    return QApplication.palette()


def is_dark() -> bool:
    return palette().color(QPalette.ColorRole.Window).lightness() < 128


def highlight_brush() -> QColor:
    """A soft version of the selection colour, for "mijn regie" rows."""
    colour = QColor(palette().color(QPalette.ColorRole.Highlight))
    colour.setAlpha(70)
    return colour


def unknown_colour() -> QColor:
    """For "n.n.b." and other unknowns: clearly different from amounts and from n.v.t."""
    return QColor("#ffb35c") if is_dark() else QColor("#a34a00")


def muted_colour() -> QColor:
    """Between text and background, so it reads in any palette (a palette's own placeholder
    colour is sometimes left at the light theme's grey, unreadable on a dark background)."""
    text = palette().color(QPalette.ColorRole.Text)
    base = palette().color(QPalette.ColorRole.Base)
    return QColor(
        round(text.red() * 0.6 + base.red() * 0.4),
        round(text.green() * 0.6 + base.green() * 0.4),
        round(text.blue() * 0.6 + base.blue() * 0.4),
    )


def ok_colour() -> QColor:
    return QColor("#6fcf73") if is_dark() else QColor("#1e7b34")


def warn_colour() -> QColor:
    return QColor("#ff8a80") if is_dark() else QColor("#b3261e")


def cost_foreground(cost: CostValue | None) -> QColor | None:
    if cost is None:
        return None
    if cost.status is CostStatus.NOT_APPLICABLE:
        return muted_colour()
    if cost.status is not CostStatus.AMOUNT:
        return unknown_colour()
    return None


def cost_font(cost: CostValue | None) -> QFont | None:
    if cost is not None and cost.status not in (CostStatus.AMOUNT, CostStatus.NOT_APPLICABLE):
        font = QFont()
        font.setItalic(True)
        return font
    return None


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def cost_sort_key(cost: CostValue | None) -> float:
    """Amounts by size; n.v.t. just below € 0; n.n.b. and missing after every amount."""
    if cost is None:
        return float("inf")
    if cost.status is CostStatus.AMOUNT:
        return float(cost.amount or 0)
    if cost.status is CostStatus.NOT_APPLICABLE:
        return -1.0
    return 1e15


def reconciliation_text(rec: Reconciliation | None) -> str:
    """The core's wording in the window's language; empty where the document prints no figure."""
    if rec is None:
        return ""
    wording = reconciliation_wording(rec, window_locale())
    return "" if wording.verdict is Verdict.NO_DOCUMENT else wording.text


def computed_text(rec: Reconciliation | None) -> str:
    return format_derived_sum(rec.computed, window_locale()) if rec is not None else ""


def esc(text: object) -> str:
    return escape("" if text is None else str(text))


def plain_label(label: QLabel) -> QLabel:
    """Show the label's text as typed. A QLabel's default (AutoText) renders text that merely
    looks like HTML as HTML: one ``<img src="/…">`` in the data reads a local file."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


@overload
def escaped_rich_text(text: str) -> str: ...
@overload
def escaped_rich_text(text: object) -> object: ...
def escaped_rich_text(text: object) -> object:
    """Plain text as rich text that shows exactly that text, for places that auto-detect HTML and
    cannot be told otherwise: tooltips (QToolTip) and the static QMessageBox functions. Anything
    that is not text (a model's None for "no tooltip") passes through."""
    if not isinstance(text, str) or not text:
        return text
    return GuiQt.convertFromPlainText(text, GuiQt.WhiteSpaceMode.WhiteSpaceNormal)


def html_css() -> str:
    """A little CSS for the detail panes, in palette colours."""
    pal = palette()
    link = pal.color(QPalette.ColorRole.Link).name()
    muted = muted_colour().name()
    return (
        "<style>"
        f"a {{ color: {link}; }} .muted {{ color: {muted}; }} .quote {{ color: {muted}; font-style: italic; }}"
        f" .nnb {{ color: {unknown_colour().name()}; font-style: italic; }}"
        f" .ok {{ color: {ok_colour().name()}; }} .warn {{ color: {warn_colour().name()}; }}"
        " h2 { margin-bottom: 2px; } h3 { margin-top: 12px; margin-bottom: 2px; }"
        " .mine { font-weight: bold; }"
        "</style>"
    )


def cost_html(cost: CostValue | None) -> str:
    if cost is None:
        return '<span class="muted">—</span>'
    text = esc(format_cost(cost, window_locale()))
    if cost.status is CostStatus.NOT_APPLICABLE:
        return f'<span class="muted">{text}</span>'
    if cost.status is not CostStatus.AMOUNT:
        return f'<span class="nnb">{text}</span>'
    return text


def source_html(source: SourceInfo, label: str) -> str:
    """A source quote with its document title (``label`` is the translated "Bron")."""
    parts = [f'<p class="muted">{esc(label)}: {esc(source.document_title)}']
    if source.section:
        parts.append(f", {esc(source.section)}")
    parts.append("</p>")
    if source.quote:
        parts.append(f'<blockquote class="quote">“{esc(source.quote)}”</blockquote>')
    return "".join(parts)
