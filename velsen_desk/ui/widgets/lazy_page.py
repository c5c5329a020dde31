"""A tab page whose content is made when it is first needed: shown, or asked for.

The window shows one tab at start-up; importing and building the other three (their modules,
models, views and detail panes) cost ~25 ms of CPU before the first paint. A page holds the
place in the :class:`QTabWidget` (its title is the tab's) and makes its content on first need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    def __init__(self, make: Callable[[QWidget], W], parent: QWidget | None = None) -> None:
        """``make(parent)`` makes the content; it runs once, on first need."""
        super().__init__(parent)
        self._make: Callable[[QWidget], W] | None = make
        self._content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> W:
        """The page's widget, made now if it was not yet."""
        if self._content is None:
            assert self._make is not None, "LazyPage content asked for while it is being made"
            make, self._make = self._make, None
            content = make(self)
            content.setAccessibleName(self.accessibleName())
            self._layout.addWidget(content)
            self._content = content
            if self.isVisible():  # a child added to a shown widget stays hidden until shown
                content.show()
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()  # before its first paint: the page never shows empty
        super().showEvent(event)
