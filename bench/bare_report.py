"""A bare-ReportLab baseline that prints the same texts as one of our reports.

    .venv/bin/python bench/bare_report.py dump budget|annex DATABASE PROGRAMME STORY.json
    .venv/bin/python bench/bare_report.py draw STORY.json OUT.pdf

``dump`` (not timed) composes the report as ``velsen-desk report`` does and writes what it would
print: every paragraph's markup with its font, size, leading and spacing, every table's cells,
column widths and style commands, spacers, keep-togethers and the page breaks between parts (and
their orientation). ``draw`` (timed, as a child process, like every baseline of
``bench/scale.py``) reads that file and lays it out with nothing but ReportLab: ``Paragraph``,
``Table``, ``Spacer``, ``KeepTogether``, ``CondPageBreak`` and a ``BaseDocTemplate`` with a
portrait and a landscape page of the same frame. It does not import ``velsen_desk``.

So the baseline breaks the same lines in the same fonts (the bundled DejaVu: the texts hold
✓, ⚠ and ◎, which ReportLab's standard fonts cannot print) into the same table cells, and its
pages are ours minus what only a report adds: reading and composing the data, the running
header and footer, "pagina X van Y", the table of contents, bookmarks and outline, the CONCEPT
watermark and the Gantt chart (our own flowable, which bare ReportLab does not have; left out,
so the baseline does less than the report, never more). ``bench/scale.py`` used to compare both
reports with one table of the plan's action rows (title, trekker, cost and planning only), which
leaves out the Wat/Uitleg cells, the running text, the budgets and the annex's other sections:
about half of what the budget report prints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# ---- dump (uses Velsen Desk; not timed) ----------------------------------------------------------

STYLE_FIELDS = ("fontName", "fontSize", "leading", "alignment", "leftIndent", "rightIndent", "firstLineIndent",
                "bulletIndent", "bulletFontName", "bulletFontSize", "spaceBefore", "spaceAfter", "textColor",
                "keepWithNext")


def _colour(value: object) -> object:
    from reportlab.lib.colors import Color

    if isinstance(value, Color):
        return "#" + value.hexval()[2:]
    return value


def _paragraph(p: Any, styles: dict[str, dict[str, object]]) -> dict[str, object]:
    style = p.style
    styles.setdefault(style.name, {f: _colour(getattr(style, f)) for f in STYLE_FIELDS if hasattr(style, f)})
    out: dict[str, object] = {"p": p.text, "s": style.name}
    if p.bulletText:
        out["b"] = p.bulletText
    if "keepWithNext" in p.__dict__:
        out["k"] = p.__dict__["keepWithNext"]
    return out


def _cell(value: Any, styles: dict[str, dict[str, object]]) -> object:
    from reportlab.platypus import Paragraph

    if isinstance(value, Paragraph):
        return _paragraph(value, styles)
    if isinstance(value, str):
        return value
    raise TypeError(f"cell of type {type(value).__name__}")


def _flowables(items: Any, styles: dict[str, dict[str, object]], skipped: dict[str, int]) -> list[object]:
    from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

    out: list[object] = []
    for f in items:
        if isinstance(f, Paragraph):
            out.append(_paragraph(f, styles))
        elif isinstance(f, Table):
            rec = f._bare  # recorded when made (see dump)
            out.append({"t": [[_cell(c, styles) for c in row] for row in rec["rows"]], **rec["args"]})
        elif isinstance(f, KeepTogether):
            out.append({"kt": _flowables(f._content, styles, skipped)})
        elif isinstance(f, CondPageBreak):
            out.append({"cond": f.height})
        elif isinstance(f, Spacer):
            out.append({"sp": [f.width, f.height]})
        else:
            skipped[type(f).__name__] = skipped.get(type(f).__name__, 0) + 1
    return out


def dump(kind: str, database: str, programme: str, out: str) -> None:
    import datetime as dt

    from reportlab.platypus import Table

    from velsen_desk.reports import document, service
    from velsen_desk.reports.programme import Edition
    from velsen_desk.reports.sections import common
    from velsen_desk.storage import reader
    from velsen_desk.storage.database import ReadOnlyDatabase

    class Recording(Table):  # keeps what the table was made from, to print it again without us
        def __init__(self, rows: list[list[object]], **kw: Any) -> None:
            super().__init__(rows, **kw)
            args = {k: v for k, v in kw.items() if k != "style"}
            args["style"] = [[c[0], list(c[1]), list(c[2]), *map(_colour, c[3:])] for c in kw["style"].getCommands()]
            self._bare = {"rows": rows, "args": args}

    made_by = common.Table
    common.Table = Recording  # type: ignore[misc]
    request = service.ReportRequest(kind=kind, output=Path(out), programme=programme, database=Path(database),
                                    meeting="Raadsvergadering" if kind == "annex" else None,
                                    date="2026-12-10" if kind == "annex" else None)

    def read(conn: Any) -> Any:
        catalog = reader.catalog(conn)
        return reader.programme_data(conn, catalog.programme(programme)), catalog.summary.data_version

    data, version = ReadOnlyDatabase(Path(database)).read(read)
    try:
        _spec, parts = service.compose(request, data, Edition(dt.date(2026, 12, 1), version))
    finally:
        common.Table = made_by  # type: ignore[misc]
    styles: dict[str, dict[str, object]] = {}
    skipped: dict[str, int] = {}
    story = [{"orientation": part.orientation,
              "flowables": _flowables(document._keep_headings(part.flowables), styles, skipped)} for part in parts]
    from velsen_desk.core.paths import fonts_dir

    Path(out).write_text(json.dumps({"fonts": str(fonts_dir()), "styles": styles, "parts": story,
                                     "left_out": skipped}, ensure_ascii=False))
    print(f"{sum(len(p['flowables']) for p in story)} flowables; left out: {skipped}")


# ---- draw (bare ReportLab; timed) ----------------------------------------------------------------

def draw(story_file: str, out: str) -> int:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    story_data = json.loads(Path(story_file).read_text())
    fonts = Path(story_data["fonts"])
    family = {"normal": "DejaVuSans", "bold": "DejaVuSans-Bold", "italic": "DejaVuSans-Oblique",
              "boldItalic": "DejaVuSans-BoldOblique"}
    for name in family.values():
        pdfmetrics.registerFont(TTFont(name, str(fonts / f"{name}.ttf")))
    pdfmetrics.registerFontFamily("DejaVuSans", **family)

    def colour(value: object) -> object:
        return colors.HexColor(value) if isinstance(value, str) and value.startswith("#") else value

    styles = {name: ParagraphStyle(name, **{k: colour(v) for k, v in attrs.items()})
              for name, attrs in story_data["styles"].items()}

    def paragraph(d: dict[str, Any]) -> Paragraph:
        p = Paragraph(d["p"], styles[d["s"]], d.get("b"))
        if "k" in d:
            p.keepWithNext = d["k"]
        return p

    def flowable(d: dict[str, Any]) -> Any:
        if "p" in d:
            return paragraph(d)
        if "t" in d:
            rows = [[paragraph(c) if isinstance(c, dict) else c for c in row] for row in d["t"]]
            style = TableStyle([(c[0], tuple(c[1]), tuple(c[2]), *map(colour, c[3:])) for c in d["style"]])
            return Table(rows, colWidths=d["colWidths"], style=style, repeatRows=d["repeatRows"],
                         splitByRow=d["splitByRow"], splitInRow=d["splitInRow"], hAlign=d["hAlign"])
        if "kt" in d:
            return KeepTogether([flowable(x) for x in d["kt"]])
        if "cond" in d:
            return CondPageBreak(d["cond"])
        return Spacer(*d["sp"])

    story: list[Any] = []
    parts = story_data["parts"]
    for index, part in enumerate(parts):
        if index:
            story += [NextPageTemplate(part["orientation"]), PageBreak()]
        story += [flowable(d) for d in part["flowables"]]

    def template(name: str, size: tuple[float, float]) -> PageTemplate:  # the report's frame, nothing drawn around it
        width, height = size
        frame = Frame(18 * mm, 20 * mm, width - 36 * mm, height - 42 * mm, leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0, id=name)
        return PageTemplate(id=name, frames=[frame], pagesize=size)

    templates = [template("portrait", A4), template("landscape", landscape(A4))]
    if parts and parts[0]["orientation"] == "landscape":
        templates.reverse()
    doc = BaseDocTemplate(out, pagesize=A4)
    doc.addPageTemplates(templates)
    doc.build(story)
    return int(doc.page)


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(*sys.argv[2:6])
    else:
        print(f"{draw(*sys.argv[2:4])} pages")
