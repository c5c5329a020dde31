"""The user's settings file (share location), in the platform's config directory."""

from __future__ import annotations

import json
from pathlib import Path

from velsen_desk.core.paths import user_config_dir
from velsen_desk.storage.atomic import write_atomic

CONFIG_NAME = "config.json"


def config_path() -> Path:
    return user_config_dir() / CONFIG_NAME


def load_config() -> dict[str, str]:
    """An unreadable or malformed file counts as empty: settings are never a reason not to start."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def save_share(share: Path | None) -> None:
    config = load_config()
    if share is None:
        config.pop("share", None)
    else:
        config["share"] = str(share)
    config_path().parent.mkdir(parents=True, exist_ok=True)
    write_atomic(config_path(), json.dumps(config, indent=2, ensure_ascii=False).encode("utf-8"))


def configured_share() -> Path | None:
    value = load_config().get("share")
    return Path(value) if value else None
