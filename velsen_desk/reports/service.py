"""Generate a PDF report from a request: validate, read the data, lay out, write the file.

``generate_report`` keeps no state between calls (fonts are registered once, idempotently), so
it can run in a worker thread. Every failure a user can cause comes out as ``ReportError`` with
a Dutch message.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

from velsen_desk.core.defaults import DEFAULT_PROGRAMME
from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.own_files import own_file_message
from velsen_desk.core.people import match_person
from velsen_desk.core.progress import EXAMPLE_MARK
from velsen_desk.core.progress_records import ProgressData
from velsen_desk.core.records import PersonInfo, ProgrammeData
from velsen_desk.core.report_kinds import ReportKind, report_kind
from velsen_desk.core.task_state import TaskState
from velsen_desk.notes.notes_file import Note, NotesError, NotesFile
from velsen_desk.reports import annex
from velsen_desk.reports.document import DocumentSpec, Part, Rendered, render
from velsen_desk.reports.programme import Edition, matrix_of
from velsen_desk.reports.request import (  # noqa: F401  (ReportResult re-exported)
    ReportError,
    ReportRequest,
    ReportResult,
    validate_request,
)
from velsen_desk.reports.sections import brief, budget, portfolio, programme_text, progress, regie, themes, timeline
from velsen_desk.reports.styles import FontError, Styles
from velsen_desk.storage import reader
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress


def _check_output(path: Path) -> None:
    refusal = own_file_message(path)
    if refusal is not None:  # a report over the notes or the local database would destroy them
        raise ReportError(refusal)
    try:
        mode: int | None = path.lstat().st_mode
    except OSError:
        mode = None  # nothing there yet: the usual case
    if mode is not None and not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
        # a symlink, FIFO or device would be replaced by the new file (or written through): never
        raise ReportError(_(
            "{path} is geen gewoon bestand (een koppeling, pijp of apparaat) en wordt niet overschreven. Kies "
            "een andere bestandsnaam."
        ).format(path=path))
    if path.is_dir():
        raise ReportError(_(
            "{path} is een map; geef een bestandsnaam op, bijvoorbeeld rapport.pdf."
        ).format(path=path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ReportError(_("De map {parent} bestaat niet.").format(parent=parent))
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReportError(_("Kan niet schrijven naar {path}: geen schrijfrechten.").format(path=path))


def _find_person(data: ProgrammeData, name: str) -> PersonInfo:
    members = matrix_of(data).members
    person = match_person(members, name)
    if person is None:
        names = ", ".join(m.name for m in members) or "geen"
        raise ReportError(_(
            "Onbekend collegelid “{name}” in {title}. Kies uit: {names}."
        ).format(name=name, title=data.programme.title, names=names), "person")
    return person


# ---- composing ----------------------------------------------------------------------------------

_SECTIONS: dict[str, Callable[[ProgrammeData, Edition, Styles], list[Part]]] = {
    # A programme without themes prints its own structure (chapters, or opgaven) instead.
    "themes": lambda data, _edition, styles: (themes.build(data, styles) if data.velden
                                              else programme_text.build(data, styles)),
    "portfolio": lambda data, _edition, styles: portfolio.build(data, styles),
    "budget": lambda data, _edition, styles: budget.build(data, styles),
    "timeline": lambda data, edition, styles: timeline.build(data, styles, edition.made),
}


def _section(kind: ReportKind, data: ProgrammeData, edition: Edition, styles: Styles,
             person: PersonInfo | None, progress_data: ProgressData, peildatum: dt.date | None) -> list[Part]:
    if kind.needs_person:
        assert person is not None  # validated: regie asks for --person
        return regie.build(data, styles, person)
    if kind.needs_action_plan and not data.plans:
        raise ReportError(_(
            "{title} heeft geen actieplan; het rapport “{title2}” is niet mogelijk."
        ).format(title=data.programme.title, title2=kind.title))
    if kind.id == "themes" and not (data.velden or data.chapters or data.opgaven):
        raise ReportError(_("{title} heeft geen thema's, hoofdstukken of opgaven om af te drukken.").format(
            title=data.programme.title))
    if kind.id == "portfolio" and not matrix_of(data).members:
        raise ReportError(_("Voor {title} is geen college met portefeuilles bekend.").format(
            title=data.programme.title))
    if kind.id == "voortgang":
        return progress.build(data, progress_data, styles, peildatum or edition.made)
    return _SECTIONS[kind.id](data, edition, styles)


def compose(
    request: ReportRequest, data: ProgrammeData, edition: Edition, notes: list[Note] | None = None,
    state: TaskState | None = None, progress_data: ProgressData | None = None,
) -> tuple[DocumentSpec, list[Part]]:
    """The document for a request over loaded data (pure: no I/O); with a ``state``, an annex
    stops between its sections when cancelled."""
    valid = validate_request(request)
    kind = valid.kind
    styles = Styles()
    progress_data = progress_data or ProgressData()
    # Fictitious progress data is marked on every page of a report that shows it.
    marking = EXAMPLE_MARK if progress_data.is_example and shows_progress(kind.id, valid.sections) else None
    footer = (f"Velsen Desk · gemaakt op {format_long_date(edition.made)} · "
              f"gegevensversie {edition.data_version or 'onbekend'}")
    person = _find_person(data, request.person) if request.person else None
    if kind.needs_person and person is None:
        raise ReportError(_("Geef een collegelid op met --person. Kies uit: ")
                          + ", ".join(m.name for m in matrix_of(data).members) + ".", "person")
    if kind.personal:
        parts = brief.build(data, styles, notes or [], request.flagged_only)
        title = kind.title
        spec = DocumentSpec(title=title, subject=f"{title} – {data.programme.title}", header=title,
                            header_right=data.programme.title, footer=footer, keywords=("Velsen Desk", "persoonlijk"),
                            marking=brief.MARKING)
        return spec, parts
    if kind.needs_meeting:
        assert valid.date is not None and valid.meeting is not None  # validated
        date, meeting, sections = valid.date, valid.meeting, valid.sections
        body = []
        for number, item in enumerate(sections):
            _step(state, 30 + 20 * number // len(sections), _("Onderdelen samenstellen"))
            body.extend(_section(report_kind(item), data, edition, styles, person, progress_data, valid.peildatum))
        parts = [annex.cover(styles, data, edition, meeting, date, request.agenda_item, sections),
                 annex.contents(styles, body), *body]
        title = f"Bijlage {meeting} {format_long_date(date)}"
        header = annex.header_text(meeting, date, request.agenda_item)
        subject = f"{data.programme.title}: " + annex.subject(sections, data)
    else:
        parts = _section(kind, data, edition, styles, person, progress_data, valid.peildatum)
        if kind.id == "voortgang":  # a long report of its own: it opens with its contents
            parts = [annex.contents(styles, parts), *parts]
        title = f"{kind.title} {person.name}" if person and kind.needs_person else kind.title
        if kind.id == "themes" and not data.velden:  # never "thema's" for a programme that has none
            title = programme_text.title(data)
        header = title
        subject = f"{title} – {data.programme.title}"
    spec = DocumentSpec(title=title, subject=subject, header=header, header_right=data.programme.title,
                        footer=footer, keywords=("Velsen Desk", data.programme.title, kind.id), marking=marking)
    return spec, parts


def _load(request: ReportRequest, programme_id: str, with_progress: bool = True,
          ) -> tuple[ProgrammeData, str | None, ProgressData]:
    """The programme's data, read as the window reads it, and the data version; the progress
    reports only ``with_progress`` (no progress read is an empty :class:`ProgressData`)."""
    if request.database is not None:
        path = request.database
    else:
        from velsen_desk.storage.local_copy import ensure_local_database

        try:
            path = ensure_local_database().info.path
        except DatabaseError as exc:
            raise ReportError(str(exc)) from exc
    try:
        database = ReadOnlyDatabase(path)
    except DatabaseError as exc:
        raise ReportError(str(exc)) from exc

    def read(conn: sqlite3.Connection) -> tuple[ProgrammeData, str | None, ProgressData]:
        # one connection: the catalogue and the programme come from the same file, even if a sync replaces it
        catalog = reader.catalog(conn)
        programme = catalog.programme(programme_id)
        if programme is None:
            known = ", ".join(p.id for p in catalog.programmes)
            raise ReportError(_("Onbekend programma “{programme_id}”. Kies uit: {known}.").format(
                programme_id=programme_id, known=known))
        return (reader.programme_data(conn, programme), catalog.summary.data_version,
                read_progress(conn, programme.id) if with_progress else ProgressData())

    try:
        return database.read(read)
    except sqlite3.Error as exc:
        raise ReportError(_(
            "De database {path} kan niet gelezen worden ({error})."
        ).format(path=path, error=exc.__class__.__name__)) from exc


def _write(path: Path, pdf: bytes) -> None:
    try:
        write_atomic(path, pdf, prefix=".rapport-")  # a reader never sees half a PDF
    except OSError as exc:
        raise ReportError(_(
            "Kan niet schrijven naar {path}: {cause}."
        ).format(path=path, cause=describe_os_error(exc))) from exc


def generate_report(request: ReportRequest, state: TaskState | None = None) -> ReportResult:
    """Make the report. With a ``state``: progress is reported and cancel is honoured between the
    steps (reading, composing, laying out pages, writing); a cancelled report raises
    :class:`~velsen_desk.core.task_state.Cancelled` and writes nothing to ``request.output``."""
    valid = validate_request(request)
    output = Path(request.output)
    _check_output(output)
    _step(state, 5, _("Gegevens lezen"))
    # Only the voortgang prints progress: reading it for 2,000 actions is ~0.3 s that no other report uses.
    data, data_version, progress_data = _load(request, request.programme or DEFAULT_PROGRAMME,
                                              shows_progress(valid.kind.id, valid.sections))
    edition = Edition(made=request.today or dt.date.today(), data_version=data_version)
    notes = _load_notes(request) if valid.kind.personal else None
    _step(state, 30, _("Onderdelen samenstellen"))
    spec, parts = compose(request, data, edition, notes, state, progress_data)
    _step(state, 50, _("Pagina’s opmaken"))
    rendered = render_parts(spec, parts)
    _step(state, 95, _("Opslaan"))  # the last chance to stop: after this the file is written
    _write(output, rendered.pdf)
    if state is not None:
        state.set_progress(100, "Klaar")
    return ReportResult(output, rendered.pages)


def shows_progress(kind_id: str, sections: tuple[str, ...]) -> bool:
    """Whether a report prints the monitor's progress (the voortgang, alone or in an annex)."""
    return "voortgang" in (kind_id, *sections)


def _step(state: TaskState | None, percent: int, message: str) -> None:
    if state is not None:
        state.raise_if_cancelled()
        state.set_progress(percent, message)


def _load_notes(request: ReportRequest) -> list[Note]:
    try:
        return NotesFile(request.notes_file, read_only=True).all()  # a report never writes the notes
    except NotesError as exc:
        raise ReportError(str(exc)) from exc


def render_parts(spec: DocumentSpec, parts: list[Part]) -> Rendered:
    try:
        return render(spec, parts)
    except FontError as exc:
        raise ReportError(str(exc)) from exc
