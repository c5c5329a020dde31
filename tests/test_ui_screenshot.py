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
