"""What keeps the GUI thread quick, checked by what it does rather than by a clock (the figures
are in ``bench/startup.py``): no column re-measures every row on each change, one change
notification per branch, the same widths as Qt's own "resize to contents"."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QHeaderView

from tests.conftest import a_background_task, log_drawn_tabs, run_offscreen
from velsen_desk.ui.budget.model import NR
from velsen_desk.ui.search.model import MARKED_ROLE
from velsen_desk.ui.widgets.programme_tab import PREFETCH_ROWS
from velsen_desk.ui.widgets.style import HIGHLIGHT_ROLE, ID_ROLE
from velsen_desk.ui.widgets.tree_model import PAINT_ROLES


def _count_data_calls(model, monkeypatch) -> list[int]:
    calls = [0]
    original = model.node_data

    def counting(*args):
        calls[0] += 1
        return original(*args)

    monkeypatch.setattr(model, "node_data", counting)
    return calls


def test_view_as_in_the_budget_tab_does_not_measure_every_row_per_action(window, qtbot, monkeypatch):
    window.select_tab("budget")
    qtbot.waitUntil(lambda: window.budget_tab.up_to_date)
    model = window.budget_tab.model
    rows = sum(1 for node in model._root.walk()) - 1
    calls = _count_data_calls(model, monkeypatch)
    assert window.select_person("marianne-steijn")
    # The Nr column is measured on the numbers once per draw, so choosing a person reads no row
    # for it; a ResizeToContents column read all rows once per highlighted action (~7,000 calls
    # for 80 rows), and resizeColumnToContents still every row once per choice.
    assert calls[0] < rows * 10


def test_the_nr_and_regie_columns_fit_their_contents_after_a_person_is_chosen(window, qtbot):
    window.select_tab("budget")
    qtbot.waitUntil(lambda: window.budget_tab.up_to_date)
    assert window.select_person("marianne-steijn")
    for tree, column in ((window.budget_tab.tree, NR), (window.themes_tab.tree, 1)):
        header = tree.header()
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Fixed  # the user cannot drag it, as before
        expected = max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))
        if tree is window.budget_tab.tree:
            # measured on its numbers (bold, as a person's) once per draw: never narrower than Qt's fit
            assert header.sectionSize(column) >= expected
        else:
            assert header.sectionSize(column) == expected


def test_a_highlight_sends_one_change_per_branch(window, qtbot):
    model = window.budget_tab.model
    window.budget_tab.ensure_drawn()
    changes: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(lambda top, bottom, _roles=(): changes.append((top, bottom)))
    actions = window.state.data.actions_of_person("marianne-steijn")
    model.set_highlight(actions)
    parents = {model.node(top).parent for top, _bottom in changes}
    assert len(changes) == len(parents)  # one per branch
    covered = {
        model.node(model.index(row, 0, top.parent())).payload.id
        for top, bottom in changes for row in range(top.row(), bottom.row() + 1)
    }
    assert actions <= covered
    assert all(bottom.column() == model.columnCount() - 1 and top.column() == 0 for top, bottom in changes)


def test_the_report_dialog_modules_are_imported_in_the_background_after_the_charts(built_db):
    """The first Ctrl+P finds QtPdf and the dialog imported: a fresh process, no dialog opened."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QEventLoop\n"
        "from velsen_desk.ui.app import application\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "from velsen_desk.ui.widgets.chart_library import chart_library\n"
        "app = application()\n"
        f"w = MainWindow(Path({str(built_db)!r}), settings=None, show_errors=False)\n"
        "loop = QEventLoop()\n"
        "w.sig_ready.connect(loop.quit)\n"
        "w.show(); w.start(); loop.exec()\n"
        "print('velsen_desk.ui.reports.dialog' in sys.modules)\n"
        "deadline = time.monotonic() + 60\n"
        "while not ('PySide6.QtPdf' in sys.modules and chart_library().loaded) and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "print('velsen_desk.ui.reports.dialog' in sys.modules, w.report_actions.dialog is None)\n"
    )
    stdout = run_offscreen(code)
    assert stdout.split("\n")[-3:-1] == ["False", "True True"]


