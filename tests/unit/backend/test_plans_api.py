"""PlansApi: the working draft, issuing a draft through the clock, versions."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest
from sqlmodel import select

from send_desk.backend import Backend, DataPaths, Refused
from send_desk.domain.events import CaseEvent
from send_desk.domain.milestones import MilestoneRow
from send_desk.plans import Placement
from send_desk.services.plans import PlanChecklistNotMet
from tests.unit.backend.plan_case import ADVICE, PASSWORD, TODAY, case, good_plan

__all__ = ["case"]

Case = tuple[Backend, uuid.UUID]


def _events(backend: Backend, child: uuid.UUID, kind: str) -> list[date]:
    with backend._store.read() as session:
        rows = session.exec(
            select(CaseEvent).where(CaseEvent.child_id == child, CaseEvent.type == kind)
        ).all()
        return [row.date for row in rows]


def test_no_draft_until_one_is_started(case: Case) -> None:
    backend, sam = case
    assert backend.plans.working_draft(sam) is None
    assert backend.plans.versions(sam) == ()


def test_a_started_draft_is_pre_filled_from_the_case(case: Case) -> None:
    backend, sam = case
    draft = backend.plans.start_draft(sam)
    plan = draft.plan
    assert draft.child_id == sam and draft.based_on is None
    assert (plan.status, plan.date) == ("draft", TODAY)
    # born 10 May 2012: Year 10 in the school year 2026/27, not yet a young person
    assert (plan.child.first_name, plan.child.year_group, plan.child.young_person) == (
        "Sam", 10, False,
    )  # fmt: skip
    needs = [(n.id, n.area, n.primary) for n in plan.sections.B.items]
    assert needs == [("b1", "ASD", True), ("b2", "SLCN", False)]
    assert plan.sections.K == ADVICE
    assert plan.advice_received == ADVICE
    assert backend.plans.working_draft(sam) == draft


def test_starting_again_never_replaces_the_draft_being_written(case: Case) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    again = backend.plans.start_draft(sam)
    assert again.plan == good_plan()


def test_every_save_replaces_the_draft_and_survives_reopening(case: Case) -> None:
    backend, sam = case
    first = backend.plans.save_draft(sam, good_plan())
    changed = dataclasses.replace(
        good_plan(), sections=dataclasses.replace(good_plan().sections, K=("health",))
    )
    second = backend.plans.save_draft(sam, changed)
    assert second.saved_at >= first.saved_at
    paths = backend._store.paths
    backend.close()
    reopened = Backend.open(DataPaths(paths.root), PASSWORD, today=lambda: TODAY)
    try:
        kept = reopened.plans.working_draft(sam)
        assert kept is not None and kept.plan.sections.K == ("health",)
    finally:
        reopened.close()


def test_issuing_a_draft_with_criteria_not_met_is_refused_and_saves_nothing(
    case: Case,
) -> None:
    backend, sam = case
    backend.plans.start_draft(sam)  # needs without descriptions, no outcomes, no provision
    with pytest.raises(PlanChecklistNotMet) as refused:
        backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)
    failed = {item.id for item in refused.value.result.failed}
    assert {"a_child_voice", "a_parent_views", "b_needs", "e_preparing_for_adulthood",
            "f_every_need_provided"} <= failed  # fmt: skip
    assert "i_draft_names_no_school" not in failed and "k_all_advice_listed" not in failed
    assert backend.plans.versions(sam) == ()
    assert _events(backend, sam, "draft_plan_issued") == []
    assert backend.plans.working_draft(sam) is not None


def test_issuing_with_failures_confirmed_records_which_failed(case: Case) -> None:
    backend, sam = case
    backend.plans.start_draft(sam)
    issued = backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True)
    row = issued.version
    assert (row.version, row.kind, row.issued_on) == (1, "draft", date(2026, 10, 12))
    assert {f.id for f in row.failed} == {f.id for f in issued.check.failed}
    assert "b_needs" in {f.id for f in row.failed}
    assert row.checklist_applicable - row.checklist_passed == len(row.failed)
    assert backend.plans.versions(sam) == (row,)
    # the working draft became the issued version
    assert backend.plans.working_draft(sam) is None


def test_a_good_draft_issues_and_the_clock_starts_the_comment_period(case: Case) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    issued = backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)
    assert issued.version.failed == ()
    assert (issued.version.checklist_passed, issued.version.checklist_applicable) == (15, 15)
    assert issued.version.event_id is not None
    assert _events(backend, sam, "draft_plan_issued") == [date(2026, 10, 12)]
    with backend._store.read() as session:
        comment = session.exec(
            select(MilestoneRow).where(
                MilestoneRow.child_id == sam, MilestoneRow.milestone == "draft_response_period_ends"
            )
        ).one()
    # 15 days beginning with Monday 12 October 2026
    assert comment.due == date(2026, 10, 26)
    # the first version changes every section it fills, against an empty plan
    assert [c.section for c in issued.version.changes] == [
        "A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K",
    ]  # fmt: skip


def test_a_draft_naming_a_school_is_refused(case: Case) -> None:
    backend, sam = case
    plan = good_plan()
    named = dataclasses.replace(
        plan,
        sections=dataclasses.replace(
            plan.sections, I=Placement(type="mainstream secondary", name="Hillside Academy")
        ),
    )
    backend.plans.save_draft(sam, named)
    with pytest.raises(Refused, match="Hillside Academy"):
        backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True)
    assert backend.plans.versions(sam) == ()
    assert _events(backend, sam, "draft_plan_issued") == []


def test_an_unknown_child_id_is_a_clear_error(case: Case) -> None:
    backend, _sam = case
    from send_desk.backend import ValidationFailed

    with pytest.raises(ValidationFailed, match="not a child id"):
        backend.plans.working_draft("not-an-id")


def _issued_draft(backend: Backend, sam: uuid.UUID) -> None:
    backend.plans.save_draft(sam, good_plan())
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)


def test_finalising_names_the_school_and_records_the_final_plan(case: Case) -> None:
    backend, sam = case
    _issued_draft(backend, sam)
    final = backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=False)
    row = final.version
    assert (row.version, row.kind, row.issued_on, row.school) == (
        2, "final", date(2026, 11, 2), "Hillside Academy",
    )  # fmt: skip
    detail = backend.plans.version(sam, 2)
    assert detail.plan.status == "final"
    assert detail.plan.sections.I.name == "Hillside Academy"
    # only Section I changed since the issued draft
    assert [c.section for c in row.changes] == ["I"]
    assert _events(backend, sam, "final_plan_issued") == [date(2026, 11, 2)]
    assert [v.kind for v in backend.plans.versions(sam)] == ["draft", "final"]


def test_a_final_plan_needs_an_issued_draft_first(case: Case) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    with pytest.raises(Refused, match="Issue the draft plan first"):
        backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=True)
    assert backend.plans.versions(sam) == ()
    assert _events(backend, sam, "final_plan_issued") == []


def test_an_amendment_shows_what_changed_against_the_plan_in_force(case: Case) -> None:
    backend, sam = case
    _issued_draft(backend, sam)
    backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=False)
    in_force = backend.plans.version(sam).plan
    f2 = dataclasses.replace(in_force.sections.F.items[1], frequency="3 sessions a week")
    amended = dataclasses.replace(
        in_force,
        sections=dataclasses.replace(
            in_force.sections,
            F=dataclasses.replace(in_force.sections.F, items=(in_force.sections.F.items[0], f2)),
        ),
    )
    result = backend.plans.amend(
        sam, date(2026, 12, 1), "Review: more therapy", plan=amended, accept_failed=False
    )
    assert (result.version.version, result.version.kind) == (3, "amendment")
    assert result.version.amendment_reason == "Review: more therapy"
    detail = backend.plans.version(sam, 3)
    assert [(d.section, d.removed, d.added) for d in detail.diff] == [
        (
            "F",
            ("f2: Therapy on phrases that do not mean what they say; by speech and language "
             "therapist; how often 2 sessions a week; how long 30 minutes; group group of 3; "
             "review each term",),
            ("f2: Therapy on phrases that do not mean what they say; by speech and language "
             "therapist; how often 3 sessions a week; how long 30 minutes; group group of 3; "
             "review each term",),
        )
    ]  # fmt: skip
    assert _events(backend, sam, "amendment_notice_issued") == [date(2026, 12, 1)]
    # finalising now issues the amended plan
    done = backend.plans.finalise(sam, date(2026, 12, 7), "Hillside Academy", accept_failed=False)
    assert (done.version.version, done.version.kind) == (4, "amended")
    assert _events(backend, sam, "amended_plan_issued") == [date(2026, 12, 7)]
    assert backend.plans.version(sam, 4).plan.sections.F.items[1].frequency == "3 sessions a week"


def test_an_amendment_needs_a_plan_in_force_and_a_reason(case: Case) -> None:
    backend, sam = case
    _issued_draft(backend, sam)
    with pytest.raises(Refused, match="no final plan to amend"):
        backend.plans.amend(sam, date(2026, 12, 1), "why", plan=good_plan(), accept_failed=True)
    backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=False)
    from send_desk.backend import ValidationFailed

    with pytest.raises(ValidationFailed, match="say why"):
        backend.plans.amend(sam, date(2026, 12, 1), "  ", plan=good_plan(), accept_failed=True)
    assert len(backend.plans.versions(sam)) == 2


def test_the_version_records_who_changed_which_section(case: Case) -> None:
    from send_desk.domain.organisation import User
    from send_desk.services import plans as service
    from send_desk.storage.journal import Actor

    backend, sam = case
    store = backend._store
    with store.read() as session:
        users = {u.display_name: u.id for u in session.exec(select(User)).all()}
    device = store.actor.device_id
    plan = good_plan()
    with store.write(Actor(users["Pat White"], device)) as session:
        service.save_draft(session, sam, plan)
    # Sam Green changes F only
    quicker = dataclasses.replace(plan.sections.F.items[0], frequency="2 sessions a week")
    provision = dataclasses.replace(plan.sections.F, items=(quicker, plan.sections.F.items[1]))
    changed = dataclasses.replace(plan, sections=dataclasses.replace(plan.sections, F=provision))
    with store.write(Actor(users["Sam Green"], device)) as session:
        service.save_draft(session, sam, changed)
    row = backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False).version
    by_section = {c.section: set(c.changed_by) for c in row.changes}
    assert by_section["F"] == {"Pat White", "Sam Green"}
    assert by_section["A"] == {"Pat White"}
    assert by_section["K"] == {"Pat White"}


def test_an_issued_version_is_never_changed(case: Case) -> None:
    import sqlalchemy

    backend, sam = case
    _issued_draft(backend, sam)
    with (
        pytest.raises(sqlalchemy.exc.DatabaseError, match="never changed"),
        backend._store.write() as session,
    ):
        session.execute(sqlalchemy.text("UPDATE plan_version SET kind = 'final'"))
    assert [v.kind for v in backend.plans.versions(sam)] == ["draft"]


def test_a_draft_started_after_the_final_plan_changes_the_plan_in_force(case: Case) -> None:
    backend, sam = case
    _issued_draft(backend, sam)
    final = backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy", accept_failed=False)
    draft = backend.plans.start_draft(sam)
    assert draft.based_on == final.version.id
    assert draft.plan == backend.plans.version(sam, 2).plan
    assert draft.plan.sections.I.name == "Hillside Academy"
    # an amendment that changes nothing is refused, and the draft kept
    with pytest.raises(Refused, match="changes nothing"):
        backend.plans.amend(sam, date(2026, 12, 1), "Annual review", accept_failed=False)
    assert backend.plans.working_draft(sam) == draft
    # changed, the amendment proposed from the working draft replaces it
    changed = dataclasses.replace(
        draft.plan, sections=dataclasses.replace(draft.plan.sections, K=("health",))
    )
    backend.plans.save_draft(sam, changed)
    backend.plans.amend(sam, date(2026, 12, 1), "Annual review", accept_failed=True)
    assert backend.plans.working_draft(sam) is None
    [change] = backend.plans.version(sam).diff
    assert (change.section, change.removed, change.added) == (
        "K", ("Educational psychology", "Social care", "School"), (),
    )  # fmt: skip


def test_a_plan_too_big_to_keep_is_refused_and_the_last_save_stands(case: Case) -> None:
    from send_desk.backend import ValidationFailed

    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    plan = good_plan()
    pasted = dataclasses.replace(plan.sections.A, parent_views="Pasted report. " * 70_000)
    huge = dataclasses.replace(plan, sections=dataclasses.replace(plan.sections, A=pasted))
    with pytest.raises(ValidationFailed, match="at most 1,000,000"):
        backend.plans.save_draft(sam, huge)
    kept = backend.plans.working_draft(sam)
    assert kept is not None and kept.plan == good_plan()
