"""A journal entry of a child's record as one sentence: "Postcode changed from ... to ..."."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from send_desk.backend import labels


def _value_text(raw: str | None) -> str:
    if raw is None:
        return "blank"
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if value is None or value == "":
        return "blank"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def describe(entry: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """The change ``entry`` (a journal row as services.children.child_history gives it)
    in words; ``names`` names the record's rows by hex id."""
    what = labels.TABLE_LABELS.get(entry["table"], entry["table"].replace("_", " "))
    row = uuid.UUID(entry["row_id"]).hex
    name = names.get(row, "")
    if entry["op"] in ("insert", "import"):
        if entry["table"] == "child":
            return "Record created"
        return f"Added {what}" + (f": {name}" if name else "")
    if entry["op"] == "delete":
        return f"Removed {what}" + (f": {name}" if name else "")
    field = labels.field_label(entry.get("field"))
    old, new = _value_text(entry.get("old_value")), _value_text(entry.get("new_value"))
    where = "" if entry["table"] == "child" else f" ({what}{': ' + name if name else ''})"
    return f"{field} changed from {old} to {new}{where}"
