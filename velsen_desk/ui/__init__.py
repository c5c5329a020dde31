"""The Qt user interface. Only this package imports PySide6 and pyqtgraph.

The Qt-free modules the window needs are imported here, before any submodule imports PySide6:
once PySide6 is loaded it inspects every later import (for its ``__feature__`` switches), which
made these same imports ~40 ms slower at start-up.
"""

import velsen_desk.core.formatting  # noqa: F401
import velsen_desk.storage.local_copy  # noqa: F401
import velsen_desk.storage.reader  # noqa: F401
import velsen_desk.storage.search  # noqa: F401
