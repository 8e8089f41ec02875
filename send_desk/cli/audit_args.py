"""What `send-desk audit record|form|list` and `send-desk supervision plan-audit ...` share:
the grading options, reading their ids and due date, and the lines they print.

Light imports only: every command's start-up pays for them.
"""

from __future__ import annotations

import argparse
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from send_desk.cli.common import CliError


def add_grading_args(p: argparse.ArgumentParser, what: str) -> None:
    """The options of recording an audit: grades, comments, an action and its due date,
    and the audit (``what``: "audit", "plan audit") a blind moderation moderates."""
    p.add_argument("--grade", action="append", default=[], metavar="CRITERION=GRADE",
                   help="a manual criterion's grade: outstanding, good, "
                   "requires_improvement or inadequate (repeat for each)")  # fmt: skip
    p.add_argument("--comments", default="")
    p.add_argument("--action", default="", help="an action for the caseworker")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="the action's due date")
    p.add_argument("--moderates", metavar="AUDIT_ID", help=f"moderate this {what} (blind)")


def parse_id(text: str, what: str) -> uuid.UUID:
    """An id typed on the command line (``what``: "a note", "an audit"...)."""
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise CliError(f"'{text}' is not {what} id") from None


def parse_due(text: str | None) -> date | None:
    """The action's due date, if one is given."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def check_mark(item: Mapping[str, Any]) -> str:
    """An automatic criterion's result as a four-letter column."""
    return "n/a " if not item["applies"] else ("ok  " if item["passed"] else "FAIL")


def audit_line(row: Mapping[str, Any], graded: str) -> str:
    """One audit of a list: when, role, grade, caseworker, then ``graded`` (what it graded)."""
    return (
        f"{row['made_label']:10}  {row['role']:10}  {row['overall_label']:20}  "
        f"{row['caseworker']:20}  {graded}" + ("  acknowledged" if row["acknowledged"] else "")
    )
