"""Tab "Voortgang": per plan, a stoplicht table grouped by focusopgave, exceptions first.

The progress records are read off the GUI thread (:func:`read_programme_progress`, once per
programme for every tab: :mod:`velsen_desk.ui.shared_progress`) each time a programme is drawn;
everything shown is derived by :mod:`velsen_desk.core.progress` through ``plan_overview``, the
same as the report and the command line. Without any report the tab says "Nog geen
voortgangsrapportage ontvangen" and shows, from the planning alone, whose planned end has passed;
it invents no status. "Bekijk als" filters to the person's regie actions.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QIcon, QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from velsen_desk.core.formatting import format_cost, format_sum
from velsen_desk.core.money import CostSum
from velsen_desk.core.progress import (
    EXAMPLE_MARK,
    STALE_TEXT,
    ActionProgress,
    ProgressStatus,
    Reporting,
    SpendSum,
    by_exception,
    late_label,
    long_date,
    spend_text,
    status_label,
    status_meaning,
)
from velsen_desk.core.progress_records import PlanOverview, ProgressData, plan_overview
from velsen_desk.core.records import ActionPlanInfo, ProgrammeData
from velsen_desk.core.spend_chart import MAX_CHART_ROWS, SpendRow, bar_length
from velsen_desk.core.task_state import TaskState
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.progress.marks import MARK, MAX_MARKS, history_pixmap, status_colour
from velsen_desk.ui.shared_progress import read_progress
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.after_paint import after_paints
from velsen_desk.ui.widgets.batched_expand import MAX_WAIT_MS, WAIT_MS, workers_busy
from velsen_desk.ui.widgets.chart_holder import ChartHolder
from velsen_desk.ui.widgets.chart_library import short_switch_interval
from velsen_desk.ui.widgets.programme_tab import ProgrammeTab
from velsen_desk.ui.widgets.style import bold_font, esc

if TYPE_CHECKING:
    from collections.abc import Callable

    from velsen_desk.ui.progress.chart import SpendChart

COLUMNS = 9
NUMBER, TITLE, STATUS, SINCE, HISTORY, PLANNING, PLANNED, REALISED, EXPLANATION = range(COLUMNS)
SIZED_COLUMNS = (STATUS, SINCE, HISTORY, PLANNING, PLANNED, REALISED)
BATCH_MS = 8  # rows made and added per event-loop turn (2,000 actions: ~0.3 s of rows in all)
# While hidden (filled after a programme switch behind the Begroting, whose expansion batches
# share its turns), half of that: a hidden tree lays nothing out, so more batches cost no more
# in all. Shown, each batch makes the view lay out the whole tree again: fewer, larger ones.
HIDDEN_BATCH_MS = 4
# A hidden tree's rows of the previous programme removed per turn: QTreeWidget.clear() of 2,000
# rows took 25–35 ms of one turn of the switch (while the new programme's workers ran).
ROWS_DROPPED_PER_TURN = 300


def plan_overviews(plans: tuple[ActionPlanInfo, ...], progress: ProgressData, today: dt.date,
                   only: frozenset[str] | None, _state: TaskState) -> list[PlanOverview]:
    """Every plan's overview (worker thread; touches no widget): 2,000 actions took ~0.1–0.4 s."""
    with short_switch_interval():  # the GUI thread's callbacks get the interpreter lock sooner
        return [plan_overview(plan, progress, today, only) for plan in plans]