def _budget_highlighted(window) -> set[str]:
    model = window.budget_tab.model
    return {
        node.payload.id for node in model._root.walk()
        if node.payload is not None and model.index_of(node).data(HIGHLIGHT_ROLE)
    }


def test_a_person_is_shown_by_the_visible_tab_at_once_and_by_hidden_tabs_a_turn_later(window, qtbot):
    window.select_tab("themes")
    window.budget_tab.ensure_drawn()
    data = window.state.data
    person = next(p.id for p in data.college if data.actions_of_person(p.id))
    theirs = data.actions_of_person(person)
    assert window.select_person(person)
    assert window.themes_tab.model.highlighted == data.regie_theme_ids(person)  # on screen: at once
    assert _budget_highlighted(window) == set()  # hidden: not in the same click
    qtbot.waitUntil(lambda: _budget_highlighted(window) == theirs)  # its own turn, without being shown

    assert window.select_person(None)
    window.select_tab("budget")  # shown before its turn: it catches up first
    assert _budget_highlighted(window) == set()


def _all_rows(model, parent=None):
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _all_rows(model, index)


def _outline_widths(chart) -> dict[str, set[float]]:
    """Pen widths per action over the Gantt chart's bars and markers."""
    widths: dict[str, set[float]] = {}
    for item, owners in chart._outlined:
        pens = item.opts["pens"] if "pens" in item.opts else [spot.pen() for spot in item.points()]
        for (action_id, _colour), pen in zip(owners, pens, strict=True):
            widths.setdefault(action_id, set()).add(pen.widthF())
    return widths


def test_view_as_in_the_timeline_outlines_the_persons_actions_on_the_same_chart_items(window, qtbot):
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: window.timeline_tab.chart is not None and bool(window.timeline_tab.chart._outlined),
                    timeout=60000)
    chart = window.timeline_tab.chart
    items = [item for item, _owners in chart._outlined]
    assert all(widths == {1.0} for widths in _outline_widths(chart).values())
    data = window.state.data
    person = next(p.id for p in data.college if data.actions_of_person(p.id))
    assert window.select_person(person)
    assert [item for item, _owners in chart._outlined] == items  # updated, not made again
    widths = _outline_widths(chart)
    theirs = data.actions_of_person(person) & widths.keys()
    assert theirs and all(widths[a] == {2.0} for a in theirs)
    assert all(w == {1.0} for a, w in widths.items() if a not in theirs)
    assert window.select_person(None)
    assert all(widths == {1.0} for widths in _outline_widths(chart).values())


def test_tree_answers_are_kept_until_the_tree_or_the_highlight_changes(window, monkeypatch):
    model = window.budget_tab.model
    window.budget_tab.ensure_drawn()
    data = window.state.data
    person = next(p.id for p in data.college if data.actions_of_person(p.id))
    action_id = sorted(data.actions_of_person(person))[0]
    index = model.find(lambda n: n.payload is not None and n.payload.id == action_id)
    calls = _count_data_calls(model, monkeypatch)
    model.set_highlight(frozenset())
    assert index.data(HIGHLIGHT_ROLE) is False
    assert index.data(HIGHLIGHT_ROLE) is False
    assert calls[0] == 1  # the second answer was kept
    model.set_highlight(data.actions_of_person(person))
    assert index.data(HIGHLIGHT_ROLE) is True  # a new highlight: asked again
    model.set_plans(data.plans)
    fresh = model.find(lambda n: n.payload is not None and n.payload.id == action_id)
    assert fresh.data(ID_ROLE) == action_id and calls[0] == 3


def _shown_labels(chart) -> list[tuple[str, float, float]]:
    return [(label.textItem.toPlainText(), label.pos().x(), label.pos().y())
            for label in chart._labels if label.isVisible()]


