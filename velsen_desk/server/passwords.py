"""Where a password to the master comes from: the platform keyring, else the user is asked.

Never from or into ``config.json``, a log line or a command-line argument. The keyring entry is
named by user and server (``velsen-desk`` / ``user@host:port/database``). A keyring that is not
there or not working (no D-Bus session on a server, a locked store) counts as "no keyring".
"""

from __future__ import annotations

import logging

from velsen_desk.server.connection import ServerAddress

SERVICE = "velsen-desk"
_log = logging.getLogger(__name__)


def _key(address: ServerAddress, user: str) -> str:
    return f"{user}@{address}"


def stored_password(address: ServerAddress, user: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, _key(address, user))
    except Exception as exc:  # any backend failure means: ask
        _log.info("keyring not usable: %s", type(exc).__name__)
        return None


def remember_password(address: ServerAddress, user: str, password: str) -> bool:
    """Keep the password in the keyring, when there is a usable one; True when kept."""
    try:
        import keyring
        from keyring.backends import fail, null

        if isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring):
            return False
        keyring.set_password(SERVICE, _key(address, user), password)
        return True
    except Exception as exc:
        _log.info("keyring not usable: %s", type(exc).__name__)
        return False


def forget_password(address: ServerAddress, user: str) -> None:
    """After a refused login: a stored password that no longer works is not tried again."""
    try:
        import keyring

        keyring.delete_password(SERVICE, _key(address, user))
    except Exception as exc:
        _log.info("keyring entry not removed: %s", type(exc).__name__)
