"""A rewrite of the clock's cache that fails part-way leaves the cache's indexes, and
a pull's note index, as they were (the driver would otherwise commit their DROP at once)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from send_desk.paths import DataPaths
from send_desk.services import milestones
from send_desk.storage.store import Store, create_store
from send_desk.sync import fts
from tests.constants import DEMO_TODAY as TODAY
from tests.constants import PASSWORD


def _schema(store: Store) -> list[tuple[str, str]]:
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
        ).all()
    return [(kind, name) for kind, name in rows]


def test_a_failed_rewrite_of_the_clock_cache_keeps_its_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("the clock failed")

    with create_store(DataPaths(tmp_path / "store"), PASSWORD) as store:
        before = _schema(store)
        assert any(name.startswith("ix_milestone") for _kind, name in before)
        monkeypatch.setattr(milestones, "compute_caseload", broken)
        with pytest.raises(RuntimeError, match="the clock failed"), store.write() as session:
            milestones.recompute_all(session, today=TODAY)
        assert _schema(store) == before


def test_a_failed_page_of_notes_keeps_the_note_index_trigger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fts, "MIN_ROWS", 1)
    with create_store(DataPaths(tmp_path / "store"), PASSWORD) as store:
        before = _schema(store)
        assert ("trigger", fts.TRIGGER) in before
        with (
            pytest.raises(RuntimeError, match="the page failed"),
            store.write() as session,
            fts.deferred_note_index(session.connection(), rows=10),
        ):
            raise RuntimeError("the page failed")
        assert _schema(store) == before
