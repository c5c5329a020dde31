"""The griffie's workbench: ``export-xlsx`` and ``import-xlsx``."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError, print_problems
from velsen_desk.cli.exit_codes import EXIT_OK
from velsen_desk.cli.language import cli_locale
from velsen_desk.cli.output import safe
from velsen_desk.core.i18n import N_, _, ngettext
from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.own_files import own_file_message


def _check_output_file(output: Path) -> None:
    refusal = own_file_message(output)
    if refusal is not None:  # never over the local database, the notes or a kept version
        raise CommandError(safe(refusal))
    if output.is_symlink() or (output.exists() and not output.is_file()):
        raise CommandError(_("{path} is geen gewoon bestand (een koppeling, map, pijp of apparaat) en wordt niet "
                             "overschreven. Kies een andere bestandsnaam.").format(path=safe(output)))


@command("export-xlsx", after_data_error=N_("Er is geen werkboek geschreven."))
def export_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.workbook.export import export_workbook, unknown_programmes

    output = Path(args.output)
    _check_output_file(output)
    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None)
    programmes = list(args.programme or [])
    if unknown := unknown_programmes(dataset, programmes):
        raise CommandError(_("Onbekend programma: {ids}. Er is geen werkboek geschreven.").format(
            ids=safe(", ".join(unknown))))
    try:
        export_workbook(dataset, output, programmes or None)
    except OSError as exc:
        raise CommandError(_("Kan {path} niet schrijven: {cause}.").format(
            path=safe(output), cause=describe_os_error(exc))) from exc
    print(_("Werkboek geschreven: {path} (gegevensversie {version}).").format(
        path=safe(output), version=dataset.version()))
    return EXIT_OK


@command("import-xlsx", after_data_error=N_("Er is niets geschreven."))
def import_command(args: argparse.Namespace) -> int:
    from velsen_desk.curation.loader import DataSet, data_files, load_dataset
    from velsen_desk.workbook.apply import write_updates
    from velsen_desk.workbook.merge import merge
    from velsen_desk.workbook.read import read_workbooks
    from velsen_desk.workbook.yaml_out import file_updates, read_trees

    folder = Path(args.output)
    if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
        raise CommandError(_("{path} is geen map. Er is niets geschreven.").format(path=safe(folder)))
    sources = Path(args.sources) if args.sources else None
    contents, problems = read_workbooks([Path(p) for p in args.workbooks])
    if problems:
        print_problems(problems)
        raise CommandError(_("Er is niets geschreven."))
    current: DataSet | None = None
    if folder.exists() and data_files([folder]):
        current = load_dataset([folder], sources=sources)  # the data folder must be valid itself
    from velsen_desk.core.paths import sources_dir

    merged = merge(current, contents, sources or sources_dir(), replace=args.vervang)
    if merged.problems:
        print_problems(merged.problems)
        raise CommandError(_("Er is niets geschreven."))
    _print_diff(current, merged.dataset)
    updates = file_updates(read_trees(folder) if current is not None else {}, current, merged.dataset, merged.files)
    if args.dry_run:
        print(ngettext("{n} bestand zou worden geschreven (--dry-run: niets geschreven).",
                       "{n} bestanden zouden worden geschreven (--dry-run: niets geschreven).",
                       len(updates)).format(n=len(updates)))
        return EXIT_OK
    try:  # all were made before the first is written; a failed write puts the written ones back
        write_updates(folder, updates)
    except OSError as exc:
        raise CommandError(_("Kan {path} niet schrijven: {cause}.").format(
            path=safe(folder), cause=describe_os_error(exc))) from exc
    for update in updates:
        print((_("Nieuw: {name}") if update.new else _("Bijgewerkt: {name}")).format(name=safe(update.name)))
    print(_("Ingelezen in {path}: gegevensversie {version}.").format(
        path=safe(folder), version=merged.dataset.version()))
    return EXIT_OK


@command("new-programme", after_data_error=N_("Er is geen werkboek geschreven."))
def new_programme_command(args: argparse.Namespace) -> int:
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.atomic import write_atomic
    from velsen_desk.workbook.new_programme import NewProgrammeError, new_programme

    output = Path(args.output)
    _check_output_file(output)
    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None)
    try:
        made = new_programme(dataset, args.municipality, args.period)
    except NewProgrammeError as exc:
        raise CommandError(_("{cause}. Er is geen werkboek geschreven.").format(cause=safe(exc))) from exc
    try:
        write_atomic(output, made.payload)
    except OSError as exc:
        raise CommandError(_("Kan {path} niet schrijven: {cause}.").format(
            path=safe(output), cause=describe_os_error(exc))) from exc
    print(_("Werkboek voor het nieuwe programma {programme} geschreven: {path}. Vul het in en lees het in met "
            "'velsen-desk import-xlsx'.").format(programme=safe(made.programme_id), path=safe(output)))
    return EXIT_OK


@command("monitor-template", after_data_error=N_("Er is geen formulier geschreven."))
def monitor_template_command(args: argparse.Namespace) -> int:
    import datetime as dt

    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.atomic import write_atomic
    from velsen_desk.workbook.monitor_template import MonitorTemplateError, monitor_template

    output = Path(args.output)
    _check_output_file(output)
    try:
        peildatum = dt.date.fromisoformat(args.peildatum) if args.peildatum else dt.date.today()
    except ValueError as exc:
        raise CommandError(_("‘{text}’ is geen datum; schrijf JJJJ-MM-DD. Er is geen formulier geschreven.").format(
            text=safe(args.peildatum))) from exc
    paths = [Path(p) for p in args.paths] or [bundled_data_dir()]
    dataset = load_dataset(paths, sources=Path(args.sources) if args.sources else None)
    try:
        made = monitor_template(dataset, args.plan, peildatum, args.trekker)
    except MonitorTemplateError as exc:
        raise CommandError(_("{cause}. Er is geen formulier geschreven.").format(cause=safe(exc))) from exc
    try:
        write_atomic(output, made.payload)
    except OSError as exc:
        raise CommandError(_("Kan {path} niet schrijven: {cause}.").format(
            path=safe(output), cause=describe_os_error(exc))) from exc
    print(ngettext("Monitorformulier met {n} actie geschreven: {path} (rapportage {report}). Vul per actie de "
                   "status, toelichting, besteding en eventueel de herziene planning in op het blad 'Voortgang per "
                   "actie' en lees het in met 'velsen-desk import-xlsx'.",
                   "Monitorformulier met {n} acties geschreven: {path} (rapportage {report}). Vul per actie de "
                   "status, toelichting, besteding en eventueel de herziene planning in op het blad 'Voortgang per "
                   "actie' en lees het in met 'velsen-desk import-xlsx'.", made.actions).format(
        n=made.actions, path=safe(output), report=safe(made.report_id)))
    return EXIT_OK


def _print_diff(current: object, new: object) -> None:
    """The same field-level changes as ``velsen-desk diff``, between the data before and after."""
    from velsen_desk.cli.sync import _print_changes as print_changes
    from velsen_desk.curation.loader import DataSet
    from velsen_desk.storage.build import build_database
    from velsen_desk.sync.diff import diff_databases

    assert isinstance(new, DataSet)
    with tempfile.TemporaryDirectory(prefix="velsen-desk-import-") as tmp:
        old_db, new_db = Path(tmp) / "oud.sqlite", Path(tmp) / "nieuw.sqlite"
        build_database(current if isinstance(current, DataSet) else DataSet(), old_db)
        build_database(new, new_db)
        changes = diff_databases(old_db, new_db, cli_locale())
    print(ngettext("{n} wijziging:", "{n} wijzigingen:", len(changes)).format(n=len(changes)) if changes
          else _("Geen wijzigingen in wat het venster toont."))
    print_changes(changes, "  ")


def add_workbook_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from velsen_desk.cli.programmes import programme_help

    export = sub.add_parser("export-xlsx", help=_("schrijf de gegevens als Excel-werkboek (griffie)"))
    export.add_argument("-o", "--output", required=True, metavar=_("BESTAND.xlsx"))
    export.add_argument("--programme", nargs="+", metavar="ID", help=programme_help(_("standaard alle")))
    export.add_argument("paths", nargs="*", metavar=_("PAD"), help=_("standaard: de meegeleverde gegevens"))
    export.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))

    new = sub.add_parser("new-programme", help=_("leeg werkboek voor een nieuwe bestuursperiode (griffie)"))
    new.add_argument("--municipality", required=True, metavar=_("NAAM"))
    new.add_argument("--period", required=True, metavar=_("JJJJ-JJJJ"))
    new.add_argument("-o", "--output", required=True, metavar=_("BESTAND.xlsx"))
    new.add_argument("paths", nargs="*", metavar=_("PAD"), help=_("standaard: de meegeleverde gegevens"))
    new.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))

    form = sub.add_parser("monitor-template", help=_("monitorformulier voor één peildatum (griffie, trekkers)"))
    form.add_argument("-o", "--output", required=True, metavar=_("BESTAND.xlsx"))
    form.add_argument("--plan", metavar="ID", help=_("het actieplan; nodig als er meer dan één is"))
    form.add_argument("--peildatum", metavar=_("JJJJ-MM-DD"), help=_("standaard vandaag"))
    form.add_argument("--trekker", metavar=_("ORGANISATIE"), help=_("alleen de acties van deze trekker"))
    form.add_argument("paths", nargs="*", metavar=_("PAD"), help=_("standaard: de meegeleverde gegevens"))
    form.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))

    imp = sub.add_parser("import-xlsx", help=_("lees Excel-werkboeken in als gegevensbestanden (griffie)"))
    imp.add_argument("workbooks", nargs="+", metavar=_("BESTAND.xlsx"))
    imp.add_argument("-o", "--output", required=True, metavar=_("MAP"), help=_("de map met de gegevensbestanden"))
    imp.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))
    imp.add_argument("--dry-run", action="store_true", help=_("toon alleen wat er zou veranderen"))
    imp.add_argument("--vervang", action="store_true",
                     help=_("een monitorformulier vervangt de rapportage die dezelfde partij op die peildatum al gaf"))
