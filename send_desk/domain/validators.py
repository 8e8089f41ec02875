"""Checks on single values, with messages a caseworker understands."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, model_validator
from sqlalchemy import Column, Text
from sqlmodel import SQLModel

from send_desk.sen2.codes import code_set
from send_desk.textsafe import has_control

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # DfE check-letter alphabet (no I, O, S)
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^[0-9 +()\-]+$")

# The longest free text any field holds (a case note's body): a pasted document of
# megabytes is refused, on the laptop and on the central store alike.
LONG_TEXT_LIMIT = 100_000


def refuse_control(text: str, what: str, *, multiline: bool = False) -> str:
    """``text`` unchanged, or a refusal when it holds a control character.

    The value is never repeated in the message: it is what must not reach a terminal.
    """
    if has_control(text, multiline=multiline):
        allowed = " (line breaks and tabs are fine)" if multiline else ""
        raise ValueError(
            f"{what + ': ' if what else ''}a control character (an invisible code such as "
            "an escape, usually "
            f"pasted from another system) cannot be saved{allowed}; type it again"
        )
    return text


def upn_check_letter(upn_tail: str) -> str:
    """DfE check letter for characters 2-13 of a UPN: weights 2..13, modulus 23."""
    total = 0
    for weight, char in enumerate(upn_tail, start=2):
        value = int(char) if char.isdigit() else _UPN_LETTERS.index(char)
        total += value * weight
    return _UPN_LETTERS[total % 23]


def clean_upn(value: str) -> str:
    upn = refuse_control(value.strip().upper().replace(" ", ""), "UPN")
    if len(upn) != 13:
        raise ValueError("a UPN has 13 characters")
    head, digits, last = upn[0], upn[1:12], upn[12]
    if not digits.isdigit() or not (last.isdigit() or last in _UPN_LETTERS):
        raise ValueError("a UPN is a letter, 11 digits and a final digit or letter")
    if head not in _UPN_LETTERS or upn_check_letter(upn[1:]) != head:
        raise ValueError(f"'{upn}' is not a valid UPN: its check letter does not match")
    return upn


def clean_uln(value: str) -> str:
    """A Unique Learner Number: 10 digits (sen2.md: the 2026 community XSD and its sample;
    the check digit is not tested, the reference does not give its rule)."""
    uln = refuse_control(value.strip().replace(" ", ""), "ULN")
    if not (len(uln) == 10 and uln.isdigit()) or uln[0] == "0":
        raise ValueError(f"'{uln}' is not a ULN: a ULN is 10 digits, not starting with 0")
    return uln


def clean_code(value: str, code_set_name: str, what: str) -> str:
    """A code from one of the SEN2 code sets (``resources/sen2/codes.toml``), in capitals."""
    code = refuse_control(value.strip().upper(), what)
    codes = code_set(code_set_name)
    if code not in codes:
        shown = ", ".join(list(codes.values)[:12])
        more = f" and {len(codes.values) - 12} more" if len(codes.values) > 12 else ""
        raise ValueError(f"{what}: '{code}' is not one of the SEN2 codes ({shown}{more})")
    return code


def clean_postcode(value: str) -> str:
    refuse_control(value.strip(), "Postcode")
    match = _POSTCODE.match(value.strip().upper())
    if not match:
        raise ValueError(f"'{value}' is not a UK postcode (for example LS1 4AP)")
    return f"{match.group(1)} {match.group(2)}"


def clean_email(value: str) -> str:
    email = refuse_control(value.strip(), "Email")
    if not _EMAIL.match(email):
        raise ValueError(f"'{value}' is not an email address")
    return email


def clean_phone(value: str) -> str:
    phone = refuse_control(" ".join(value.split()), "Phone")
    digits = sum(ch.isdigit() for ch in phone)
    if not _PHONE_CHARS.match(phone) or not 7 <= digits <= 15:
        raise ValueError(f"'{value}' is not a phone number")
    return phone


def clean_name(value: str, what: str = "Name", limit: int = 100) -> str:
    name = refuse_control(" ".join(value.split()), what)
    if not name:
        raise ValueError(f"{what} is needed")
    if len(name) > limit:
        raise ValueError(f"{what} is too long (at most {limit} characters)")
    return name


def clean_optional_text(
    value: str | None, limit: int = 200, *, multiline: bool = False, what: str = ""
) -> str | None:
    """Optional text: one line unless ``multiline`` (an address, a note)."""
    if value is None:
        return None
    text = refuse_control(value.strip(), what, multiline=multiline)
    if len(text) > limit:
        raise ValueError(f"too long (at most {limit} characters)")
    return text or None


def _optional(clean: Callable[[str], str]) -> AfterValidator:
    return AfterValidator(lambda value: clean(value) if value else None)


# Field types for optional contact details: blank means "not recorded".
OptionalPhone = Annotated[str | None, _optional(clean_phone)]
OptionalEmail = Annotated[str | None, _optional(clean_email)]
OptionalPostcode = Annotated[str | None, _optional(clean_postcode)]


# ---------------------------------------------------------------- every text field


def _is_long_text(field: Any) -> bool:
    column = getattr(field, "sa_column", None)
    return isinstance(column, Column) and isinstance(column.type, Text)


def strings_in(value: Any) -> Iterator[str]:
    """The text inside a value, including inside JSON details (lists and mappings):
    what the control-character and size rules read, on the laptop and the server."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


class PlainText(SQLModel):
    """Mixed into a model family's Base: no field holds a control character, and no
    text is longer than :data:`LONG_TEXT_LIMIT`.

    Checked after the fields' own validators (so a name's stray line break, which
    ``clean_name`` folds into a space, is not refused). Long text (a ``Text`` column,
    JSON details, or a field named in ``__multiline__``) may hold line breaks and tabs.
    The central store applies the same Base model to every pushed row, so a value
    refused here is refused there too.
    """

    __multiline__: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _plain_text(self) -> Any:
        for name, what, multiline in _text_fields(type(self)):
            value = getattr(self, name, None)
            if isinstance(value, str):
                # the common case, one search: the message is made only for a refusal
                if has_control(value, multiline=multiline) or len(value) > LONG_TEXT_LIMIT:
                    _refuse_text(value, what, multiline=multiline)
            elif isinstance(value, Mapping | list | tuple):
                # JSON details: line breaks and tabs allowed
                for text in strings_in(value):
                    _refuse_text(text, what, multiline=True)
            # anything else (None, numbers, dates, ids) holds no text
        return self


# per model class: (field, its name in a message, whether a text in it may break lines)
_TEXT_FIELDS: dict[type[Any], tuple[tuple[str, str, bool], ...]] = {}


def _text_fields(model: type[PlainText]) -> tuple[tuple[str, str, bool], ...]:
    """What :meth:`PlainText._plain_text` reads of a model, worked out once per class
    (a validation runs for every row of a bulk load)."""
    found = _TEXT_FIELDS.get(model)
    if found is None:
        found = _TEXT_FIELDS[model] = tuple(
            (
                name,
                name.replace("_", " ").capitalize(),
                name in model.__multiline__ or _is_long_text(field),
            )
            for name, field in model.model_fields.items()
        )
    return found


def _refuse_text(text: str, what: str, *, multiline: bool) -> None:
    refuse_control(text, what, multiline=multiline)
    if len(text) > LONG_TEXT_LIMIT:
        raise ValueError(
            f"{what} is {len(text):,} characters long; at most {LONG_TEXT_LIMIT:,} can be kept"
        )
