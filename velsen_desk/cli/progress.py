"""The ``voortgang`` command: per plan, the status of every action on a day, or the same as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError
from velsen_desk.cli.exit_codes import EXIT_OK, EXIT_USAGE
from velsen_desk.cli.output import json_text, safe
from velsen_desk.core.i18n import _

if TYPE_CHECKING:
    from velsen_desk.core.money import CostValue
    from velsen_desk.core.progress import ActionProgress
    from velsen_desk.core.progress_records import PlanOverview

DEFAULT_PROGRAMME = "velsen-2022"
JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("voortgang", help=_("toon de voortgang van de acties (stoplicht, te laat, uitgaven)"))
    parser.add_argument("--programme", metavar="ID", help=_("programma-id, standaard {0}").format(DEFAULT_PROGRAMME))
    parser.add_argument("--today", metavar=_("JJJJ-MM-DD"),
                        help=_("de dag waarop de stand bepaald wordt; standaard vandaag"))
    parser.add_argument("--database", metavar=_("BESTAND"), help=_("standaard: de lokale database"))
    parser.add_argument("--json", action="store_true")


def parse_day(text: str | None, option: str = "--today") -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else _bad_day(text, option)
    except ValueError:
        return _bad_day(text, option)


def _bad_day(text: str, option: str) -> dt.date:
    raise CommandError(_("{0}: '{1}' is geen datum; schrijf JJJJ-MM-DD, bv. 2025-07-01.").format(option, safe(text)),
                       EXIT_USAGE)


def _cost_json(cost: CostValue | None) -> JsonValue:
    if cost is None:
        return None
    return {"status": cost.status.value, "amount": cost.amount, "text": cost.text}


def _action_json(item: ActionProgress) -> JsonValue:
    latest = item.latest
    return {
        "number": item.number, "id": item.action_id,
        "status": item.status.value if item.status else None,
        "peildatum": latest.peildatum.isoformat() if latest else None,
        "late": item.is_late, "lateness": item.lateness.value, "reporting": item.reporting.value,
        "realised": _cost_json(item.realised),
    }


def _plan_json(overview: PlanOverview) -> JsonValue:
    return {
        "plan": overview.plan.id, "title": overview.plan.title, "example": overview.example,
        "reports": [{"id": r.id, "title": r.title, "peildatum": r.date.isoformat(), "reported_by": r.reported_by}
                    for r in overview.reports],
        "actions": [_action_json(i) for i in sorted(overview.items, key=lambda i: i.number)],
    }


def _print_plan(overview: PlanOverview) -> None:
    from velsen_desk.core.formatting import format_long_date
    from velsen_desk.core.progress import (
        EXAMPLE_MARK,
        NO_PROGRESS_REPORT_TEXT,
        PLANNING_PASSED_TEXT,
        ProgressStatus,
        by_exception,
        spend_text,
        status_label,
    )

    print(f"{safe(overview.plan.title)} — voortgang op {format_long_date(overview.today)}")
    if overview.example:
        print(EXAMPLE_MARK)
    latest = overview.latest_report
    if latest is None:
        print(f"{NO_PROGRESS_REPORT_TEXT}. Hieronder alleen wat uit de planning volgt; er is geen status.")
    else:
        print(f"Laatste rapportage: {safe(latest.title)}, peildatum {format_long_date(latest.date)}, "
              f"door {safe(latest.reported_by)}.")
        counts = overview.counts
        parts = [f"{status_label(s)} {counts.per_status[s]}" for s in ProgressStatus if counts.per_status[s]]
        print("Per status: " + ", ".join([*parts, f"geen rapportage {counts.no_report}"]) + ".")
    print(f"Te laat of einde planning verstreken: {overview.counts.late}.")
    print(spend_text(overview.spend) + ".")
    ordered = by_exception(overview.items)
    exceptions = [i for i in ordered if i.exception_rank < 4 and i.status is not None]
    if exceptions:
        print("\nUitzonderingen:")
        for item in exceptions:
            print(f"  Actie {item.number}: {_line(item)}")
    passed = [i.number for i in ordered if i.status is None and i.is_late]
    if passed:
        print(f"\n{PLANNING_PASSED_TEXT.capitalize()}, zonder rapportage: {_numbers(passed)}.")
    for group in overview.groups:
        title = (f"Focusopgave {group.focusopgave.number}: {group.focusopgave.title}" if group.focusopgave
                 else "Overige acties")
        print(f"\n{safe(title)} — {spend_text(group.spend)}")
        for item in group.items:
            print(f"  Actie {item.number}: {_line(item)}")


def _numbers(numbers: list[int]) -> str:
    return ("actie " if len(numbers) == 1 else "acties ") + ", ".join(str(n) for n in sorted(numbers))


def _line(item: ActionProgress) -> str:
    """"rood; sinds 1 juli 2025; te laat; gepland € 10.000; gerealiseerd n.n.b. — toelichting"."""
    from velsen_desk.core.formatting import format_cost, format_long_date
    from velsen_desk.core.progress import STALE_TEXT, Reporting, late_label, status_label

    parts = [status_label(item.status)]
    if item.since is not None:
        parts.append(f"sinds {format_long_date(item.since)}")
    if item.reporting is Reporting.STALE:
        parts.append(STALE_TEXT)
    if lateness := late_label(item):
        parts.append(lateness)
    parts.append(f"gepland {format_cost(item.planned)}")
    if item.realised is not None:
        parts.append(f"gerealiseerd {format_cost(item.realised)}")
    text = "; ".join(parts)
    if item.latest is not None and item.latest.explanation:
        text += f" — {item.latest.explanation}"
    return safe(text)


@command("voortgang")
def progress_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.progress_records import plan_overview
    from velsen_desk.storage.database import ReadOnlyDatabase
    from velsen_desk.storage.local_copy import ensure_local_database
    from velsen_desk.storage.progress_reader import read_progress
    from velsen_desk.storage.reader import catalog, programme_data

    today = parse_day(args.today)
    if args.database:
        from velsen_desk.storage.content_check import check_database_file

        path = Path(args.database)
        check_database_file(path)
    else:
        path = ensure_local_database().info.path
    database = ReadOnlyDatabase(path)
    found = database.read(catalog)
    programme_id = args.programme or DEFAULT_PROGRAMME
    programme = found.programme(programme_id)
    if programme is None:
        known = ", ".join(p.id for p in found.programmes)
        raise CommandError(f"Onbekend programma '{safe(programme_id)}'. Bekend: {safe(known)}.", EXIT_USAGE)
    data = database.read(programme_data, programme)
    progress = database.read(read_progress, programme.id)
    overviews = [plan_overview(plan, progress, today) for plan in data.plans]
    if args.json:
        print(json_text({"programme": programme.id, "today": today.isoformat(),
                         "plans": [_plan_json(o) for o in overviews]}))
        return EXIT_OK
    if not overviews:
        print(f"Programma '{safe(programme.title)}' heeft geen actieplan; er is geen voortgang van acties te tonen.")
        return EXIT_OK
    for index, overview in enumerate(overviews):
        if index:
            print()
        _print_plan(overview)
    return EXIT_OK
