"""Tab "Begroting": the Actieplan tree with totals, a detail pane and a cost chart."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core import records
from velsen_desk.core.formatting import format_cost_short, format_derived_sum, format_sum
from velsen_desk.core.item_kinds import tab_for_kind
from velsen_desk.core.money import CostSum, CostValue
from velsen_desk.core.plans import total_of_plans
from velsen_desk.core.records import ProgrammeData, cost_of_actions
from velsen_desk.core.task_state import TaskState
from velsen_desk.core.wording import PLANNING_CAVEAT
from velsen_desk.ui.budget.model import (
    CHECK,
    COST,
    FUNDING,
    NR,
    PLANNING,
    TITLE,
    TREKKER,
    BudgetModel,
    BudgetNode,
)
from velsen_desk.ui.budget.tree import PreparedTree
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.after_paint import after_paints
from velsen_desk.ui.widgets.batched_expand import TreeExpander
from velsen_desk.ui.widgets.chart_holder import ChartHolder
from velsen_desk.ui.widgets.detail_pane import DetailPane
from velsen_desk.ui.widgets.detail_split import DETAIL_BELOW, DetailSplit
from velsen_desk.ui.widgets.programme_tab import PREFETCH_ROWS, ProgrammeTab
from velsen_desk.ui.widgets.style import (
    ID_ROLE,
    computed_text,
    cost_html,
    esc,
    html_css,
    reconciliation_text,
    source_html,
)
from velsen_desk.ui.widgets.text_width import widest_advance
from velsen_desk.ui.widgets.tree_model import prefetch_rows

if TYPE_CHECKING:
    from collections.abc import Callable

    from velsen_desk.ui.budget.chart import Bar, CostChart

PADDING_PX = 12  # a cell's margins, and room for the header's sort indicator
# Text columns (column, preferred width, narrowest): they give way, down to their narrowest, so
# the figures beside them stay in view; what they cut off ends in "…" and is in the detail pane.
TEXT_COLUMNS = ((TITLE, 230, 140), (TREKKER, 120, 60), (FUNDING, 170, 90))
CHART_MIN_WIDTH = 280  # bars and their values stay readable beside the labels
PREFETCH_PER_TURN = 10  # rows of seven columns; see prefetch_rows
MAX_BARS = 40  # more bars than this in a ~700 px plot cannot be read: the chart aggregates instead


class BudgetTab(ProgrammeTab):
    uses_preparations = True  # the tree (see ui/budget/tree.py)

    def __init__(self, state: ViewState, parent: QWidget | None = None, runner: OperationRunner | None = None,
                 prepared: Callable[[ProgrammeData], object | None] | None = None):
        """``prepared(data)``: the tree the programme's read made for ``data`` (a
        :class:`PreparedTree`), or None; without one (the first programme at start-up) the tree
        is built in :meth:`draw` and ``runner`` makes its sort keys and figure texts."""
        super().__init__(state, parent)
        self._runner = runner
        self._prepared = prepared
        self._figure_texts: dict[int, frozenset[str]] = {}  # the figure columns' texts, for their widths
        self.model = BudgetModel(self)

        self.tree = QTreeView(self)
        self.tree.setModel(self.model)  # no proxy: the model sorts itself
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Actieplan"))
        self.tree.setAccessibleDescription(
            self.tr("Boom van het Actieplan: focusopgaven met hun acties, kosten, financiering en planning; "
                    "daaronder de budgetten. Klik op een kolomkop om te sorteren.")
        )
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        # The check beside the cost it checks: at 1280 px the figures then fit in view, where at
        # the far right the check was cut off ("✓ klopt me") behind a horizontal scroll.
        header = self.tree.header()
        header.moveSection(header.visualIndex(CHECK), header.visualIndex(COST) + 1)
        self.tree.viewport().installEventFilter(self)  # the viewport: its width is the room

        # 2,000 actions: expanding all, or re-laying out all expanded rows after a sort, took
        # one ~150 ms turn; the expander spreads it over turns of ~12 ms.
        self.expander = TreeExpander(self.tree)
        self.expander.sig_done.connect(self._show_current)
        self._expanded_before_sort: list[BudgetNode] = []
        # The open branches, kept as they open and close: asking the view about each of ~300
        # branches cost a sort ~25 ms (Qt's collapseAll tells nothing).
        self._open: set[BudgetNode] = set()
        self.tree.expanded.connect(lambda index: self._open.add(self._node_at(index)))
        self.tree.collapsed.connect(lambda index: self._open.discard(self._node_at(index)))
        self.model.modelReset.connect(self._open.clear)
        self.model.sig_about_to_sort.connect(self._collapse_for_sort)
        self.model.sig_sorted.connect(self._expand_after_sort)

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self._summary_plan = ""  # the plan the summary line shows
        self.summary.setAccessibleName(self.tr("Totaal van het Actieplan"))
        self.expand_button = QPushButton(self.tr("Alles &uitklappen"), self)
        self.expand_button.clicked.connect(self.expand_all)
        self.collapse_button = QPushButton(self.tr("Alles i&nklappen"), self)
        self.collapse_button.clicked.connect(self.collapse_all)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.expand_button)
        bar.addWidget(self.collapse_button)

        self.detail = DetailPane(
            state, self.tr("Details"), self.tr("Details van de gekozen actie, regel of tak."), self
        )
        self.note_editor = NoteEditor(self)
        left = DetailSplit(self.tree, self.detail, self.note_editor, Qt.Orientation.Vertical, DETAIL_BELOW, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.chart_holder = ChartHolder(_cost_chart, self.splitter)
        self.chart_holder.sig_chart_created.connect(lambda _chart: self._update_chart(self.tree.currentIndex()))
        self.chart_holder.setMinimumWidth(CHART_MIN_WIDTH)
        self.splitter.addWidget(self.chart_holder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([760, 240])
        self.splitter.setChildrenCollapsible(False)

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(bar)
        content_layout.addWidget(self.splitter, 1)

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Geen Actieplan"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        state.sig_action_requested.connect(self.select_action)
        state.sig_item_requested.connect(self._on_item_requested)

    # ---- Public API

    def keyboard_home(self) -> QWidget:
        return self.tree

    def expand_all(self) -> None:
        """Expand every row: the first rows at once, the rest in later event-loop turns."""
        self.ensure_drawn()
        self.expander.expand_all()

    def collapse_all(self) -> None:
        self.expander.cancel()
        self.tree.collapseAll()
        self._open.clear()  # collapseAll tells nothing per branch

    def select_action(self, action_id: str) -> bool:
        return self.select_item(action_id)  # ids are unique across all rows

    def select_item(self, item_id: str) -> bool:
        """Select any row (action, budget line, focusopgave, budget) by its id."""
        self.ensure_drawn()
        index = self.model.find_id(item_id)
        if not index.isValid():
            return False
        self.tree.scrollTo(index)
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return True

    def current_id(self) -> str | None:
        self.ensure_drawn()
        value = self.tree.currentIndex().data(ID_ROLE)
        return value if isinstance(value, str) else None

    @property
    def settling(self) -> bool:
        return self.expander.busy

    @property
    def has_plan(self) -> bool:
        self.ensure_drawn()
        return self.stack.currentIndex() == 0

    @property
    def chart(self) -> CostChart | None:
        """The cost chart, or None until pyqtgraph is loaded and the tab was shown."""
        return cast("CostChart | None", self.chart_holder.chart)  # made by _cost_chart below

    # ---- Private

    def draw(self, data: ProgrammeData) -> None:
        self.note_editor.set_item(None)
        if not data.plans:
            self.empty.setText(
                self.tr("<h2>Geen Actieplan</h2><p>Het programma “{0}” heeft geen Actieplan; "
                        "er is dus geen begroting per actie om te tonen.</p>"
                        "<p>Kies het programma Velsen 2022–2026 voor het Actieplan Velsen-Noord.</p>")
                .format(esc(data.programme.title))
            )
            self.stack.setCurrentIndex(1)
            self.model.set_plans(())
            return
        self.stack.setCurrentIndex(0)
        kept = self.tree.currentIndex().data(ID_ROLE)  # a sync keeps the row the user was on
        highlight = data.actions_of_person(self._state.person_id)
        ready = self._prepared(data) if self._prepared is not None else None
        if isinstance(ready, PreparedTree) and ready.plans is data.plans:
            self.model.set_prepared(ready, highlight)  # the read's worker made all of it
            self._figure_texts = ready.figure_texts
        else:  # not made with the read (the start's read makes none: before the first paint)
            self.model.set_plans(data.plans, highlight)
            self._make_tree_extras()
        # The first batch in a turn of its own: with the reset, the number column and the chart
        # it made this turn the switch's slowest (~100 ms of Python, more under load).
        after_paints(self.expander, self.expander.expand_all)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PLANNING, QHeaderView.ResizeMode.Stretch)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)  # text columns elide, figures do not
        self._size_figure_columns()
        header.setSectionResizeMode(NR, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(NR, self._number_width(data))
        self._fit_text_columns()
        self._summary_plan = ""
        self._show_summary(QModelIndex())
        self.detail.setHtml(html_css() + "<p>" + esc(self.tr("Kies een actie voor de details en de bron.")) + "</p>")
        self._update_chart(QModelIndex())
        if isinstance(kept, str):
            self.select_item(kept)

    def _make_tree_extras(self) -> None:
        """Have workers make the new tree's sort keys (so a click on a column only sorts) and
        the texts the figure columns are sized to; without a runner (tests) the texts now."""
        root = self.model.node(QModelIndex())
        if self._runner is None:
            self._figure_texts = self.model.figure_texts_of(root, TaskState())
            return
        self._figure_texts = {}  # the headers' widths until the worker has the texts
        self._runner.start(Operation(partial(self.model.figure_texts_of, root),
                                     success=lambda texts: self._on_figure_texts(root, texts),
                                     key="budget-figure-texts"))
        self._runner.start(Operation(partial(self.model.sort_keys_of, root),
                                     success=lambda keys: self.model.add_sort_keys(root, keys),
                                     key="budget-sort-keys"))

    def _on_figure_texts(self, root: BudgetNode, texts: dict[int, frozenset[str]]) -> None:
        if root is self.model.node(QModelIndex()):
            self._figure_texts = texts
            self._size_figure_columns()

    def _size_figure_columns(self) -> None:
        header = self.tree.header()
        for col in (COST, CHECK):
            header.resizeSection(col, self._figure_width(col))
        self._fit_text_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_text_columns()  # a narrower tree (the search panel, the splitter) keeps its figures
        return super().eventFilter(watched, event)

    def _fit_text_columns(self) -> None:
        """Give the text columns what the number, cost and check columns leave of the tree's
        width, each between its narrowest and its preferred width (from left to right), so the
        figures stay in view where the text columns can make room for them."""
        header = self.tree.header()
        room = self.tree.viewport().width() - sum(header.sectionSize(c) for c in (NR, COST, CHECK))
        for col, preferred, narrowest in TEXT_COLUMNS:
            width = max(narrowest, min(preferred, room))
            header.resizeSection(col, width)
            room -= width

    def _number_width(self, data: ProgrammeData) -> int:
        """The Nr column: its widest number in bold (the person's actions are bold) after two
        levels of indentation and the branch marks. Measured on the numbers, once per draw: resizeColumnToContents
        asked every row again on each "Bekijk als" (2,000 actions: the slowest part of it)."""
        bold = QFont(self.tree.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        numbers = {str(a.number) for p in data.plans for a in p.actions}
        numbers.update(fo.letter or str(fo.number) for p in data.plans for fo in p.focusopgaven)
        numbers.update(str(line.number) for p in data.plans for b in p.budgets for line in b.lines)
        widest = widest_advance(metrics, numbers)
        header = QFontMetrics(self.tree.header().font()).horizontalAdvance(str(self.model.headers[NR]))
        return max(widest + 3 * self.tree.indentation(), header) + 2 * PADDING_PX

    def _figure_width(self, column: int) -> int:
        """The width the widest figure of ``column`` needs: a total cut to "€ 691.000 + 1 post n…"
        misleads, so the figure columns take what they need (measured on the texts, not by Qt's
        ResizeToContents, which lays out every row)."""
        metrics = QFontMetrics(self.tree.font())
        bold = QFont(self.tree.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        header = metrics.horizontalAdvance(str(self.model.headers[column]))
        widest = widest_advance(bold_metrics, self._figure_texts.get(column, ()))  # totals and a person's are bold
        return max(header, widest) + 2 * PADDING_PX  # cell padding and the sort indicator

    def _collapse_for_sort(self) -> None:
        """Before a sort: note the open branches and close them, so the sort re-lays out only
        the top rows; :meth:`_expand_after_sort` opens them again in batches."""
        branches = self.model.branches()
        # during an expansion (the whole tree after a draw or "Alles uitklappen"): all of it
        self._expanded_before_sort = branches if self.expander.busy else [
            node for node in branches if node in self._open
        ]
        self.expander.cancel()
        self.tree.collapseAll()
        self._open.clear()

    def _expand_after_sort(self) -> None:
        nodes, self._expanded_before_sort = self._expanded_before_sort, []
        # mapped as the batches need them, not all in the click's turn
        self.expander.expand(self.model.index_of(node) for node in nodes)

    def _node_at(self, index: QModelIndex) -> BudgetNode:
        return self.model.node(index)

    def _show_current(self) -> None:
        """Once all is open again, the current row is back in view (a sort collapsed it)."""
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.scrollTo(current)

    def _show_summary(self, current: QModelIndex) -> None:
        """The summary line: the plan of the selected row (the first plan when none), and with
        several plans the total over all of them, its n.n.b. posts counted and said."""
        data = self._state.data
        if data is None or not data.plans:
            return
        plan = self._plan_of(current) or data.plans[0]
        if plan.id == self._summary_plan:
            return
        self._summary_plan = plan.id
        rec = plan.reconciliation
        text = (
            f"{html_css()}<b>{esc(plan.title)}</b> — "
            + esc(self.tr("berekend {0}")).format(esc(computed_text(rec)))
            + f" · {esc(reconciliation_text(rec))}"
        )
        if len(data.plans) > 1:
            total = format_sum(total_of_plans(data.plans), window_locale())
            text += "<br>" + esc(self.tr("Alle %n plannen samen: berekend {0}", "", len(data.plans))).format(
                f"<b>{esc(total)}</b>"
            )
        self.summary.setText(text)

    def _plan_of(self, current: QModelIndex) -> records.ActionPlanInfo | None:
        """The plan that holds the row at ``current`` (None for a budget branch or no row)."""
        if not current.isValid():
            return None
        node: BudgetNode | None = self.model.node(current.siblingAtColumn(0))
        while node is not None and node.payload is not None:
            if isinstance(node.payload, records.ActionPlanInfo):
                return node.payload
            node = node.parent
        return None

    def prefetch(self) -> None:
        prefetch_rows(self.tree, PREFETCH_ROWS, per_turn=PREFETCH_PER_TURN)

    def show_person(self) -> None:
        data = self._state.data
        if data is not None:
            self.model.set_highlight(data.actions_of_person(self._state.person_id))

    def _on_item_requested(self, kind: str, item_id: str) -> None:
        if tab_for_kind(kind) == "budget":
            self.select_item(item_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_chart(current)
        self._show_summary(current)
        if not current.isValid():
            return
        node = self.model.node(current.siblingAtColumn(0))
        note = None
        match node.payload:
            case records.ActionInfo() as action:
                self.detail.setHtml(self._action_html(action))
                note = NoteAnchor(action.id, "actie", self.tr("Actie {0}: {1}").format(action.number, action.title))
            case records.BudgetLineInfo() as line:
                self.detail.setHtml(self._line_html(line))
                parent = node.parent.payload if node.parent else None
                budget = parent.name if isinstance(parent, records.BudgetInfo) else ""
                note = NoteAnchor(line.id, "begrotingsregel", f"{budget} {line.number or ''}: {line.title}".strip())
            case records.ActionPlanInfo() | records.FocusopgaveInfo() | records.BudgetInfo() as branch:
                self.detail.setHtml(self._branch_html(branch))
        self.note_editor.set_item(note)

    def _update_chart(self, current: QModelIndex) -> None:
        chart = self.chart
        if chart is None:
            return
        from velsen_desk.ui.budget.chart import Bar  # noqa: F811 - pyqtgraph only once the chart exists

        data = self._state.data
        if data is None or not data.plans:
            chart.show_bars("", [])
            return
        node = self.model.node(current.siblingAtColumn(0)) if current.isValid() else None
        payload = node.payload if node else None
        parent = node.parent.payload if node and node.parent else None
        selected_id = payload.id if isinstance(payload, records.ActionInfo | records.BudgetLineInfo) else None
        # An action or a line shows the bars of its branch, with itself marked.
        shown = parent if isinstance(payload, records.ActionInfo | records.BudgetLineInfo) else payload

        def bar(label: str, cost: CostValue, item_id: str) -> Bar:
            amount = cost.amount or 0 if cost.is_amount else 0
            # the tree and the detail pane give the source's own words for an unknown cost
            return Bar(label, amount, format_cost_short(cost, window_locale()), item_id == selected_id,
                       not cost.is_amount)

        bars: list[Bar]
        total = 0  # the bars there are, when only the first ones were made
        match shown:
            case records.FocusopgaveInfo() as fo:
                title = self.tr("Kosten per actie – focusopgave {0}: {1}").format(fo.number, esc(fo.title))
                bars = [bar(f"{a.number}. {a.title}", a.cost, a.id) for a in fo.actions]
            case records.BudgetInfo() as budget if budget.lines:
                title = self.tr("Kosten per regel – {0}").format(esc(budget.name))
                bars = [bar(f"{line.number}. {line.title}", line.cost, line.id) for line in budget.lines]
            case records.ActionPlanInfo() as plan:
                title, bars, total = self._plan_bars(plan, bar)
            case _ if len(data.plans) > 1:
                # the overview of every plan: one bar per plan, its n.n.b. posts said in the label
                title = self.tr("Kosten per Actieplan – kies een plan voor zijn focusopgaven")
                bars = [self._sum_bar(p.title, p.reconciliation.computed) for p in data.plans]
            case _:
                title, bars, total = self._plan_bars(data.plans[0], bar)
        # more bars than a chart can show legibly: the first ones, and its title says how many
        chart.show_bars(title, bars[:MAX_BARS], max(total, len(bars)))

    def _plan_bars(
        self, plan: records.ActionPlanInfo, bar: Callable[[str, CostValue, str], Bar]
    ) -> tuple[str, list[Bar], int]:
        """A plan's bars: one per action while they stay legible, else one per focusopgave;
        only the first :data:`MAX_BARS` are made (285 focusopgaven: ~15 ms per chosen row), with
        the number there are."""
        if len(plan.actions) <= MAX_BARS:
            return (self.tr("Kosten per actie – {0}").format(esc(plan.title)),
                    [bar(f"{a.number}. {a.title}", a.cost, a.id) for a in plan.actions], len(plan.actions))
        bars = [self._sum_bar(self.tr("Focusopgave {0}: {1}").format(fo.number, fo.title), fo.reconciliation.computed)
                for fo in plan.focusopgaven[:MAX_BARS]]
        total = len(plan.focusopgaven)
        if plan.loose_actions:
            total += 1
            if len(bars) < MAX_BARS:
                bars.append(self._sum_bar(self.tr("Overige acties"), cost_of_actions(plan.loose_actions)))
        return self.tr("Kosten per focusopgave – {0}").format(esc(plan.title)), bars, total

    @staticmethod
    def _sum_bar(label: str, total: CostSum) -> Bar:
        from velsen_desk.ui.budget.chart import Bar

        # the known euros as the bar, the label saying how many posts are n.n.b. on top
        return Bar(label, total.known, format_derived_sum(total, window_locale()), False,
                   total.amounts == 0 and not total.complete)

    def _action_html(self, a: records.ActionInfo) -> str:
        data = self._state.data
        out = [html_css(), f"<h3>{esc(self.tr('Actie {0}: {1}').format(a.number, a.title))}</h3>"]
        if a.heading:
            out.append(f"<p class='muted'>{esc(a.heading)}</p>")
        if a.what:
            out.append(f"<p>{esc(a.what)}</p>")
        out.append(
            f"<p><b>{esc(self.tr('Trekker'))}:</b> {esc(a.trekker or self.tr('onbekend'))}<br>"
            f"<b>{esc(self.tr('Kosten'))}:</b> {cost_html(a.cost)}"
            f" <span class='muted'>({esc(self.tr('in de bron'))}: {esc(a.cost.text)})</span><br>"
        )
        if a.cost_scope:
            out.append(f"<b>{esc(self.tr('Waarvoor de kosten zijn'))}:</b> „{esc(a.cost_scope)}”<br>")
        funding = self.model.funding_text(a)
        if funding:
            out.append(f"<b>{esc(self.tr('Financiering'))}:</b> {esc(funding)}<br>")
        if a.condition:
            out.append(f"<b>{esc(self.tr('Voorwaarde'))}:</b> „{esc(a.condition)}”<br>")
        planning = esc(a.planning_text) if a.planning_text else f"<span class='nnb'>{esc(self.tr('onbekend'))}</span>"
        out.append(f"<b>{esc(self.tr('Planning'))}:</b> {planning}")
        if a.planning_running:
            caveat = f"<span class='nnb'>{PLANNING_CAVEAT}</span> " if a.planning_conflict else ""
            out.append(f"<br><b>{caveat}{esc(self.tr('Planning volgens de lopende tekst'))}:</b> "
                       f"„{esc(a.planning_running)}”")
            if a.planning_conflict:
                differ = self.tr("De tabel en de lopende tekst verschillen over de planning.")
                out.append(f"<br><span class='nnb'>{esc(differ)}</span>")
        out.append("</p>")
        if a.explanation:
            out.append(f"<p>{esc(a.explanation)}</p>")
        if a.theme_ids and data:
            out.append(self._themes_html(a, data))
        if a.note:
            out.append(f"<p class='muted'>{esc(a.note)}</p>")
        if a.running_text:
            out.append(f"<h4>{esc(self.tr('In de lopende tekst van het Actieplan'))}</h4>")
            out.extend(f"<p>{esc(p)}</p>" for p in a.running_text.split("\n\n") if p.strip())
        out.append(source_html(a.source, self.tr("Bron")))
        return "".join(out)

    def _themes_html(self, a: records.ActionInfo, data: ProgrammeData) -> str:
        """The action's themes; a link the curators drew (not the plan) says so."""
        basis = {link.theme_id: link.basis for links in data.theme_links.values() for link in links
                 if link.action_id == a.id}
        links = []
        for theme_id in a.theme_ids:
            theme = data.theme(theme_id)
            if theme:
                mark = "" if basis.get(theme_id) == "bron" else (
                    f" <span class='nnb'>({esc(self.tr('redactionele koppeling'))})</span>")
                links.append(f'<a href="theme:{esc(theme.id)}">{theme.number}. {esc(theme.name)}</a>{mark}')
        return f"<p><b>{esc(self.tr('Thema’s'))}:</b> {', '.join(links)}</p>"

    def _line_html(self, line: records.BudgetLineInfo) -> str:
        out = [html_css(), f"<h3>{esc(self.tr('Regel {0}: {1}').format(line.number, line.title))}</h3>"]
        out.append(f"<p><b>{esc(self.tr('Kosten'))}:</b> {cost_html(line.cost)}</p>")
        funding = self.model.line_funding_text(line)
        if funding:
            out.append(f"<p>{esc(funding)}</p>")
        for action_id in line.funded_action_ids:
            out.append(f'<p><a href="action:{esc(action_id)}">{esc(self.tr("Naar de actie in het Actieplan"))}</a></p>')
        out.append(source_html(line.source, self.tr("Bron")))
        return "".join(out)

    def _branch_html(self, p: records.ActionPlanInfo | records.FocusopgaveInfo | records.BudgetInfo) -> str:
        texts: tuple[str | None, ...] = ()
        amount: CostValue | None = None
        match p:
            case records.ActionPlanInfo():
                title = p.title
                monitoring = (f"{self.tr('Monitoring')}: {p.monitoring_text}",) if p.monitoring_text else ()
                texts = monitoring
            case records.FocusopgaveInfo():
                title = self.tr("Focusopgave {0}: {1}").format(p.number, p.title)
                texts = (p.lead, p.objective, p.responsible)
            case records.BudgetInfo():
                title = p.name
                texts = (p.description,)
                amount = p.amount
        out = [html_css(), f"<h3>{esc(title)}</h3>"]
        out.extend(f"<p>{esc(text)}</p>" for text in texts if text)
        rec = p.reconciliation
        if amount:  # also beside the sum of its lines: "minimaal € 500.000" is not the € 498.000
            out.append(f"<p><b>{esc(self.tr('Budget'))}:</b> {cost_html(amount)}</p>")
        if rec is not None:
            out.append(
                f"<p><b>{esc(self.tr('Berekend'))}:</b> {esc(computed_text(rec))}<br>"
                f"{esc(reconciliation_text(rec))}</p>"
            )
        out.append(source_html(p.source, self.tr("Bron")))
        if isinstance(p, records.ActionPlanInfo) and p.perspectives:
            out.append(self._perspectives_html(p.perspectives))
        return "".join(out)

    def _perspectives_html(self, perspectives: tuple[records.PerspectiveInfo, ...]) -> str:
        """The plan's perspectives: how it should be, and the opgaven that follow (the plan's words)."""
        out = [f"<h3>{esc(self.tr('Perspectieven'))}</h3>"]
        for p in perspectives:
            out.append(f"<h4>{esc(self.tr('Perspectief {0}: {1}').format(p.number, p.title))}</h4>")
            out.append(f"<p class='muted'>{esc(self.tr('Hoe zou het moeten zijn?'))}</p>")
            out.extend(f"<p>{esc(text)}</p>" for text in p.value_text.split("\n\n") if text.strip())
            if p.opgaven:
                out.append(f"<p><b>{esc(self.tr('Opgaven'))}:</b></p><ul>")
                out.extend(f"<li>{esc(o)}</li>" for o in p.opgaven)
                out.append("</ul>")
        return "".join(out)


def _cost_chart(parent: QWidget) -> QWidget:
    from velsen_desk.ui.budget.chart import CostChart  # pyqtgraph: only once ChartHolder says it is loaded

    return CostChart(parent)
