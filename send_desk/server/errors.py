"""The central store's refusals: one body shape, listed per route in the OpenAPI.

Every 4xx answer is an :class:`~send_desk.sync.protocol.ErrorBody` -- ``code`` for the
device, ``message`` for a person -- whether the refusal is the application's own, the
framework's (an unknown path) or a request that could not be read (422, with
``problems``). A page of entries is read entry by entry: one entry that is not well
formed is quarantined (:class:`~send_desk.sync.protocol.MalformedEntry`), the rest go
on; only an entry without a usable number (nothing to answer it by) refuses the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from send_desk.sync.protocol import (
    BAD_REQUEST,
    MAX_SEQ,
    TOO_LARGE,
    EntryV1,
    EntryV2,
    ErrorBody,
    MalformedEntry,
)
from send_desk.textsafe import strip_control

MEANING = {
    400: "The body could not be read (not JSON, or not UTF-8).",
    401: "Not signed in, the access token expired (code token_expired), or a wrong user "
    "name or password (code login_failed).",
    403: "This device's access was withdrawn (device_revoked), the account is disabled "
    "(user_disabled; the device wipes itself on either), or the entries are another "
    "device's (wrong_device).",
    404: "Nothing with that id in the user's caseload (the same answer whether it exists).",
    409: "The device is registered to another user (device_taken).",
    413: "The body is larger than the central store reads, or a page has more entries "
    "than a push takes (too_large).",
    422: "The request is not well formed (bad_request); ``problems`` says what and where.",
    426: "The X-SEND-Desk-Protocol header names a version this server does not speak "
    "(protocol_unsupported): update SEND Desk.",
    429: "Too many failed sign-ins (rate_limited): try again after Retry-After seconds.",
}

# Routes for a signed-in user; those with a protocol version and a body add theirs.
SIGNED_IN = (401, 403, 413, 422)
BODY = (400, 401, 403, 413, 422, 426)
AUTH = BODY
PULL_ERRORS = BODY

_CODES = {404: "not_found", 405: "method_not_allowed", 413: TOO_LARGE}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route that answers these statuses."""
    return {
        status: {"model": ErrorBody, "description": MEANING[status]}
        for status in sorted(set(statuses))
    }


def refusal_body(status: int, detail: Any) -> dict[str, Any]:
    if isinstance(detail, dict) and "code" in detail and "message" in detail:
        return detail
    return {"code": _CODES.get(status, BAD_REQUEST), "message": str(detail)}


def _problems(items: Sequence[Any]) -> list[str]:
    out = []
    for item in items[:20]:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body")
        # the value sent is never repeated: it may be anything
        out.append(strip_control(f"{where or 'request'}: {item.get('msg', 'not valid')}"))
    return out


def validation_body(items: Sequence[Any]) -> dict[str, Any]:
    problems = _problems(items)
    return {
        "code": BAD_REQUEST,
        "message": "the request is not well formed: " + "; ".join(problems[:3]),
        "problems": problems,
    }


def _usable_seq(item: Any) -> int | None:
    if not isinstance(item, dict):
        return None
    seq = item.get("device_seq")
    if isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq <= MAX_SEQ:
        return seq
    return None


def entries_of(version: int, raw: Sequence[Any]) -> list[EntryV2]:
    """The page's entries; one that is not well formed becomes a MalformedEntry.

    Raises ValueError (a 422) for an entry whose ``device_seq`` is unusable.
    """
    out: list[EntryV2] = []
    for index, item in enumerate(raw):
        try:
            if version == 1:
                out.append(EntryV1.model_validate(item).upgrade())
            else:
                out.append(EntryV2.model_validate(item))
            continue
        except ValidationError as error:
            problem = "; ".join(_problems(error.errors()))
        except ValueError:  # version 1's JSON text values
            problem = "its values are not JSON"
        seq = _usable_seq(item)
        if seq is None:
            raise ValueError(
                f"entry {index + 1} of the page has no usable device_seq (a whole number "
                f"from 0 to {MAX_SEQ}), so it cannot be answered: {problem}"
            )
        table = item.get("table", item.get("table_name"))
        out.append(
            MalformedEntry(
                device_seq=seq,
                table=str(table)[:40] if isinstance(table, str) else "",
                row_id=str(item.get("row_id", ""))[:40],
                op="insert",
                at="",
                problem=f"the change is not well formed ({problem}), so it was not accepted",
            )
        )
    return out
