""""Wat is er veranderd": the changes between two data versions, grouped by kind.

:class:`ChangesModel` is a two-level item
model (kind → change) and :class:`ChangesDialog` a non-modal window over it. A changed text
shows its changed words marked (``word_diff_view``), in the cells from a few words before the
first difference, and in full in the detail pane under the list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.item_kinds import kind_order
from velsen_desk.core.word_diff import around_first_change, mostly_shared, side
from velsen_desk.sync.changes import ChangeReport
from velsen_desk.sync.diff import Change
from velsen_desk.ui.sync.word_diff_view import PIECES_ROLE, WordDiffDelegate, pieces_html
from velsen_desk.ui.widgets.grouped_model import GROUP as _GROUP
from velsen_desk.ui.widgets.grouped_model import NO_PARENT as _NO_PARENT
from velsen_desk.ui.widgets.grouped_model import GroupedItemModel, Index
from velsen_desk.ui.widgets.style import bold_font, esc, escaped_rich_text, html_css, plain_label


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def unlisted_change_text() -> str:
    """For two different data versions whose compared fields are all equal: the list is empty,
    yet saying "no differences" would be untrue (sync.diff compares a fixed set of fields)."""
    return _tr("De gegevens zijn gewijzigd, maar niet in wat dit overzicht vergelijkt: namen en titels, "
               "regie, portefeuilles, trekkers, kosten, planning en de punten van de hoofdstukken. Andere "
               "teksten, zoals toelichtingen en citaten uit de bronnen, kunnen wel veranderd zijn.")


def change_text(change: Change) -> str:
    return {"toegevoegd": _tr("toegevoegd"), "verwijderd": _tr("verwijderd"), "gewijzigd": _tr("gewijzigd")}.get(
        change.change, change.change
    )


class ChangesModel(GroupedItemModel):
    """Kinds (thema, actie, ...) as top rows, their changes as children.
    Columns: Onderdeel, Wijziging, Oud, Nieuw."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[Change]]] = []
        self.headers = (_tr("Onderdeel"), _tr("Wijziging"), _tr("Oud"), _tr("Nieuw"))

    # ---- Public API

    def set_changes(self, changes: tuple[Change, ...] | list[Change]) -> None:
        self.beginResetModel()
        grouped: dict[str, list[Change]] = {}
        for change in changes:
            grouped.setdefault(change.kind, []).append(change)
        self._groups = sorted(grouped.items(), key=lambda kv: kind_order(kv[0]))
        self.endResetModel()

    def change_at(self, index: Index) -> Change | None:
        """The change on ``index``'s row; None for a kind's row or no row."""
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        changes: list[Change] = self._groups[index.internalId()][1]
        return changes[index.row()]

    # ---- Qt model

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            kind, changes = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"{self.group_label(kind)} ({len(changes)})"
            if role == Qt.ItemDataRole.FontRole:
                return bold_font()
            return None
        change = self._groups[index.internalId()][1][index.row()]
        if role == PIECES_ROLE and index.column() in (2, 3) and change.old and change.new:
            # Only where the texts share words: "€ 1.000" against "€ 2.000" reads as it is.
            pieces = change.words()
            if mostly_shared(pieces):
                return around_first_change(side(pieces, "old" if index.column() == 2 else "new"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_rich_text(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return change.label
            if column == 1:
                return f"{change_text(change)}: {change.field_label}" if change.field else change_text(change)
            if column == 2:
                return (change.old or _tr("leeg")) if change.change == "gewijzigd" else ""
            if column == 3:
                return (change.new or _tr("leeg")) if change.change == "gewijzigd" else ""
        return None


def arrange_change_columns(tree: QTreeView) -> None:
    """The item and the kind of change wide enough to read, old and new side by side and equally
    wide (the marks line up), the changed words marked; here and in the rollback preview."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, 300)
    header.resizeSection(1, 150)
    for column in (2, 3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    tree.setItemDelegate(WordDiffDelegate(tree))


class ChangesDialog(QDialog):
    """Non-modal: stays open beside the window while the raadslid reads the new data."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("changes_dialog")
        self.setWindowTitle(self.tr("Wat is er veranderd"))
        self.setModal(False)
        self.resize(900, 600)
        self.summary = plain_label(QLabel(self))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting van de wijzigingen"))
        self.model = ChangesModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Wijzigingen"))
        self.tree.setAccessibleDescription(
            self.tr("Wijzigingen per soort onderdeel: toegevoegd, verwijderd of gewijzigd, met oud en nieuw.")
        )
        arrange_change_columns(self.tree)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("change_detail")
        self.detail.setOpenLinks(False)  # the texts come from the data; nothing in them is a link to follow
        self.detail.setAccessibleName(self.tr("De gekozen wijziging, oud en nieuw voluit"))
        self.detail.setPlaceholderText(self.tr("Kies een wijziging om oud en nieuw voluit te zien."))
        self.tree.selectionModel().currentRowChanged.connect(self._show_detail)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)

    # ---- Public API

    def show_report(self, report: ChangeReport) -> None:
        self.model.set_changes(report.changes)
        if report.old is None:
            text = self.tr("Er is nog geen eerdere versie om mee te vergelijken. Na een synchronisatie die "
                           "nieuwe gegevens brengt, ziet u hier wat er veranderd is.")
        elif not report.changes and report.data_changed:
            text = unlisted_change_text()
        elif not report.changes:
            text = self.tr("Geen verschillen met de vorige versie.")
        else:
            text = self.tr("%n wijziging(en) ten opzichte van de vorige versie.", "", len(report.changes))
        self.summary.setText(text)
        self.tree.expandAll()

    def _show_detail(self, current: QModelIndex) -> None:
        change = self.model.change_at(current)
        if change is None:
            self.detail.clear()
            return
        html = [html_css(), f"<h3>{esc(change.label)}</h3><p>{esc(self.model.data(current.siblingAtColumn(1)))}</p>"]
        if change.change == "gewijzigd":
            pieces = change.words()
            sides = ((self.tr("Oud"), side(pieces, "old"), change.old),
                     (self.tr("Nieuw"), side(pieces, "new"), change.new))
            for title, shown_pieces, value in sides:
                shown = pieces_html(shown_pieces) if value else f"<i>{esc(_tr('leeg'))}</i>"
                html.append(f"<p><b>{esc(title)}</b><br>{shown}</p>")
        self.detail.setHtml("".join(html))

    def change_lines(self) -> list[str]:
        """All change rows as text (for tests and screen readers' summaries)."""
        lines = []
        for g in range(self.model.rowCount()):
            group = self.model.index(g, 0)
            for r in range(self.model.rowCount(group)):
                cells = [self.model.index(r, c, group).data() or "" for c in range(self.model.columnCount())]
                lines.append(f"{group.data()} | " + " | ".join(cells))
        return lines
