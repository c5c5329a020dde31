"""The Actieplan budget: actions per focusopgave with subtotals and totals checked against the
document, the Samen Gezellig lines, the funding sources and cross-funding."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Spacer

from velsen_desk.core.formatting import format_cost, format_derived_sum
from velsen_desk.core.records import (
    ActionInfo,
    ActionPlanInfo,
    BudgetInfo,
    BudgetLineInfo,
    FundingInfo,
    ProgrammeData,
    cost_of_actions,
)
from velsen_desk.core.wording import (
    PLANNING_CAVEAT,
    PLANNING_CAVEAT_LEGEND,
    funded_action_text,
    funding_scope_text,
    funding_text,
)
from velsen_desk.reports.document import Part
from velsen_desk.reports.sections.common import NOT_STATED, check_markup, cost_text, heading, plan_parts, table
from velsen_desk.reports.styles import TOTAL_BG, Styles, esc

ACTION_WIDTHS = [22, 138, 68, 66, 84, 115]  # 493 pt: the A4 portrait frame
# The plan prints no subtotal for the actions outside its focusopgaven (action 20): ours is a sum.
NO_SUBTOTAL = "berekend; het document noemt hier geen subtotaal"
BUDGET_KINDS = {"reserve": "reserve", "bestaand": "bestaande budgetten", "subsidie": "subsidie", "budget": "budget"}


def funding_markup(funding: FundingInfo, data_budgets: dict[str, BudgetInfo]) -> str:
    line = _funded_line(funding, data_budgets)
    return esc(funding_text(funding.budget_name, funding.amount, line.number if line else None,
                            via_line=line is not None, funds=funding.funds, part=funding.part))


def _funded_line(funding: FundingInfo, budgets: dict[str, BudgetInfo]) -> BudgetLineInfo | None:
    budget = budgets.get(funding.budget_id) if funding.budget_line_id else None
    return next((ln for ln in budget.lines if ln.id == funding.budget_line_id), None) if budget else None


def _small(text: str) -> str:
    return f"<br/><font size='6.5' color='#5b6470'>{text}</font>"


def planning_markup(action: ActionInfo) -> str:
    """The table's planning, and where the running text says otherwise, that too with the caveat mark."""
    text = esc(action.planning_text or "onbekend")
    if action.planning_conflict and action.planning_running:
        text += f"<br/><b>{PLANNING_CAVEAT} lopende tekst:</b> „{esc(action.planning_running)}”"
    return text


def action_row(styles: Styles, action: ActionInfo, budgets: dict[str, BudgetInfo]) -> list:
    title = f"<b>{esc(action.title)}</b>"
    if action.heading and action.heading.strip().lower() != action.title.strip().lower():
        title += _small(esc(action.heading))
    if action.cost_scope:
        title += _small(f"Kosten: „{esc(action.cost_scope)}”")
    if action.condition:
        title += _small(f"Voorwaarde: „{esc(action.condition)}”")
    fundings = "<br/>".join(funding_markup(f, budgets) for f in action.fundings) or "—"
    return [
        str(action.number),
        styles.markup(title, styles.cell),
        styles.p(action.trekker or "onbekend", styles.cell_small),
        styles.p(format_cost(action.cost), styles.cell_num),
        styles.markup(fundings, styles.cell_small),
        styles.markup(planning_markup(action), styles.cell_small),
    ]


def actions_table(styles: Styles, actions, budgets, total_label: str, check: str, total: str):
    rows: list[list] = [["Nr", "Actie", "Trekker", "Kosten", "Financiering", "Planning"]]
    rows += [action_row(styles, a, budgets) for a in actions]
    rows.append(["", styles.markup(f"<b>{esc(total_label)}</b>", styles.cell), "",
                 styles.p(total, styles.cell_num_bold), styles.markup(check, styles.cell_small), ""])
    last = len(rows) - 1
    return table(rows, ACTION_WIDTHS, ("ALIGN", (3, 0), (3, 0), "RIGHT"), ("SPAN", (1, last), (2, last)),
                 ("SPAN", (4, last), (5, last)), ("BACKGROUND", (0, last), (-1, last), TOTAL_BG),
                 ("LINEABOVE", (0, last), (-1, last), 0.8, "#1f4e79"))


