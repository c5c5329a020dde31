"""The personal brief: the items a raadslid flagged or annotated, with their data and notes.

Only this report reads the personal notes; the griffie's reports never do.
"""

from __future__ import annotations

from dataclasses import dataclass

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.records import ProgrammeData
from velsen_desk.notes.notes_file import Note
from velsen_desk.reports.document import Part
from velsen_desk.reports.programme import matrix_of
from velsen_desk.reports.sections.common import heading, table
from velsen_desk.reports.styles import Styles, esc

MARKING = "Persoonlijk — niet voor verspreiding"


@dataclass(frozen=True)
class _Facts:
    kind: str  # Dutch group name
    title: str
    facts: str  # one line of the item's data


def _facts_by_anchor(data: ProgrammeData) -> dict[str, _Facts]:
    facts: dict[str, _Facts] = {}
    for t in data.themes:
        regie = t.regie.name if t.regie else "onbekend"
        facts[t.id] = _Facts("Thema's", f"{t.number}. {t.name}", f"{t.aandachtsveld} · regie: {regie}")
    chapters = list(data.chapters) + [c for cs in data.theme_chapters.values() for c in cs]
    for chapter in chapters:
        for point in chapter.focus_points:
            facts[point.id] = _Facts("Focuspunten", f"Focuspunt {point.order}: {point.text}", chapter.title)
    for opgave in data.opgaven:
        for speerpunt in opgave.speerpunten:
            title = speerpunt.text.strip().partition("\n")[0]  # the text's first line is its title
            facts[speerpunt.id] = _Facts("Speerpunten", title, opgave.title)
    matrix = matrix_of(data)
    names = {p.id: p.name for p in matrix.members}
    for item in matrix.items:
        detail = f" ({item.detail})" if item.detail else ""
        facts[item.id] = _Facts("Portefeuilles", item.name + detail, f"collegelid: {names.get(item.person_id, '?')}")
    for plan in data.plans:
        for action in plan.actions:
            facts[action.id] = _Facts(
                "Acties", f"Actie {action.number}: {action.title}",
                f"kosten {format_cost(action.cost)} · trekker {action.trekker or 'onbekend'} · "
                f"planning: {action.planning_text or 'onbekend'}",
            )
        for focus in plan.focusopgaven:
            facts[focus.id] = _Facts("Focusopgaven", f"Focusopgave {focus.number}: {focus.title}", focus.lead or "")
        for budget in plan.budgets:
            for line in budget.lines:
                facts[line.id] = _Facts(
                    "Begrotingsregels", f"{budget.name} {line.number}: {line.title}", f"kosten {format_cost(line.cost)}"
                )
    return facts


def build(data: ProgrammeData, styles: Styles, notes: list[Note], flagged_only: bool) -> list[Part]:
    chosen = [n for n in notes if n.flagged or not flagged_only]
    facts = _facts_by_anchor(data)
    title = "Persoonlijke voorbereiding" + (" — te bespreken punten" if flagged_only else "")
    f: list = [heading(styles, title, "brief", 0, concept=False)]
    notes = f"{len(chosen)} notitie" if len(chosen) == 1 else f"{len(chosen)} notities"
    f.append(styles.p(f"{data.programme.title} · {notes}", styles.subtitle))
    if not chosen:
        f.append(styles.p("Er zijn geen notities" + (" met de markering 'bespreken in vergadering'."
                                                      if flagged_only else "."), styles.body))
        return [Part(f)]

    groups: dict[str, list[tuple[Note, _Facts | None]]] = {}
    for note in chosen:
        known = facts.get(note.anchor)
        groups.setdefault(known.kind if known else "Losse notities en andere programma's", []).append((note, known))
    order = ["Thema's", "Focuspunten", "Speerpunten", "Focusopgaven", "Acties", "Begrotingsregels", "Portefeuilles"]
    for index, (group, entries) in enumerate(sorted(groups.items(), key=lambda g: (
            order.index(g[0]) if g[0] in order else len(order), g[0]))):
        f.append(heading(styles, group, f"brief.g{index}", 1))
        rows = [["", "Onderwerp", "Mijn notitie"]]
        for note, known in entries:
            subject = styles.markup(
                f"<b>{esc(known.title if known else note.label)}</b><br/>"
                f"<font size='7'>{esc(known.facts if known else 'los: niet (meer) in deze gegevens')}</font>",
                styles.cell,
            )
            rows.append([styles.p("●" if note.flagged else "", styles.cell_bold), subject,
                         styles.p(note.text or "—", styles.cell)])
        f.append(table(rows, [14, 230, 249]))
    f.append(styles.p("● = bespreken in vergadering. Notities staan alleen op deze laptop.", styles.small))
    return [Part(f)]

