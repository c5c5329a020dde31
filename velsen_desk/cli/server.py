"""``velsen-desk server init|load|grant|export`` and ``publish --from``: the PostgreSQL master.

The password of the connecting user comes from the platform keyring, else from ``PGPASSWORD``
(PostgreSQL's own variable, for scripts), else it is asked without echo; it is never an argument.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.cli.commands import command
from velsen_desk.cli.errors import CommandError, print_problems
from velsen_desk.cli.exit_codes import EXIT_OK, EXIT_USAGE
from velsen_desk.cli.output import safe
from velsen_desk.core.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from velsen_desk.curation.loader import DataSet
    from velsen_desk.server.accounts import Membership
    from velsen_desk.server.admin import AdminConnection


def add_server_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    server = sub.add_parser("server", help=_("de centrale PostgreSQL-database (griffie, IT)"))
    actions = server.add_subparsers(dest="server_command", metavar=_("OPDRACHT"), required=True)

    def with_url(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
        parser.add_argument("--url", required=True, metavar="URL", help=_("postgresql://server:5432/database"))
        parser.add_argument("--as", dest="connect_as", metavar=_("NAAM"),
                            help=_("verbind als deze gebruiker; standaard de naam in het adres "
                                   "(postgresql://naam@server/database) of uw eigen gebruikersnaam"))
        return parser

    with_url(actions.add_parser("init", help=_("richt de database in of werk hem bij (migraties, rollen, "
                                                 "beveiliging)")))
    load = with_url(actions.add_parser("load", help=_("laad gegevensbestanden of werkboeken op de server")))
    load.add_argument("paths", nargs="+", metavar=_("MAP|BESTAND.xlsx"))
    load.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))
    load.add_argument("--dry-run", action="store_true", help=_("toon alleen wat er zou veranderen"))
    grant = with_url(actions.add_parser("grant", help=_("maak een gebruiker aan voor een organisatie")))
    grant.add_argument("--user", dest="login", required=True, metavar=_("NAAM"),
                       help=_("de gebruiker die wordt aangemaakt"))
    grant.add_argument("--organisation", required=True, metavar=_("ORGANISATIE"))
    grant.add_argument("--role", choices=["griffie", "partij"], default="partij")
    grant.add_argument("--password-stdin", action="store_true",
                       help=_("lees het wachtwoord van de nieuwe gebruiker van standaardinvoer"))
    export = with_url(actions.add_parser("export", help=_("schrijf de gegevens van de server als gegevensmap")))
    export.add_argument("-o", "--output", required=True, metavar=_("MAP"))
    export.add_argument("--sources", metavar=_("MAP"), help=_("map met de brontekstbestanden"))


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise CommandError(_("Geen wachtwoord: er is er geen in de sleutelbos van het systeem, PGPASSWORD is niet "
                             "gezet en er is geen terminal om het te vragen."), EXIT_USAGE)
    return getpass.getpass(prompt)


def open_admin(url: str, user: str | None) -> AdminConnection:
    from velsen_desk.server.admin import AdminConnection
    from velsen_desk.server.connection import parse_address
    from velsen_desk.server.errors import WrongPassword
    from velsen_desk.server.passwords import forget_password, remember_password, stored_password

    address = parse_address(url)
    name = user or address.url_user or getpass.getuser()
    password = stored_password(address, name)
    from_keyring = password is not None
    if password is None:
        password = os.environ.get("PGPASSWORD") or _ask(_("Wachtwoord van {user} op {server}: ").format(
            user=name, server=address))
    try:
        admin = AdminConnection.open(url, name, password)
    except WrongPassword:
        if from_keyring:
            forget_password(address, name)
        raise
    if not from_keyring and "PGPASSWORD" not in os.environ:
        remember_password(address, name, password)
    if not admin.encrypted:
        print(_("Let op: de verbinding met {server} is niet versleuteld (de server biedt geen TLS).").format(
            server=address), file=sys.stderr)
    return admin


def _server_errors() -> tuple[type[Exception], ...]:
    from velsen_desk.server.errors import ServerProblem

    return (ServerProblem,)


@command("server", after_data_error=N_("Er is niets geladen."))
def server_command(args: argparse.Namespace) -> int:
    try:
        return _SUBCOMMANDS[args.server_command](args)
    except _server_errors() as exc:
        raise CommandError(safe(getattr(exc, "message", str(exc)), keep_newlines=True)) from None


def _init(args: argparse.Namespace) -> int:
    with open_admin(args.url, args.connect_as) as admin:
        result = admin.init()
    if result.changed:
        print(_("Database ingericht: schemaversie {after} (was {before}); rollen, beveiliging per rij en het "
                "auditlogboek staan klaar.").format(after=result.after, before=result.before or _("leeg")))
    else:
        print(_("De database is al bijgewerkt (schemaversie {version}); er is niets gewijzigd.").format(
            version=result.after))
    return EXIT_OK


def _dataset_to_load(admin: AdminConnection, paths: list[Path],
                     sources: Path | None) -> tuple[DataSet, dict[str, str] | None, DataSet]:
    """The data set to load (validated as ``validate`` / ``import-xlsx`` do), its files, and the server's now."""
    from velsen_desk.curation.loader import load_dataset

    current, _files = admin.read()
    workbooks = [p for p in paths if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".csv")]
    if workbooks and len(workbooks) != len(paths):
        raise CommandError(_("Laad gegevensmappen of werkboeken, niet beide tegelijk. Er is niets geladen."),
                           EXIT_USAGE)
    if not workbooks:
        return load_dataset(paths, sources=sources), None, current
    from velsen_desk.core.paths import sources_dir
    from velsen_desk.workbook.merge import merge
    from velsen_desk.workbook.read import read_workbooks

    contents, problems = read_workbooks(workbooks)
    if problems:
        print_problems(problems)
        raise CommandError(_("Er is niets geladen."))
    merged = merge(current, contents, sources or sources_dir())  # the workbook's rows over the server's data
    if merged.problems:
        print_problems(merged.problems)
        raise CommandError(_("Er is niets geladen."))
    return merged.dataset, merged.files, current


