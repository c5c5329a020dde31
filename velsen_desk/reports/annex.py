"""The cover page and table of contents of a bundled annex (bijlage) for a council meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.platypus import Spacer

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.records import ProgrammeData
from velsen_desk.core.report_kinds import report_kind
from velsen_desk.reports.document import Heading, Part, toc_lines
from velsen_desk.reports.programme import Edition
from velsen_desk.reports.sections import programme_text
from velsen_desk.reports.sections.common import heading
from velsen_desk.reports.styles import Styles


def subject(sections: Sequence[str], data: ProgrammeData | None = None) -> str:
    """The annex's sections by their report titles: "portefeuilleverdeling, begroting actieplan".
    A programme without themes names its own structure for the themes section."""
    def name(section: str) -> str:
        if section == "themes" and data is not None and not data.velden:
            return programme_text.title(data)
        return report_kind(section).title
    return ", ".join(name(i).lower() for i in sections)


def header_text(meeting: str, date: dt.date, agenda_item: str | None) -> str:
    text = f"Bijlage · {meeting} · {format_long_date(date)}"
    if agenda_item:
        text += f" · agendapunt {agenda_item}"
    return text


def cover(styles: Styles, data: ProgrammeData, edition: Edition, meeting: str, date: dt.date,
          agenda_item: str | None, items: Sequence[str]) -> Part:
    f: list = [Spacer(0, 70), Heading("Bijlage", styles.title, key="cover", level=0, toc=False), Spacer(0, 24)]
    f.append(styles.p("Vergadering", styles.cover_label))
    f.append(styles.p(meeting, styles.cover_value))
    f.append(styles.p("Datum", styles.cover_label))
    f.append(styles.p(format_long_date(date), styles.cover_value))
    if agenda_item:
        f.append(styles.p("Agendapunt", styles.cover_label))
        f.append(styles.p(agenda_item, styles.cover_value))
    f.append(styles.p("Onderwerp", styles.cover_label))
    f.append(styles.p(data.programme.title + ": " + subject(items, data),
                      styles.cover_value))
    f.append(Spacer(0, 30))
    concept = [d for d in data.documents if (d.status or "").lower() == "concept"]
    for document in concept:
        if any(i in ("budget", "timeline", "regie") for i in items):
            f.append(styles.p(f"Let op: “{document.title}” is een concept"
                              f"{(' (' + document.status_text + ')') if document.status_text else ''}. Pagina's "
                              "met gegevens daaruit dragen het watermerk CONCEPT.", styles.small))
    f.append(styles.p(f"Samengesteld met Velsen Desk op {format_long_date(edition.made)} uit gegevensversie "
                      f"{edition.data_version or 'onbekend'}.", styles.small))
    return Part(f)


def contents(styles: Styles, parts: Sequence[Part]) -> Part:
    f: list = [heading(styles, "Inhoud", "contents", 0, toc=False), Spacer(0, 6)]
    f += toc_lines(parts)
    return Part(f)
