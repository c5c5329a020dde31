"""Tab "Tijdlijn": a Gantt chart of the Actieplan's actions, with a legend and the actions
whose planning is unknown or recurring listed beside it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from velsen_desk.records import ProgrammeData
from velsen_desk.ui.detailpane import DetailPane
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.style import SERIES, esc, html_css
from velsen_desk.ui.timeline.layout import TimelineLayout, build_layout


class TimelineTab(QWidget):
    def __init__(self, state: ViewState, today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self.today = today or dt.date.today()
        self.chart = None  # created on first show (pyqtgraph is imported lazily)
        self.layout_data: TimelineLayout | None = None

        self.side = DetailPane(
            state, self.tr("Legenda en lijsten"),
            self.tr("Legenda van de tijdlijn en de acties met onbekende of terugkerende planning."), self,
        )
        self.side.setMinimumWidth(250)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.side)
        self.splitter.setChildrenCollapsible(False)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        state.sig_programme_loaded.connect(self._on_data)
        state.sig_person_changed.connect(self._redraw)

    # ---- Public API

    def set_today(self, today: dt.date) -> None:
        self.today = today
        if self._state.data is not None:
            self._on_data(self._state.data)

    def side_text(self) -> str:
        return self.side.toPlainText()

    # ---- Qt

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None and self.layout_data is not None:
            self._create_chart()

    # ---- Private

    def _texts(self) -> dict[str, str]:
        return {
            "today": self.tr("vandaag"),
            "unknown_row": self.tr("planning onbekend: {0}"),
            "none": self.tr("de bron noemt geen planning"),
            "tooltip": self.tr("Actie {number}: {title}\nTrekker: {trekker}\nPlanning (zoals geschreven): {planning}"),
        }

    def _create_chart(self) -> None:
        from velsen_desk.ui.timeline.chart import GanttChart  # lazy: pyqtgraph + numpy

        self.chart = GanttChart(self._texts(), self.splitter)
        self.chart.sig_action_clicked.connect(self._state.sig_action_requested)
        self.splitter.insertWidget(0, self.chart)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        total = max(self.splitter.width(), 800)
        self.splitter.setSizes([int(total * 0.74), int(total * 0.26)])
        self._redraw()

    def _on_data(self, data: ProgrammeData) -> None:
        if not data.plans:
            self.layout_data = None
            self.empty.setText(
                self.tr("<h2>Geen tijdlijn</h2><p>Het programma “{0}” heeft geen Actieplan met een planning.</p>")
                .format(esc(data.programme.title))
            )
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        self.layout_data = build_layout(
            data.plans[0], self.today, self.tr("Planning onbekend"), self.tr("Zonder focusopgave")
        )
        if self.chart is None and self.isVisible():
            self._create_chart()
        self._redraw()

    def _redraw(self, *_args) -> None:
        layout = self.layout_data
        data = self._state.data
        if layout is None or data is None:
            return
        highlight = data.actions_of_person(self._state.person_id)
        if self.chart is not None:
            self.chart.show_layout(layout, highlight)
        self.side.setHtml(self._side_html(layout, highlight))

    def _side_html(self, layout: TimelineLayout, highlight: frozenset[str]) -> str:
        colours = {t: SERIES[i % len(SERIES)] for i, t in enumerate(layout.trekkers)}
        out = [html_css(), f"<h3>{esc(self.tr('Trekkers'))}</h3><p>"]
        out.extend(f'<span style="color:{c}">■</span> {esc(t)}<br>' for t, c in colours.items())
        out.append("</p>")
        out.append(f"<h3>{esc(self.tr('Precisie'))}</h3><p>")
        out.append(f"■ {esc(self.tr('kwartaal of halfjaar (vol)'))}<br>")
        out.append(f"▨ {esc(self.tr('jaar of schooljaar (gearceerd, minder precies)'))}<br>")
        out.append(f"→ {esc(self.tr('open einde (vervaagt)'))}<br>")
        out.append(f"◆ {esc(self.tr('terugkerend (jaren niet genoemd)'))}<br>")
        out.append(f'<span style="color:#d62728">┆</span> {esc(self.tr("vandaag"))}')
        if highlight:
            out.append(f"<br>▭ {esc(self.tr('dikke rand: mijn regie'))}")
        out.append("</p>")
        unknown = layout.unknown_actions()
        out.append(f"<h3>{esc(self.tr('Planning onbekend'))}</h3>")
        if unknown:
            out.append("<ul>")
            out.extend(
                f'<li><a href="action:{esc(a.id)}">{esc(self.tr("Actie {0}").format(a.number))}</a>: {esc(a.title)}'
                f'<br><span class="muted">{esc(a.planning_text or "")}</span></li>'
                for a in unknown
            )
            out.append("</ul>")
        else:
            out.append(f"<p class='muted'>{esc(self.tr('Geen.'))}</p>")
        recurring = layout.recurring_actions()
        if recurring:
            out.append(f"<h3>{esc(self.tr('Terugkerend'))}</h3><ul>")
            out.extend(
                f'<li><a href="action:{esc(a.id)}">{esc(self.tr("Actie {0}").format(a.number))}</a>: {esc(a.title)}'
                f' – {esc(a.planning_text or "")}</li>'
                for a in recurring
            )
            out.append("</ul>")
        return "".join(out)
