"""Search results as a two-level item model: kind (Thema's, Acties, ...) → hits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt

from velsen_desk.storage.search import SearchHit, group_by_kind
from velsen_desk.ui.widgets.grouped_model import GROUP as _GROUP
from velsen_desk.ui.widgets.grouped_model import NO_PARENT as _NO_PARENT
from velsen_desk.ui.widgets.grouped_model import GroupedItemModel, Index
from velsen_desk.ui.widgets.style import bold_font, escaped_rich_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 20  # the SearchHit of a result row (None for a group row)
MARKED_ROLE = Qt.ItemDataRole.UserRole + 21  # title/snippet with \x02..\x03 highlight markers


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def _numbered_title(kind: str, number: str, title: str) -> str:
    text = _tr("Focusopgave {0}: {1}") if kind == "focusopgave" else _tr("Actie {0}: {1}")
    return text.format(number, title)


class SearchResultsModel(GroupedItemModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[tuple[str, list[SearchHit]]] = []
        self._programmes: dict[str, str] = {}

    # ---- Public API

    def set_hits(self, hits: list[SearchHit], programme_titles: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._groups = list(group_by_kind([hit.relabelled(_numbered_title) for hit in hits]).items())
        self._programmes = programme_titles or {}
        self.endResetModel()

    def hit_count(self) -> int:
        return sum(len(hits) for _kind, hits in self._groups)

    def first_hit_index(self) -> QModelIndex:
        return self.index(0, 0, self.index(0, 0)) if self._groups else QModelIndex()

    # ---- Qt model

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            kind, hits = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{self.group_label(kind)} ({len(hits)})"
            if role == Qt.ItemDataRole.FontRole:
                return bold_font()
            return None
        hit = self._groups[index.internalId()][1][index.row()]
        title, snippet = hit.plain()
        programme = self._programmes.get(hit.programme_id, hit.programme_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return escaped_rich_text(f"{title}\n{snippet}\n{programme}")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"{snippet} ({programme})"
        if role == MARKED_ROLE:
            return hit.title, " ".join(hit.snippet.split()), programme
        if role == HIT_ROLE:
            return hit
        return None
