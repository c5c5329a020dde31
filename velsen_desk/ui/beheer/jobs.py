"""The griffie's work behind the Beheer menu, run in a worker (see :mod:`velsen_desk.ui.operations`).

Each function takes its arguments and a :class:`TaskState`, touches no widget and returns a
frozen result. They only combine the Qt-free layers: the workbook's read, merge and write, the
build and the verified publish. Nothing is written before everything was checked, and every
failure is a :class:`BeheerError` with a Dutch sentence (or ``Cancelled``), leaving the data
folder, the share and the local database as they were.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.task_state import TaskState

if TYPE_CHECKING:  # the workbook, build and publish modules are imported by the worker, when needed
    from velsen_desk.curation.loader import DataSet
    from velsen_desk.sync.diff import Change
    from velsen_desk.sync.publish import PublishResult
    from velsen_desk.workbook.monitor_forms import MadeForms
    from velsen_desk.workbook.problems import WorkbookProblem
    from velsen_desk.workbook.yaml_out import FileUpdate


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)


class BeheerError(Exception):
    """The work could not be done; nothing was changed. The message is a Dutch sentence."""


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do: its problems, or the changes and the files it would write."""

    folder: Path
    workbooks: tuple[Path, ...]
    replace: bool
    problems: tuple[WorkbookProblem, ...]
    replaceable: bool  # the only problems are reports that exist already: "vervangen" resolves them
    changes: tuple[Change, ...]
    updates: tuple[FileUpdate, ...]
    data_version: str | None
    folder_state: tuple[tuple[str, str], ...]  # (file, sha256) of the data folder the preview was made on


@dataclass(frozen=True)
class WrittenImport:
    folder: Path
    files: tuple[str, ...]
    data_version: str | None


def _cache_dir() -> Path:
    from velsen_desk.core.paths import user_cache_dir

    return user_cache_dir() / "validatie"  # as build-db: validations of the same files are reused


def _data_error_text(exc: Exception, folder: Path) -> str:
    from velsen_desk.curation.problems import DataError

    if not isinstance(exc, DataError):
        return str(exc)
    shown = "\n".join(f"• {p}" for p in exc.problems[:5])
    more = len(exc.problems) - 5
    tail = "\n" + _tr("… en nog {0} meer (velsen-desk validate {1}).").format(more, folder) if more > 0 else ""
    return _tr("De gegevensmap {0} heeft zelf problemen; los die eerst op:\n{1}").format(folder, shown) + tail


def load_folder(folder: Path | None) -> DataSet:
    """The data set of ``folder`` (None: the bundled data). Raises :class:`BeheerError`."""
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError

    path = folder or bundled_data_dir()
    try:
        return load_dataset([path], cache=_cache_dir())
    except DataError as exc:
        raise BeheerError(_data_error_text(exc, path)) from exc
    except OSError as exc:
        raise BeheerError(_tr("De gegevensmap {0} kan niet gelezen worden ({1}).").format(
            path, describe_os_error(exc))) from exc


def _folder_state(folder: Path) -> tuple[tuple[str, str], ...]:
    from velsen_desk.curation.loader import data_files

    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in data_files([folder])))


# ---- Export


def export_workbook(folder: Path | None, out: Path, state: TaskState) -> Path:
    from velsen_desk.core.own_files import own_file_message
    from velsen_desk.storage.atomic import write_atomic
    from velsen_desk.workbook.export import workbook_bytes

    refusal = own_file_message(out)
    if refusal is not None:
        raise BeheerError(refusal)
    state.set_progress(5, _tr("Gegevens lezen…"))
    dataset = load_folder(folder)
    state.raise_if_cancelled()
    state.set_progress(40, _tr("Werkmap maken…"))
    payload = workbook_bytes(dataset)
    state.raise_if_cancelled()
    try:
        write_atomic(out, payload)
    except OSError as exc:
        raise BeheerError(_tr("Kan {0} niet schrijven ({1}). Er is geen werkmap geschreven.").format(
            out, describe_os_error(exc))) from exc
    state.set_progress(100, "")
    return out


# ---- Import


