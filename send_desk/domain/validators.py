"""Checks on single values, with messages a caseworker understands."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # DfE check-letter alphabet (no I, O, S)
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[0-9 +()\-]+$")


def upn_check_letter(upn_tail: str) -> str:
    """DfE check letter for characters 2-13 of a UPN: weights 2..13, modulus 23."""
    total = 0
    for weight, char in enumerate(upn_tail, start=2):
        value = int(char) if char.isdigit() else _UPN_LETTERS.index(char)
        total += value * weight
    return _UPN_LETTERS[total % 23]


def clean_upn(value: str) -> str:
    upn = value.strip().upper().replace(" ", "")
    if len(upn) != 13:
        raise ValueError("a UPN has 13 characters")
    head, digits, last = upn[0], upn[1:12], upn[12]
    if not digits.isdigit() or not (last.isdigit() or last in _UPN_LETTERS):
        raise ValueError("a UPN is a letter, 11 digits and a final digit or letter")
    if head not in _UPN_LETTERS or upn_check_letter(upn[1:]) != head:
        raise ValueError(f"'{upn}' is not a valid UPN: its check letter does not match")
    return upn


def clean_postcode(value: str) -> str:
    match = _POSTCODE.match(value.strip().upper())
    if not match:
        raise ValueError(f"'{value}' is not a UK postcode (for example LS1 4AP)")
    return f"{match.group(1)} {match.group(2)}"


def clean_email(value: str) -> str:
    email = value.strip()
    if not _EMAIL.match(email):
        raise ValueError(f"'{value}' is not an email address")
    return email


def clean_phone(value: str) -> str:
    phone = " ".join(value.split())
    digits = sum(ch.isdigit() for ch in phone)
    if not _PHONE_CHARS.match(phone) or not 7 <= digits <= 15:
        raise ValueError(f"'{value}' is not a phone number")
    return phone


def clean_name(value: str, what: str = "Name", limit: int = 100) -> str:
    name = " ".join(value.split())
    if not name:
        raise ValueError(f"{what} is needed")
    if len(name) > limit:
        raise ValueError(f"{what} is too long (at most {limit} characters)")
    return name


def clean_optional_text(value: str | None, limit: int = 200) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if len(text) > limit:
        raise ValueError(f"too long (at most {limit} characters)")
    return text or None


def _optional(clean: Callable[[str], str]) -> AfterValidator:
    return AfterValidator(lambda value: clean(value) if value else None)


# Field types for optional contact details: blank means "not recorded".
OptionalPhone = Annotated[str | None, _optional(clean_phone)]
OptionalEmail = Annotated[str | None, _optional(clean_email)]
OptionalPostcode = Annotated[str | None, _optional(clean_postcode)]
