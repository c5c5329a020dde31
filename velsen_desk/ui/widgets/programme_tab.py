"""The base of the four tabs: each draws the loaded programme, a hidden one only when needed.

Drawing all four tabs at once took ~100 ms before the first paint. Now the visible tab draws at
once, the main window brings the hidden ones up to date one per event-loop turn right after
(:meth:`MainWindow._catch_up`), and a tab that is shown, or asked to select something, before
its turn catches up first. Subclasses implement :meth:`draw` and call :meth:`ensure_drawn` at the
start of public methods that read their models; :meth:`show_person` redraws for the
"Bekijk als" person, and is called only while the tab is up to date (``draw`` shows the person
of a programme it catches up with). A new person is shown at once by the visible tab; a hidden
one shows it in an event-loop turn of its own right after, or first when it is shown or asked
to select something (all four at once took ~20 ms of one click; at 2,000 actions ~150 ms,
and timers started together all fire in one turn, so the hidden tabs queue on the view state).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from velsen_desk.core.records import ProgrammeData
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.widgets.after_paint import after_paints

PREFETCH_ROWS = 40  # more than a tree shows in a full-height window


class ProgrammeTab(QWidget):
    uses_preparations: ClassVar[bool] = False
    """True: :meth:`draw` swaps in what the programme's read prepared in its worker (see
    :class:`~velsen_desk.ui.programme_loader.ProgrammeLoader`), so a hidden tab catching up
    waits for those preparations rather than making them on the GUI thread."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._drawn: ProgrammeData | None = None
        self._person_pending = False  # a hidden tab drawn before the latest person change
        state.sig_programme_loaded.connect(self._on_programme_loaded)
        state.sig_person_changed.connect(self._on_view_changed)

    # ---- Public API

    @property
    def up_to_date(self) -> bool:
        """True when the tab shows the loaded programme (or nothing is loaded)."""
        return self._drawn is self._state.data

    @property
    def settling(self) -> bool:
        """True while the tab still fills in what it drew, in later turns (a tree expanding
        batch by batch); the window's catch-up of the hidden tabs waits for it."""
        return False

    def ensure_drawn(self) -> None:
        data = self._state.data
        if data is not None and data is not self._drawn:
            self._drawn = data
            self._person_pending = False
            try:
                self.draw(data)
            except BaseException:
                self._drawn = None  # not drawn: the next ask draws again rather than show the old programme
                raise
        elif self._person_pending:
            self._person_pending = False
            self.show_person()

    def draw(self, data: ProgrammeData) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def show_person(self) -> None:
        """Highlight (or filter to) the view state's person; the default shows no person."""

    def prefetch(self) -> None:
        """Ask now, in an event-loop turn of its own, what this hidden tab's first paint will
        ask of its models, so that paint is quicker; the default asks nothing."""

    def keyboard_home(self) -> QWidget:
        """The widget the keyboard goes to when the user enters the tab (Ctrl+1…5, leaving the
        search): its main list or tree, where the arrow keys mean something; the default is the tab."""
        return self

    def expand_all(self) -> None:
        """Beeld → Alles uitklappen; a tab without a tree ignores it."""

    def collapse_all(self) -> None:
        """Beeld → Alles inklappen; a tab without a tree ignores it."""

    # ---- Qt

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_drawn()

    # ---- Private

    def _on_programme_loaded(self, _data: ProgrammeData) -> None:
        if self.isVisible():
            self.ensure_drawn()

    def _on_view_changed(self, *_args: object) -> None:
        if self._state.data is None or not self.up_to_date:  # draw() shows the person later
            return
        if self.isVisible():
            self._person_pending = False
            self.show_person()
        elif not self._person_pending:
            self._person_pending = True
            after_paints(self._state, self.ensure_drawn, one_per_turn=True)
