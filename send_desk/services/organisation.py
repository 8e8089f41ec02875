"""Teams, users and settings."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from send_desk.domain.organisation import (
    Setting,
    SettingCreate,
    Team,
    TeamCreate,
    User,
    UserCreate,
)
from send_desk.services.errors import NotFound, Refused
from send_desk.services.validation import apply_changes, validate


def create_team(session: Session, data: Mapping[str, Any]) -> uuid.UUID:
    values = validate(TeamCreate, data)
    if session.scalar(select(Team.id).where(func.lower(Team.name) == values.name.lower())):
        raise Refused(f"there is already a team called {values.name}")
    team = Team.model_validate(values)
    session.add(team)
    session.flush()
    return team.id


def create_user(session: Session, data: Mapping[str, Any]) -> uuid.UUID:
    values = validate(UserCreate, data)
    if session.scalar(select(User.id).where(User.username == values.username)):
        raise Refused(f"there is already a user called {values.username}")
    if values.team_id is not None and session.get(Team, values.team_id) is None:
        raise NotFound("that team does not exist")
    user = User.model_validate(values)
    session.add(user)
    session.flush()
    return user.id


def create_setting(session: Session, data: Mapping[str, Any]) -> uuid.UUID:
    values = validate(SettingCreate, data)
    if values.urn and session.scalar(select(Setting.id).where(Setting.urn == values.urn)):
        raise Refused(f"a setting with URN {values.urn} is already recorded")
    setting = Setting.model_validate(values)
    session.add(setting)
    session.flush()
    return setting.id


def update_setting(
    session: Session, setting_id: uuid.UUID, changes: Mapping[str, Any]
) -> dict[str, Any]:
    setting = session.get(Setting, setting_id)
    if setting is None:
        raise NotFound("that setting does not exist")
    return apply_changes(session, SettingCreate, setting, changes)


def find_team(session: Session, name: str) -> Team:
    team = session.scalar(select(Team).where(func.lower(Team.name) == name.strip().lower()))
    if team is None:
        names = ", ".join(session.scalars(select(Team.name).order_by(Team.name)))
        raise NotFound(f"there is no team called '{name}' (teams: {names or 'none yet'})")
    return team


def find_user(session: Session, name: str) -> User:
    """A user by user name or by display name (case-insensitive)."""
    key = name.strip().lower()
    user = session.scalar(select(User).where(User.username == key))
    if user is None:
        matches = list(
            session.scalars(select(User).where(func.lower(User.display_name) == key)).all()
        )
        if len(matches) > 1:
            raise Refused(f"more than one user is called '{name}': use their user name")
        user = matches[0] if matches else None
    if user is None:
        raise NotFound(f"there is no user called '{name}'")
    return user
