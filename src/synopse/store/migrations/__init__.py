"""Alembic migrations of the store, run by `SqlStore.open` (upgrade to head)."""
