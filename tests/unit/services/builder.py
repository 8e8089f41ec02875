"""A small hand-built caseload for the clock's store tests: two teams, two caseworkers."""

from __future__ import annotations

import uuid
from datetime import date

from send_desk.services import allocation, children, events, organisation
from send_desk.storage.store import Store

# Born 1 Jun 2016: no phase transfer before 2027, so no proposal in these tests' dates.
NO_PLAN_DOB = "2016-06-01"


class Caseload:
    def __init__(self, store: Store, today: date) -> None:
        self.store = store
        self.today = today
        self.ids: dict[str, uuid.UUID] = {}
        with store.write() as session:
            north = organisation.create_team(session, {"name": "North"})
            south = organisation.create_team(session, {"name": "South"})
            self.pat = organisation.create_user(
                session,
                {"username": "pwhite", "display_name": "Pat White", "role": "caseworker",
                 "team_id": north},
            )  # fmt: skip
            self.sam = organisation.create_user(
                session,
                {"username": "sgreen", "display_name": "Sam Green", "role": "caseworker",
                 "team_id": south},
            )  # fmt: skip
        self.north, self.south = north, south

    def child(
        self, first: str, dob: str = NO_PLAN_DOB, worker: str = "pat", **extra: object
    ) -> uuid.UUID:
        with self.store.write() as session:
            child_id = children.create_child(
                session,
                {"first_name": first, "last_name": "Test", "date_of_birth": dob, **extra},
                today=self.today,
            )
            allocation.allocate(
                session, child_id, self.pat if worker == "pat" else self.sam, date(2025, 1, 6)
            )
        self.ids[first] = child_id
        return child_id

    def event(self, first: str, type_id: str, day: str, **details: object) -> None:
        """Record an event (through the service, so the milestones follow)."""
        with self.store.write() as session:
            when = date.fromisoformat(day)
            events.add_event(session, self.ids[first], type_id, when, details, today=self.today)
