"""The raadsprogramma: aandachtsvelden, themes, regie, and the college commitments behind them."""

from __future__ import annotations

from reportlab.platypus import Spacer

from velsen_desk.core.formatting import format_number
from velsen_desk.core.records import ChapterInfo, FocusPointInfo, ProgrammeData, TargetInfo
from velsen_desk.core.wording import PER_YEAR_NOTE, budget_amount_text
from velsen_desk.reports.document import Part
from velsen_desk.reports.programme import theme_blocks
from velsen_desk.reports.sections.common import heading, table
from velsen_desk.reports.styles import FONT_BOLD, GROUP_BG, Styles, esc

TITLE = "Raadsprogramma: thema's en regie"
WIDTH = 493.0  # A4 portrait frame


def target_text(target: TargetInfo) -> str:
    parts = []
    if target.start_year is not None:  # when it starts, never to be read as the year it is to be met
        parts.append(f"vanaf {target.start_year}")
    if target.figure is not None:
        bound = f"{target.qualifier} " if target.qualifier else ""
        unit = f" {target.unit}" if target.unit else ""
        parts.append(f"streefwaarde {bound}{format_number(target.figure)}{unit}")
    if target.year is not None:
        parts.append(f"in {target.year}")
    extra = f" ({', '.join(parts)})" if parts else ""
    return f"<b>Doel:</b> {esc(target.text)}{esc(extra)}"


def points_flowables(styles: Styles, points: tuple[FocusPointInfo, ...]) -> list:
    out: list = []
    for point in points:
        out.append(styles.markup(esc(point.text), styles.bullet))
        out[-1].bulletText = "•"
        for target in point.targets:
            out.append(styles.markup(target_text(target), styles.target))
            out[-1].bulletText = "◎"
        for budget in point.budgets:
            note = f" ({PER_YEAR_NOTE})" if budget.per_year else ""
            out.append(styles.markup(f"<b>Budget:</b> {esc(budget.name)}: "
                                     f"{esc(budget_amount_text(budget.amount, budget.per))}{esc(note)}",
                                     styles.target))
            out[-1].bulletText = "€"
    return out


def chapter_flowables(styles: Styles, chapter: ChapterInfo, data: ProgrammeData, key: str) -> list:
    numbers = sorted(t.number for t in (data.theme(i) for i in chapter.theme_ids) if t is not None)
    title = f"Hoofdstuk {chapter.number}: {chapter.title}" if chapter.number is not None else chapter.title
    out: list = [heading(styles, title, key, 2, toc=False)]
    served = ", ".join(str(n) for n in numbers)
    out.append(styles.p(f"{chapter.document_title} · draagt bij aan thema {served}", styles.small))
    if chapter.summary:
        out.append(styles.p(chapter.summary))
    out += points_flowables(styles, chapter.listed_points)
    if chapter.text_points:  # promises in the running text, apart from the chapter's own list
        out.append(styles.p("Ook toegezegd in de tekst van het hoofdstuk (niet in “Focus van onze inzet”):",
                            styles.small))
        out += points_flowables(styles, chapter.text_points)
    out.append(styles.source(chapter.source.document_title, chapter.source.quote))
    return out


