"""Every figure of the report's complaints section, against a count made by hand.

The store is built on Monday 30 November 2026; the report covers Thursday 1 October to
Monday 30 November and is run on Friday 20 November, so its position is on the 20th
and nothing recorded after that day counts. No bank holiday falls from September to
November. Stage 1 is answered within 10 working days of the day it starts, stage 2
within 20. Pat White (North) holds Ava and Bea, Sam Green (South) holds Cal.

    A  Ava  received Mon  5 Oct, communication
            stage 1 due Mon 19 Oct, answered Fri 16 Oct, not upheld (in time)
            stage 2 asked for Mon 19 Oct, due Mon 16 Nov, answered Fri 13 Nov,
            partly upheld (in time); Ombudsman: referred Mon 16 Nov, decided Thu 19 Nov
            (premature)
    B  Bea  received Mon 12 Oct, service failure
            stage 1 due Mon 26 Oct, answered Wed 28 Oct, upheld (late)
    C  Cal  received Mon  2 Nov, no root cause yet
            stage 1 due Mon 16 Nov, not answered (overdue on the 20th)
    D  Cal  received Tue 17 Nov, policy and procedure
            stage 1 due Tue  1 Dec, withdrawn Mon 23 Nov (after the position: open)
    E  Ava  received Mon 14 Sep (before the period), staff conduct
            stage 1 due Mon 28 Sep, answered Thu 1 Oct, not upheld (late)
            stage 2 asked for Mon 5 Oct, due Mon 2 Nov, not answered (overdue)
    F  Bea  received Wed 25 Nov (after the position): counts nowhere

By hand:
    received (A B C D)                      4
    closed (E1 1 Oct, A1, B1, A2)           4, within the SLA A1 A2 = 2 (50.0%)
    open on the 20th (C, D, E)              3, overdue C E = 2 (66.7%)
    Ombudsman: referred 1, decided 1 (premature)
    October   received A B = 2; closed E1 A1 B1 = 3, within A1 = 1 (33.3%)
    November  received C D = 2; closed A2 = 1, within 1 (100.0%)
    stage 1   received (started) A B C D = 4; closed E1 A1 B1 = 3, within 1 (33.3%)
    stage 2   received A (19 Oct) E (5 Oct) = 2; closed A2 = 1, within 1 (100.0%)
    root causes of A B C D: policy 1, quality 0, communication 1, service failure 1,
              staff conduct 0, not yet known 1 (25.0% each of those found)
    outcomes of E1 A1 B1 A2: upheld 1, partly upheld 1, not upheld 2, withdrawn 0
    North (Pat: A B E)  received 2, closed 4, within 2 (50.0%)
    South (Sam: C D)    received 2, closed 0, within 0 (no percentage)
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from send_desk.reports.complaint_figures import complaint_figures
from send_desk.services import complaints
from send_desk.services.standards import default_standards
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

BUILT = date(2026, 11, 30)
TODAY = date(2026, 11, 20)
STANDARDS = default_standards()
SLA = "Answered within the SLA"


def _complaint(c: Caseload, child: str, received: date, cause: str | None = None,
               steps: tuple[tuple[date, str], ...] = (),
               ombudsman: tuple[date, date, str] | None = None) -> None:  # fmt: skip
    kw: dict[str, Any] = {"today": BUILT, "standards": STANDARDS}
    with c.store.write() as session:
        made = complaints.add_complaint(
            session,
            {"child_id": c.ids[child], "received_on": received, "complainant": "A Parent",
             "summary": "Not happy"},
            **kw,
        )  # fmt: skip
        cid = uuid.UUID(made["id"])
        if cause:
            complaints.update_complaint(session, cid, {"root_cause": cause}, **kw)
        for day, outcome in steps:
            if outcome == "escalate":
                complaints.escalate(session, cid, day, **kw)
            else:
                complaints.respond(session, cid, day, outcome, **kw)
        if ombudsman is not None:
            referred, decided, outcome = ombudsman
            complaints.refer_to_ombudsman(session, cid, referred, "26 000 002", **kw)
            complaints.ombudsman_decision(session, cid, decided, outcome, **kw)


def _figure(numerator: int, denominator: int, percent: float | None,
            title: str = SLA) -> dict[str, Any]:  # fmt: skip
    return {"title": title, "numerator": numerator, "denominator": denominator,
            "percent": percent}  # fmt: skip


def _counts(received: int, closed: int, within: int, percent: float | None) -> dict[str, Any]:
    return {"received": received, "closed": closed, "within_sla": _figure(within, closed, percent)}


def test_each_complaint_figure_matches_the_hand_count(store: Store) -> None:
    c = Caseload(store, BUILT)
    c.child("Ava")
    c.child("Bea")
    c.child("Cal", worker="sam")
    d = date
    _complaint(c, "Ava", d(2026, 10, 5), "communication",
               ((d(2026, 10, 16), "not_upheld"), (d(2026, 10, 19), "escalate"),
                (d(2026, 11, 13), "partly_upheld")),
               (d(2026, 11, 16), d(2026, 11, 19), "premature"))  # fmt: skip
    _complaint(c, "Bea", d(2026, 10, 12), "service_failure", ((d(2026, 10, 28), "upheld"),))
    _complaint(c, "Cal", d(2026, 11, 2))
    _complaint(c, "Cal", d(2026, 11, 17), "policy_procedure", ((d(2026, 11, 23), "withdrawn"),))
    _complaint(c, "Ava", d(2026, 9, 14), "staff_conduct",
               ((d(2026, 10, 1), "not_upheld"), (d(2026, 10, 5), "escalate")))  # fmt: skip
    _complaint(c, "Bea", d(2026, 11, 25), "service_quality")

    with store.read() as session:
        found = complaint_figures(
            session, d(2026, 10, 1), d(2026, 11, 30), today=TODAY, standards=STANDARDS
        )

    assert found["totals"] == {
        **_counts(4, 4, 2, 50.0),
        "open": 3,
        "overdue": _figure(2, 3, 66.7, "Open complaints past their response date"),
        "ombudsman_referrals": 1,
        "ombudsman_decisions": 1,
    }
    assert found["months"] == [
        {"month": d(2026, 10, 1), "label": "October 2026", **_counts(2, 3, 1, 33.3)},
        {"month": d(2026, 11, 1), "label": "November 2026", **_counts(2, 1, 1, 100.0)},
    ]
    assert found["stages"] == [
        {"stage": "stage1", "label": "Stage 1: local resolution", **_counts(4, 3, 1, 33.3)},
        {"stage": "stage2", "label": "Stage 2: review", **_counts(2, 1, 1, 100.0)},
    ]
    # every complaint starts at stage 1: the stage's count is the service's
    assert found["stages"][0]["received"] == found["totals"]["received"]
    assert [(r["root_cause"], r["label"], r["count"], r["percent"])
            for r in found["root_causes"]] == [
        ("policy_procedure", "Policy and procedure", 1, 25.0),
        ("service_quality", "Service quality", 0, 0.0),
        ("communication", "Communication", 1, 25.0),
        ("service_failure", "Service failure", 1, 25.0),
        ("staff_conduct", "Staff conduct", 0, 0.0),
        (None, "Not yet known", 1, 25.0),
    ]  # fmt: skip
    assert [(o["outcome"], o["count"]) for o in found["outcomes"]] == [
        ("upheld", 1), ("partly_upheld", 1), ("not_upheld", 2), ("withdrawn", 0),
    ]  # fmt: skip
    assert [(o["outcome"], o["count"]) for o in found["ombudsman_outcomes"]] == [
        ("not_investigated", 0), ("premature", 1), ("not_upheld", 0), ("upheld", 0),
        ("upheld_remedy", 0),
    ]  # fmt: skip
    assert found["teams"] == [
        {"team": "North", **_counts(2, 4, 2, 50.0)},
        {"team": "South", **_counts(2, 0, 0, None)},
    ]
    assert found["caseworkers"] == [
        {"caseworker": "Pat White", "team": "North", **_counts(2, 4, 2, 50.0)},
        {"caseworker": "Sam Green", "team": "South", **_counts(2, 0, 0, None)},
    ]
    assert [(s["stage"], s["respond_within_working_days"]) for s in found["standard"]] == [
        ("stage1", 10), ("stage2", 20),
    ]  # fmt: skip
