"""Every table, imported in one place so that metadata and migrations see them all."""

from typing import cast

from sqlalchemy import Table
from sqlmodel import SQLModel

from send_desk.domain.children import Allocation, Child, FamilyMember, Placement
from send_desk.domain.correspondence import (
    Callback,
    Complaint,
    ComplaintStage,
    CorrespondenceItem,
    DutyRota,
    StaffAbsence,
)
from send_desk.domain.documents import Document, DocumentChunk, DocumentContent
from send_desk.domain.events import CaseEvent, CaseEventVersion
from send_desk.domain.journal import DeviceState, JournalEntry, StoreMeta
from send_desk.domain.letters import LetterVersion
from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.notes import NoteDraft, NoteVersion
from send_desk.domain.organisation import Setting, Team, User
from send_desk.domain.plans import PlanVersion, PlanWorkingDraft
from send_desk.domain.supervision import AuditResponse, NoteAudit, NoteSample
from send_desk.domain.sync_state import SyncConflict, SyncQuarantine, SyncScope

# Tables whose writes are journaled, in an order that satisfies foreign keys.
JOURNALED = (
    Team, User, Setting, Child, FamilyMember, Placement, Allocation, CaseEvent, CaseEventVersion,
    NoteVersion,
    LetterVersion, CorrespondenceItem, Callback, Complaint, ComplaintStage, StaffAbsence, DutyRota,
    NoteSample, NoteAudit, AuditResponse,
    Document,
    PlanVersion,
)  # fmt: skip


def table_name(model: type[SQLModel]) -> str:
    """The name of a table model's table.

    SQLModel types ``__tablename__`` as ``str | Callable[..., str]`` because its default
    is a ``declared_attr``; on a table class it always reads as the string.
    """
    return cast(str, model.__tablename__)


def table_of(model: type[SQLModel]) -> Table:
    """A table model's Core table (SQLModel does not declare ``__table__`` for typing)."""
    return model.metadata.tables[table_name(model)]


__all__ = [
    "JOURNALED",
    "Allocation",
    "AuditResponse",
    "Callback",
    "CaseEvent",
    "CaseEventVersion",
    "Child",
    "Complaint",
    "ComplaintStage",
    "CorrespondenceItem",
    "DeviceState",
    "Document",
    "DocumentChunk",
    "DocumentContent",
    "DutyRota",
    "FamilyMember",
    "JournalEntry",
    "LetterVersion",
    "MilestoneRow",
    "NoteAudit",
    "NoteDraft",
    "NoteSample",
    "NoteVersion",
    "Placement",
    "PlanVersion",
    "PlanWorkingDraft",
    "Setting",
    "StaffAbsence",
    "StoreMeta",
    "SyncConflict",
    "SyncQuarantine",
    "SyncScope",
    "Team",
    "User",
    "table_name",
    "table_of",
]
