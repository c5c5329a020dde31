"""The ``voortgang`` command: per plan, the status of every action on a day, or the same as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError
from velsen_desk.cli.exit_codes import EXIT_OK, EXIT_USAGE
from velsen_desk.cli.language import cli_locale
from velsen_desk.cli.output import json_text, safe
from velsen_desk.cli.programmes import programme_help
from velsen_desk.core.defaults import DEFAULT_PROGRAMME
from velsen_desk.core.i18n import _, ngettext

if TYPE_CHECKING:
    from velsen_desk.core.locales import Locale
    from velsen_desk.core.money import CostValue
    from velsen_desk.core.progress import ActionProgress
    from velsen_desk.core.progress_records import PlanOverview

JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("voortgang", help=_("toon de voortgang van de acties (stoplicht, te laat, uitgaven)"))
    parser.add_argument("--programme", metavar="ID",
                        help=programme_help(_("standaard {0}").format(DEFAULT_PROGRAMME)))
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


def _print_plan(overview: PlanOverview, locale: Locale) -> None:
    """The plan's progress in the run's language: the sentences through ``_``, the domain's
    words, dates and amounts through ``locale`` (the same language, :func:`cli_locale`)."""
    from velsen_desk.core.progress import (
        EXAMPLE_MARK,
        NO_PROGRESS_REPORT_TEXT,
        PLANNING_PASSED_TEXT,
        ProgressStatus,
        by_exception,
        long_date,
        spend_text,
        status_label,
    )

    print(_("{plan} — voortgang op {day}").format(plan=safe(overview.plan.title),
                                                   day=long_date(overview.today, locale)))
    if overview.example:
        print(locale._(EXAMPLE_MARK))
    latest = overview.latest_report
    if latest is None:
        print(_("{no_report}. Hieronder alleen wat uit de planning volgt; er is geen status.").format(
            no_report=locale._(NO_PROGRESS_REPORT_TEXT)))
    else:
        print(_("Laatste rapportage: {title}, peildatum {day}, door {by}.").format(
            title=safe(latest.title), day=long_date(latest.date, locale), by=safe(latest.reported_by)))
        counts = overview.counts
        parts = [f"{status_label(s, locale)} {counts.per_status[s]}" for s in ProgressStatus if counts.per_status[s]]
        parts.append(f"{status_label(None, locale)} {counts.no_report}")
        print(_("Per status: {counts}.").format(counts=", ".join(parts)))
    print(_("Te laat of einde planning verstreken: {n}.").format(n=overview.counts.late))
    print(spend_text(overview.spend, locale) + ".")
    ordered = by_exception(overview.items)
    exceptions = [i for i in ordered if i.exception_rank < 4 and i.status is not None]
    if exceptions:
        print("\n" + _("Uitzonderingen:"))
        for item in exceptions:
            print("  " + _action_line(item, locale))
    passed = [i.number for i in ordered if i.status is None and i.is_late]
    if passed:
        numbers = ", ".join(str(n) for n in sorted(passed))
        print("\n" + ngettext("{passed}, zonder rapportage: actie {numbers}.",
                              "{passed}, zonder rapportage: acties {numbers}.", len(passed)).format(
            passed=locale._(PLANNING_PASSED_TEXT).capitalize(), numbers=numbers))
    for group in overview.groups:
        title = (_("Focusopgave {number}: {title}").format(number=group.focusopgave.number,
                                                          title=group.focusopgave.title)
                 if group.focusopgave else _("Overige acties"))
        print(f"\n{safe(title)} — {spend_text(group.spend, locale)}")
        for item in group.items:
            print("  " + _action_line(item, locale))


def _action_line(item: ActionProgress, locale: Locale) -> str:
    return _("Actie {number}: {line}").format(number=item.number, line=_line(item, locale))


def _line(item: ActionProgress, locale: Locale) -> str:
    """"rood; sinds 1 juli 2025; te laat; gepland € 10.000; gerealiseerd n.n.b. — toelichting"."""
    from velsen_desk.core.formatting import format_cost
    from velsen_desk.core.progress import STALE_TEXT, Reporting, late_label, long_date, status_label

    parts = [status_label(item.status, locale)]
    if item.since is not None:
        parts.append(_("sinds {day}").format(day=long_date(item.since, locale)))
    if item.reporting is Reporting.STALE:
        parts.append(locale._(STALE_TEXT))
    if lateness := late_label(item, locale):
        parts.append(lateness)
    parts.append(_("gepland {cost}").format(cost=format_cost(item.planned, locale)))
    if item.realised is not None:
        parts.append(_("gerealiseerd {cost}").format(cost=format_cost(item.realised, locale)))
    text = "; ".join(parts)
    if item.latest is not None and item.latest.explanation:
        text += f" — {item.latest.explanation}"  # the report's own words, as written
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
        raise CommandError(_("Onbekend programma '{programme}'. Bekend: {known}.").format(
            programme=safe(programme_id), known=safe(known)), EXIT_USAGE)
    data = database.read(programme_data, programme)
    progress = database.read(read_progress, programme.id)
    overviews = [plan_overview(plan, progress, today) for plan in data.plans]
    if args.json:
        print(json_text({"programme": programme.id, "today": today.isoformat(),
                         "plans": [_plan_json(o) for o in overviews]}))
        return EXIT_OK
    if not overviews:
        print(_("Programma '{title}' heeft geen actieplan; er is geen voortgang van acties te tonen.").format(
            title=safe(programme.title)))
        return EXIT_OK
    locale = cli_locale()
    for index, overview in enumerate(overviews):
        if index:
            print()
        _print_plan(overview, locale)
    return EXIT_OK
