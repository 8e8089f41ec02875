"""Synthetic case-note audits for the demo: six months of a supervision routine.

Each month, every caseworker's supervisor audits up to three of the notes they wrote the
month before, as `send-desk sample` would draw them. The automatic criteria are the
checker's on the note; the manual grades follow a made-up "practice level" for each
caseworker that new starters raise month by month, so the trends show something to
discuss. About one audit in ten is moderated blind by a second supervisor, who mostly
agrees. Older audits have been acknowledged, and most of their actions done. Every
person is made up.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from send_desk.domain.notes import NoteVersion
from send_desk.domain.organisation import User
from send_desk.domain.supervision import GRADES, AuditResponse, NoteAudit
from send_desk.services.audit_rules import AutomaticResult, default_rubric, overall_grade
from send_desk.services.audits import automatic_results, criteria_rows
from send_desk.timeutil import LONDON, month_start

MONTHS = 6
PER_CASEWORKER = 3
MODERATED_SHARE = 0.1
# A harder criterion is failed more often: the analysis is where notes fall short.
DIFFICULTY = {"facts_opinion": 0.0, "analysis": 0.15, "respectful_language": -0.1,
              "colleague_could_act": 0.05}  # fmt: skip
ACTIONS = (
    "Add what the visit means for the child's outcomes, and the next step.",
    "Set the facts apart from your view, and own the view ('I think...').",
    "Record why the family was not at the meeting, and how their views were sought.",
    "Spell out the acronyms and give each action an owner and a date.",
)


def _grade(score: float) -> str:
    if score >= 0.8:
        return "outstanding"
    if score >= 0.45:
        return "good"
    if score >= 0.2:
        return "requires_improvement"
    return "inadequate"


def _shift(rng: random.Random, grade: str) -> str:
    """A second auditor's grade: the same, or one step either way."""
    index = GRADES.index(grade) + rng.choice((-1, 1))
    return GRADES[min(len(GRADES) - 1, max(0, index))]


def _moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=LONDON).astimezone(UTC)


def audits_for_demo(
    rows: Mapping[type[Any], Sequence[dict[str, Any]]],
    *,
    seed: int,
    today: date,
    new_id: Callable[[], uuid.UUID],
) -> dict[type[Any], list[dict[str, Any]]]:
    """NoteAudit and AuditResponse rows for the notes among the generated ``rows``."""
    rng = random.Random(seed * 104_729 + 11)
    rubric = default_rubric()
    users = rows.get(User, [])
    supervisors: dict[Any, list[uuid.UUID]] = defaultdict(list)
    for user in users:
        if user["role"] == "supervisor":
            supervisors[user["team_id"]].append(user["id"])
    every_supervisor = [s for team in supervisors.values() for s in team]
    if not every_supervisor:
        return {}
    notes_by: dict[tuple[Any, str], list[dict[str, Any]]] = defaultdict(list)
    for note in rows.get(NoteVersion, []):
        if note["author_id"] is not None:
            notes_by[(note["author_id"], note["occurred_at"].strftime("%Y-%m"))].append(note)
    audits: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    now = _moment(today, 9)

    def add_audit(note: dict[str, Any], worker: uuid.UUID, auditor: uuid.UUID,
                  made: datetime, manual: dict[str, str], automatic: list[dict[str, Any]],
                  moderates: uuid.UUID | None) -> dict[str, Any]:  # fmt: skip
        overall = overall_grade(
            rubric,
            [AutomaticResult(a["id"], a["applies"], a["passed"]) for a in automatic],
            manual,
        )
        action = ""
        if moderates is None and overall in ("requires_improvement", "inadequate"):
            action = rng.choice(ACTIONS)
        row = {
            "id": new_id(), "note_id": note["note_id"], "version_id": note["id"],
            "child_id": note["child_id"], "caseworker_id": worker, "auditor_id": auditor,
            "sample_id": None, "role": "moderation" if moderates else "audit",
            "moderates_id": moderates, "criteria": criteria_rows(automatic, rubric, manual),
            "overall": overall, "rule_version": rubric.version, "comments": "",
            "action": action, "action_due": (made + timedelta(days=14)).date() if action else None,
            "created_at": made, "created_by": auditor,
        }  # fmt: skip
        audits.append(row)
        return row

    for worker in (u for u in users if u["role"] == "caseworker"):
        started: date = worker["start_date"] or today
        level = rng.uniform(0.3, 0.8)
        team_supervisors = supervisors.get(worker["team_id"]) or every_supervisor
        for back in range(MONTHS, 0, -1):
            month = month_start(today, back)
            pool = notes_by.get((worker["id"], month.strftime("%Y-%m")), [])
            if not pool:
                continue
            # new starters get better as they settle in (months in post, up to a year)
            months_in = max(0, (month - started).days // 30)
            practice = level - (0.25 if months_in < 12 else 0) + min(months_in, 12) * 0.02
            audit_month = month_start(today, back - 1)
            for note in rng.sample(pool, min(PER_CASEWORKER, len(pool))):
                day = audit_month + timedelta(days=rng.randint(0, 20))
                made = _moment(day, rng.choice((10, 11, 14, 15)))
                if made >= now:
                    continue
                automatic = automatic_results(NoteVersion(**note))
                checked = [a for a in automatic if a["applies"]]
                passed = sum(1 for a in checked if a["passed"]) / max(1, len(checked))
                manual = {
                    c.id: _grade(practice + 0.3 * (passed - 0.7) - DIFFICULTY.get(c.id, 0)
                                 + rng.gauss(0, 0.15))
                    for c in rubric.manual
                }  # fmt: skip
                auditor = rng.choice(team_supervisors)
                first = add_audit(note, worker["id"], auditor, made, manual, automatic, None)
                if rng.random() < MODERATED_SHARE:
                    others = [s for s in every_supervisor if s != auditor]
                    second = {k: v if rng.random() < 0.8 else _shift(rng, v)
                              for k, v in manual.items()}  # fmt: skip
                    when = made + timedelta(days=rng.randint(1, 6))
                    if others and when < now:
                        add_audit(note, worker["id"], rng.choice(others), when, second,
                                  automatic, first["id"])  # fmt: skip
                responses += _responses(rng, first, worker["id"], now, new_id)
    return {NoteAudit: audits, AuditResponse: responses}


def _responses(
    rng: random.Random,
    audit: dict[str, Any],
    worker: uuid.UUID,
    now: datetime,
    new_id: Callable[[], uuid.UUID],
) -> list[dict[str, Any]]:
    """The caseworker's acknowledgement of an older audit, and that its action is done."""
    out: list[dict[str, Any]] = []
    made: datetime = audit["created_at"]
    if now - made < timedelta(days=21) or rng.random() > 0.85:
        return out
    seen = made + timedelta(days=rng.randint(1, 6))
    out.append({"id": new_id(), "audit_id": audit["id"], "child_id": audit["child_id"],
                "user_id": worker, "kind": "acknowledged", "comment": "",
                "created_at": seen, "created_by": worker})  # fmt: skip
    if audit["action"] and rng.random() < 0.7:
        done = seen + timedelta(days=rng.randint(2, 12))
        if done < now:
            out.append({"id": new_id(), "audit_id": audit["id"],
                        "child_id": audit["child_id"], "user_id": worker,
                        "kind": "action_done", "comment": "", "created_at": done,
                        "created_by": worker})  # fmt: skip
    return out
