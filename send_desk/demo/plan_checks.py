"""The plan checker's result on a demo plan, without reading every plan in full.

Running :func:`send_desk.plans.check_plan` on each of a large demo's plan versions
would take seconds (its plain-language and hedging readings are slow), yet the demo's
plans are built from a few templates. Each criterion reads only some parts of a plan,
so the criteria are run in groups, each with a checklist of just that group's
criteria, on the plan written for a neutral name, and a group's result is kept for
the parts it reads: another plan with the same parts gets the same result.

A group is read afresh, and not kept, when the neutral name could change its result:
the child's name is a word the checker looks for (a hedge such as "May", a number
word, an action verb), or an outcome's date is not after the plan's (its message
quotes the dates). The demo's texts are far from the reading-ease threshold, so a
longer name does not change that verdict; a test compares every stored result with
a full check.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from functools import cache

from send_desk.plans import Plan, PlanChecklist, PlanItemResult, check_plan
from send_desk.plans.checker import PlanCheckResult
from send_desk.plans.checklist import default_plan_checklist

NEUTRAL_NAME = "Sam"
GROUPS: dict[str, tuple[str, ...]] = {
    "AB": ("a_child_voice", "a_parent_views", "b_needs", "plain_language"),
    "E": ("e_outcomes_smart", "e_preparing_for_adulthood"),
    "F": ("f_every_need_provided", "f_specified", "f_quantified", "f_serves_outcomes"),
    "K": ("k_all_advice_listed",),
    "GHIJ": (
        "g_health_provided",
        "h_social_care_provided",
        "i_draft_names_no_school",
        "i_final_names_placement",
        "j_personal_budget",
    ),
}


@cache
def _checklists() -> tuple[PlanChecklist, dict[str, PlanChecklist], PlanChecklist]:
    """The whole checklist, one per kept group, and one of any criteria in no group
    (read every time)."""
    whole = default_plan_checklist()
    grouped = {id_ for ids in GROUPS.values() for id_ in ids}
    groups = {
        name: replace(whole, criteria=tuple(c for c in whole.criteria if c.id in ids))
        for name, ids in GROUPS.items()
    }
    rest = replace(whole, criteria=tuple(c for c in whole.criteria if c.id not in grouped))
    return whole, groups, rest


@cache
def _checker_words() -> frozenset[str]:
    whole = default_plan_checklist()
    words: set[str] = set()
    for values in whole.words.values():
        for value in values:
            words.update(value.lower().split())
    return frozenset(words)


def name_is_neutral(name: str) -> bool:
    """Whether the checker reads the name as it reads the neutral one: a plain word
    that is none of the words it looks for."""
    return name.isalpha() and name[:1].isupper() and name.lower() not in _checker_words()


def _keys(plan: Plan) -> dict[str, Hashable | None]:
    s = plan.sections
    year = plan.child.year_group
    pfa_year = default_plan_checklist().thresholds.pfa_from_year
    pfa_applies = plan.child.young_person or (year is not None and year >= pfa_year)
    dated = plan.date is not None and all(o.by is not None and o.by > plan.date for o in s.E)
    outcomes = tuple((o.id, o.outcome, o.needs, o.pfa) for o in s.E)
    return {
        "AB": (plan.child.young_person, s.A, s.B),
        "E": (outcomes, pfa_applies) if dated else None,
        "F": (tuple(need.id for need in s.B.items), s.F),
        "K": (plan.advice_received, s.K),
        # Section I's name is read only as there or not, save in a draft (whose
        # message quotes it)
        "GHIJ": (
            s.C,
            s.D,
            s.G,
            s.H1,
            s.H2,
            plan.status,
            plan.personal_budget_requested,
            s.J,
            s.I
            if plan.status == "draft"
            else (s.I.type, bool((s.I.name or "").strip()), s.I.type_only),
        ),
    }


class GroupedChecker:
    """check_plan's result, with the groups' results kept between plans."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], tuple[PlanItemResult, ...]] = {}

    def check(self, plan: Plan, neutral: Callable[[], Plan] | None) -> PlanCheckResult:
        """The result on ``plan``; ``neutral`` builds the same plan for the neutral
        name (None: the name is not neutral, and every group is read afresh)."""
        whole, groups, rest = _checklists()
        found = (
            {r.id: r for r in check_plan(plan, checklist=rest).criteria} if rest.criteria else {}
        )
        neutral_plan = neutral() if neutral is not None else None
        keys = _keys(neutral_plan) if neutral_plan is not None else {}
        for name, checklist in groups.items():
            key = keys.get(name)
            if key is None or neutral_plan is None:
                results = check_plan(plan, checklist=checklist).criteria
            else:
                kept = self._kept.get((name, key))
                if kept is None:
                    kept = check_plan(neutral_plan, checklist=checklist).criteria
                    self._kept[(name, key)] = kept
                # a message that quotes the text would quote the neutral name
                quoted = any(NEUTRAL_NAME in r.message for r in kept)
                results = check_plan(plan, checklist=checklist).criteria if quoted else kept
            found.update((r.id, r) for r in results)
        return PlanCheckResult(tuple(found[c.id] for c in whole.criteria))
