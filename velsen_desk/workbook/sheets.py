"""The workbook's sheets, one declarative table each: column header, field, type, drop-down
list, width and whether the column is locked.

A sheet holds one collection of the data files (``curation/schema.py``); a *list sheet* holds
the items of a list field of one (a focus point's targets, a perspective's opgaven), one row per
item, in order. A field path with a dot is a field of a nested object (``cost.amount``,
``source.quote``); when every column of such an object is empty the object is absent (``null``).
A new kind of record (the monitor's progress reports, say) is one more :class:`Sheet` in
:data:`SHEETS`; ``tests/test_workbook.py`` fails while a schema field has no column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from velsen_desk.core.money import CostStatus
from velsen_desk.core.progress import ProgressStatus, status_label, status_meaning
from velsen_desk.curation.schema import DocumentKind, DocumentStatus, Role


class Kind(Enum):
    """How a cell is written and read back."""

    ID = "id"  # the record's own id (locked once it exists)
    REF = "ref"  # the id of a record of ``Column.ref``: a drop-down of those ids
    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"  # "ja" / "nee"
    DATE = "date"
    CHOICE = "choice"  # one of ``Column.choices`` (stored value -> shown word)
    IDS = "ids"  # ids of ``Column.ref`` separated by ", "
    COST_STATUS = "cost_status"  # bedrag / n.v.t. / n.n.b.
    AMOUNT = "amount"  # whole euros, a number with the Dutch euro format
    FILE = "file"  # the data file the record lives in (locked)
    PARENT = "parent"  # on a list sheet: the id of the record the item belongs to


COST_WORDS: dict[str, str] = {
    CostStatus.AMOUNT.value: "bedrag",
    CostStatus.NOT_APPLICABLE.value: "n.v.t.",
    CostStatus.TO_BE_DETERMINED.value: "n.n.b.",
}
BOOL_WORDS: dict[str, str] = {"true": "ja", "false": "nee"}


@dataclass(frozen=True)
class Column:
    header: str  # Dutch, as the user sees it in row 1
    field: str  # dotted path in the record; "" on a list sheet of plain texts: the item itself
    kind: Kind
    width: int = 18
    ref: str | None = None  # the collection a REF/IDS/PARENT column names
    choices: tuple[tuple[str, str], ...] = ()  # CHOICE: (stored value, word shown)
    help: str = ""  # the "Lees mij" line
    # A TEXT column whose drop-down offers the values the data already holds (organisations,
    # parties), while still taking a new one: names are free text in the schema.
    suggest: bool = False

    @property
    def locked(self) -> bool:
        """Locked and grey: the record's identity and its place, which an edit must not change."""
        return self.kind in (Kind.ID, Kind.FILE, Kind.PARENT)


@dataclass(frozen=True)
class Sheet:
    title: str  # the sheet's name in Dutch (at most 31 characters, Excel's limit)
    collection: str  # the data files' collection (data_file.DataFile field)
    columns: tuple[Column, ...]
    list_field: str | None = None  # a list sheet: the list field of ``collection`` it holds
    help: str = ""

    def column(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)


def _id(help_text: str = "vaste code van het record; voor een nieuwe rij een nieuwe, unieke code") -> Column:
    return Column("Id", "id", Kind.ID, 34, help=help_text)


def _file() -> Column:
    return Column("Bestand", "@file", Kind.FILE, 26,
                  help="gegevensbestand waar het record staat; leeg bij een nieuwe rij "
                       "(dan: bij zijn bovenliggende record)")


def _ref(header: str, field: str, ref: str, width: int = 30, help_text: str = "") -> Column:
    return Column(header, field, Kind.REF, width, ref=ref, help=help_text or f"code uit het blad {SHEET_TITLES[ref]}")


def _text(header: str, field: str, width: int = 40, help_text: str = "") -> Column:
    return Column(header, field, Kind.TEXT, width, help=help_text)


def _organisation(header: str, field: str, width: int = 20, help_text: str = "") -> Column:
    return Column(header, field, Kind.TEXT, width, suggest=True,
                  help=help_text or "keuzelijst met de namen die al voorkomen; een nieuwe naam mag ook")


