"""Is the store whole? Every page's HMAC (SQLCipher) and SQLite's own structure check.

A flipped byte in an encrypted page fails that page's HMAC; SQLite then cannot read
the page, and a query that never touches it carries on as if nothing were wrong. So
the app checks on purpose: a quick check (every page's HMAC and ``quick_check``) when
the store is opened and before a backup is called good, a full one (``integrity_check``,
which also compares every index with its table) once a week and on demand.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3

from send_desk.storage.engine import keyed_connection
from send_desk.timeutil import utcnow

FULL_CHECK_EVERY = timedelta(days=7)
LAST_FULL_CHECK = "integrity.last_full_check"
_HMAC = re.compile(r"HMAC verification failed for page (\d+)")
_TREE = re.compile(r"Tree (\d+) page (\d+)")
_MAX_PROBLEMS = 20
_MAX_NAMED = 4

# What a user loses with a damaged table, in their words (other tables go by their name).
_PLAIN = {
    "child": "children's records",
    "case_event": "the case events (requests, decisions, plans)",
    "note_version": "case notes",
    "journal": "the change history (what is waiting to sync)",
    "family_member": "family members",
    "placement": "placements",
    "milestone": "the statutory deadlines (they can be worked out again)",
    "correspondence_item": "correspondence",
    "letter_version": "letters",
    "store_meta": "the store's own settings",
    "sqlite_schema": "the list of tables (nothing can be read)",
}


@dataclass
class CheckResult:
    """What a check found; ``ok`` is false when any page or structure is damaged."""

    ok: bool
    full: bool
    checked_at: str
    damaged_pages: list[int] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)  # tables and indexes, by name
    problems: list[str] = field(default_factory=list)  # SQLite's own words (first few)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self, subject: str = "The store") -> str:
        """One or two plain sentences: what is damaged."""
        if self.ok:
            kind = "full" if self.full else "quick"
            return f"{subject} passed its {kind} check: every page reads back as written."
        pages = len(self.damaged_pages)
        what = "the database"
        if pages:
            what = f"{pages} page{'s' if pages != 1 else ''} of the database"
        text = f"{subject} is damaged: {what} fail{'' if pages > 1 else 's'} the check"
        if self.damaged:
            named = [_plain(name) for name in self.damaged[:_MAX_NAMED]]
            more = len(self.damaged) - len(named)
            text += ", holding " + "; ".join(named) + (f" and {more} more" if more > 0 else "")
        return text + ". Records stored there cannot be trusted."


def _plain(name: str) -> str:
    if name.startswith("ix_") or name.startswith("sqlite_autoindex"):
        return f"an index ({name}; it can be rebuilt)"
    return _PLAIN.get(name, f"the {name} table")


def _rows(connection: sqlcipher3.Connection, sql: str) -> list[str]:
    lines: list[str] = []
    for row in connection.execute(sql).fetchall():
        lines += str(row[0]).splitlines()
    return lines


def _roots(connection: sqlcipher3.Connection) -> dict[int, str]:
    try:
        rows = connection.execute("SELECT rootpage, name FROM sqlite_master").fetchall()
    except sqlcipher3.DatabaseError:
        return {}
    return {int(root): str(name) for root, name in rows if root}


def check_connection(connection: sqlcipher3.Connection, *, full: bool = False) -> CheckResult:
    """Run the checks on an open, keyed connection (its own, not a pooled one)."""
    problems: list[str] = []
    pages: set[int] = set()
    try:
        for line in _rows(connection, "PRAGMA cipher_integrity_check"):
            problems.append(line)
            if match := _HMAC.search(line):
                pages.add(int(match[1]))
    except sqlcipher3.DatabaseError as error:
        problems.append(f"cipher_integrity_check: {error}")
    try:
        pragma = "PRAGMA integrity_check" if full else "PRAGMA quick_check"
        structure = [line for line in _rows(connection, pragma) if line != "ok"]
    except sqlcipher3.DatabaseError as error:
        structure = [f"{'integrity' if full else 'quick'}_check: {error}"]
    structure = [line for line in structure if line != "*** in database main ***"]
    problems += structure
    roots = _roots(connection)
    damaged: list[str] = []
    for line in structure:
        match = _TREE.search(line)
        if match is None:
            continue
        root, page = int(match[1]), int(match[2])
        # A damaged page makes every tree that reaches it complain; name the trees
        # that hold it (or all, when SQLite found damage the HMAC did not see).
        if pages and page not in pages:
            continue
        name = roots.get(root, "sqlite_schema" if root == 1 else f"page {root}")
        if name not in damaged:
            damaged.append(name)
    if 1 in pages and "sqlite_schema" not in damaged:
        damaged.insert(0, "sqlite_schema")
    return CheckResult(
        ok=not problems,
        full=full,
        checked_at=utcnow().isoformat(),
        damaged_pages=sorted(pages),
        damaged=damaged,
        problems=problems[:_MAX_PROBLEMS],
    )


def check_file(db_path: Path, raw_key: bytes, *, full: bool = False) -> CheckResult:
    """Check a store's database file (the live store, or a backup's copy)."""
    try:
        connection = keyed_connection(db_path, raw_key)
    except sqlcipher3.Error as error:
        return CheckResult(False, full, utcnow().isoformat(), problems=[f"open: {error}"])
    try:
        return check_connection(connection, full=full)
    finally:
        connection.close()


def full_check_due(last: str | None, now: datetime | None = None) -> bool:
    """True when no full check has run, or the last one is a week old."""
    if not last:
        return True
    try:
        when = datetime.fromisoformat(last)
    except ValueError:
        return True
    return (now or utcnow()) - when >= FULL_CHECK_EVERY
