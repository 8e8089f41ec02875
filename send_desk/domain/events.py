"""Statutory case events (the contract's event types) as recorded on a child's case."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field

from send_desk.domain.base import Record
from send_desk.domain.validators import PlainText


class CaseEventBase(PlainText):
    __multiline__ = frozenset({"evidence"})

    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    type: str = Field(max_length=40, index=True)
    date: date
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    evidence: str | None = None


class CaseEvent(Record, CaseEventBase, table=True):
    __tablename__ = "case_event"
    # "Which children had a review (or a plan) when": the caseload filters and reports.
    __table_args__ = (Index("ix_case_event_type_child_date", "type", "child_id", "date"),)
