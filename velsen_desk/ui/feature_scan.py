"""Spare PySide6 reading the source of modules that were loaded before it.

Once loaded, PySide6 checks every module an import statement names for the first time, the
standard library's included: it reads the module's whole source (``inspect.getsource``) to see
whether it mentions PySide6, to decide whether its ``__feature__`` switches (``snake_case``,
``true_property``) apply there. That was ~90 modules and ~8 ms of CPU before the first paint.
A module loaded before PySide6 cannot have asked for those switches, and this program asks for
none, so every module already loaded is entered in PySide6's table as one the switches ignore,
as the check itself does for a module without PySide6 in its source. The window's own modules,
imported after PySide6, are still checked. Without the table (another PySide6), nothing happens.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  # loads PySide6's feature module and its table


def skip_scan_of_loaded_modules() -> None:
    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in list(sys.modules):
        table.setdefault(name, -1)  # -1: "ignore this module" in PySide6's feature switching
