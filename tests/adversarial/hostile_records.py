"""The bundled data with every free-text field replaced: for the rendering tests (markup, length).

Which fields are free text is read from the schema (a string with a maximum length and no
pattern: not an id, file name, enum or literal), so a field added later is covered too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation import data_file
from velsen_desk.curation.loader import DataSet, load_dataset
from velsen_desk.storage.build import build_database

# name, max length, the record's collection and its position: the text to put in the field
TextMaker = Callable[[str, int, str], str]

MARKUP = '<img src="file:///etc/passwd"><a href="x">X</a><b>B</b>&amp;'


def _text_limit(prop: dict[str, Any]) -> int | None:
    options = prop.get("anyOf", [prop])
    for option in options:
        if option.get("type") == "string" and "maxLength" in option and "pattern" not in option \
                and "enum" not in option and "const" not in option and "format" not in option:
            return int(option["maxLength"])
    return None


def _rewrite(value: Any, model: type[BaseModel], make: TextMaker, where: str) -> Any:
    if isinstance(value, list):
        return [_rewrite(v, model, make, f"{where}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    out = dict(value)
    for name, info in model.model_fields.items():
        if out.get(name) is None:
            continue
        limit = _field_limit(model, name)
        if limit is not None and isinstance(out[name], str):
            out[name] = make(name, limit, f"{where}.{name}")
            continue
        sub = _sub_model(info.annotation)
        if sub is not None:
            out[name] = _rewrite(out[name], sub, make, f"{where}.{name}")
    return out


@functools.cache
def _field_limit(model: type[BaseModel], name: str) -> int | None:
    return _text_limit(model.model_json_schema()["properties"][name])


def _sub_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _sub_model(arg)
        if found is not None:
            return found
    return None


def hostile_dataset(make: TextMaker) -> DataSet:
    """The bundled data set with ``make(field, max_length, where)`` in every free-text field."""
    original = load_dataset([bundled_data_dir()])
    models: dict[str, type[BaseModel]] = {
        name: _sub_model(info.annotation)  # type: ignore[misc]
        for name, info in data_file.DataFile.model_fields.items() if name in original.collections
    }
    dataset = DataSet()
    dataset.origin = dict(original.origin)
    for name, records in original.collections.items():
        model = models[name]
        for index, record in enumerate(records):
            raw = _rewrite(record.model_dump(mode="python"), model, make, f"{name}[{index}]")
            dataset.collections[name].append(model.model_validate(raw))
    return dataset


def build_hostile_database(make: TextMaker, path: Path) -> tuple[Path, DataSet]:
    dataset = hostile_dataset(make)
    return build_database(dataset, path).path, dataset


def end_marker(where: str) -> str:
    """The last word of a field's maximal text: found in a PDF only if nothing was cut off."""
    return "EINDE" + re.sub(r"\W+", "", where.title())


def maximal_text(name: str, limit: int, where: str) -> str:
    """Text of exactly ``limit`` characters: markup, one long unbroken word, words, an end marker."""
    head = f"{MARKUP} "
    unbroken = "W" * min(200, limit // 4)
    tail = " " + end_marker(where)
    filler = "lang woord en nog meer tekst " * (limit // 29 + 1)
    body = (head + unbroken + " " + filler)[: max(0, limit - len(tail))]
    return (body + tail)[-limit:] if len(body + tail) > limit else body + tail


def markup_text(name: str, limit: int, where: str) -> str:
    """A short, recognisable text full of markup, unique per field."""
    return f"{MARKUP} {where}"[:limit]