def notes(styles: Styles, actions) -> list:
    out: list = [Spacer(0, 3)]
    for action in actions:
        if action.note:
            out.append(styles.markup(f"<b>Actie {action.number}:</b> {esc(action.note)}", styles.small))
    if any(a.planning_conflict for a in actions):
        out.append(styles.p(f"{PLANNING_CAVEAT} = {PLANNING_CAVEAT_LEGEND}.", styles.small))
    return out


def cells_table(styles: Styles, actions) -> list:
    """The table's "Wat" and "Uitleg" cells as printed: they hold what a cost is made of (action 19:
    "€2.500 per uitgave, twee jaar."), what it also pays for, and promises (action 12's P&C-cyclus)."""
    described = [a for a in actions if a.what or a.explanation]
    if not described:
        return []
    rows: list[list] = [["Nr", "Wat (tabel)", "Uitleg (tabel)"]]
    rows += [[str(a.number), styles.p(a.what or "—", styles.cell_small),
              styles.p(a.explanation or "—", styles.cell_small)] for a in described]
    return [Spacer(0, 3), table(rows, [22, 235, 236])]


def plan_flowables(styles: Styles, plan: ActionPlanInfo, key: str) -> list:
    budgets = {b.id: b for b in plan.budgets}
    doc = plan.document
    status = f", {doc.status_text}" if doc.status_text else ""
    f: list = [styles.p(f"{doc.title}{(', ' + doc.date_text) if doc.date_text else ''}{status}.", styles.small)]
    f.append(styles.p("Kosten zoals in het Actieplan. “n.v.t.” betekent: geen kosten voor het Actieplan; "
                      "“n.n.b.”: nog niet bekend, zodat het werkelijke totaal hoger kan zijn. Beide zijn iets "
                      "anders dan € 0. Elk (sub)totaal is opnieuw opgeteld en vergeleken met het bedrag in het "
                      "document (✓ klopt, ⚠ verschil).", styles.small))
    for fo in plan.focusopgaven:
        label = f"Focusopgave {fo.number}" + (f" ({fo.letter})" if fo.letter else "") + f": {fo.title}"
        f.append(heading(styles, label, f"{key}.fo{fo.number}", 1))
        if fo.objective:  # the plan's "Doelstelling": what the actions below are for
            f.append(styles.markup(f"<b>Doelstelling:</b> {esc(fo.objective)}", styles.small))
        if fo.responsible:
            f.append(styles.p(fo.responsible, styles.small))
        f.append(actions_table(styles, fo.actions, budgets, f"Subtotaal focusopgave {fo.number}",
                               check_markup(fo.reconciliation), format_derived_sum(fo.reconciliation.computed)))
        f += cells_table(styles, fo.actions)
        f += notes(styles, fo.actions)
        f.append(styles.source(fo.source.document_title, fo.table_title))
    if plan.loose_actions:
        f.append(heading(styles, "Overige acties", f"{key}.loose", 1))
        loose_sum = format_derived_sum(cost_of_actions(plan.loose_actions))
        f.append(actions_table(styles, plan.loose_actions, budgets, "Subtotaal overige acties", NO_SUBTOTAL,
                               loose_sum))
        f += cells_table(styles, plan.loose_actions)
        f += notes(styles, plan.loose_actions)
        for action in plan.loose_actions:
            f.append(styles.source(action.source.document_title, action.source.quote))

    f.append(heading(styles, f"Totaal {plan.title}", f"{key}.total", 1))
    rows = [["Onderdeel", "Berekend", "Controle met het document"]]
    for fo in plan.focusopgaven:
        rows.append([styles.p(f"Focusopgave {fo.number}: {fo.title}", styles.cell),
                     styles.p(format_derived_sum(fo.reconciliation.computed), styles.cell_num),
                     styles.markup(check_markup(fo.reconciliation), styles.cell_small)])
    if plan.loose_actions:
        rows.append([styles.p("Overige acties (" + ", ".join(a.title for a in plan.loose_actions) + ")", styles.cell),
                     styles.p(format_derived_sum(cost_of_actions(plan.loose_actions)), styles.cell_num),
                     styles.p(NO_SUBTOTAL, styles.cell_small)])
    rows.append([styles.markup(f"<b>{esc(plan.total_label or 'Totaal')}</b>", styles.cell),
                 styles.p(format_derived_sum(plan.reconciliation.computed), styles.cell_num_bold),
                 styles.markup(check_markup(plan.reconciliation), styles.cell_small)])
    last = len(rows) - 1
    f.append(KeepTogether([table(rows, [190, 110, 193], ("BACKGROUND", (0, last), (-1, last), TOTAL_BG),
                                 ("LINEABOVE", (0, last), (-1, last), 0.8, "#1f4e79"))]))
    f.append(styles.source(plan.source.document_title, plan.source.quote))

    f += budget_lines_flowables(styles, plan, key)
    f += funding_flowables(styles, plan, key)
    f += running_text_flowables(styles, plan, key)
    return f


