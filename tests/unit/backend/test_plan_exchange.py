"""A store with a plan is exported and imported whole (subject access, moving stores):
the plan's versions come back as they were."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from send_desk.backend import Backend, DataPaths
from send_desk.services.exchange import export_store, import_store
from tests.unit.backend.plan_case import PASSWORD, TODAY, case, good_plan

__all__ = ["case"]


def test_plan_versions_survive_export_and_import(
    case: tuple[Backend, uuid.UUID], tmp_path: Path
) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    issued = backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False).version
    store = backend._store
    with store.read() as session:
        exported = export_store(session, store.info.store_id)
    assert [str(row["id"]) for row in exported["tables"]["plan_version"]] == [str(issued.id)]
    copy = Backend.create(DataPaths(tmp_path / "copy"), PASSWORD, today=lambda: TODAY)
    try:
        with copy._store.write() as session:
            counts, _who = import_store(session, exported, copy._store.actor, by="pwhite")
        assert counts["plan_version"] == 1
        [row] = copy.plans.versions(sam)
        assert (row.id, row.kind, row.issued_on, row.version) == (
            issued.id, "draft", date(2026, 10, 12), 1,
        )  # fmt: skip
        assert copy.plans.version(sam).plan == backend.plans.version(sam).plan
    finally:
        copy.close()
