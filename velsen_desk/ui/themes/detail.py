"""HTML for the themes tab's detail pane. Links: ``person:ID``, ``action:ID``, ``theme:ID``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QCoreApplication

from velsen_desk.core import records
from velsen_desk.core.formatting import format_derived_sum, format_long_date, format_number
from velsen_desk.core.records import SPEERPUNT_SECTIONS, OpgaveInfo, ProgrammeData
from velsen_desk.core.wording import budget_amount_text
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.widgets.style import cost_html, esc, html_css, reconciliation_text, source_html

if TYPE_CHECKING:  # the progress monitor's modules load after the first paint, with its measurements
    from velsen_desk.core.progress_records import MeasurementInfo


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def speerpunt_parts(text: str) -> tuple[str, str]:
    """A speerpunt's title and its explanation: the data keeps the source's line break after the
    title ("Sociale samenhang\nHet stimuleren van …"); a one-line speerpunt has no explanation."""
    title, _newline, rest = text.strip().partition("\n")
    return " ".join(title.split()), " ".join(rest.split())


def _speerpunt_item(text: str) -> str:
    title, rest = speerpunt_parts(text)
    return f"<b>{esc(title)}</b><br>{esc(rest)}" if rest else esc(title)


def _target(t: records.TargetInfo) -> str:
    bits = [esc(t.text)]
    extra = []
    if t.start_year is not None:  # when it starts, never to be read as the year it is to be met
        extra.append(_tr("vanaf {0}").format(t.start_year))
    if t.figure is not None:
        bound = f"{esc(t.qualifier)} " if t.qualifier else ""  # "minimaal 3 jaar" (the word as printed)
        extra.append(bound + esc(format_number(t.figure, window_locale())) + (f" {esc(t.unit)}" if t.unit else ""))
    if t.year is not None:
        extra.append(_tr("in {0}").format(t.year))
    if extra:
        bits.append(f' <span class="muted">({", ".join(extra)})</span>')
    return "".join(bits)


# A target's measurements, by (focus point id, index of the target): from the progress monitor.
Measured: TypeAlias = "Mapping[tuple[str, int], tuple[MeasurementInfo, ...]]"
MEASUREMENT_SCHEME = "meting"


def measurement_url(point_id: str, index: int) -> str:
    """The image name the detail pane resolves to the chart of one target's measurements."""
    return f"{MEASUREMENT_SCHEME}:{point_id}/{index}"


def _measurements(point_id: str, index: int, measured: Measured | None) -> str:
    """The chart (as an inline image) and, for a screen reader and for exactness, the values."""
    found = measured.get((point_id, index), ()) if measured else ()
    if not found:
        return ""
    locale = window_locale()
    values = "; ".join(
        f"{esc(format_long_date(m.date, locale) if m.date else str(m.year))}: {esc(format_number(m.value, locale))}"
        f"{' ' + esc(m.unit) if m.unit else ''} ({esc(m.measured_by)})" for m in found)
    alt = esc(_tr("Metingen van dit doel, met het doel als rode stippellijn"))
    heading = _tr("Metingen")
    out = [f'<br><img src="{esc(measurement_url(point_id, index))}" alt="{alt}"><br>',
           f'<span class="muted">{heading}: {values}</span>']
    if any(m.example for m in found):
        from velsen_desk.core.progress import EXAMPLE_MARK  # loaded by then: measurements come from it

        out.append(f"<br><b style='color:#b00020'>{esc(window_locale()._(EXAMPLE_MARK))}</b>")
    return "".join(out)


def _point_items(points: tuple[records.FocusPointInfo, ...], measured: Measured | None = None) -> str:
    items = []
    for p in points:
        subs = [f"<li><b>{_tr('Meetbaar doel')}:</b> {_target(t)}{_measurements(p.id, i, measured)}</li>"
                for i, t in enumerate(p.targets)]
        subs += [f"<li><b>{_tr('Budget')}:</b> {_budget(b)}</li>" for b in p.budgets]
        items.append(f"<li>{esc(p.text)}{'<ul>' + ''.join(subs) + '</ul>' if subs else ''}</li>")
    return "".join(items)


