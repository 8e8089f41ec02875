"""Logs without personal data: where an error happened and the ids it concerns, never
what it said.

An exception's message can carry a child's name or any value being saved (SQLAlchemy
puts the statement's parameters in its message), so a log keeps each exception's type,
its frames (file, line and function) and the record ids (UUIDs) its
message mentions, and drops the rest. The log file is created 0600 on POSIX.
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path
from typing import Any

from send_desk.security.files import make_private, private_dir, private_opener, touch_private

LOG_NAME = "send-desk.log"
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I)
_MAX_IDS = 10


def describe_error(error: BaseException) -> str:
    """An exception as the log may hold it: its type and the record ids it mentions.

    The database driver's own words are kept (they name tables and constraints, and
    never a value, which SQLAlchemy adds separately as parameters).
    """
    kind = type(error)
    text = f"{kind.__module__}.{kind.__qualname__}"
    orig = getattr(error, "orig", None)
    if isinstance(orig, BaseException) and type(orig).__module__.startswith("sqlcipher3"):
        text += f" ({type(orig).__name__}: {orig})"
    errno = getattr(error, "errno", None)
    if isinstance(errno, int):
        text += f" [errno {errno}]"
    ids = list(dict.fromkeys(match.lower() for match in _UUID.findall(str(error))))
    if ids:
        text += " ids: " + ", ".join(ids[:_MAX_IDS])
    return text + " (message withheld: it may hold personal data)"


def redacted_traceback(error: BaseException) -> str:
    """Like ``traceback.format_exception``, with every message replaced as above."""
    chain: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and all(link is not seen for seen in chain):
        chain.append(link)
        link = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
    parts: list[str] = []
    for position, link in enumerate(reversed(chain)):
        if position:
            parts.append("\nwhich led to:\n")
        parts.append("Traceback (most recent call last):\n")
        # file, line and function only: enough to find the bug, nothing of the data
        parts += [
            f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
            for frame in traceback.extract_tb(link.__traceback__)
        ]
        parts.append(describe_error(link) + "\n")
    return "".join(parts)


class PrivateFormatter(logging.Formatter):
    """Formats records with exceptions (as arguments or ``exc_info``) redacted."""

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple) and any(
            isinstance(arg, BaseException) for arg in record.args
        ):
            record.args = tuple(
                describe_error(arg) if isinstance(arg, BaseException) else arg
                for arg in record.args
            )
        return super().format(record)

    def formatException(self, ei: Any) -> str:
        error = ei[1] if ei else None
        return redacted_traceback(error) if isinstance(error, BaseException) else ""


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def private_log_handler(logs: Path) -> logging.FileHandler:
    """A handler appending to ``logs/send-desk.log``, created owner-only."""
    private_dir(logs)
    make_private(logs)  # the app's own folder, perhaps made 0755 by an earlier version
    path = logs / LOG_NAME
    touch_private(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(PrivateFormatter(FORMAT))
    return handler


def write_bug_report(logs: Path, command: str | None, error: BaseException) -> Path:
    """Append one unexpected error to the log (for the IT service desk); returns the file."""
    private_dir(logs)
    make_private(logs)
    path = logs / LOG_NAME
    with open(path, "a", encoding="utf-8", opener=private_opener) as handle:
        handle.write(f"command: {command}\n{redacted_traceback(error)}\n")
    make_private(path)
    return path
