"""Every kind of PDF report, once: its id, Dutch names, file stem and what it needs.

The CLI's choices, the report service's validation, the annex's sections, the dialog's list and
the Rapporten menu all read this registry, so a new report is added in one place. Labels are
Dutch source strings; the window translates them through Qt (context ``ReportKind``).
"""

from __future__ import annotations

from velsen_desk.core.structs import msgspec


class ReportKind(msgspec.Struct, frozen=True):
    id: str  # the CLI name: ``velsen-desk report ID``
    title: str  # the document's title and its section name in an annex (regie: followed by the name)
    menu_label: str  # in the report dialog and the Rapporten menu
    file_stem: str  # the start of a suggested file name
    needs_person: bool = False  # only with a college member (``--person``)
    needs_meeting: bool = False  # only with a meeting, date and agenda item
    needs_action_plan: bool = False  # only for a programme with an action plan
    landscape: bool = False  # printed on landscape pages (wide tables, Gantt)
    annex_section: bool = False  # may be a section of the agenda annex
    in_dialog: bool = True  # offered in the report dialog's kind list
    personal: bool = False  # holds the user's own notes: never for distribution
    tab: str | None = None  # the window tab it fits (Ctrl+P there opens this kind)
    default_in_annex: bool = True  # an annex section printed when the user names none
    needs_peildatum: bool = False  # may be asked for a peildatum (``--peildatum``)


REPORT_KINDS: tuple[ReportKind, ...] = (
    ReportKind("themes", "Raadsprogramma: thema's en regie", "Thema’s en regie", "themas",
               annex_section=True, tab="themes"),
    ReportKind("regie", "Regie en portefeuilles", "Regie van een collegelid", "regie",
               needs_person=True, annex_section=True),
    ReportKind("portfolio", "Portefeuilleverdeling", "Portefeuilleverdeling", "portefeuilleverdeling",
               landscape=True, annex_section=True, tab="portfolio"),
    ReportKind("budget", "Begroting Actieplan", "Begroting Actieplan", "begroting-actieplan",
               needs_action_plan=True, annex_section=True, tab="budget"),
    ReportKind("timeline", "Planning Actieplan", "Planning Actieplan", "planning-actieplan",
               needs_action_plan=True, landscape=True, annex_section=True, tab="timeline"),
    ReportKind("voortgang", "Voortgangsrapportage", "Voortgangsrapportage Actieplan", "voortgangsrapportage",
               needs_action_plan=True, annex_section=True, default_in_annex=False, needs_peildatum=True),
    ReportKind("annex", "Agendabijlage", "Agendabijlage voor een vergadering", "bijlage", needs_meeting=True),
    ReportKind("brief", "Persoonlijke voorbereiding", "Persoonlijke voorbereiding (uit mijn notities)",
               "persoonlijke-voorbereiding", personal=True),
)

_BY_ID = {kind.id: kind for kind in REPORT_KINDS}
REPORT_KIND_IDS: tuple[str, ...] = tuple(_BY_ID)
# Annex sections in the order they are printed (regie only with a person).
ANNEX_SECTION_IDS: tuple[str, ...] = ("themes", "portfolio", "budget", "timeline", "voortgang", "regie")
assert set(ANNEX_SECTION_IDS) == {k.id for k in REPORT_KINDS if k.annex_section}


def report_kind(kind_id: str) -> ReportKind:
    """The kind with this id. Raises KeyError for an unknown id (callers validate first)."""
    return _BY_ID[kind_id]


def is_report_kind(kind_id: str) -> bool:
    return kind_id in _BY_ID


def default_annex_sections() -> tuple[str, ...]:
    """The annex sections printed when the user names none: those that need no person (and are not
    left out by default, as the voortgang is: an annex shows it only when asked)."""
    return tuple(i for i in ANNEX_SECTION_IDS if not _BY_ID[i].needs_person and _BY_ID[i].default_in_annex)


def kind_for_tab(tab: str) -> ReportKind:
    """The report that fits a window tab; the themes report for a tab without one."""
    return next((k for k in REPORT_KINDS if k.tab == tab), _BY_ID["themes"])