def build(data: ProgrammeData, styles: Styles) -> list[Part]:
    f: list = [heading(styles, TITLE, "themes", 0, concept=False)]
    f.append(styles.p(f"{data.programme.title} · {sum(len(v.themes) for v in data.velden)} thema's in "
                      f"{len(data.velden)} aandachtsvelden, met het collegelid dat de regie heeft en de "
                      "afspraken uit het college-uitvoeringsprogramma die eraan bijdragen.", styles.body))
    raads = next((d for d in data.documents if d.kind == "raadsprogramma"), None)
    if raads is not None and raads.note:
        f.append(styles.p(raads.note, styles.small))
    f.append(Spacer(0, 4))

    rows = [["Nr", "Thema", "Aandachtsveld", "Regie"]]
    for veld in data.velden:
        for theme in veld.themes:
            rows.append([
                str(theme.number), styles.p(theme.name, styles.cell), styles.p(veld.name, styles.cell),
                styles.p(theme.regie.name if theme.regie else "onbekend", styles.cell),
            ])
    f.append(table(rows, [26, 175, 167, 125]))
    f.append(styles.source(data.velden[0].themes[0].source.document_title if data.velden and data.velden[0].themes
                           else data.programme.title))

    for v_index, veld in enumerate(data.velden, start=1):
        f.append(heading(styles, f"{v_index}. {veld.name}", f"themes.veld{v_index}", 1))
        rows = [["Nr", "Thema", "Regie", "Bron"]]
        for theme in veld.themes:
            rows.append([
                str(theme.number), styles.p(theme.name, styles.cell_bold),
                styles.p(theme.regie.name if theme.regie else "onbekend", styles.cell),
                styles.p(f"“{theme.source.quote}”" if theme.source.quote else theme.source.document_title,
                         styles.cell_small),
            ])
        f.append(table(rows, [26, 170, 110, 187], ("BACKGROUND", (0, 1), (-1, -1), GROUP_BG),
                       ("FONT", (0, 1), (0, -1), FONT_BOLD, 8)))
        seen: set[str] = set()
        chapters = []
        for block in theme_blocks(data):
            if block.theme.aandachtsveld_id != veld.id:
                continue
            for chapter in block.chapters:
                if chapter.id not in seen:
                    seen.add(chapter.id)
                    chapters.append(chapter)
        if not chapters:
            f.append(styles.p("Geen afspraken uit het college-uitvoeringsprogramma gekoppeld.", styles.small))
        for c_index, chapter in enumerate(chapters, start=1):
            f.append(Spacer(0, 4))
            f += chapter_flowables(styles, chapter, data, f"themes.veld{v_index}.h{c_index}")
    f += core_value_flowables(styles, data)
    f += topic_category_flowables(styles, data)
    f += agreement_flowables(styles, data)
    return [Part(f)]


def agreement_flowables(styles: Styles, data: ProgrammeData) -> list:
    """The agreements under Deel A's three questions, verbatim, beside the categories."""
    if not data.agreements:
        return []
    out: list = [heading(styles, "Werkwijze: afspraken", "themes.afspraken", 1)]
    out.append(styles.p(f"Uit {data.agreements[0].document_title}, Deel A – Werkwijze, houding en gedrag: "
                        "de afspraken onder de drie vragen, letterlijk.", styles.small))
    question = group = None
    for agreement in data.agreements:
        if agreement.question != question:
            question, group = agreement.question, None
            out.append(styles.markup(f"<b>{esc(question)}</b>", styles.body))
            out[-1].keepWithNext = True  # never a question alone at the foot of a page
        if agreement.group and agreement.group != group:
            group = agreement.group
            out.append(styles.markup(f"<i>{esc(group)}</i>", styles.body))
            out[-1].keepWithNext = True
        out.append(styles.markup(esc(agreement.text), styles.bullet))
        out[-1].bulletText = "•"
        # The quote is the bullet itself as a rule; print it only where it is not (no text twice).
        quote = agreement.source.quote if agreement.source.quote != agreement.text else None
        out.append(styles.source(agreement.source.document_title, quote))
    return out


def topic_category_flowables(styles: Styles, data: ProgrammeData) -> list:
    """The college's categories of council topics (Deel A), verbatim."""
    if not data.topic_categories:
        return []
    out: list = [heading(styles, "Werkwijze: categorieën van onderwerpen", "themes.categorieen", 1)]
    out.append(styles.p(f"Uit {data.topic_categories[0].document_title}, Deel A – Werkwijze, houding en gedrag.",
                        styles.small))
    for category in data.topic_categories:
        out.append(styles.markup(f"<b>Categorie {esc(category.code)}. {esc(category.title)}</b> — "
                                 f"{esc(category.text)}", styles.body))
        out.append(styles.source(category.source.document_title, category.source.quote))
    return out


def core_value_flowables(styles: Styles, data: ProgrammeData) -> list:
    """"Onze bezieling": the values the college names, verbatim (after the themes they drive)."""
    if not data.core_values:
        return []
    out: list = [heading(styles, "Onze bezieling", "themes.waarden", 1)]
    out.append(styles.p(f"De waarden die het college noemt in het {data.core_values[0].document_title}.",
                        styles.small))
    for value in data.core_values:
        out.append(styles.markup(f"<b>{esc(value.name)}</b> — {esc(value.text)}", styles.body))
        out.append(styles.source(value.source.document_title, value.source.quote))
    return out
