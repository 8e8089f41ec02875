"""Full-text search over case notes (SQLite FTS5), ranked, with highlighted snippets.

The index (``note_search``, migration 0004) is kept by triggers as versions are saved.
What a person types is never passed to FTS5 as syntax: each word, or each "quoted
phrase", becomes a quoted FTS5 string, so ``"``, ``(``, ``-``, ``AND`` or ``NEAR``
are just text and a query never errors. A word ending in ``*`` matches as a prefix
("assess*" finds "assessment"). Filters (child, caseworker, kind) are tokens of
the index's ``tags`` column, so they are answered inside the index; superseded
versions carry ``zold`` and are left out unless asked for.

The tokenizer is unicode61 with diacritics folded: "Sion" finds "Siôn", "zolc" finds
"żółć" -- but "ł" is a letter of its own, not an "l" with a mark, so it stays as
written. Emoji are kept in notes but are not words, so they are not searched.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlmodel import Session

from send_desk.quality import KIND_LABELS, KINDS
from send_desk.services.errors import ValidationFailed
from send_desk.timeutil import uk_date

HIT_START, HIT_END = "\x02", "\x03"
MAX_LIMIT = 500
_PHRASE_OR_WORD = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class NoteQuery:
    text: str
    child_id: uuid.UUID | None = None
    caseworker_id: uuid.UUID | None = None  # the author of the note
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    include_superseded: bool = False
    limit: int = 50


def _quoted(words: str) -> str:
    return '"' + words.replace('"', '""') + '"'


def _has_word(chunk: str) -> bool:
    return any(ch.isalnum() for ch in chunk)


def match_expression(typed: str) -> str | None:
    """The FTS5 MATCH text for what a person typed, or None when it has no words.

    A word ending in * matches words starting with it ("assess*"); nothing else is
    read as syntax. (Prefixes are not added by themselves: a prefix of a common word
    makes FTS5 merge many lists and is many times slower.)
    """
    parts: list[str] = []
    for match in _PHRASE_OR_WORD.finditer(typed[:1000]):
        phrase, word = match.group(1), match.group(2)
        chunk = phrase if phrase is not None else word
        if not chunk or not _has_word(chunk):
            continue
        prefix = word is not None and word.endswith("*") and len(word.rstrip("*")) >= 2
        term = chunk.rstrip("*") if prefix else chunk
        parts.append(_quoted(term.strip()) + ("*" if prefix else ""))
    return " ".join(parts) if parts else None


def _tag(prefix: str, value: str) -> str:
    return f'tags : "{prefix}{value}"'


def full_expression(query: NoteQuery) -> str | None:
    words = match_expression(query.text)
    if words is None:
        return None
    expression = f"({words})"
    if query.child_id is not None:
        expression += " AND " + _tag("c", query.child_id.hex)
    if query.caseworker_id is not None:
        expression += " AND " + _tag("a", query.caseworker_id.hex)
    if query.kind:
        if query.kind not in KINDS:
            raise ValidationFailed(f"'{query.kind}' is not a kind of note ({', '.join(KINDS)})")
        expression += " AND " + _tag("k", query.kind.replace("_", ""))
    if not query.include_superseded:
        expression += " NOT tags : zold"
    return expression


def _snippets(raw: str) -> tuple[str, str]:
    plain = raw.replace(HIT_START, "«").replace(HIT_END, "»")
    marked = html.escape(raw).replace(HIT_START, "<b>").replace(HIT_END, "</b>")
    return " ".join(plain.split()), " ".join(marked.split())


_SEARCH_SQL = (
    "SELECT rowid, snippet(note_search, -1, char(2), char(3), '…', 16) AS snip, rank "
    "FROM note_search WHERE note_search MATCH :match{dates} ORDER BY rank LIMIT :limit"
)

_ROWS_SQL = """
SELECT s.rowid, s.snip, s.rank, v.id, v.note_id, v.child_id, v.version, v.kind,
       v.occurred_at, v.purpose, v.superseded, v.checklist_passed, v.checklist_applicable,
       c.first_name, c.last_name, u.display_name
FROM ({search}) AS s
JOIN note_version v ON v.search_rowid = s.rowid
JOIN child c ON c.id = v.child_id
LEFT JOIN app_user u ON u.id = v.author_id
ORDER BY s.rank
"""


def raw_sql(with_dates: bool = False) -> str:
    dates = " AND occurred >= :date_from AND occurred < :date_to" if with_dates else ""
    return _SEARCH_SQL.format(dates=dates)


@lru_cache(maxsize=2)
def _statement(with_dates: bool) -> TextClause:
    return text(_ROWS_SQL.format(search=raw_sql(with_dates)))


def _uuid_text(value: Any) -> str:
    """A stored id (32 hex characters in SQLite) in its usual dashed form."""
    h = str(value).replace("-", "")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def search_notes(session: Session, query: NoteQuery) -> list[dict[str, Any]]:
    """Matching notes, best first, each with a highlighted snippet."""
    expression = full_expression(query)
    if expression is None:
        return []
    limit = max(1, min(query.limit, MAX_LIMIT))
    params: dict[str, Any] = {"match": expression, "limit": limit}
    with_dates = query.date_from is not None or query.date_to is not None
    if with_dates:
        params["date_from"] = (query.date_from or date.min).isoformat()
        params["date_to"] = (
            (query.date_to + timedelta(days=1)).isoformat() if query.date_to else "9999"
        )
    rows = session.execute(_statement(with_dates), params).all()
    results = []
    for row in rows:
        plain, marked = _snippets(row.snip or "")
        occurred = row.occurred_at
        when = occurred if not isinstance(occurred, str) else None
        when_text = (occurred or "")[:16] if isinstance(occurred, str) else ""
        results.append(
            {
                "note_id": _uuid_text(row.note_id),
                "version_id": _uuid_text(row.id),
                "version": row.version,
                "child_id": _uuid_text(row.child_id),
                "child_name": f"{row.first_name} {row.last_name}",
                "kind": row.kind,
                "kind_label": KIND_LABELS.get(row.kind, row.kind),
                "occurred_at": when_text.replace(" ", "T") if when_text else None,
                "occurred_label": _uk_datetime(when_text) if when_text else uk_date(when),
                "author": row.display_name,
                "purpose": row.purpose,
                "superseded": bool(row.superseded),
                "checklist_label": f"{row.checklist_passed}/{row.checklist_applicable}",
                "snippet": plain,
                "snippet_html": marked,
                "score": round(float(row.rank), 4),
            }
        )
    return results


def _uk_datetime(iso: str) -> str:
    """'2026-03-02 10:00' -> '02/03/2026 10:00'."""
    day, _, clock = iso.partition(" ")
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        return iso
    return f"{uk_date(parsed)} {clock[:5]}".strip()


def search_words(typed: str) -> Sequence[str]:
    """The words a query looks for (for highlighting elsewhere)."""
    return [
        m.group(1) or m.group(2) for m in _PHRASE_OR_WORD.finditer(typed) if _has_word(m.group(0))
    ]
