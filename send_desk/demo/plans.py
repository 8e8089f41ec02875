"""Synthetic EHC plan versions for the demo: the plans the caseload's events say were issued.

A child whose events issued a plan (``draft_plan_issued``, ``final_plan_issued``,
``amendment_notice_issued``, ``amended_plan_issued``) gets one ``plan_version`` row per
such event, as :func:`send_desk.services.plans.issue` would have written it: numbered
1..n, each superseding the one before, dated and linked by its event, written by the
caseworker allocated that day, its changed sections found by
:func:`send_desk.plans.diff.changed_sections` and its checklist result by
:func:`send_desk.plans.check_plan`.

Only a bounded set is written, so a large demo stays quick to build: children with a
plan event in the last :data:`WINDOW_DAYS` days whose plan began with a draft the
council issued (a plan transferred in has no draft here), the first
:data:`MAX_CHILDREN` of them in caseload order. Their whole chain is written.

The content comes from the case (the child's name, year group, primary and secondary
need, advice received, school) and the words of :mod:`send_desk.demo.plan_text`;
most plans are well specified, and about one in four carries one of the faults the
checker finds (hedged or unquantified provision, a need with no provision, advice
missing from Section K, no preparing-for-adulthood outcome from Year 9). Every person
is made up.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from typing import Any

from send_desk.demo import plan_text as text
from send_desk.demo.plan_audits import plan_audits_for_demo
from send_desk.demo.plan_checks import NEUTRAL_NAME, GroupedChecker, name_is_neutral
from send_desk.domain.children import Allocation, Child, Placement
from send_desk.domain.events import CaseEvent
from send_desk.domain.organisation import Setting
from send_desk.domain.plans import IN_FORCE_KINDS, KIND_EVENTS, KIND_STATUS, PlanVersion
from send_desk.domain.school_year import nc_year
from send_desk.domain.supervision import NoteAudit
from send_desk.plans import Child as PlanChild
from send_desk.plans import (
    Need,
    NeedList,
    Outcome,
    PersonalBudget,
    Plan,
    Provision,
    ProvisionList,
    Sections,
    Views,
    default_plan_checklist,
)
from send_desk.plans import Placement as PlanPlacement
from send_desk.plans.checker import PlanCheckResult
from send_desk.plans.diff import changed_sections
from send_desk.services.plan_draft import YOUNG_PERSON_FROM_YEAR
from send_desk.timeutil import LONDON

WINDOW_DAYS = 548  # about 18 months
MAX_CHILDREN = 600
KIND_OF_EVENT = {event: kind for kind, event in KIND_EVENTS.items()}
# the faults a plan may carry (None: none), and how often
FAULTS: dict[str | None, float] = {
    None: 74,
    "hedged": 7,
    "no_duration": 6,
    "unmet_need": 5,
    "missing_advice": 5,
    "no_pfa": 3,
}


@dataclass(frozen=True)
class _Profile:
    """What stays the same in every version of one child's plan."""

    name: str
    dob: date
    areas: tuple[str, ...]
    fault: str | None
    views: int
    parent: int
    aspiration: int
    health: int | None  # an index into plan_text.HEALTH
    social_care: bool
    budget: bool
    pfa: int


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10, 0), tzinfo=LONDON).astimezone(UTC)


def _fill(template: str, name: str) -> str:
    return template.replace("{child}", name)


def _year_on(on: date) -> date:
    """An outcome's date: a year after the version (kept when a later one keeps it)."""
    return date(on.year + 1, on.month, min(on.day, 28))


