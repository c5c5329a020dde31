"""The theme detail shows a target's measurements as a small chart, with the target value and
year as reference lines, and the values in words (issue 12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import open_window
from progress_fixtures import PROGRESS_YAML, write_progress
from PySide6.QtGui import QColor

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.progress_records import MeasurementInfo
from velsen_desk.core.records import TargetInfo
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress
from velsen_desk.storage.reader import catalog, programme_data
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.themes.detail import measurement_url
from velsen_desk.ui.themes.measure_chart import TARGET, measurement_image
from velsen_desk.ui.themes.view import ThemesTab

POINT = "velsen-2022.uitvoeringsprogramma.hoofdstuk-1.focus-07"
MORE = """\
  - id: synth.m0
    focus_point: velsen-2022.uitvoeringsprogramma.hoofdstuk-1.focus-07
    value: 9
    unit: "%"
    year: 2023
    measured_by: Synthetische monitor 2023
    example: true
evaluations:"""


@pytest.fixture(scope="module")
def measured_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("theme-measurements")
    text = PROGRESS_YAML.replace("evaluations:", MORE, 1)
    return build_database(load_dataset([bundled_data_dir(), write_progress(folder / "x", text)]),
                          folder / "x.sqlite").path


@pytest.fixture(scope="module")
def loaded(measured_db: Path):
    database = ReadOnlyDatabase(measured_db)
    return (database.read(programme_data, database.read(catalog).programme("velsen-2022")),
            database.read(read_progress, "velsen-2022"))


def _tab(qtbot, loaded) -> ThemesTab:
    data, progress = loaded
    state = ViewState(None, dt.date(2026, 12, 1))
    tab = ThemesTab(state)
    qtbot.addWidget(tab)
    state.set_programme(data, None)
    tab.show()
    tab.ensure_drawn()
    tab.show_progress(data, progress)
    return tab


def test_the_focus_point_detail_shows_its_measurements_as_chart_and_words(qtbot, loaded):
    tab = _tab(qtbot, loaded)
    assert tab.select_item("focuspunt", POINT)
    html = tab.detail.toHtml()
    assert measurement_url(POINT, 0) in html
    text = tab.detail_text()
    assert "Metingen: 2023: 9 % (Synthetische monitor 2023); 2025: 7,5 % (Synthetische monitor 2025)" in text
    assert "VOORBEELD — fictieve gegevens" in text  # one of them is marked example
    image = tab._measurement_image(measurement_url(POINT, 0))
    assert image is not None and not image.isNull()
    assert tab._measurement_image(measurement_url(POINT, 1)) is None  # the point has one target


def test_the_window_reads_the_measurements_after_its_first_paint(qtbot, measured_db: Path, settings):
    """The themes tab reads them in a turn after the paint (not before it), and shows them."""
    win = open_window(qtbot, measured_db, settings)
    tab = win.themes_tab
    qtbot.waitUntil(lambda: bool(tab.measured), timeout=10000)
    assert tab.select_item("focuspunt", POINT)
    assert "Metingen: 2023: 9 % (Synthetische monitor 2023)" in tab.detail_text()
    win.runner.wait(5000)


def test_the_theme_detail_carries_the_chart_too(qtbot, loaded):
    tab = _tab(qtbot, loaded)
    assert tab.select_theme_number(1)
    assert measurement_url(POINT, 0) in tab.detail.toHtml()


def test_without_measurements_there_is_no_chart(qtbot, built_db: Path):
    database = ReadOnlyDatabase(built_db)
    data = database.read(programme_data, database.read(catalog).programme("velsen-2022"))
    tab = _tab(qtbot, (data, database.read(read_progress, "velsen-2022")))
    assert tab.select_item("focuspunt", POINT)
    assert "meting:" not in tab.detail.toHtml() and "Metingen" not in tab.detail_text()


def _has_colour(image, colour: QColor) -> bool:
    return any(QColor(image.pixel(x, y)).name() == colour.name()
               for x in range(image.width()) for y in range(image.height()))


def test_the_reference_lines_are_drawn_only_when_the_source_gives_them(qapp):
    points = [MeasurementInfo("m", POINT, 0, 7.5, "%", None, 2025, "x", None, False)]
    with_target = measurement_image(TargetInfo("t", 5, "%", 2026), points, QColor("black"), "doel 5 % in 2026")
    without = measurement_image(TargetInfo("t", None, None, None), points, QColor("black"), "")
    assert _has_colour(with_target, TARGET)
    assert not _has_colour(without, TARGET)
