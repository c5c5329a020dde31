"""Read the curated YAML files into one validated :class:`DataSet`.

Problems are collected, not raised one at a time, so a griffier sees every mistake in one run,
each with file, line and field. Nothing here raises on bad input except :class:`DataError`.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from velsen_desk.core.i18n import _
from velsen_desk.curation import checks
from velsen_desk.curation.data_file import COLLECTIONS, DataFile
from velsen_desk.curation.data_files import data_files, list_files, size_problems
from velsen_desk.curation.file_text import MAX_FILE_BYTES, MAX_TOTAL_BYTES, read_data_text
from velsen_desk.curation.messages import dutch_message
from velsen_desk.curation.problems import DataError, Problem
from velsen_desk.curation.yaml_fast import NotPlain, parse_plain_data
from velsen_desk.curation.yaml_text import MAX_DEPTH, MAX_NODES, RefusedYamlError, parse_yaml

__all__ = ["MAX_FILE_BYTES", "MAX_TOTAL_BYTES", "DataSet", "data_files", "load_dataset", "parse_file"]


@dataclass
class DataSet:
    """All records of all files, merged per collection, with where each one was defined."""

    collections: dict[str, list[BaseModel]] = field(
        default_factory=lambda: {name: [] for name in COLLECTIONS}
    )
    origin: dict[str, tuple[Path, int | None, str]] = field(default_factory=dict)
    known_version: str | None = None  # the version of a reused validation of the same records

    def __getattr__(self, name: str) -> list[Any]:
        try:
            collections: dict[str, list[BaseModel]] = self.__dict__["collections"]
            return collections[name]
        except KeyError:
            raise AttributeError(name) from None

    def version(self) -> str:
        """A content hash: the same data gives the same version, whatever the file layout."""
        if self.known_version is not None:
            return self.known_version
        return _version_of(self.collections, records_json(self.collections))


def records_json(collections: dict[str, list[BaseModel]]) -> dict[str, list[str]]:
    """Each record's JSON, per collection in the data set's order: hashed for the version and
    joined for a kept validation, so each record is serialised once (~0.3 s at 100x)."""
    return {name: [record.model_dump_json() for record in collections[name]] for name in COLLECTIONS}


def _version_of(collections: dict[str, list[BaseModel]], jsons: dict[str, list[str]]) -> str:
    digest = hashlib.sha256()
    for name in COLLECTIONS:
        records, texts = collections[name], jsons[name]
        # sorted by id, ties in the data set's order (as sorting the records themselves did)
        for index in sorted(range(len(records)), key=lambda i: records[i].id):  # type: ignore[attr-defined]
            digest.update(name.encode())
            digest.update(texts[index].encode())
    return digest.hexdigest()[:16]


def _line_of(tree: Any, loc: Iterable[Any]) -> int | None:
    """The 1-based line of the deepest node of ``loc`` that exists in the parsed YAML."""
    line: int | None = None
    node = tree
    if isinstance(node, CommentedMap | CommentedSeq):
        line = node.lc.line + 1
    for key in loc:
        try:
            if isinstance(node, CommentedMap) and key in node:
                line = node.lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return line


def _field_path(loc: Iterable[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class _MergeKeyError(Exception):
    """A mapping with a YAML merge key: validated as parsed, not copied (its keys are resolved by ruamel)."""


def _plain_node(node: Any) -> Any:
    if isinstance(node, CommentedMap):
        if node.merge:
            raise _MergeKeyError
        # OrderedDict's own C iteration: CommentedMap's Python __iter__/__getitem__ cost pydantic
        # ~1.5 s at 100x the bundled data
        return {key: _plain_node(value) for key, value in OrderedDict.items(node)}
    if isinstance(node, CommentedSeq):
        return [_plain_node(value) for value in list.__iter__(node)]
    return node


def _plain(tree: CommentedMap) -> Any:
    """The parsed tree as plain dicts and lists for pydantic (same keys, order and scalars); the
    tree itself keeps the line numbers, used only when there is a problem to report."""
    try:
        return _plain_node(tree)
    except _MergeKeyError:
        return tree


def parse_file(path: Path) -> tuple[DataFile | None, Any, list[Problem]]:
    """Parse and schema-check one file. Returns the model (or None), the raw tree, problems."""
    text = read_data_text(path)
    if isinstance(text, Problem):
        return None, None, [text]
    return _parse_text(path, text)


RecordLine = Callable[[str, int], int | None]


def parse_records(path: Path) -> tuple[DataFile | None, RecordLine, list[Problem]]:
    """As :func:`parse_file`, for loading a data set: the model (or None), the 1-based line of a
    record by collection and index, and the problems. A plain file that the schema accepts is
    built as plain containers with only its records' lines (:func:`yaml_fast.parse_plain_data`);
    any other file, or one with a problem, goes through :func:`parse_file`'s round-trip tree,
    which places every problem on its line, exactly as before."""
    text = read_data_text(path)
    if isinstance(text, Problem):
        return None, _no_line, [text]
    try:
        data, lines = parse_plain_data(text, MAX_DEPTH, MAX_NODES, RefusedYamlError)
        model: DataFile | None = DataFile.model_validate(data)
    except (NotPlain, RefusedYamlError, ValidationError, RecursionError, TypeError, ValueError):
        model = None  # parsed again below, for the message and line of each problem
    if model is not None:
        return model, record_lines(lines), []
    model, tree, problems = _parse_text(path, text)
    return model, lambda name, index: _line_of(tree, (name, index)), problems


def record_lines(lines: dict[str, list[int]]) -> RecordLine:
    """The line of a record by collection and index, from the lines of each top-level list."""
    return lambda name, index: _nth(lines.get(name), index)


def _no_line(_name: str, _index: int) -> int | None:
    return None


def _nth(lines: list[int] | None, index: int) -> int | None:
    return lines[index] if lines is not None and 0 <= index < len(lines) else None


def _parse_text(path: Path, text: str) -> tuple[DataFile | None, Any, list[Problem]]:
    tree, yaml_problems = parse_yaml(path, text)
    if yaml_problems:
        return None, None, yaml_problems

    if not isinstance(tree, CommentedMap):
        return None, tree, [Problem(path, 1, "", _("het bestand moet een YAML-mapping zijn (sleutel: waarde)"))]

    try:
        model = DataFile.model_validate(_plain(tree))
    except ValidationError as exc:
        problems = [
            Problem(path, _line_of(tree, err["loc"]), _field_path(err["loc"]), dutch_message(err))
            for err in exc.errors(include_url=False)
        ]
        return None, tree, problems
    except (RecursionError, TypeError, ValueError) as exc:
        unexpected = _("onverwachte structuur ({error})").format(error=type(exc).__name__)
        return None, tree, [Problem(path, None, "", unexpected)]
    return model, tree, []


# Told the merged records and the validation's key before the checks run; returns what to call
# afterwards with the data version when they found no problems, else None (storage/kept_build.py
# builds meanwhile).
OnMerged = Callable[[DataSet, str], Callable[[str | None], None]]


def load_dataset(paths: Sequence[Path], sources: Path | None = None, *, cache: Path | None = None,
                 helpers: int = 0, on_merged: OnMerged | None = None) -> DataSet:
    """Load, merge and check all data files. Raises :class:`DataError` listing every problem.

    With a ``cache`` folder, a validation of exactly the same files, sources and checking code is
    reused (:mod:`velsen_desk.curation.validation_cache`), and a new one without problems is kept.
    ``helpers``: how many forked processes may parse files beside this one (a large data set
    only, :mod:`velsen_desk.curation.parallel_parse`); only a process without other threads may
    ask for them. ``on_merged`` is told the merged records before the checks when there is a
    key to keep them under (and no problem yet)."""
    from velsen_desk.core.paths import sources_dir

    files, problems = list_files(paths)
    if not files:
        raise DataError(problems or [Problem(Path(str(p)), None, "", _("geen gegevensbestanden (*.yaml) gevonden"))
                                     for p in paths])
    if too_large := size_problems(files):
        raise DataError(problems + too_large)

    key = None
    if cache is not None and not problems:
        from velsen_desk.curation import validation_cache
        from velsen_desk.curation.validation_key import cache_key

        key = cache_key(files, sources or sources_dir())
        found = validation_cache.load(cache, key) if key is not None else None
        if found is not None:
            return DataSet(collections=found[0], origin=found[1], known_version=found[2])

    from velsen_desk.curation.parallel_parse import parse_files

    dataset = DataSet()
    for path, (model, line_of, file_problems) in zip(files, parse_files(files, helpers), strict=True):
        problems.extend(file_problems)
        if model is None:
            continue
        for name in COLLECTIONS:
            records = getattr(model, name)
            for index, record in enumerate(records):
                dataset.collections[name].append(record)
                line = line_of(name, index)
                record_id = record.id
                if record_id in dataset.origin:
                    first_file, first_line, _where = dataset.origin[record_id]
                    problems.append(
                        Problem(path, line, f"{name}[{index}].id",
                                _("id '{id}' bestaat al ({file}:{line})").format(
                                    id=record_id, file=first_file.name, line=first_line))
                    )
                else:
                    dataset.origin[record_id] = (path, line, f"{name}[{index}]")

    finish = on_merged(dataset, key) if on_merged is not None and key is not None and not problems else None
    valid = False
    try:
        if not problems:
            problems.extend(checks.check_dataset(dataset, sources or sources_dir()))
        if problems:
            raise DataError(problems)
        if cache is not None and key is not None:
            from velsen_desk.curation import validation_cache

            # kept on the data set as a reused validation keeps it: the command prints it next, and
            # hashing every record again cost ~0.5 s at 100x the bundled data
            jsons = records_json(dataset.collections)
            dataset.known_version = _version_of(dataset.collections, jsons)
            validation_cache.store(cache, key, jsons, dataset.origin, dataset.known_version)
        valid = True
    finally:
        if finish is not None:
            finish(dataset.version() if valid else None)  # kept above: no second hashing
    return dataset


def canonical_json(dataset: DataSet) -> str:
    """The data set as sorted JSON (for diffs and tests)."""
    return json.dumps(
        {
            name: [r.model_dump(mode="json") for r in sorted(dataset.collections[name], key=lambda r: r.id)]  # type: ignore[attr-defined]
            for name in COLLECTIONS
        },
        ensure_ascii=False,
        sort_keys=True,
    )
