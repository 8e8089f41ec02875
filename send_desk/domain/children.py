"""Children and young people, their family and contacts, placements and allocations."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from pydantic import ValidationInfo, field_validator, model_validator
from sqlalchemy import Index, String
from sqlmodel import Field

from send_desk.domain.base import Record
from send_desk.domain.codes import ContactMethod, Need, Relationship, Sex, Stage
from send_desk.domain.school_year import nc_year
from send_desk.domain.validators import (
    OptionalEmail,
    OptionalPhone,
    OptionalPostcode,
    PlainText,
    clean_code,
    clean_name,
    clean_optional_text,
    clean_uln,
    clean_upn,
)
from send_desk.timeutil import london_today, uk_date

MAX_AGE_YEARS = 26  # a plan can run to the end of the academic year the young person turns 25


def _today(info: ValidationInfo) -> date:
    context = info.context or {}
    today = context.get("today")
    return today if isinstance(today, date) else london_today()


class ChildBase(PlainText):
    __multiline__ = frozenset({"address"})

    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100, index=True)
    preferred_name: str | None = Field(default=None, max_length=100)
    date_of_birth: date
    sex: Sex = Field(default=Sex.UNKNOWN, sa_type=String(1))
    upn: str | None = Field(default=None, max_length=13, index=True)
    # SEN2's UPNunknown (UN1-UN10): why a child has no UPN, so the return need not ask
    upn_unknown_reason: str | None = Field(default=None, max_length=4)
    uln: str | None = Field(default=None, max_length=10)  # Unique Learner Number (16-25)
    # CBDS extended ethnicity code (resources/sen2/codes.toml); REFU when refused
    ethnicity: str | None = Field(default=None, max_length=4)
    address: str | None = None
    postcode: OptionalPostcode = Field(default=None, max_length=8)
    home_language: str | None = Field(default=None, max_length=60)
    nc_year_override: int | None = None
    looked_after: bool = False
    placing_authority: str | None = Field(default=None, max_length=100)
    primary_need: Need | None = Field(default=None, sa_type=String(5))
    secondary_need: Need | None = Field(default=None, sa_type=String(5))

    @field_validator("first_name")
    @classmethod
    def _first(cls, value: str) -> str:
        return clean_name(value, "First name")

    @field_validator("last_name")
    @classmethod
    def _last(cls, value: str) -> str:
        return clean_name(value, "Last name")

    @field_validator("preferred_name", "home_language", "placing_authority")
    @classmethod
    def _short_text(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 100)

    @field_validator("address")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        return clean_optional_text(value, 300, multiline=True, what="Address")

    @field_validator("upn")
    @classmethod
    def _upn(cls, value: str | None) -> str | None:
        return clean_upn(value) if value else None

    # before the length limits: " wbri " and "12345 67890" are fine once tidied
    @field_validator("uln", mode="before")
    @classmethod
    def _uln(cls, value: Any) -> Any:
        if isinstance(value, str):
            return clean_uln(value) if value.strip() else None
        return value  # not text: the type check refuses it

    @field_validator("ethnicity", mode="before")
    @classmethod
    def _ethnicity(cls, value: Any) -> Any:
        if isinstance(value, str):
            return clean_code(value, "ethnicity", "Ethnicity") if value.strip() else None
        return value

    @field_validator("upn_unknown_reason", mode="before")
    @classmethod
    def _upn_unknown(cls, value: Any) -> Any:
        if isinstance(value, str):
            what = "Reason there is no UPN"
            return clean_code(value, "upn_unknown", what) if value.strip() else None
        return value

    @field_validator("date_of_birth")
    @classmethod
    def _dob(cls, value: date, info: ValidationInfo) -> date:
        today = _today(info)
        if value > today:
            raise ValueError(f"date of birth {uk_date(value)} is in the future")
        try:
            oldest = today.replace(year=today.year - MAX_AGE_YEARS)
        except ValueError:  # 29 February
            oldest = today.replace(year=today.year - MAX_AGE_YEARS, day=28)
        if value < oldest:
            raise ValueError(
                f"date of birth {uk_date(value)} makes this person over {MAX_AGE_YEARS}; "
                "EHC plans end by the academic year a young person turns 25"
            )
        return value

    @field_validator("nc_year_override")
    @classmethod
    def _year(cls, value: int | None) -> int | None:
        if value is not None and not -2 <= value <= 14:
            raise ValueError("a year group is between -2 (pre-school) and 14")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ChildBase:
        if self.looked_after and not self.placing_authority:
            raise ValueError("a looked-after child needs their placing authority recorded")
        if self.secondary_need is not None and self.secondary_need == self.primary_need:
            raise ValueError("the secondary need must differ from the primary need")
        if self.upn and self.upn_unknown_reason:
            raise ValueError(
                "a child with a UPN needs no reason for not having one: "
                "clear the UPN-unknown reason (or the UPN)"
            )
        return self

    def year_group(self, on: date) -> int:
        if self.nc_year_override is not None:
            return self.nc_year_override
        return nc_year(self.date_of_birth, on)


class ChildCreate(ChildBase):
    pass


class Child(Record, ChildBase, table=True):
    # Cached from the case events by the event service, so 20,000 children filter by
    # stage without reading every event.
    stage: str = Field(default=Stage.NONE, sa_type=String(20), index=True)


class FamilyMemberBase(PlainText):
    __multiline__ = frozenset({"address", "notes"})

    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    name: str = Field(max_length=100)
    relationship: Relationship = Field(sa_type=String(20))
    parental_responsibility: bool = False
    main_contact: bool = False
    phone: OptionalPhone = None
    email: OptionalEmail = None
    address: str | None = None
    postcode: OptionalPostcode = None
    preferred_contact: ContactMethod = Field(default=ContactMethod.PHONE, sa_type=String(10))
    language: str | None = Field(default=None, max_length=60)
    interpreter_needed: bool = False
    independent_interpreter: bool = False
    easy_read: bool = False
    large_print: bool = False
    notes: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_name(value, "Name")




    @field_validator("address", "notes", "language")
    @classmethod
    def _text(cls, value: str | None, info: ValidationInfo) -> str | None:
        name = info.field_name or "text"
        return clean_optional_text(
            value, 2000, multiline=name != "language", what=name.replace("_", " ").capitalize()
        )

    @model_validator(mode="before")
    @classmethod
    def _independent_implies_interpreter(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("independent_interpreter") in (True, "true"):
            data = {**data, "interpreter_needed": True}
        return data

    @model_validator(mode="after")
    def _reachable(self) -> FamilyMemberBase:
        if self.preferred_contact == ContactMethod.EMAIL and not self.email:
            raise ValueError("email is the preferred contact, so an email address is needed")
        if self.preferred_contact in (ContactMethod.PHONE, ContactMethod.TEXT) and not self.phone:
            raise ValueError(
                f"{self.preferred_contact.value} is the preferred contact, "
                "so a phone number is needed"
            )
        if self.preferred_contact == ContactMethod.LETTER and not (self.address or self.postcode):
            raise ValueError("letter is the preferred contact, so an address is needed")
        if self.interpreter_needed and not self.language:
            raise ValueError("say which language the interpreter is for")
        return self


class FamilyMemberCreate(FamilyMemberBase):
    pass


class FamilyMember(Record, FamilyMemberBase, table=True):
    __tablename__ = "family_member"


class PlacementBase(PlainText):
    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    setting_id: uuid.UUID = Field(foreign_key="setting.id", index=True)
    start_date: date
    end_date: date | None = None
    # SEN2 SENunitIndicator / ResourcedProvisionIndicator: the child is in the setting's
    # SEN unit or resourced provision (a property of the place, not of the school)
    sen_unit: bool = False
    resourced_provision: bool = False
    # SEN2 PlacementRank: 1 main, 2 the other of a dual placement; blank = from the dates
    rank: int | None = None

    @field_validator("rank")
    @classmethod
    def _rank(cls, value: int | None) -> int | None:
        if value is not None and value not in (1, 2):
            raise ValueError(
                "placement rank is 1 (the main setting) or 2 (the other of a dual placement)"
            )
        return value

    @model_validator(mode="after")
    def _dates(self) -> PlacementBase:
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("a placement cannot end before it starts")
        if self.sen_unit and self.resourced_provision:
            raise ValueError(
                "a place is in a SEN unit or in resourced provision, not both (SEN2 counts "
                "each setting's places under one)"
            )
        return self


class PlacementCreate(PlacementBase):
    pass


class Placement(Record, PlacementBase, table=True):
    # a child's current setting read from the index alone: the caseload's text filter
    # and its sort by setting join every child to it (20,000 children: 69 ms -> 40 ms)
    __table_args__ = (Index("ix_placement_current", "child_id", "end_date", "setting_id"),)


class AllocationBase(PlainText):
    __multiline__ = frozenset({"reason"})

    child_id: uuid.UUID = Field(foreign_key="child.id", index=True)
    caseworker_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    team_id: uuid.UUID = Field(foreign_key="team.id", index=True)
    start_date: date
    end_date: date | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _dates(self) -> AllocationBase:
        if self.end_date is not None and self.end_date < self.start_date:
            raise ValueError("an allocation cannot end before it starts")
        return self


class AllocationCreate(AllocationBase):
    pass


class Allocation(Record, AllocationBase, table=True):
    # a child's current caseworker and team from the index alone (the caseload's sorts
    # by team and caseworker, deadlines, the central store's scope)
    __table_args__ = (
        Index("ix_allocation_current", "child_id", "end_date", "caseworker_id", "team_id"),
    )
