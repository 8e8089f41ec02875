"""What the statutory clock says when a plan's version is issued: the time limits the
new event completed late (shown to the caseworker, printed by the CLI), and a draft
with no decision to issue on the case (or a final plan with no draft) refused until
confirmed. The advice the case has received, typed, for the editor's Section K.

Sam's case (tests/unit/backend/plan_case.py): request 1 June 2026, so the local draft
target (14 weeks) is 7 September, the decision whether to issue (16 weeks) 21 September
and the final plan (20 weeks) 19 October 2026.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from send_desk.backend import Backend, DataPaths
from send_desk.backend.plans_models import PlanOrderUnconfirmed
from tests.unit.backend.plan_case import PASSWORD, TODAY, case, good_plan
from tests.unit.services.builder import Caseload

__all__ = ["case"]

Case = tuple[Backend, uuid.UUID]
DRAFT_TARGET_LATE = (
    "Draft plan (local target: week 14): due 07/09/2026, done 35 days late (a local "
    "target, not a statutory time limit)."
)
COMMENTS_AFTER_WEEK_20 = (
    "The family's time to comment on the draft ends on 26/10/2026, after the 20-week "
    "limit for the final plan (19/10/2026): the final plan will be late unless an "
    "exception applies."
)
NO_DECISION = (
    "The case records no decision to issue a plan: a draft plan follows the council's "
    "decision to issue one (SEND Regulations 2014 reg 10). The clock still records the "
    "draft, and the decision whether to issue (due 21/09/2026) stays open."
)


def _events(backend: Backend, child: uuid.UUID, kind: str) -> list[date]:
    return [e.date for e in backend.caseload.child_detail(child).events if e.type == kind]


@pytest.fixture
def undecided(tmp_path: Path) -> Iterator[Case]:
    """Sam's case up to the advice: assessed, no decision whether to issue yet."""
    backend = Backend.create(DataPaths(tmp_path / "store"), PASSWORD, today=lambda: TODAY)
    c = Caseload(backend._store, TODAY)
    sam = c.child("Sam", dob="2012-05-10", primary_need="ASD", secondary_need="SLCN")
    c.event("Sam", "request_received", "2026-06-01")
    c.event("Sam", "assessment_decision", "2026-07-13", outcome="assess")
    yield backend, sam
    backend.close()


def _record(backend: Backend, child: uuid.UUID, kind: str, on: date, **details: str) -> None:
    from send_desk.services.events import add_event

    with backend._store.write() as session:
        add_event(session, child, kind, on, details, today=TODAY)


def test_a_late_draft_and_a_late_final_plan_say_which_limits_they_missed(case: Case) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    draft = backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)
    # 12 October is 35 days after the 14-week target; its 15 days to comment end on
    # 26 October, a week after the 20-week limit
    assert draft.warnings == (DRAFT_TARGET_LATE, COMMENTS_AFTER_WEEK_20)
    final = backend.plans.finalise(sam, date(2026, 11, 2), "Hillside Academy",
                                   accept_failed=False)  # fmt: skip
    assert final.warnings == ("Issue the final EHC plan (20 weeks): due 19/10/2026, done 14 "
                              "days late.",)  # fmt: skip


def test_a_draft_and_final_in_time_have_nothing_to_check(undecided: Case) -> None:
    backend, sam = undecided
    _record(backend, sam, "issue_decision", date(2026, 8, 24), outcome="issue")
    backend.plans.save_draft(sam, good_plan())
    # 1 September: before the 14-week target; comments end 15 September
    assert backend.plans.issue_draft(sam, date(2026, 9, 1), accept_failed=True).warnings == ()
    final = backend.plans.finalise(sam, date(2026, 10, 19), "Hillside Academy",
                                   accept_failed=True)  # fmt: skip
    assert final.warnings == ()  # on the day of the 20-week limit


def test_a_draft_with_no_decision_to_issue_is_refused_until_confirmed(undecided: Case) -> None:
    backend, sam = undecided
    backend.plans.save_draft(sam, good_plan())
    with pytest.raises(PlanOrderUnconfirmed) as refused:
        backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True)
    assert refused.value.message == (
        NO_DECISION + " Record the decision first, or confirm issuing the draft without it."
    )
    # nothing issued, nothing recorded, the draft kept
    assert backend.plans.versions(sam) == ()
    assert _events(backend, sam, "draft_plan_issued") == []
    assert backend.plans.working_draft(sam) is not None
    issued = backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True,
                                       confirm_order=True)  # fmt: skip
    assert issued.warnings == (NO_DECISION, DRAFT_TARGET_LATE, COMMENTS_AFTER_WEEK_20)
    assert _events(backend, sam, "draft_plan_issued") == [date(2026, 10, 12)]


def test_a_decision_not_to_issue_or_dated_after_the_draft_is_named(undecided: Case) -> None:
    backend, sam = undecided
    _record(backend, sam, "issue_decision", date(2026, 9, 14), outcome="not_issue")
    backend.plans.save_draft(sam, good_plan())
    with pytest.raises(PlanOrderUnconfirmed, match=r"^The case records a decision not to issue "
                       r"a plan \(14/09/2026\)"):  # fmt: skip
        backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True)


def test_a_draft_dated_before_the_decision_is_named(undecided: Case) -> None:
    backend, sam = undecided
    _record(backend, sam, "issue_decision", date(2026, 10, 20), outcome="issue")
    backend.plans.save_draft(sam, good_plan())
    with pytest.raises(PlanOrderUnconfirmed) as refused:
        backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=True)
    assert refused.value.message == (
        "The decision to issue a plan is dated 20/10/2026, after this draft (12/10/2026). "
        "Check the dates. Record the decision first, or confirm issuing the draft without it."
    )


def test_a_final_plan_dated_before_the_draft_is_refused_until_confirmed(case: Case) -> None:
    backend, sam = case
    backend.plans.save_draft(sam, good_plan())
    backend.plans.issue_draft(sam, date(2026, 10, 12), accept_failed=False)
    with pytest.raises(PlanOrderUnconfirmed) as refused:
        backend.plans.finalise(sam, date(2026, 10, 2), "Hillside Academy", accept_failed=True)
    assert refused.value.message.startswith(
        "The case records no draft plan issued on or before 02/10/2026: a final plan follows "
        "the draft and the family's 15 days to comment on it (SEND Regulations 2014 reg 13)."
    )
    assert _events(backend, sam, "final_plan_issued") == []
    final = backend.plans.finalise(sam, date(2026, 10, 2), "Hillside Academy",
                                   accept_failed=True, confirm_order=True)  # fmt: skip
    assert final.warnings[0].startswith("The case records no draft plan issued on or before")
    assert _events(backend, sam, "final_plan_issued") == [date(2026, 10, 2)]


def test_the_advice_received_is_typed_by_the_standards_names(undecided: Case) -> None:
    backend, sam = undecided
    for day, said in ((3, "EP"), (10, "Health"), (11, "ep"), (12, "speech_and_language_therapy")):
        _record(backend, sam, "advice_received", date(2026, 8, day), **{"from": said})
    # once each, in the order received; a name on no list kept as written
    assert backend.plans.advice_received(sam) == (
        "educational_psychology", "health", "speech_and_language_therapy",
    )  # fmt: skip
    assert backend.plans.advice_received(str(sam)) == backend.plans.advice_received(sam)
