"""The status bar's line about the open data: its version, where it came from and the dates of
the source documents (the full list in the tooltip)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.records import ProgrammeData
from velsen_desk.ui.widgets.style import escaped_rich_text


class DataStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # document titles and dates come from the data
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Geopende gegevens"))

    def show_data(self, data: ProgrammeData, data_version: str | None, origin: str) -> None:
        version = data_version or self.tr("onbekend")
        dated: list[tuple[str, str]] = []
        for d in sorted(data.documents, key=lambda d: (d.date or dt.date.max, d.title)):
            when = format_long_date(d.date) if d.date else d.date_text
            if when:
                status = f" ({d.status_text or d.status})" if d.status else ""
                dated.append((d.title, f"{when}{status}"))
        short = "; ".join(when for _title, when in dated) or self.tr("datum onbekend")
        self.setText(self.tr("Gegevensversie {0} · bron: {1} · documenten: {2}").format(version[:12], origin, short))
        self.setToolTip(escaped_rich_text("\n".join(f"{title}: {when}" for title, when in dated)))
