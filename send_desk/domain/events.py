"""Statutory case events (the contract's event types) as recorded on a child's case.

An event recorded by mistake is never deleted: the family, a complaint or a tribunal may
ask what the council recorded and when. A **correction** keeps the event's id (letters
and exceptions point at it), bumps ``version`` and writes the values before and after,
with the reason, as :class:`CaseEventVersion` rows; a **withdrawal** marks the event
``withdrawn`` with a reason, and the clock, the stage and the reports then leave it out.
Both are ordinary journaled writes, so they sync like any other change.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field

from send_desk.domain.base import Record
from send_desk.domain.validators import PlainText


class CaseEventBase(PlainText):
    __multiline__ = frozenset({"evidence", "withdrawn_reason"})

    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    type: str = Field(max_length=40, index=True)
    date: date
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    evidence: str | None = None
    # 1 as first recorded; each correction adds one (see CaseEventVersion)
    version: int = Field(default=1, ge=1)
    withdrawn: bool = Field(default=False)
    withdrawn_reason: str | None = Field(default=None, max_length=2000)


class CaseEvent(Record, CaseEventBase, table=True):
    __tablename__ = "case_event"
    # "Which children had a review (or a plan) when": the caseload filters and reports.
    __table_args__ = (Index("ix_case_event_type_child_date", "type", "child_id", "date"),)


class CaseEventVersionBase(PlainText):
    __multiline__ = frozenset({"evidence", "reason"})

    event_id: uuid.UUID = Field(foreign_key="case_event.id", index=True)
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    version: int = Field(ge=1)
    date: date
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    evidence: str | None = None
    # why this version replaced the one before (None for the first, as recorded)
    reason: str | None = Field(default=None, max_length=2000)


class CaseEventVersion(Record, CaseEventVersionBase, table=True):
    """One version of a corrected event, as it stood: only ever inserted."""

    __tablename__ = "case_event_version"
    __append_only__: ClassVar[bool] = True
