"""A validation kept for reuse also keeps its data version on the data set: the command prints it
next, and hashing every record a second time cost ~0.5 s at 100x the bundled data."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import DataSet, load_dataset


def test_the_version_is_hashed_once_and_is_the_datas(tmp_path: Path, monkeypatch):
    dataset = load_dataset([bundled_data_dir()], cache=tmp_path / "cache")
    kept = dataset.known_version
    assert kept is not None

    def no_second_hash(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("the records were serialised again for the version")

    monkeypatch.setattr(BaseModel, "model_dump_json", no_second_hash)
    assert dataset.version() == kept
    monkeypatch.undo()
    assert DataSet(collections=dataset.collections).version() == kept
