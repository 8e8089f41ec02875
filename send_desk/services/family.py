"""Family members and other contacts of a child."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from send_desk.domain.children import FamilyMember, FamilyMemberCreate
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound
from send_desk.services.validation import apply_changes, validate


def add_family_member(session: Session, data: Mapping[str, Any]) -> uuid.UUID:
    values = validate(FamilyMemberCreate, data)
    get_child(session, values.child_id)
    member = FamilyMember.model_validate(values)
    session.add(member)
    session.flush()
    return member.id


def update_family_member(
    session: Session, member_id: uuid.UUID, changes: Mapping[str, Any]
) -> dict[str, Any]:
    member = session.get(FamilyMember, member_id)
    if member is None:
        raise NotFound("that family member or contact is not recorded")
    if "child_id" in changes:
        raise NotFound("a contact cannot be moved to another child; add them there instead")
    return apply_changes(session, FamilyMemberCreate, member, changes)