def test_the_cost_chart_reuses_its_items_and_shows_exactly_the_selected_branch(window, qtbot):
    window.select_tab("budget")
    qtbot.waitUntil(lambda: window.budget_tab.chart is not None, timeout=60000)
    chart = window.budget_tab.chart
    qtbot.waitUntil(lambda: len(chart.bars) == 20)
    bar_item, labels = chart._bar_item, list(chart._labels)
    assert _shown_labels(chart) == [(b.text, b.amount, y) for y, b in enumerate(chart.bars)]
    window.budget_tab.select_action("velsen-2022.avn.a11")  # focusopgave B: 6 bars
    assert len(chart.bars) == 6
    assert _shown_labels(chart) == [(b.text, b.amount, y) for y, b in enumerate(chart.bars)]
    assert list(chart._bar_item.opts["width"]) == [b.amount for b in chart.bars]
    assert chart._bar_item is bar_item and chart._labels == labels  # new data, same items
    assert chart._bar_item.isVisible()
    chart.show_bars("", [])
    assert not chart._bar_item.isVisible() and _shown_labels(chart) == []


def test_search_hits_are_laid_out_once_per_look(window, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    search = window.search
    with qtbot.waitSignal(search.sig_results, timeout=10000):
        search.field.setText("woning")
        search.run_query()
    view = search.view
    delegate = view.itemDelegate()
    group = search.model.index(0, 0)
    index = search.model.index(0, 0, group)
    assert index.isValid()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 300, 40)
    first = delegate._document(option, index)
    assert delegate._document(option, index) is first  # kept
    title = "".join(index.data(MARKED_ROLE)[0].replace("\x02", "").replace("\x03", "").split())
    assert title in "".join(first.toPlainText().split())
    option.rect = QRect(0, 0, 500, 40)
    wider = delegate._document(option, index)
    assert wider is not first and wider.textWidth() == 500
    option.state |= QStyle.StateFlag.State_Selected
    selected = delegate._document(option, index)
    assert selected is not wider and selected.toPlainText() == wider.toPlainText()


def test_hidden_tabs_ask_their_first_paint_s_data_in_turns_of_their_own(window, qtbot, monkeypatch):
    """After the catch-up, each hidden tree tab asks what its first paint will ask; that paint
    then finds the answers kept."""
    tab = window.budget_tab
    assert not tab.isVisible()
    prefetched = PREFETCH_ROWS * tab.model.columnCount() * len(PAINT_ROLES)
    qtbot.waitUntil(lambda: len(tab.model._answers) >= prefetched)  # fitting the Nr column asks a few too
    calls = _count_data_calls(tab.model, monkeypatch)
    window.select_tab("budget")
    tab.tree.viewport().repaint()
    shown_rows = tab.tree.viewport().height() // max(1, tab.tree.sizeHintForRow(0))
    assert 0 < shown_rows <= 40
    assert calls[0] < 50  # without the prefetch: ~1,400 (7 columns, 7 roles, each shown row)


def test_the_data_status_line_follows_the_programme_in_the_next_turn_before_ready(window, qtbot):
    seen: list[str] = []
    window.loader.sig_programme_loaded.connect(lambda _data: seen.append(window.data_label.text()))
    before = window.data_label.text()
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    assert seen == [before]  # not yet while the tab on screen draws the programme
    assert window.data_label.text() != before and "2018" in window.data_label.text()  # before ready


def test_after_paints_runs_after_the_queued_paint_in_order_and_never_for_a_gone_owner(qtbot):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QLabel

    from velsen_desk.ui.widgets.after_paint import after_paints

    order: list[str] = []

    class Label(QLabel):
        def paintEvent(self, event):
            order.append("paint")
            super().paintEvent(event)

    label = Label("x")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    qtbot.wait(50)
    order.clear()
    label.setText("y")  # asks for a paint (UpdateRequest, low priority)
    after_paints(label, lambda: order.append("first"))
    after_paints(label, lambda: order.append("second"))
    QTimer.singleShot(0, lambda: order.append("singleShot(0)"))  # what the window used: before the paint
    gone = QObject()
    after_paints(gone, lambda: order.append("gone"))
    gone.deleteLater()
    QApplication.sendPostedEvents(gone, QEvent.Type.DeferredDelete.value)
    qtbot.waitUntil(lambda: "second" in order)
    qtbot.wait(20)
    assert order == ["singleShot(0)", "paint", "first", "second"]


