"""Alembic migrations of the local store, run at open (see storage.migrate)."""
