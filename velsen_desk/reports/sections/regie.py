"""One college member: regie themes with their commitments, portfolios, and linked actions."""

from __future__ import annotations

from reportlab.platypus import Spacer

from velsen_desk.core.formatting import format_cost, format_derived_sum
from velsen_desk.core.records import ActionInfo, PersonInfo, ProgrammeData, cost_of_actions
from velsen_desk.core.wording import EMPTY_INFERRED, EMPTY_INFERRED_NOTE
from velsen_desk.reports.document import Part
from velsen_desk.reports.programme import all_actions, is_concept, matrix_of, theme_blocks
from velsen_desk.reports.sections.budget import planning_markup
from velsen_desk.reports.sections.common import heading, table
from velsen_desk.reports.sections.portfolio import item_markup, remark_flowables
from velsen_desk.reports.sections.themes import chapter_flowables
from velsen_desk.reports.styles import TOTAL_BG, Styles, esc

EDITORIAL = "redactioneel"
EDITORIAL_TOTAL = "rust op redactionele koppelingen, niet op de bron"


def linked_actions(data: ProgrammeData, theme_ids: set[str]) -> list[tuple[ActionInfo, list[str]]]:
    """Actions linked to any of the themes, each with its theme numbers; a number the curators
    linked rather than the source reads "9 (redactioneel)"."""
    basis: dict[tuple[str, str], str] = {}
    for block in theme_blocks(data):
        if block.theme.id in theme_ids:
            for link in block.links:
                if link.action_id:
                    basis[(link.action_id, block.theme.id)] = link.basis
    actions = all_actions(data)
    by_action: dict[str, set[str]] = {}
    for action_id, theme_id in basis:
        by_action.setdefault(action_id, set()).add(theme_id)
    for action in actions:
        for theme_id in action.theme_ids:
            if theme_id in theme_ids:
                by_action.setdefault(action.id, set()).add(theme_id)
    result = []
    for action in actions:
        if action.id in by_action:
            themes = sorted((t for t in (data.theme(i) for i in by_action[action.id]) if t), key=lambda t: t.number)
            numbers = [f"{t.number} ({EDITORIAL})" if basis.get((action.id, t.id)) != "bron" else str(t.number)
                       for t in themes]
            result.append((action, numbers))
    return result