def preview_import(workbooks: Sequence[Path], folder: Path, replace: bool, state: TaskState) -> ImportPreview:
    """Read, merge and check the workbooks against the data folder; the changes as ``diff``
    shows them. Writes nothing."""
    from velsen_desk.core.paths import sources_dir
    from velsen_desk.curation.loader import DataSet, data_files
    from velsen_desk.storage.build import build_database
    from velsen_desk.sync.diff import diff_databases
    from velsen_desk.workbook.merge import existing_reports, merge
    from velsen_desk.workbook.read import read_workbooks
    from velsen_desk.workbook.yaml_out import file_updates, read_trees

    if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
        raise BeheerError(_tr("{0} is geen map.").format(folder))
    before = _folder_state(folder)
    state.set_progress(5, _tr("Werkmappen lezen…"))
    contents, problems = read_workbooks(list(workbooks))
    empty = ImportPreview(folder, tuple(workbooks), replace, tuple(problems), False, (), (), None, before)
    if problems:
        return empty
    state.raise_if_cancelled()
    state.set_progress(30, _tr("Gegevensmap lezen…"))
    current = load_folder(folder) if folder.is_dir() and data_files([folder]) else None
    state.raise_if_cancelled()
    state.set_progress(45, _tr("Controleren…"))
    merged = merge(current, contents, sources_dir(), replace=replace)
    if merged.problems:
        problems = sorted(merged.problems, key=lambda p: (str(p.workbook), p.sheet or "", p.row or 0))
        return ImportPreview(folder, tuple(workbooks), replace, tuple(problems), existing_reports(merged.problems),
                             (), (), None, before)
    state.raise_if_cancelled()
    state.set_progress(70, _tr("Wijzigingen bepalen…"))
    try:  # the two databases of the comparison go to the temporary folder, which may be full
        with tempfile.TemporaryDirectory(prefix="velsen-desk-import-") as tmp:
            old_db, new_db = Path(tmp) / "oud.sqlite", Path(tmp) / "nieuw.sqlite"
            build_database(current if current is not None else DataSet(), old_db)
            state.raise_if_cancelled()
            build_database(merged.dataset, new_db)
            changes = diff_databases(old_db, new_db)
    except OSError as exc:
        raise BeheerError(_tr("De wijzigingen kunnen niet bepaald worden ({0}); er is niets geschreven.").format(
            describe_os_error(exc))) from exc
    state.raise_if_cancelled()
    updates = file_updates(read_trees(folder) if current is not None else {}, current, merged.dataset, merged.files)
    state.set_progress(100, "")
    return ImportPreview(folder, tuple(workbooks), replace, (), False, tuple(changes), tuple(updates),
                         merged.dataset.version(), before)


def write_import(preview: ImportPreview, state: TaskState) -> WrittenImport:
    """Write what :func:`preview_import` found, all or nothing, unless the folder changed since."""
    from velsen_desk.workbook.apply import write_updates

    if preview.problems:
        raise BeheerError(_tr("Het werkboek heeft nog problemen; er is niets geschreven."))
    if _folder_state(preview.folder) != preview.folder_state:
        raise BeheerError(_tr("De gegevensmap is gewijzigd sinds de controle. Lees de werkmap opnieuw in; "
                              "er is niets geschreven."))
    state.raise_if_cancelled()
    try:
        write_updates(preview.folder, preview.updates, state)
    except OSError as exc:
        raise BeheerError(_tr("Kan niet schrijven in {0} ({1}). De gegevensmap is ongewijzigd.").format(
            preview.folder, describe_os_error(exc))) from exc
    return WrittenImport(preview.folder, tuple(u.name for u in preview.updates), preview.data_version)


# ---- Monitor forms


def plans_of(folder: Path | None, _state: TaskState) -> tuple[tuple[str, str], ...]:
    """(id, title) of every action plan of the data folder."""
    dataset = load_folder(folder)
    return tuple((str(p.id), str(p.title)) for p in dataset.action_plans)


def make_forms(folder: Path | None, plan_id: str, peildatum: dt.date, out: Path, state: TaskState) -> MadeForms:
    from velsen_desk.workbook.monitor_forms import make_monitor_forms
    from velsen_desk.workbook.monitor_template import MonitorTemplateError

    state.set_progress(2, _tr("Gegevens lezen…"))
    dataset = load_folder(folder)
    state.raise_if_cancelled()
    try:
        return make_monitor_forms(dataset, plan_id, peildatum, out, state)
    except MonitorTemplateError as exc:
        raise BeheerError(_tr("Er zijn geen formulieren gemaakt: {0}.").format(exc)) from exc
    except OSError as exc:
        raise BeheerError(_tr("Kan niet schrijven in {0} ({1}). Er zijn geen formulieren gemaakt.").format(
            out, describe_os_error(exc))) from exc


# ---- Build and publish


def build_and_publish(folder: Path, share: Path | None, state: TaskState) -> PublishResult:
    """Build the database of ``folder`` and put it on ``share`` with the verified publish."""
    from velsen_desk.storage.build import build_database
    from velsen_desk.sync.publish import PublishError, publish

    if share is None:
        raise BeheerError(_tr("Er is geen gedeelde map ingesteld (Bestand → Instellingen…); er is niets "
                              "gepubliceerd."))
    state.set_progress(5, _tr("Gegevens controleren…"))
    dataset = load_folder(folder)
    state.raise_if_cancelled()
    with tempfile.TemporaryDirectory(prefix="velsen-desk-publish-") as tmp:
        database = Path(tmp) / "velsen-desk.sqlite"
        state.set_progress(40, _tr("Database bouwen…"))
        try:
            build_database(dataset, database)
        except OSError as exc:
            raise BeheerError(_tr("De database kan niet gebouwd worden ({0}); er is niets gepubliceerd.").format(
                describe_os_error(exc))) from exc
        state.raise_if_cancelled()  # the last moment to stop: publishing itself is one verified step
        state.set_progress(70, _tr("Publiceren…"))
        try:
            return publish(database, share)
        except PublishError as exc:
            raise BeheerError(str(exc)) from exc
