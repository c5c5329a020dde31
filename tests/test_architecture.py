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


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside a function."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_qt_free_lives_under_ui():
    """Every module under ui/ uses Qt (PySide6, pyqtgraph, or another ui module); Qt-free code belongs below."""
    offenders = []
    for path in (PACKAGE / "ui").rglob("*.py"):
        if path.name == "__init__.py":
            continue
        if not any(name.split(".")[0] in ("PySide6", "pyqtgraph") or name.startswith("velsen_desk.ui.")
                   for name in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
