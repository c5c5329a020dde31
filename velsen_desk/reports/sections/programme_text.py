"""The themes report for a programme without themes: the programme's own structure, as the window
shows it. A coalition agreement's chapters with their promises (Heemskerk); a strategic agenda's
opgaven with their toekomstbeeld, speerpunten and lists, and its impulsprojecten (Strategische
Agenda 2020). Everything verbatim, each with its source."""

from __future__ import annotations

from reportlab.platypus import Spacer

from velsen_desk.core.records import SPEERPUNT_SECTIONS, ChapterInfo, OpgaveInfo, ProgrammeData
from velsen_desk.reports.document import Part
from velsen_desk.reports.sections.common import heading
from velsen_desk.reports.sections.themes import core_value_flowables, points_flowables
from velsen_desk.reports.styles import Styles, esc


def title(data: ProgrammeData) -> str:
    """What the report holds, by the programme's own structure (never "thema's" it does not have)."""
    if data.opgaven:
        return "Strategische agenda: opgaven en speerpunten"
    return "Programma: hoofdstukken en toezeggingen"


def _speerpunt(text: str) -> str:
    # The data keeps the source's line break after a speerpunt's title ("Sociale samenhang\nHet …").
    head, _newline, rest = text.strip().partition("\n")
    rest = " ".join(rest.split())
    head = esc(" ".join(head.split()))
    return f"<b>{head}</b> — {esc(rest)}" if rest else head


def _chapter(styles: Styles, chapter: ChapterInfo, key: str) -> list:
    name = f"Hoofdstuk {chapter.number}: {chapter.title}" if chapter.number is not None else chapter.title
    out: list = [heading(styles, name, key, 1)]
    if chapter.summary:
        out.append(styles.p(chapter.summary))
    out += points_flowables(styles, chapter.listed_points)
    if chapter.text_points:
        out.append(styles.p("Ook toegezegd in de tekst van het hoofdstuk (niet in de genummerde lijst):",
                            styles.small))
        out += points_flowables(styles, chapter.text_points)
    out.append(styles.source(chapter.source.document_title, chapter.source.quote))
    return out


def _opgave(styles: Styles, opgave: OpgaveInfo, key: str) -> list:
    name = f"{opgave.number}. {opgave.title}" if opgave.number else opgave.title
    out: list = [heading(styles, name, key, 1)]
    if opgave.summary:
        out.append(styles.markup(f"<i>{esc(opgave.summary)}</i>", styles.body))
    if opgave.future_text:
        out.append(styles.markup("<b>Toekomstbeeld – beoogde maatschappelijke effecten</b>", styles.body))
        out += [styles.p(paragraph) for paragraph in opgave.future_text.split("\n\n")]
    for kind, label in SPEERPUNT_SECTIONS.items():
        points = opgave.of_kind(kind)
        if not points:
            continue
        out.append(styles.markup(f"<b>{esc(label)}</b>", styles.body))
        for point in points:
            out.append(styles.markup(_speerpunt(point.text), styles.bullet))
            out[-1].bulletText = "•"
    out.append(styles.source(opgave.source.document_title, opgave.source.quote))
    return out


def _impulsprojecten(styles: Styles, data: ProgrammeData) -> list:
    projects = data.impulsprojecten
    if projects is None:
        return []
    out: list = [heading(styles, "Impulsprojecten", "themes.impuls", 1)]
    for remark in projects.intro:
        out.append(styles.p(remark.text, styles.small))
        out.append(styles.source(remark.source.document_title, remark.source.quote))
    for project in projects.projects:
        out.append(styles.markup(f"<b>{esc(project.title)}</b> — {esc(project.text)}", styles.bullet))
        out[-1].bulletText = "•"
        out.append(styles.source(project.source.document_title, project.source.quote))
    return out


def build(data: ProgrammeData, styles: Styles) -> list[Part]:
    f: list = [heading(styles, title(data), "themes", 0, concept=False)]
    documents = ", ".join(d.title for d in data.documents)
    if data.opgaven:
        f.append(styles.p(f"{data.programme.title} · {len(data.opgaven)} opgaven uit {documents}, letterlijk, met "
                          "hun toekomstbeeld, speerpunten en wat we al doen en kunnen doen.", styles.body))
    else:
        f.append(styles.p(f"{data.programme.title} · {len(data.chapters)} hoofdstukken uit {documents}, met de "
                          "toezeggingen in de volgorde waarin de tekst ze noemt, letterlijk.", styles.body))
    f.append(Spacer(0, 4))
    for index, opgave in enumerate(data.opgaven, start=1):
        f += _opgave(styles, opgave, f"themes.opgave{index}")
    f += _impulsprojecten(styles, data)
    for index, chapter in enumerate(data.chapters, start=1):
        f += _chapter(styles, chapter, f"themes.h{index}")
    f += core_value_flowables(styles, data)
    return [Part(f)]
