"""The toolbar's selectors: which programme ("Programma") and through whose eyes ("Bekijk als"),
with "Alleen mijn regie". They mirror :class:`ProgrammeLoader` and :class:`ViewState` and turn a
choice into a request to them; they hold no data of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from velsen_desk.core.records import Catalog, ProgrammeData, ProgrammeOutline
from velsen_desk.ui.programme_loader import ProgrammeLoader
from velsen_desk.ui.state import ViewState


class ViewBar(QObject):
    """Adds the selectors to ``bar``; :attr:`only_mine_action` is also for the Beeld menu."""

    def __init__(self, bar: QToolBar, loader: ProgrammeLoader, state: ViewState) -> None:
        super().__init__(bar)
        self._loader = loader
        self._state = state
        label = QLabel(self.tr("&Programma:"), bar)
        self.programme_combo = QComboBox(bar)
        self.programme_combo.setAccessibleName(self.tr("Programma"))
        self.programme_combo.setAccessibleDescription(self.tr("Kies het programma dat u wilt lezen."))
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.programme_combo)
        person_label = QLabel(self.tr("Bekijk &als:"), bar)
        self.person_combo = QComboBox(bar)
        self.person_combo.setAccessibleName(self.tr("Bekijk als"))
        self.person_combo.setAccessibleDescription(
            self.tr("Kies een collegelid om zijn of haar portefeuilles en regie-thema’s te markeren.")
        )
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        person_label.setBuddy(self.person_combo)
        widgets: tuple[QWidget, ...] = (label, self.programme_combo, person_label, self.person_combo)
        for widget in widgets:
            widget.setContentsMargins(6, 0, 6, 0)
            bar.addWidget(widget)

        self.only_mine_action = QAction(self.tr("Alleen &mijn regie"), bar)
        self.only_mine_action.setCheckable(True)
        self.only_mine_action.setChecked(False)  # ticked once a person is chosen (_update_only_mine)
        self.only_mine_action.setShortcut(QKeySequence("Ctrl+M"))
        self.only_mine_action.setToolTip(
            self.tr("Toon bij een gekozen collegelid alleen de eigen regie-thema’s (Ctrl+M)")
        )
        bar.addAction(self.only_mine_action)

        self.programme_combo.currentIndexChanged.connect(self._on_programme_chosen)
        self.person_combo.currentIndexChanged.connect(self._on_person_chosen)
        self.only_mine_action.toggled.connect(state.set_only_mine)
        state.sig_only_mine_changed.connect(lambda _on: self._update_only_mine())
        state.sig_person_changed.connect(self._on_person_changed)
        loader.sig_catalog_loaded.connect(self._on_catalog)
        loader.sig_programme_chosen.connect(self._show_programme)
        loader.sig_programme_loaded.connect(self._on_programme)
        state.sig_outline_loaded.connect(self._on_outline)

    # ---- Public API

    @property
    def programme_id(self) -> str | None:
        value = self.programme_combo.currentData()
        return value if isinstance(value, str) else None

    def select_programme(self, programme_id: str) -> bool:
        """Choose a programme of the catalogue (it loads); False when there is no such programme."""
        index = self.programme_combo.findData(programme_id)
        if index < 0:
            return False
        if index == self.programme_combo.currentIndex():
            self._loader.load(programme_id)
        else:
            self.programme_combo.setCurrentIndex(index)
        return True

    def select_person(self, person_id: str | None) -> bool:
        index = self.person_combo.findData(person_id)
        if index < 0:
            return False
        self.person_combo.setCurrentIndex(index)
        self._state.set_person(person_id)
        self._update_only_mine()
        return True

    # ---- Reactions

    def _on_catalog(self, catalog: Catalog, programme_id: str) -> None:
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        for p in catalog.programmes:
            self.programme_combo.addItem(p.title, p.id)
        self.programme_combo.blockSignals(False)
        self._show_programme(programme_id)

    def _show_programme(self, programme_id: str) -> None:
        """Follow the loader without asking it to load again."""
        self.programme_combo.blockSignals(True)
        self.programme_combo.setCurrentIndex(max(0, self.programme_combo.findData(programme_id)))
        self.programme_combo.blockSignals(False)

    def _on_programme_chosen(self, index: int) -> None:
        programme_id = self.programme_combo.itemData(index)
        if isinstance(programme_id, str):
            self._loader.load(programme_id)

    def _on_programme(self, data: ProgrammeData) -> None:
        self._show_people(data)

    def _on_outline(self, outline: ProgrammeOutline | None) -> None:
        # Before the data: the tree shows the outline through the person's eyes, and so do these.
        if self._state.data is None:
            self._show_people(outline)

    def _show_people(self, shown: ProgrammeOutline | None) -> None:
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        if shown is not None:
            self.person_combo.addItem(self.tr("Iedereen"), None)
            for person in shown.college:
                self.person_combo.addItem(person.name, person.id)
            self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(self._state.person_id)))
        self.person_combo.blockSignals(False)
        self._update_only_mine()

    def _on_person_chosen(self, index: int) -> None:
        if index >= 0:
            value = self.person_combo.itemData(index)
            self._state.set_person(value if isinstance(value, str) else None)
            self._update_only_mine()

    def _on_person_changed(self, person_id: str | None) -> None:
        index = self.person_combo.findData(person_id)
        if index >= 0 and index != self.person_combo.currentIndex():
            self.person_combo.blockSignals(True)
            self.person_combo.setCurrentIndex(index)
            self.person_combo.blockSignals(False)
            self._update_only_mine()

    def _update_only_mine(self) -> None:
        shown = self._state.shown
        has_themes = bool(shown.velden) if shown else True
        enabled = has_themes and self.person_combo.currentData() is not None
        self.only_mine_action.setEnabled(enabled)
        # Greyed out *and* ticked read as "a filter is on": a disabled item shows unticked, while
        # the view state keeps the choice for when a person is chosen again.
        blocked = self.only_mine_action.blockSignals(True)
        self.only_mine_action.setChecked(enabled and self._state.only_mine)
        self.only_mine_action.blockSignals(blocked)
