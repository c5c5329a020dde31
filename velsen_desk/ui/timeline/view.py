"""Tab "Tijdlijn": a Gantt chart of the Actieplan's actions, with a legend and the actions
whose planning is unknown or recurring listed beside it."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.locales import Locale
from velsen_desk.core.plans import plan_index
from velsen_desk.core.progress import EXAMPLE_MARK, ProgressStatus, long_date, status_label
from velsen_desk.core.progress_records import ProgressData
from velsen_desk.core.records import ActionInfo, ActionPlanInfo, ProgrammeData
from velsen_desk.core.task_state import TaskState
from velsen_desk.core.timeline import TimelineLayout, build_layout
from velsen_desk.core.wording import PLANNING_CAVEAT
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.progress.marks import STATUS_COLOURS
from velsen_desk.ui.shared_progress import read_progress
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.after_paint import after_paints
from velsen_desk.ui.widgets.chart_holder import ChartHolder
from velsen_desk.ui.widgets.chart_library import chart_library, short_switch_interval
from velsen_desk.ui.widgets.detail_pane import DetailPane
from velsen_desk.ui.widgets.piecewise_html import Bullets, Piece, PiecewiseFill, whole_html
from velsen_desk.ui.widgets.programme_tab import ProgrammeTab
from velsen_desk.ui.widgets.style import SERIES, esc, html_css

if TYPE_CHECKING:
    from velsen_desk.ui.timeline.chart import GanttChart


LAYOUT_IN_WORKER = 200  # actions; a smaller plan is laid out at once (a few ms), with no trip to a worker
CHART_WAITS = 3  # turns the side pane waits for the chart to be made (it is made in the next one)


def timeline_layout(plan: ActionPlanInfo, today: dt.date, unknown_label: str, loose_label: str,
                    progress: ProgressData | None, locale: Locale, _state: TaskState) -> TimelineLayout:
    """The plan's Gantt layout (worker thread; touches no widget): 2,000 actions took ~0.1–0.4 s."""
    with short_switch_interval():  # the GUI thread's callbacks get the interpreter lock sooner
        return build_layout(plan, today, unknown_label, loose_label, progress, locale)


