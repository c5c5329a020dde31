"""Where things live: bundled resources and the user's own directories (via platformdirs).

``HOME`` and ``XDG_*`` (or their Windows/macOS equivalents) place the user directories, so
tests and a second profile can point them elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "velsen-desk"
APP_AUTHOR = "VelsenDesk"


def resources_dir() -> Path:
    """The bundled ``resources/`` folder: from the environment, a frozen build, or the source tree."""
    override = os.environ.get("VELSEN_DESK_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)  # set by PyInstaller
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def bundled_data_dir() -> Path:
    return resources_dir() / "data"


def sources_dir() -> Path:
    return resources_dir() / "sources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    """Derived files that may be deleted at any time (they are rebuilt from the database)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


# The names of the application's own files, in one place (the layers that write them and the
# own-file check that protects them all read these).
DATABASE_FILE = "velsen-desk.sqlite"
ORIGIN_FILE = "origin.json"  # beside the database: where the current copy came from
VERSIONS_DIR = "versies"  # beside the database: the previous verified copies
NOTES_FILE = "notities.sqlite"
RECOVERY_PREFIX = "notities-herstel"
RECOVERY_FILE = f"{RECOVERY_PREFIX}.json"
RECOVERY_GLOB = f"{RECOVERY_PREFIX}*.json"
CONFIG_FILE = "config.json"


def local_database_path() -> Path:
    """The database the application reads: the embedded default or the last synced copy."""
    return user_data_dir() / DATABASE_FILE
