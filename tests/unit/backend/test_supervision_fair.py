"""Supervision is fair: no one audits their own case note (the service refuses, with
the reason), and a self-audit already in the store is left out of the trends."""

from __future__ import annotations

import uuid

import pytest

from send_desk.backend import Backend, Refused
from send_desk.backend.supervision_models import NewAudit, SampleRequest, TrendQuery
from send_desk.domain.supervision import NoteAudit


def _note_of(backend: Backend, caseworker: uuid.UUID) -> uuid.UUID:
    for period in ("2026-10", "2026-09", "2026-08", "2026-07"):
        request = SampleRequest(period, seed=1, per_caseworker=10)
        for note in backend.supervision.draw_sample(request, save=False).notes:
            if note.caseworker_id == caseworker:
                return note.version_id
    raise AssertionError("the demo caseworker has notes")


GRADES = {"facts_opinion": "good", "analysis": "good", "respectful_language": "good",
          "colleague_could_act": "good"}  # fmt: skip


def test_a_caseworker_cannot_audit_their_own_note(backend: Backend) -> None:
    me = backend.me()
    assert me is not None
    version = _note_of(backend, me.id)
    form = backend.supervision.audit_form(version)
    assert form.refused and "your own case note" in form.refused
    with pytest.raises(Refused, match="cannot audit your own case note"):
        backend.supervision.record_audit(NewAudit(version, GRADES))
    # a colleague may
    backend._store.info.user_id = uuid.uuid4()
    assert backend.supervision.audit_form(version).refused is None
    assert backend.supervision.record_audit(NewAudit(version, GRADES)).overall == "good"


def test_a_self_audit_is_not_counted_in_the_trends(backend: Backend) -> None:
    me = backend.me()
    assert me is not None
    mine = me.id
    version = _note_of(backend, me.id)
    child = backend.supervision.audit_form(version).child_id

    def totals() -> int:
        trends = backend.supervision.trends(TrendQuery("2026-11", "2026-12", caseworker=me.name))
        return trends.service.total

    before = totals()
    with backend._write() as session:  # as an older store may hold one
        session.add(
            NoteAudit(note_id=version, version_id=version, child_id=child,
                      caseworker_id=mine, auditor_id=mine, role="audit", criteria=[],
                      overall="outstanding", rule_version=1)
        )  # fmt: skip
    assert totals() == before
    with backend._write() as session:  # the same audit by someone else counts
        session.add(
            NoteAudit(note_id=version, version_id=version, child_id=child,
                      caseworker_id=mine, auditor_id=uuid.uuid4(), role="audit", criteria=[],
                      overall="outstanding", rule_version=1)
        )  # fmt: skip
    assert totals() == before + 1
