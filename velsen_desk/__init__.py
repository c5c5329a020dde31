"""Velsen Desk: the council programme of a Dutch municipality, offline, in one window."""

__version__ = "0.1.0"
