"""The portfolio matrix: college members × domains (or one "Portefeuille" column)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from velsen_desk.core import records
from velsen_desk.core.formatting import format_loco, role_text
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.widgets.style import HIGHLIGHT_ROLE, ID_ROLE, KIND_ROLE, bold_font, highlight_brush

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()  # the invalid index, as a default argument


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def loco_text(member: records.PersonInfo) -> str:
    """The locoburgemeester order in the window's language ("unknown" beside role and party)."""
    return format_loco(member.role, member.locoburgemeester_order, window_locale())


def role_label(member: records.PersonInfo) -> str:
    """The member's office in the window's language ("mayor" / "burgemeester"; "unknown")."""
    return role_text(member.role, window_locale())


def uncertain_tooltip() -> str:
    return _tr("Kolom onzeker: in het brondocument lopen de kolommen van deze tabel in elkaar over, "
               "dus in welke kolom dit staat is afgeleid.")


def empty_inferred_tooltip() -> str:
    return _tr("Leeg volgens onze lezing: in het brondocument lopen de kolommen in elkaar over, dus een "
               "portefeuille met ≈ kan ook in deze kolom hebben gestaan. De bron zegt niet dat deze cel leeg is.")


@dataclass(frozen=True)
class Column:
    kind: str  # "role", "party", "loco", "domain", "portfolio", "regie"
    title: str
    domain_id: str | None = None


class PortfolioModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._matrix: records.PortfolioMatrix | None = None
        self._columns: list[Column] = []
        self._highlight: str | None = None

    # ---- Public API

    def set_matrix(self, matrix: records.PortfolioMatrix, has_themes: bool, highlight: str | None = None) -> None:
        """Show ``matrix`` with ``highlight``'s row marked (set before the reset: marking it after
        told the view every cell changed, and its columns sized to contents asked them all again)."""
        self.beginResetModel()
        self._matrix = matrix
        self._highlight = highlight
        cols = [Column("role", _tr("Rol")), Column("party", _tr("Partij")), Column("loco", _tr("Loco"))]
        if matrix.domains:
            cols += [Column("domain", d.name, d.id) for d in matrix.domains]
        else:
            cols.append(Column("portfolio", _tr("Portefeuille")))
        if has_themes:
            cols.append(Column("regie", _tr("Regie-thema’s")))
        self._columns = cols
        self.endResetModel()

    def set_highlight(self, person_id: str | None) -> None:
        self._highlight = person_id
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def member(self, row: int) -> records.PersonInfo | None:
        if self._matrix is None or not 0 <= row < len(self._matrix.members):
            return None
        return self._matrix.members[row]

    def column(self, column: int) -> Column | None:
        return self._columns[column] if 0 <= column < len(self._columns) else None

    def row_of(self, person_id: str) -> int:
        if self._matrix is None:
            return -1
        return next((i for i, m in enumerate(self._matrix.members) if m.id == person_id), -1)

    def items(self, row: int, column: int) -> tuple[records.PortfolioItemInfo, ...]:
        member, col = self.member(row), self.column(column)
        if member is None or col is None or self._matrix is None:
            return ()
        if col.kind == "domain":
            return self._matrix.cell(member.id, col.domain_id)
        if col.kind == "portfolio":
            return tuple(i for i in self._matrix.items if i.person_id == member.id)
        return ()

    def empty_inferred(self, row: int, column: int) -> bool:
        """The cell is shown empty only by our reading of the table (see PortfolioMatrix.empty_inferred)."""
        member, col = self.member(row), self.column(column)
        if member is None or col is None or self._matrix is None or col.kind != "domain":
            return False
        return self._matrix.empty_inferred(member.id, col.domain_id)

    def regie(self, row: int) -> tuple[records.ThemeInfo, ...]:
        member = self.member(row)
        if member is None or self._matrix is None:
            return ()
        return self._matrix.regie.get(member.id, ())

    # ---- QAbstractTableModel

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.members)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            col = self.column(section)
            if col is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return col.title
            if role == Qt.ItemDataRole.ToolTipRole and col.kind == "loco":
                return _tr("Volgorde als locoburgemeester")
            return None
        member = self.member(section)
        if member is None:
            return None
        mine = member.id == self._highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return f"★ {member.name}" if mine else member.name
        if role == Qt.ItemDataRole.FontRole and mine:
            return bold_font()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member, col = self.member(index.row()), self.column(index.column())
        if member is None or col is None:
            return None
        mine = member.id == self._highlight
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), index.column(), member, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            items = self.items(index.row(), index.column())
            if any(not i.domain_certain for i in items):
                return "≈ " + uncertain_tooltip()
            if self.empty_inferred(index.row(), index.column()):
                return empty_inferred_tooltip()
            return None
        if role == HIGHLIGHT_ROLE:
            return mine
        if role == Qt.ItemDataRole.BackgroundRole and mine:
            return highlight_brush()
        if role == Qt.ItemDataRole.FontRole and mine:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == ID_ROLE:
            return member.id
        if role == KIND_ROLE:
            return col.kind
        return None

    def _text(self, row: int, column: int, member: records.PersonInfo, col: Column) -> str:
        unknown = _tr("onbekend")
        if col.kind == "role":
            return role_label(member)
        if col.kind == "party":
            return member.party or unknown
        if col.kind == "loco":
            return loco_text(member)
        if col.kind == "regie":
            return "\n".join(f"{t.number}. {t.name}" for t in self.regie(row))
        if self.empty_inferred(row, column):
            return _tr("— (afgeleid)")
        return "\n".join(("≈ " if not i.domain_certain else "• ") + i.name for i in self.items(row, column))
