"""A small hand-built caseload for the SEN2 tests; the expected return is worked out by
hand in test_export.py. Census Thursday 21 January 2027; period 1 Jan - 31 Dec 2026."""

from __future__ import annotations

from datetime import date

from send_desk.services import allocation, children, organisation
from send_desk.storage.store import Store
from tests.unit.services.builder import Caseload

CENSUS = date(2027, 1, 21)
TODAY = date(2027, 2, 1)
ADA_UPN = "E999200119001"  # sen2.md's example: a valid check letter


def build(store: Store) -> Caseload:
    c = Caseload(store, TODAY)
    with store.write() as session:
        oak = organisation.create_setting(
            session, {"name": "Oak Primary", "urn": "123456", "phase": "primary"}
        )
        elm = organisation.create_setting(
            session, {"name": "Elm Nursery", "phase": "early_years"}
        )
        river = organisation.create_setting(
            session, {"name": "Riverside Academy", "urn": "654321", "phase": "secondary"}
        )

    # Ada: a new plan in 2026, a 20-week exception, one school since 2025.
    c.child("Ada", dob="2016-09-12", sex="F", upn=ADA_UPN, primary_need="ASD",
            secondary_need="SLCN")  # fmt: skip
    c.event("Ada", "request_received", "2026-02-02", source="school_or_setting")
    c.event("Ada", "assessment_decision", "2026-03-10", outcome="assess")
    c.event("Ada", "exception_recorded", "2026-04-01", reason="absence_from_area",
            milestone="final_plan", evidence="Family away for five weeks.")  # fmt: skip
    c.event("Ada", "issue_decision", "2026-06-01", outcome="issue")
    c.event("Ada", "final_plan_issued", "2026-07-01")

    # Ben: a plan from 2023 (historical), amended for his move to secondary school by the
    # 15 Feb 2026 deadline, amended again at his 2026 review; moved school in September.
    c.child("Ben", dob="2014-03-01", sex="M", primary_need="MLD")
    c.event("Ben", "request_received", "2023-05-01", source="parent_or_young_person")
    c.event("Ben", "assessment_decision", "2023-06-10", outcome="assess")
    c.event("Ben", "issue_decision", "2023-09-01", outcome="issue")
    c.event("Ben", "final_plan_issued", "2023-10-01")
    c.event("Ben", "phase_transfer", "2025-10-01", transfer_date="2026-09-01", kind="school")
    c.event("Ben", "amended_plan_issued", "2026-02-10")
    c.event("Ben", "review_meeting", "2026-05-01")
    c.event("Ben", "review_decision", "2026-05-10", outcome="amend")
    c.event("Ben", "amendment_notice_issued", "2026-05-20")
    c.event("Ben", "appeal_received", "2026-06-15")  # about the amended plan: "other"

    # Cal: a request not yet decided at census; who asked was not recorded.
    c.child("Cal", dob="2018-01-05", sex="M")
    c.event("Cal", "request_received", "2026-09-01")

    # Dee: refused an assessment in 2024: outside the 2027 return.
    c.child("Dee", dob="2015-04-04", sex="F")
    c.event("Dee", "request_received", "2024-01-10", source="health")
    c.event("Dee", "assessment_decision", "2024-02-20", outcome="not_assess")

    # Eve: a plan transferred in during 2026 and ceased at a review in 2026; no school.
    c.child("Eve", dob="2010-06-30", sex="F", primary_need="SEMH")
    c.event("Eve", "plan_transferred_in", "2026-04-01")
    c.event("Eve", "review_meeting", "2026-10-01")
    c.event("Eve", "review_decision", "2026-10-15", outcome="cease")

    # Finn: assessed in 2026, decided not to issue; the family went to mediation.
    c.child("Finn", dob="2012-11-11", sex="M")
    c.event("Finn", "request_received", "2026-01-15", source="other")
    c.event("Finn", "assessment_decision", "2026-02-20", outcome="assess")
    c.event("Finn", "issue_decision", "2026-06-10", outcome="not_issue")
    c.event("Finn", "mediation_requested", "2026-06-20")
    c.event("Finn", "mediation_held", "2026-07-10")  # about not issuing: "assessment"

    with store.write() as session:
        allocation.place(session, c.ids["Ada"], oak, date(2025, 9, 3))
        allocation.place(session, c.ids["Ben"], elm, date(2024, 9, 1))
        allocation.place(session, c.ids["Ben"], river, date(2026, 9, 1))
        # unused here, but proves a child outside the return does not leak in
        allocation.place(session, c.ids["Dee"], oak, date(2023, 9, 1))
        assert children.get_child(session, c.ids["Ada"]).upn == ADA_UPN
    return c
