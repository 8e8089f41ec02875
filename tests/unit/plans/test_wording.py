"""The readings of a plan's wording the checker uses, one by one, against hand judgement."""

from __future__ import annotations

import pytest

from send_desk.plans import default_plan_checklist
from send_desk.plans.wording import Wording, wording_from


@pytest.fixture
def wording() -> Wording:
    return wording_from(default_plan_checklist().words)


@pytest.mark.parametrize(
    ("outcome", "measurable"),
    [
        ("By the end of Year 10 Sam will stay in 4 of his 5 daily lessons.", True),
        ("Sam will read 20 common words by the end of KS2.", True),
        ("Sam will be calm for 10 minutes at the start of the day.", True),
        ("Sam will answer a question in class most days.", True),  # an action
        ("Sam will walk to the bus stop on his own.", True),
        ("Sam will travelled to college independently.", True),  # frequency phrase too
        ("Sam will get 80% of his spellings right.", True),
        # a number that says when is not a measure
        ("By the end of Year 10 Sam will feel more confident.", False),
        ("By 16/07/2027 Sam will be happier at school.", False),
        ("By July 2027 Sam will make good progress.", False),
        ("Sam will manage his emotions better in Key Stage 4.", False),
        ("Sam will achieve his potential by the time he is aged 16.", False),
        ("Sam will develop a better understanding of money.", False),
        ("Sam will improve his social skills.", False),
    ],
)
def test_measurable_outcomes(wording: Wording, outcome: str, measurable: bool) -> None:
    assert wording.measurable(outcome) is measurable


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Access to a quiet room", ["access to"]),
        ("Regular and, if available, extra sessions", ["regular", "if available"]),
        ("Staff may offer it; reviewed on 15 May 2027", ["may"]),
        ("Reviewed on 15 May 2027 and again in May 2028", []),
        ("An irregular timetable is hard for Sam", []),
        ("Up to 3 sessions", ["up to"]),
        ("1 session a week with a specialist teacher", []),
    ],
)
def test_hedges(wording: Wording, text: str, found: list[str]) -> None:
    assert wording.hedges(text) == found


@pytest.mark.parametrize(
    ("text", "kind", "quantified"),
    [
        ("half-termly", "frequency", True),
        ("fortnightly", "frequency", True),
        ("per week", "frequency", True),
        ("forty-five minutes", "duration", True),
        ("30mins", "duration", True),
        ("most weeks", "frequency", False),
        ("a week", "frequency", False),  # "a" is not a number
        ("45 minutes", "frequency", False),  # how long, not how often
        ("3 sessions", "duration", True),
        ("2 times", "duration", False),  # "times" is no length of time
    ],
)
def test_a_number_and_a_unit(wording: Wording, text: str, kind: str, quantified: bool) -> None:
    assert wording.quantified(text, kind) is quantified
