"""Fixtures of the supervision tests: the hand-built store, and audits made in it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from send_desk.services import audits
from send_desk.storage.journal import Actor
from send_desk.storage.store import Store
from tests.unit.supervision.builder import DEVICE, SupervisionStore

O, G, R, I = "outstanding", "good", "requires_improvement", "inadequate"  # noqa: E741
MANUAL = ("facts_opinion", "analysis", "respectful_language", "colleague_could_act")


def grades(*values: str) -> dict[str, str]:
    return dict(zip(MANUAL, values, strict=True))


@pytest.fixture
def sup(store: Store) -> SupervisionStore:
    return SupervisionStore(store)


class Audited:
    """Audits made at chosen moments (the journal stamps created_at with 'now')."""

    def __init__(self, sup: SupervisionStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sup = sup
        self.monkeypatch = monkeypatch
        self.made: list[dict[str, Any]] = []

    def audit(self, who: str, index: int, when: datetime, manual: dict[str, str],
              auditor: str = "boss", **extra: Any) -> dict[str, Any]:  # fmt: skip
        self.monkeypatch.setattr("send_desk.storage.journal.utcnow", lambda: when)
        with self.sup.store.write(Actor(self.sup.user(auditor), DEVICE)) as session:
            saved = audits.record_audit(session, self.sup.notes[who][index], manual, **extra)
        self.made.append(saved)
        return saved


@pytest.fixture
def audited(sup: SupervisionStore, monkeypatch: pytest.MonkeyPatch) -> Iterator[Audited]:
    made = Audited(sup, monkeypatch)
    march, april = datetime(2026, 3, 20, 10, tzinfo=UTC), datetime(2026, 4, 14, 10, tzinfo=UTC)
    made.audit("pat", 0, march, grades(O, O, G, G))
    made.audit("kim", 0, march, grades(R, R, G, G))
    made.audit("pat", 1, april, grades(G, G, G, G))
    made.audit("sam", 0, april, grades(I, R, R, R), auditor="second")
    # a moderation of Pat's April audit: a second opinion, not another audit
    made.audit("pat", 1, april, grades(I, I, I, I), auditor="second",
               moderates_id=uuid.UUID(made.made[2]["audit_id"]))  # fmt: skip
    # 31 March 23:30 UTC is 1 April 00:30 in London (summer time): counts in April
    made.audit("kim", 1, datetime(2026, 3, 31, 23, 30, tzinfo=UTC), grades(G, G, G, G))
    yield made
