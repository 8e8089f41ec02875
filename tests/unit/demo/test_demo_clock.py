"""The demo's deadline pass takes the clock's inputs from the rows it generated: the
cache it writes is the one a recompute from the store makes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from send_desk.demo.generator import build_demo
from send_desk.paths import DataPaths
from send_desk.services.milestones import recompute_all
from send_desk.storage.store import Store, create_store
from tests.conftest import PASSWORD, TODAY


def _cache(store: Store) -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.exec_driver_sql("SELECT * FROM milestone ORDER BY id")]


def test_the_demos_clock_cache_is_what_a_recompute_from_the_store_makes(tmp_path: Path) -> None:
    with create_store(DataPaths(tmp_path / "demo"), PASSWORD) as store:
        # with the SEN2 gaps: rows changed after they were generated, before the write
        build_demo(store, children=60, seed=4, today=TODAY, sen2_problems=True)
        built = _cache(store)
        with store.write() as session:
            recomputed = recompute_all(session, today=TODAY)
        assert recomputed.children == 60
        assert _cache(store) == built  # row for row, ids and order included
    # every child has a clock (a demo child's request starts one) and many have more
    children = {row[1] for row in built}
    assert len(children) == 60 and len(built) > 5 * 60
    # the setting's phase reached the clock: phase transfers are proposed for some
    assert any(row[9] == 1 for row in built)  # proposed
