"""``velsen-desk screenshot`` writes a PNG per tab and explains bad input in Dutch."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from velsen_desk.cli.main import main


@pytest.mark.parametrize("tab", ["themes", "portfolio", "budget", "timeline"])
def test_screenshot_writes_a_png_for_each_tab(isolated_home_module, qapp, tab, tmp_path):
    output = tmp_path / f"{tab}.png"
    assert main(["screenshot", "--tab", tab, "--person", "Marianne Steijn", "--size", "1280x720",
                 "-o", str(output)]) == 0
    image = QImage(str(output))
    assert (image.width(), image.height()) == (1280, 720)


def test_screenshot_of_heemskerk(isolated_home_module, qapp, tmp_path):
    output = tmp_path / "heemskerk.png"
    assert main(["screenshot", "--tab", "portfolio", "--programme", "heemskerk-2018", "-o", str(output)]) == 0
    assert output.stat().st_size > 1000


def test_unknown_person_lists_the_valid_ones(isolated_home_module, qapp, tmp_path, capsys):
    assert main(["screenshot", "--person", "Jan Jansen", "-o", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert "Onbekend collegelid" in err and "Marianne Steijn" in err and "Traceback" not in err


def test_unknown_programme_lists_the_valid_ones(isolated_home_module, qapp, tmp_path, capsys):
    assert main(["screenshot", "--programme", "haarlem", "-o", str(tmp_path / "x.png")]) == 1
    err = capsys.readouterr().err
    assert "Onbekend programma" in err and "heemskerk-2018" in err


def test_screenshot_waits_for_the_chart_of_a_lazy_tab(isolated_home_module, qapp, tmp_path):
    """The tabs sit in lazy pages: the picture shows the chart, not "Grafiek wordt geladen…"."""
    from PySide6.QtGui import QColor

    from velsen_desk.ui.widgets.style import SERIES

    output = tmp_path / "budget-chart.png"
    assert main(["screenshot", "--tab", "budget", "--size", "1280x720", "-o", str(output)]) == 0
    image = QImage(str(output))
    bar = QColor(SERIES[0]).rgb()
    bar_pixels = sum(1 for x in range(0, 1280, 2) for y in range(0, 720, 2) if image.pixel(x, y) == bar)
    assert bar_pixels > 200  # the cost bars are drawn


def _menus_when_grabbed(monkeypatch) -> list[list[str]]:
    """The menu bar's titles of each window the screenshot grabs, read at the moment it is grabbed."""
    from velsen_desk.ui.main_window import MainWindow

    seen: list[list[str]] = []
    grab = MainWindow.grab

    def recording(self, *args):
        seen.append([a.text() for a in self.menuBar().actions()])
        return grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", recording)
    return seen


def test_screenshot_language_shows_the_english_window_without_touching_settings(
        isolated_home_module, qapp, tmp_path, monkeypatch, capsys):
    """``--language en``: the window in the picture is English for this picture only; the saved
    choice, the application's catalogue and the domain's messages stay Dutch afterwards."""
    from PySide6.QtCore import QCoreApplication

    from velsen_desk.core import i18n
    from velsen_desk.core.i18n import window_settings_file
    from velsen_desk.ui.language import window_locale

    seen = _menus_when_grabbed(monkeypatch)
    settings_before = window_settings_file().read_bytes() if window_settings_file().exists() else None
    output = tmp_path / "english.png"
    assert main(["screenshot", "--tab", "budget", "--size", "1280x720", "--language", "en", "-o", str(output)]) == 0
    assert QImage(str(output)).width() == 1280
    assert "Screenshot saved" in capsys.readouterr().out  # the command line speaks the language asked too
    assert main(["screenshot", "--tab", "budget", "--size", "1280x720", "-o", str(tmp_path / "dutch.png")]) == 0
    english, dutch = seen
    assert "&File" in english and "&Help" in english and "&Bestand" not in english, english
    assert "&Bestand" in dutch, dutch
    assert window_locale().code == "nl"
    assert QCoreApplication.translate("ChangesDialog", "Wat is er veranderd") == "Wat is er veranderd"
    assert i18n.language() == "nl"
    assert (window_settings_file().read_bytes() if window_settings_file().exists() else None) == settings_before


def test_screenshot_language_takes_nl_or_en_only(isolated_home_module, qapp, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["screenshot", "--language", "de", "-o", str(tmp_path / "x.png")])
    assert stop.value.code == 2
    assert "ongeldige keuze" in capsys.readouterr().err


def test_the_command_ends_in_one_dutch_sentence_without_qt_noise(isolated_home_module, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "velsen_desk", "screenshot", "-o", str(tmp_path / "s.png")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == f"Schermafbeelding opgeslagen: {tmp_path / 's.png'}\n"