def test_the_start_reads_catalogue_and_outline_in_one_worker_trip(built_db):
    from velsen_desk.core.records import ProgrammeData
    from velsen_desk.core.task_state import TaskState
    from velsen_desk.storage.database import ReadOnlyDatabase
    from velsen_desk.ui.programme_loader import read_start, start_programme

    db = ReadOnlyDatabase(built_db)
    catalog, outline = read_start(db, "velsen-2022", TaskState())
    assert outline is not None and outline.programme.id == "velsen-2022" and outline.themes
    assert not isinstance(outline, ProgrammeData)  # the whole programme follows in a second trip
    assert {p.id for p in catalog.programmes} >= {"velsen-2022", "heemskerk-2018"}
    _catalog, chapters = read_start(db, "heemskerk-2018", TaskState())
    # its tree holds its chapters, so nothing shows before the whole programme: read in this trip
    assert isinstance(chapters, ProgrammeData) and chapters.programme.id == "heemskerk-2018"
    _catalog, fallback = read_start(db, "bestaat-niet", TaskState())
    first = start_programme(catalog, "bestaat-niet")
    assert first is not None and first.id == catalog.programmes[0].id
    assert fallback is not None and fallback.programme == first


@pytest.mark.parametrize(("programme", "trips"), [("velsen-2022", ["read_start", "read_programme"]),
                                                   ("heemskerk-2018", ["read_start"])])
def test_a_window_start_runs_one_operation_or_two_with_an_outline(qtbot, built_db, settings, programme, trips):
    from velsen_desk.ui.main_window import MainWindow

    window = MainWindow(built_db, settings=settings, show_errors=False)
    qtbot.addWidget(window)
    started: list[str] = []
    original = window.runner.start
    window.runner.start = lambda op: (started.append(op.work.func.__name__), original(op))[1]
    with qtbot.waitSignal(window.loader.sig_programme_loaded, timeout=10000):
        window.start(programme)
    # the catalogue with the outline, then the whole programme; or both at once without an outline
    assert started == trips
    assert window.programme_combo.currentData() == programme
    window.runner.wait(5000)


def test_overlapping_workers_share_a_short_switch_interval_and_restore_it(monkeypatch):
    from velsen_desk.ui.widgets.chart_library import SHORT_INTERVAL, short_switch_interval

    before = sys.getswitchinterval()
    first, second = short_switch_interval(), short_switch_interval()
    first.__enter__()
    assert sys.getswitchinterval() == pytest.approx(SHORT_INTERVAL)
    second.__enter__()
    first.__exit__(None, None, None)  # the other worker still runs
    assert sys.getswitchinterval() == pytest.approx(SHORT_INTERVAL)
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


def test_a_report_is_made_with_the_short_switch_interval(monkeypatch, tmp_path):
    import velsen_desk.reports.work as work
    from velsen_desk.core.task_state import TaskState
    from velsen_desk.ui.reports.dialog import make_report
    from velsen_desk.ui.widgets.chart_library import SHORT_INTERVAL

    seen: list[float] = []
    monkeypatch.setattr(work, "make_report", lambda *_args: seen.append(sys.getswitchinterval()) or "made")
    before = sys.getswitchinterval()
    assert make_report(None, object(), TaskState()) == "made"
    assert seen == [pytest.approx(SHORT_INTERVAL)] and sys.getswitchinterval() == before


def test_kept_tree_answers_follow_a_palette_change(window, qtbot):
    from PySide6.QtGui import QColor, QPalette

    model = window.budget_tab.model
    window.budget_tab.ensure_drawn()
    data = window.state.data
    person = next(p.id for p in data.college if data.actions_of_person(p.id))
    model.set_highlight(data.actions_of_person(person))
    action_id = sorted(data.actions_of_person(person))[0]
    index = model.find(lambda n: n.payload is not None and n.payload.id == action_id)
    from PySide6.QtCore import Qt

    before = index.data(Qt.ItemDataRole.BackgroundRole)
    app = QApplication.instance()
    original = app.palette()
    changed = QPalette(original)
    changed.setColor(QPalette.ColorRole.Highlight, QColor("#ff0000"))
    try:
        app.setPalette(changed)
        after = index.data(Qt.ItemDataRole.BackgroundRole)
        assert after != before and after.red() == 255 and after.green() == 0
    finally:
        app.setPalette(original)


