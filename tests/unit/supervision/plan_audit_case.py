"""Issued EHC plan versions in the supervision tests' hand-built store.

Ben (allocated to Pat since 2025) gets plan versions written by Pat unless told
otherwise; the plan is the plan tests' good plan, named for Ben, with any section
changed. The versions are inserted as issued (the clock's events are not what these
tests are about).
"""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest

from send_desk.domain.plans import PlanVersion
from send_desk.services import plan_audits
from send_desk.storage.journal import Actor
from tests.unit.plans.plan_data import GOOD
from tests.unit.supervision.builder import DEVICE, SupervisionStore

# The plan tests' good plan with f2 hedged and without a number: only f_quantified fails.
HEDGED_F2 = {"frequency": "regular sessions", "duration": "as needed"}


def plan_json(first_name: str = "Ben", **f2: str) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data["child"]["first_name"] = first_name
    data["sections"]["F"][1].update(f2)
    return data


def issue(
    sup: SupervisionStore,
    child: str = "Ben",
    *,
    author: str | None = "pat",
    version: int = 1,
    plan_id: uuid.UUID | None = None,
    content: dict[str, Any] | None = None,
    issued_on: date = date(2026, 3, 10),
) -> PlanVersion:
    row_id = uuid.uuid4()
    actor = Actor(sup.user(author) if author else sup.boss, DEVICE)
    with sup.store.write(actor) as session:
        row = PlanVersion(
            id=row_id,
            plan_id=plan_id or row_id,
            child_id=sup.children[child],
            version=version,
            author_id=sup.user(author) if author else None,
            kind="draft" if version == 1 else "final",
            issued_on=issued_on,
            content=content or plan_json(child),
        )
        session.add(row)
        session.flush()
        session.expunge(row)
    return row


class PlanAudited:
    """Plan audits made by chosen people at chosen moments."""

    def __init__(self, sup: SupervisionStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sup = sup
        self.monkeypatch = monkeypatch

    def audit(self, child: str, grades: dict[str, str], *, auditor: str = "boss",
              when: datetime = datetime(2026, 3, 20, 10, tzinfo=UTC), version: int | None = None,
              **extra: Any) -> dict[str, Any]:  # fmt: skip
        self.monkeypatch.setattr("send_desk.storage.journal.utcnow", lambda: when)
        with self.sup.store.write(Actor(self.sup.user(auditor), DEVICE)) as session:
            return plan_audits.record_plan_audit(
                session, self.sup.children[child], version, grades, **extra
            )
