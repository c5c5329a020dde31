"""Tab "Thema's": the programme's structure as a tree with a detail pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from velsen_desk.core.formatting import format_number
from velsen_desk.core.item_kinds import tab_for_kind
from velsen_desk.core.records import (
    AandachtsveldInfo,
    AgreementInfo,
    ChapterInfo,
    CoreValueInfo,
    FocusPointInfo,
    ImpulsprojectenInfo,
    ImpulsprojectInfo,
    OpgaveInfo,
    ProgrammeData,
    ProgrammeOutline,
    SpeerpuntInfo,
    ThemeInfo,
    TopicCategoryInfo,
)
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor
from velsen_desk.ui.operations import OperationRunner
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.themes import detail
from velsen_desk.ui.themes.detail import MEASUREMENT_SCHEME, Measured
from velsen_desk.ui.themes.model import (
    Agreements,
    CoreValues,
    MineFilterProxy,
    SpeerpuntGroup,
    ThemeTreeModel,
    TopicCategories,
)
from velsen_desk.ui.widgets.after_paint import after_paints
from velsen_desk.ui.widgets.columns import fit_column
from velsen_desk.ui.widgets.detail_pane import DetailPane
from velsen_desk.ui.widgets.detail_split import DetailSplit
from velsen_desk.ui.widgets.programme_tab import PREFETCH_ROWS, ProgrammeTab
from velsen_desk.ui.widgets.style import ID_ROLE, esc, html_css
from velsen_desk.ui.widgets.tree_model import Node, prefetch_rows

if TYPE_CHECKING:
    from PySide6.QtGui import QImage  # made with the first measurement chart, not before the first paint

    from velsen_desk.core.progress_records import MeasurementInfo, ProgressData


class ThemesTab(ProgrammeTab):
    def __init__(self, state: ViewState, parent: QWidget | None = None, runner: OperationRunner | None = None):
        super().__init__(state, parent)
        self._runner = runner
        self.measured: Measured = {}  # the programme's measurements per target, once read
        self._measured_of: str | None = None  # the programme id they belong to
        self._points: dict[str, FocusPointInfo] = {}
        self._images: dict[str, QImage | None] = {}  # painted measurement charts by image name
        self.model = ThemeTreeModel(self)
        self.proxy = MineFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(self.tr("Thema's"))
        self.tree.setAccessibleDescription(
            self.tr("Boom van de onderdelen van het programma; kies een onderdeel om de details te zien.")
        )
        self.tree.selectionModel().currentChanged.connect(self._on_current)

        self.detail = DetailPane(
            state, self.tr("Details"), self.tr("Details van het gekozen thema met bronnen en gekoppelde acties."), self
        )
        self.detail.image_provider = self._measurement_image
        self.note_editor = NoteEditor(self)
        splitter = DetailSplit(self.tree, self.detail, self.note_editor, Qt.Orientation.Horizontal, (2, 3), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._outline: ProgrammeOutline | None = None  # what the tree shows before the programme's data
        self._intro_shown: str | None = None  # the introduction the latest tree drawn opened on
        state.sig_outline_loaded.connect(self._on_outline)
        state.sig_only_mine_changed.connect(self._on_view_changed)
        state.sig_theme_requested.connect(self.select_theme)
        state.sig_item_requested.connect(self._on_item_requested)

    # ---- Public API

    def select_theme(self, theme_id: str) -> bool:
        self.ensure_drawn()
        index = self.model.find_id(theme_id)
        return self._select_source(index)

    def select_item(self, kind: str, item_id: str) -> bool:
        """Select a theme, chapter, focus point, opgave or speerpunt; in Velsen a chapter or focus
        point is found under the theme it contributes to."""
        if self.select_theme(item_id):  # themes, Heemskerk chapters/points, opgaven
            return True
        data = self._state.data
        if data is None:
            return False
        chapter = item_id if kind == "hoofdstuk" else _chapter_of(data, item_id)
        for theme_id, chapters in data.theme_chapters.items():
            if any(c.id == chapter for c in chapters):
                return self.select_theme(theme_id)
        return False

    def select_theme_number(self, number: int) -> bool:
        self.ensure_drawn()
        index = self.model.find(lambda n: isinstance(n.payload, ThemeInfo) and n.payload.number == number)
        return self._select_source(index)

    def keyboard_home(self) -> QWidget:
        return self.tree

    def expand_all(self) -> None:
        self.ensure_drawn()
        self.tree.expandAll()

    def collapse_all(self) -> None:
        self.tree.collapseAll()

    def detail_text(self) -> str:
        self.ensure_drawn()
        return self.detail.toPlainText()

    # ---- Private

    def _on_item_requested(self, kind: str, item_id: str) -> None:
        if tab_for_kind(kind) == "themes":
            self.select_item(kind, item_id)

    def _select_source(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        proxy_index = self.proxy.mapFromSource(index)
        if not proxy_index.isValid():  # hidden by the "mijn regie" filter: show everything
            self._state.set_only_mine(False)
            proxy_index = self.proxy.mapFromSource(index)
        self.tree.setCurrentIndex(proxy_index)
        self.tree.selectionModel().select(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.tree.scrollTo(proxy_index)
        return True

    def show_progress(self, data: ProgrammeData, progress: ProgressData) -> None:
        """Take the measurements of ``progress`` (the worker's result; tests call it directly)
        and show them in the detail of the chosen item."""
        measured: dict[tuple[str, int], list[MeasurementInfo]] = {}
        for m in progress.measurements:  # oldest first per target (the reader sorts them)
            measured.setdefault((m.focus_point_id, m.target), []).append(m)
        self.measured = {key: tuple(ms) for key, ms in measured.items()}
        self._measured_of = data.programme.id
        self._points = {p.id: p for c in data.chapters for p in c.focus_points}
        self._images.clear()
        current = self.tree.currentIndex()
        if self._state.data is data and current.isValid():
            self._on_current(current, current)

    def draw(self, data: ProgrammeData) -> None:
        if self._measured_of != data.programme.id:
            self.measured, self._measured_of = {}, None
            # After the paint: only a chosen item's detail shows measurements, and reading them
            # imports the progress monitor's modules (~10 ms before the first paint otherwise).
            after_paints(self, lambda: self._read_progress(data))
        outlined, self._outline = self._outline, None
        # After this programme's outline: the same rows, so what was chosen stays chosen.
        self._draw_tree(data, keep=outlined is not None and outlined.programme.id == data.programme.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown (or made) while the start's outline waits for its data: another tab was on
        # screen when the outline came.
        outline = self._state.outline
        if self._state.data is None and outline is not None and self._outline is not outline:
            self._on_outline(outline)

    def _on_outline(self, outline: ProgrammeOutline | None) -> None:
        # The start: its first rows before the whole programme is read (a plan of 2,000
        # actions takes ~0.1 s). Chosen rows show their details once the data are in.
        if self._state.data is not None:
            return
        if outline is None:  # its data could not be read: the failure is shown, not a part of it
            if self._outline is not None:
                self._outline = None
                self.model.set_root(Node("root"))
                self.detail.setHtml("")
        elif self.isVisible():
            # Again (a reload before the data came): the row chosen meanwhile stays chosen.
            shown, self._outline = self._outline, outline
            self._draw_tree(outline, keep=shown is not None and shown.programme.id == outline.programme.id)

    def _on_view_changed(self, *args: object) -> None:
        outline = self._outline
        if self._state.data is None:  # the person or "mijn regie" changed while the tree shows an outline
            if outline is not None and self.isVisible():
                self._mark_person(outline)
                if not self.tree.currentIndex().isValid():  # the introduction names the person's themes
                    self._intro_shown = self._intro(outline)
                    self.detail.setHtml(self._intro_shown)
            return
        super()._on_view_changed(*args)

    def _draw_tree(self, source: ProgrammeOutline, keep: bool = False) -> None:
        kept, scrolled = self.tree.currentIndex().data(ID_ROLE), self.tree.verticalScrollBar().value()
        collapsed = self._collapsed() if keep else set()
        self.note_editor.set_item(None)
        self.model.set_programme(source)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._mark_person(source)
        intro = self._intro(source)
        # Once: a new programme opens on its introduction. After its outline the pane still shows
        # it (no row shows details before the data), and each setHtml lays the text out again.
        if not keep or intro != self._intro_shown:
            self.detail.setHtml(intro)
        self._intro_shown = intro
        if keep:
            self._collapse(collapsed)
            self._choose_again(kept, scrolled)

    def _collapsed(self) -> set[str]:
        """The ids of the branches the user closed (each draw opens them all)."""
        closed: set[str] = set()
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.proxy.hasChildren(index):
                    if self.tree.isExpanded(index):
                        pending.append(index)
                    else:
                        closed.add(str(index.data(ID_ROLE)))
        return closed

    def _collapse(self, ids: set[str]) -> None:
        for item_id in ids:
            index = self._shown_index(item_id)
            if index.isValid():
                self.tree.collapse(index)

    def _shown_index(self, item_id: str) -> QModelIndex:
        """The tree's (proxy) index of the item ``item_id``; invalid when not shown."""
        return self.proxy.mapFromSource(self.model.find_id(item_id))

    def _choose_again(self, item_id: object, scrolled: int) -> None:
        if isinstance(item_id, str):
            index = self._shown_index(item_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)  # its details, now that the data are in
        self.tree.verticalScrollBar().setValue(scrolled)

    def prefetch(self) -> None:
        prefetch_rows(self.tree, PREFETCH_ROWS)

    def show_person(self) -> None:
        data = self._state.data
        if data is None:
            return
        self._mark_person(data)
        current = self.tree.currentIndex()
        if current.isValid():
            self._on_current(current, QModelIndex())
        else:
            self.detail.setHtml(self._intro(data))

    def _mark_person(self, data: ProgrammeOutline) -> None:
        """Highlight (and with the filter on, keep only) the "Bekijk als" person's themes."""
        person = self._state.person_id
        mine = data.regie_theme_ids(person)
        self.model.set_highlight(mine)
        filtering = self._state.filtering and bool(data.velden)
        self.proxy.set_filter(mine if filtering else None)
        self.tree.expandAll()
        if self.model.columnCount() > 1:
            fit_column(self.tree, 1)  # the regie column: the person's themes are bold, the filter hides rows

    def _intro(self, data: ProgrammeOutline) -> str:
        if data.velden:
            text = self.tr("Kies een thema om de regiehouder, de hoofdstukken, de acties en de bronnen te zien.")
        elif data.opgaven and data.impulsprojecten is not None:
            text = self.tr("Dit programma kent geen thema’s; hier staan de opgaven met hun speerpunten, "
                           "en de impulsprojecten.")
        elif data.opgaven:
            text = self.tr("Dit programma kent geen thema’s; hier staan de opgaven met hun speerpunten.")
        else:
            text = self.tr("Dit programma kent geen thema’s; hier staan de hoofdstukken met hun focuspunten.")
        html = f"{html_css()}<h2>{esc(data.programme.title)}</h2><p>{text}</p>"
        person = data.person(self._state.person_id)
        mine = [t for t in data.themes if t.regie and person and t.regie.id == person.id]
        if person and mine:
            html += f"<h3>{esc(self.tr('Regie van {0}').format(person.name))}</h3><ul>"
            html += "".join(f'<li><a href="theme:{t.id}">{t.number}. {esc(t.name)}</a></li>' for t in mine)
            html += "</ul>"
        return html

    def _read_progress(self, data: ProgrammeData) -> None:
        from velsen_desk.ui.shared_progress import read_progress

        runner = self._runner
        if runner is None or runner.database is None or self._state.data is not data:
            return  # without a database (tests) ``show_progress`` brings them; a newer programme reads its own
        read_progress(runner, data.programme.id, lambda progress: self._on_progress_read(data, progress))

    def _on_progress_read(self, data: ProgrammeData, progress: ProgressData) -> None:
        if self._state.data is data:  # a newer programme reads its own
            self.show_progress(data, progress)

    def _measurement_image(self, name: str) -> QImage | None:
        if name not in self._images:  # the pane asks on every layout; a theme shows a few
            self._images[name] = self._paint_measurements(name)
        return self._images[name]

    def _paint_measurements(self, name: str) -> QImage | None:
        from velsen_desk.ui.themes.measure_chart import measurement_image  # only once there are measurements

        scheme, _, rest = name.partition(":")
        point_id, _, index = rest.rpartition("/")
        point = self._points.get(point_id)
        found = self.measured.get((point_id, int(index))) if index.isdigit() else None
        if scheme != MEASUREMENT_SCHEME or point is None or not found or int(index) >= len(point.targets):
            return None
        target = point.targets[int(index)]
        bits = []
        if target.figure is not None:
            bits.append(format_number(target.figure, window_locale()) + (f" {target.unit}" if target.unit else ""))
        if target.year is not None:
            bits.append(str(target.year))
        label = self.tr("doel {0}").format(" in ".join(bits))
        return measurement_image(target, found, self.palette().color(QPalette.ColorRole.Text), label,
                                 self.devicePixelRatioF())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        data = self._state.data
        if data is None or not current.isValid():
            return
        selection = self.tree.selectionModel()
        if not selection.isSelected(current):
            # Qt makes the first row current without selecting it when the tree first gets the
            # focus; the detail shows the current row, so that row must look chosen too.
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
        source = self.proxy.mapToSource(current.siblingAtColumn(0))
        node = self.model.node(source)
        person = self._state.person_id
        parent = node.parent.payload if node.parent else None
        note = None
        match node.payload:
            case ThemeInfo() as theme:
                html = detail.theme_html(data, theme, person, self.measured)
                note = NoteAnchor(theme.id, "thema", self.tr("Thema {0}: {1}").format(theme.number, theme.name))
            case AandachtsveldInfo() as veld:
                html = detail.veld_html(veld, person)
            case ChapterInfo() as chapter:
                html = detail.chapter_html(chapter, self.measured)
            case FocusPointInfo() as point:
                html = detail.focus_point_html(point, parent if isinstance(parent, ChapterInfo) else None,
                                               self.measured)
                note = NoteAnchor(point.id, "focuspunt", self.tr("Focuspunt {0}: {1}").format(
                    point.order, _short_label(point.text)))
            case OpgaveInfo() as opgave:
                html = detail.opgave_html(opgave)
            case SpeerpuntGroup() as group:
                html = detail.opgave_html(group.opgave, group.kind)
            case SpeerpuntInfo() as speerpunt:
                opgave_of = parent.opgave if isinstance(parent, SpeerpuntGroup) else parent
                html = detail.speerpunt_html(speerpunt, opgave_of if isinstance(opgave_of, OpgaveInfo) else None)
                note = NoteAnchor(speerpunt.id, "speerpunt", _short_label(detail.speerpunt_parts(speerpunt.text)[0]))
            case ImpulsprojectenInfo() as projects:
                html = detail.impulsprojecten_html(projects)
            case ImpulsprojectInfo() as project:
                html = detail.impulsproject_html(project, parent if isinstance(parent, ImpulsprojectenInfo) else None)
            case CoreValues() as values:
                html = detail.core_values_html(values.values)
            case CoreValueInfo() as value:
                html = detail.core_values_html((value,))
            case TopicCategories() as categories:
                html = detail.topic_categories_html(categories.categories)
            case TopicCategoryInfo() as category:
                html = detail.topic_categories_html((category,))
            case Agreements() as agreements:
                html = detail.agreements_html(agreements.agreements)
            case AgreementInfo() as agreement:
                html = detail.agreements_html((agreement,))
                note = NoteAnchor(agreement.id, "afspraak", _short_label(agreement.text))
            case None:
                return
        self.detail.setHtml(html)
        self.detail.setProperty("shown_id", source.data(ID_ROLE))
        self.note_editor.set_item(note)


def _short_label(text: str, limit: int = 60) -> str:
    """A note's label: what the editor and the notes overview name the item by."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _chapter_of(data: ProgrammeData, point_id: str) -> str | None:
    """The chapter that holds focus point ``point_id``."""
    chapters = list(data.chapters) + [c for cs in data.theme_chapters.values() for c in cs]
    return next((c.id for c in chapters if any(p.id == point_id for p in c.focus_points)), None)
