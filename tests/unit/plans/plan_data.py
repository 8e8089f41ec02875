"""A hand-written good plan (every applicable criterion met) and helpers for the plan tests.

Worked out by hand: a draft for Sam, Year 10, with a personal budget asked for; C and
D each have a need, so every criterion applies but i_final_names_placement (a draft):
15 applicable, 15 met.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from send_desk.plans import PlanCheckResult, check_plan, parse_plan

FIXTURES = Path(__file__).parent / "fixtures"

GOOD: dict[str, Any] = {
    "status": "draft",
    "date": "2026-12-01",
    "child": {"first_name": "Sam", "year_group": 10},
    "personal_budget_requested": True,
    "advice_received": ["educational_psychology", "health", "social_care", "school"],
    "sections": {
        "A": {
            "child_views": "I like computers. Loud rooms make my head hurt. "
            "I want to go to college.",
            "parent_views": "We want Sam to have friends and to sit his exams.",
            "aspirations": "Sam wants to work with computers when he leaves school.",
        },
        "B": [
            {"id": "b1", "area": "ASD", "primary": True,
             "description": "Sam finds changes to his routine and noisy rooms very hard "
                            "to cope with."},
            {"id": "b2", "area": "SLCN", "primary": False,
             "description": "Sam takes what people say word for word and can miss what "
                            "a joke means."},
        ],
        "C": [{"id": "c1", "description": "Sam has poor sleep linked to worry."}],
        "D": [{"id": "d1", "description": "Sam needs help to take part in clubs after school."}],
        "E": [
            {"id": "e1", "needs": ["b1"], "by": "2027-07-16", "pfa": False,
             "outcome": "By the end of Year 10 Sam will stay in 4 of his 5 daily lessons."},
            {"id": "e2", "needs": ["b2"], "by": "2027-07-16", "pfa": False,
             "outcome": "Sam will ask an adult what a phrase means when he is not sure."},
            {"id": "e3", "needs": ["b1", "d1"], "by": "2028-07-14", "pfa": True,
             "outcome": "Sam will travel to college on the bus on his own."},
        ],
        "F": [
            {"id": "f1", "needs": ["b1"], "outcomes": ["e1"],
             "what": "Teaching of strategies to manage change, using a visual timetable",
             "who": "specialist autism teacher (qualified teacher of autistic pupils)",
             "frequency": "1 session a week", "duration": "45 minutes",
             "group": "1:1", "review": "every half term"},
            {"id": "f2", "needs": ["b2"], "outcomes": ["e2"],
             "what": "Therapy on phrases that do not mean what they say",
             "who": "speech and language therapist",
             "frequency": "2 sessions a week", "duration": "30 minutes",
             "group": "group of 3", "review": "each term"},
        ],
        "G": [{"id": "g1", "needs": ["c1"], "what": "Sleep clinic review",
               "who": "paediatrician", "frequency": "every 6 months", "duration": "30 minutes"}],
        "H1": {"none": "Sam needs no services under the 1970 Act."},
        "H2": [{"id": "h1", "needs": ["d1"], "outcomes": ["e3"],
                "what": "A support worker at a youth club", "who": "youth support worker",
                "frequency": "once a week", "duration": "2 hours"}],
        "I": {"type": "mainstream secondary school", "name": None},
        "J": {"covers": "The youth support worker in H2", "outcomes": ["e3"],
              "direct_payments": True},
        "K": ["educational_psychology", "health", "social_care", "school"],
    },
}  # fmt: skip


def good() -> dict[str, Any]:
    return copy.deepcopy(GOOD)


def standard_example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "standard_example.json").read_text("utf-8"))
    return data


def check(data: dict[str, Any]) -> PlanCheckResult:
    return check_plan(parse_plan(data))


def verdict(data: dict[str, Any], criterion: str) -> tuple[bool, bool, list[str]]:
    """(applies, passed, items) of one criterion, as the JSON output gives them."""
    found = check(data).criterion(criterion).to_json()
    return found["applies"], found["passed"], found["items"]
