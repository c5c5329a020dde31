"""Each shared rule has one home and its users call it: cost status, action totals, person
matching, the atomic write, report validation and the kinds registries."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from velsen_desk.cli.main import build_parser
from velsen_desk.core import records
from velsen_desk.core.item_kinds import ITEM_KIND_IDS
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.core.people import match_person
from velsen_desk.core.report_kinds import REPORT_KIND_IDS
from velsen_desk.curation import schema
from velsen_desk.reports import work
from velsen_desk.reports.request import ReportError, ReportRequest, validate_request
from velsen_desk.storage import atomic
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.search import SearchHit, group_by_kind
from velsen_desk.sync import diff

# ---- cost status ------------------------------------------------------------------------------


def test_cost_status_is_one_enum_with_the_stored_values():
    assert schema.CostStatus is CostStatus
    assert [s.value for s in CostStatus] == ["amount", "nvt", "nnb"]


def test_a_cost_read_as_text_gets_the_enum():
    cost = CostValue("nvt", None, "N.v.t.")  # type: ignore[arg-type]  (as a database row hands it over)
    assert cost.status is CostStatus.NOT_APPLICABLE and not cost.is_amount
    with pytest.raises(ValueError):
        CostValue("gratis", None, "gratis")  # type: ignore[arg-type]


def test_the_database_stores_the_plain_status_values(built_db: Path):
    with sqlite3.connect(f"file:{built_db}?mode=ro", uri=True) as conn:
        stored = {row[0] for row in conn.execute("SELECT DISTINCT cost_status FROM actions")}
    assert stored == {"amount", "nvt", "nnb"}


# ---- action totals ----------------------------------------------------------------------------


def _action(number: int, cost: CostValue) -> records.ActionInfo:
    source = records.SourceInfo("d", "D", None, None)
    return records.ActionInfo(f"a{number}", "p", None, number, None, f"Actie {number}", None, None, cost, None,
                              None, (), (), (), None, source)


def test_cost_of_actions_keeps_nvt_and_nnb_apart():
    total = records.cost_of_actions(iter([
        _action(1, CostValue(CostStatus.AMOUNT, 1000, "€ 1.000")),
        _action(2, CostValue(CostStatus.AMOUNT, 0, "€ 0")),
        _action(3, CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t.")),
        _action(4, CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b.")),
    ]))
    assert (total.known, total.amounts, total.not_applicable, total.to_be_determined) == (1000, 2, 1, 1)
    assert not total.complete


# ---- --person -------------------------------------------------------------------------------


class _P:
    def __init__(self, id: str, name: str):
        self.id, self.name = id, name


COLLEGE = [_P("marianne-steijn", "Marianne Steijn"), _P("sebastiaan-nieuwland", "Sebastiaan Nieuwland"),
           _P("jan-steen", "Jan Steen")]


@pytest.mark.parametrize(("typed", "expected"), [
    ("Marianne Steijn", "marianne-steijn"),
    ("  marianne   STEIJN ", "marianne-steijn"),
    ("sebastiaan-nieuwland", "sebastiaan-nieuwland"),
    ("nieuwland", "sebastiaan-nieuwland"),  # the only name that contains it
    ("ste", None),  # Steijn and Steen: ambiguous
    ("Piet Puk", None),
    ("   ", None),
])
def test_match_person(typed: str, expected: str | None):
    found = match_person(COLLEGE, typed)
    assert (found.id if found else None) == expected


# ---- atomic write -----------------------------------------------------------------------------


def test_write_atomic_syncs_the_file_before_and_the_folder_after_the_rename(tmp_path, monkeypatch):
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    target = tmp_path / "x.json"
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert events == ["fsync-file", "replace", "fsync-dir"]
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_write_atomic_leaves_nothing_behind_when_the_rename_fails(tmp_path, monkeypatch):
    def fail(src, dst) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "x.pdf", b"%PDF", prefix=".rapport-")
    assert list(tmp_path.iterdir()) == []


def test_a_report_is_written_through_write_atomic(tmp_path, monkeypatch):
    from velsen_desk.reports import service

    synced: list[Path] = []
    monkeypatch.setattr(atomic, "fsync_directory", synced.append)
    service._write(tmp_path / "r.pdf", b"%PDF-1.4")
    assert synced == [tmp_path] and (tmp_path / "r.pdf").read_bytes() == b"%PDF-1.4"

    def fail(target: Path, payload: bytes, *, prefix: str | None = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(service, "write_atomic", fail)
    with pytest.raises(ReportError, match=r"Kan niet schrijven naar .*: geen toegang \(rechten\)\."):
        service._write(tmp_path / "r.pdf", b"%PDF-1.4")


# ---- report requests and kinds ----------------------------------------------------------------


def test_validate_request_is_the_one_check_of_a_request(tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(ReportError, match="Kies uit: " + ", ".join(REPORT_KIND_IDS)):
        validate_request(ReportRequest(kind="kaart", output=out))
    annex = validate_request(ReportRequest(kind="annex", output=out, meeting=" Raad  van 20 juni ", date="2022-06-20"))
    assert annex.sections == ("themes", "portfolio", "budget", "timeline")  # no person: no regie
    assert annex.meeting == "Raad van 20 juni"
    with pytest.raises(ReportError, match="regie heeft een collegelid nodig") as missing:
        validate_request(ReportRequest(kind="annex", output=out, meeting="Raad", date="2022-06-20", items=("regie",)))
    assert missing.value.field == "person"  # a form can point at the field
    with pytest.raises(ReportError, match="JJJJ-MM-DD") as bad_date:
        validate_request(ReportRequest(kind="themes", output=out, date="morgen"))
    assert bad_date.value.field == "date"
    with pytest.raises(ReportError, match="--meeting") as no_meeting:
        validate_request(ReportRequest(kind="annex", output=out, date="2022-06-20"))
    assert no_meeting.value.field == "meeting"
    assert validate_request(ReportRequest(kind="budget", output=out)).kind.needs_action_plan


def test_the_cli_and_the_dialog_offer_the_registry():
    parser = build_parser()
    report = next(a for a in parser._subparsers._group_actions[0].choices["report"]._actions  # type: ignore[union-attr]
                  if a.dest == "kind")
    assert tuple(report.choices) == REPORT_KIND_IDS


def test_file_names_come_from_the_registry():
    import datetime as dt

    day = dt.date(2026, 11, 24)
    assert work.default_file_name("timeline", day) == "planning-actieplan-2026-11-24.pdf"
    assert work.default_file_name("brief", day) == "persoonlijke-voorbereiding-2026-11-24.pdf"
    assert work.default_file_name("onbekend", day) == "rapport-2026-11-24.pdf"


# ---- item kinds -------------------------------------------------------------------------------


def test_search_groups_follow_the_item_kind_registry():
    hits = [SearchHit(kind, "x", "p", "t", "s") for kind in ("nieuw", "actie", "thema", "speerpunt")]
    assert list(group_by_kind(hits)) == ["thema", "actie", "speerpunt", "nieuw"]


def test_compared_kinds_are_item_kinds():
    assert set(diff._FIELDS) <= set(ITEM_KIND_IDS)


def test_speerpunt_sections_are_not_item_kinds():
    assert not hasattr(records, "KIND_LABELS")
    assert list(records.SPEERPUNT_SECTIONS) == ["speerpunt", "wat_we_al_doen", "wat_we_kunnen_doen"]
