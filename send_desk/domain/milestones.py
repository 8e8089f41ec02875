"""Each child's computed statutory milestones, cached in the store.

Derived data: rebuilt from the case events by the statutory clock
(:mod:`send_desk.services.milestones`), never journaled, never exported, never synced.
A row holds what does not change from one day to the next; the status (met, late,
pending, overdue, exception, info) and the days left are worked out when the row is
read, from that day's date, so a new day needs no recompute.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Column, ForeignKey, Index, Uuid, text
from sqlmodel import Field, SQLModel


class MilestoneRow(SQLModel, table=True):
    """One cycle of one milestone of one child (identified by milestone id and due date)."""

    __tablename__ = "milestone"
    __table_args__ = (
        # Open milestones by due date (done IS NULL first: most milestones of a caseload
        # are done and past): My day and deadlines; with the milestone id and the child
        # the "Overdue" filter and who comes first are answered from the index alone.
        Index("ix_milestone_open", "done", "due", "milestone", "child_id"),
        # What `deadlines` and My day read, open milestones only and every column they
        # need: the whole store's deadlines without a table lookup per row (a lookup
        # decrypts a page; this took the 20,000-child demo's query from 0.6 s to 0.2 s).
        Index(
            "ix_milestone_open_by_kind",
            "kind",
            "local",
            "due",
            "child_id",
            "milestone",
            "rule",
            "cycle",
            "proposed",
            "priority",
            "exception_reason",
            "exception_evidence",
            "exception_recorded",
            "done",  # always NULL here, but a covering index must hold what is filtered on
            sqlite_where=text("done IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    child_id: uuid.UUID = Field(
        sa_column=Column(
            Uuid(), ForeignKey("child.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    milestone: str = Field(max_length=80)  # the contract's id, e.g. advice_due:health
    rule: str = Field(max_length=60)  # the rule's unique name (title, action, source)
    kind: str = Field(max_length=10)  # "task" or "info"
    due: date
    done: date | None = None
    cycle: date  # the day the trigger event happened (1 September for a proposal)
    source: str = Field(max_length=200)
    proposed: bool = False  # a phase transfer worked out from the date of birth
    priority: bool = False  # a priority rule (phase transfer, moving in) or looked after
    local: bool = False  # a council target, not a statutory time limit
    exception_reason: str | None = Field(default=None, max_length=60)
    exception_evidence: str | None = None
    exception_recorded: date | None = None
