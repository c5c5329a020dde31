"""A read-only rich-text pane whose links become requests on the view state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from velsen_desk.ui.state import ViewState

if TYPE_CHECKING:  # PySide makes a class (and its enum classes) on first use: not before the first paint
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage

FOCUS_FRAME = (
    "QTextBrowser#detail_pane { border: 2px solid palette(mid); }"
    " QTextBrowser#detail_pane:focus { border: 2px solid palette(highlight); }"
)


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
        # Reached with Tab (to scroll and follow links by keyboard), so it must show that it has
        # focus: the native frame looks the same either way. Same width in both states, so the
        # text does not move.
        self.setObjectName("detail_pane")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(FOCUS_FRAME)
        # Images the HTML names (``<img src="meting:…">``), made when the pane lays them out.
        self.image_provider: Callable[[str], QImage | None] | None = None

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt's name
        if self.image_provider is not None and kind == _image_resource():
            image = self.image_provider(name if isinstance(name, str) else name.toString())
            if image is not None:
                return image
        return super().loadResource(kind, name)

    def _on_link(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "person":
            self._state.sig_person_requested.emit(target)
        elif scheme == "action":
            self._state.sig_action_requested.emit(target)
        elif scheme == "theme":
            self._state.sig_theme_requested.emit(target)


def _image_resource() -> int:
    from PySide6.QtGui import QTextDocument

    return QTextDocument.ResourceType.ImageResource.value