@contextmanager
def _heemskerk_beside_a_worker(window, qtbot, monkeypatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """From the Thema's tab, switch to Heemskerk while a worker runs; the block runs once it is
    drawn and 0.4 s have passed, still beside the worker; then wait until the window is ready."""
    from velsen_desk.ui import main_window

    monkeypatch.setattr(main_window, "CATCH_UP_MAX_WAIT_MS", 60_000)
    window.select_tab("themes")
    with a_background_task(qtbot):
        window.select_programme("heemskerk-2018")
        qtbot.waitUntil(lambda: window.state.data.programme.id == "heemskerk-2018", timeout=10000)
        qtbot.wait(400)
        yield
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        pass


def test_hidden_tabs_catch_up_only_when_the_workers_are_done(window, qtbot, monkeypatch):
    # A hidden tab drawn beside a worker waits for the interpreter lock in every call back into
    # Python; the catch-up waits for the workers (at most CATCH_UP_MAX_WAIT_MS per step).
    with _heemskerk_beside_a_worker(window, qtbot, monkeypatch):
        assert window.themes_tab.up_to_date
        assert not window.budget_tab.up_to_date and not window.timeline_tab.up_to_date
    assert all(tab.up_to_date for tab in (window.portfolio_tab, window.budget_tab, window.timeline_tab))


def test_a_hidden_tabs_deferred_layout_runs_before_the_next_tab_is_drawn(window, qtbot, monkeypatch):
    # A drawn table leaves Qt's own deferred work (a header's delayed resize, then rows refitted
    # to it): it ran beside the next step's worker, each call into Python waiting for the lock.
    from PySide6.QtCore import QTimer

    from velsen_desk.ui.portfolio.view import PortfolioTab

    log: list[str] = []
    draw_portfolio = PortfolioTab.draw

    def portfolio_draw(self, data):
        draw_portfolio(self, data)
        QTimer.singleShot(0, lambda: (log.append("deferred"), QTimer.singleShot(0, lambda: log.append("refitted"))))

    monkeypatch.setattr(PortfolioTab, "draw", portfolio_draw)
    log_drawn_tabs(monkeypatch, log)
    window.select_tab("themes")
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    assert "PortfolioTab" in log and len(log) > log.index("PortfolioTab") + 3  # a tab was drawn after it
    after = log[log.index("PortfolioTab") + 1:]
    assert after[:2] == ["deferred", "refitted"], log


def test_the_windows_own_start_work_waits_for_the_workers_too(window, qtbot, monkeypatch):
    # Babel's import beside a worker (the Thema's measurements read, started after its paint)
    # shared a turn with that read's start or waited for the interpreter lock it holds.
    from velsen_desk.ui import main_window

    ran: list[str] = []
    monkeypatch.setattr(main_window, "load_babel", lambda: ran.append("babel"))
    with _heemskerk_beside_a_worker(window, qtbot, monkeypatch):
        assert ran == []
    assert ran == ["babel"]


def test_a_switch_while_a_worker_runs_never_shows_the_previous_programmes_sources(window, qtbot, monkeypatch):
    # The status line names the programme's source documents and their dates: behind the
    # workers (a report, a sync, the Thema's measurements) it went on naming the previous
    # programme's beside the new one on screen, up to a second per start step.
    from velsen_desk.ui import main_window

    monkeypatch.setattr(main_window, "CATCH_UP_MAX_WAIT_MS", 60_000)
    before = window.data_label.text()
    assert before and "2018" not in before
    with a_background_task(qtbot):
        window.select_programme("heemskerk-2018")
        qtbot.waitUntil(lambda: window.state.data.programme.id == "heemskerk-2018", timeout=10000)
        qtbot.waitUntil(lambda: "2018" in window.data_label.text(), timeout=3000)
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        pass
