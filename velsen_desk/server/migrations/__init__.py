"""Alembic migrations of the master (``velsen-desk server init`` runs them)."""
