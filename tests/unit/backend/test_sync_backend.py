"""backend.sync on a laptop that has never signed in: what the status bar and the
Sync page read, and the refusal to sync without a sign-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from send_desk.backend import Backend, DataPaths
from send_desk.backend.caseload_models import NewChild
from send_desk.backend.sync import SyncProblem
from send_desk.backend.sync_models import SyncStatus

from .conftest import PASSWORD, TODAY


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Backend]:
    backend = Backend.create(DataPaths(tmp_path / "store"), PASSWORD, today=lambda: TODAY)
    yield backend
    backend.close()


def test_a_new_laptop_is_not_signed_in_and_has_nothing_waiting(fresh: Backend) -> None:
    assert fresh.sync.status() == SyncStatus(
        configured=False, server=None, username=None, last_sync_at=None, last_error=None,
        pending=0, quarantined=0, conflicts=0,
    )  # fmt: skip
    ledger = fresh.sync.ledger()
    assert (ledger.pending_count, ledger.pending, ledger.quarantined) == (0, (), ())
    assert fresh.sync.conflicts() == []


def test_a_change_waits_in_the_ledger_with_its_child_named(fresh: Backend) -> None:
    child = fresh.caseload.create_child(
        NewChild(first_name="Ada", last_name="Example", date_of_birth=date(2015, 3, 4))
    )
    ledger = fresh.sync.ledger()
    assert fresh.sync.status().pending == ledger.pending_count > 0
    new = next(row for row in ledger.pending if row.table == "child")
    assert new.op == "insert" and new.child == "Ada Example"
    assert new.child_id == child
    assert new.description == "Ada Example: new child"
    assert new.at is not None and new.at.tzinfo is not None


def test_syncing_without_a_sign_in_says_so(fresh: Backend) -> None:
    with pytest.raises(SyncProblem) as problem:
        fresh.sync.sync()
    assert problem.value.kind == "signed_out"
