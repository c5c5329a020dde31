"""Shared-drive publish and sync, and the differences between data versions (Qt-free)."""