def _int(header: str, field: str, width: int = 10, help_text: str = "") -> Column:
    return Column(header, field, Kind.INT, width, help=help_text or "geheel getal")


def _choice(header: str, field: str, words: dict[str, str], width: int = 16, help_text: str = "") -> Column:
    return Column(header, field, Kind.CHOICE, width, choices=tuple(words.items()),
                  help=help_text or "keuzelijst: " + " / ".join(words.values()))


def _bool(header: str, field: str, help_text: str = "") -> Column:
    return Column(header, field, Kind.BOOL, 12, help=help_text or "ja / nee")


def _cost(header: str, field: str) -> tuple[Column, ...]:
    return (
        Column(header, f"{field}.status", Kind.COST_STATUS, 12,
               help="bedrag / n.v.t. (geen kosten) / n.n.b. (niet bekend); n.v.t. en n.n.b. zijn nooit € 0"),
        Column(f"{header} bedrag", f"{field}.amount", Kind.AMOUNT, 16,
               help="hele euro's, alleen bij 'bedrag'"),
        Column(f"{header} soort bedrag", f"{field}.qualifier", Kind.CHOICE, 14,
               choices=(("minimaal", "minimaal"), ("maximaal", "maximaal"), ("circa", "circa")),
               help="leeg, of minimaal / maximaal / circa"),
        Column(f"{header} zoals gedrukt", f"{field}.text", Kind.TEXT, 20,
               help="het bedrag of 'n.v.t.' precies zoals het in de bron staat"),
    )


def _source(header: str = "Bron", field: str = "source", optional: str = "") -> tuple[Column, ...]:
    return (
        _ref(header, f"{field}.doc", "documents", 30,
             f"code van het brondocument (blad Documenten){optional}"),
        _text(f"{header} citaat", f"{field}.quote", 60, "letterlijk citaat uit het brondocument; wordt gecontroleerd"),
        _text(f"{header} sectie", f"{field}.section", 24, "sectie van het brondocument, als er geen citaat is"),
    )


def _example() -> Column:
    return _bool("Voorbeeld", "example", "ja: fictieve gegevens, overal gemerkt 'VOORBEELD'; anders nee")


def _date(header: str, field: str, help_text: str = "datum (dd-mm-jjjj)") -> Column:
    return Column(header, field, Kind.DATE, 12, help=help_text)


_STATUS_WORDS = {status.value: status_label(status) for status in ProgressStatus}
_STATUS_HELP = "keuzelijst: " + "; ".join(f"{status_label(s)} = {status_meaning(s)}" for s in ProgressStatus) \
    + ". Bij oranje, rood en gestopt is een toelichting verplicht"
_OR_STATED = "; leeg als 'Opgave van' is ingevuld"


SHEET_TITLES: dict[str, str] = {
    "municipalities": "Gemeenten", "programmes": "Programma's", "documents": "Documenten",
    "people": "Personen", "memberships": "Collegeleden", "domains": "Domeinen",
    "portfolio_items": "Portefeuilles", "aandachtsvelden": "Aandachtsvelden", "themes": "Thema's",
    "chapters": "Hoofdstukken", "focus_points": "Focuspunten", "opgaven": "Opgaven",
    "speerpunten": "Speerpunten", "action_plans": "Actieplannen", "focusopgaven": "Focusopgaven",
    "actions": "Acties", "budgets": "Budgetten", "budget_lines": "Begrotingsregels",
    "fundings": "Financiering", "theme_links": "Themakoppelingen", "perspectives": "Perspectieven",
    "remarks": "Opmerkingen", "impulsprojecten": "Impulsprojecten", "core_values": "Kernwaarden",
    "topic_categories": "Onderwerpcategorieën", "agreements": "Afspraken", "progress_reports": "Voortgangsrapportages",
    "progress_entries": "Voortgang per actie", "measurements": "Metingen", "evaluations": "Evaluaties",
}

_DOCUMENT_KINDS = {kind.value: kind.value for kind in DocumentKind}