def _content(
    p: _Profile,
    on: date,
    status: str,
    advice: tuple[str, ...],
    placement: tuple[str, str | None],
    outcomes_by: date,
) -> Plan:
    """The plan of one version: the profile written out for a date and status."""
    year = nc_year(p.dob, on)
    young = year >= YOUNG_PERSON_FROM_YEAR
    name = p.name
    needs: list[Need] = []
    outcomes: list[Outcome] = []
    provisions: list[Provision] = []
    for number, area in enumerate(p.areas, start=1):
        need_id = f"b{number}"
        description, area_outcomes, area_provisions = text.AREAS[area]
        needs.append(
            Need(id=need_id, area=area, primary=number == 1, description=_fill(description, name))
        )
        # the primary need has two outcomes and provisions, a secondary need one
        for index in range(2 if number == 1 else 1):
            outcome_id = f"e{len(outcomes) + 1}"
            outcomes.append(
                Outcome(
                    id=outcome_id,
                    needs=(need_id,),
                    by=outcomes_by,
                    outcome=_fill(area_outcomes[index], name),
                )
            )
            if number > 1 and p.fault == "unmet_need":
                continue
            what, who, frequency, duration, group = area_provisions[index]
            if number == 1 and index == 0 and p.fault == "hedged":
                frequency = text.HEDGED_FREQUENCY
            if number == 1 and index == 1 and p.fault == "no_duration":
                duration = ""
            provisions.append(
                Provision(
                    id=f"f{len(provisions) + 1}",
                    needs=(need_id,),
                    outcomes=(outcome_id,),
                    what=_fill(what, name),
                    who=who,
                    frequency=frequency,
                    duration=duration,
                    group=group,
                    review="At each annual review",
                )
            )
    if year >= default_plan_checklist().thresholds.pfa_from_year and p.fault != "no_pfa":
        statement, (what, who, frequency, duration, group) = text.PFA[p.pfa]
        outcome_id = f"e{len(outcomes) + 1}"
        outcomes.append(
            Outcome(
                id=outcome_id,
                needs=("b1",),
                by=outcomes_by,
                pfa=True,
                outcome=_fill(statement, name),
            )
        )
        provisions.append(
            Provision(
                id=f"f{len(provisions) + 1}",
                needs=("b1",),
                outcomes=(outcome_id,),
                what=what,
                who=who,
                frequency=frequency,
                duration=duration,
                group=group,
                review="At each annual review",
            )
        )
    listed = advice[:-1] if p.fault == "missing_advice" else advice
    views = text.YOUNG_PERSON_VIEWS[p.views % 2] if young else text.CHILD_VIEWS[p.views]
    sections = Sections(
        A=Views(
            child_views=views,
            parent_views="" if young else _fill(text.PARENT_VIEWS[p.parent], name),
            aspirations=_fill(text.ASPIRATIONS[p.aspiration], name),
        ),
        B=NeedList(tuple(needs)),
        C=_health_needs(p),
        D=_social_care_needs(p),
        E=tuple(outcomes),
        F=ProvisionList(tuple(provisions)),
        G=_health_provision(p),
        H1=ProvisionList(none_reason=text.NO_CSDPA_PROVISION) if p.social_care else ProvisionList(),
        H2=_social_care_provision(p),
        I=PlanPlacement(type=placement[0], name=placement[1]),
        J=PersonalBudget(covers=text.BUDGET_COVERS, outcomes=("e1",), direct_payments=True)
        if p.budget
        else None,
        K=listed,
    )
    return Plan(
        status=status,
        date=on,
        advice_received=advice,
        sections=sections,
        personal_budget_requested=p.budget,
        child=PlanChild(first_name=name, year_group=year, young_person=young),
    )


def _health_needs(p: _Profile) -> NeedList:
    if p.health is None:
        return NeedList(none_reason=_fill(text.NO_HEALTH, p.name))
    return NeedList((Need(id="c1", description=_fill(text.HEALTH[p.health][0], p.name)),))


def _health_provision(p: _Profile) -> ProvisionList:
    if p.health is None:
        return ProvisionList(none_reason=text.NO_HEALTH_PROVISION)
    what, who, frequency, duration, group = text.HEALTH[p.health][1]
    return ProvisionList(
        (
            Provision(
                id="g1",
                needs=("c1",),
                what=what,
                who=who,
                frequency=frequency,
                duration=duration,
                group=group,
            ),
        )
    )


def _social_care_needs(p: _Profile) -> NeedList:
    if not p.social_care:
        return NeedList(none_reason=_fill(text.NO_SOCIAL_CARE, p.name))
    return NeedList((Need(id="d1", description=_fill(text.SOCIAL_CARE[0], p.name)),))


def _social_care_provision(p: _Profile) -> ProvisionList:
    if not p.social_care:
        return ProvisionList(none_reason=text.NO_SOCIAL_CARE_PROVISION)
    what, who, frequency, duration, group = text.SOCIAL_CARE[1]
    return ProvisionList(
        (
            Provision(
                id="h1",
                needs=("d1",),
                what=what,
                who=who,
                frequency=frequency,
                duration=duration,
                group=group,
            ),
        )
    )


