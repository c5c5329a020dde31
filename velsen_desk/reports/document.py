"""The PDF frame around the content: A4 page templates (portrait and landscape), running header
and footer, "pagina X van Y", the CONCEPT watermark, bookmarks, a table of contents and metadata.

Rendering is one layout pass: page totals and TOC page numbers are drawn when the canvas is
saved, once every page is known (no ``multiBuild``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
)

from velsen_desk.core.report_kinds import report_kind
from velsen_desk.reports.styles import ACCENT, FONT, FONT_BOLD, MUTED, RULE, esc, register_fonts

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


def orientation_of(kind_id: str) -> str:
    """The page orientation the registry gives a report kind (wide tables and the Gantt: landscape)."""
    return LANDSCAPE if report_kind(kind_id).landscape else PORTRAIT
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm


@dataclass(frozen=True)
class Part:
    """A run of content that starts on a new page in the given orientation."""

    flowables: Sequence[Flowable]
    orientation: str = PORTRAIT
    concept: bool = False  # the part's content comes from a concept document (watermark)


@dataclass(frozen=True)
class DocumentSpec:
    title: str  # metadata title
    subject: str
    header: str  # left of the running header
    header_right: str  # right of the running header
    footer: str  # left of the footer ("gemaakt op … · gegevensversie …")
    keywords: tuple[str, ...] = field(default_factory=tuple)
    marking: str | None = None  # printed in red on every page, e.g. "Persoonlijk — niet voor verspreiding"


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so that it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    # Binary search on the length: cutting one character at a time measured a 5,000-character
    # name thousands of times per page (minutes per report).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


# ---- flowables that know about the document ---------------------------------------------------


class Heading(Paragraph):
    """A heading that becomes a bookmark, an outline entry and (optionally) a TOC line.

    ``concept`` says whether the content from here on comes from a concept document: pages
    holding such content get the CONCEPT watermark.
    """

    def __init__(self, text: str, style, *, key: str, level: int = 0, concept: bool = False, toc: bool = True):
        super().__init__(esc(text), style)
        self.plain = text
        self.key = key
        self.level = level
        self.concept = concept
        self.toc = toc

    def split(self, availWidth, availHeight):  # noqa: N803 (reportlab's signature)
        # A heading moves to the next page whole (Paragraph.split would rebuild it through
        # __init__, which a Heading does not accept). LABEL_MAX keeps any heading far below a page.
        return []

    def draw(self):
        super().draw()
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height)
        canv.addOutlineEntry(self.plain, self.key, level=self.level, closed=self.level > 0)
        pages = getattr(canv, "toc_pages", None)
        if pages is not None:
            pages[self.key] = canv.getPageNumber()


class ConceptMarker(Flowable):
    """Zero-size switch: content after it does (or does not) come from a concept document."""

    def __init__(self, concept: bool):
        super().__init__()
        self.concept = concept

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's signature)
        return 0, 0

    def draw(self):
        pass


class TocLine(Flowable):
    """One TOC entry; its page number (and dot leader) is filled in when the canvas is saved."""

    def __init__(self, text: str, key: str, level: int, size: float = 10):
        super().__init__()
        self.text, self.key, self.level, self.size = text, key, level, size
        self.font = FONT_BOLD if level == 0 else FONT
        self.indent = 14 * level

    def wrap(self, availWidth, availHeight):  # noqa: N803
        self.width = availWidth
        self.height = self.size * (2.0 if self.level == 0 else 1.6)
        return self.width, self.height

    def draw(self):
        canv = self.canv
        label = fit(self.text, self.font, self.size, self.width - self.indent - 40)
        y = self.size * 0.5
        canv.setFont(self.font, self.size)
        canv.setFillColor(ACCENT if self.level == 0 else MUTED)
        canv.drawString(self.indent, y, label)
        end = self.indent + stringWidth(label, self.font, self.size)
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
        x0, y0 = canv.absolutePosition(end, y)
        x1, _ = canv.absolutePosition(self.width, y)
        slots = getattr(canv, "toc_slots", None)
        if slots is not None:
            slots.append((self.key, x0, x1, y0, self.font, self.size))


# ---- canvas -----------------------------------------------------------------------------------


class ReportCanvas(Canvas):
    """Keeps every page until the end, then draws "pagina X van Y" and the TOC page numbers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[tuple[dict, list]] = []
        self.toc_slots: list[tuple] = []
        self.toc_pages: dict[str, int] = {}

    def showPage(self):
        self._pages.append((dict(self.__dict__), self.toc_slots))
        self.toc_slots = []
        self._startPage()

    def save(self):
        total = len(self._pages)
        pages = self.toc_pages
        for number, (state, slots) in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            for key, x0, x1, y, font, size in slots:
                self._draw_toc_number(str(pages.get(key, "")), x0, x1, y, font, size)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(FONT, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(width - MARGIN_X, MARGIN_BOTTOM - 10 * mm, f"pagina {number} van {total}")
        self.restoreState()

    def _draw_toc_number(self, text: str, x0: float, x1: float, y: float, font: str, size: float) -> None:
        self.saveState()
        self.setFont(font, size)
        self.setFillColor(ACCENT)
        self.drawRightString(x1, y, text)
        dots_from, dots_to = x0 + 6, x1 - stringWidth(text, font, size) - 6
        if dots_to > dots_from:
            self.setFillColor(RULE)
            dot = stringWidth(". ", FONT, size)
            count = int((dots_to - dots_from) / dot)
            self.setFont(FONT, size)
            self.drawRightString(dots_to, y, ". " * count)
        self.restoreState()


# ---- document -----------------------------------------------------------------------------------


class ReportDocument(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, spec: DocumentSpec, first: str):
        super().__init__(
            buffer,
            pagesize=A4,
            title=spec.title,
            author="Velsen Desk",
            subject=spec.subject,
            creator="Velsen Desk",
            keywords=list(spec.keywords),
            lang="nl-NL",
            initialFontName=FONT,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
        )
        self.spec = spec
        self._section_concept = False
        self._page_concept = False
        templates = [self._template(PORTRAIT, A4), self._template(LANDSCAPE, landscape(A4))]
        if first == LANDSCAPE:
            templates.reverse()
        self.addPageTemplates(templates)

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        width, height = size
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name,
        )
        return PageTemplate(id=name, frames=[frame], pagesize=size, onPageEnd=self._page_end)

    # the watermark state: a page is "concept" when any content on it comes from a concept document
    def beforePage(self):
        self._page_concept = self._section_concept

    def afterFlowable(self, flowable):
        concept = getattr(flowable, "concept", None)
        if concept is not None:
            self._section_concept = concept
            self._page_concept = self._page_concept or concept

    def _page_end(self, canv: Canvas, doc) -> None:
        width, height = canv._pagesize
        spec = self.spec
        canv.saveState()
        if self._page_concept:
            self._watermark(canv, width, height)
        # header
        y = height - MARGIN_TOP + 8 * mm
        canv.setFont(FONT_BOLD, 8)
        canv.setFillColor(ACCENT)
        right = fit(spec.header_right, FONT, 7.5, (width - 2 * MARGIN_X) * 0.3)
        left_width = width - 2 * MARGIN_X - stringWidth(right, FONT, 7.5) - 12
        canv.drawString(MARGIN_X, y, fit(spec.header, FONT_BOLD, 8, left_width))
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        canv.drawRightString(width - MARGIN_X, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y - 2.5 * mm, width - MARGIN_X, y - 2.5 * mm)
        # footer (the page number is added when the canvas is saved)
        y = MARGIN_BOTTOM - 10 * mm
        canv.line(MARGIN_X, y + 4 * mm, width - MARGIN_X, y + 4 * mm)
        canv.setFont(FONT, 7.5)
        canv.drawString(MARGIN_X, y, fit(spec.footer, FONT, 7.5, width - 2 * MARGIN_X - 80))
        if spec.marking:
            canv.setFont(FONT_BOLD, 9)
            canv.setFillColorRGB(0.7, 0.1, 0.1)
            canv.drawCentredString(width / 2, height - MARGIN_TOP + 14 * mm, spec.marking)
            canv.drawCentredString(width / 2, y - 5 * mm, spec.marking)
        canv.restoreState()

    @staticmethod
    def _watermark(canv: Canvas, width: float, height: float) -> None:
        canv.saveState()
        canv.setFillColorRGB(0.75, 0.1, 0.1, alpha=0.13)
        canv.setFont(FONT_BOLD, 110 if width < height else 130)
        canv.translate(width / 2, height / 2)
        canv.rotate(52 if width < height else 32)
        canv.drawCentredString(0, -40, "CONCEPT")
        canv.restoreState()


