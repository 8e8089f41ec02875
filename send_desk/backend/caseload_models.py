"""What the caseload and the child record read and write: frozen read models and inputs.

Codes travel as their stored values (``stage`` "draft_plan", ``primary_need`` "ASD",
``sex`` "F"); the GUI puts labels on them (``send_desk.backend.labels``,
``send_desk.gui.formatting``). Ids are UUIDs, dates are dates.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum

# A value in an event's details (stored as JSON): a date is its ISO text.
DetailValue = str | int | float | bool | None
# A value of one field of a child or a family member, as a form edits it.
FieldValue = str | int | bool | date | None


@dataclass(frozen=True, slots=True)
class NextDeadline:
    """A child's next statutory deadline not yet met (the earliest due)."""

    title: str
    due: date
    days_left: int  # negative once missed

    @property
    def overdue_days(self) -> int:
        return max(0, -self.days_left)


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    """One row of the caseload table."""

    id: uuid.UUID
    name: str  # "Last, First (Preferred)"
    date_of_birth: date
    year_group: int
    upn: str | None
    setting: str | None
    need: str | None
    stage: str
    team: str | None
    caseworker: str | None  # None: not allocated
    looked_after: bool
    flags: tuple[str, ...]
    next_deadline: NextDeadline | None


@dataclass(frozen=True, slots=True)
class TeamChoice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class CaseworkerChoice:
    id: uuid.UUID
    name: str
    username: str
    team: str
    team_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class SettingChoice:
    id: uuid.UUID
    name: str
    urn: str | None
    phase: str


@dataclass(frozen=True, slots=True)
class CaseloadOptions:
    """Teams, caseworkers and settings for the filters and forms; how many children."""

    teams: tuple[TeamChoice, ...]
    caseworkers: tuple[CaseworkerChoice, ...]
    settings: tuple[SettingChoice, ...]
    children: int


@dataclass(frozen=True, slots=True)
class FamilyMember:
    id: uuid.UUID
    name: str
    relationship: str
    parental_responsibility: bool
    main_contact: bool
    phone: str | None
    email: str | None
    address: str | None
    postcode: str | None
    preferred_contact: str
    language: str | None
    interpreter_needed: bool
    independent_interpreter: bool
    easy_read: bool
    large_print: bool
    notes: str | None


@dataclass(frozen=True, slots=True)
class Setting:
    id: uuid.UUID
    name: str
    urn: str | None
    phase: str


@dataclass(frozen=True, slots=True)
class Placement:
    id: uuid.UUID
    setting: Setting
    start_date: date
    end_date: date | None  # None: the current placement
    sen_unit: bool
    resourced_provision: bool

    @property
    def current(self) -> bool:
        return self.end_date is None