def _budget(b: records.BudgetInfo) -> str:
    """A budget's name and size; a yearly amount says so, so it never reads as a one-off total."""
    text = f"{esc(b.name)}: <b>{esc(budget_amount_text(b.amount, b.per, window_locale()))}</b>"
    if b.per_year:
        note = _tr("bedrag per jaar, geen totaal; niet op te tellen bij eenmalige bedragen")
        text += f" <span class='muted'>({note})</span>"
    return text


def _focus_points(chapter: records.ChapterInfo, measured: Measured | None = None) -> str:
    """The chapter's own list, then what its running text promises besides (never mixed in)."""
    listed, in_text = chapter.listed_points, chapter.text_points
    out = []
    if listed:
        out.append("<ol>" + _point_items(listed, measured) + "</ol>")
    elif not in_text:
        out.append(f'<p class="muted">{_tr("Geen focuspunten in de bron.")}</p>')
    if in_text:
        out.append(f"<p><b>{_tr('Ook toegezegd in de tekst van het hoofdstuk')}:</b></p>")
        out.append("<ul>" + _point_items(in_text, measured) + "</ul>")
    return "".join(out)


def _chapter_heading(c: records.ChapterInfo) -> str:
    if c.number:
        return _tr("Hoofdstuk {0}: {1}").format(c.number, esc(c.title))
    return esc(c.title)


def _attention(value: bool | None) -> str:
    if value is None:
        return _tr("onbekend")
    return _tr("ja") if value else _tr("nee")


def _planning(a: records.ActionInfo) -> str:
    if a.planning_text:
        return esc(a.planning_text)
    return f'<span class="nnb">{_tr("planning onbekend")}</span>'


def _action_line(a: records.ActionInfo) -> str:
    return (
        f'<a href="action:{esc(a.id)}">{_tr("Actie {0}").format(a.number)}: {esc(a.title)}</a>'
        f"<br>{_tr('Trekker')}: {esc(a.trekker or _tr('onbekend'))} · {_tr('Kosten')}: {cost_html(a.cost)}"
        f"<br>{_tr('Planning')}: {_planning(a)}"
    )


def _basis(link: records.ThemeLinkInfo) -> str:
    if link.basis == "redactioneel":
        return f'<span class="nnb">{_tr("redactionele koppeling")}</span>'
    return f'<span class="ok">{_tr("volgens de bron")}</span>'


def theme_html(data: ProgrammeData, theme: records.ThemeInfo, person_id: str | None,
               measured: Measured | None = None) -> str:
    out = [html_css(), f"<h2>{_tr('Thema {0}: {1}').format(theme.number, esc(theme.name))}</h2>"]
    out.append(f"<p><b>{_tr('Aandachtsveld')}:</b> {esc(theme.aandachtsveld)}<br>")
    if theme.regie:
        mine = f' <span class="mine">★ {_tr("mijn regie")}</span>' if theme.regie.id == person_id else ""
        out.append(
            f'<b>{_tr("Regie")}:</b> <a href="person:{esc(theme.regie.id)}">{esc(theme.regie.name)}</a>{mine}<br>'
        )
    else:
        out.append(f"<b>{_tr('Regie')}:</b> {_tr('onbekend')}<br>")
    out.append(f"<b>{_tr('Extra beleidsmatige aandacht')}:</b> {_attention(theme.extra_attention)}</p>")

    chapters = data.theme_chapters.get(theme.id, ())
    out.append(f"<h3>{_tr('Bijdragende hoofdstukken')}</h3>")
    if not chapters:
        out.append(f'<p class="muted">{_tr("Geen hoofdstuk gekoppeld.")}</p>')
    for c in chapters:
        out.append(f"<h4>{_chapter_heading(c)}</h4><p class='muted'>{esc(c.document_title)}</p>")
        if c.summary:
            out.append(f"<p>{esc(c.summary)}</p>")
        out.append(_focus_points(c, measured))

    links = data.theme_links.get(theme.id, ())
    out.append(f"<h3>{_tr('Actieplan')}</h3>")
    if not links:
        out.append(f'<p class="muted">{_tr("Geen acties uit een Actieplan gekoppeld.")}</p>')
    plans = {p.id: p for p in data.plans}
    items = []
    for link in links:
        # the curators' summary must not read as the source's words: it is labelled as theirs,
        # and a link the source states shows the source's own quote
        theirs = _tr("Toelichting van de samenstellers (niet uit de bron)")
        rationale = f'<br><span class="muted">{theirs}: {esc(link.rationale)}</span>' if link.rationale else ""
        if link.basis == "bron" and link.source is not None and link.source.quote:
            rationale = f'<br><span class="quote">“{esc(link.source.quote)}”</span>{rationale}'
        if link.action_id:
            action = data.action(link.action_id)
            body = _action_line(action) if action else esc(link.action_id)
        else:
            plan = plans.get(link.plan_id or "")
            if plan is None:
                body = esc(link.plan_id)
            else:
                body = (
                    f"<b>{esc(plan.title)}</b> ({_tr('het hele plan')})<br>{_tr('Totaal')}: "
                    f"{esc(format_derived_sum(plan.reconciliation.computed, window_locale()))} "
                    f"{esc(reconciliation_text(plan.reconciliation))}"
                )
        items.append(f"<li>{body}<br>{_basis(link)}{rationale}</li>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")

    out.append(f"<h3>{_tr('Bron')}</h3>")
    out.append(source_html(theme.source, _tr("Bron")))
    if theme.regie and theme.regie.source.quote:
        out.append(source_html(theme.regie.source, _tr("Regie volgens")))
    return "".join(out)


