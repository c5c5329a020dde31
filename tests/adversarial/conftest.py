"""Fixtures the adversarial tests share."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def built(built_db: Path) -> Path:
    """The bundled data built once per test session (read only: tests copy it before changing it)."""
    return built_db
