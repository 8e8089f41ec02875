"""``demo --with-sen2-problems``: a few children whose records hold the gaps a real
caseload brings to the SEN2 return, so ``sen2 check`` and the return page have something
to show. Each is a gap the app lets a caseworker leave (an optional field not filled),
never a value the checks on saving would refuse.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from send_desk.domain.children import Child
from send_desk.domain.events import CaseEvent


def add_problems(
    rows: Mapping[type[Any], list[dict[str, Any]]], *, seed: int, today: date
) -> list[str]:
    """Blank a few SEN2 details in the generated rows; returns what was done, in words
    (no names: the summary is printed)."""
    rng = random.Random(f"send-desk-demo-sen2-problems-{seed}")
    children = rows.get(Child, [])
    events = rows.get(CaseEvent, [])
    done: list[str] = []
    if len(children) < 2:
        return done
    first, second = rng.sample(range(len(children)), 2)
    children[first]["sex"] = "U"
    done.append("one child's sex not recorded")
    gone = children[second]
    gone.update(upn=None, uln=None, upn_unknown_reason=None)
    done.append("one child with no UPN, no ULN and no reason")
    # in the return of a census a few weeks before the demo's day
    recent, settled = today - timedelta(days=300), today - timedelta(days=30)
    requests = [
        e for e in events if e["type"] == "request_received" and recent <= e["date"] <= settled
    ]
    for event in rng.sample(requests, min(2, len(requests))):
        event["details"] = {k: v for k, v in event["details"].items() if k != "source"}
        done.append("a request with no record of who asked")
    for kind, field, what in (
        ("review_decision", "cease_reason", "a plan ceased with no reason"),
        ("plan_transferred_in", "from_la", "a plan transferred in from an unknown council"),
    ):
        found = [e for e in events if e["type"] == kind and field in e["details"]]
        if found:
            event = rng.choice(found)
            event["details"] = {
                k: v for k, v in event["details"].items() if k not in (field, "to_la")
            }
            done.append(what)
    return done
