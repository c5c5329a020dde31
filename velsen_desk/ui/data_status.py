"""The status bar's line about the open data, in a raadslid's words: whose data it is and of
when ("Gegevens van 1 december 2026, gepubliceerd door de griffie"), and the dates of the source
documents. The technical identity (the data version, a content hash, and the shared folder it
came from) is in the tooltip, for the griffie and for a support question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.records import ProgrammeData
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.widgets.style import escaped_rich_text


def _local_date(stamp: str | None) -> dt.date | None:
    if not stamp:
        return None
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().date()
    except ValueError:  # origin.json is only a hint; a damaged date is left out
        return None


class DataStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # document titles and dates come from the data
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Geopende gegevens"))

    def shown_text(self) -> str:
        """The text as it fits the label: cut with "…" where the status bar's buttons leave too
        little room (the full line is in the accessible text and the tooltip lists every date)."""
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        # A QLabel cuts a line too long for it mid-word without a sign ("ter consultat").
        if not self.text():
            # Nothing to draw: the status line is set after the first paint, which so does
            # without QStyle's Python class (creating its large enum classes took ~8 ms).
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), self.foregroundRole())

    def origin_text(self, origin: Mapping[str, str]) -> str:
        """Where the open data came from, in words (``origin`` as in origin.json)."""
        if origin.get("rolled_back_at"):
            when = _local_date(origin.get("rolled_back_at"))
            if when is None:
                return self.tr("Vorige versie van de gegevens, teruggezet")
            return self.tr("Vorige versie van de gegevens, teruggezet op {0}").format(
                format_long_date(when, window_locale()))
        if origin.get("origin", "ingebouwd") == "ingebouwd":
            return self.tr("Gegevens meegeleverd met Velsen Desk")
        published = _local_date(origin.get("published_at"))
        by = origin.get("published_by") or self.tr("de griffie")
        if published is None:
            return self.tr("Gegevens gepubliceerd door {0}").format(by)
        return self.tr("Gegevens van {0}, gepubliceerd door {1}").format(
            format_long_date(published, window_locale()), by)

    def show_data(self, data: ProgrammeData, data_version: str | None, origin: Mapping[str, str]) -> None:
        dated: list[tuple[str, str]] = []
        for d in sorted(data.documents, key=lambda d: (d.date or dt.date.max, d.title)):
            when = format_long_date(d.date, window_locale()) if d.date else d.date_text
            if when:
                status = f" ({d.status_text or d.status})" if d.status else ""
                dated.append((d.title, f"{when}{status}"))
        short = "; ".join(when for _title, when in dated) or self.tr("datum onbekend")
        self.setText(self.tr("{0} · brondocumenten van {1}").format(self.origin_text(origin), short))
        where = origin.get("origin", "ingebouwd")
        technical = [
            self.tr("Gegevensversie (voor de griffie): {0}").format(data_version or self.tr("onbekend")),
            self.tr("Opgehaald uit: {0}").format(where) if where != "ingebouwd" else self.tr("Meegeleverd"),
        ]
        lines = [f"{title}: {when}" for title, when in dated] + ["", *technical]
        self.setToolTip(escaped_rich_text("\n".join(lines)))