def veld_html(veld: records.AandachtsveldInfo, person_id: str | None) -> str:
    rows = []
    for t in veld.themes:
        regie = esc(t.regie.name) if t.regie else _tr("onbekend")
        mine = " ★" if t.regie and t.regie.id == person_id else ""
        rows.append(f'<li><a href="theme:{esc(t.id)}">{t.number}. {esc(t.name)}</a> – {regie}{mine}</li>')
    intro = _tr("Aandachtsveld met de thema’s:")
    return html_css() + f"<h2>{esc(veld.name)}</h2><p>{intro}</p><ul>{''.join(rows)}</ul>"


def chapter_html(c: records.ChapterInfo, measured: Measured | None = None) -> str:
    out = [html_css(), f"<h2>{_chapter_heading(c)}</h2><p class='muted'>{esc(c.document_title)}</p>"]
    if c.summary:
        out.append(f"<p>{esc(c.summary)}</p>")
    out.append(f"<h3>{_tr('Focuspunten')}</h3>")
    out.append(_focus_points(c, measured))
    out.append(source_html(c.source, _tr("Bron")))
    return "".join(out)


def focus_point_html(p: records.FocusPointInfo, chapter: records.ChapterInfo | None,
                     measured: Measured | None = None) -> str:
    heading = _tr("Toezegging uit de tekst") if p.in_text else _tr("Focuspunt {0}").format(p.order)
    out = [html_css(), f"<h2>{heading}</h2>"]
    if chapter:
        out.append(f"<p class='muted'>{_chapter_heading(chapter)}</p>")
    out.append(f"<p>{esc(p.text)}</p>")
    if p.in_text:
        where = _tr("Staat in de lopende tekst van het hoofdstuk, niet in de lijst “Focus van onze inzet”.")
        out.append(f'<p class="muted">{where}</p>')
    if p.targets:
        out.append(f"<h3>{_tr('Meetbare doelen')}</h3><ul>")
        out.extend(f"<li>{_target(t)}{_measurements(p.id, i, measured)}</li>" for i, t in enumerate(p.targets))
        out.append("</ul>")
    for budget in p.budgets:  # e.g. the klimaatgelden: a yearly amount, said so wherever it shows
        out.append(f"<h3>{_tr('Budget')}</h3><p>{_budget(budget)}</p>")
        out.append(source_html(budget.source, _tr("Bron")))
    out.append(source_html(p.source, _tr("Bron")))
    return "".join(out)


def opgave_html(o: OpgaveInfo, focus_kind: str | None = None) -> str:
    out = [html_css(), f"<h2>{esc(o.title)}</h2><p class='muted'>{esc(o.document_title)}</p>"]
    if o.summary:
        out.append(f"<p><i>{esc(o.summary)}</i></p>")
    if o.future_text and not focus_kind:
        out.append(f"<h3>{_tr('Toekomstbeeld – beoogde maatschappelijke effecten')}</h3>")
        out.extend(f"<p>{esc(paragraph)}</p>" for paragraph in o.future_text.split("\n\n"))
    for kind, label in SPEERPUNT_SECTIONS.items():
        points = o.of_kind(kind)
        if not points or (focus_kind and kind != focus_kind):
            continue
        out.append(f"<h3>{_tr(label)}</h3><ul>")
        out.extend(f"<li>{_speerpunt_item(p.text)}</li>" for p in points)
        out.append("</ul>")
    out.append(source_html(o.source, _tr("Bron")))
    return "".join(out)


