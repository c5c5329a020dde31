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
