"""Loading a programme into the window: the catalogue, then the chosen programme, then a
selection that waited for it (a search hit in another programme).

The controller holds no widgets. It runs the reads as :class:`Operation` s, hands the result
to :class:`ViewState` (which also keeps or clears the "Bekijk als" person) and tells the window
through signals what to show in its selectors. The worker functions below are Qt-free.

A tab whose model takes long to build from a programme (the Begroting at 2,000 actions) adds a
*preparation* (:meth:`ProgrammeLoader.add_preparation`): it runs in the same worker right after
the read, and the tab takes its result (:meth:`ProgrammeLoader.prepared`) when it draws, so the
GUI thread only swaps in a finished model. Only the latest programme's preparations are kept.
The start's read makes none (they would delay the first paint): the window asks for them after
that paint, when a hidden tab that uses them catches up (:meth:`ProgrammeLoader.prepare`).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QObject, Signal

from velsen_desk.core.defaults import DEFAULT_PROGRAMME
from velsen_desk.core.records import Catalog, ProgrammeData, ProgrammeInfo, ProgrammeOutline
from velsen_desk.core.structs import msgspec
from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
from velsen_desk.storage.local_copy import LocalDatabase
from velsen_desk.storage.reader import catalog, load_catalog, load_programme, programme_data, programme_outline
from velsen_desk.storage.search import SearchHit
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.state import ViewState

log = logging.getLogger(__name__)


Preparer = Callable[[ProgrammeData, TaskState], object]
"""Worker thread: what a tab makes from a programme just read (Qt-free; touches no widget)."""


class LoadedProgramme(msgspec.Struct, frozen=True, eq=False):  # a Struct: a dataclass costs the start ~0.5 ms
    data: ProgrammeData
    prepared: Mapping[str, object]
    complete: bool = True  # False: read without its preparations (the start's)


# ---- Work (worker thread; touches no widget)


def _opened(db: ReadOnlyDatabase | None) -> ReadOnlyDatabase:
    if db is None:
        raise DatabaseError("Er is geen gegevensbestand geopend.")
    return db


def read_catalog(db: ReadOnlyDatabase | None, _state: TaskState) -> Catalog:
    return load_catalog(_opened(db))


def read_programme(db: ReadOnlyDatabase | None, programme: ProgrammeInfo, _state: TaskState) -> ProgrammeData:
    return load_programme(_opened(db), programme)


def start_programme(found: Catalog, wanted: str) -> ProgrammeInfo | None:
    """The programme the window shows first: ``wanted``, else the catalogue's first (None when empty)."""
    return found.programme(wanted) or (found.programmes[0] if found.programmes else None)


def read_start(db: ReadOnlyDatabase | None, wanted: str,
               _state: TaskState) -> tuple[Catalog, ProgrammeOutline | None]:
    """The catalogue and the outline of the programme to show first (None for an empty
    catalogue), or its whole :class:`ProgrammeData` when its tree holds its chapters (it has no
    outline to show first): one trip to the worker instead of two, on one connection (each
    connection reads the file's schema again)."""
    return _opened(db).read(_start, wanted)


def _start(conn: sqlite3.Connection, wanted: str) -> tuple[Catalog, ProgrammeOutline | None]:
    found = catalog(conn)
    programme = start_programme(found, wanted)
    if programme is None:
        return found, None
    outline = programme_outline(conn, programme)
    # Nothing to show before the whole programme: read it here, not in a second trip
    return found, outline if outline is not None else programme_data(conn, programme)


def prepare(data: ProgrammeData, preparers: Mapping[str, Preparer], state: TaskState) -> LoadedProgramme:
    """Run every preparation on ``data`` (in the worker that read it)."""
    prepared: dict[str, object] = {}
    for key, preparer in preparers.items():
        state.raise_if_cancelled()  # a newer programme was asked for
        prepared[key] = preparer(data, state)
    return LoadedProgramme(data, prepared)


def read_prepared(db: ReadOnlyDatabase | None, programme: ProgrammeInfo, preparers: Mapping[str, Preparer],
                  state: TaskState) -> LoadedProgramme:
    return prepare(read_programme(db, programme, state), preparers, state)


def open_local_database(_state: TaskState) -> LocalDatabase:
    """Find or build the local database (the first start builds it from the bundled data)."""
    from velsen_desk.storage.local_copy import ensure_local_database

    return ensure_local_database()


