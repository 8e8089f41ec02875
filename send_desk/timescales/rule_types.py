"""The rules' data: Rule and RuleSet with their parts, and RuleError for a bad file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from send_desk.timescales.calendar import MonthDay
from send_desk.timescales.counting import Conventions


class RuleError(ValueError):
    """A rule file is wrong. The message says which file, which rule and what."""


# -- the rule model ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """A date other than the trigger's that a period is counted from."""

    pick: str  # "latest_before_trigger" or "first_after_trigger"
    events: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Period:
    count: int
    unit: str


@dataclass(frozen=True, slots=True)
class DueSpec:
    """How the due date is found. Exactly one of period, date_in_year, later_of is set."""

    period: Period | None = None
    anchor: Anchor | None = None
    date_in_year: MonthDay | None = None
    year_of: str | None = None
    later_of: tuple[DueSpec, ...] = ()
    then: Period | None = None
    roll: str | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    event: str
    where: tuple[tuple[str, Any], ...] = ()
    where_not: tuple[tuple[str, Any], ...] = ()
    initial: str | None = None


@dataclass(frozen=True, slots=True)
class DoneBy:
    events: tuple[str, ...]
    match: tuple[str, ...] = ()
    where: tuple[tuple[str, Any], ...] = ()
    within_months_before_due: int | None = None
    pick: str = "first"
    late_until: str | None = None  # a date field of the trigger (see the module docstring)


@dataclass(frozen=True, slots=True)
class Condition:
    milestone: str
    done_with: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    id: str
    title: str
    kind: str
    trigger: Trigger
    due: DueSpec
    source: str
    file: str
    done_by: DoneBy | None = None
    id_suffix: str | None = None
    requires: tuple[Condition, ...] = ()
    unless: tuple[Condition, ...] = ()
    exceptions: tuple[str, ...] = ()
    exception_source: str = ""
    action: str = ""
    info: str = ""
    note: str = ""
    local: bool = False
    priority: bool = False
    ends_with_plan: bool = False
    left_out_when: tuple[str, ...] = ()  # event types (see the module docstring)
    left_out_before_due: bool = False

    @property
    def is_info(self) -> bool:
        return self.kind == "info"


@dataclass(frozen=True, slots=True)
class ExceptionReason:
    id: str
    label: str
    source: str
    meaning: str
    closure_window: bool = False


@dataclass(frozen=True, slots=True, eq=False)  # identity hash: a cheap cache key
class PhaseTransferSpec:
    from_year: int
    kind: str
    label: str
    setting_phases: tuple[str, ...] = ()  # empty: every child in that year


@dataclass(frozen=True, slots=True)
class OrderCheck:
    event: str
    after: tuple[str, ...]


@dataclass(frozen=True)
class RuleSet:
    """Every rule of one rules folder, checked, in an order the engine can run."""

    rules: tuple[Rule, ...]
    reasons: Mapping[str, ExceptionReason]
    conventions: Conventions
    phase_transfers: tuple[PhaseTransferSpec, ...]
    order_checks: tuple[OrderCheck, ...]

    def milestone_ids(self, include_local: bool = True) -> frozenset[str]:
        return frozenset(r.id for r in self.rules if include_local or not r.local)

    def rule_named(self, name: str) -> Rule | None:
        """The rule with this unique name (``Rule.name``), or None."""
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Rule]:
        return {rule.name: rule for rule in self.rules}

    def rules_for(self, milestone_id: str) -> tuple[Rule, ...]:
        """The rules that produce a milestone id (``advice_due:x`` → ``advice_due``)."""
        base = milestone_id.split(":", 1)[0]
        return tuple(
            r
            for r in self.rules
            if r.id == base and (r.id_suffix is None) == (base == milestone_id)
        )
