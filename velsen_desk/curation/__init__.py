"""The curated data files: schema, loading and validation (Qt-free)."""