def build(data: ProgrammeData, styles: Styles, person: PersonInfo) -> list[Part]:
    key = "regie"
    blocks = [b for b in theme_blocks(data) if b.theme.regie and b.theme.regie.id == person.id]
    f: list = [heading(styles, f"Regie en portefeuilles: {person.name}", key, 0, concept=False)]
    about = [data.programme.title]
    if person.role:
        about.append(person.role)
    if person.party:
        about.append(person.party)
    f.append(styles.p(" · ".join(about), styles.subtitle))

    f.append(heading(styles, "Thema's met regie", f"{key}.themes", 1))
    if blocks:
        rows = [["Nr", "Thema", "Aandachtsveld"]]
        rows += [[str(b.theme.number), styles.p(b.theme.name, styles.cell_bold),
                  styles.p(b.theme.aandachtsveld, styles.cell)] for b in blocks]
        f.append(table(rows, [26, 230, 237]))
        f.append(styles.source(blocks[0].theme.source.document_title))
    else:
        f.append(styles.p("Dit collegelid heeft geen regie over thema's uit het raadsprogramma.", styles.body))

    seen: dict[str, int] = {}
    for b in blocks:
        f.append(heading(styles, f"Thema {b.theme.number}: {b.theme.name} — afspraken", f"{key}.t{b.theme.number}", 1))
        if not b.chapters:
            f.append(styles.p("Geen afspraken uit het college-uitvoeringsprogramma gekoppeld.", styles.small))
        for c_index, chapter in enumerate(b.chapters):
            if chapter.id in seen:
                f.append(styles.p(f"Hoofdstuk {chapter.number}: {chapter.title} — zie thema {seen[chapter.id]}.",
                                  styles.small))
                continue
            seen[chapter.id] = b.theme.number
            f += chapter_flowables(styles, chapter, data, f"{key}.t{b.theme.number}.h{c_index}")

    f.append(heading(styles, "Portefeuilles", f"{key}.portfolio", 1))
    matrix = matrix_of(data)
    rows = [["Domein", "Portefeuille"]]
    for domain in matrix.domains:
        items = matrix.cell(person.id, domain.id)
        if items:
            rows.append([styles.p(domain.name, styles.cell_bold),
                         styles.markup("<br/>".join(item_markup(i, "•") for i in items), styles.cell)])
        elif matrix.empty_inferred(person.id, domain.id):  # empty by our reading only: said so
            rows.append([styles.p(domain.name, styles.cell_bold), styles.p(EMPTY_INFERRED, styles.cell)])
    loose = matrix.cell(person.id, None)
    if loose:
        rows.append([styles.p("zonder domein" if matrix.domains else "—", styles.cell_bold),
                     styles.markup("<br/>".join(item_markup(i, "•") for i in loose), styles.cell)])
    if len(rows) > 1:
        f.append(table(rows, [140, 353]))
        if any(not i.domain_certain for i in matrix.items if i.person_id == person.id):
            f.append(styles.p("≈ = domein onzeker: in het brondocument lopen de kolommen van de "
                              "portefeuilletabel in elkaar over.", styles.small))
        if any(matrix.empty_inferred(person.id, d.id) for d in matrix.domains):
            f.append(styles.p(EMPTY_INFERRED_NOTE, styles.small))
    else:
        f.append(styles.p("Geen portefeuilles bekend.", styles.body))
    # the NB lines under the portefeuilleverdeling hold for every member's portfolio
    f += remark_flowables(styles, matrix.remarks)

    theme_ids = {b.theme.id for b in blocks}
    linked = linked_actions(data, theme_ids)
    plan_links = [(b, link) for b in blocks for link in b.links if link.plan_id and not link.action_id]
    if data.plans:
        concept = any(is_concept(data, p.document.id) for p in data.plans)
        # the heading itself switches the watermark on, on the page where it lands
        f.append(heading(styles, "Gekoppelde acties uit het Actieplan", f"{key}.actions", 1, concept=concept))
        if linked:
            rows = [["Nr", "Actie", "Thema", "Kosten", "Planning"]]
            for action, numbers in linked:
                rows.append([str(action.number), styles.p(action.title, styles.cell),
                             styles.p(", ".join(numbers), styles.cell_small),
                             styles.p(format_cost(action.cost), styles.cell_num),
                             styles.markup(planning_markup(action), styles.cell_small)])
            total = cost_of_actions(a for a, _ in linked)
            editorial = any(EDITORIAL in n for _, numbers in linked for n in numbers)
            # a total over curators' links must say so on its own line, not only in a footnote
            label = "<b>Totaal gekoppelde acties</b>" + (f" ({EDITORIAL_TOTAL})" if editorial else "")
            rows.append(["", styles.markup(label, styles.cell), "",
                         styles.p(format_derived_sum(total), styles.cell_num_bold), ""])
            last = len(rows) - 1
            f.append(table(rows, [22, 170, 70, 90, 141], ("ALIGN", (3, 0), (3, 0), "RIGHT"),
                           ("BACKGROUND", (0, last), (-1, last), TOTAL_BG)))
            if editorial:
                f.append(styles.p("“(redactioneel)”: het Actieplan koppelt deze actie niet zelf aan het thema; de "
                                  "samenstellers van deze gegevens hebben de koppeling gelegd op grond van het "
                                  "onderwerp van de actie.", styles.small))
        else:
            # no actions: no total either (a "€ 0" here would be a figure no source gives)
            f.append(styles.p("Geen afzonderlijke acties gekoppeld aan deze thema's.", styles.body))
        plans = {p.id: p for p in data.plans}
        for block, link in plan_links:
            plan = plans.get(link.plan_id)
            if plan is None:
                continue
            text = (f"Thema {block.theme.number} ({esc(block.theme.name)}) is gekoppeld aan het hele "
                    f"<b>{esc(plan.title)}</b> (totaal {esc(format_derived_sum(plan.reconciliation.computed))})")
            quote = link.source.quote if link.source else None
            if link.basis == "bron" and quote:
                # the source's own words prove the link; the curators' summary is marked as theirs
                text += f", volgens de bron: „{esc(quote)}”"
            else:
                text += ", volgens de bron" if link.basis == "bron" else ", redactionele koppeling"
            f.append(Spacer(0, 4))
            f.append(styles.markup(text, styles.body))
            if link.rationale:
                f.append(styles.p(f"Toelichting van de samenstellers (niet uit de bron): {link.rationale}",
                                  styles.small))
        f.append(styles.source(data.plans[0].document.title, None))
    return [Part(f)]
