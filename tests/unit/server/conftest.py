"""The central store fixtures of tests/sync (a real store on SQLite in tmp_path, and on
PostgreSQL when it is available), for the server's unit tests."""

from tests.sync.conftest import central, demo_central, pg_admin_url

__all__ = ["central", "demo_central", "pg_admin_url"]
