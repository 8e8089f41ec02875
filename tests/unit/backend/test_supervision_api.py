"""backend.supervision: samples, the audit form, audits, moderation and audit actions as
typed read models, against hand-worked answers on the demo store (today 20/11/2026)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from send_desk.backend import Backend
from send_desk.backend.supervision_models import (
    AuditForm,
    Grade,
    NewAudit,
    NoteRef,
    SampleRequest,
)
from tests.unit.backend.conftest import TODAY

ALL_GOOD = {"facts_opinion": "good", "analysis": "good", "respectful_language": "good",
            "colleague_could_act": "good"}  # fmt: skip


def _someone_else_s_note(backend: Backend) -> AuditForm:
    """A note the signed-in user may audit (not their own)."""
    backend._store.info.user_id = uuid.uuid4()  # a supervisor on this laptop
    sample = backend.supervision.draw_sample(SampleRequest("2026-10", seed=1), save=False)
    return backend.supervision.audit_form(sample.notes[0].version_id)


def test_the_four_grades_in_order() -> None:
    from send_desk.backend.supervision_api import SupervisionApi

    assert SupervisionApi.grades() == (
        Grade("outstanding", "Outstanding"),
        Grade("good", "Good"),
        Grade("requires_improvement", "Requires improvement"),
        Grade("inadequate", "Inadequate"),
    )


def test_a_sample_not_saved_has_no_id_and_nothing_audited(backend: Backend) -> None:
    sample = backend.supervision.draw_sample(SampleRequest("2026-10", seed=1), save=False)
    assert sample.sample_id is None and (sample.period, sample.seed) == ("2026-10", 1)
    assert sample.notes and sample.audited == 0 and not sample.complete
    assert all(note.occurred_at.strftime("%Y-%m") == "2026-10" for note in sample.notes)
    assert all(note.why for note in sample.notes)
    again = backend.supervision.draw_sample(SampleRequest("2026-10", seed=1), save=False)
    assert [n.version_id for n in again.notes] == [n.version_id for n in sample.notes]


def test_an_audit_reads_back_and_is_acknowledged(backend: Backend) -> None:
    form = _someone_else_s_note(backend)
    assert form.refused is None
    assert [c.id for c in form.manual] == list(ALL_GOOD)
    due = TODAY + timedelta(days=3)
    audit = backend.supervision.record_audit(
        NewAudit(form.version_id, ALL_GOOD, comments="Clear.", action="Ring mum", action_due=due)
    )
    assert (audit.overall, audit.role, audit.note_id) == ("good", "audit", form.note_id)
    assert (audit.comments, audit.action, audit.action_due) == ("Clear.", "Ring mum", due)
    not_met = tuple(a.id for a in form.automatic if a.applies and not a.passed)
    assert audit.automatic_failed == not_met
    assert not audit.acknowledged
    # the caseworker's action on My day: due on Monday 23/11/2026, 3 days from today
    (action,) = [a for a in backend.supervision.actions_due() if a.audit_id == audit.audit_id]
    assert (action.what, action.due, action.days_left, action.status) == (
        "Ring mum", date(2026, 11, 23), 3, "due",
    )  # fmt: skip
    assert action.child_name == form.child_name
    acked = backend.supervision.acknowledge(audit.audit_id, comment="Thanks")
    assert acked.acknowledged and acked.acknowledgement == "Thanks"


def test_a_moderation_that_differs_on_one_grade_is_a_disagreement(backend: Backend) -> None:
    form = _someone_else_s_note(backend)
    audit = backend.supervision.record_audit(NewAudit(form.version_id, ALL_GOOD))
    (waiting,) = [a for a in backend.supervision.to_moderate() if a.audit_id == audit.audit_id]
    when = form.occurred_at.date() if form.occurred_at else None
    assert waiting.note == NoteRef(form.kind, when, form.child_name)
    before = backend.supervision.moderation_report()
    backend._store.info.user_id = uuid.uuid4()  # a second supervisor, grading blind
    second = backend.supervision.record_audit(
        NewAudit(form.version_id, {**ALL_GOOD, "analysis": "inadequate"},
                 moderates_id=audit.audit_id)
    )  # fmt: skip
    assert second.role == "moderation" and second.moderates_id == audit.audit_id
    after = backend.supervision.moderation_report()
    assert after.pairs == before.pairs + 1
    (pair,) = [m for m in after.moderations if m.audit_id == audit.audit_id]
    # four criteria and the overall grade: the analysis differs (3 of 4 agree); an
    # inadequate grade may pull the overall grade down too
    overall_agrees = audit.overall == second.overall
    assert (pair.agreed, pair.items) == (3 + overall_agrees, 5)
    ours = [d for d in after.disagreements if d.note_id == form.note_id]
    expected = [("analysis", "good", "inadequate")]
    if not overall_agrees:
        expected.append(("overall", audit.overall, second.overall))
    assert sorted((d.criterion, d.first, d.second) for d in ours) == sorted(expected)
    assert ours[0].note.child_name == form.child_name
    assert audit.audit_id not in {a.audit_id for a in backend.supervision.to_moderate()}
