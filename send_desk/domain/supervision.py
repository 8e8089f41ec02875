"""Supervision: samples of case notes drawn for audit, audits, and the caseworker's replies.

Every table here is append-only (``__append_only__``): a sample, an audit and a reply
are only ever inserted, so supervisors working offline on two laptops never conflict
in sync -- two audits of the same note are both kept -- and the database refuses an
update (triggers of the migration that made these tables).

- :class:`NoteSample` is a draw: the period, scope, seed and options it was drawn with
  and ``as_of`` (notes saved and audits made after that instant are ignored when it is
  drawn again), so an auditor can re-draw exactly the same notes; ``items`` holds them.
- :class:`NoteAudit` grades one saved version of a note: the automatic criteria as the
  checker found them on that version, the manual criteria as graded, the overall grade
  computed by the rule in ``resources/supervision/audit.toml``, comments and an action
  for the caseworker. A moderation audit (``moderates_id``) is a second auditor's blind
  grading of the same version.
  ``subject`` says what was audited: a case note (``note``, the default, which every
  row made before plan audits is) or an EHC plan version (``plan``: ``note_id`` then
  holds the plan's ``plan_id`` and ``version_id`` the ``plan_version`` id, the rule is
  ``resources/supervision/plan_audit.toml``). One table, so plan audits are append-only,
  synced, acknowledged, listed on My day and moderated exactly as note audits are.
- :class:`AuditResponse` is the caseworker's acknowledgement of an audit, or the note
  that its action is done.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field

from send_desk.domain.base import Record, utc_field

GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
GRADE_LABELS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
AUDIT_ROLES = ("audit", "moderation")
AUDIT_SUBJECTS = ("note", "plan")
RESPONSE_KINDS = ("acknowledged", "action_done")


class NoteSample(Record, table=True):
    __tablename__ = "note_sample"
    __append_only__: ClassVar[bool] = True
    # Sync: team data. A sample reaches the users who see its team's caseload; a
    # whole-service sample (no team) only admins and the user who drew it.
    __sync_scope__: ClassVar[str] = "team"
    __sync_owner__: ClassVar[str] = "drawn_by"

    period: str = Field(max_length=7, index=True)  # YYYY-MM, by the note's occurred date
    team_id: uuid.UUID | None = None
    caseworker_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    per_caseworker: int = 3
    seed: int = 0
    weighted: bool = False
    include_audited: bool = False
    # Notes saved, and audits made, after this instant are not part of the draw (UTC).
    as_of: datetime = utc_field()
    drawn_by: uuid.UUID | None = None
    # [{"note_id", "version_id", "child_id", "caseworker_id", "kind", "why"}]
    items: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    shortfall: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )


class NoteAudit(Record, table=True):
    __tablename__ = "note_audit"
    __table_args__ = (Index("ix_note_audit_caseworker", "caseworker_id", "created_at"),)
    __append_only__: ClassVar[bool] = True

    note_id: uuid.UUID = Field(index=True)  # a plan audit: the plan's plan_id
    version_id: uuid.UUID  # a plan audit: the plan_version id
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    # what was audited (AUDIT_SUBJECTS); rows from before plan audits are note audits
    subject: str = Field(
        default="note", max_length=8, index=True, sa_column_kwargs={"server_default": "note"}
    )
    caseworker_id: uuid.UUID | None = None
    auditor_id: uuid.UUID | None = None
    sample_id: uuid.UUID | None = None
    role: str = Field(default="audit", max_length=12)
    moderates_id: uuid.UUID | None = Field(default=None, index=True)  # the audit moderated
    # [{"id", "kind": "automatic"|"manual", "applies", "passed"|"grade", "comment"}]
    criteria: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    overall: str = Field(max_length=24)
    rule_version: int = 1
    comments: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    action: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    action_due: date | None = None


class AuditResponse(Record, table=True):
    __tablename__ = "audit_response"
    __append_only__: ClassVar[bool] = True

    audit_id: uuid.UUID = Field(foreign_key="note_audit.id", index=True)
    child_id: uuid.UUID = Field(foreign_key="child.id")
    user_id: uuid.UUID | None = None
    kind: str = Field(default="acknowledged", max_length=12)
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
