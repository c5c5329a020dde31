"""Parse and schema-check a large data set's files on more than one core (issue 17).

Parsing is about half of ``validate`` at 100x the bundled data (611 files, 28 MB: ~3 s of CPU
in libyaml's events and the loop over them), and every file is parsed on its own. Above
:data:`MIN_PARALLEL_BYTES`, one or more forked helper processes parse files from the end of the
list while this process parses from the front; each side takes the next file when it is done,
so neither waits while the other has work left.

A helper sends back only what this process cannot cheaply redo: a file that parses plainly and
that the schema accepts comes back as its validated model's JSON (``exclude_unset``, so the same
fields count as given) with its records' lines, and is read back through the same schema here.
Everything else (a file with a problem, one that is not plain, one that cannot be read) comes
back as "not done" and is parsed here by :func:`loader.parse_records`, exactly as without
helpers, so every problem keeps its Dutch message, file, line and field. The result is the
serial one: the same models, lines and problems, in file order (a test holds the two equal).

Only callers that know the process has no other threads ask for helpers (the command line's
``validate`` and ``build-db``): forking a process that runs Qt threads is not safe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pydantic import ValidationError

from velsen_desk.curation.data_file import DataFile
from velsen_desk.curation.file_text import read_data_text
from velsen_desk.curation.problems import Problem
from velsen_desk.curation.yaml_fast import NotPlain, parse_plain_data
from velsen_desk.curation.yaml_text import MAX_DEPTH, MAX_NODES, RefusedYamlError

_log = logging.getLogger(__name__)

# Below this the serial parse takes a fraction of a second (the bundled data is 0.2 MB, 10x
# ~2.4 MB) and a helper's start and the JSON round trip would cost more than they save.
MIN_PARALLEL_BYTES = 4 * 1024 * 1024
# A helper is given about this many bytes of files at a time: small enough that the two sides
# finish within a fraction of a second of each other, large enough that handing work over is rare.
_CHUNK_BYTES = 512 * 1024
_MAX_HELPERS = 3  # this process reads every helper's JSON back: more helpers would wait for it

Lines = dict[str, list[int]]
RecordLine = Callable[[str, int], int | None]
# One file's result, as :func:`loader.parse_records` gives it: the model (or None), the line of a
# record by collection and index, and the problems.
Parsed = tuple[DataFile | None, RecordLine, list[Problem]]
# A helper's answer per file: its model's JSON and records' lines, or None for "parse it there".
_Done = tuple[bytes, Lines] | None


def helpers_available() -> int:
    """How many helper processes may run beside this one: the cores it may use, less its own;
    none where processes cannot be forked (Windows)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, _MAX_HELPERS))


def _parse_plainly(path: Path) -> _Done:
    """In a helper: the file's validated model as JSON and its records' lines, or None."""
    text = read_data_text(path)
    if isinstance(text, Problem):
        return None
    try:
        data, lines = parse_plain_data(text, MAX_DEPTH, MAX_NODES, RefusedYamlError)
        model = DataFile.model_validate(data)
    except (NotPlain, RefusedYamlError, ValidationError, RecursionError, TypeError, ValueError):
        return None
    return model.model_dump_json(exclude_unset=True).encode(), lines


def _parse_chunk(paths: list[Path]) -> list[_Done]:
    return [_parse_plainly(path) for path in paths]


def parse_files(files: Sequence[Path], helpers: int) -> list[Parsed]:
    """Each file parsed and schema-checked, in order; with up to ``helpers`` helper processes
    when the files are together at least :data:`MIN_PARALLEL_BYTES`."""
    from velsen_desk.curation.loader import parse_records

    sizes = [_size(path) for path in files]
    if helpers < 1 or len(files) < 2 or sum(sizes) < MIN_PARALLEL_BYTES:
        return [parse_records(path) for path in files]

    results: list[Parsed | None] = [None] * len(files)
    try:
        _parse_beside_helpers(files, sizes, helpers, results)
    except (OSError, BrokenProcessPool) as exc:  # no fork (a process limit), a helper killed
        _log.info("bestanden zonder hulpprocessen gelezen: %s", exc)
    # what no side finished is parsed here: a helper's trouble never fails a validation
    return [result if result is not None else parse_records(path) for path, result in zip(files, results, strict=True)]


def _parse_beside_helpers(files: Sequence[Path], sizes: list[int], helpers: int, results: list[Parsed | None]) -> None:
    from velsen_desk.curation.loader import parse_records

    waiting = deque(range(len(files)))  # this process takes from the front, the helpers from the back
    running: list[tuple[list[int], Future[list[_Done]]]] = []
    context = multiprocessing.get_context("fork")  # the loaded schema and parser come along for free
    with ProcessPoolExecutor(max_workers=helpers, mp_context=context) as pool:
        try:
            while waiting or running:
                still: list[tuple[list[int], Future[list[_Done]]]] = []
                for indexes, future in running:
                    if future.done():
                        _take(files, indexes, future.result(), results)
                    else:
                        still.append((indexes, future))
                running = still
                while waiting and len(running) < 2 * helpers:  # one chunk at work, one ready, per helper
                    chunk = _chunk_from_back(waiting, sizes)
                    running.append((chunk, pool.submit(_parse_chunk, [files[i] for i in chunk])))
                if waiting:
                    index = waiting.popleft()
                    results[index] = parse_records(files[index])
                elif running:
                    indexes, future = running.pop(0)
                    _take(files, indexes, future.result(), results)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it says what is wrong


def total_bytes(files: Sequence[Path]) -> int:
    """The files' bytes together, measured against :data:`MIN_PARALLEL_BYTES` (a file that
    cannot be looked at counts nothing: its validation says what is wrong)."""
    return sum(_size(path) for path in files)


def _chunk_from_back(waiting: deque[int], sizes: list[int]) -> list[int]:
    chunk: list[int] = []
    total = 0
    while waiting and (not chunk or total + sizes[waiting[-1]] <= _CHUNK_BYTES):
        index = waiting.pop()
        chunk.append(index)
        total += sizes[index]
    return chunk


def _take(files: Sequence[Path], indexes: list[int], done: list[_Done], results: list[Parsed | None]) -> None:
    from velsen_desk.curation.loader import parse_records, record_lines

    for index, answer in zip(indexes, done, strict=True):
        model = None
        if answer is not None:
            try:
                model = DataFile.model_validate_json(answer[0])
            except ValidationError:
                model = None  # never expected: the helper's own model; parsed here to be sure
        results[index] = (model, record_lines(answer[1]), []) if model is not None and answer is not None \
            else parse_records(files[index])
