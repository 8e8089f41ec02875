"""A first draft of a child's EHC plan from what the case already knows.

Starting a plan should not mean typing again what the record holds. The draft has:

* the child: the name they use (preferred name, else first name), their National
  Curriculum year group on the plan's date (so preparing for adulthood applies from
  Year 9), and ``young_person`` from Year 12 (over compulsory school age: the young
  person's own views then stand in place of the parents');
* Section B: the record's primary need (``b1``, marked primary) and secondary need
  (``b2``) with their SEN2 areas and empty descriptions, for the writer to describe;
* ``advice_received`` and Section K: the kinds of advice the case has received
  (:mod:`send_desk.services.plan_advice`);
* the family's communication needs (a language, an interpreter, easy read, large
  print), kept with the child as ``family_communication`` so letters and the rendered
  plan can meet them; it is not one of the standard's fields and the checker ignores it.

Everything else starts empty, and status ``draft`` with Section I blank: a draft names
no school.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from send_desk.domain.children import FamilyMember
from send_desk.plans.model import Child, Need, NeedList, Plan, Sections, frozen_extra
from send_desk.services.children import get_child
from send_desk.services.plan_advice import advice_received

# From Year 12 a young person is over compulsory school age (Children and Families Act
# 2014 s.83(2)): they speak for themself.
YOUNG_PERSON_FROM_YEAR = 12


def _communication(session: Session, child_id: uuid.UUID) -> list[dict[str, Any]]:
    members = session.exec(
        select(FamilyMember)
        .where(FamilyMember.child_id == child_id)
        .order_by(col(FamilyMember.main_contact).desc(), col(FamilyMember.name))
    ).all()
    needs = []
    for member in members:
        if not (member.language or member.interpreter_needed or member.easy_read
                or member.large_print):  # fmt: skip
            continue
        needs.append(
            {
                "name": member.name,
                "relationship": str(member.relationship),
                "language": member.language,
                "interpreter_needed": member.interpreter_needed,
                "easy_read": member.easy_read,
                "large_print": member.large_print,
            }
        )
    return needs


def draft_plan(session: Session, child_id: uuid.UUID, on: date) -> Plan:
    """A new draft plan for the child dated ``on``, pre-filled from the case."""
    child = get_child(session, child_id)
    year = child.year_group(on)
    needs = [
        Need(id=f"b{number}", area=str(need), primary=number == 1)
        for number, need in enumerate(
            (n for n in (child.primary_need, child.secondary_need) if n is not None), start=1
        )
    ]
    advice = tuple(advice_received(session, child_id))
    communication = _communication(session, child_id)
    return Plan(
        status="draft",
        date=on,
        child=Child(
            first_name=child.preferred_name or child.first_name,
            year_group=year,
            young_person=year >= YOUNG_PERSON_FROM_YEAR,
            extra=frozen_extra({"family_communication": communication} if communication else {}),
        ),
        advice_received=advice,
        sections=Sections(B=NeedList(tuple(needs)), K=advice),
    )
