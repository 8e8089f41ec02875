"""The demo's six months of audits: graded by the rule, moderated, acknowledged."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlmodel import select

from send_desk.domain.supervision import AuditResponse, NoteAudit
from send_desk.services.audit_rules import AutomaticResult, default_rubric, overall_grade
from send_desk.services.audit_trends import audit_trends
from send_desk.storage.store import Store
from tests.constants import TODAY


def test_demo_audits_follow_the_rule_and_show_trends(demo_store: Store) -> None:
    rubric = default_rubric()
    with demo_store.read() as session:
        # the case-note audits (the demo's plan audits: tests/unit/demo/test_demo_plans.py)
        audits = session.exec(select(NoteAudit).where(NoteAudit.subject == "note")).all()
        responses = session.exec(select(AuditResponse)).all()
        trends = audit_trends(session, start="2026-05", end=TODAY.strftime("%Y-%m"))
    assert audits, "the demo has audits to show"
    by_id = {a.id: a for a in audits}
    now = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC)
    for audit in audits:
        automatic = [AutomaticResult(c["id"], c["applies"], c["passed"])
                     for c in audit.criteria if c["kind"] == "automatic"]  # fmt: skip
        manual = {c["id"]: c["grade"] for c in audit.criteria if c["kind"] == "manual"}
        assert audit.overall == overall_grade(rubric, automatic, manual)
        assert audit.created_at is not None and audit.created_at < now
        if audit.role == "moderation":
            first = by_id[audit.moderates_id]  # type: ignore[index]
            assert first.version_id == audit.version_id and first.auditor_id != audit.auditor_id
        if audit.action:
            assert audit.action_due is not None and audit.role == "audit"
    roles = Counter(a.role for a in audits)
    assert roles["audit"] > roles["moderation"] > 0
    for response in responses:
        audit = by_id[response.audit_id]
        assert response.created_at > audit.created_at  # type: ignore[operator]
        assert response.user_id == audit.caseworker_id
    assert trends["service"]["total"] == roles["audit"]
    assert sum(1 for n in trends["service"]["counts"].values() if n) >= 2  # a spread
    assert trends["criteria"][0]["failed"] > 0
