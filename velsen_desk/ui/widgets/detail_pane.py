"""A read-only rich-text pane whose links become requests on the view state."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from velsen_desk.ui.state import ViewState


class DetailPane(QTextBrowser):
    """Links ``person:ID``, ``action:ID`` and ``theme:ID`` post requests; nothing is opened."""

    def __init__(self, state: ViewState, name: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = state
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        self.anchorClicked.connect(self._on_link)

    def _on_link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "person":
            self._state.sig_person_requested.emit(target)
        elif scheme == "action":
            self._state.sig_action_requested.emit(target)
        elif scheme == "theme":
            self._state.sig_theme_requested.emit(target)
