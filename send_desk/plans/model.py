"""The EHC plan of ``shared/reference/ehc-plan-standard.md`` as frozen dataclasses.

The plan is what the editor captures, what the store will keep in versions and what
the renderer lays out, so every field of the standard's JSON has a place here, and a
key the standard does not name is kept (``extra``) so that reading and writing a plan
never loses what someone wrote. :func:`send_desk.plans.parsing.parse_plan` builds it
from JSON; :meth:`Plan.to_json` writes it back (``parse_plan(p.to_json()) == p``).

Gaps in content (an outcome with no date, a provision with no frequency, a need with
an unknown SEN2 area) are kept as written for the checker to report; only what cannot
be a plan at all (a value of the wrong type, a duplicate id, a link to nothing) is
refused by the parser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

STATUSES = ("draft", "final", "amended")
# The sections that may be "empty because nothing is needed": {"none": "reason"}.
NONE_SECTIONS = ("C", "D", "G", "H1", "H2")
SECTION_ORDER = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")
SECTION_TITLES = {
    "A": "The views, interests and aspirations of the child and their parents or the young person",
    "B": "Special educational needs",
    "C": "Health needs related to special educational needs",
    "D": "Social care needs related to special educational needs or a disability",
    "E": "Outcomes sought",
    "F": "Special educational provision",
    "G": "Health provision",
    "H1": "Social care provision under section 2 of the Chronically Sick and Disabled "
    "Persons Act 1970",
    "H2": "Other social care provision",
    "I": "Placement",
    "J": "Personal budget",
    "K": "Advice and information",
}
A_FIELDS = ("child_views", "child_views_not_obtained_reason", "parent_views", "aspirations")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _no_extra() -> Mapping[str, Any]:
    return _EMPTY


def _frozen(extra: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(extra)) if extra else _EMPTY


def _with_extra(data: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    # what the standard names wins over an unknown key of the same name (there is none)
    return {**extra, **data}


@dataclass(frozen=True)
class Child:
    first_name: str = ""
    year_group: int | None = None
    # a young person over compulsory school age who speaks for themself
    young_person: bool = False
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return _with_extra(
            {
                "first_name": self.first_name,
                "year_group": self.year_group,
                "young_person": self.young_person,
            },
            self.extra,
        )


@dataclass(frozen=True)
class Views:
    """Section A: in the family's own words."""

    child_views: str = ""
    child_views_not_obtained_reason: str = ""
    parent_views: str = ""
    aspirations: str = ""
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return _with_extra({name: getattr(self, name) for name in A_FIELDS}, self.extra)


@dataclass(frozen=True)
class Need:
    """A need in B (with its SEN2 area), C (health) or D (social care)."""

    id: str
    description: str = ""
    area: str = ""  # B only: the SEN2 area as written (the checker judges it)
    primary: bool = False  # B only
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self, section: str) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if section == "B":
            data.update(area=self.area, primary=self.primary)
        data["description"] = self.description
        return _with_extra(data, self.extra)


@dataclass(frozen=True)
class Outcome:
    """An outcome in E: what the child will do by when, for which needs."""

    id: str
    outcome: str = ""
    by: date | None = None
    needs: tuple[str, ...] = ()
    pfa: bool = False  # a preparing-for-adulthood outcome
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return _with_extra(
            {
                "id": self.id,
                "needs": list(self.needs),
                "by": self.by.isoformat() if self.by else None,
                "pfa": self.pfa,
                "outcome": self.outcome,
            },
            self.extra,
        )


@dataclass(frozen=True)
class Provision:
    """A provision in F (special educational), G (health), H1 or H2 (social care)."""

    id: str
    needs: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    what: str = ""
    who: str = ""
    frequency: str = ""
    duration: str = ""
    group: str = ""
    review: str = ""
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    TEXT_FIELDS = ("what", "who", "frequency", "duration", "group", "review")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "needs": list(self.needs),
            "outcomes": list(self.outcomes),
        }
        data.update({name: getattr(self, name) for name in self.TEXT_FIELDS})
        return _with_extra(data, self.extra)

    def texts(self) -> list[tuple[str, str]]:
        return [(name, getattr(self, name)) for name in self.TEXT_FIELDS]


