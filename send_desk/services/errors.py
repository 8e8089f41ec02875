"""Errors the service layer raises, worded for a caseworker."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError


class ServiceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(ServiceError):
    """One or more values were refused; ``fields`` maps field name to reason."""

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.fields = fields or {}


class NotFound(ServiceError):
    pass


class Refused(ServiceError):
    """The request is valid in form but not allowed (a duplicate, out of scope...)."""


def label(field: str) -> str:
    return field.replace("_", " ").capitalize().replace("Upn", "UPN").replace("Urn", "URN")


def _reason(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    message = str(error.get("msg", ""))
    given = error.get("input")
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind == "missing":
        return "is needed"
    if kind.startswith("date"):
        return f"'{given}' is not a date (use YYYY-MM-DD)"
    if kind.startswith("bool"):
        return f"'{given}' is not true or false"
    if kind.startswith("int"):
        return f"'{given}' is not a whole number"
    if kind == "enum":
        expected = message.split("Input should be ", 1)[-1].replace("'", "")
        return f"'{given}' is not one of {expected}"
    if kind == "uuid_parsing":
        return f"'{given}' is not an id"
    if kind == "string_too_long":
        return "is too long"
    return message


def from_pydantic(error: ValidationError) -> ValidationFailed:
    fields: dict[str, str] = {}
    for item in error.errors():
        loc = [str(part) for part in item.get("loc", ()) if part != "__root__"]
        field = loc[0] if loc else ""
        reason = _reason(dict(item))
        fields[field] = f"{reason}" if field not in fields else f"{fields[field]}; {reason}"
    return ValidationFailed("; ".join(_sentence(f, r) for f, r in fields.items()), fields)


def _sentence(field: str, reason: str) -> str:
    name = label(field)
    if not field or reason.lower().startswith(name.lower()):
        return reason[:1].upper() + reason[1:]
    return f"{name}: {reason}"
