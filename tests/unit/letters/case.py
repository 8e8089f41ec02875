"""A hand-built case for letter tests: one child, one caseworker, one family contact."""

from __future__ import annotations

import uuid
from datetime import date

from send_desk.domain.children import FamilyMember
from send_desk.services import allocation, children, events, organisation
from send_desk.storage.store import Store

# Born 1 June 2016: no phase transfer in these tests' dates.
DOB = "2016-06-01"


class LetterCase:
    """Sam Test, allocated to Pat White (phone and email), main contact Alex Test."""

    def __init__(self, store: Store, today: date, *, easy_read: bool = False) -> None:
        self.store = store
        self.today = today
        with store.write() as session:
            team = organisation.create_team(session, {"name": "North"})
            worker = organisation.create_user(
                session,
                {
                    "username": "pwhite",
                    "display_name": "Pat White",
                    "role": "caseworker",
                    "team_id": team,
                    "phone": "01632 960001",
                    "email": "pat.white@example.org",
                },
            )
            self.child_id: uuid.UUID = children.create_child(
                session,
                {"first_name": "Sam", "last_name": "Test", "date_of_birth": DOB},
                today=today,
            )
            allocation.allocate(session, self.child_id, worker, date(2025, 1, 6))
            session.add(
                FamilyMember(
                    child_id=self.child_id,
                    name="Alex Test",
                    relationship="parent",
                    parental_responsibility=True,
                    main_contact=True,
                    address="1 High Street, Northtown",
                    postcode="NT1 1AA",
                    easy_read=easy_read,
                )
            )

    def event(self, type_id: str, day: date | str, **details: object) -> None:
        when = day if isinstance(day, date) else date.fromisoformat(day)
        with self.store.write() as session:
            events.add_event(session, self.child_id, type_id, when, details, today=self.today)
