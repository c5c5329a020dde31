"""PDF reports: figures and names read back from the PDF, print-readiness (fonts, metadata,
page numbers, watermark), escaping and Dutch error messages."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.reports.service import ReportError, ReportRequest, generate_report
from velsen_desk.storage.build import build_database

TODAY = dt.date(2024, 3, 15)
THEMES = [
    "Leefbaarheid", "Luchtkwaliteit", "Veiligheid", "Gezondheid", "Jeugd", "Zorg & welzijn", "Arbeidsmarkt",
    "Lokale economie & vestigingsklimaat", "Wonen & woningbouw", "Duurzaamheid", "Mobiliteit", "Kunst & cultuur",
    "Sport", "Participatie & democratische kwaliteit", "Financiën", "Dienstverlening",
]
HOSTILE = '<b>Raad & "Commissie"</b> <font>'


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "velsen.sqlite"
    build_database(load_dataset([bundled_data_dir()]), path)
    return path


@pytest.fixture(scope="module")
def make(database, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    cache: dict[tuple, tuple[Path, int]] = {}

    def _make(kind: str, **kw) -> tuple[Path, int]:
        key = (kind, tuple(sorted(kw.items())))
        if key not in cache:
            name = f"{kind}-{len(cache)}.pdf"
            result = generate_report(ReportRequest(kind=kind, output=out / name, database=database, today=TODAY, **kw))
            cache[key] = (result.path, result.pages)
        return cache[key]

    return _make


def text_of(path: Path) -> list[str]:
    """Text per page, with no-break spaces as plain spaces and lines joined."""
    reader = PdfReader(path)
    return [re.sub(r"\s+", " ", (page.extract_text() or "").replace("\xa0", " ")) for page in reader.pages]


def all_text(path: Path) -> str:
    return " ".join(text_of(path))


ALL_KINDS = [
    ("themes", {}),
    ("regie", {"person": "Marianne Steijn"}),
    ("portfolio", {}),
    ("portfolio", {"programme": "heemskerk-2018"}),
    ("budget", {}),
    ("timeline", {}),
    ("annex", {"meeting": "Raadsvergadering", "date": "2022-06-20", "agenda_item": "7"}),
]


# ---- content ------------------------------------------------------------------------------------


def test_budget_figures(make):
    path, pages = make("budget")
    text = all_text(path)
    for figure in ("€ 326.000", "€ 165.000 + 1 post n.n.b.", "€ 691.000", "€ 498.000", "€ 1.050.000",
                   "minimaal € 500.000", "€ 200.000", "€ 50.000"):
        assert figure in text, figure
    assert "n.v.t." in text and "n.n.b." in text
    assert "€ 0" in text  # focusopgave 1: documented € 0, all actions n.v.t. (distinct from € 0)
    assert "✓" in text
    assert "Weerbare wijken" in text and "Samen Gezellig in Velsen-Noord" in text
    assert "Actie 9" in text and "Opknappen Stratingplantsoen" in text  # cross-funding
    assert 2 <= pages <= 12  # 11 since the table's Wat and Uitleg cells are printed too


def test_regie_for_marianne_steijn(make):
    path, _ = make("regie", person="Marianne Steijn")
    text = all_text(path)
    for theme in ("Leefbaarheid", "Gezondheid", "Zorg & welzijn", "Dienstverlening"):
        assert theme in text
    assert "Marianne Steijn" in text
    assert "Weerbare wijken" in text  # a portfolio
    assert "Luchtkwaliteit" not in text.split("Portefeuilles")[0].split("Thema's met regie")[1]


def test_regie_sums_linked_actions(make):
    path, _ = make("regie", person="Bram Diepstraten")
    text = all_text(path)
    # themes 11 (mobiliteit: actions 6, 7, 8) and 14 (action 16, n.v.t.)
    assert "Herinrichting ventweg Wijkerstraatweg" in text
    assert "€ 66.000" in text  # 25.000 + 1.000 + 40.000


def test_themes_lists_all_16(make):
    path, _ = make("themes")
    text = all_text(path)
    for theme in THEMES:
        assert theme in text, theme
    assert "Marianne Steijn" in text and "Leefbaarheid in brede zin" in text
    assert "Doel:" in text


def test_portfolio_velsen_and_heemskerk(make):
    path, _ = make("portfolio")
    text = all_text(path)
    assert "≈" in text and "lopen de kolommen van de portefeuilletabel in elkaar over" in " ".join(text.split())
    assert "Fysieke leefomgeving" in text and "Regie" in text
    assert PdfReader(path).pages[0].mediabox.width > PdfReader(path).pages[0].mediabox.height  # landscape

    path, _ = make("portfolio", programme="heemskerk-2018")
    text = all_text(path)
    assert "A.E.H. Baltus" in text and "burgemeester" in text and "CDA" in text
    assert "1e" in text  # locoburgemeester order


def test_timeline(make):
    path, pages = make("timeline")
    text = all_text(path)
    assert "Planning onbekend" in text and "Legenda" in text
    for year in ("2023", "2024", "2025", "2026"):
        assert year in text
    assert "K2 2024" in text  # read as a quarter
    assert pages >= 1
    assert PdfReader(path).pages[0].mediabox.width > PdfReader(path).pages[0].mediabox.height


def test_annex_bundle(make):
    path, pages = make("annex", meeting="Raadsvergadering", date="2022-06-20", agenda_item="7")
    texts = text_of(path)
    assert "20 juni 2022" in texts[0] and "Bijlage" in texts[0] and "Agendapunt" in texts[0]
    assert "Inhoud" in texts[1]
    for page in texts:  # meeting + agenda item in the running header of every page
        assert "Raadsvergadering" in page and "agendapunt 7" in page
    assert pages == len(texts) > 8
    outline = [o.title for o in PdfReader(path).outline if not isinstance(o, list)]
    assert "Inhoud" in outline and any("Begroting" in t for t in outline)


# ---- print-readiness ----------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "kw"), ALL_KINDS)
def test_fonts_embedded_metadata_and_page_numbers(make, kind, kw):
    path, pages = make(kind, **kw)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            assert "Helvetica" not in str(font["/BaseFont"]) and "ZapfDingbats" not in str(font["/BaseFont"])
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            assert "/FontFile2" in descriptor["/FontDescriptor"], font["/BaseFont"]
    meta = reader.metadata
    assert meta.title and meta.author == "Velsen Desk" and meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    last = text_of(path)[-1]
    assert f"pagina {pages} van {pages}" in last
    assert "15 maart 2024" in last  # generation date, in Dutch
    assert reader.outline  # bookmarks


def test_concept_watermark_only_on_concept_content(make):
    budget, _ = make("budget")
    assert all("CONCEPT" in page for page in text_of(budget))
    themes, _ = make("themes")
    assert not any("CONCEPT" in page for page in text_of(themes))
    portfolio, _ = make("portfolio")
    assert not any("CONCEPT" in page for page in text_of(portfolio))


def test_hostile_meeting_title_prints_literally(database, tmp_path):
    result = generate_report(ReportRequest(kind="annex", output=tmp_path / "a.pdf", meeting=HOSTILE,
                                           date="2022-06-20", items=("portfolio",), database=database))
    texts = text_of(result.path)
    assert HOSTILE in texts[0]
    assert all(HOSTILE in page for page in texts)  # running header


def test_data_version_in_footer(make, database):
    from velsen_desk.storage.database import inspect_database

    path, _ = make("themes")
    assert inspect_database(database).data_version in text_of(path)[0]


def test_runs_in_worker_threads(database, tmp_path):
    results, errors = [], []

    def work(kind: str) -> None:
        try:
            results.append(generate_report(ReportRequest(kind=kind, output=tmp_path / f"{kind}.pdf",
                                                         database=database)))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in ("themes", "budget", "timeline")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 3


# ---- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"kind": "regie", "person": "Piet Puk"}, "Marianne Steijn"),
        ({"kind": "regie"}, "collegelid"),
        ({"kind": "annex", "meeting": "Raad", "date": "20-06-2022"}, "JJJJ-MM-DD"),
        ({"kind": "annex", "meeting": "Raad", "date": "2022-02-30"}, "Ongeldige datum"),
        ({"kind": "annex", "meeting": "Raad", "date": "2022-06-20", "items": ("themes", "kaart")}, "kaart"),
        ({"kind": "annex", "date": "2022-06-20"}, "--meeting"),
        ({"kind": "budget", "programme": "heemskerk-2018"}, "geen actieplan"),
        ({"kind": "timeline", "programme": "heemskerk-2018"}, "geen actieplan"),
        ({"kind": "themes", "programme": "onbekend-2030"}, "Onbekend programma"),
        ({"kind": "kaart"}, "Onbekend soort rapport"),
    ],
)
def test_report_errors_are_dutch(database, tmp_path, kw, message):
    with pytest.raises(ReportError, match=re.escape(message)):
        generate_report(ReportRequest(output=tmp_path / "x.pdf", database=database, **kw))
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_output(database, tmp_path):
    with pytest.raises(ReportError, match="bestaat niet"):
        generate_report(ReportRequest(kind="themes", output=tmp_path / "nope" / "x.pdf", database=database))
    with pytest.raises(ReportError, match="map"):
        generate_report(ReportRequest(kind="themes", output=tmp_path, database=database))


def test_concept_watermark_follows_the_concept_content(make):
    path, _ = make("regie", person="Bram Diepstraten")
    texts = text_of(path)
    for page in texts:
        has_actions = "Gekoppelde acties uit het Actieplan" in page or "Totaal gekoppelde acties" in page
        assert ("CONCEPT" in page) == has_actions