@dataclass(frozen=True, slots=True)
class Allocation:
    id: uuid.UUID
    caseworker_id: uuid.UUID
    caseworker: str
    caseworker_email: str | None
    caseworker_phone: str | None
    team: str
    start_date: date
    end_date: date | None  # None: the current allocation
    reason: str | None

    @property
    def current(self) -> bool:
        return self.end_date is None


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """A statutory event on the record (withdrawn ones included, marked)."""

    id: uuid.UUID
    type: str
    date: date
    details: Mapping[str, DetailValue]
    evidence: str | None
    version: int  # above 1 once corrected
    withdrawn: bool
    withdrawn_reason: str | None


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change on the record: when (London time), by whom, and what, in a sentence."""

    at: datetime
    by: str | None  # None: the system
    description: str


@dataclass(frozen=True, slots=True)
class ChildDetail:
    """Everything the child record shows."""

    id: uuid.UUID
    first_name: str
    last_name: str
    preferred_name: str | None
    date_of_birth: date
    sex: str
    upn: str | None
    upn_unknown_reason: str | None
    uln: str | None
    ethnicity: str | None
    address: str | None
    postcode: str | None
    home_language: str | None
    nc_year_override: int | None
    looked_after: bool
    placing_authority: str | None
    primary_need: str | None
    secondary_need: str | None
    stage: str
    year_group: int
    current_setting: Setting | None
    caseworker: str | None
    team: str | None
    family: tuple[FamilyMember, ...]
    placements: tuple[Placement, ...]  # newest first
    allocations: tuple[Allocation, ...]  # newest first
    events: tuple[CaseEvent, ...]  # oldest first
    history: tuple[HistoryEntry, ...]  # newest first
    communication_needs: tuple[str, ...]  # plain sentences, most important first
    flags: tuple[str, ...]
    next_deadline: NextDeadline | None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def field_values(self) -> dict[str, FieldValue]:
        """The editable fields, as the child form shows them."""
        return {name: getattr(self, name) for name in CHILD_FIELDS}


@dataclass(frozen=True, slots=True)
class NewChild:
    """A child to add; blank text means "not recorded"."""

    first_name: str
    last_name: str
    date_of_birth: date
    preferred_name: str | None = None
    sex: str = "U"
    upn: str | None = None
    upn_unknown_reason: str | None = None
    uln: str | None = None
    ethnicity: str | None = None
    address: str | None = None
    postcode: str | None = None
    home_language: str | None = None
    nc_year_override: int | None = None
    looked_after: bool = False
    placing_authority: str | None = None
    primary_need: str | None = None
    secondary_need: str | None = None


CHILD_FIELDS = tuple(field.name for field in fields(NewChild))


class Keep(Enum):
    """A field left as it is by a change."""

    KEEP = "keep"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class ChildChanges:
    """Changes to a child's fields: each field left at KEEP stays as it is."""

    first_name: str | Keep = KEEP
    last_name: str | Keep = KEEP
    date_of_birth: date | Keep = KEEP
    preferred_name: str | Keep | None = KEEP
    sex: str | Keep = KEEP
    upn: str | Keep | None = KEEP
    upn_unknown_reason: str | Keep | None = KEEP
    uln: str | Keep | None = KEEP
    ethnicity: str | Keep | None = KEEP
    address: str | Keep | None = KEEP
    postcode: str | Keep | None = KEEP
    home_language: str | Keep | None = KEEP
    nc_year_override: int | Keep | None = KEEP
    looked_after: bool | Keep = KEEP
    placing_authority: str | Keep | None = KEEP
    primary_need: str | Keep | None = KEEP
    secondary_need: str | Keep | None = KEEP

    def values(self) -> dict[str, FieldValue]:
        return {
            field.name: value
            for field in fields(self)
            if (value := getattr(self, field.name)) is not KEEP
        }


@dataclass(frozen=True, slots=True)
class NewFamilyMember:
    """A family member or contact to add to a child's record."""

    name: str
    relationship: str
    preferred_contact: str = "phone"
    parental_responsibility: bool = False
    main_contact: bool = False
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None
    language: str | None = None
    interpreter_needed: bool = False
    independent_interpreter: bool = False
    easy_read: bool = False
    large_print: bool = False
    notes: str | None = None


FAMILY_FIELDS = tuple(field.name for field in fields(NewFamilyMember))


@dataclass(frozen=True, slots=True)
class FamilyMemberChanges:
    """Changes to a family member: each field left at KEEP stays as it is."""

    name: str | Keep = KEEP
    relationship: str | Keep = KEEP
    preferred_contact: str | Keep = KEEP
    parental_responsibility: bool | Keep = KEEP
    main_contact: bool | Keep = KEEP
    phone: str | Keep | None = KEEP
    email: str | Keep | None = KEEP
    address: str | Keep | None = KEEP
    postcode: str | Keep | None = KEEP
    language: str | Keep | None = KEEP
    interpreter_needed: bool | Keep = KEEP
    independent_interpreter: bool | Keep = KEEP
    easy_read: bool | Keep = KEEP
    large_print: bool | Keep = KEEP
    notes: str | Keep | None = KEEP

    def values(self) -> dict[str, FieldValue]:
        return {
            field.name: value
            for field in fields(self)
            if (value := getattr(self, field.name)) is not KEEP
        }


def family_fields(member: FamilyMember) -> dict[str, FieldValue]:
    """A family member's editable fields, as the form shows them."""
    return {name: getattr(member, name) for name in FAMILY_FIELDS}
