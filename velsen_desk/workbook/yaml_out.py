"""Write the merged data back into the data folder's YAML files, changing only what changed.

The files are edited in ruamel.yaml's round-trip mode: a record whose values did not change
keeps its node, so its comments, key order, quoting and flow style survive; a changed field is
replaced in place (a cost or source keeps its ``{…}`` style); a new record is inserted after the
record it followed in the workbook; a removed one is taken out. A file with no change is not
written at all.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticUndefined
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from velsen_desk.curation.data_file import COLLECTIONS
from velsen_desk.curation.loader import DataSet
from velsen_desk.curation.schema import FORMAT_ID


@dataclass(frozen=True)
class FileUpdate:
    name: str
    payload: bytes
    new: bool


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096  # a long quote stays on one line, as the curators write them
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), _null)  # "null" as written, not an empty value
    return yaml


def _null(representer: object, data: None) -> object:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")  # type: ignore[attr-defined]


def _plain(value: object) -> object:
    """A model value as YAML nodes: enums as their values, nested records as flow mappings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        node = CommentedMap()
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            if _is_default(info.default, item):
                continue
            node[name] = _plain(item)
        node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_plain(v) for v in value)
        if all(not isinstance(v, BaseModel) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


def _is_default(default: object, value: object) -> bool:
    if default is PydanticUndefined:
        return False
    return bool(default == value) and type(default) is type(value) or (default is None and value is None)


def _record_node(record: BaseModel) -> CommentedMap:
    node = _plain(record)
    assert isinstance(node, CommentedMap)
    node.fa.set_block_style()
    return node


def _update_node(node: CommentedMap, old: BaseModel, new: BaseModel) -> None:
    """Change only the keys whose value changed; a nested record is updated key by key."""
    fields = list(type(new).model_fields.items())
    for position, (name, info) in enumerate(fields):
        old_value, new_value = getattr(old, name), getattr(new, name)
        if old_value == new_value and name in node or (old_value == new_value and name not in node):
            continue
        if _is_default(info.default, new_value):
            if name in node:
                del node[name]
            continue
        current = node.get(name)
        if isinstance(current, CommentedMap) and isinstance(new_value, BaseModel) and isinstance(old_value, BaseModel):
            _update_node(current, old_value, new_value)
            continue
        value = _plain(new_value)
        if name in node:
            node[name] = value
        else:
            before = {n for n, _ in fields[:position]}
            node.insert(sum(1 for key in node if key in before), name, value)


def _ordered(existing: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """``existing`` minus what is gone, with each new id after the one it follows in ``wanted``."""
    wanted_set = set(wanted)
    order = [i for i in existing if i in wanted_set]
    present = set(order)
    for position, record_id in enumerate(wanted):
        if record_id in present:
            continue
        previous = next((wanted[p] for p in range(position - 1, -1, -1) if wanted[p] in present), None)
        order.insert(order.index(previous) + 1 if previous is not None else len(order), record_id)
        present.add(record_id)
    return order


def _update_seq(seq: CommentedSeq, old: Mapping[str, BaseModel], new: Sequence[BaseModel]) -> None:
    new_by_id = {str(getattr(r, "id")): r for r in new}  # noqa: B009
    ids = [str(item.get("id")) if isinstance(item, CommentedMap) else "" for item in seq]
    for index in range(len(seq) - 1, -1, -1):  # remove from the end, so the positions hold
        if ids[index] not in new_by_id:
            del seq[index]
    kept = [i for i in ids if i in new_by_id]
    order = _ordered(kept, list(new_by_id))
    for position, record_id in enumerate(order):
        record = new_by_id[record_id]
        if position < len(seq) and str(seq[position].get("id")) == record_id:
            previous = old.get(record_id)
            if previous is not None and previous != record:
                _update_node(seq[position], previous, record)
        else:
            seq.insert(position, _record_node(record))


def file_updates(trees: Mapping[str, tuple[bytes, object]], old: DataSet | None, new: DataSet,
                 files: Mapping[str, str]) -> list[FileUpdate]:
    """The files to write: name, new bytes. ``trees``: each existing file's bytes and parsed tree."""
    old_by_id: dict[str, BaseModel] = {}
    old_per_file: dict[str, dict[str, list[BaseModel]]] = {}
    if old is not None:
        for name, records in old.collections.items():
            old_by_id.update({str(getattr(r, "id")): r for r in records})  # noqa: B009
            for record in records:
                file = old.origin[str(getattr(record, "id"))][0].name  # noqa: B009
                old_per_file.setdefault(file, {}).setdefault(name, []).append(record)
    per_file: dict[str, dict[str, list[BaseModel]]] = {}
    for name in COLLECTIONS:
        for record in new.collections[name]:
            file = files[str(getattr(record, "id"))]  # noqa: B009
            per_file.setdefault(file, {}).setdefault(name, []).append(record)
    updates: list[FileUpdate] = []
    yaml = _yaml()
    for file in sorted(set(per_file) | set(trees)):
        collections = per_file.get(file, {})
        if file in trees and _same(old_per_file.get(file, {}), collections):
            continue  # its data did not change: the file stays byte for byte as it was
        original, tree = trees.get(file, (b"", None))
        if isinstance(tree, CommentedMap):
            for name in COLLECTIONS:
                records = collections.get(name, [])
                if name in tree and isinstance(tree[name], CommentedSeq):
                    _update_seq(tree[name], old_by_id, records)
                    if not records and not tree[name]:
                        del tree[name]
                elif records:
                    tree[name] = CommentedSeq(_record_node(r) for r in records)
        else:
            tree = CommentedMap(format=FORMAT_ID)
            for name in COLLECTIONS:
                if collections.get(name):
                    tree[name] = CommentedSeq(_record_node(r) for r in collections[name])
        buffer = io.StringIO()
        yaml.dump(tree, buffer)
        payload = buffer.getvalue().encode("utf-8")
        if payload != original:
            updates.append(FileUpdate(file, payload, file not in trees))
    return updates


def _same(old: Mapping[str, list[BaseModel]], new: Mapping[str, list[BaseModel]]) -> bool:
    def by_id(records: Mapping[str, list[BaseModel]]) -> dict[str, dict[str, BaseModel]]:
        return {k: {str(getattr(r, "id")): r for r in v} for k, v in records.items() if v}  # noqa: B009

    return by_id(old) == by_id(new)  # the order inside a file is the file's: see _ordered


def read_trees(folder: Path) -> dict[str, tuple[bytes, object]]:
    """Each data file of ``folder`` (already validated by the loader): its bytes and round-trip tree."""
    from velsen_desk.curation.loader import data_files

    trees: dict[str, tuple[bytes, object]] = {}
    yaml = _yaml()
    for path in data_files([folder]):
        payload = path.read_bytes()
        trees[path.name] = (payload, yaml.load(payload.decode("utf-8")))
    return trees
