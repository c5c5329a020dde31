"""What a report request and its result are, and the checks of a request: cheap to import.

The window's report dialog imports these when it opens; ReportLab (slow to import) is loaded
by :mod:`velsen_desk.reports.service` in the worker that makes the report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.i18n import N_, _
from velsen_desk.core.report_kinds import (
    ANNEX_SECTION_IDS,
    REPORT_KIND_IDS,
    ReportKind,
    default_annex_sections,
    is_report_kind,
    report_kind,
)


class ReportError(Exception):
    """The report cannot be made; the message is plain Dutch for the user.

    ``field`` names the request field at fault ("kind", "date", "meeting", "items", "person"),
    so a form can point at it; None when the fault is not one field's (data, file, fonts)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    output: Path
    programme: str | None = None  # None: velsen-2022
    person: str | None = None
    meeting: str | None = None
    date: str | None = None  # "YYYY-MM-DD"
    agenda_item: str | None = None
    items: tuple[str, ...] = ()
    database: Path | None = None  # None: the local database (built from the bundled data if needed)
    today: dt.date | None = None  # the generation date printed on the pages; None: today
    flagged_only: bool = False  # brief: only items marked "bespreken in vergadering"
    notes_file: Path | None = None  # brief: None means the user's own notes file
    peildatum: str | None = None  # voortgang: "YYYY-MM-DD", the day the status is shown for; None: today


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int


@dataclass(frozen=True)
class ValidRequest:
    """A request whose own fields are in order (the data it needs is checked when read)."""

    kind: ReportKind
    date: dt.date | None
    meeting: str | None  # with its spacing normalised; only for a kind that needs a meeting
    sections: tuple[str, ...]  # annex sections in the order asked; () for other kinds
    peildatum: dt.date | None = None


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The option each text field comes from, to name in a message (the form points at the field).
_TEXT_FIELDS: dict[str, str] = {
    "kind": N_("het soort rapport"), "programme": "--programme", "person": "--person", "meeting": "--meeting",
    "date": "--date", "agenda_item": "--agenda-item", "peildatum": "--peildatum",
}


def validate_request(request: ReportRequest) -> ValidRequest:
    """Every check of a request that needs no data: the one place the CLI and the window rely on.

    Raises ReportError with a Dutch message naming what to fix."""
    _check_text(request)
    _check_agenda_item(request.agenda_item)
    if not is_report_kind(request.kind):
        raise ReportError(_(
            "Onbekend soort rapport “{kind}”. Kies uit: {value}."
        ).format(kind=request.kind, value=', '.join(REPORT_KIND_IDS)),
                          "kind")
    kind = report_kind(request.kind)
    peildatum = _parse_date(request.peildatum, "peildatum")
    if not kind.needs_meeting:
        return ValidRequest(kind, _parse_date(request.date), None, (), peildatum)  # a bad date is an error even unused
    sections = _sections(request)
    date = _parse_date(request.date)
    if not request.meeting or not request.meeting.strip():
        raise ReportError(_('Geef de vergadering op met --meeting, bijvoorbeeld --meeting "Raadsvergadering".'),
                          "meeting")
    if date is None:
        raise ReportError(_("Geef de datum van de vergadering op met --date JJJJ-MM-DD."), "date")
    return ValidRequest(kind, date, " ".join(request.meeting.split()), sections, peildatum)


def _check_text(request: ReportRequest) -> None:
    """Refuse text that is not valid Unicode: bytes the OS could not decode arrive as lone
    surrogates, which no PDF, file name or database query can hold."""
    fields: list[tuple[str, str | None]] = [(name, getattr(request, name)) for name in _TEXT_FIELDS]
    fields += [("items", item) for item in request.items]
    for name, value in fields:
        if value is not None and not _encodable(value):
            option = _(_TEXT_FIELDS.get(name, "--items"))
            raise ReportError(_(
                "De tekst bij {option} bevat tekens die geen geldige tekst (UTF-8) zijn; typ hem opnieuw."
            ).format(option=option), name)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# A point of the agenda as councils number them: "7", "7a", "4.2" or "12.3.1", at most 9999 (no
# agenda has more points; a longer number is a typing or pasting error).
_AGENDA_ITEM = re.compile(r"[1-9][0-9]{0,3}(?:[a-z]|(?:\.[0-9]{1,3}){1,3})?", re.IGNORECASE)


def _check_agenda_item(text: str | None) -> None:
    """An agenda item, when given, is a number, optionally with a letter or sub-numbers."""
    if text is None or not text.strip():
        return
    value = text.strip()
    if not (value.isascii() and _AGENDA_ITEM.fullmatch(value)):
        shown = value if len(value) <= 20 else value[:20] + "…"
        raise ReportError(_(
            "Ongeldig agendapunt “{shown}”: geef het nummer van het agendapunt, bijvoorbeeld 7, 7a of 4.2."
        ).format(shown=shown), "agenda_item")


def _parse_date(text: str | None, field: str = "date") -> dt.date | None:
    if text is None:
        return None
    try:
        if not _DATE.match(text.strip()):
            raise ValueError
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ReportError(_(
            "Ongeldige datum “{text}”: gebruik JJJJ-MM-DD, bijvoorbeeld 2022-06-20."
        ).format(text=text), field) from None


def _sections(request: ReportRequest) -> tuple[str, ...]:
    sections = tuple(i.strip().lower() for i in request.items if i.strip()) or default_annex_sections()
    unknown = [i for i in sections if i not in ANNEX_SECTION_IDS]
    if unknown:
        raise ReportError(_(
            "Onbekend onderdeel “{value}”. Kies uit: {value2}."
        ).format(value=unknown[0], value2=', '.join(ANNEX_SECTION_IDS)), "items")
    if len(set(sections)) != len(sections):
        raise ReportError(_("Elk onderdeel mag maar één keer in de bijlage staan."), "items")
    needing_person = [i for i in sections if report_kind(i).needs_person]
    if needing_person and not request.person:
        raise ReportError(_(
            "Het onderdeel {value} heeft een collegelid nodig (--person)."
        ).format(value=needing_person[0]), "person")
    return sections