def speerpunt_html(p: records.SpeerpuntInfo, opgave: OpgaveInfo | None) -> str:
    out = [html_css(), f"<h2>{_tr(SPEERPUNT_SECTIONS.get(p.kind, p.kind))}</h2>"]
    if opgave:
        out.append(f"<p class='muted'>{esc(opgave.title)}</p>")
    title, rest = speerpunt_parts(p.text)
    out.append(f"<h3>{esc(title)}</h3>")
    if rest:
        out.append(f"<p>{esc(rest)}</p>")
    out.append(source_html(p.source, _tr("Bron")))
    return "".join(out)


def impulsprojecten_html(projects: records.ImpulsprojectenInfo) -> str:
    out = [html_css(), f"<h2>{_tr('Impulsprojecten')}</h2>"]
    out.append(f'<p class="muted">{_tr("Genoemd in de inleiding van het document, niet bij een opgave.")}</p>')
    for remark in projects.intro:
        out.append(f"<p>{esc(remark.text)}</p>")
    out.append("<ul>")
    out.extend(f"<li><b>{esc(p.title)}</b><br>{esc(p.text)}</li>" for p in projects.projects)
    out.append("</ul>")
    for remark in projects.intro:
        out.append(source_html(remark.source, _tr("Bron")))
    return "".join(out)


def impulsproject_html(p: records.ImpulsprojectInfo, projects: records.ImpulsprojectenInfo | None) -> str:
    out = [html_css(), f"<h2>{esc(p.title)}</h2>", f"<p class='muted'>{_tr('Impulsproject')}</p>"]
    out.append(f"<p>{esc(p.text)}</p>")
    if projects is not None:
        out.extend(f'<p class="muted">{esc(r.text)}</p>' for r in projects.intro)
    out.append(source_html(p.source, _tr("Bron")))
    return "".join(out)


def core_values_html(values: tuple[records.CoreValueInfo, ...]) -> str:
    """One or all of the values under "Onze bezieling", verbatim, each with its source."""
    out = [html_css(), f"<h2>{_tr('Onze bezieling')}</h2>"]
    if values:
        out.append(f"<p class='muted'>{esc(values[0].document_title)}</p>")
    for value in values:
        out.append(f"<h3>{esc(value.name)}</h3><p>{esc(value.text)}</p>")
        out.append(source_html(value.source, _tr("Bron")))
    return "".join(out)


def agreements_html(agreements: tuple[records.AgreementInfo, ...]) -> str:
    """Agreements of Deel A under their question and lead-in, verbatim, each with its source."""
    out = [html_css(), f"<h2>{_tr('Werkwijze: afspraken (Deel A)')}</h2>"]
    if agreements:
        out.append(f"<p class='muted'>{esc(agreements[0].document_title)}</p>")
    question = group = None
    for agreement in agreements:
        if agreement.question != question:
            question, group = agreement.question, None
            out.append(f"<h3>{esc(question)}</h3>")
        if agreement.group and agreement.group != group:
            group = agreement.group
            out.append(f"<p><i>{esc(group)}</i></p>")
        out.append(f"<p>• {esc(agreement.text)}</p>")
        out.append(source_html(agreement.source, _tr("Bron")))
    return "".join(out)


def topic_categories_html(categories: tuple[records.TopicCategoryInfo, ...]) -> str:
    """The categories of council topics (Deel A of the uitvoeringsafspraken), verbatim, with sources."""
    out = [html_css(), f"<h2>{_tr('Werkwijze: categorieën van onderwerpen')}</h2>"]
    if categories:
        out.append(f"<p class='muted'>{esc(categories[0].document_title)}</p>")
    for category in categories:
        out.append(f"<h3>Categorie {esc(category.code)}. {esc(category.title)}</h3><p>{esc(category.text)}</p>")
        out.append(source_html(category.source, _tr("Bron")))
    return "".join(out)