class ProgressTab(ProgrammeTab):
    def __init__(self, state: ViewState, runner: OperationRunner | None, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._runner = runner
        self.progress: ProgressData | None = None
        self._progress_of: str | None = None  # the programme id ``progress`` belongs to
        self._overviews: list[PlanOverview] = []
        self._filling = 0  # the latest fill; an older one still adding rows stops
        self._finished = 0  # the latest fill whose rows are all in
        self._waited = 0.0  # seconds the current fill has waited for the workers (see _add_batch)
        self._dropping = 0  # the latest removal of old rows; an older one still running stops
        self._drop_pending = False  # rows of the previous programme are still in the (hidden) tree
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setContentsMargins(6, 6, 6, 6)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels([
            self.tr("Nr"), self.tr("Actie"), self.tr("Status"), self.tr("Sinds"), self.tr("Historie"),
            self.tr("Planning"), self.tr("Gepland"), self.tr("Gerealiseerd"), self.tr("Toelichting"),
        ])
        self.tree.setAccessibleName(self.tr("Voortgang per actie"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(QSize(MAX_MARKS * (MARK + 2), MARK + 2))
        self.tree.currentItemChanged.connect(self._on_current)
        self.spend_rows: list[SpendRow] = []
        self.spend_total = 0  # focusopgaven in the shown plans; the chart draws the first few
        self.chart_holder = ChartHolder(self._spend_chart, self)
        self.chart_holder.sig_chart_created.connect(lambda _chart: self._show_chart())
        # A note on the chosen action, the same note as in the other tabs: what a raadslid
        # wants to ask about its progress belongs with the action.
        self.note_editor = NoteEditor(self)
        self.bottom = QSplitter(Qt.Orientation.Horizontal, self)
        self.bottom.addWidget(self.chart_holder)
        self.bottom.addWidget(self.note_editor)
        self.bottom.setStretchFactor(0, 3)
        self.bottom.setStretchFactor(1, 2)
        self.bottom.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # Two bars per focusopgave with their words need room: from size hints alone the chart
        # got ~90 px at 1280×720 and its labels ran into each other.
        self.chart_holder.setMinimumHeight(220)
        self.splitter.setSizes([420, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

    # ---- ProgrammeTab

    def draw(self, data: ProgrammeData) -> None:
        if self._progress_of != data.programme.id or self.progress is None:
            self.progress = None
            self._filling += 1  # a fill of the previous programme stops adding rows
            self.header.setText(esc(self.tr("Voortgang wordt gelezen…")))
            self._drop_rows()
            self._read(data)
            return
        self._fill(data, self.progress)

    def show_person(self) -> None:
        data = self._state.data
        if data is not None and self.progress is not None:
            self._fill(data, self.progress)

    def keyboard_home(self) -> QWidget:
        return self.tree

    def expand_all(self) -> None:
        self.tree.expandAll()

    def collapse_all(self) -> None:
        self.tree.collapseAll()

    def showEvent(self, event: QShowEvent) -> None:
        if self._drop_pending:
            self._clear_tree()  # the previous programme's rows are never shown
        super().showEvent(event)

    # ---- Public API

    def show_progress(self, data: ProgrammeData, progress: ProgressData) -> None:
        """Show ``progress`` for ``data`` (the worker's result; tests call it directly)."""
        self.progress = progress
        self._progress_of = data.programme.id
        self._fill(data, progress)

    @property
    def overviews(self) -> list[PlanOverview]:
        return self._overviews

    @property
    def chart(self) -> SpendChart | None:
        """The spend chart, or None until pyqtgraph is loaded and the tab was shown."""
        return cast("SpendChart | None", self.chart_holder.chart)  # made by _spend_chart

    def select_action(self, action_id: str) -> bool:
        """Make the action's row current (its note shows); False when it is not shown."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                row = top.child(j) if top is not None else None
                if row is not None and row.data(NUMBER, Qt.ItemDataRole.UserRole) == action_id:
                    self.tree.setCurrentItem(row)
                    return True
        return False

    # ---- Private

    def _spend_chart(self, parent: QWidget) -> QWidget:
        from velsen_desk.ui.progress.chart import SpendChart  # pyqtgraph: only once ChartHolder says it is loaded

        return SpendChart({"title": self.tr("Uitgaven per focusopgave"), "planned": self.tr("gepland"),
                           "realised": self.tr("gerealiseerd (laatste rapportage)"),
                           "first": self.tr("(de eerste {0} van {1})")}, parent)

    def _show_chart(self) -> None:
        if self.chart is not None:
            self.chart.show_rows(self.spend_rows, self.spend_total)

    def _sum_words(self, total: CostSum) -> str:
        """A sum as the chart labels it: n.n.b. said, never drawn as € 0."""
        if total.amounts:
            return format_sum(total, window_locale())
        if total.to_be_determined:
            return self.tr("geen bedrag: {0} × n.n.b.").format(total.to_be_determined)
        return self.tr("n.v.t.") if total.not_applicable else ""

    def _spend_rows(self) -> list[SpendRow]:
        """The chart's rows: only the focusopgaven it draws (formatting every sum of a plan with
        hundreds of them cost a fifth of the tab's fill); ``spend_total`` counts them all."""
        groups = [group for overview in self._overviews for group in overview.groups]
        self.spend_total = len(groups)
        rows = []
        for group in groups[:MAX_CHART_ROWS]:
            fo = group.focusopgave
            label = f"{fo.number}. {fo.title}" if fo else self.tr("Overige acties")
            spend = group.spend
            realised = spend.realised
            if realised.amounts + realised.not_applicable + realised.to_be_determined == 0:
                realised_text, realised_bar = self.tr("nog niets gerapporteerd"), None
            else:
                realised_text, realised_bar = self._sum_words(realised), bar_length(realised)
                if spend.unreported:
                    realised_text += self.tr("; zonder rapportage: {0}").format(spend.unreported)
            rows.append(SpendRow(label, bar_length(spend.planned), self._sum_words(spend.planned),
                                 realised_bar, realised_text))
        return rows

    def _on_current(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        action_id = current.data(NUMBER, Qt.ItemDataRole.UserRole) if current is not None else None
        if not isinstance(action_id, str) or current is None:
            self.note_editor.set_item(None)
            return
        label = self.tr("Actie {0}: {1}").format(current.text(NUMBER), current.text(TITLE))
        self.note_editor.set_item(NoteAnchor(action_id, "actie", label))

    def _read(self, data: ProgrammeData) -> None:
        runner = self._runner
        if runner is None or runner.database is None:
            self.show_progress(data, ProgressData())
            return
        read_progress(runner, data.programme.id, lambda progress: self._on_read(data, progress))

    def _on_read(self, data: ProgrammeData, progress: ProgressData) -> None:
        if self._state.data is data:  # a newer programme reads its own
            self.show_progress(data, progress)

    @property
    def filled(self) -> bool:
        """Whether the rows of the latest fill asked for are all in (they come in batches)."""
        return self._filling > 0 and self._finished == self._filling

    def _fill(self, data: ProgrammeData, progress: ProgressData) -> None:
        """Show ``progress``: the overviews are worked out off the GUI thread (in the window),
        the rows are added a batch per event-loop turn, and the header says the result once
        every row is in. Without a runner (tests) all of it happens now."""
        self._filling += 1
        ticket = self._filling
        only = data.actions_of_person(self._state.person_id) if self._state.filtering else None
        work = partial(plan_overviews, data.plans, progress, self._state.today, only)
        runner = self._runner
        if runner is None:
            self._show_overviews(data, progress, work(TaskState()), ticket, at_once=True)
            return
        runner.start(Operation(work, success=lambda overviews: self._show_overviews(data, progress, overviews, ticket),
                               key="progress-overviews", long_lived=True))

    def _show_overviews(self, data: ProgrammeData, progress: ProgressData, overviews: list[PlanOverview],
                        ticket: int, at_once: bool = False) -> None:
        if ticket != self._filling or self._state.data is not data:
            return  # a newer fill (another person, programme or report) shows its own
        if self._drop_pending and not at_once and not self.tree.isVisible():
            # The old rows are still going a few hundred per turn: the new ones after them
            # (clearing the rest at once took 66 ms of one turn at 2,000 actions).
            after_paints(self, lambda: self._show_overviews(data, progress, overviews, ticket))
            return
        self._overviews = overviews
        self._clear_tree()
        batches = self._row_batches(overviews, at_once)
        finish = partial(self._finish_fill, data, progress, overviews, ticket)
        if at_once:
            for tops in batches:
                self._add_tops(tops)
            for column in SIZED_COLUMNS:
                self.tree.resizeColumnToContents(column)
            finish()
            return
        self._waited = 0.0
        self._add_batch(ticket, batches, list(SIZED_COLUMNS), finish)

    def _drop_rows(self) -> None:
        """Empty the tree: at once when it is shown; hidden, its rows go a few hundred per turn
        (the progress read of the new programme runs meanwhile)."""
        if self.tree.isVisible():
            self._clear_tree()
            return
        self._dropping += 1
        self._drop_pending = True
        self._drop_step(self._dropping)

    def _drop_step(self, ticket: int) -> None:
        if ticket != self._dropping:
            return
        tree, rows = self.tree, 0
        while tree.topLevelItemCount() and rows < ROWS_DROPPED_PER_TURN:
            # From the end (nothing moves up); the item taken is Python's and deleted here with its rows.
            top = tree.takeTopLevelItem(tree.topLevelItemCount() - 1)
            rows += 1 + (top.childCount() if top is not None else 0)
        if tree.topLevelItemCount():
            after_paints(self, lambda: self._drop_step(ticket))
        else:
            self._drop_pending = False

    def _clear_tree(self) -> None:
        self._dropping += 1  # a removal still running stops
        self._drop_pending = False
        self.tree.clear()

    def _row_batches(self, overviews: list[PlanOverview], at_once: bool) -> Iterator[list[QTreeWidgetItem]]:
        """The focusopgave headings with their rows, as many per batch as are made in BATCH_MS
        (HIDDEN_BATCH_MS while the tab is hidden)."""
        tops: list[QTreeWidgetItem] = []
        deadline = time.perf_counter() + self._batch_ms() / 1000
        for overview in overviews:
            titles = {a.id: a.title for a in overview.plan.actions}
            for group in overview.groups:
                name = (self.tr("Focusopgave {0}: {1}").format(group.focusopgave.number, group.focusopgave.title)
                        if group.focusopgave else self.tr("Overige acties"))
                top = QTreeWidgetItem([f"{name} — {self._spend(group.spend)}"])
                top.setFont(0, bold_font())
                top.addChildren([self._row(item, titles[item.action_id]) for item in by_exception(group.items)])
                tops.append(top)
                if not at_once and time.perf_counter() >= deadline:
                    yield tops
                    tops = []
                    deadline = time.perf_counter() + self._batch_ms() / 1000
        if tops:
            yield tops

    def _batch_ms(self) -> int:
        return BATCH_MS if self.tree.isVisible() else HIDDEN_BATCH_MS

    def _add_tops(self, tops: list[QTreeWidgetItem]) -> None:
        # All of a batch at once: each item added to a shown tree, and each span, relaid out the whole tree.
        self.tree.setUpdatesEnabled(False)
        self.tree.addTopLevelItems(tops)
        for top in tops:
            top.setFirstColumnSpanned(True)  # the heading runs over the row
            top.setExpanded(True)
        self.tree.setUpdatesEnabled(True)

    def _add_batch(self, ticket: int, batches: Iterator[list[QTreeWidgetItem]], columns: list[int],
                   finish: Callable[[], None]) -> None:
        """One batch of rows per turn, then one column sized per turn (each reads ~1,000 rows),
        then the header and the chart. While a background task runs the batches wait (at most
        MAX_WAIT_MS in all): their calls back into Python would each wait for the interpreter lock
        (see :func:`workers_busy`)."""
        if ticket != self._filling:
            return
        if workers_busy() and self._waited < MAX_WAIT_MS / 1000:
            self._waited += WAIT_MS / 1000
            QTimer.singleShot(WAIT_MS, self, lambda: self._add_batch(ticket, batches, columns, finish))
            return
        tops = next(batches, None)
        if tops is not None:
            self._add_tops(tops)
        elif columns:
            self.tree.resizeColumnToContents(columns.pop(0))
        else:
            finish()
            return
        after_paints(self, lambda: self._add_batch(ticket, batches, columns, finish))

    def _finish_fill(self, data: ProgrammeData, progress: ProgressData, overviews: list[PlanOverview],
                     ticket: int) -> None:
        if ticket != self._filling:
            return
        self._finished = ticket
        # Fixed: sized to contents, the spanned headings would widen the number column.
        self.tree.setColumnWidth(NUMBER, 70)
        self.tree.setColumnWidth(TITLE, 320)
        self.header.setText(self._header_html(data, overviews, progress))
        self.spend_rows = self._spend_rows()
        self._show_chart()

    def _row(self, item: ActionProgress, title: str) -> QTreeWidgetItem:
        locale = window_locale()
        latest = item.latest
        status = status_label(item.status, locale)
        if item.reporting is Reporting.STALE:
            status += f" ({locale._(STALE_TEXT)})"
        row = QTreeWidgetItem([
            str(item.number), title, status, long_date(item.since, locale) if item.since else "",
            "", late_label(item, locale), format_cost(item.planned, locale),
            format_cost(item.realised, locale) if item.realised is not None else "—",
            latest.explanation if latest and latest.explanation else "",
        ])
        row.setData(NUMBER, Qt.ItemDataRole.UserRole, item.action_id)
        colour = status_colour(item.status)
        if colour is not None:
            row.setBackground(STATUS, QBrush(colour))
            row.setForeground(STATUS, QBrush(Qt.GlobalColor.black))
            row.setToolTip(STATUS, status_meaning(item.status or ProgressStatus.ONBEKEND, locale))
        pixmap = history_pixmap(item.history)
        if pixmap is not None:
            row.setIcon(HISTORY, QIcon(pixmap))
            row.setToolTip(HISTORY, "\n".join(f"{long_date(m.peildatum, locale)}: {status_label(m.status, locale)}"
                                              for m in item.history))
        if item.is_late:
            row.setFont(PLANNING, bold_font())
        return row

    def _spend(self, spend: SpendSum) -> str:
        """:func:`spend_text` in the window's language: the same words as the command line and
        the report (n.v.t. when no action has a cost, n.n.b. counted, never "€ 0" without an amount)."""
        return spend_text(spend, window_locale())

    def _header_html(self, data: ProgrammeData, overviews: list[PlanOverview], progress: ProgressData) -> str:
        parts = []
        if progress.is_example:
            parts.append(f"<p style='color:#b00020'><b>{esc(window_locale()._(EXAMPLE_MARK))}</b></p>")
        if not overviews:
            parts.append(esc(self.tr("{0} heeft geen actieplan; er is geen voortgang van acties te tonen.")
                             .format(data.programme.title)))
            return "".join(parts)
        locale = window_locale()
        for overview in overviews:
            latest = overview.latest_report
            today = long_date(overview.today, locale)
            if latest is None:
                text = self.tr("{0}: nog geen voortgangsrapportage ontvangen. Stand op {1}, alleen uit de "
                               "planning: bij {2} acties is het einde van de planning verstreken; er is geen "
                               "status.").format(overview.plan.title, today, overview.counts.late)
            else:
                counts = overview.counts
                per_status = ", ".join(f"{status_label(s, locale)} {counts.per_status[s]}" for s in ProgressStatus
                                       if counts.per_status[s])
                text = self.tr("{0}: stand op {1}, laatste rapportage {2} (peildatum {3}). {4}; geen "
                               "rapportage {5}; te laat {6}.").format(
                    overview.plan.title, today, latest.title, long_date(latest.date, locale), per_status,
                    counts.no_report, counts.late)
            parts.append(f"<p>{esc(text)}<br>{esc(self._spend(overview.spend))}</p>")
        return "".join(parts)
