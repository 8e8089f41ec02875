"""Synthetic case notes for the demo caseload, of mixed quality.

Some notes are excellent; others have the gaps supervisors find in real files: no
child's voice, acronyms never spelled out, decisions without reasons, actions
without an owner, a meeting without the family and no reason why, a late write-up,
dense official language. All people and events are made up.

Notes are built from templates, so the checklist is run once per template (with a
neutral name in place of the child's) and its result reused: running it on each of
40,000 notes would take half a minute. Templates are clearly plain or clearly dense,
never near the readability threshold, so the name does not change the result.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from send_desk.quality import CheckResult, check_note, default_checklist, parse_note
from send_desk.timescales import default_calendar

NotesPerChild = tuple[int, ...]
_NOTES_PER_CHILD: NotesPerChild = (0, 1, 1, 2, 2, 2, 3, 3, 4, 5)
_NEUTRAL = "Sam"

PLAIN_BODIES = (
    "I visited {child} and {parent} at home. {child} showed me the garden and a drawing "
    "of the school. {parent} said mornings are hard because {child} gets worried about "
    "the bus. I think a visual timetable and a quiet start to the day would help. "
    "We agreed I will ask the school to try this for four weeks.",
    "I met {child} in school with the special educational needs co-ordinator (SENCO). "
    "{child} was calm and told me about the reading group. The SENCO said progress in "
    "phonics is good but writing is still slow. {child} tires after lunch. "
    "We talked about short breaks and a laptop for longer pieces of work.",
    "{parent} rang to talk about transport. The taxi has been late three times this "
    "month, so {child} missed the start of lessons. I said I would speak to the "
    "transport team today and ring back by Friday. {parent} was happy with this plan.",
    "The annual review took place at school. {child} joined for the first part and "
    "said the new class is good and the teacher is kind. The educational psychologist "
    "(EP) report shows {child} needs help with attention in large groups. "
    "Everyone agreed the plan should say this clearly.",
)
ACRONYM_BODIES = (
    "Met with SENCO and EP re {child}. SALT input still outstanding. CAMHS referral "
    "made by GP last month. EHCP section F to be updated once SALT report received. "
    "Parent aware of IASS. Will chase SALT and update SENCO at next TAF.",
    "Visit to discuss {child}'s ASD dx and SEMH needs. SENCO reports OT assessment "
    "done, awaiting report. EP to attend AR. PfA outcomes to be added to EHCP.",
)
DENSE_BODIES = (
    "Notwithstanding the aforementioned considerations regarding {child}, the local "
    "authority has determined, pursuant to its statutory obligations and in accordance "
    "with the applicable guidance, that the provision currently specified is "
    "commensurate with the assessed requirements, and that no additional educational "
    "psychology involvement is necessitated at this juncture, subject to subsequent "
    "reconsideration following receipt of further documentary evidence.",
)

PURPOSES = {
    "visit": "Hear {child}'s and the family's views for the plan.",
    "phone_call": "Answer the parent's question about transport.",
    "meeting": "Plan support in school with the school and the family.",
    "review_meeting": "Annual review of {child}'s EHC plan.",
    "email": "Reply to the school about the draft plan.",
}
VOICES = (
    "{child} said: 'I like the reading group but the hall is too loud.'",
    "{child} said they want to stay with their friends next year.",
    "{child} drew a picture of a happy face next to the word 'maths'.",
    "{child} said: 'I don't like the taxi, it smells.'",
)
PARENT_VIEWS = (
    "{parent} wants a smaller class and more help with reading.",
    "{parent} is worried about the move to secondary school.",
    "{parent} is pleased with the progress this term.",
)
DECISIONS = (
    {
        "decision": "Ask the speech and language therapy service for advice.",
        "reasons": "The school's records show {child} struggles to follow spoken instructions.",
        "parent_request": "Speech and language therapy",
        "matches_request": True,
        "explanation": "",
    },
    {
        "decision": "Keep the current school place.",
        "reasons": "The school can meet {child}'s needs with the extra support agreed.",
        "parent_request": "A place at a special school",
        "matches_request": False,
        "explanation": "The evidence shows the needs can be met in a mainstream school "
        "with support; the family can appeal to the SEND Tribunal.",
    },
)
ACTIONS = (
    ("Ask the school to start a visual timetable", "caseworker"),
    ("Ring the transport team", "caseworker"),
    ("Send the advice request to speech and language therapy", "caseworker"),
    ("Share the minutes with the family", "caseworker"),
    ("Update the plan after the review", "caseworker"),
    ("Send the school's progress report", "{senco}"),  # a person, not a role
)

# quality profile -> weight
PROFILES = {
    "excellent": 40,
    "no_child_voice": 12,
    "acronyms": 12,
    "decision_no_reason": 8,
    "disparity_unexplained": 5,
    "action_no_owner": 8,
    "family_absent_no_reason": 5,
    "late": 6,
    "dense": 4,
}


def _kind(rng: random.Random, profile: str) -> str:
    if profile in ("no_child_voice", "acronyms", "dense"):
        return rng.choice(("visit", "meeting", "review_meeting"))
    if profile == "family_absent_no_reason":
        return "meeting"
    return rng.choices(("visit", "phone_call", "meeting", "review_meeting", "email"),
                       (30, 30, 15, 15, 10))[0]  # fmt: skip


def _template(rng: random.Random, profile: str, kind: str) -> dict[str, Any]:
    """A note with {child} and {parent} placeholders, and the parent's role."""
    if profile == "acronyms":
        body = rng.randrange(len(ACRONYM_BODIES))
        body_text, body_key = ACRONYM_BODIES[body], f"a{body}"
    elif profile == "dense":
        body_text, body_key = DENSE_BODIES[0], "d0"
    else:
        options = {"phone_call": [2], "review_meeting": [3], "visit": [0], "meeting": [1]}
        body = rng.choice(options.get(kind, [1]))
        body_text, body_key = PLAIN_BODIES[body], f"p{body}"
    family_there = kind != "email" and profile != "family_absent_no_reason"
    attendees = []
    if family_there:
        attendees.append({"name": "{parent}", "role": "{parent_role}", "relationship": ""})
    if kind in ("visit", "meeting", "review_meeting") and family_there:
        attendees.append({"name": "{child_full}", "role": "child", "relationship": ""})
    if kind in ("meeting", "review_meeting", "email") or profile == "acronyms":
        attendees.append({"name": "{senco}", "role": "senco", "relationship": ""})
    if kind == "email":
        attendees = []
    note: dict[str, Any] = {
        "kind": kind,
        "attendees": attendees,
        "purpose": PURPOSES[kind],
        "body": body_text,
        "child_voice": "",
        "child_voice_not_obtained_reason": "",
        "parent_views": rng.choice(PARENT_VIEWS) if family_there and kind != "email" else "",
        "reason_no_family": "",
        "decisions": [],
        "actions": [],
    }
    if kind in ("visit", "meeting", "review_meeting") and profile != "no_child_voice":
        note["child_voice"] = rng.choice(VOICES)
    if profile == "family_absent_no_reason":
        note["child_voice_not_obtained_reason"] = "The meeting was for the professionals."
    if rng.random() < 0.6 or profile in ("decision_no_reason", "disparity_unexplained"):
        decision = dict(DECISIONS[1 if profile == "disparity_unexplained" else rng.randrange(2)])
        if profile == "decision_no_reason":
            decision["reasons"] = ""
        if profile == "disparity_unexplained":
            decision["explanation"] = ""
        note["decisions"].append(decision)
    if rng.random() < 0.8 or profile == "action_no_owner":
        what, owner = rng.choice(ACTIONS)
        note["actions"].append(
            {"what": what, "owner": "" if profile == "action_no_owner" else owner}
        )
    note["_key"] = (profile, kind, body_key, len(note["decisions"]), repr(note["decisions"]),
                    len(attendees), bool(note["child_voice"]), bool(note["actions"]))  # fmt: skip
    return note


