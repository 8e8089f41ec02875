"""Area teams, users and settings (schools, colleges, early years providers)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from pydantic import ValidationInfo, field_validator, model_validator
from sqlalchemy import String
from sqlmodel import Field

from send_desk.domain.base import Record
from send_desk.domain.codes import Phase, Role
from send_desk.domain.validators import (
    OptionalEmail,
    OptionalPhone,
    OptionalPostcode,
    PlainText,
    clean_code,
    clean_name,
    clean_optional_text,
    refuse_control,
)


@dataclass(frozen=True)
class WriteRule:
    """Who may write a table of organisation data; the central store refuses any other
    writer's push (quarantined, with ``what`` in the reason) and shows a clash over
    such a row only to those who may write it.

    - ``roles``: the roles that may write every row (``admin`` always may);
    - ``person``: a column naming the user the row is about (an absence): that user and
      the supervisors of their team may write it too;
    - ``team``: a column naming the team the row is for (a duty rota): a row may then
      only name one of the writer's own teams (their team, or one they supervise).

    A table of organisation data without a rule may be written by admins only.
    """

    what: str
    roles: tuple[str, ...] = ("admin",)
    person: str | None = None
    team: str | None = None


# Who may add and change schools, colleges and other settings: name another role
# here (say "supervisor") to let it keep the list up to date.
SETTING_WRITERS: tuple[str, ...] = ("admin",)


class TeamBase(PlainText):
    __multiline__ = frozenset({"description"})

    name: str = Field(max_length=60)
    description: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_name(value, "Team name", 60)


class TeamCreate(TeamBase):
    pass


class Team(Record, TeamBase, table=True):
    __write_rule__: ClassVar[WriteRule] = WriteRule("teams")

    name: str = Field(max_length=60, unique=True)


class UserBase(PlainText):
    username: str = Field(max_length=60)
    display_name: str = Field(max_length=100)
    role: Role = Field(sa_type=String(20))
    team_id: uuid.UUID | None = Field(default=None, foreign_key="team.id", index=True)
    email: OptionalEmail = None
    phone: OptionalPhone = None
    active: bool = True
    start_date: date | None = None

    @field_validator("username")
    @classmethod
    def _username(cls, value: str) -> str:
        name = value.strip().lower()
        if not name or len(name) > 60 or any(ch.isspace() for ch in name):
            raise ValueError("a user name is one word of at most 60 characters")
        return name

    @field_validator("display_name")
    @classmethod
    def _display(cls, value: str) -> str:
        return clean_name(value, "Name")




class UserCreate(UserBase):
    pass


class User(Record, UserBase, table=True):
    __tablename__ = "app_user"
    __write_rule__: ClassVar[WriteRule] = WriteRule("users")

    username: str = Field(max_length=60, unique=True)


class SettingBase(PlainText):
    __multiline__ = frozenset({"address"})

    name: str = Field(max_length=120)
    urn: str | None = Field(default=None, max_length=7, index=True)
    ukprn: str | None = Field(default=None, max_length=8)  # UK provider number (colleges)
    # SEN2 SENSetting code for provision with no URN or UKPRN (EHE, OLA, OPA, OTH...)
    sen2_setting: str | None = Field(default=None, max_length=4)
    phase: Phase = Field(sa_type=String(30))
    address: str | None = None
    postcode: OptionalPostcode = None
    phone: OptionalPhone = None
    email: OptionalEmail = None
    local_authority: str | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return clean_name(value, "Setting name", 120)

    @field_validator("urn")
    @classmethod
    def _urn(cls, value: str | None) -> str | None:
        if not value:
            return None
        urn = value.strip()
        if not urn.isdigit() or not 6 <= len(urn) <= 7:
            raise ValueError(f"'{value}' is not a URN (6 or 7 digits from GIAS)")
        return urn

    @field_validator("ukprn")
    @classmethod
    def _ukprn(cls, value: str | None) -> str | None:
        if not value:
            return None
        ukprn = refuse_control(value.strip(), "UKPRN")
        if not (len(ukprn) == 8 and ukprn.isdigit() and ukprn.startswith("1")):
            raise ValueError(f"'{ukprn}' is not a UKPRN (8 digits starting with 1, from UKRLP)")
        return ukprn

    @field_validator("sen2_setting", mode="before")
    @classmethod
    def _sen2_setting(cls, value: Any) -> Any:
        if isinstance(value, str):
            what = "SEN2 setting code"
            return clean_code(value, "sen_setting", what) if value.strip() else None
        return value

    @model_validator(mode="after")
    def _one_identity(self) -> SettingBase:
        if self.sen2_setting and (self.urn or self.ukprn):
            raise ValueError(
                "a setting with a URN or UKPRN is reported by it; the SEN2 setting code is "
                "for provision with neither (clear one of them)"
            )
        return self




    @field_validator("address", "local_authority")
    @classmethod
    def _text(cls, value: str | None, info: ValidationInfo) -> str | None:
        name = info.field_name or "text"
        return clean_optional_text(
            value, 300, multiline=name == "address", what=name.replace("_", " ").capitalize()
        )


class SettingCreate(SettingBase):
    pass


class Setting(Record, SettingBase, table=True):
    __write_rule__: ClassVar[WriteRule] = WriteRule("schools and other settings", SETTING_WRITERS)
