"""A kept validation is written from each record's JSON as the data version hashed it: the same
text as serialising the records again, and every record serialised once (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation import validation_cache
from velsen_desk.curation.data_file import COLLECTIONS, DataFile
from velsen_desk.curation.loader import DataSet, load_dataset, records_json


def test_the_kept_body_is_the_data_files_json() -> None:
    dataset = load_dataset([bundled_data_dir()])
    values: dict[str, object] = {"format": "velsen-desk-data/1", **dataset.collections}
    expected = DataFile.model_construct(None, **values).model_dump_json(by_alias=True)
    assert validation_cache.body_json(records_json(dataset.collections)) == expected


def test_each_record_is_serialised_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serialised: list[str] = []
    original = BaseModel.model_dump_json

    def counted(self: BaseModel, **kwargs: object) -> str:
        if not isinstance(self, DataFile):
            serialised.append(getattr(self, "id", "?"))
        elif any(getattr(self, name) for name in COLLECTIONS):  # the records again, inside a data file
            serialised.extend(record.id for name in COLLECTIONS for record in getattr(self, name))
        return original(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(BaseModel, "model_dump_json", counted)
    dataset = load_dataset([bundled_data_dir()], cache=tmp_path / "cache")
    records = sum(len(dataset.collections[name]) for name in COLLECTIONS)
    assert len(serialised) == records  # once for the version and the kept body together
    assert dataset.known_version is not None
    monkeypatch.undo()
    assert DataSet(collections=dataset.collections).version() == dataset.known_version
