"""The demo's SEN2 details: ethnicity, ULN or the reason for no UPN, and (for the
return's other modules) cease reasons, transferring councils and placement indicators.

Drawn from their own random stream (seeded from the demo's seed), so adding them left
every other generated value, and the figures tests pin, as it was.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

# Roughly the shares among children with EHC plans in England (DfE SEN statistics,
# rounded; percent). REFU and NOBT are there because a real caseload has them.
ETHNICITY_WEIGHTS: Mapping[str, float] = {
    "WBRI": 66, "WOTH": 4, "WIRI": 0.4, "WIRT": 0.4, "WROM": 0.6, "MWBC": 2,
    "MWBA": 1, "MWAS": 1.2, "MOTH": 2, "AIND": 2, "APKN": 4, "ABAN": 1.5, "AOTH": 1.5,
    "BAFR": 3.5, "BCRB": 1.5, "BOTH": 0.6, "BSOM": 0.8, "CHNE": 0.3, "OOTH": 1.2,
    "OAFG": 0.3, "REFU": 1, "NOBT": 3,
}  # fmt: skip


def stream(seed: int) -> random.Random:
    return random.Random(f"send-desk-demo-sen2-{seed}")


def rya_stream(seed: int) -> random.Random:
    """RYA's own stream: drawing it from :func:`stream` would move every SEN2 value
    after the first request (and the figures the tests pin)."""
    return random.Random(f"send-desk-demo-rya-{seed}")


def rya(rng: random.Random, age: int) -> bool:
    """Whether a request was made while the young person was in youth custody (relevant
    youth accommodation): only from 10, the age of criminal responsibility, to 17, and
    rare even then (a few hundred children are in custody in England at any time)."""
    return 10 <= age <= 17 and rng.random() < 0.01


def uln(rng: random.Random) -> str:
    return str(rng.randint(1_000_000_000, 9_999_999_999))


def child_fields(rng: random.Random, year: int, has_upn: bool) -> dict[str, Any]:
    """Ethnicity, ULN and UPN-unknown reason for a child in national curriculum ``year``."""
    codes = [code for code, weight in ETHNICITY_WEIGHTS.items() if weight > 0]
    weights = [ETHNICITY_WEIGHTS[code] for code in codes]
    fields: dict[str, Any] = {
        "ethnicity": rng.choices(codes, weights)[0],
        "uln": None,
        "upn_unknown_reason": None,
    }
    if has_upn:
        return fields
    if year < 0:
        fields["upn_unknown_reason"] = "UN1"  # under school age: no UPN yet
    elif rng.random() < 0.9:
        fields["uln"] = uln(rng)  # at college or in training: a ULN
    else:
        fields["upn_unknown_reason"] = rng.choice(("UN9", "UN2", "UN3"))
    return fields


# DfE LA numbers of councils a plan might come from (Kent, East Sussex, West Sussex,
# Surrey, Hampshire, Birmingham, Leeds, Manchester, Essex, Norfolk)
NEIGHBOUR_LAS = ("886", "845", "938", "936", "850", "330", "383", "352", "881", "926")


def event_details(
    rng: random.Random, type_id: str, details: dict[str, Any], age: int
) -> dict[str, Any]:
    """The SEN2 details a caseworker adds to a request, or to an event that ends or
    brings a plan."""
    if type_id == "request_received" and "source" not in details:
        # roughly the national shares of who asks (SEN2 statistics, rounded)
        sources = ("school_or_setting", "parent_or_young_person", "health", "social_care",
                   "other")  # fmt: skip
        return {**details, "source": rng.choices(sources, (50, 36, 8, 3, 3))[0]}
    if type_id == "final_plan_issued":
        return {**details, **_named_plan(rng, age)}
    if type_id == "plan_transferred_in" and rng.random() < 0.9:
        return {**details, "from_la": rng.choice(NEIGHBOUR_LAS)}
    if type_id == "review_decision" and details.get("outcome") == "cease":
        reasons: tuple[str, ...]
        if age >= 18:
            reasons = ("paid_employment", "higher_education", "needs_met", "disengaged",
                       "maximum_age", "moved_la")  # fmt: skip
            weights: tuple[float, ...] = (25, 20, 25, 15, 5, 10)
        else:
            reasons = ("needs_met", "moved_la", "moved_outside_england", "other")
            weights = (60, 25, 10, 5)
        reason = rng.choices(reasons, weights)[0]
        extra: dict[str, Any] = {"cease_reason": reason}
        if reason == "moved_la":
            extra["to_la"] = rng.choice(NEIGHBOUR_LAS)
        return {**details, **extra}
    return details


_MAINSTREAM = frozenset({"infant", "junior", "primary", "secondary"})


def placement_flags(rng: random.Random, phase: str) -> dict[str, Any]:
    """A place in a mainstream school's resourced provision or SEN unit, now and then
    (about one plan in ten nationally); special schools and colleges have neither."""
    if phase not in _MAINSTREAM:
        return {"sen_unit": False, "resourced_provision": False}
    draw = rng.random()
    return {"sen_unit": draw < 0.04, "resourced_provision": 0.04 <= draw < 0.12}


def _named_plan(rng: random.Random, age: int) -> dict[str, Any]:
    """What a plan names, at roughly the national rates: a personal budget in about one
    plan in ten, a residential place in a few, work-based learning for some over 16."""
    named: dict[str, Any] = {"personal_budget": "no"}
    if rng.random() < 0.1:
        named["personal_budget"] = "yes"
        named["organised_arrangements"] = rng.choice(("yes", "no"))
        if rng.random() < 0.6:
            named["direct_payments"] = rng.choices(
                ("education", "social_care", "health", "integrated"), (2, 6, 1, 1)
            )[0]
    if rng.random() < 0.03:
        named["residential"] = rng.choice(("38_to_51_weeks", "52_weeks"))
    if age >= 16 and rng.random() < 0.12:
        named["work_based_learning"] = rng.choices(
            ("apprenticeship", "traineeship", "supported_internship"), (2, 1, 5)
        )[0]
    return named
