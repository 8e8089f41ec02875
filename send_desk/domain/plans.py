"""EHC plans on the case: append-only issued versions, and the working draft.

A child's plan is the chain of its issued versions (``plan_id`` is the id of its first
version): each issued draft, the final plan, each proposed amendment and each amended
final plan is a new :class:`PlanVersion` holding the whole plan as the standard's JSON
(:meth:`send_desk.plans.model.Plan.to_json`). A saved version is never changed (the
database refuses it, a trigger of local migration 0013), so versions written offline
on two laptops never conflict in sync (``__append_only__``), as case notes do.

``changed_sections`` is the section-level change list of the version against the one
before it (the first against an empty plan): ``[{"section": "F", "changed_by":
[user id, ...]}]``, so the journal's record of the insert says who changed which
section.

The plan being written is a :class:`PlanWorkingDraft`: one per child on this laptop,
saved as the caseworker types (inside the encrypted store, so it survives a crash),
not journaled and not synced, and deleted once it is issued -- like a note draft.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from send_desk.domain.base import Record, utc_field

# What a version is, in the order of the statutory process.
PLAN_KINDS = ("draft", "final", "amendment", "amended")
# The case event each kind of version records (through the clock's service).
KIND_EVENTS = {
    "draft": "draft_plan_issued",
    "final": "final_plan_issued",
    "amendment": "amendment_notice_issued",
    "amended": "amended_plan_issued",
}
# The plan's own ``status`` (the standard's field) for each kind of version.
KIND_STATUS = {"draft": "draft", "final": "final", "amendment": "amended", "amended": "amended"}
# Kinds that put a plan in force (the plan an amendment is compared with).
IN_FORCE_KINDS = ("final", "amended")


class PlanVersion(Record, table=True):
    __tablename__ = "plan_version"
    __table_args__ = (Index("ix_plan_version_child_version", "child_id", "version"),)
    # Only ever inserted: sync never merges fields of a row, and refuses an update.
    __append_only__: ClassVar[bool] = True

    plan_id: uuid.UUID = Field(index=True)
    child_id: uuid.UUID = Field(foreign_key="child.id")
    version: int = 1
    supersedes_id: uuid.UUID | None = None
    author_id: uuid.UUID | None = None
    kind: str = Field(max_length=12)
    issued_on: date
    # the case event recorded when this version was issued
    event_id: uuid.UUID | None = None
    amendment_reason: str | None = None
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    changed_sections: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    # Criteria not met when the caseworker confirmed issuing: [{"id", "section", "message"}]
    failed_items: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    checklist_passed: int = 0
    checklist_applicable: int = 0


class PlanWorkingDraft(SQLModel, table=True):
    """The plan being written for a child on this laptop (see the module docstring)."""

    __tablename__ = "plan_draft"

    id: uuid.UUID = Field(primary_key=True)
    child_id: uuid.UUID = Field(index=True, unique=True)
    user_id: uuid.UUID | None = None
    # the issued version this draft changes (an amendment, or a final after comments)
    based_on: uuid.UUID | None = None
    content: str = Field(sa_column=Column(Text, nullable=False))  # the plan's JSON
    # who changed which section while it was written: [{"section", "user_id", "at"}]
    edits: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    updated_at: datetime = utc_field()
