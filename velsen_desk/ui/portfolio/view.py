"""Tab "Portefeuilles": the matrix with a detail pane for the chosen member or cell."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from velsen_desk.core.item_kinds import tab_for_kind
from velsen_desk.core.records import ProgrammeData
from velsen_desk.core.structs import msgspec
from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor
from velsen_desk.ui.portfolio.model import (
    PortfolioModel,
    empty_inferred_tooltip,
    loco_text,
    role_label,
    uncertain_tooltip,
)
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.detail_pane import DetailPane
from velsen_desk.ui.widgets.detail_split import DETAIL_BELOW, DetailSplit
from velsen_desk.ui.widgets.programme_tab import ProgrammeTab
from velsen_desk.ui.widgets.style import esc, html_css, plain_label, source_html


class PortfolioTab(ProgrammeTab):
    def __init__(self, state: ViewState, parent: QWidget | None = None):
        super().__init__(state, parent)
        self.model = PortfolioModel(self)
        self._wanted_item: str | None = None
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.table.setAccessibleName(self.tr("Portefeuilleverdeling"))
        self.table.setAccessibleDescription(
            self.tr("Tabel: collegeleden in de rijen, domeinen in de kolommen; kies een cel voor de details.")
        )
        self.table.selectionModel().currentChanged.connect(self._on_current)
        # Rows fit their wrapped text, but Qt measures them once, at the column widths of that
        # moment: drawn while the tab was hidden (narrow columns) a member's row stayed four times
        # too tall after the columns stretched. Measure again, once per turn, when a column's
        # width changes.
        self._refit_rows = QTimer(self)
        self._refit_rows.setSingleShot(True)
        self._refit_rows.setInterval(0)
        self._refit_rows.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._refit_rows.start())

        self.legend = plain_label(QLabel(self))
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Toelichting"))
        # Instead of headers over an empty table: a programme without a college says so.
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setAccessibleName(self.tr("Geen portefeuilleverdeling"))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setMargin(12)
        self.empty.hide()

        self.detail = DetailPane(
            state, self.tr("Details"), self.tr("Details van het gekozen collegelid of de gekozen cel, met bron."), self
        )
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addWidget(self.empty, 1)
        top_layout.addWidget(self.legend)
        self.note_editor = NoteEditor(self)
        splitter = DetailSplit(top, self.detail, self.note_editor, Qt.Orientation.Vertical, DETAIL_BELOW, self)
        self._detail_column = splitter.detail_column
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        state.sig_person_requested.connect(self.select_person)
        state.sig_item_requested.connect(self._on_item_requested)

    # ---- Public API

    def select_person(self, person_id: str) -> bool:
        self.ensure_drawn()
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def select_item(self, item_id: str) -> bool:
        """Select the cell holding portfolio item ``item_id``."""
        self.ensure_drawn()
        for row in range(self.model.rowCount()):
            for col in range(self.model.columnCount()):
                if any(i.id == item_id for i in self.model.items(row, col)):
                    index = self.model.index(row, col)
                    self._wanted_item = item_id  # the note editor names this item, not the cell's first
                    if index == self.table.currentIndex():
                        self.note_editor.choose(item_id)
                    self.table.setCurrentIndex(index)
                    self._wanted_item = None
                    self.table.scrollTo(index)
                    return True
        return False

    def keyboard_home(self) -> QWidget:
        return self.table

    def detail_text(self) -> str:
        self.ensure_drawn()
        return self.detail.toPlainText()

    # ---- Private

    def draw(self, data: ProgrammeData) -> None:
        self.note_editor.set_item(None)
        if data.matrix is None:
            return
        person_id = self._state.person_id
        self.model.set_matrix(data.matrix, bool(data.velden), person_id)
        has_college = bool(data.matrix.members)
        self.table.setVisible(has_college)
        self.empty.setVisible(not has_college)
        self._detail_column.setVisible(has_college)  # nothing to choose, so no details under the sentence
        if not has_college:
            self.empty.setText(self.tr("Voor {0} is geen portefeuilleverdeling bekend: de gegevens noemen "
                                       "geen collegeleden met portefeuilles.").format(data.programme.title))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col in range(self.model.columnCount()):
            column = self.model.column(col)
            if column is not None and column.kind in ("role", "party", "loco"):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        uncertain = any(not i.domain_certain for i in data.matrix.items)
        notes = []
        if uncertain:
            notes.append(self.tr("≈ = {0}").format(uncertain_tooltip()))  # the explanation ends in its own full stop
        if any(data.matrix.empty_inferred(m.id, d.id) for m in data.matrix.members for d in data.matrix.domains):
            notes.append(self.tr("— (afgeleid) = leeg volgens onze lezing, niet volgens de bron."))
        if not data.matrix.domains and has_college:
            notes.append(self.tr("Dit programma verdeelt de portefeuilles niet over domeinen."))
        if any(m.role is None or m.party is None for m in data.matrix.members):
            notes.append(self.tr("“onbekend”: de bron noemt het niet."))
        self.legend.setText(" ".join(notes))
        self.legend.setVisible(bool(notes))
        if person_id:  # marked with the reset above
            self.select_person(person_id)
        hint = self.tr("Kies een collegelid of een cel om de details en de bron te zien.")
        # The source's own notes under the table hold for every member: shown before any choice.
        self.detail.setHtml(f"{html_css()}<p>{esc(hint)}</p>{self._remarks_html()}")

    def show_person(self) -> None:
        person_id = self._state.person_id
        self.model.set_highlight(person_id)
        if person_id:
            self.select_person(person_id)

    def _on_item_requested(self, kind: str, item_id: str) -> None:
        if kind == "persoon":
            self.select_person(item_id)
        elif kind == "opmerking":  # the NB under the table: it holds for every member, so no cell
            self.ensure_drawn()
            self.table.clearSelection()
            self.detail.setHtml(f"{html_css()}{self._remarks_html()}")
        elif tab_for_kind(kind) == "portfolio":
            self.select_item(item_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row, col = current.row(), current.column()
        member = self.model.member(row)
        column = self.model.column(col)
        if member is None or column is None:
            return
        unknown = self.tr("onbekend")
        out = [html_css(), f"<h2>{esc(member.name)}</h2>"]
        if member.id == self._state.person_id:
            out.append(f'<p class="mine">★ {esc(self.tr("Bekeken als dit collegelid"))}</p>')
        loco = loco_text(member)
        out.append(
            f"<p><b>{esc(self.tr('Rol'))}:</b> {esc(role_label(member))}<br>"
            f"<b>{esc(self.tr('Partij'))}:</b> {esc(member.party or unknown)}<br>"
            f"<b>{esc(self.tr('Locoburgemeester'))}:</b> {esc(loco)}</p>"
        )
        if column.kind in ("domain", "portfolio"):
            items = self.model.items(row, col)
            title = column.title
        else:
            items = tuple(i for c in range(self.model.columnCount()) for i in self.model.items(row, c))
            title = self.tr("Alle portefeuilles")
        # Each item has a note of its own (a cell may hold several); anchored to the item's id.
        self.note_editor.set_choices(
            [NoteAnchor(i.id, "portefeuille", f"{i.name} ({member.name})") for i in items], self._wanted_item
        )
        out.append(f"<h3>{esc(title)}</h3>")
        if not items and self.model.empty_inferred(row, col):
            out.append(f'<p class="nnb">{esc(self.tr("— (afgeleid)"))} {esc(empty_inferred_tooltip())}</p>')
        elif not items:
            out.append(f'<p class="muted">{esc(self.tr("Geen portefeuille in deze kolom."))}</p>')
        for item in items:
            mark = " ≈" if not item.domain_certain else ""
            out.append(f"<h4>{esc(item.name)}{mark}</h4>")
            if item.detail:
                out.append(f"<p>{esc(item.detail)}</p>")
            if not item.domain_certain:
                out.append(f'<p class="nnb">≈ {esc(uncertain_tooltip())}</p>')
            out.append(source_html(item.source, self.tr("Bron")))
            if item.row_quote:  # the proof that it is this member's: their row up to the item
                out.append(source_html(msgspec.structs.replace(item.source, quote=item.row_quote),
                                       self.tr("Rij in de bron")))
        regie = self.model.regie(row)
        if regie:
            out.append(f"<h3>{esc(self.tr('Regie over thema’s'))}</h3><ul>")
            out.extend(f'<li><a href="theme:{esc(t.id)}">{t.number}. {esc(t.name)}</a></li>' for t in regie)
            out.append("</ul>")
        out.append(source_html(member.source, self.tr("Bron collegelid")))
        out.append(self._remarks_html())
        self.detail.setHtml("".join(out))

    def _remarks_html(self) -> str:
        """The source's notes under the table ("NB: …"): they qualify every member's portfolios."""
        data = self._state.data
        remarks = data.matrix.remarks if data is not None and data.matrix is not None else ()
        if not remarks:
            return ""
        out = [f"<h3>{esc(self.tr('Opmerkingen bij de portefeuilleverdeling'))}</h3>"]
        for remark in remarks:
            out.append(f"<p><b>{esc(remark.label)}:</b> {esc(remark.text)}</p>")
            out.append(source_html(remark.source, self.tr("Bron")))
        return "".join(out)