def running_text_flowables(styles: Styles, plan: ActionPlanInfo, key: str) -> list:
    """Each action as the plan's running text describes it, and the plan's monitoring: the table
    above is a summary, and the two do not always agree (the notes say where)."""
    f: list = []
    described = [a for a in plan.actions if a.running_text]
    if described:
        f.append(heading(styles, "De acties in de lopende tekst", f"{key}.running", 1))
        f.append(styles.p("Letterlijk uit het Actieplan, onder “Welke acties horen hierbij?” (actie 20: onder "
                          "“Budgettering”).", styles.small))
        for action in described:
            title = f"<b>Actie {action.number}: {esc(action.heading or action.title)}</b>"
            paragraphs = [p for p in (action.running_text or "").split("\n\n") if p.strip()]
            f.append(KeepTogether([styles.markup(title, styles.body), styles.p(paragraphs[0], styles.body)]))
            f += [styles.p(p, styles.body) for p in paragraphs[1:]]
    if plan.perspectives:
        f.append(heading(styles, "Perspectieven", f"{key}.perspectives", 1))
        f.append(styles.p("Per perspectief het waardeperspectief (“Hoe zou het moeten zijn?”) en de opgaven die "
                          "het plan daaruit afleidt, letterlijk; de analyses staan alleen in het plan zelf.",
                          styles.small))
        for perspective in plan.perspectives:
            paragraphs = [p for p in perspective.value_text.split("\n\n") if p.strip()]
            title = f"<b>Perspectief {perspective.number}: {esc(perspective.title)}</b>"
            f.append(KeepTogether([styles.markup(title, styles.body), styles.p(paragraphs[0], styles.body)]))
            f += [styles.p(p, styles.body) for p in paragraphs[1:]]
            if perspective.opgaven:
                f.append(styles.markup("<i>Opgaven:</i> " + " · ".join(esc(o) for o in perspective.opgaven),
                                       styles.body))
    if plan.monitoring_text:
        f.append(heading(styles, "Monitoring", f"{key}.monitoring", 1))
        f.append(styles.p(plan.monitoring_text, styles.body))
        f.append(styles.source(plan.source.document_title, "Monitoring"))
    return f


