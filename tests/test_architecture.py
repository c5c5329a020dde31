"""The folder names are the layers, and the import contract in pyproject.toml guards them.

A contract written against packages covers every module added to them, but a new root module
or a new top-level package would escape it: these tests make that a failure.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import velsen_desk

PACKAGE = Path(velsen_desk.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"


def _layer_packages() -> set[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    contracts = [c for c in config["contracts"] if c["type"] == "layers"]
    assert len(contracts) == 1, "one layers contract guards the package"
    names = set()
    for layer in contracts[0]["layers"]:
        names.update(part.strip().removeprefix("velsen_desk.") for part in layer.split("|"))
    return names


def test_every_top_level_package_is_a_layer_of_the_contract():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages == _layer_packages()


def test_the_package_root_holds_no_modules_outside_the_layers():
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules == {"__init__.py", "__main__.py"}


def test_nothing_qt_free_lives_under_ui():
    """Every module under ui/ imports Qt (directly or through a ui module); Qt-free code belongs below."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name == "__init__.py" and "import" not in text:
            continue
        if "PySide6" not in text and "velsen_desk.ui" not in text and "pyqtgraph" not in text:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
