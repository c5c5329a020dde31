"""Read the curated YAML files into one validated :class:`DataSet`.

Problems are collected, not raised one at a time, so a griffier sees every mistake in one run,
each with file, line and field. Nothing here raises on bad input except :class:`DataError`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from velsen_desk.curation import checks
from velsen_desk.curation.messages import dutch_message
from velsen_desk.curation.problems import DataError, Problem
from velsen_desk.curation.schema import COLLECTIONS, DataFile

MAX_FILE_BYTES = 20 * 1024 * 1024  # a curated file is far smaller; refuse what cannot be one


@dataclass
class DataSet:
    """All records of all files, merged per collection, with where each one was defined."""

    collections: dict[str, list[BaseModel]] = field(
        default_factory=lambda: {name: [] for name in COLLECTIONS}
    )
    origin: dict[str, tuple[Path, int | None, str]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> list[Any]:
        try:
            collections: dict[str, list[BaseModel]] = self.__dict__["collections"]
            return collections[name]
        except KeyError:
            raise AttributeError(name) from None

    def version(self) -> str:
        """A content hash: the same data gives the same version, whatever the file layout."""
        digest = hashlib.sha256()
        for name in COLLECTIONS:
            for record in sorted(self.collections[name], key=lambda r: r.id):  # type: ignore[attr-defined]
                digest.update(name.encode())
                digest.update(record.model_dump_json().encode())
        return digest.hexdigest()[:16]


def data_files(paths: Sequence[Path]) -> list[Path]:
    """Expand directories to their ``*.yaml``/``*.yml`` files, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


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


def parse_file(path: Path) -> tuple[DataFile | None, Any, list[Problem]]:
    """Parse and schema-check one file. Returns the model (or None), the raw tree, problems."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, None, [Problem(path, None, "", "bestand is te groot voor een gegevensbestand")]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None, [Problem(path, None, "", "bestand bestaat niet")]
    except UnicodeDecodeError:
        return None, None, [Problem(path, None, "", "bestand is geen UTF-8-tekst")]
    except OSError as exc:
        return None, None, [Problem(path, None, "", f"bestand kan niet gelezen worden ({exc.strerror})")]

    try:
        tree = YAML(typ="rt", pure=True).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        return None, None, [Problem(path, line, "", f"geen geldige YAML: {exc.problem or exc.context}")]
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        return None, None, [Problem(path, None, "", f"geen geldige YAML ({type(exc).__name__})")]

    if not isinstance(tree, CommentedMap):
        return None, tree, [Problem(path, 1, "", "het bestand moet een YAML-mapping zijn (sleutel: waarde)")]

    try:
        model = DataFile.model_validate(tree)
    except ValidationError as exc:
        problems = [
            Problem(path, _line_of(tree, err["loc"]), _field_path(err["loc"]), dutch_message(err))
            for err in exc.errors(include_url=False)
        ]
        return None, tree, problems
    except (RecursionError, TypeError, ValueError) as exc:
        return None, tree, [Problem(path, None, "", f"onverwachte structuur ({type(exc).__name__})")]
    return model, tree, []


def load_dataset(paths: Sequence[Path], sources: Path | None = None) -> DataSet:
    """Load, merge and check all data files. Raises :class:`DataError` listing every problem."""
    from velsen_desk.core.paths import sources_dir

    files = data_files(paths)
    problems: list[Problem] = []
    if not files:
        raise DataError([Problem(Path(str(p)), None, "", "geen gegevensbestanden (*.yaml) gevonden") for p in paths])

    dataset = DataSet()
    for path in files:
        model, tree, file_problems = parse_file(path)
        problems.extend(file_problems)
        if model is None:
            continue
        for name in COLLECTIONS:
            records = getattr(model, name)
            for index, record in enumerate(records):
                dataset.collections[name].append(record)
                line = _line_of(tree, (name, index))
                record_id = record.id
                if record_id in dataset.origin:
                    first_file, first_line, _ = dataset.origin[record_id]
                    problems.append(
                        Problem(path, line, f"{name}[{index}].id",
                                f"id '{record_id}' bestaat al ({first_file.name}:{first_line})")
                    )
                else:
                    dataset.origin[record_id] = (path, line, f"{name}[{index}]")

    if not problems:
        problems.extend(checks.check_dataset(dataset, sources or sources_dir()))
    if problems:
        raise DataError(problems)
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
