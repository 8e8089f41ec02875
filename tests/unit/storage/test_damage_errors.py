"""Which database errors mean a damaged store, and which do not."""

from __future__ import annotations

import sqlcipher3
from sqlalchemy.exc import DatabaseError, OperationalError

from send_desk.storage.errors import StoreDamaged, as_damage_error


def test_a_damaged_page_is_damage_and_says_what_to_run() -> None:
    for words in ("database disk image is malformed", "file is not a database"):
        error = DatabaseError("SELECT 1", (), sqlcipher3.DatabaseError(words))
        damaged = as_damage_error(error)
        assert isinstance(damaged, StoreDamaged)
        assert "send-desk check" in str(damaged)


def test_a_bad_value_or_a_busy_store_is_not_damage() -> None:
    for words in ("malformed JSON", "database is locked", "no such table: child"):
        error = OperationalError("SELECT 1", (), sqlcipher3.OperationalError(words))
        assert as_damage_error(error) is None
