"""``velsen-desk voortgang``: the overview on the command line, as text and as JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from progress_fixtures import write_progress

from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database


@pytest.fixture(scope="module")
def progress_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("progress-cli")
    dataset = load_dataset([bundled_data_dir(), write_progress(folder / "extra")])
    return build_database(dataset, folder / "db.sqlite").path


def _json(capsys, *args: str) -> dict:
    assert main(["voortgang", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_per_action_status_peildatum_late_and_realised_spend(progress_db, capsys):
    found = _json(capsys, "--database", str(progress_db), "--today", "2025-08-01")
    actions = {a["number"]: a for a in found["plans"][0]["actions"]}
    assert len(actions) == 20
    assert actions[11] == {
        "number": 11, "id": "velsen-2022.avn.a11", "status": "groen", "peildatum": "2025-07-01",
        "late": False, "lateness": "on_time", "reporting": "current",
        "realised": {"status": "amount", "amount": 25000, "text": "€ 25.000"},
    }
    assert actions[7]["late"] is True and actions[7]["status"] == "rood"
    assert actions[7]["realised"] == {"status": "nnb", "amount": None, "text": "n.n.b."}  # never 0
    assert actions[1]["status"] is None and actions[1]["realised"] is None


def test_an_earlier_today_shows_what_was_known_then(progress_db, capsys):
    found = _json(capsys, "--database", str(progress_db), "--today", "2025-03-01")
    actions = {a["number"]: a for a in found["plans"][0]["actions"]}
    assert actions[11]["status"] == "oranje"
    assert actions[7]["status"] is None
    assert [r["peildatum"] for r in found["plans"][0]["reports"]] == ["2025-01-01"]


def test_text_puts_exceptions_first(progress_db, capsys):
    assert main(["voortgang", "--database", str(progress_db), "--today", "2025-08-01"]) == 0
    out = capsys.readouterr().out
    assert "Per status: groen 2, rood 1, afgerond 1, geen rapportage 16." in out
    exceptions = out.split("Uitzonderingen:")[1]
    assert exceptions.index("Actie 7: rood") < exceptions.index("Focusopgave 1")
    assert "gerealiseerd € 25.000 + 1 post n.n.b." in out


def test_bundled_data_says_no_report_and_invents_no_status(built_db, capsys):
    assert main(["voortgang", "--database", str(built_db), "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "Nog geen voortgangsrapportage ontvangen" in out
    assert "Per status" not in out
    assert "groen" not in out and "rood" not in out
    # "Q2-2024 plaatsen verkeersbord" (7) has passed; "Voor- en najaar" (19) and unknown (4) never do.
    passed = out.split("Einde planning verstreken, zonder rapportage: acties ")[1].split(".")[0]
    numbers = {int(n) for n in passed.split(", ")}
    assert 7 in numbers and 19 not in numbers and 4 not in numbers


def test_bundled_data_before_any_end_has_nothing_passed(built_db, capsys):
    assert main(["voortgang", "--database", str(built_db), "--today", "2023-01-01"]) == 0
    assert "Einde planning verstreken, zonder" not in capsys.readouterr().out


@pytest.mark.parametrize("day", ["2026-13-01", "morgen", "2026-1-1"])
def test_bad_today_is_a_dutch_usage_error(built_db, capsys, day):
    assert main(["voortgang", "--database", str(built_db), "--today", day]) == 2
    assert "is geen datum; schrijf JJJJ-MM-DD" in capsys.readouterr().err


def test_unknown_programme(built_db, capsys):
    assert main(["voortgang", "--database", str(built_db), "--programme", "nergens"]) == 2
    assert "Onbekend programma 'nergens'" in capsys.readouterr().err


def test_a_focusopgave_whose_actions_all_cost_nvt_plans_nvt_not_zero(built_db, progress_db, capsys):
    """Focusopgave 1's five actions all cost n.v.t.: its planned spend is "n.v.t.", never "€ 0"."""
    for database in (built_db, progress_db):
        assert main(["voortgang", "--database", str(database), "--today", "2025-08-01"]) == 0
        out = capsys.readouterr().out
        heading = next(line for line in out.splitlines() if line.startswith("Focusopgave 1:"))
        assert "— gepland n.v.t.; gerealiseerd" in heading, heading
        assert "gepland € 0" not in heading  # (action 2 reported a real € 0 spent)


@pytest.fixture
def _dutch_afterwards():
    from velsen_desk.core import i18n

    yield
    i18n.use_language("nl")


@pytest.mark.usefixtures("_dutch_afterwards")
def test_voortgang_speaks_the_chosen_language(built_db, progress_db, capsys):
    """``--language en``: sentences, statuses, lateness, dates and amounts in English; the data's
    own words (titles, the report's explanation) as written. Dutch stays Dutch without it."""
    assert main(["--language", "en", "voortgang", "--database", str(progress_db), "--today", "2025-08-01"]) == 0
    out = capsys.readouterr().out
    assert "Actieplan Velsen-Noord — progress on 1 August 2025" in out
    assert "Latest report: Synthetische voortgangsrapportage juli, reporting date 1 July 2025" in out
    assert "Per status: green 2, red 1, completed 1, no report 16." in out
    assert ("  Action 7: red; since 1 July 2025; late; planned €1,000; spent TBD — Synthetisch bord niet "
            "geplaatst") in out
    assert "Focus task 1: Balans vragers en dragers — planned n/a; spent €0;" in out
    dutch = {"voortgang", "peildatum", "rood", "groen", "gepland", "gerealiseerd", "sinds", "acties", "actie",
             "Actie", "Focusopgave", "Uitzonderingen", "Laatste", "verstreken", "n.v.t.", "n.n.b.", "augustus"}
    # the data's words: titles, the report's names, a cost's own wording as printed ("TBD (N.v.t. of n.n.b.)")
    titles = re.compile(r"^(Focus task \d+: [^—]*|.*— )|Synthetisch\w* [\w ]*|\([^)]*\)", re.M)
    assert not dutch & set(re.findall(r"[\w.]+", titles.sub(" ", out))), out
    assert main(["--language", "en", "voortgang", "--database", str(built_db), "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "No progress report received yet. Below only what follows from the planning" in out
    assert "Planned end passed, without a report: actions " in out
    assert main(["voortgang", "--database", str(progress_db), "--today", "2025-08-01"]) == 0
    assert "Per status: groen 2, rood 1, afgerond 1, geen rapportage 16." in capsys.readouterr().out


@pytest.mark.usefixtures("_dutch_afterwards")
def test_an_unknown_programme_is_named_in_english(built_db, capsys):
    assert main(["--language", "en", "voortgang", "--database", str(built_db), "--programme", "nergens"]) == 2
    assert "Unknown programme 'nergens'. Known: " in capsys.readouterr().err


@pytest.mark.usefixtures("_dutch_afterwards")
def test_diff_words_status_changes_in_the_chosen_language(built_db, progress_db, capsys):
    assert main(["--language", "en", "diff", str(built_db), str(progress_db)]) == 0
    out = capsys.readouterr().out
    assert "action Action 11: Inzet extra BOA: progress no status yet → green, reporting date 1 July 2025" in out
    assert "voortgang" not in out and "peildatum" not in out
    assert main(["diff", str(built_db), str(progress_db)]) == 0
    assert "actie Actie 11: Inzet extra BOA: voortgang nog geen status → groen, peildatum 1 juli 2025" in (
        capsys.readouterr().out)