@dataclass(frozen=True)
class NeedList:
    """Section B, C or D; C and D may instead say why they are empty."""

    items: tuple[Need, ...] = ()
    none_reason: str | None = None  # set when written as {"none": "reason"}

    def to_json(self, section: str) -> Any:
        if self.none_reason is not None and not self.items:
            return {"none": self.none_reason}
        return [item.to_json(section) for item in self.items]


@dataclass(frozen=True)
class ProvisionList:
    """Section F, G, H1 or H2; G, H1 and H2 may instead say why nothing is needed."""

    items: tuple[Provision, ...] = ()
    none_reason: str | None = None

    def to_json(self) -> Any:
        if self.none_reason is not None and not self.items:
            return {"none": self.none_reason}
        return [item.to_json() for item in self.items]

    def naming(self, need_id: str) -> list[Provision]:
        return [item for item in self.items if need_id in item.needs]


@dataclass(frozen=True)
class Placement:
    """Section I: the type of school or institution and, in a final plan, its name."""

    type: str = ""
    name: str | None = None
    type_only: bool = False  # the decision names a type of school only
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "name": self.name}
        if self.type_only:
            data["type_only"] = True
        return _with_extra(data, self.extra)


@dataclass(frozen=True)
class PersonalBudget:
    """Section J: what the budget covers, the outcomes it serves, direct payments."""

    covers: str = ""
    outcomes: tuple[str, ...] = ()
    # whether direct payments are made: true/false, or said in words
    direct_payments: bool | str | None = None
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return _with_extra(
            {
                "covers": self.covers,
                "outcomes": list(self.outcomes),
                "direct_payments": self.direct_payments,
            },
            self.extra,
        )


@dataclass(frozen=True)
class Sections:
    A: Views = Views()
    B: NeedList = NeedList()
    C: NeedList = NeedList()
    D: NeedList = NeedList()
    E: tuple[Outcome, ...] = ()
    F: ProvisionList = ProvisionList()
    G: ProvisionList = ProvisionList()
    H1: ProvisionList = ProvisionList()
    H2: ProvisionList = ProvisionList()
    I: Placement = Placement()  # noqa: E741 - the statutory section letter
    J: PersonalBudget | None = None
    K: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return _with_extra(
            {
                "A": self.A.to_json(),
                "B": self.B.to_json("B"),
                "C": self.C.to_json("C"),
                "D": self.D.to_json("D"),
                "E": [outcome.to_json() for outcome in self.E],
                "F": self.F.to_json(),
                "G": self.G.to_json(),
                "H1": self.H1.to_json(),
                "H2": self.H2.to_json(),
                "I": self.I.to_json(),
                "J": self.J.to_json() if self.J is not None else None,
                "K": list(self.K),
            },
            self.extra,
        )


@dataclass(frozen=True)
class Plan:
    status: str = "draft"
    date: date | None = None
    child: Child = Child()
    personal_budget_requested: bool = False
    advice_received: tuple[str, ...] = ()
    sections: Sections = Sections()
    extra: Mapping[str, Any] = field(default_factory=_no_extra, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The plan as the standard's JSON document (dates as YYYY-MM-DD)."""
        return _with_extra(
            {
                "status": self.status,
                "date": self.date.isoformat() if self.date else None,
                "child": self.child.to_json(),
                "personal_budget_requested": self.personal_budget_requested,
                "advice_received": list(self.advice_received),
                "sections": self.sections.to_json(),
            },
            self.extra,
        )

    def outcome(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.sections.E if o.id == outcome_id), None)

    def ids(self) -> set[str]:
        """Every item id in the plan (ids are unique across sections)."""
        s = self.sections
        found: set[str] = {outcome.id for outcome in s.E}
        for needs in (s.B, s.C, s.D):
            found |= {need.id for need in needs.items}
        for provisions in (s.F, s.G, s.H1, s.H2):
            found |= {provision.id for provision in provisions.items}
        return found

    def next_id(self, section: str) -> str:
        """An id for a new item of a section, as the editor adds one: "F" -> "f3"."""
        prefix = section[:1].lower()
        taken = self.ids()
        number = 1
        while f"{prefix}{number}" in taken:
            number += 1
        return f"{prefix}{number}"


def frozen_extra(extra: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """The unknown keys of one object, kept read-only so the plan stays immutable."""
    return _frozen(extra)
