"""Generate a PDF report from a request: validate, read the data, lay out, write the file.

``generate_report`` keeps no state between calls (fonts are registered once, idempotently), so
it can run in a worker thread. Every failure a user can cause comes out as ``ReportError`` with
a Dutch message.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import tempfile
from pathlib import Path

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.records import PersonInfo, ProgrammeData
from velsen_desk.notes.notes_file import Note, NotesError, NotesFile
from velsen_desk.reports import annex
from velsen_desk.reports.document import DocumentSpec, Part, Rendered, render
from velsen_desk.reports.programme import Edition, matrix_of
from velsen_desk.reports.request import ReportError, ReportRequest, ReportResult  # noqa: F401  (re-exported)
from velsen_desk.reports.sections import brief, budget, portfolio, regie, themes, timeline
from velsen_desk.reports.styles import FontError, Styles
from velsen_desk.storage import reader
from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase

DEFAULT_PROGRAMME = "velsen-2022"
KINDS = ("themes", "regie", "portfolio", "budget", "timeline", "annex", "brief")
ANNEX_ITEMS = ("themes", "regie", "portfolio", "budget", "timeline")
DEFAULT_ANNEX_ITEMS = ("themes", "portfolio", "budget", "timeline")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# ---- validation ---------------------------------------------------------------------------------


def _parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        if not _DATE.match(text.strip()):
            raise ValueError
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ReportError(f"Ongeldige datum “{text}”: gebruik JJJJ-MM-DD, bijvoorbeeld 2022-06-20.") from None


def _items(request: ReportRequest) -> tuple[str, ...]:
    items = tuple(i.strip().lower() for i in request.items if i.strip()) or DEFAULT_ANNEX_ITEMS
    unknown = [i for i in items if i not in ANNEX_ITEMS]
    if unknown:
        raise ReportError(f"Onbekend onderdeel “{unknown[0]}”. Kies uit: {', '.join(ANNEX_ITEMS)}.")
    if len(set(items)) != len(items):
        raise ReportError("Elk onderdeel mag maar één keer in de bijlage staan.")
    if "regie" in items and not request.person:
        raise ReportError("Het onderdeel regie heeft een collegelid nodig (--person).")
    return items


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise ReportError(f"{path} is een map; geef een bestandsnaam op, bijvoorbeeld rapport.pdf.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ReportError(f"De map {parent} bestaat niet.")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReportError(f"Kan niet schrijven naar {path}: geen schrijfrechten.")


def _find_person(data: ProgrammeData, name: str) -> PersonInfo:
    members = matrix_of(data).members
    wanted = " ".join(name.split()).casefold()
    for member in members:
        if wanted in (member.name.casefold(), member.id.casefold()):
            return member
    partial = [m for m in members if wanted and wanted in m.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    names = ", ".join(m.name for m in members) or "geen"
    raise ReportError(f"Onbekend collegelid “{name}” in {data.programme.title}. Kies uit: {names}.")


# ---- composing ----------------------------------------------------------------------------------


def _section(kind: str, data: ProgrammeData, edition: Edition, styles: Styles,
             person: PersonInfo | None) -> list[Part]:
    if kind == "themes":
        if not data.velden:
            raise ReportError(f"{data.programme.title} heeft geen raadsprogramma met thema's.")
        return themes.build(data, styles)
    if kind == "regie":
        assert person is not None
        return regie.build(data, styles, person)
    if kind == "portfolio":
        if not matrix_of(data).members:
            raise ReportError(f"Voor {data.programme.title} is geen college met portefeuilles bekend.")
        return portfolio.build(data, styles)
    if not data.plans:
        raise ReportError(f"{data.programme.title} heeft geen actieplan; een {_kind_name(kind)} is niet mogelijk.")
    if kind == "budget":
        return budget.build(data, styles)
    return timeline.build(data, styles, edition.made)


def _kind_name(kind: str) -> str:
    return {"budget": "begroting", "timeline": "planning"}.get(kind, kind)


REPORT_TITLES = {
    "themes": "Raadsprogramma: thema's en regie",
    "portfolio": "Portefeuilleverdeling",
    "budget": "Begroting Actieplan",
    "timeline": "Planning Actieplan",
}


def compose(
    request: ReportRequest, data: ProgrammeData, edition: Edition, notes: list[Note] | None = None
) -> tuple[DocumentSpec, list[Part]]:
    """The document for a validated request over loaded data (pure: no I/O)."""
    styles = Styles()
    footer = (f"Velsen Desk · gemaakt op {format_long_date(edition.made)} · "
              f"gegevensversie {edition.data_version or 'onbekend'}")
    person = _find_person(data, request.person) if request.person else None
    if request.kind == "regie" and person is None:
        raise ReportError("Geef een collegelid op met --person. Kies uit: "
                          + ", ".join(m.name for m in matrix_of(data).members) + ".")
    if request.kind == "brief":
        parts = brief.build(data, styles, notes or [], request.flagged_only)
        title = "Persoonlijke voorbereiding"
        spec = DocumentSpec(title=title, subject=f"{title} – {data.programme.title}", header=title,
                            header_right=data.programme.title, footer=footer, keywords=("Velsen Desk", "persoonlijk"),
                            marking=brief.MARKING)
        return spec, parts
    if request.kind == "annex":
        if not request.meeting or not request.meeting.strip():
            raise ReportError("Geef de vergadering op met --meeting, bijvoorbeeld --meeting \"Raadsvergadering\".")
        if not request.date:
            raise ReportError("Geef de datum van de vergadering op met --date JJJJ-MM-DD.")
        date = _parse_date(request.date)
        assert date is not None
        items = _items(request)
        meeting = " ".join(request.meeting.split())
        body = [part for item in items for part in _section(item, data, edition, styles, person)]
        parts = [annex.cover(styles, data, edition, meeting, date, request.agenda_item, items),
                 annex.contents(styles, body), *body]
        title = f"Bijlage {meeting} {format_long_date(date)}"
        header = annex.header_text(meeting, date, request.agenda_item)
        subject = f"{data.programme.title}: " + ", ".join(annex.SECTION_NAMES[i].lower() for i in items)
    else:
        parts = _section(request.kind, data, edition, styles, person)
        title = (f"Regie en portefeuilles {person.name}" if person and request.kind == "regie"
                 else REPORT_TITLES[request.kind])
        header = title
        subject = f"{title} – {data.programme.title}"
    spec = DocumentSpec(title=title, subject=subject, header=header, header_right=data.programme.title,
                        footer=footer, keywords=("Velsen Desk", data.programme.title, request.kind))
    return spec, parts


def _load(request: ReportRequest, programme_id: str) -> tuple[ProgrammeData, str | None]:
    """The programme's data, read as the window reads it, and the data version."""
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

    def read(conn: sqlite3.Connection) -> tuple[ProgrammeData, str | None]:
        # one connection: the catalogue and the programme come from the same file, even if a sync replaces it
        catalog = reader.catalog(conn)
        programme = catalog.programme(programme_id)
        if programme is None:
            known = ", ".join(p.id for p in catalog.programmes)
            raise ReportError(f"Onbekend programma “{programme_id}”. Kies uit: {known}.")
        return reader.programme_data(conn, programme), catalog.summary.data_version

    try:
        return database.read(read)
    except sqlite3.Error as exc:
        raise ReportError(f"De database {path} kan niet gelezen worden ({exc.__class__.__name__}).") from exc


