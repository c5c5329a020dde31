"""The party's own actions beside the status form, with the connection said in the header.

Every server call runs on the feature's one worker thread (:mod:`.jobs`). What the user typed
stays in the form until the server stored it: after a conflict, a lost connection or a refusal
the form is untouched, and switching to another action keeps each action's draft.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStatusBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.progress import long_date, status_label
from velsen_desk.server.errors import ConcurrentEdit, ConnectionLost, ServerProblem
from velsen_desk.server.party import PartyAction
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.progress_entry.conflict import Choice, ConflictDialog
from velsen_desk.ui.progress_entry.form import Draft, FormError, StatusForm
from velsen_desk.ui.progress_entry.jobs import (
    Connected,
    Submission,
    Submitted,
    close_session,
    list_actions,
    submit_and_list,
)
from velsen_desk.ui.progress_entry.model import EXPLANATION, NUMBER, TITLE, PartyActionsModel, sorted_model
from velsen_desk.ui.widgets.style import plain_label


class ProgressEntryDialog(QDialog):
    def __init__(self, connected: Connected, runner: OperationRunner, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_entry")
        self.setWindowTitle(self.tr("Voortgang invullen — {0}").format(connected.organisation))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._connected = connected
        self._session = connected.session
        self._runner = runner
        self._drafts: dict[str, Draft] = {}
        self._closed = False
        self._pending: Submission | None = None  # the submission on its way, for a resubmit after a conflict
        self.message_box: QMessageBox | None = None
        self.conflict_dialog: ConflictDialog | None = None

        self.header = plain_label(QLabel(self.connection_text(), self))
        self.header.setObjectName("connection_header")
        self.header.setWordWrap(True)

        self.model = PartyActionsModel(self)
        self.proxy = sorted_model(self.model, self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Acties van {0}").format(connected.organisation))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"), self)
        self.refresh_button.setToolTip(self.tr("Haal de lijst opnieuw op van de server"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = plain_label(QLabel(self))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.refresh_button)
        left_layout.addLayout(row)

        self.form = StatusForm(today, self)
        self.form.sig_submit_requested.connect(self.submit)
        self.splitter = splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self._sized = False

        self.status_bar = QStatusBar(self)
        self.status_bar.setSizeGripEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_bar)
        self.set_actions(connected.actions)
        if self.model.rowCount():
            self.table.selectRow(0)

    # ---- Public API

    @property
    def runner(self) -> OperationRunner:
        """The feature's one-thread runner every server call of this dialog goes through."""
        return self._runner

    def connection_text(self) -> str:
        c = self._connected
        if c.encrypted:
            text = self.tr("Verbonden met {0} als {1} ({2}), versleuteld (TLS)")
        else:
            text = self.tr("Verbonden met {0} als {1} ({2}), niet versleuteld")
        return text.format(c.server, c.user, c.organisation)

    def set_actions(self, actions: tuple[PartyAction, ...]) -> None:
        """Show ``actions``, keeping the selected one selected (the form keeps its draft)."""
        current = self.form.action
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.set_actions(actions)
        self.table.selectionModel().blockSignals(blocker)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)  # a stretched last section ignores the width set below
        self.table.resizeColumnsToContents()
        # Long titles and explanations are elided (the tooltip has them whole), so every column fits.
        for column, widest in ((TITLE, 220), (EXPLANATION, 100)):  # the last one stretches into what is left
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count_label.setText(self.tr("%n actie(s) van {0}", "", len(actions)).format(
            self._connected.organisation))
        if current is not None and not self.select_action(current.action_id):
            self.form.show_action(None)  # it is gone from the list: nothing to fill in any more

    def select_action(self, action_id: str) -> bool:
        row = self.model.row_of(action_id)
        if row is None:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._show_action(self.model.action(row))
        return True

    def submit(self, submission: Submission | None = None) -> bool:
        """Send the form (or ``submission``, for a resubmit after a conflict) off the GUI thread."""
        if submission is None:
            try:
                submission = self.form.submission()
            except FormError as exc:
                self.form.show_problem(str(exc))
                return False
        self._pending = submission
        self.form.show_problem("")
        self.form.set_busy(True)
        self.status_bar.showMessage(self.tr("Versturen…"))
        op = Operation(partial(submit_and_list, self._session, submission), success=self._on_submitted,
                       failure=self._on_submit_failed, expected=(ServerProblem,))  # no key: never dropped as stale
        self._runner.start(op.with_progress(self.tr("Versturen…")))
        return True

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        op = Operation(partial(list_actions, self._session), success=self._on_refreshed,
                       failure=self._on_refresh_failed, key="progress-entry-list", expected=(ServerProblem,))
        self._runner.start(op.with_progress(self.tr("Lijst ophalen…")))

    def unsent(self) -> list[str]:
        """The numbers of the actions with typed or chosen text that was not sent."""
        drafts = dict(self._drafts)
        current = self.form.action
        if current is not None:
            drafts[current.action_id] = self.form.draft()
        return [str(action.number) for row in range(self.model.rowCount())
                if (action := self.model.action(row)) is not None
                and action.action_id in drafts and not drafts[action.action_id].is_empty]

    def confirm_close(self) -> bool:
        """True when nothing typed is unsent, or the user chose to drop it."""
        unsent = self.unsent()
        if not unsent:
            return True
        answer = QMessageBox.question(
            self, self.tr("Niet verstuurd"),
            self.tr("De voortgang van actie {0} is ingevuld maar niet verstuurd. Toch sluiten? Wat u typte gaat "
                    "dan verloren.").format(", ".join(unsent)),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def shutdown(self) -> None:
        """Close the session (after any job still queued on the worker) without asking."""
        self._close_session()

    # ---- Qt

    def done(self, result: int) -> None:
        # Esc, the close button and the window manager's close all end here (QDialog.closeEvent rejects).
        if not self.confirm_close():
            return
        self.shutdown()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # once, at the size it opens with: the list wide enough for status, date and spend
            self._sized = True
            width = self.splitter.width()
            self.splitter.setSizes([width * 2 // 3, width - width * 2 // 3])

    # ---- Private

    def _close_session(self) -> None:
        if not self._closed:  # after any submission still queued on the same worker
            self._closed = True
            self._runner.start(Operation(partial(close_session, self._session), success=lambda _none: None))

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self._show_action(self.model.action(self.proxy.mapToSource(rows[0]).row()))

    def _show_action(self, action: PartyAction | None) -> None:
        current = self.form.action
        if current is not None and (action is None or current.action_id != action.action_id):
            self._drafts[current.action_id] = self.form.draft()
        if action is not None and current is not None and action.action_id == current.action_id:
            self.form.show_action(action, self.form.draft())  # the same action, newer data: keep the typing
            return
        self.form.show_action(action, self._drafts.get(action.action_id) if action is not None else None)

    def _on_submitted(self, submitted: Submitted) -> None:
        self.form.set_busy(False)
        sent = submitted.submission
        self._drafts.pop(sent.action_id, None)
        self.set_actions(submitted.actions)
        if self.form.action is not None and self.form.action.action_id == sent.action_id:
            self.form.show_action(self.form.action)  # stored: the form starts empty again
        action = next((a for a in submitted.actions if a.action_id == sent.action_id), None)
        number = action.number if action is not None else sent.action_id
        self.status_bar.showMessage(self.tr("Opgeslagen: actie {0}, {1} op {2} (versie {3}).").format(
            number, status_label(sent.status), long_date(sent.peildatum), submitted.version))

    def _on_submit_failed(self, error: Exception) -> None:
        self.form.set_busy(False)
        self.status_bar.clearMessage()
        if isinstance(error, ConcurrentEdit):
            self._show_conflict(error)
            return
        if isinstance(error, ConnectionLost):
            self.status_bar.showMessage(self.tr("Verbinding verbroken; niets opgeslagen."))
            self._tell(self.tr("Niet opgeslagen"), error.message)
            return
        if isinstance(error, ServerProblem):
            self._tell(self.tr("Niet opgeslagen"), error.message)
            return
        self._tell(self.tr("Niet opgeslagen"), self.tr(
            "Het versturen lukte niet door een onverwachte fout; er is niets opgeslagen en uw tekst staat nog in "
            "het formulier. De details staan in het logbestand."))

    def _show_conflict(self, conflict: ConcurrentEdit) -> None:
        pending = self._pending
        if pending is None:  # not possible: a conflict answers a submission
            return
        # The action that was sent, which need not be the one on show (the user may have moved on).
        row = self.model.row_of(pending.action_id)
        action = self.model.action(row) if row is not None else None
        dialog = ConflictDialog(conflict, action.title if action is not None else pending.action_id,
                                self._connected.user, self)
        self.conflict_dialog = dialog

        def decided(_result: int) -> None:
            if dialog.choice is Choice.RESUBMIT_MINE:
                # On top of exactly the version shown; if it moved again, the server says so again.
                self.submit(Submission(pending.action_id, pending.peildatum, pending.status, pending.explanation,
                                       pending.spent, conflict.theirs.version))
            elif dialog.choice is Choice.KEEP_THEIRS:
                self._drafts.pop(pending.action_id, None)
                shown = self.form.action
                if shown is not None and shown.action_id == pending.action_id:
                    self.form.show_action(shown)
                self.status_bar.showMessage(self.tr("De versie op de server blijft staan; uw versie is weggelaten."))
                self.refresh()

        dialog.finished.connect(decided)
        dialog.open()

    def _on_refreshed(self, actions: tuple[PartyAction, ...]) -> None:
        self.refresh_button.setEnabled(True)
        self.set_actions(actions)
        self.status_bar.showMessage(self.tr("Lijst bijgewerkt."), 5000)

    def _on_refresh_failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        message = error.message if isinstance(error, ServerProblem) else self.tr(
            "De lijst ophalen lukte niet door een onverwachte fout; de details staan in het logbestand.")
        self.status_bar.showMessage(message)

    def _tell(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setModal(False)
        self.message_box = box
        box.show()
