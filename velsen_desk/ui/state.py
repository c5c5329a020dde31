"""Shared view state: which programme is loaded and whose eyes we look through.

Tabs do not call each other. They listen to this object and post requests to it; the main
window turns requests into tab switches.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from velsen_desk.core.records import ProgrammeData


class ViewState(QObject):
    # ---- Signals
    sig_programme_loaded = Signal(object)
    """A new :class:`ProgrammeData` is loaded; every tab redraws from it."""
    sig_person_changed = Signal(object)
    """The "Bekijk als" person changed (person id or None)."""
    sig_only_mine_changed = Signal(bool)
    """Whether views filter to the person's own items ("mijn regie")."""
    sig_person_requested = Signal(str)
    """Show this person in the portfolio tab."""
    sig_theme_requested = Signal(str)
    """Show this theme in the themes tab."""
    sig_action_requested = Signal(str)
    """Show this action in the budget tab."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.data: ProgrammeData | None = None
        self.person_id: str | None = None
        self.only_mine = True

    # ---- Public API

    def set_data(self, data: ProgrammeData) -> None:
        self.data = data
        if data.person(self.person_id) is None:
            self.person_id = None
        self.sig_programme_loaded.emit(data)

    def set_person(self, person_id: str | None) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self.sig_person_changed.emit(person_id)

    def set_only_mine(self, value: bool) -> None:
        if value != self.only_mine:
            self.only_mine = value
            self.sig_only_mine_changed.emit(value)

    @property
    def filtering(self) -> bool:
        return self.only_mine and self.person_id is not None
