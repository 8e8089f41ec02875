"""The SEN2 return as the app sees it: what to build it for, its problems, its counts.

Read models of :class:`send_desk.backend.sen2_api.Sen2Api`. Codes travel as the return
stores them (rule ids, ``error`` / ``query``, module names); the page words them
(:mod:`send_desk.gui.formatting`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# the modules of the return, in the order the file holds them (sen2.md section 2)
COUNT_NAMES = (
    "persons",
    "requests",
    "assessments",
    "named_plans",
    "active_plans",
    "plans_active_at_census",
    "placements",
)


@dataclass(frozen=True, slots=True)
class Sen2Options:
    """What the return is built for: the census day, the council, and the header's
    answers whether it has a DMO, a DCO and a DSCO (Y, N or R recruiting)."""

    census: date
    la: str | None = None
    dmo: str | None = None
    dco: str | None = None
    dsco: str | None = None


@dataclass(frozen=True, slots=True)
class Sen2Problem:
    rule: str
    severity: str  # "error" (COLLECT refuses the file) or "query" (COLLECT asks)
    child_id: uuid.UUID | None  # None for a problem with the header or the whole file
    module: str  # header, person, request, assessment, named_plan, active_plans
    message: str  # names the child: name and date of birth


@dataclass(frozen=True, slots=True)
class ModuleCount:
    name: str  # one of COUNT_NAMES
    count: int


@dataclass(frozen=True, slots=True)
class Sen2Check:
    """The return built in memory for ``options`` and every problem found in it."""

    options: Sen2Options
    year: int  # the return's Year: the census's
    period_start: date  # 1 January of the year before
    counts: tuple[ModuleCount, ...]
    problems: tuple[Sen2Problem, ...]

    @property
    def errors(self) -> tuple[Sen2Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def queries(self) -> tuple[Sen2Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "query")

    def count(self, name: str) -> int:
        return next((c.count for c in self.counts if c.name == name), 0)


@dataclass(frozen=True, slots=True)
class Sen2Export:
    """A file written: where, the return's check, and the queries the user had looked
    at and sent anyway."""

    path: Path
    check: Sen2Check
    acknowledged: tuple[Sen2Problem, ...]


__all__ = ["COUNT_NAMES", "ModuleCount", "Sen2Check", "Sen2Export", "Sen2Options", "Sen2Problem"]