class TimelineTab(ProgrammeTab):
    def __init__(self, state: ViewState, today: dt.date | None = None, parent: QWidget | None = None,
                 runner: OperationRunner | None = None):
        super().__init__(state, parent)
        self.today = today or dt.date.today()
        self.layout_data: TimelineLayout | None = None
        self._side_stale = False  # the side pane does not show layout_data yet (see _fill_side)
        self._side_shows: tuple[TimelineLayout, frozenset[str]] | None = None  # what it shows
        self._chart_waits = 0  # turns the side pane has waited for the chart to be made (see _chart_busy)
        self._runner = runner
        self.progress: ProgressData | None = None  # the shown programme's, once read
        self._progress_of: str | None = None  # the programme id ``progress`` belongs to
        self._layout_ticket = 0  # the latest layout asked for; an older one arriving later is dropped

        self.side = DetailPane(
            state, self.tr("Legenda en lijsten"),
            self.tr("Legenda van de tijdlijn en de acties met onbekende of terugkerende planning."), self,
        )
        self.side.setMinimumWidth(250)
        # Its long lists over several turns, after the chart's rows (they shared turns of ~40 ms).
        self._side_fill = PiecewiseFill(self.side, wait=self._chart_rows_pending)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart_holder = ChartHolder(self._gantt_chart, self.splitter)
        self.chart_holder.sig_chart_created.connect(self._redraw)
        self.splitter.addWidget(self.chart_holder)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([740, 260])
        self.splitter.setChildrenCollapsible(False)
        self.plan_box = QComboBox(self)
        self.plan_box.setAccessibleName(self.tr("Actieplan"))
        self.plan_box.setToolTip(self.tr("Het Actieplan waarvan de tijdlijn getoond wordt."))
        self.plan_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.plan_box.currentIndexChanged.connect(self._on_plan_chosen)
        plan_label = QLabel(self.tr("Actiepla&n:"), self)
        plan_label.setBuddy(self.plan_box)
        self.plan_bar = QWidget(self)
        bar = QHBoxLayout(self.plan_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(plan_label)
        bar.addWidget(self.plan_box)
        bar.addStretch(1)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.plan_bar)
        content_layout.addWidget(self.splitter, 1)
        self.plan_id: str | None = None  # the plan shown; kept by id, so a sync that adds plans keeps it
        self._plans: dict[str, str] = {}  # plan id per item id: an action link selects its plan
        self._plans_of: ProgrammeData | None = None  # the data _plans was made from
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        state.sig_action_requested.connect(self.show_plan_of)
        state.sig_item_requested.connect(lambda _kind, item_id: self.show_plan_of(item_id))


    # ---- Public API

    def set_today(self, today: dt.date) -> None:
        self.today = today
        if self._state.data is not None and self.up_to_date:
            self.draw(self._state.data)

    def show_progress(self, data: ProgrammeData, progress: ProgressData) -> None:
        """Put ``progress`` (the worker's result; tests call it directly) on the bars."""
        self.progress = progress
        self._progress_of = data.programme.id
        plan_id = self.plan_id
        if self._state.data is data and plan_id is not None and any(plan.id == plan_id for plan in data.plans):
            self._show_plan(data, plan_id)

    def keyboard_home(self) -> QWidget:
        return self.plan_box  # the chart takes no keys; the plan choice is the first thing to use

    def side_text(self) -> str:
        self.ensure_drawn()
        self._fill_side(even_hidden=True)
        self._side_fill.finish()
        return self.side.toPlainText()

    def show_plan_of(self, item_id: str) -> bool:
        """Show the plan that holds ``item_id`` (an action, focusopgave or plan); False when no
        plan holds it."""
        data = self._state.data
        if data is None:
            return False
        if self._plans_of is not data:
            self._plans, self._plans_of = plan_index(data.plans), data
        plan_id = self._plans.get(item_id)
        if plan_id is None:
            return False
        if self.up_to_date:
            self.select_plan(plan_id)
        else:
            self.plan_id = plan_id  # a hidden tab draws it when it catches up (draw keeps it)
        return True

    def select_plan(self, plan_id: str) -> None:
        self.ensure_drawn()
        row = self.plan_box.findData(plan_id)
        if row >= 0:
            self.plan_box.setCurrentIndex(row)  # _on_plan_chosen draws it

    @property
    def chart(self) -> GanttChart | None:
        """The Gantt chart, or None until pyqtgraph is loaded and the tab was shown."""
        return cast("GanttChart | None", self.chart_holder.chart)  # made by _gantt_chart

    # ---- Private

    def _texts(self) -> dict[str, str]:
        return {
            "today": self.tr("vandaag"),
            "unknown_row": self.tr("planning onbekend: {0}"),
            "recurring_row": self.tr("terugkerend, jaren niet genoemd: {0}"),
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
        kept = next((p.id for p in data.plans if p.id == self.plan_id), data.plans[0].id)
        blocker = QSignalBlocker(self.plan_box)
        self.plan_box.clear()
        for plan in data.plans:
            self.plan_box.addItem(plan.title, plan.id)
        self.plan_box.setCurrentIndex(self.plan_box.findData(kept))
        del blocker
        self.plan_bar.setVisible(len(data.plans) > 1)  # one plan needs no choice
        # The plan first: a progress read already made for this programme (another tab's) is
        # handed over at once, and shows the plan chosen then (it showed the previous
        # programme's plan id, which this programme does not have).
        self.plan_id = kept
        if self._progress_of != data.programme.id:
            self.progress = None
            self._read_progress(data)
            if self._progress_of == data.programme.id:
                return  # handed over at once: show_progress laid the plan out with it
        self._show_plan(data, kept)

    def _read_progress(self, data: ProgrammeData) -> None:
        runner = self._runner
        if runner is None or runner.database is None:
            return  # without a database (tests) ``show_progress`` puts it there
        read_progress(runner, data.programme.id, lambda progress: self._on_progress_read(data, progress))

    def _on_progress_read(self, data: ProgrammeData, progress: ProgressData) -> None:
        if self._state.data is data:  # a newer programme reads its own
            self.show_progress(data, progress)

    def _on_plan_chosen(self, row: int) -> None:
        plan_id = self.plan_box.itemData(row)
        data = self._state.data
        if isinstance(plan_id, str) and data is not None and plan_id != self.plan_id:
            self._show_plan(data, plan_id)

    def _show_plan(self, data: ProgrammeData, plan_id: str) -> None:
        plan = next(p for p in data.plans if p.id == plan_id)
        self.plan_id = plan.id
        progress = self.progress if self._progress_of == data.programme.id else None
        work = partial(timeline_layout, plan, self.today, self.tr("Planning onbekend"), self.tr("Zonder focusopgave"),
                       progress, window_locale())
        self._layout_ticket += 1
        ticket = self._layout_ticket
        runner = self._runner
        if runner is None or len(plan.actions) < LAYOUT_IN_WORKER:
            self._show_layout(data, ticket, work(TaskState()))
            return
        runner.start(Operation(work, success=lambda layout: self._show_layout(data, ticket, layout),
                               key="timeline-layout", long_lived=True))

    def _show_layout(self, data: ProgrammeData, ticket: int, layout: TimelineLayout) -> None:
        if ticket != self._layout_ticket or self._state.data is not data:
            return  # another plan, day or programme was asked for since
        self.layout_data = layout
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
        # The side pane in a turn of its own after the chart's, and only once it is seen: at
        # 2,000 actions its lists (hundreds of actions with an unknown planning) took ~60 ms of
        # setHtml, also for a hidden tab after every programme switch and "Bekijk als".
        # (the chart made later redraws with the same layout: the pane stays as it is)
        self._side_stale = self._side_shows != (layout, highlight)
        if self._side_stale:
            self._side_fill.cancel()  # the lists of an older layout, programme or person stop growing
        if self._side_stale and self.isVisible():
            after_paints(self, self._fill_side)

    def _fill_side(self, even_hidden: bool = False) -> None:
        layout, data = self.layout_data, self._state.data
        if not self._side_stale or layout is None or data is None or not (even_hidden or self.isVisible()):
            return
        if not even_hidden and self._chart_busy(layout):
            after_paints(self, self._fill_side)  # after the chart's turns: they shared one ~150 ms turn
            return
        self._side_stale = False
        highlight = data.actions_of_person(self._state.person_id)
        self._side_shows = (layout, highlight)
        # The legend and the first list items now, the rest of the long lists in later turns:
        # at 2,000 actions one setHtml of it all took 25–40 ms of a turn.
        self._side_fill.set(html_css(), self._side_pieces(layout, highlight))

    def _chart_busy(self, layout: TimelineLayout) -> bool:
        """Whether the chart is still being made or given ``layout``'s rows. On the tab's first
        showing the chart is made in the same turn as the pane's first part (~15–25 ms each)."""
        chart = self.chart
        if chart is None:  # made in this turn if pyqtgraph is loaded; an import still running is not waited for
            # A chart that is not made after all (its making failed) must not hold the lists back.
            self._chart_waits += 1
            return self._chart_waits <= CHART_WAITS and chart_library().loaded and self.chart_holder.isVisible()
        return chart.layout_data is not layout or chart.rows_pending

    def _chart_rows_pending(self) -> bool:
        chart = self.chart
        return chart is not None and chart.rows_pending

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # draws a programme not drawn yet
        if self._side_stale:
            after_paints(self, self._fill_side)

    def _progress_pieces(self, layout: TimelineLayout) -> list[Piece]:
        """The legend of the status on the bars and the late actions, or why there are none."""
        progress = self.progress
        if progress is None or self.plan_id is None:
            return []
        heading = self.tr("Voortgang")
        out = [f"<h3>{esc(heading)}</h3>"]
        if progress.is_example:
            out.append(f"<p style='color:#b00020'><b>{esc(window_locale()._(EXAMPLE_MARK))}</b></p>")
        reports = progress.reports_of(self.plan_id, self.today)
        if not reports:
            none_yet = self.tr("Nog geen voortgangsrapportage ontvangen: de balken tonen geen status.")
            out.append(f"<p class='muted'>{esc(none_yet)}</p>")
            return ["".join(out)]
        latest = reports[-1]
        legend = self.tr("Achter elke balk de laatste status (peildatum {0}); in rood: te laat.")
        locale = window_locale()
        out.append(f"<p>{esc(legend.format(long_date(latest.date, locale)))}<br>")
        out.extend(f'<span style="background-color:{STATUS_COLOURS[s]}; color:#000000">'
                   f'&nbsp;{esc(status_label(s, locale))}&nbsp;</span> ' for s in ProgressStatus)
        out.append(f"<i>{esc(status_label(None, locale))}</i></p>")
        late = layout.late_actions()
        late_heading = self.tr("Te laat")
        out.append(f"<h3>{esc(late_heading)}</h3>")
        pieces: list[Piece] = []
        if late:
            pieces += ["".join(out), Bullets(tuple(
                self._action_item(a) for a in late))]
        else:
            out.append(f"<p class='muted'>{esc(self.tr('Geen.'))}</p>")
            pieces.append("".join(out))
        passed = layout.passed_unreported_actions()
        if passed:
            passed_heading = self.tr("Einde planning verstreken, geen rapportage")
            pieces += [f"<h3>{esc(passed_heading)}</h3>", Bullets(tuple(
                self._action_item(a) for a in passed))]
        return pieces

    def _action_item(self, action: ActionInfo) -> str:
        """An action in the pane's lists: its number as a link (to the Begroting), and its title."""
        number = esc(self.tr("Actie {0}").format(action.number))
        return f'<a href="action:{esc(action.id)}">{number}</a>: {esc(action.title)}'

    def _side_html(self, layout: TimelineLayout, highlight: frozenset[str]) -> str:
        """The side pane's text in one string (what the pane shows once its fill is done)."""
        return whole_html(html_css(), self._side_pieces(layout, highlight))

    def _side_pieces(self, layout: TimelineLayout, highlight: frozenset[str]) -> list[Piece]:
        """The legend, then the lists of actions: long lists (hundreds of actions with an unknown
        planning at 2,000 actions) as :class:`Bullets`, filled over several turns."""
        colours = {t: SERIES[i % len(SERIES)] for i, t in enumerate(layout.trekkers)}
        out = [f"<h3>{esc(self.tr('Trekkers'))}</h3><p>"]
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
        pieces: list[Piece] = ["".join(out), *self._progress_pieces(layout)]
        unknown = layout.unknown_actions()
        heading = f"<h3>{esc(self.tr('Planning onbekend'))}</h3>"
        if unknown:
            pieces += [heading, Bullets(tuple(
                self._action_item(a) + f'<br><span class="muted">{esc(a.planning_text or "")}</span>'
                for a in unknown))]
        else:
            pieces.append(f"{heading}<p class='muted'>{esc(self.tr('Geen.'))}</p>")
        conflicting = layout.conflicting_actions()
        if conflicting:
            follows = self.tr("De balk volgt de tabel; de lopende tekst van het Actieplan zegt iets anders.")
            pieces += [f"<h3>{PLANNING_CAVEAT} {esc(self.tr('Planning niet zeker'))}</h3>"
                       f"<p class='muted'>{esc(follows)}</p>", Bullets(tuple(
                           self._action_item(a) + f'<br><span class="muted">{esc(self.tr("lopende tekst"))}: '
                           f'„{esc(a.planning_running or "")}”</span>'
                           for a in conflicting))]
        recurring = layout.recurring_actions()
        if recurring:
            pieces += [f"<h3>{esc(self.tr('Terugkerend'))}</h3>", Bullets(tuple(
                self._action_item(a) + f' – {esc(a.planning_text or "")}'
                for a in recurring))]
        return pieces
