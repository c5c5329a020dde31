"""A problem found in the data files: the types live in :mod:`velsen_desk.core.problems`.

Re-exported here (the same classes, so ``except DataError`` matches either import) for the
curation modules that raise them.
"""

from velsen_desk.core.problems import DataError, Problem

__all__ = ["DataError", "Problem"]
