"""A hand-built case for the plan tests: Sam, born 10 May 2012 (Year 10 in 2026/27).

The assessment ran from a request on 1 June 2026; advice was received from the
educational psychologist, health, social care and the school, and on 5 October 2026
the council decided to issue a plan. Today is Monday 7 December 2026.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from send_desk.backend import Backend, DataPaths
from send_desk.plans import Plan, parse_plan
from tests.unit.plans.plan_data import GOOD
from tests.unit.services.builder import Caseload

TODAY = date(2026, 12, 7)
PASSWORD = "correct horse battery staple"
ADVICE = ("educational_psychology", "health", "social_care", "school")


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[Backend, uuid.UUID]]:
    backend = Backend.create(DataPaths(tmp_path / "store"), PASSWORD, today=lambda: TODAY)
    c = Caseload(backend._store, TODAY)
    sam = c.child("Sam", dob="2012-05-10", primary_need="ASD", secondary_need="SLCN")
    c.event("Sam", "request_received", "2026-06-01")
    c.event("Sam", "assessment_decision", "2026-07-13", outcome="assess")
    for kind in ADVICE:
        c.event("Sam", "advice_requested", "2026-07-14", **{"from": kind})
    for day, kind in zip(("2026-08-03", "2026-08-10", "2026-08-17", "2026-09-07"), ADVICE,
                         strict=True):  # fmt: skip
        c.event("Sam", "advice_received", day, **{"from": kind})
    c.event("Sam", "issue_decision", "2026-10-05", outcome="issue")
    yield backend, sam
    backend.close()


def good_plan(**changes: Any) -> Plan:
    """The hand-written good plan of the plan tests (every criterion met for a draft)."""
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return parse_plan(data)


def good_json() -> dict[str, Any]:
    return copy.deepcopy(GOOD)
