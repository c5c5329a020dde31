"""Columns sized to their contents without measuring every row on every change."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeView


def fit_column(view: QTreeView, column: int) -> None:
    """Size ``column`` to its rows and header now, and keep that width until called again.

    A ``ResizeToContents`` section measures every row again on each ``dataChanged``: the
    budget tab's highlight of a "Bekijk als" person emitted one per action and made ~7,000
    ``data()`` calls (~70 ms). Fixed and fitted once per draw or highlight, the column gets the
    same width, and the user cannot drag it either way."""
    view.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    view.resizeColumnToContents(column)
