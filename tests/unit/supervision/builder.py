"""A small hand-built store for the supervision tests.

Team North: Pat (caseworker since 2020) and Kim (new starter, started 10 Jan 2026).
Team South: Sam only. Children: Ann (looked after), Ben, Cal (a complaint in Feb 2026),
Dee (a statutory deadline overdue since Feb 2026).

Notes in March 2026 (the period of most tests):
- Pat: 5 visits (Ben), 2 phone calls (Ann, Ben), 1 email (Ben)
- Kim: 2 visits (Ben)
- Sam: 1 visit (Cal)
and one visit by Pat in February 2026 (Ben).
"""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime
from typing import Any

from send_desk.domain.correspondence import Complaint
from send_desk.domain.milestones import MilestoneRow
from send_desk.services import allocation, children, notes, organisation
from send_desk.storage.journal import Actor
from send_desk.storage.store import Store
from tests.constants import TODAY
from tests.unit.quality.test_checker import GOOD

DEVICE = uuid.UUID(int=7)


def note(kind: str, day: int, hour: int = 10, month: int = 3, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data.update(kind=kind, occurred_at=f"2026-{month:02d}-{day:02d}T{hour:02d}:00",
                recorded_at=f"2026-{month:02d}-{day:02d}T{hour + 1:02d}:00", **changes)  # fmt: skip
    return data


class SupervisionStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.notes: dict[str, list[uuid.UUID]] = {"pat": [], "kim": [], "sam": []}
        with store.write() as session:
            self.north = organisation.create_team(session, {"name": "North"})
            self.south = organisation.create_team(session, {"name": "South"})
            self.pat = organisation.create_user(session, {
                "username": "pwhite", "display_name": "Pat White", "role": "caseworker",
                "team_id": self.north, "start_date": "2020-09-01"})  # fmt: skip
            self.kim = organisation.create_user(session, {
                "username": "kblue", "display_name": "Kim Blue", "role": "caseworker",
                "team_id": self.north, "start_date": "2026-01-10"})  # fmt: skip
            self.sam = organisation.create_user(session, {
                "username": "sgreen", "display_name": "Sam Green", "role": "caseworker",
                "team_id": self.south})  # fmt: skip
            self.boss = organisation.create_user(session, {
                "username": "mgrey", "display_name": "Mo Grey", "role": "supervisor",
                "team_id": self.north})  # fmt: skip
            self.second = organisation.create_user(session, {
                "username": "jred", "display_name": "Jo Red", "role": "supervisor",
                "team_id": self.south})  # fmt: skip
            self.children: dict[str, uuid.UUID] = {}
            looked_after = {"looked_after": True, "placing_authority": "Leeds"}
            for first, extra in (("Ann", looked_after), ("Ben", {}), ("Cal", {}), ("Dee", {})):
                child_id = children.create_child(
                    session,
                    {"first_name": first, "last_name": "Test", "date_of_birth": "2016-06-01",
                     **extra},
                    today=TODAY,
                )  # fmt: skip
                allocation.allocate(session, child_id, self.pat, date(2025, 1, 6))
                self.children[first] = child_id
            session.add(Complaint(child_id=self.children["Cal"], received_on=date(2026, 2, 3),
                                  complainant="Mr Test", summary="Late plan."))  # fmt: skip
        with store.write() as session:
            session.add(MilestoneRow(child_id=self.children["Dee"], milestone="x", rule="x",
                                     kind="task", due=date(2026, 2, 10), cycle=date(2026, 1, 1),
                                     source="test"))  # fmt: skip
        for day in range(2, 7):
            self.add("pat", "Ben", note("visit", day))
        self.add("pat", "Ann", note("phone_call", 9))
        self.add("pat", "Ben", note("phone_call", 10))
        self.add("pat", "Ben", note("email", 11))
        self.add("kim", "Ben", note("visit", 12))
        self.add("kim", "Ben", note("visit", 13))
        self.add("sam", "Cal", note("visit", 16))
        self.add("pat", "Ben", note("visit", 16, month=2), keep=False)

    def user(self, who: str) -> uuid.UUID:
        return {"pat": self.pat, "kim": self.kim, "sam": self.sam, "boss": self.boss,
                "second": self.second}[who]  # fmt: skip

    def add(self, who: str, child: str, data: dict[str, Any], keep: bool = True) -> uuid.UUID:
        with self.store.write(Actor(self.user(who), DEVICE)) as session:
            saved = notes.add_note(session, self.children[child], data, accept_failed=True,
                                   now=datetime(2026, 4, 1, 9, 0))  # fmt: skip
        note_id = uuid.UUID(saved["note_id"])
        if keep:
            self.notes[who].append(note_id)
        return note_id
