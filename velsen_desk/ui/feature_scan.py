"""Spare PySide6 reading the source of modules whose answer is known in advance.

Once loaded, PySide6 checks every module an import statement names for the first time, the
standard library's included: it reads the module's whole source (``inspect.getsource``) to see
whether it mentions PySide6, to decide whether its ``__feature__`` switches (``snake_case``,
``true_property``) apply there. That was ~90 modules and ~8 ms of CPU before the first paint.
A module loaded before PySide6 cannot have asked for those switches, and this program asks for
none, so every module already loaded is entered in PySide6's table as one the switches ignore,
as the check itself does for a module without PySide6 in its source.

The window's own modules (this package) are imported after PySide6, ~35 of them before the first
paint (~3.5 ms of reading). They are entered too, before they are imported, as modules that use
PySide6 without switches: the answer the check gives for them. A module entered as "ignore"
(-1) and one entered as "no switches" (0) behave alike here, since nothing selects a switch:
PySide6 then keeps the selection it has, which is none. Modules that are not files (a frozen
build) are not listed and are checked as before, which costs nothing there (no source to read).
Without the table (another PySide6), nothing happens.
"""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  # loads PySide6's feature module and its table

IGNORE = -1  # PySide6's "ignore this module in feature switching"
NO_SWITCHES = 0  # PySide6's "uses PySide6, no feature selected"


def _table() -> dict[str, int] | None:
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def skip_scan_of_loaded_modules() -> None:
    table = _table()
    if table is None:
        return
    for name in list(sys.modules):
        table.setdefault(name, IGNORE)


def window_module_names(package: str = __package__ or "velsen_desk.ui") -> list[str]:
    """The dotted names of the Python files under ``package`` (its folder on disk; none when the
    modules are not files)."""
    root = os.path.dirname(__file__)
    names: list[str] = []
    pending = [(root, package)]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir() and not entry.name.startswith(("_", ".")):
                pending.append((entry.path, f"{prefix}.{entry.name}"))
            elif entry.name.endswith(".py"):
                stem = entry.name[:-3]
                names.append(prefix if stem == "__init__" else f"{prefix}.{stem}")
    return names


def skip_scan_of_window_modules() -> None:
    table = _table()
    if table is None:
        return
    for name in window_module_names():
        table.setdefault(name, NO_SWITCHES)