def _profile(rng: random.Random, child: Mapping[str, Any]) -> _Profile:
    areas = tuple(a for a in (child["primary_need"], child["secondary_need"]) if a)
    fault = rng.choices(list(FAULTS), weights=list(FAULTS.values()))[0]
    if fault == "unmet_need" and len(areas) < 2:
        fault = "hedged"
    # a physical or profound disability often comes with a health need of its own
    medical = child["primary_need"] in ("PD", "PMLD", "MSI")
    voice = rng.randrange(len(text.CHILD_VIEWS))
    return _Profile(
        name=child["preferred_name"] or child["first_name"],
        dob=child["date_of_birth"],
        areas=areas,
        fault=fault,
        # one family's voice: fewer combinations of Section A to check (plan_checks)
        views=voice,
        parent=voice % len(text.PARENT_VIEWS),
        aspiration=voice % len(text.ASPIRATIONS),
        health=rng.randrange(len(text.HEALTH)) if medical or rng.random() < 0.15 else None,
        social_care=rng.random() < 0.1,
        budget=rng.random() < 0.06,
        pfa=rng.randrange(len(text.PFA)),
    )


def _chain(events: Sequence[Mapping[str, Any]]) -> list[tuple[str, Mapping[str, Any]]]:
    """The events as versions in the order the service allows them (draft first, a
    final after a draft, an amendment of a plan in force, an amended plan after an
    amendment); the chain stops at the first event out of that order."""
    kinds: list[tuple[str, Mapping[str, Any]]] = []
    for event in events:
        kind = KIND_OF_EVENT[event["type"]]
        latest = kinds[-1][0] if kinds else None
        in_force = any(k in IN_FORCE_KINDS for k, _ in kinds)
        allowed = {
            "draft": latest is None,
            "final": latest == "draft",
            "amendment": in_force and latest != "amendment",
            "amended": latest == "amendment",
        }[kind]
        if not allowed:
            break
        kinds.append((kind, event))
    return kinds


def _author(allocations: Sequence[Mapping[str, Any]], on: date) -> uuid.UUID | None:
    """The caseworker allocated on the day; before the case's first allocation the
    demo's short allocation history has nobody, so the first caseworker wrote it."""
    for row in allocations:
        if row["start_date"] <= on and (row["end_date"] is None or row["end_date"] > on):
            return uuid.UUID(str(row["caseworker_id"]))
    if not allocations:
        return None
    first = min(allocations, key=lambda row: row["start_date"])
    return uuid.UUID(str(first["caseworker_id"]))


def _selected(
    rows: Mapping[type[Any], Sequence[dict[str, Any]]], today: date
) -> tuple[dict[Any, list[dict[str, Any]]], dict[Any, list[tuple[date, str]]]]:
    """The plan events, oldest first, of the children whose plans are written, and
    the advice their cases received: (day, kind of advice), oldest first."""
    plan_events: dict[Any, list[dict[str, Any]]] = {}
    advice_events: dict[Any, list[dict[str, Any]]] = {}
    for event in rows.get(CaseEvent, ()):
        kind = event["type"]
        if kind in KIND_OF_EVENT:
            plan_events.setdefault(event["child_id"], []).append(event)
        elif kind == "advice_received":
            advice_events.setdefault(event["child_id"], []).append(event)
    since = today - timedelta(days=WINDOW_DAYS)
    chosen: dict[Any, list[dict[str, Any]]] = {}
    for child in rows.get(Child, ()):
        events = plan_events.get(child["id"])
        if not events:
            continue
        events = sorted(events, key=lambda e: e["date"])
        if events[0]["type"] != KIND_EVENTS["draft"] or events[-1]["date"] < since:
            continue
        chosen[child["id"]] = events
        if len(chosen) == MAX_CHILDREN:
            break
    kind_of = default_plan_checklist().advice_kind
    advice: dict[Any, list[tuple[date, str]]] = {}
    for child_id in chosen:
        for event in sorted(advice_events.get(child_id, ()), key=lambda e: e["date"]):
            name = str(event["details"].get("from") or "").strip()
            if name:
                advice.setdefault(child_id, []).append((event["date"], kind_of(name)))
    return chosen, advice


def _advice_by(received: Sequence[tuple[date, str]], on: date) -> tuple[str, ...]:
    return tuple(dict.fromkeys(kind for day, kind in received if day <= on))


