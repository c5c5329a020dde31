"""A report table cell taller than a page splits across pages instead of failing the layout
(ReportLab's LayoutError), so a plan of 2,000 actions with long explanations prints."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from velsen_desk.reports.document import DocumentSpec, Part, render
from velsen_desk.reports.sections.common import table
from velsen_desk.reports.styles import Styles


def test_a_cell_longer_than_a_page_splits_over_pages():
    styles = Styles()
    words = " ".join(f"woord{i}" for i in range(2_500))  # ~ 17,000 characters in a narrow column
    rows = [["Nr", "Toelichting"], ["1", Paragraph(words + " EINDE", styles.body)],
            ["2", Paragraph("kort", styles.body)]]
    spec = DocumentSpec(title="t", subject="s", header="h", header_right="r", footer="f")
    rendered = render(spec, [Part([table(rows, [30, 120])])])
    assert rendered.pages >= 3  # the one row runs over several pages
    assert rendered.pdf.startswith(b"%PDF")
