"""The user's settings file (share location), in the platform's config directory.

The file is read with a small bound; binary, deeply nested or otherwise malformed content, and a
share path with a NUL in it, are reported with their own Dutch message (:class:`ConfigError`)
where the share is needed, and never stop the application from starting.
"""

from __future__ import annotations

import json
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.paths import CONFIG_FILE, user_config_dir
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError, read_bounded

MAX_CONFIG_BYTES = 64 * 1024  # a real config is a few lines


class ConfigError(Exception):
    """The settings file or the share configured in it is unusable; the message is plain Dutch."""


def config_path() -> Path:
    return user_config_dir() / CONFIG_FILE


def read_config() -> dict[str, str]:
    """The settings; {} when there is no file. Raises ConfigError when the file is unusable."""
    path = config_path()
    again = _("kies de gedeelde map opnieuw via Instellingen.")
    try:
        # regular files only, opened without blocking: a FIFO or device here must not hang every start
        raw = read_bounded(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return {}
    except SpecialFileError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} is geen gewoon bestand (pijp, apparaat of map); verwijder het en "
            "{again}"
        ).format(path=path, again=again)) from exc
    except TooLargeError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} is te groot; {again}"
        ).format(path=path, again=again)) from exc
    except OSError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} is niet leesbaar ({cause})."
        ).format(path=path, cause=describe_os_error(exc))) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a "\ud800" escape decodes to no valid text
    except UnicodeDecodeError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} is geen tekst; {again}"
        ).format(path=path, again=again)) from exc
    except UnicodeEncodeError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} bevat ongeldige tekens; {again}"
        ).format(path=path, again=again)) from exc
    except RecursionError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} is te diep genest; {again}"
        ).format(path=path, again=again)) from exc
    except ValueError as exc:
        raise ConfigError(_(
            "Het instellingenbestand {path} is geen geldige JSON; {again}"
        ).format(path=path, again=again)) from exc
    if not isinstance(data, dict):
        raise ConfigError(_(
            "Het instellingenbestand {path} heeft een onbekende opbouw; {again}"
        ).format(path=path, again=again))
    return {k: v for k, v in data.items() if isinstance(v, str)}


def load_config() -> dict[str, str]:
    """An unreadable or malformed file counts as empty: settings are never a reason not to start."""
    try:
        return read_config()
    except ConfigError:
        return {}


def save_share(share: Path | None) -> None:
    if share is not None and "\0" in str(share):
        raise ConfigError(_("De gekozen map bevat een NUL-teken en is ongeldig."))
    config = load_config()
    if share is None:
        config.pop("share", None)
    else:
        config["share"] = str(share)
    config_path().parent.mkdir(parents=True, exist_ok=True)
    write_atomic(config_path(), json.dumps(config, indent=2, ensure_ascii=False).encode("utf-8"))


def configured_share() -> Path | None:
    """The configured share, None when none is set. Raises ConfigError when the settings are unusable."""
    value = read_config().get("share")
    if value and "\0" in value:
        raise ConfigError(
            _(
                "De ingestelde gedeelde map in {value} bevat een NUL-teken en is ongeldig; kies de map opnieuw "
                "via Instellingen."
            ).format(value=config_path())
        )
    return Path(value) if value else None
