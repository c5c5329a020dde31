"""The Qt user interface. Only this package imports PySide6 and pyqtgraph.

The Qt-free modules the window needs are imported here, before any submodule imports PySide6:
once PySide6 is loaded it inspects every later import (for its ``__feature__`` switches), which
made these same imports ~40 ms slower at start-up. Then PySide6 is told those modules, and the
standard library's loaded with them, need no such inspection, nor do this package's own modules,
which all use PySide6 without its switches (see ``feature_scan``).
"""

import html  # noqa: F401

import velsen_desk.core.formatting  # noqa: F401
import velsen_desk.core.report_kinds  # noqa: F401
import velsen_desk.core.task_state  # noqa: F401
import velsen_desk.core.wording  # noqa: F401
import velsen_desk.storage.local_copy  # noqa: F401
import velsen_desk.storage.reader  # noqa: F401
import velsen_desk.storage.search  # noqa: F401
import velsen_desk.sync.config  # noqa: F401
import velsen_desk.sync.files  # noqa: F401
from velsen_desk.ui.feature_scan import skip_scan_of_loaded_modules, skip_scan_of_window_modules

skip_scan_of_loaded_modules()
skip_scan_of_window_modules()
