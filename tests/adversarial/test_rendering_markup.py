"""Rule: text from the data is never rendered as markup in the window. Every free-text field of
every record carries ``<img src="file:///etc/passwd"><a href="x">X</a><b>B</b>``; the real
window visits every programme, tab, row and cell, and no label, detail pane or tooltip may
render it (a label shows it as plain text, or the text arrives escaped)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile_records import build_hostile_database, markup_text, maximal_text
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QTextBrowser, QWidget

RAW_TAGS = ("<img", '<a href="x"', "<b>B</b>")
SHOWN = '<img src="file:///etc/passwd"><a href="x">X</a><b>B</b>'


@pytest.fixture(scope="module", params=["markup", "maximal"])
def hostile_db(request, tmp_path_factory):
    """Short texts full of markup; and every text at the schema's maximum length (markup first)."""
    maker = markup_text if request.param == "markup" else maximal_text
    path, _ = build_hostile_database(maker, tmp_path_factory.mktemp(request.param) / "hostile.sqlite")
    return path


def _indexes(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            yield index
            if column == 0:
                yield from _indexes(model, index)


class Inspector:
    """Collects every place where data markup would be rendered instead of shown."""

    def __init__(self, window: QWidget):
        self.window = window
        self.failures: set[str] = set()
        self.seen_escaped = 0

    def labels(self) -> None:
        for label in self.window.findChildren(QLabel):
            text = label.text()
            if label.textFormat() == Qt.TextFormat.PlainText or not any(tag in text for tag in RAW_TAGS):
                continue
            if label.textFormat() == Qt.TextFormat.RichText or GuiQt.mightBeRichText(text):
                self.failures.add(f"QLabel {label.accessibleName() or label.objectName()!r} renders {text[:80]!r}")

    def panes(self) -> None:
        for pane in self.window.findChildren(QTextBrowser):
            html = pane.toHtml()
            for tag in ("<img", 'href="x"'):
                if tag in html:
                    self.failures.add(f"pane {pane.accessibleName()!r} renders {tag}")
            if SHOWN in pane.toPlainText():
                self.seen_escaped += 1

    def tooltip(self, where: str, tip: object) -> None:
        if isinstance(tip, str) and any(tag in tip for tag in RAW_TAGS):
            self.failures.add(f"tooltip in {where} renders {tip[:80]!r}")

    def view(self, view: QAbstractItemView) -> None:
        model = view.model()
        if model is None:
            return
        name = view.accessibleName() or type(view).__name__
        for section in range(model.columnCount()):
            self.tooltip(f"{name} header", model.headerData(section, Qt.Orientation.Horizontal,
                                                            Qt.ItemDataRole.ToolTipRole))
        for index in _indexes(model):
            self.tooltip(name, index.data(Qt.ItemDataRole.ToolTipRole))
            if index.column() == 0 or isinstance(view, QTableView):
                view.setCurrentIndex(index)  # fills the detail pane
                self.panes()
                self.labels()


def test_no_data_markup_is_rendered_anywhere_in_the_window(hostile_db, main_window_on, qtbot, isolated_home):
    from velsen_desk.notes.notes_file import NotesFile

    NotesFile().save("velsen-2022.gone", "thema", SHOWN + " label", SHOWN + " notitie", True)  # a loose note
    window = main_window_on(hostile_db)
    inspector = Inspector(window)
    programmes = [window.programme_combo.itemData(i) for i in range(window.programme_combo.count())]
    assert len(programmes) >= 3
    for number, programme in enumerate(programmes):
        if number:
            with qtbot.waitSignal(window.sig_ready, timeout=20000):
                window.select_programme(programme)
        if window.person_combo.count() > 1:  # "view as" someone: the intro names them and their regie
            window.select_person(window.person_combo.itemData(1))
        inspector.labels()
        inspector.tooltip("status bar", window.data_label.toolTip())
        for tab in ("themes", "portfolio", "budget", "timeline"):
            window.select_tab(tab)
            qtbot.wait(10)
            for view in window.tabs.currentWidget().findChildren(QAbstractItemView):
                inspector.view(view)
            inspector.panes()
            inspector.labels()
    with qtbot.waitSignal(window.search.sig_results, timeout=10000):
        window.search.field.setText("passwd")  # the query is quoted in the status line, hits in tooltips
    inspector.view(window.search.view)
    inspector.labels()
    overview = window.show_notes()
    qtbot.waitUntil(lambda: overview.findChild(QAbstractItemView).model().rowCount() > 0, timeout=10000)
    for view in overview.findChildren(QAbstractItemView):
        inspector.view(view)
    window.runner.wait(5000)
    window.search_runner.wait(5000)
    assert not inspector.failures, "\n".join(sorted(inspector.failures))
    assert inspector.seen_escaped > 20  # the panes did show the data, as text


def test_plain_label_and_escaped_tooltips_show_the_literal_text(qtbot):
    from velsen_desk.ui.widgets.style import escaped_rich_text, plain_label

    label = plain_label(QLabel(SHOWN))
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    rich = escaped_rich_text(SHOWN + "\nregel 2")
    assert isinstance(rich, str) and "<img" not in rich and "&lt;img" in rich
    assert escaped_rich_text("") == "" and escaped_rich_text(None) is None