def _write(path: Path, pdf: bytes) -> None:
    """Write next to the target and rename: a reader never sees half a PDF."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".rapport-", suffix=".pdf", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pdf)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ReportError(f"Kan niet schrijven naar {path}: {exc.strerror or exc}.") from exc


def generate_report(request: ReportRequest) -> ReportResult:
    if request.kind not in KINDS:
        raise ReportError(f"Onbekend soort rapport “{request.kind}”. Kies uit: {', '.join(KINDS)}.")
    output = Path(request.output)
    _check_output(output)
    if request.kind != "annex":
        _parse_date(request.date)  # a bad date is an error even where it is not used
    else:
        _items(request)
        _parse_date(request.date)
    data, data_version = _load(request, request.programme or DEFAULT_PROGRAMME)
    edition = Edition(made=request.today or dt.date.today(), data_version=data_version)
    notes = _load_notes(request) if request.kind == "brief" else None
    spec, parts = compose(request, data, edition, notes)
    rendered = render_parts(spec, parts)
    _write(output, rendered.pdf)
    return ReportResult(output, rendered.pages)


def _load_notes(request: ReportRequest) -> list[Note]:
    try:
        return NotesFile(request.notes_file).all()
    except NotesError as exc:
        raise ReportError(str(exc)) from exc


def render_parts(spec: DocumentSpec, parts: list[Part]) -> Rendered:
    try:
        return render(spec, parts)
    except FontError as exc:
        raise ReportError(str(exc)) from exc
