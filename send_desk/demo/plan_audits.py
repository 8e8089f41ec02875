"""Synthetic EHC plan audits for the demo: a supervisor's monthly look at issued plans.

Each of the last :data:`MONTHS` months, each team's supervisor audits up to
:data:`PER_TEAM` of the final or amended plans the team issued the month before, as
:func:`send_desk.services.plan_audits.record_plan_audit` would store them: subject
``plan``, the checker's results on the version (with all the advice the case has
received) then the manual grades, and the overall grade by the rule of
``resources/supervision/plan_audit.toml``, never chosen. The auditor starts from the
grades the form suggests and changes about one in five by a step. Every
:data:`MODERATE_EVERY`-th audit is moderated blind by a second supervisor. Every
person is made up.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from send_desk.demo import plan_text as text
from send_desk.domain.organisation import User
from send_desk.domain.supervision import GRADES
from send_desk.plans import check_plan, parse_plan
from send_desk.plans.checker import PlanCheckResult
from send_desk.services.plan_audit_rules import (
    PlanAutomatic,
    default_plan_rubric,
    plan_overall_grade,
    suggested_grades,
)
from send_desk.timeutil import LONDON, month_start

MONTHS = 6
PER_TEAM = 2
MODERATE_EVERY = 5
CHANGED_SHARE = 0.2
# the action an auditor sets for a plan graded below good, by what the checker found
_ACTION_FOR = {
    "f_quantified": 0,
    "f_specified": 0,
    "f_every_need_provided": 1,
    "k_all_advice_listed": 2,
}


def _moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=LONDON).astimezone(UTC)


def _automatic(
    version: Mapping[str, Any], advice: tuple[str, ...], checked: PlanCheckResult | None
) -> list[dict[str, Any]]:
    """The checker's results as the audit form shows them (without the labels it stores
    no more of): with all the advice the case has received, which is the advice the
    version was checked with (``checked``) unless more came after it was issued."""
    result = checked
    if result is None or tuple(version["content"]["advice_received"]) != advice:
        result = check_plan(replace(parse_plan(version["content"]), advice_received=advice))
    return [
        {
            "id": item.id,
            "kind": "automatic",
            "section": item.section,
            "applies": item.applies,
            "passed": item.passed,
            "message": item.message if item.applies and not item.passed else "",
        }
        for item in result.criteria
    ]


def _step(rng: random.Random, grade: str) -> str:
    index = GRADES.index(grade) + rng.choice((-1, 1))
    return GRADES[min(len(GRADES) - 1, max(0, index))]


def plan_audits_for_demo(
    rows: Mapping[type[Any], Sequence[dict[str, Any]]],
    versions: Sequence[Mapping[str, Any]],
    advice: Mapping[Any, Sequence[tuple[date, str]]],
    checked: Mapping[uuid.UUID, PlanCheckResult],
    *,
    seed: int,
    today: date,
    new_id: Callable[[], uuid.UUID],
) -> list[dict[str, Any]]:
    """NoteAudit rows (subject ``plan``) for some of the demo's plan ``versions``."""
    rng = random.Random(seed * 6_151 + 37)
    rubric = default_plan_rubric()
    users = {u["id"]: u for u in rows.get(User, ())}
    supervisors: dict[Any, list[uuid.UUID]] = defaultdict(list)
    for user in users.values():
        if user["role"] == "supervisor":
            supervisors[user["team_id"]].append(user["id"])
    every_supervisor = [s for team in supervisors.values() for s in team]
    if not every_supervisor:
        return []
    now = _moment(today, 9)
    by_month: dict[tuple[str, Any], list[Mapping[str, Any]]] = defaultdict(list)
    for version in versions:
        author = users.get(version["author_id"])
        if version["kind"] in ("final", "amended") and author is not None:
            month = version["issued_on"].strftime("%Y-%m")
            by_month[(month, author["team_id"])].append(version)
    out: list[dict[str, Any]] = []
    for back in range(MONTHS, 0, -1):
        month = month_start(today, back)
        for team in sorted(supervisors, key=str):
            pool = by_month.get((month.strftime("%Y-%m"), team), [])
            for version in rng.sample(pool, min(PER_TEAM, len(pool))):
                made = _moment(
                    month_start(today, back - 1) + timedelta(days=rng.randint(0, 20)),
                    rng.choice((10, 11, 14, 15)),
                )
                if made >= now:
                    continue
                received = tuple(dict.fromkeys(k for _, k in advice.get(version["child_id"], [])))
                automatic = _automatic(version, received, checked.get(version["id"]))
                auditor = rng.choice(supervisors[team])
                first = _audit(rng, rubric, version, automatic, auditor, made, None, new_id)
                out.append(first)
                if len(out) % MODERATE_EVERY == 1:
                    others = [s for s in every_supervisor if s != auditor]
                    when = made + timedelta(days=rng.randint(1, 6))
                    if others and when < now:
                        out.append(
                            _audit(
                                rng,
                                rubric,
                                version,
                                automatic,
                                rng.choice(others),
                                when,
                                first["id"],
                                new_id,
                            )
                        )
    return out


def _audit(
    rng: random.Random,
    rubric: Any,
    version: Mapping[str, Any],
    automatic: list[dict[str, Any]],
    auditor: uuid.UUID,
    made: datetime,
    moderates: uuid.UUID | None,
    new_id: Callable[[], uuid.UUID],
) -> dict[str, Any]:
    results = [PlanAutomatic(a["id"], a["section"], a["applies"], a["passed"]) for a in automatic]
    suggested = suggested_grades(rubric, results)
    manual = {k: _step(rng, v) if rng.random() < CHANGED_SHARE else v for k, v in suggested.items()}
    overall = plan_overall_grade(rubric, results, manual)
    failed = [a["id"] for a in automatic if a["applies"] and not a["passed"]]
    action = ""
    if moderates is None and overall in ("requires_improvement", "inadequate"):
        index = next((_ACTION_FOR[f] for f in failed if f in _ACTION_FOR), 0)
        action = text.AUDIT_ACTIONS[index]
    criteria = automatic + [
        {"id": c.id, "kind": "manual", "section": c.section, "grade": manual[c.id], "comment": ""}
        for c in rubric.manual
    ]
    return {
        "id": new_id(),
        "note_id": version["plan_id"],
        "version_id": version["id"],
        "child_id": version["child_id"],
        "caseworker_id": version["author_id"],
        "auditor_id": auditor,
        "sample_id": None,
        "role": "moderation" if moderates else "audit",
        "moderates_id": moderates,
        "criteria": criteria,
        "overall": overall,
        "rule_version": rubric.version,
        "comments": "",
        "action": action,
        "action_due": (made + timedelta(days=14)).date() if action else None,
        "created_at": made,
        "created_by": auditor,
        "subject": "plan",
    }
