"""msgspec, the base of the records, imported without typing_extensions.

msgspec's C core imports its helper ``msgspec._utils``, which takes ``get_type_hints`` and
``Required``/``NotRequired`` from typing_extensions when that is installed and from ``typing``
when it is not (msgspec itself depends on nothing). On Python 3.11 the standard library's are
the same for the types msgspec is given here; typing_extensions is installed only for other
libraries (pydantic, SQLAlchemy, the server), and importing it cost ~4 ms of every window start
before its first paint. So the first import of msgspec sees no typing_extensions (``None`` in
``sys.modules`` makes importing it fail, which msgspec handles), and typing_extensions can be
imported as usual right after. Where something loaded typing_extensions first, nothing changes.
"""

from __future__ import annotations

import sys

if "msgspec" not in sys.modules and "typing_extensions" not in sys.modules:
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]
    try:
        import msgspec
    finally:
        del sys.modules["typing_extensions"]
else:
    import msgspec

__all__ = ["msgspec"]
