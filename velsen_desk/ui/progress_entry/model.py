"""The party's own actions as a table: number, title, last status, peildatum, spend, explanation.

Sorting goes through a ``QSortFilterProxyModel`` on :data:`SORT_ROLE`, whose values compare as
plain numbers or text: the stoplicht order for status, the date for peildatum, and for spend an
amount above n.v.t. above n.n.b. above no report at all (they are never sorted as € 0).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.money import CostStatus
from velsen_desk.core.progress import ProgressStatus, long_date, status_label, status_meaning
from velsen_desk.server.party import PartyAction
from velsen_desk.ui.progress.marks import status_colour

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 40
ACTION_ROLE = Qt.ItemDataRole.UserRole + 41  # the PartyAction of the row

NUMBER, TITLE, STATUS, PEILDATUM, SPENT, EXPLANATION = range(6)
_STATUS_ORDER = {status: i for i, status in enumerate(ProgressStatus)}
_SPENT_ORDER = {CostStatus.NOT_APPLICABLE: -1, CostStatus.TO_BE_DETERMINED: -2}


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


def _headers() -> tuple[str, ...]:
    return (_tr("Nr."), _tr("Actie"), _tr("Laatste status"), _tr("Peildatum"), _tr("Gerealiseerd"),
            _tr("Toelichting"))


def spent_text(action: PartyAction) -> str:
    return format_cost(action.spent) if action.spent is not None else "—"


class PartyActionsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actions: list[PartyAction] = []
        self._headers = _headers()

    # ---- Public API

    def set_actions(self, actions: Sequence[PartyAction]) -> None:
        self.beginResetModel()
        self._actions = list(actions)
        self.endResetModel()

    def action(self, row: int) -> PartyAction | None:
        return self._actions[row] if 0 <= row < len(self._actions) else None

    def row_of(self, action_id: str) -> int | None:
        for row, action in enumerate(self._actions):
            if action.action_id == action_id:
                return row
        return None

    # ---- Qt

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        action = self.action(index.row()) if index.isValid() else None
        if action is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column)
        if role == SORT_ROLE:
            return self._sort_key(action, column)
        if role == ACTION_ROLE:
            return action
        if role == Qt.ItemDataRole.BackgroundRole and column == STATUS:
            return status_colour(action.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS and action.status is not None:
                return status_meaning(action.status)
            if column in (TITLE, EXPLANATION):
                return self._display(action, column) or None
        return None

    # ---- Private

    @staticmethod
    def _display(action: PartyAction, column: int) -> str:
        if column == NUMBER:
            return str(action.number)
        if column == TITLE:
            return action.title
        if column == STATUS:
            return status_label(action.status)
        if column == PEILDATUM:
            return long_date(action.peildatum) if action.peildatum is not None else "—"
        if column == EXPLANATION:
            return action.explanation or ""
        if column == SPENT:
            return spent_text(action)
        return ""

    @staticmethod
    def _sort_key(action: PartyAction, column: int) -> object:
        if column == NUMBER:
            return action.number
        if column == STATUS:
            return _STATUS_ORDER[action.status] if action.status is not None else -1
        if column == PEILDATUM:
            return action.peildatum.isoformat() if action.peildatum is not None else ""
        if column == SPENT:
            if action.spent is None:
                return -3
            if action.spent.status is CostStatus.AMOUNT:
                return action.spent.amount or 0
            return _SPENT_ORDER[action.spent.status]
        return PartyActionsModel._display(action, column).casefold()


def sorted_model(source: PartyActionsModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    return proxy
