"""The PostgreSQL master: migrations, roles and row-level security, loading, exporting, and the
API through which parties submit progress. Laptops never connect here to read (docs/server.md)."""
