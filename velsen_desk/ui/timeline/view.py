"""Tab "Tijdlijn": a Gantt chart of the Actieplan's actions, with a legend and the actions
whose planning is unknown or recurring listed beside it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from velsen_desk.core.records import ProgrammeData
from velsen_desk.core.timeline import TimelineLayout, build_layout
from velsen_desk.core.wording import PLANNING_CAVEAT
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.chart_holder import ChartHolder
from velsen_desk.ui.widgets.detail_pane import DetailPane
from velsen_desk.ui.widgets.programme_tab import ProgrammeTab
from velsen_desk.ui.widgets.style import SERIES, esc, html_css

if TYPE_CHECKING:
    from velsen_desk.ui.timeline.chart import GanttChart


class TimelineTab(ProgrammeTab):
    def __init__(self, state: ViewState, today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.today = today or dt.date.today()
        self.layout_data: TimelineLayout | None = None

        self.side = DetailPane(
            state, self.tr("Legenda en lijsten"),
            self.tr("Legenda van de tijdlijn en de acties met onbekende of terugkerende planning."), self,
        )
        self.side.setMinimumWidth(250)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart_holder = ChartHolder(self._gantt_chart, self.splitter)
        self.chart_holder.sig_chart_created.connect(self._redraw)
        self.splitter.addWidget(self.chart_holder)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([740, 260])
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


    # ---- Public API

    def set_today(self, today: dt.date) -> None:
        self.today = today
        if self._state.data is not None and self.up_to_date:
            self.draw(self._state.data)

    def side_text(self) -> str:
        self.ensure_drawn()
        return self.side.toPlainText()

    @property
    def chart(self) -> GanttChart | None:
        """The Gantt chart, or None until pyqtgraph is loaded and the tab was shown."""
        return cast("GanttChart | None", self.chart_holder.chart)  # made by _gantt_chart

    # ---- Private

    def _texts(self) -> dict[str, str]:
        return {
            "today": self.tr("vandaag"),
            "unknown_row": self.tr("planning onbekend: {0}"),
            "none": self.tr("de bron noemt geen planning"),
            "tooltip": self.tr("Actie {number}: {title}\nTrekker: {trekker}\nPlanning (zoals geschreven): {planning}"),
            "running": self.tr("Lopende tekst: {0}"),
        }

    def _gantt_chart(self, parent: QWidget) -> QWidget:
        from velsen_desk.ui.timeline.chart import GanttChart  # pyqtgraph: only once ChartHolder says it is loaded

        chart = GanttChart(self._texts(), parent)
        chart.sig_action_clicked.connect(self._state.sig_action_requested)
        return chart

    def draw(self, data: ProgrammeData) -> None:
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
        self._redraw()

    def show_person(self) -> None:
        self._redraw()

    def _redraw(self, *_args: object) -> None:
        layout = self.layout_data
        data = self._state.data
        if layout is None or data is None or not self.up_to_date:
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
            mine = self.tr("dikke rand: gekoppeld aan een thema met mijn regie (of de bron die koppeling legt, "
                           "staat bij de actie)")
            out.append(f"<br>▭ {esc(mine)}")
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
        conflicting = layout.conflicting_actions()
        if conflicting:
            out.append(f"<h3>{PLANNING_CAVEAT} {esc(self.tr('Planning niet zeker'))}</h3>")
            follows = self.tr("De balk volgt de tabel; de lopende tekst van het Actieplan zegt iets anders.")
            out.append(f"<p class='muted'>{esc(follows)}</p><ul>")
            out.extend(
                f'<li><a href="action:{esc(a.id)}">{esc(self.tr("Actie {0}").format(a.number))}</a>: {esc(a.title)}'
                f'<br><span class="muted">{esc(self.tr("lopende tekst"))}: '
                f'„{esc(a.planning_running or "")}”</span></li>'
                for a in conflicting
            )
            out.append("</ul>")
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
