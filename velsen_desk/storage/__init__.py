"""The database: building it from curated data, its tables, reading it, searching it, the local copy."""
