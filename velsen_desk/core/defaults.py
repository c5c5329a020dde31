"""What the program shows when the user names nothing (one home for the window, the reports and
the command line; a module of its own, so the command line's start imports no records)."""

DEFAULT_PROGRAMME = "velsen-2022"
"""Velsen 2022–2026, whose Actieplan Velsen-Noord this program is for."""
