"""Validate data against a model family's Create class, with caseworker messages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel import Session, SQLModel

from send_desk.services.errors import ValidationFailed, from_pydantic

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: Mapping[str, Any], today: date | None = None) -> M:
    unknown = sorted(set(data) - set(model.model_fields))
    if unknown:
        raise ValidationFailed(
            f"unknown field {', '.join(unknown)} (fields: {', '.join(model.model_fields)})",
            {name: "unknown field" for name in unknown},
        )
    try:
        return model.model_validate(dict(data), context={"today": today} if today else None)
    except ValidationError as error:
        raise from_pydantic(error) from None


def check_plain(row: SQLModel) -> None:
    """The rules the central store holds every synced column to (sizes, no control
    characters), for a row no Base model checks (a case note, a letter, an audit):
    what the laptop saves, the central store accepts."""
    from send_desk.sync.limits import value_problem
    from send_desk.sync.tables import registry

    info = registry().get(str(getattr(row, "__tablename__", "")))
    if info is None:
        return
    problems = {
        name: problem
        for name in info.columns
        if (problem := value_problem(info, name, getattr(row, name, None))) is not None
    }
    if problems:
        raise ValidationFailed("; ".join(problems.values()), problems)


def apply_changes(
    session: Session,
    model: type[BaseModel],
    row: Any,
    changes: Mapping[str, Any],
    today: date | None = None,
) -> dict[str, Any]:
    """Validate the record as it would be after ``changes``, then write what differs.

    The whole record is validated, so a change that breaks a rule involving other
    fields (looked-after without a placing authority) is refused too. Returns the
    fields that changed, with their new values.
    """
    base = {name: getattr(row, name) for name in model.model_fields}
    validated = validate(model, {**base, **changes}, today)
    diffs = {
        name: getattr(validated, name)
        for name in changes
        if getattr(validated, name) != getattr(row, name)
    }
    for name, value in diffs.items():
        setattr(row, name, value)
    session.flush()
    return diffs
