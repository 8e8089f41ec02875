"""How large, and how plain, a synced value may be: the same rule for every table.

A model family's Base class checks its own fields (``send_desk.domain.validators``);
tables with no Base (case notes, letters, supervision audits) were checked by the
laptop's services only, so the central store applied a 10 MB note body (which,
append-only, can never be removed) and names with escape sequences. Here every
column is held to its type: a ``String(n)`` to n characters, other text to
:data:`LONG_TEXT_LIMIT` and JSON to :data:`MAX_JSON_BYTES`; one-line text holds no
control character, long text (``Text``, JSON, a model's ``__multiline__`` fields) no
control character but tab and line breaks.

A refused entry is stored in the central store's history as a preview (its start,
size and SHA-256), never whole: :func:`stored_value`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from send_desk.domain.validators import LONG_TEXT_LIMIT, strings_in
from send_desk.sync.protocol import EntryV2
from send_desk.sync.tables import RowRefused, SyncTable
from send_desk.textsafe import has_control, strip_control

# A JSON column's value (a letter's layout, a note's decisions): a letter of many
# pages is about 100 KB.
MAX_JSON_BYTES = 1_000_000
# A refused value larger than this is kept as a preview of PREVIEW_CHARS characters.
KEEP_WHOLE_BYTES = 16_000
PREVIEW_CHARS = 500


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8"))


def _impl_is_text(kind: Any) -> bool:
    impl = getattr(kind, "impl", None)
    return isinstance(impl, sa.String) or (isinstance(impl, type) and issubclass(impl, sa.String))


def value_problem(
    info: SyncTable, name: str, value: Any, *, size_only: bool = False
) -> str | None:
    """Why ``value`` cannot be stored in column ``name`` of the table, or None.

    ``size_only``: for a value that is not written but kept (an update's base, the old
    row of a delete), which may be as an earlier version stored it."""
    column = info.columns.get(name)
    if column is None or value is None:
        return None
    label = name.replace("_", " ")
    kind = column.type
    if isinstance(kind, sa.JSON):
        size = _size(value)
        if size > MAX_JSON_BYTES:
            return f"{label} is {size:,} bytes long; at most {MAX_JSON_BYTES:,} can be kept"
        multiline = True
        texts = list(strings_in(value))
    elif isinstance(value, str) and (isinstance(kind, sa.String) or _impl_is_text(kind)):
        # (SQLModel's AutoString is a decorator of String that keeps the length)
        length = getattr(kind, "length", None)
        limit = LONG_TEXT_LIMIT if isinstance(kind, sa.Text) else length or LONG_TEXT_LIMIT
        if len(value) > limit:
            return f"{label} is {len(value):,} characters long; at most {limit:,} can be kept"
        multiline = isinstance(kind, sa.Text) or name in getattr(
            info.model, "__multiline__", frozenset()
        )
        texts = [value]
    else:
        return None
    if not size_only and any(has_control(text, multiline=multiline) for text in texts):
        return (
            f"{label} holds a control character (an invisible code such as an escape, "
            "usually pasted from another system), which is never stored: type it again"
        )
    return None


def check_values(info: SyncTable, values: Mapping[str, Any]) -> None:
    """Raise :class:`RowRefused` for the first value that cannot be stored."""
    for name, value in values.items():
        problem = value_problem(info, name, value)
        if problem is not None:
            raise RowRefused(problem)


def check_entry(info: SyncTable, entry: EntryV2) -> None:
    """The values an entry would write (an insert's row, an update's one field), and
    the size of those it carries along (an update's base, a delete's old row)."""
    carried: Mapping[str, Any] = {}
    if entry.op in ("insert", "import") and isinstance(entry.value, Mapping):
        check_values(info, entry.value)
    elif entry.op == "update" and entry.field:
        check_values(info, {entry.field: entry.value})
        carried = {entry.field: entry.base}
    elif entry.op == "delete" and isinstance(entry.base, Mapping):
        carried = entry.base
    for name, value in carried.items():
        problem = value_problem(info, name, value, size_only=True)
        if problem is not None:
            raise RowRefused(f"the value it replaced: {problem}")


def stored_value(value: Any) -> Any:
    """``value`` as the history keeps a refused entry's: whole when small, else a
    preview with its size and hash (enough to recognise it, too little to hurt)."""
    if value is None:
        return None
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    encoded = text.encode("utf-8")
    if len(encoded) <= KEEP_WHOLE_BYTES:
        return value
    return {
        "preview": strip_control(text[:PREVIEW_CHARS]),
        "bytes": len(encoded),
        "sha256": hashlib.sha256(encoded).hexdigest(),
        "truncated": True,
    }