def _load(args: argparse.Namespace) -> int:
    from velsen_desk.cli.workbook import _print_diff

    with open_admin(args.url, args.connect_as) as admin:
        admin.require_current()
        admin.require_writer()
        dataset, files, current = _dataset_to_load(admin, [Path(p) for p in args.paths],
                                                   Path(args.sources) if args.sources else None)
        _print_diff(current, dataset)
        if args.dry_run:
            print(_("--dry-run: er is niets geladen."))
            return EXIT_OK
        summary = admin.load(dataset, files)
    print(ngettext("Geladen in één transactie: {n} rij toegevoegd, gewijzigd of verwijderd (gegevensversie {version}).",
                   "Geladen in één transactie: {n} rijen toegevoegd, gewijzigd of verwijderd (gegevensversie "
                   "{version}).", summary.total).format(n=summary.total, version=dataset.version()))
    return EXIT_OK


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = _ask(_("Wachtwoord voor {login}: ").format(login=args.login))
        if _ask(_("Nogmaals: ")) != password:
            raise CommandError(_("De twee wachtwoorden verschillen. Er is niets gewijzigd."))
    if not password:
        raise CommandError(_("Een leeg wachtwoord is niet toegestaan. Er is niets gewijzigd."))
    return password


def _grant(args: argparse.Namespace) -> int:
    password = _new_password(args)
    with open_admin(args.url, args.connect_as) as admin:
        new = admin.grant(args.login, password, args.organisation, args.role)
        member = admin.membership(args.login)
    message = (_("Gebruiker {login} aangemaakt: {role} voor {organisation}.") if new else
               _("Gebruiker {login} bijgewerkt: {role} voor {organisation} (nieuw wachtwoord)."))
    print(message.format(login=safe(args.login), role=args.role, organisation=safe(member.organisation)))
    if args.role == "partij":
        _print_trekker_check(member)
    return EXIT_OK


def _print_trekker_check(member: Membership) -> None:
    """A party sees only the actions its organisation is trekker of: say how many, or warn."""
    if member.actions:
        print(ngettext("{organisation} is trekker van {n} actie.", "{organisation} is trekker van {n} acties.",
                       member.actions).format(organisation=safe(member.organisation), n=member.actions))
        return
    print(_("Let op: {organisation} is van geen enkele actie de trekker, dus deze gebruiker ziet geen acties. "
            "Bekende trekkers: {trekkers}. Controleer de spelling (hoofdletters tellen niet).").format(
                organisation=safe(member.organisation),
                trekkers=", ".join(safe(t) for t in member.trekkers) or _("(nog geen)")), file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    if folder.exists() and (folder.is_symlink() or not folder.is_dir()):
        raise CommandError(_("{path} is geen map. Er is niets geschreven.").format(path=safe(folder)))
    with open_admin(args.url, args.connect_as) as admin:
        dataset, written = admin.export(folder, Path(args.sources) if args.sources else None)
    for name in written:
        print(_("Geschreven: {name}").format(name=safe(name)))
    print(_("Geëxporteerd naar {path}: gegevensversie {version}.").format(path=safe(folder),
                                                                          version=dataset.version()))
    return EXIT_OK


def publish_from_server(url: str, share: Path, user: str | None, sources: Path | None = None) -> int:
    """``publish --from URL``: export, validate and build exactly as ``build-db`` does from the
    exported folder, then publish that file with the verified publish."""
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.build import build_database
    from velsen_desk.sync.publish import publish

    try:
        with tempfile.TemporaryDirectory(prefix="velsen-desk-server-") as tmp:
            folder, database = Path(tmp) / "gegevens", Path(tmp) / "velsen-desk.sqlite"
            with open_admin(url, user) as admin:
                admin.export(folder)
            dataset = load_dataset([folder], sources=sources)
            build_database(dataset, database)
            result = publish(database, share)
    except _server_errors() as exc:
        raise CommandError(safe(getattr(exc, "message", str(exc)), keep_newlines=True)) from None
    print(_("Gepubliceerd vanaf de server: {name} (gegevensversie {version}).").format(
        name=safe(result.path.name), version=safe(result.manifest.data_version)))
    return EXIT_OK


_SUBCOMMANDS = {"init": _init, "load": _load, "grant": _grant, "export": _export}
