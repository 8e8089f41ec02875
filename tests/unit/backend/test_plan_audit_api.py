"""backend.supervision's plan audits: the form of an issued plan version pre-filled from
the checker with the case's advice, recording, the list, plans to audit, moderation and
trends by subject, as typed read models against hand-worked answers.

The case (tests/unit/backend/plan_case.py): Sam, advice received from the educational
psychologist, health, social care and the school; a draft plan issued on 12/10/2026 by
a caseworker signed in on the laptop.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime

import pytest

from send_desk.backend import Backend, NotFound, Refused, ValidationFailed
from send_desk.backend.plan_audit_models import NewPlanAudit
from send_desk.backend.supervision_models import TrendQuery
from send_desk.plans import ProvisionList
from tests.unit.backend.plan_case import case, good_plan

__all__ = ["case"]

Case = tuple[Backend, uuid.UUID]
G, R, O = "good", "requires_improvement", "outstanding"  # noqa: E741
ALL_GOOD = {"a_sounds_like_family": G, "b_needs_not_diagnoses": G, "e_outcomes_ambitious": G,
            "f_enforceable": G, "one_story": G}  # fmt: skip


def _issue(backend: Backend, sam: uuid.UUID, *, hedge_f2: bool = False, k: int = 4) -> None:
    """Issue the draft as a caseworker signed in on this laptop (its author)."""
    backend._store.info.user_id = uuid.uuid4()
    plan = good_plan()
    sections = plan.sections
    if hedge_f2:
        items = list(sections.F.items)
        items[1] = dataclasses.replace(items[1], frequency="regular sessions")
        sections = dataclasses.replace(sections, F=ProvisionList(tuple(items)))
    sections = dataclasses.replace(sections, K=sections.K[:k])
    backend.plans.save_draft(sam, dataclasses.replace(plan, sections=sections))
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True)


def _someone_else(backend: Backend) -> None:
    backend._store.info.user_id = uuid.uuid4()  # a supervisor on this laptop


def test_the_author_is_refused_and_a_supervisor_gets_the_prefilled_form(case: Case) -> None:
    backend, sam = case
    _issue(backend, sam, hedge_f2=True, k=3)  # K leaves out the school's advice
    own = backend.supervision.plan_audit_form(sam)
    assert own.refused and "plan you wrote" in own.refused
    with pytest.raises(Refused):
        backend.supervision.record_plan_audit(NewPlanAudit(sam, ALL_GOOD))
    _someone_else(backend)
    form = backend.supervision.plan_audit_form(sam)
    assert form.refused is None
    assert (form.version, form.kind, form.issued_on) == (1, "draft", date(2026, 10, 12))
    assert form.child_name.startswith("Sam ") and form.plan.sections.F.items[1].frequency == (
        "regular sessions")  # fmt: skip
    failed = [a.id for a in form.automatic if a.applies and not a.passed]
    # the school's advice is on the case, not in K: the case's advice is checked
    assert failed == ["f_quantified", "k_all_advice_listed"]
    assert form.suggested == {**ALL_GOOD, "f_enforceable": R}
    assert [(m.id, m.section, m.weight) for m in form.manual][3] == ("f_enforceable", "F", 3)
    # weighted: 29 - 3 (F) - 1 (K) = 25 of 29
    assert form.automatic_rate == pytest.approx(25 / 29)
    assert form.suggested_overall == R
    # the live grade the dialog shows, and what recording stores, agree
    assert backend.supervision.plan_overall(form, {k: O for k in ALL_GOOD}) == R
    saved = backend.supervision.record_plan_audit(
        NewPlanAudit(sam, {k: O for k in ALL_GOOD}, comments="F2 is vague",
                     action="Quantify F2", action_due=date(2026, 12, 14))
    )  # fmt: skip
    assert (saved.overall, saved.version, saved.plan_kind) == (R, 1, "draft")
    assert saved.plan_id == form.plan_id and saved.manual["f_enforceable"] == O
    assert saved.automatic_failed == ("f_quantified", "k_all_advice_listed")
    # the action reaches My day like a note audit's
    (action,) = backend.supervision.actions_due()
    assert (action.what, action.due, action.days_left) == ("Quantify F2", date(2026, 12, 14), 7)
    assert backend.supervision.audits() == ()  # not a case-note audit
    (both,) = backend.supervision.audits(subject=None)  # Feedback lists notes and plans
    assert (both.audit_id, both.subject, both.note_id) == (saved.audit_id, "plan", form.plan_id)
    assert backend.supervision.audits(subject="plan")[0].subject == "plan"
    assert [a.audit_id for a in backend.supervision.plan_audits()] == [saved.audit_id]
    (row,) = backend.supervision.plans_to_audit()
    assert (row.version, row.kind, row.audited, row.yours) == (1, "draft", True, False)
    assert backend.supervision.plans_to_audit(period="2026-11") == ()


def test_bad_input_gets_a_clear_error(case: Case) -> None:
    backend, sam = case
    _someone_else(backend)
    with pytest.raises(NotFound, match="no issued plan"):
        backend.supervision.plan_audit_form(sam)
    _issue(backend, sam)
    with pytest.raises(ValidationFailed, match="unknown criteria: tone"):
        backend.supervision.record_plan_audit(NewPlanAudit(sam, {**ALL_GOOD, "tone": G}))
    with pytest.raises(ValidationFailed, match="not a child id"):
        backend.supervision.plan_audit_form("nobody")
    with pytest.raises(ValidationFailed, match="not a period"):
        backend.supervision.plans_to_audit(period="October")
    assert backend.supervision.plan_audits() == ()


def test_moderation_and_trends_by_subject(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    backend, sam = case
    # the journal stamps each audit's created_at: made on 7 December 2026
    monkeypatch.setattr("send_desk.storage.journal.utcnow",
                        lambda: datetime(2026, 12, 7, 10, tzinfo=UTC))  # fmt: skip
    _issue(backend, sam)
    _someone_else(backend)
    first = backend.supervision.record_plan_audit(NewPlanAudit(sam, ALL_GOOD))
    (waiting,) = backend.supervision.to_moderate(subject="plan")
    assert waiting.audit_id == first.audit_id
    assert waiting.note.kind == "plan_draft" and waiting.note.occurred_on == date(2026, 10, 12)
    assert backend.supervision.to_moderate() == ()
    _someone_else(backend)  # a second auditor
    backend.supervision.record_plan_audit(
        NewPlanAudit(sam, {**ALL_GOOD, "f_enforceable": R}, moderates_id=first.audit_id)
    )
    report = backend.supervision.moderation_report(subject="plan")
    # 5 criteria (4 agree) and the overall grade (G against R): 4 of 6
    assert (report.pairs, report.items, report.agreed) == (1, 6, 4)
    assert {d.criterion for d in report.disagreements} == {"f_enforceable", "overall"}
    assert backend.supervision.moderation_report().pairs == 0
    plans = backend.supervision.trends(TrendQuery("2026-12", "2026-12", subject="plan"))
    notes = backend.supervision.trends(TrendQuery("2026-12", "2026-12"))
    assert plans.service.total == 1 and plans.service.counts["good"] == 1
    assert notes.service.total == 0