def _fill(value: Any, names: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return value.format_map(names) if "{" in value else value
    if isinstance(value, list):
        return [_fill(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, names) for key, item in value.items()}
    return value


def demo_notes(
    *,
    seed: int,
    today: date,
    children: Sequence[Mapping[str, Any]],
    new_id: Callable[[], uuid.UUID],
) -> list[dict[str, Any]]:
    """Note version rows for the demo children.

    ``children`` rows: id, first_name, last_name, parent (name), parent_role
    (parent or carer), author (caseworker id or None), since (allocation start).
    """
    rng = random.Random(seed * 7919 + 5)
    calendar = default_calendar()
    prompt_days = default_checklist().thresholds.recorded_within_working_days
    checked: dict[tuple[Any, ...], CheckResult] = {}
    seniors = ["Ms R Patel", "Mr D Hughes", "Mrs K Nowak", "Mr O Adeyemi", "Ms L Evans"]
    profiles, weights = list(PROFILES), list(PROFILES.values())
    rows: list[dict[str, Any]] = []
    for child in children:
        count = rng.choice(_NOTES_PER_CHILD)
        since: date = max(child["since"], today - timedelta(days=540))
        for _ in range(count):
            profile = rng.choices(profiles, weights)[0]
            kind = _kind(rng, profile)
            template = _template(rng, profile, kind)
            key = template.pop("_key")
            span = max(1, (today - since).days)
            day = calendar.working_day_on_or_after(since + timedelta(days=rng.randrange(span)))
            if day >= today:
                day = calendar.working_days_after(today - timedelta(days=10), 1)
            occurred = datetime.combine(day, time(rng.choice((9, 10, 11, 13, 14, 15)), 0))
            delay = 5 if profile == "late" else rng.choice((0, 0, 0, 1, 2))
            written_day = calendar.working_days_after(day, delay) if delay else day
            written_day = min(written_day, today)
            recorded = datetime.combine(written_day, time(16, 30))
            for action in template["actions"]:
                action["due"] = calendar.working_days_after(day, rng.randint(3, 25)).isoformat()
            names = {
                "child": child["first_name"],
                "child_full": f"{child['first_name']} {child['last_name']}",
                "parent": child["parent"],
                "parent_role": child["parent_role"],
                "senco": rng.choice(seniors),
            }
            check_key = (*key, written_day > calendar.working_days_after(day, prompt_days))
            result = checked.get(check_key)
            if result is None:
                neutral = {**names, "child": _NEUTRAL, "child_full": f"{_NEUTRAL} Example",
                           "parent": "Ms A Example"}  # fmt: skip
                document = _fill(template, neutral)
                document.update(occurred_at=occurred.isoformat(), recorded_at=recorded.isoformat())
                result = check_note(parse_note(document))
                checked[check_key] = result
            note = _fill(template, names)
            version_id = new_id()
            rows.append(
                {
                    **note,
                    "id": version_id,
                    "note_id": version_id,
                    "version": 1,
                    "supersedes_id": None,
                    "child_id": child["id"],
                    "author_id": child["author"],
                    "occurred_at": occurred,
                    "recorded_at": recorded,
                    "amendment_reason": None,
                    "failed_items": [
                        {"id": item.id, "message": item.message} for item in result.failed
                    ],
                    "checklist_passed": result.passed,
                    "checklist_applicable": result.applicable,
                    "superseded": False,
                }
            )
    return rows


_CARER_ROLES = {"mother": "parent", "father": "parent"}


def notes_for_demo(
    rows: Mapping[type[Any], Sequence[dict[str, Any]]],
    *,
    seed: int,
    today: date,
    new_id: Callable[[], uuid.UUID],
) -> list[dict[str, Any]]:
    """Demo notes for the children among the generated ``rows`` (by table model)."""
    from send_desk.domain.children import Allocation, Child, FamilyMember

    contacts: dict[Any, dict[str, Any]] = {}
    for member in rows.get(FamilyMember, []):
        if member["main_contact"]:
            contacts[member["child_id"]] = member
    current: dict[Any, dict[str, Any]] = {}
    for allocation in rows.get(Allocation, []):
        if allocation["end_date"] is None:
            current[allocation["child_id"]] = allocation
    children = []
    for child in rows.get(Child, []):
        contact = contacts.get(child["id"])
        allocated = current.get(child["id"])
        children.append(
            {
                "id": child["id"],
                "first_name": child["first_name"],
                "last_name": child["last_name"],
                "parent": contact["name"] if contact else "Ms A Example",
                "parent_role": _CARER_ROLES.get(contact["relationship"], "carer")
                if contact
                else "parent",
                "author": allocated["caseworker_id"] if allocated else None,
                "since": allocated["start_date"] if allocated else today - timedelta(days=90),
            }
        )
    return demo_notes(seed=seed, today=today, children=children, new_id=new_id)