def plans_for_demo(
    rows: Mapping[type[Any], Sequence[dict[str, Any]]],
    *,
    seed: int,
    today: date,
    new_id: Callable[[], uuid.UUID],
) -> dict[type[Any], list[dict[str, Any]]]:
    """PlanVersion rows for the generated caseload, and NoteAudit rows: the case-note
    audits already made (marked ``subject`` note) and a few plan audits."""
    rng = random.Random(seed * 7_919 + 29)
    chosen, advice = _selected(rows, today)
    children = {c["id"]: c for c in rows.get(Child, ()) if c["id"] in chosen}
    allocations: dict[Any, list[dict[str, Any]]] = {}
    for row in rows.get(Allocation, ()):
        if row["child_id"] in chosen:
            allocations.setdefault(row["child_id"], []).append(row)
    settings = {s["id"]: s for s in rows.get(Setting, ())}
    placements: dict[Any, dict[str, Any]] = {}
    for row in rows.get(Placement, ()):
        if row["child_id"] in chosen:
            placements[row["child_id"]] = settings[row["setting_id"]]
    versions: list[dict[str, Any]] = []
    checker = GroupedChecker()
    checked: dict[uuid.UUID, PlanCheckResult] = {}
    for child_id, events in chosen.items():
        case = _Case(children[child_id], events, advice.get(child_id, []),
                     placements.get(child_id), allocations.get(child_id, []))  # fmt: skip
        versions += _versions(rng, case, checker, checked, new_id)
    audits = plan_audits_for_demo(
        rows, versions, advice, checked, seed=seed, today=today, new_id=new_id
    )
    noted = [{**row, "subject": "note"} for row in rows.get(NoteAudit, ())]
    return {PlanVersion: versions, NoteAudit: noted + audits}


@dataclass(frozen=True)
class _Case:
    """What the case holds that one child's plan is written from."""

    child: Mapping[str, Any]
    events: Sequence[Mapping[str, Any]]
    received: Sequence[tuple[date, str]]  # (day, kind of advice), oldest first
    school: Mapping[str, Any] | None
    allocations: Sequence[Mapping[str, Any]]


def _versions(
    rng: random.Random,
    case: _Case,
    checker: GroupedChecker,
    checked: dict[uuid.UUID, PlanCheckResult],
    new_id: Callable[[], uuid.UUID],
) -> list[dict[str, Any]]:
    """The child's versions; each one's check result is kept in ``checked`` by its id."""
    profile = _profile(rng, case.child)
    neutral = replace(profile, name=NEUTRAL_NAME) if name_is_neutral(profile.name) else None
    phase = case.school["phase"] if case.school else "primary"
    placement_type = text.PLACEMENT_TYPES.get(phase, text.PLACEMENT_TYPES["primary"])
    school_name = case.school["name"] if case.school else None
    out: list[dict[str, Any]] = []
    previous: Plan | None = None
    outcomes_by = date.min
    for number, (kind, event) in enumerate(_chain(case.events), start=1):
        on: date = event["date"]
        if kind in ("draft", "amendment"):
            # a new draft or a proposed amendment sets the next year's outcomes
            outcomes_by = _year_on(on)
        advice = _advice_by(case.received, on)
        placement = (placement_type, None if kind == "draft" else school_name)

        written = partial(_content, on=on, status=KIND_STATUS[kind], advice=advice,
                          placement=placement, outcomes_by=outcomes_by)  # fmt: skip
        plan = written(profile)
        result = checker.check(plan, partial(written, neutral) if neutral else None)
        author = _author(case.allocations, on)
        version_id = new_id()
        checked[version_id] = result
        out.append(
            {
                "id": version_id,
                "plan_id": out[0]["id"] if out else version_id,
                "child_id": case.child["id"],
                "version": number,
                "supersedes_id": out[-1]["id"] if out else None,
                "author_id": author,
                "kind": kind,
                "issued_on": on,
                "event_id": event["id"],
                "amendment_reason": _fill(rng.choice(text.AMENDMENT_REASONS), profile.name)
                if kind == "amendment"
                else None,
                "content": plan.to_json(),
                "changed_sections": [
                    {"section": section, "changed_by": [str(author)] if author else []}
                    for section in changed_sections(previous, plan)
                ],
                "failed_items": [
                    {"id": item.id, "section": item.section, "message": item.message}
                    for item in result.failed
                ],
                "checklist_passed": result.passed,
                "checklist_applicable": result.applicable,
                "created_at": _moment(on),
                "created_by": author,
            }
        )
        previous = plan
    return out


__all__ = ["MAX_CHILDREN", "WINDOW_DAYS", "plans_for_demo"]