# ---- Controller (GUI thread)


class ProgrammeLoader(QObject):
    """Loads the catalogue and programmes on ``runner`` into ``state``."""

    # ---- Signals
    sig_catalog_loaded = Signal(object, str)
    """(:class:`Catalog`, programme id about to load): fill the programme selector."""
    sig_programme_chosen = Signal(str)
    """The controller switched programme itself (for a pending selection), or back to the one
    still shown when another could not be read: follow in the selector."""
    sig_programme_loaded = Signal(object)
    """The :class:`ProgrammeData` is in the view state (person settled); after the tabs heard it."""
    sig_failed = Signal(object)
    """Reading failed: the exception."""
    sig_prepared = Signal(object)
    """The preparations :meth:`prepare` asked for are over (made, failed or dropped) for this
    :class:`ProgrammeData`."""

    def __init__(self, runner: OperationRunner, state: ViewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._state = state
        self.catalog: Catalog | None = None
        self._wanted_person: str | None = None  # a person *name* asked for at start (CLI --person)
        self._pending_hit: SearchHit | None = None
        self._preparations: dict[str, Callable[[], Preparer]] = {}
        self._latest: LoadedProgramme | None = None  # the latest programme's preparations only
        self._preparing: ProgrammeData | None = None  # made after its read (see prepare)
        self._prepare_tried: ProgrammeData | None = None  # whose late preparations ended without a result
        self._reading: str | None = None  # the programme whose read is on its way
        self._starting: str | None = None  # the programme a start asked for, until the catalogue is in

    # ---- Public API

    def add_preparation(self, key: str, make: Callable[[], Preparer]) -> None:
        """From the next read on, run ``make()`` (asked on the GUI thread when a read starts,
        so it can capture what the user chose, a sort say) in the read's worker."""
        self._preparations[key] = make

    def prepared(self, key: str, data: ProgrammeData) -> object | None:
        """What preparation ``key`` made from ``data`` (the very object), else None: added after
        that read, or ``data`` came from elsewhere."""
        latest = self._latest
        return latest.prepared.get(key) if latest is not None and latest.data is data else None

    def prepare(self, data: ProgrammeData) -> bool:
        """True while the preparations of ``data``, read without them (the start's read), are
        being made in a worker, starting them at the first call; :attr:`sig_prepared` follows.
        False when there is nothing to wait for: they are made, they failed, or ``data`` is
        not the latest programme."""
        latest = self._latest
        if latest is None or latest.data is not data or latest.complete or self._prepare_tried is data:
            return False
        if self._preparing is not data:
            self._preparing = data
            op = Operation(
                partial(prepare, data, self._preparers()),
                success=self._on_prepared, failure=partial(self._preparation_failed, data),
                key="programme-preparations", long_lived=True,
            )
            self._runner.start(op.on_cancelled(lambda: self._prepared_without(data)))
        return True

    def start(self, programme_id: str | None = None, person_name: str | None = None) -> None:
        """Load the catalogue, then ``programme_id`` (default Velsen 2022–2026) as ``person_name``.
        Started again before the first start's programme is in (a sync bringing a new file),
        without a programme or person, it keeps those the first start asked for."""
        wanted = programme_id or self._starting or DEFAULT_PROGRAMME
        self._starting = wanted
        self._wanted_person = person_name or self._wanted_person  # cleared once applied (_on_programme)
        op = Operation(
            partial(read_start, self._runner.database, wanted),
            success=partial(self._on_start, wanted), failure=self.sig_failed.emit, key="catalog", long_lived=True,
        )
        self._runner.start(op.with_progress(self.tr("Gegevens openen…")))

    def load(self, programme_id: str) -> bool:
        """Load a programme of the catalogue; False when the catalogue does not know it."""
        programme = self.catalog.programme(programme_id) if self.catalog else None
        if programme is None:
            return False
        outline = self._state.outline
        if outline is not None and outline.programme.id != programme_id:
            # This read replaces the start's, whose data will not come: its outline goes, so
            # the tree never shows one programme's rows while another is chosen.
            self._drop_outline()
        op = Operation(
            partial(read_prepared, self._runner.database, programme, self._preparers()),
            success=self._on_programme, failure=self._failed, key="programme", long_lived=True,
        )
        self._reading = programme_id
        self._runner.start(op.with_progress(self.tr("{0} laden…").format(programme.title)))
        return True

    def open_hit(self, hit: SearchHit) -> bool:
        """Show a search hit in its tab, switching programme first when needed (then it waits)."""
        data = self._state.data
        if data is not None and data.programme.id == hit.programme_id:
            self._state.request_item(hit.kind, hit.ref_id)
            return True
        if self.catalog is None or self.catalog.programme(hit.programme_id) is None:
            return False
        if self._reading == hit.programme_id:
            # Its read is on its way (the start's, say): reading it again from the start would
            # cost the whole read once more (seconds at 1,000x); the hit waits for that read.
            self._pending_hit = hit
            return True
        self._pending_hit = hit
        self.sig_programme_chosen.emit(hit.programme_id)
        return self.load(hit.programme_id)

    @property
    def pending_hit(self) -> SearchHit | None:
        return self._pending_hit

    # ---- Private

    def _preparers(self) -> dict[str, Preparer]:
        return {key: make() for key, make in self._preparations.items()}

    def _on_start(self, wanted: str, result: tuple[Catalog, ProgrammeOutline | None]) -> None:
        catalog, outline = result
        self.catalog = catalog
        self._starting = None  # from now on the selector says which programme
        programme = start_programme(catalog, wanted)
        self.sig_catalog_loaded.emit(catalog, programme.id if programme is not None else wanted)
        if programme is None:
            return
        if isinstance(outline, ProgrammeData):  # a programme of chapters, read whole in the start's trip
            self._runner.cancel("programme")  # a read started before (of an older file) comes too late
            self._reading = None
            self._on_programme(LoadedProgramme(outline, {}, complete=False))
            return
        if outline is not None and self._state.data is None:  # a programme on screen stays until its data
            if self._wanted_person:
                # Through the eyes asked for (--person) from the first paint, as the data will be.
                self._state.set_person(next((p.id for p in outline.college if p.name == self._wanted_person), None))
                self._wanted_person = None  # applied: a person chosen before the data is kept
            self._state.set_outline(outline)
        # No preparations: they would delay the whole programme (and import Babel before the
        # first paint); the tabs build what they need from the first programme themselves.
        op = Operation(
            partial(read_programme, self._runner.database, programme),
            success=lambda data: self._on_programme(LoadedProgramme(data, {}, complete=False)),
            failure=self._failed, key="programme", long_lived=True,
        )
        self._reading = programme.id
        self._runner.start(op.with_progress(self.tr("{0} laden…").format(programme.title)))

    def _failed(self, error: Exception) -> None:
        self._pending_hit = None  # its programme could not be read: not shown when chosen again later
        self._reading = None
        data = self._state.data
        if data is None:
            self._drop_outline()  # what could not be read in full is not shown in part
        else:  # the selector goes back to the programme still shown, not the one that failed
            self.sig_programme_chosen.emit(data.programme.id)
        self.sig_failed.emit(error)

    def _drop_outline(self) -> None:
        if self._state.outline is not None:  # only ever there before the data
            self._state.set_outline(None)

    def _on_prepared(self, loaded: LoadedProgramme) -> None:
        latest = self._latest
        if latest is not None and latest.data is loaded.data:
            self._latest = loaded
        self._done_preparing(loaded.data)

    def _preparation_failed(self, data: ProgrammeData, error: Exception) -> None:
        log.error("preparing the programme's tabs failed: %s", error)
        self._prepared_without(data)

    def _prepared_without(self, data: ProgrammeData) -> None:
        # The tabs make their own (on the GUI thread, their extras in workers); no second try.
        self._prepare_tried = data
        self._done_preparing(data)

    def _done_preparing(self, data: ProgrammeData) -> None:
        if self._preparing is data:
            self._preparing = None
        self.sig_prepared.emit(data)

    def _on_programme(self, loaded: LoadedProgramme) -> None:
        self._latest = loaded
        self._reading = None
        data = loaded.data
        person = self._state.person_id
        if self._wanted_person:
            person = next((p.id for p in data.college if p.name == self._wanted_person), None)
            self._wanted_person = None
        self._state.set_programme(data, person)
        self.sig_programme_loaded.emit(data)
        hit, self._pending_hit = self._pending_hit, None
        if hit is not None and hit.programme_id == data.programme.id:
            self._state.request_item(hit.kind, hit.ref_id)
        elif hit is not None:
            self._pending_hit = hit  # another programme is on its way
