"""A process-wide setting that holds while any thread needs it.

Workers overlap: the first one in applies the setting, the last one out restores what was
there before, and the ones between change nothing (a count under a lock). The window holds two
such settings this way: a short interpreter switch interval (``ui/widgets/chart_library.py``)
and the garbage collector paused (``core/heap.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")


class SharedSetting(Generic[T]):
    def __init__(self, apply: Callable[[], T], restore: Callable[[T], None]) -> None:
        """``apply()`` sets it and returns what was there before; ``restore(before)`` puts that back."""
        self._apply = apply
        self._restore = restore
        self._lock = threading.Lock()
        self._users = 0
        self._before: list[T] = []  # what apply() returned, while anyone holds the setting

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._users == 0:
                self._before = [self._apply()]
            self._users += 1
        try:
            yield
        finally:
            with self._lock:
                self._users -= 1
                if self._users == 0:
                    self._restore(self._before.pop())
