"""Shared view state: which programme is loaded, whose eyes we look through, which tab is open.

Tabs and features do not call each other. They listen to this object and post requests to it
(``sig_*_requested``); each tab answers the requests for its own items, and the main window
turns requests into tab switches. Every write to the loaded programme or the person goes
through a method here, so every change is signalled.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from velsen_desk.core.records import ProgrammeData, ProgrammeOutline


class ViewState(QObject):
    # ---- Signals
    sig_programme_loaded = Signal(object)
    """A new :class:`ProgrammeData` is loaded; every tab redraws from it."""
    sig_outline_loaded = Signal(object)
    """The :class:`ProgrammeOutline` of the programme the start is reading (before its data):
    the themes tab shows its tree; nothing else draws from it. None: its data could not be read,
    so the tab stops showing it."""
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
    sig_item_requested = Signal(str, str)
    """(item kind id of :mod:`velsen_desk.core.item_kinds`, item id): show and select this item;
    the tab that shows the kind answers."""
    sig_tab_changed = Signal(str)
    """The tab on screen changed (its key: "themes", "portfolio", "budget", "timeline")."""

    def __init__(self, parent: QObject | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.data: ProgrammeData | None = None
        self.outline: ProgrammeOutline | None = None  # the start's, until its data are in
        self.person_id: str | None = None
        self.only_mine = True
        self.current_tab = "themes"
        self.today = today or dt.date.today()  # the window's "vandaag" (tests fix it)

    # ---- Public API

    def set_data(self, data: ProgrammeData) -> None:
        """Show ``data``, keeping the person when the new programme has them."""
        self.set_programme(data, self.person_id)

    @property
    def shown(self) -> ProgrammeOutline | None:
        """The programme on screen: its data, or at the start, before they are in, its outline."""
        return self.data or self.outline

    def set_outline(self, outline: ProgrammeOutline | None) -> None:
        """The start's programme is known in outline; its data follow (:meth:`set_programme`),
        or None: they could not be read."""
        self.outline = outline
        self.sig_outline_loaded.emit(outline)

    def set_programme(self, data: ProgrammeData, person_id: str | None) -> None:
        """Show ``data`` through ``person_id``'s eyes (None when that person is not in it).

        The person changes first (tabs not yet showing ``data`` ignore it), then the tabs draw."""
        self.data = data
        self.outline = None
        person = person_id if data.person(person_id) is not None else None
        if person != self.person_id:
            self.person_id = person
            self.sig_person_changed.emit(person)
        self.sig_programme_loaded.emit(data)

    def set_person(self, person_id: str | None) -> None:
        if person_id != self.person_id:
            self.person_id = person_id
            self.sig_person_changed.emit(person_id)

    def set_only_mine(self, value: bool) -> None:
        if value != self.only_mine:
            self.only_mine = value
            self.sig_only_mine_changed.emit(value)

    def request_item(self, kind: str, item_id: str) -> None:
        """Ask for an item (a search hit, say) to be shown in its tab."""
        self.sig_item_requested.emit(kind, item_id)

    def set_current_tab(self, key: str) -> None:
        if key != self.current_tab:
            self.current_tab = key
            self.sig_tab_changed.emit(key)

    @property
    def filtering(self) -> bool:
        return self.only_mine and self.person_id is not None