def toc_lines(parts: Sequence[Part], max_level: int = 1) -> list[Flowable]:
    """TOC lines for every heading in ``parts`` that asks for one."""
    return [
        TocLine(f.plain, f.key, f.level)
        for part in parts
        for f in part.flowables
        if isinstance(f, Heading) and f.toc and f.level <= max_level
    ]


def _keep_headings(flowables: Sequence[Flowable]) -> list[Flowable]:
    """A heading right above a table: start a new page unless the heading and a few rows fit.

    ``keepWithNext`` would glue the heading to the whole table and, for a table longer than a
    page, push both to the next page and leave an empty one behind.
    """
    out: list[Flowable] = []
    for index, flowable in enumerate(flowables):
        following = flowables[index + 1] if index + 1 < len(flowables) else None
        if isinstance(flowable, Heading) and isinstance(following, Table):
            out.append(CondPageBreak(flowable.style.leading + flowable.style.spaceBefore + 90))
            flowable.keepWithNext = 0
        out.append(flowable)
    return out


def render(spec: DocumentSpec, parts: Sequence[Part]) -> Rendered:
    """Lay out ``parts`` (each from a new page) into a PDF in memory."""
    register_fonts()
    story: list[Flowable] = []
    for index, part in enumerate(parts):
        if index:
            story += [ConceptMarker(False), NextPageTemplate(part.orientation), PageBreak()]
        story += [ConceptMarker(part.concept), *_keep_headings(part.flowables)]
    buffer = io.BytesIO()
    doc = ReportDocument(buffer, spec, parts[0].orientation if parts else PORTRAIT)
    doc.build(story, canvasmaker=ReportCanvas)
    return Rendered(buffer.getvalue(), doc.page)