SHEETS: tuple[Sheet, ...] = (
    Sheet("Gemeenten", "municipalities", (
        _id(), _text("Naam", "name", 30), *_source(), _file())),
    Sheet("Programma's", "programmes", (
        _id(), _ref("Gemeente", "municipality", "municipalities"), _text("Titel", "title", 40),
        _int("Periode van", "period_start", 12, "jaar"), _int("Periode tot", "period_end", 12, "jaar"),
        _int("Volgorde", "order"), _file())),
    Sheet("Documenten", "documents", (
        _id(), _ref("Programma", "programme", "programmes"),
        _choice("Soort", "kind", _DOCUMENT_KINDS, 26), _text("Titel", "title", 50),
        _text("Ondertitel", "subtitle", 30), Column("Datum", "date", Kind.DATE, 12, help="datum (dd-mm-jjjj)"),
        _text("Datum zoals gedrukt", "date_text", 18, "als de bron geen volledige datum geeft"),
        _choice("Status", "status", {status.value: status.value for status in DocumentStatus}),
        _text("Status zoals gedrukt", "status_text", 24), _text("Brontekstbestand", "source_file", 40),
        _text("Opmerking", "note", 40), _file())),
    Sheet("Personen", "people", (_id(), _text("Naam", "name", 30), *_source(), _file())),
    Sheet("Collegeleden", "memberships", (
        _id(), _ref("Persoon", "person", "people"), _ref("Programma", "programme", "programmes"),
        _choice("Functie", "role", {role.value: role.value for role in Role}, 16,
                "burgemeester / wethouder; leeg = de bron zegt het niet"),
        _organisation("Partij", "party", 20, "keuzelijst of een nieuwe partij; leeg = de bron zegt het niet"),
        _int("Locoburgemeester", "locoburgemeester_order", 16, "volgorde 1–10; leeg = onbekend"),
        _int("Volgorde", "order"),
        Column("Zeker lege domeinen", "empty_certain", Kind.IDS, 30, ref="domains",
               help="codes uit het blad Domeinen, gescheiden door ', ': de lege cellen in de rij van dit "
                    "collegelid die de tabel zeker leeg laat; een andere lege cel is afgeleid"),
        *_source(), _file())),
    Sheet("Domeinen", "domains", (
        _id(), _ref("Programma", "programme", "programmes"), _text("Naam", "name", 30),
        _int("Volgorde", "order"), *_source(), _file())),
    Sheet("Portefeuilles", "portfolio_items", (
        _id(), _ref("Programma", "programme", "programmes"), _ref("Collegelid", "person", "people"),
        _ref("Domein", "domain", "domains", 30, "leeg = geen domeinen of de kolom is onbekend"),
        _bool("Domein zeker", "domain_certain", "nee waar de kolom in de bron niet vast te stellen is"),
        _text("Naam", "name", 40), _text("Toelichting", "detail", 40, "de 'incl. …'-tekst zoals gedrukt"),
        _int("Volgorde", "order"),
        _text("Rij citaat", "row_quote", 50,
              "letterlijk: de rij van het collegelid vanaf de naam tot en met deze portefeuille"),
        *_source(), _file())),
    Sheet("Opmerkingen", "remarks", (
        _id(), _ref("Programma", "programme", "programmes"),
        _choice("Bij", "about", {"portefeuilleverdeling": "portefeuilleverdeling",
                                 "impulsprojecten": "impulsprojecten"}, 22,
                "de tabel of lijst waar de opmerking bij staat"),
        _text("Label", "label", 12, "het woord waar de opmerking achter staat, zoals 'NB'"),
        _int("Volgorde", "order"), _text("Tekst", "text", 60, "letterlijk"), *_source(), _file())),
    Sheet("Aandachtsvelden", "aandachtsvelden", (
        _id(), _ref("Document", "document", "documents"), _text("Naam", "name", 30),
        _int("Volgorde", "order"), *_source(), _file())),
    Sheet("Thema's", "themes", (
        _id(), _ref("Aandachtsveld", "aandachtsveld", "aandachtsvelden"), _int("Nummer", "number"),
        _text("Naam", "name", 30), _ref("Regie", "regie", "people", 30, "collegelid (blad Personen); leeg = onbekend"),
        _bool("Extra aandacht", "extra_attention", "ja / nee; leeg = onbekend"), *_source(), _file())),
    Sheet("Hoofdstukken", "chapters", (
        _id(), _ref("Document", "document", "documents"), _int("Nummer", "number"), _text("Titel", "title", 40),
        _ref("Aandachtsveld", "aandachtsveld", "aandachtsvelden"),
        Column("Thema's", "themes", Kind.IDS, 40, ref="themes",
               help="codes uit het blad Thema's, gescheiden door ', '"),
        _text("Samenvatting", "summary", 40), *_source(), _file())),
    Sheet("Focuspunten", "focus_points", (
        _id(), _ref("Hoofdstuk", "chapter", "chapters"), _int("Volgorde", "order"),
        _choice("Plaats", "section", {"focus": "focus", "tekst": "tekst"}, 12,
                "focus (de lijst 'Focus van onze inzet') / tekst (de lopende tekst van het hoofdstuk)"),
        _text("Tekst", "text", 60), *_source(), _file())),
    Sheet("Streefwaarden", "focus_points", (
        Column("Focuspunt", "@parent", Kind.PARENT, 34, ref="focus_points",
               help="code van het focuspunt; de rijen van één focuspunt staan in hun volgorde"),
        _text("Tekst", "text", 60, "letterlijk"),
        Column("Getal", "figure", Kind.FLOAT, 12, help="getal; leeg = geen"),
        _text("Eenheid", "unit", 14), _int("Jaar", "year", 10, "het jaar waarin het doel gehaald moet zijn"),
        _int("Beginjaar", "start_year", 10, "het jaar waarin het begint ('vanaf 2019'); leeg = geen"),
        _choice("Soort getal", "qualifier", {q: q for q in ("minimaal", "maximaal", "circa", "tot", "binnen")}, 14,
                "leeg, of minimaal / maximaal / circa / tot / binnen (alleen met een getal)")),
        list_field="targets"),
    Sheet("Opgaven", "opgaven", (
        _id(), _ref("Document", "document", "documents"), _int("Nummer", "number"), _text("Titel", "title", 40),
        _text("Samenvatting", "summary", 40),
        _text("Toekomstbeeld", "future_text", 50, "'Toekomstbeeld – beoogde maatschappelijke effecten', letterlijk"),
        *_source(), _file())),
    Sheet("Speerpunten", "speerpunten", (
        _id(), _ref("Opgave", "opgave", "opgaven"), _int("Volgorde", "order"),
        _choice("Soort", "kind", {"speerpunt": "speerpunt", "wat_we_al_doen": "wat_we_al_doen",
                                  "wat_we_kunnen_doen": "wat_we_kunnen_doen", "impulsproject": "impulsproject"}, 20),
        _text("Tekst", "text", 60), *_source(), _file())),
    Sheet("Impulsprojecten", "impulsprojecten", (
        _id(), _ref("Document", "document", "documents"), _int("Volgorde", "order"), _text("Titel", "title", 40),
        _text("Tekst", "text", 60, "letterlijk, de regels onder de titel"), *_source(), _file())),
    Sheet("Kernwaarden", "core_values", (
        _id(), _ref("Document", "document", "documents"), _int("Volgorde", "order"), _text("Naam", "name", 24),
        _text("Tekst", "text", 60, "letterlijk, de alinea onder de naam"), *_source(), _file())),
    Sheet("Onderwerpcategorieën", "topic_categories", (
        _id(), _ref("Document", "document", "documents"), _text("Code", "code", 8, "zoals gedrukt: I, II, III"),
        _text("Titel", "title", 40), _text("Tekst", "text", 60, "letterlijk"), *_source(), _file())),
    Sheet("Afspraken", "agreements", (
        _id(), _ref("Document", "document", "documents"),
        _text("Vraag", "question", 40, "de vraag van Deel A zoals gedrukt, met haar nummer"),
        _text("Aanloop", "group", 40, "de aanloopzin die de afspraak afmaakt, letterlijk; leeg = geen"),
        _int("Volgorde", "order"), _text("Tekst", "text", 60, "letterlijk"), *_source(), _file())),
    Sheet("Actieplannen", "action_plans", (
        _id(), _ref("Document", "document", "documents"), _text("Titel", "title", 40),
        *_cost("Totaal", "total_documented"), _text("Totaal label", "total_label", 30),
        *_source(), _text("Monitoring", "monitoring_text", 40), _file())),
    Sheet("Perspectieven", "perspectives", (
        _id(), _ref("Actieplan", "plan", "action_plans"), _int("Nummer", "number"), _text("Titel", "title", 40),
        _text("Waardeperspectief", "value_text", 50), *_source(), _file())),
    Sheet("Perspectief-opgaven", "perspectives", (
        Column("Perspectief", "@parent", Kind.PARENT, 34, ref="perspectives",
               help="code van het perspectief; de rijen van één perspectief staan in hun volgorde"),
        _text("Opgave", "", 60, "kop van de opgave, letterlijk")), list_field="opgaven"),
    Sheet("Focusopgaven", "focusopgaven", (
        _id(), _ref("Actieplan", "plan", "action_plans"), _int("Nummer", "number"), _text("Letter", "letter", 8),
        _text("Titel", "title", 36), _text("Titel in de begroting", "table_title", 36),
        _organisation("Trekker", "lead"), _text("Doel", "objective", 40), _text("Verantwoordelijk", "responsible", 40),
        *_cost("Subtotaal", "subtotal_documented"), *_source(), _file())),
    Sheet("Acties", "actions", (
        _id(), _ref("Actieplan", "plan", "action_plans"),
        _ref("Focusopgave", "focusopgave", "focusopgaven", 30, "leeg = buiten de focusopgaven"),
        _int("Nummer", "number"), _organisation("Trekker", "trekker"), _text("Titel", "title", 40),
        _text("Kop in de tekst", "heading", 30), _text("Wat", "what", 40), *_cost("Kosten", "cost"),
        _text("Uitleg", "explanation", 40), _text("Planning", "planning_text", 24, "zoals geschreven"),
        _text("Opmerking", "note", 30, "opmerking van de redactie"), *_source(),
        _text("Lopende tekst", "running_text", 40, "letterlijk"), _text("Planning in de tekst", "planning_running", 30),
        _bool("Planning tegenstrijdig", "planning_conflict"), _text("Voorwaarde", "condition", 30),
        _text("Kosten dekken", "cost_scope", 30), _file())),
    Sheet("Budgetten", "budgets", (
        _id(), _ref("Programma", "programme", "programmes"), _text("Naam", "name", 36),
        _choice("Soort", "kind", {"budget": "budget", "reserve": "reserve", "subsidie": "subsidie",
                                  "bestaand": "bestaand"}),
        *_cost("Omvang", "amount"), _text("Periode", "period_text", 16), _text("Omschrijving", "description", 40),
        *_cost("Totaal", "total_documented"), _text("Totaal label", "total_label", 30),
        _ref("Document", "document", "documents", 30, "het document dat het budget noemt; leeg = geen"),
        _choice("Per", "per", {"jaar": "jaar"}, 10,
                "leeg, of jaar: de omvang is een bedrag per jaar (nooit opgeteld bij een totaal)"),
        _ref("Focuspunt", "focus_point", "focus_points", 30,
             "het focuspunt dat het budget betaalt, als het document dat zegt; leeg = geen"),
        *_source(), _file())),
    Sheet("Begrotingsregels", "budget_lines", (
        _id(), _ref("Budget", "budget", "budgets"), _int("Nummer", "number"), _text("Titel", "title", 40),
        *_cost("Kosten", "cost"), _text("Opmerking", "remark", 30), *_source(), _file())),
    Sheet("Financiering", "fundings", (
        _id(), _ref("Actie", "action", "actions"), _ref("Budget", "budget", "budgets"),
        _ref("Begrotingsregel", "budget_line", "budget_lines"), *_cost("Bedrag", "amount"), *_source(),
        _text("Betaalt", "funds", 40, "wat dit geld betaalt, letterlijk"),
        _bool("Deel van de actie", "part", "ja: betaalt een deel (zeg bij 'Betaalt' welk)"), _file())),
    Sheet("Themakoppelingen", "theme_links", (
        _id(), _ref("Thema", "theme", "themes"), _ref("Actieplan", "plan", "action_plans"),
        _ref("Actie", "action", "actions"),
        _choice("Grond", "basis", {"bron": "bron", "redactioneel": "redactioneel"}, 14,
                "bron (de bron legt de koppeling) / redactioneel (keuze van de redactie)"),
        _text("Toelichting", "rationale", 40), *_source(), _file())),
    Sheet("Voortgangsrapportages", "progress_reports", (
        _id(),
        _ref("Actieplan", "plan", "action_plans", 30, "het plan; leeg als de rapportage bij een programma hoort"),
        _ref("Programma", "programme", "programmes", 30, "het programma; leeg als de rapportage bij een plan hoort"),
        _text("Titel", "title", 40), _date("Peildatum", "date"),
        _organisation("Gerapporteerd door", "reported_by", 24, "de trekker of de griffie"),
        _int("Interval (maanden)", "interval_months", 14, "zoals de rapportage het noemt, 1–60; leeg = niet genoemd"),
        _example(), *_source(optional=_OR_STATED),
        _organisation("Opgave van", "stated_by", 24, "de partij die de cijfers opgaf, als er geen brondocument is"),
        _file())),
    Sheet("Voortgang per actie", "progress_entries", (
        _id(), _ref("Rapportage", "report", "progress_reports"), _ref("Actie", "action", "actions"),
        _choice("Status", "status", _STATUS_WORDS, 12, _STATUS_HELP),
        _text("Toelichting", "explanation", 40, "verplicht bij oranje, rood en gestopt"),
        *_cost("Besteed", "spent"),
        _text("Herziene planning", "planning_text", 24, "zoals geschreven; leeg = de planning is niet herzien"),
        *_source("Planning bron", "planning_source"),
        _bool("Te laat gemeld", "reported_late", "ja: de rapportage zegt dat het werk achterloopt"),
        *_source(optional="; leeg = de bron van de rapportage"), _file())),
    Sheet("Metingen", "measurements", (
        _id(), _ref("Focuspunt", "focus_point", "focus_points"),
        _int("Streefwaarde", "target", 12,
             "nummer van de streefwaarde van het focuspunt, vanaf 0 (blad Streefwaarden)"),
        Column("Waarde", "value", Kind.FLOAT, 12, help="gemeten getal"), _text("Eenheid", "unit", 14),
        _date("Datum", "date", "datum van de meting; of het jaar"), _int("Jaar", "year", 10, "jaar; of de datum"),
        _organisation("Gemeten door", "measured_by", 24, "de bron van de meting, zoals 'Veiligheidsmonitor 2025'"),
        _text("Opmerking", "note", 40), _example(), *_source(), _file())),
    Sheet("Evaluaties", "evaluations", (
        _id(), _ref("Actieplan", "plan", "action_plans"), _date("Datum", "date"), _text("Titel", "title", 40),
        _text("Samenvatting", "summary", 50),
        _text("Verwijzing", "reference", 30, "het evaluatiedocument zoals genoemd"),
        _example(), *_source(optional=_OR_STATED),
        _organisation("Opgave van", "stated_by", 24, "de partij die de evaluatie opgaf, als er geen brondocument is"),
        _file())),
)

SHEETS_BY_TITLE: dict[str, Sheet] = {sheet.title: sheet for sheet in SHEETS}

README_TITLE = "Lees mij"
LISTS_TITLE = "Keuzelijsten"  # the drop-downs' values: an inline list holds at most 255 characters
FORMAT_LABEL = "Werkboekformaat"
FORMAT_ID = "velsen-desk-werkboek/1"
SCOPE_LABEL = "Programma's"
SCOPE_ALL = "alle"
# A monitor form names its report (and its trekker): its import adds that report and nothing else
FORM_REPORT_LABEL = "Monitorformulier voor rapportage"
FORM_TREKKER_LABEL = "Monitorformulier van trekker"
