"""Tests against a real PostgreSQL (a package, so its conftest does not shadow tests/conftest.py)."""
