"""The table of commands: each module registers its handlers with :func:`command`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from velsen_desk.cli.errors import Handler


@dataclass(frozen=True)
class Command:
    handler: Handler
    after_data_error: str | None = None  # printed after the problems of invalid data


COMMANDS: dict[str, Command] = {}


def command(name: str, *, after_data_error: str | None = None) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        COMMANDS[name] = Command(handler, after_data_error)
        return handler

    return register