def budget_lines_flowables(styles: Styles, plan: ActionPlanInfo, key: str) -> list:
    f: list = []
    actions = {a.id: a for a in plan.actions}
    for index, budget in enumerate(b for b in plan.budgets if b.lines):
        f.append(heading(styles, budget.name, f"{key}.budget{index}", 1))
        if budget.description:
            f.append(styles.p(budget.description, styles.body))
        if budget.amount is not None:
            period = f" voor {budget.period_text}" if budget.period_text else ""
            f.append(styles.p(f"Beschikbaar{period}: {format_cost(budget.amount)}.", styles.body))
        rows: list[list] = [["Nr", "Project", "Kosten", "Opmerking"]]
        for line in budget.lines:
            remark = esc(line.remark or "")
            linked = [actions[i] for i in line.funded_action_ids if i in actions]
            if linked:
                remark += ("<br/>" if remark else "") + "<br/>".join(
                    f"{esc(funded_action_text(plan.title, a.number))} ({esc(a.title)})" for a in linked)
            rows.append(["" if line.number is None else str(line.number), styles.p(line.title, styles.cell),
                         styles.p(format_cost(line.cost), styles.cell_num), styles.markup(remark, styles.cell_small)])
        if budget.reconciliation is not None:
            rows.append(["", styles.markup(f"<b>{esc(budget.total_label or 'Totaal')}</b>", styles.cell),
                         styles.p(format_derived_sum(budget.reconciliation.computed), styles.cell_num_bold),
                         styles.markup(check_markup(budget.reconciliation), styles.cell_small)])
        last = len(rows) - 1
        f.append(table(rows, [24, 200, 80, 189], ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                       ("BACKGROUND", (0, last), (-1, last), TOTAL_BG),
                       ("LINEABOVE", (0, last), (-1, last), 0.8, "#1f4e79")))
        f.append(styles.source(budget.source.document_title, budget.source.quote))
    return f


def _funded_by(action: ActionInfo, budget_id: str) -> str:
    """"actie 6, alleen: „De herinrichting zelf …”": which action, and which part of it where the plan says."""
    scopes = [funding_scope_text(f.funds, f.part) for f in action.fundings if f.budget_id == budget_id]
    return ", ".join([f"actie {action.number}", *(s for s in scopes if s)])


def funding_flowables(styles: Styles, plan: ActionPlanInfo, key: str) -> list:
    actions = {a.id: a for a in plan.actions}
    f: list = [heading(styles, "Financieringsbronnen", f"{key}.sources", 1)]
    rows: list[list] = [["Bron", "Soort", "Bedrag", "Periode", "Financiert"]]
    for budget in plan.budgets:
        name = f"<b>{esc(budget.name)}</b>"
        if budget.description:
            name += f"<br/><font size='6.5' color='#5b6470'>{esc(budget.description)}</font>"
        funded = [actions[i] for i in dict.fromkeys(budget.funded_action_ids) if i in actions]
        rows.append([
            styles.markup(name, styles.cell), styles.p(BUDGET_KINDS.get(budget.kind, budget.kind), styles.cell_small),
            styles.p(cost_text(budget.amount) + (f" per {budget.per}" if budget.per else ""), styles.cell_num),
            styles.p(budget.period_text or "—", styles.cell_small),
            styles.p("; ".join(_funded_by(a, budget.id) for a in funded) or "—", styles.cell_small),
        ])
    f.append(table(rows, [183, 52, 64, 54, 140], ("ALIGN", (2, 0), (2, 0), "RIGHT")))
    f.append(styles.p(f"“{NOT_STATED}”: het document noemt voor deze bron geen bedrag.", styles.small))

    cross = [(a, fu) for a in plan.actions for fu in a.fundings if fu.amount is not None or fu.budget_line_id]
    if cross:
        f.append(heading(styles, "Meefinanciering", f"{key}.cross", 1))
        budgets = {b.id: b for b in plan.budgets}
        for action, funding in cross:
            text = (f"<b>Actie {action.number}</b> {esc(action.title)} (kosten in het Actieplan: "
                    f"{esc(format_cost(action.cost))}) wordt meegefinancierd uit <b>{esc(funding.budget_name)}</b>")
            if funding.amount is not None:
                text += f": {esc(format_cost(funding.amount))}"
            scope = funding_scope_text(funding.funds, funding.part)
            if scope:
                text += f", {esc(scope)}"
            line = _funded_line(funding, budgets)
            if line is not None:
                text += f", regel {line.number} “{esc(line.title)}”"
                if line.remark:
                    text += f" (opmerking bij de regel: “{esc(line.remark)}”)"
            f.append(styles.markup(text + ".", styles.bullet))
            f[-1].bulletText = "•"
            if funding.source.quote:
                f.append(styles.source(funding.source.document_title, funding.source.quote))
    f.append(Spacer(0, 6))
    return f


def build(data: ProgrammeData, styles: Styles) -> list[Part]:
    return plan_parts(data, styles, "budget", "Begroting", lambda plan, key: plan_flowables(styles, plan, key))
