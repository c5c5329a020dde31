"""The curated data files: schema, loading and validation (Qt-free)."""

# The schema first: it imports progress_schema, which builds on the schema's types, so a module
# that imports progress_schema before the schema still finds them defined.
from velsen_desk.curation import schema as _schema  # noqa: F401
