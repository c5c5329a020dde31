"""The command line (``velsen-desk COMMAND``); works without a display."""

from velsen_desk.cli.main import main

__all__ = ["main"]
