"""Sections F to K and plain language of the plan checker, on hand-written plans.

Each case states what was worked out by hand: (applies, passed, items).
"""

from __future__ import annotations

import pytest

from tests.unit.plans.plan_data import check, good, verdict

# --- F ---------------------------------------------------------------------------------


def test_f_every_need_provided() -> None:
    data = good()
    del data["sections"]["F"][1]  # f2 was b2's only provision
    assert verdict(data, "f_every_need_provided") == (True, False, ["b2"])
    assert "b2: no provision in Section F names it" in (
        check(data).criterion("f_every_need_provided").message
    )
    data["sections"]["F"][0]["needs"] = ["b1", "b2"]
    assert verdict(data, "f_every_need_provided") == (True, True, [])


def test_f_specified() -> None:
    data = good()
    data["sections"]["F"][1]["who"] = ""
    data["sections"]["F"][1]["duration"] = None
    assert verdict(data, "f_specified") == (True, False, ["f2"])
    assert "f2: say who, for how long." in check(data).criterion("f_specified").message
    # a blank duration is f_specified's failure, not f_quantified's as well
    assert verdict(data, "f_quantified") == (True, True, [])


def test_f_quantified_the_contracts_example() -> None:
    data = good()
    data["sections"]["F"][1]["frequency"] = "regular support"
    assert verdict(data, "f_quantified") == (True, False, ["f2"])
    message = check(data).criterion("f_quantified").message
    assert message.startswith("Say how often and for how long")
    assert "f2: say how often with a number and a unit." in message
    assert "f2: 'regular' in frequency is not enforceable." in message


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("what", "Access to a quiet room"),
        ("what", "Speech therapy as required"),
        ("what", "Help with reading as needed"),
        ("what", "Social skills work as appropriate"),
        ("what", "Opportunities to practise talking in a group"),
        ("who", "a teaching assistant, where possible"),
        ("who", "a therapist if available"),
        ("what", "Support as necessary"),
        ("frequency", "up to 3 sessions a week"),
        ("review", "School may review it each term"),
        ("review", "It should be reviewed each term"),
        ("group", "It could be 1:1"),
        ("what", "Regularly practised phrases"),
    ],
)
def test_f_quantified_hedging_in_any_text(field: str, text: str) -> None:
    data = good()
    data["sections"]["F"][0][field] = text
    assert verdict(data, "f_quantified") == (True, False, ["f1"])


@pytest.mark.parametrize(
    ("frequency", "duration", "passed"),
    [
        ("1 session a week", "45 minutes", True),
        ("weekly", "30 minutes", True),
        ("every day", "20 mins", True),
        ("daily", "1 hour", True),
        ("twice a week", "one lesson", True),
        ("2 x 30-minute sessions each week", "30-minute", True),
        ("3 times per term", "half an hour", True),
        ("each afternoon", "2hrs", True),
        ("often", "45 minutes", False),  # no number
        ("1 session a week", "a short time", False),  # no number
        ("3", "45 minutes", False),  # no unit
        ("1 session a week", "45", False),  # no unit
        ("1 session a week", "the whole of the school day", False),
    ],
)
def test_f_quantified_a_number_and_a_unit(frequency: str, duration: str, passed: bool) -> None:
    data = good()
    data["sections"]["F"][0].update(frequency=frequency, duration=duration)
    assert verdict(data, "f_quantified") == (True, passed, [] if passed else ["f1"])


def test_f_quantified_may_the_month_is_not_a_hedge() -> None:
    data = good()
    data["sections"]["F"][0]["review"] = "at the review on 15 May 2027, then in May 2028"
    assert verdict(data, "f_quantified") == (True, True, [])


def test_f_serves_outcomes() -> None:
    data = good()
    data["sections"]["F"][1]["outcomes"] = []
    assert verdict(data, "f_serves_outcomes") == (True, False, ["f2"])
    del data["sections"]["F"][1]["outcomes"]
    assert verdict(data, "f_serves_outcomes") == (True, False, ["f2"])


# --- G and H ---------------------------------------------------------------------------


def test_g_health_provided() -> None:
    data = good()
    data["sections"]["G"] = []
    assert verdict(data, "g_health_provided") == (True, False, ["c1"])
    data["sections"]["G"] = {"none": ""}  # says none, but not why
    assert verdict(data, "g_health_provided") == (True, False, ["c1"])
    data["sections"]["G"] = {"none": "His GP already treats his sleep; nothing more is needed."}
    assert verdict(data, "g_health_provided") == (True, True, [])


def test_g_health_provided_applies_only_with_health_needs() -> None:
    data = good()
    data["sections"]["C"] = {"none": "No health needs relate to Sam's special educational needs."}
    data["sections"]["G"] = []
    assert verdict(data, "g_health_provided") == (False, True, [])
    data["sections"]["C"] = []
    assert verdict(data, "g_health_provided") == (False, True, [])


def test_h_social_care_provided() -> None:
    data = good()
    data["sections"]["H1"] = []
    data["sections"]["H2"] = []
    data["sections"]["J"]["outcomes"] = []
    assert verdict(data, "h_social_care_provided") == (True, False, ["d1"])
    # provision under the 1970 Act names it
    data["sections"]["H1"] = [
        {"id": "h9", "needs": ["d1"], "what": "A carer to take Sam to a club",
         "who": "carer", "frequency": "once a week", "duration": "3 hours"}
    ]  # fmt: skip
    assert verdict(data, "h_social_care_provided") == (True, True, [])
    data["sections"]["H1"] = []
    data["sections"]["H2"] = {"none": "The family's own support covers this; agreed with them."}
    assert verdict(data, "h_social_care_provided") == (True, True, [])
    # nothing under the 1970 Act does not say why d1 has no other provision
    data["sections"]["H1"] = {"none": "Sam needs no services under the 1970 Act."}
    data["sections"]["H2"] = []
    assert verdict(data, "h_social_care_provided") == (True, False, ["d1"])


def test_h_social_care_provided_applies_only_with_social_care_needs() -> None:
    data = good()
    data["sections"]["D"] = []
    data["sections"]["E"][2]["needs"] = ["b1"]
    data["sections"]["H2"][0]["needs"] = []
    assert verdict(data, "h_social_care_provided") == (False, True, [])


# --- I ---------------------------------------------------------------------------------


def test_i_draft_names_no_school() -> None:
    data = good()
    data["sections"]["I"]["name"] = "Hillside Academy"
    assert verdict(data, "i_draft_names_no_school") == (True, False, [])
    assert "Take out 'Hillside Academy'" in check(data).criterion("i_draft_names_no_school").message
    data["sections"]["I"] = None  # blank is allowed in a draft
    assert verdict(data, "i_draft_names_no_school") == (True, True, [])
    assert verdict(data, "i_final_names_placement") == (False, True, [])


@pytest.mark.parametrize("status", ["final", "amended"])
def test_i_final_names_placement(status: str) -> None:
    data = good()
    data["status"] = status
    assert verdict(data, "i_draft_names_no_school") == (False, True, [])
    assert verdict(data, "i_final_names_placement") == (True, False, [])  # no name
    data["sections"]["I"]["name"] = "Hillside Academy"
    assert verdict(data, "i_final_names_placement") == (True, True, [])
    data["sections"]["I"]["type"] = ""
    assert verdict(data, "i_final_names_placement") == (True, False, [])
    data["sections"]["I"] = {"type": "special school for autistic pupils", "type_only": True}
    assert verdict(data, "i_final_names_placement") == (True, True, [])


# --- J and K ---------------------------------------------------------------------------


def test_j_personal_budget() -> None:
    data = good()
    data["sections"]["J"]["direct_payments"] = None
    assert verdict(data, "j_personal_budget") == (True, False, [])
    assert "Say whether direct payments are made." in (
        check(data).criterion("j_personal_budget").message
    )
    data["sections"]["J"]["direct_payments"] = False
    assert verdict(data, "j_personal_budget") == (True, True, [])
    data["sections"]["J"]["direct_payments"] = "Paid to Sam's mother every 4 weeks"
    assert verdict(data, "j_personal_budget") == (True, True, [])
    data["sections"]["J"]["covers"] = ""
    assert verdict(data, "j_personal_budget") == (True, False, [])
    data["sections"]["J"] = None
    assert verdict(data, "j_personal_budget") == (True, False, [])
    data["personal_budget_requested"] = False
    assert verdict(data, "j_personal_budget") == (False, True, [])


def test_k_all_advice_listed() -> None:
    data = good()
    data["sections"]["K"] = ["educational_psychology", "health", "school"]
    assert verdict(data, "k_all_advice_listed") == (True, False, ["social_care"])
    assert "social_care is not listed" in check(data).criterion("k_all_advice_listed").message


def test_k_all_advice_listed_compares_kinds_of_advice() -> None:
    data = good()
    data["advice_received"] = ["Educational Psychologist", "EP", "health", "Social worker"]
    data["sections"]["K"] = ["educational psychology", "NHS", "social-care"]
    assert verdict(data, "k_all_advice_listed") == (True, True, [])
    data["advice_received"].append("occupational therapist")
    data["advice_received"].append("Dietician")
    assert verdict(data, "k_all_advice_listed") == (
        True,
        False,
        ["occupational_therapy", "dietician"],
    )


# --- plain language --------------------------------------------------------------------


def test_plain_language_hard_words() -> None:
    data = good()
    data["sections"]["A"]["parent_views"] = (
        "Our considerable apprehension regarding educational opportunities necessitates "
        "comprehensive multidisciplinary intervention immediately."
    )
    assert verdict(data, "plain_language") == (True, False, ["A.parent_views"])
    assert "Reading ease is" in check(data).criterion("plain_language").message


def test_plain_language_jargon_in_a_short_section_b() -> None:
    """B alone (23 words) is under the 30 words a body needs to be judged, so A and B
    are judged together; B's words of four and five syllables pull the whole below 50."""
    data = good()
    data["sections"]["B"][0]["description"] = (
        "Sam presents with significant difficulties with executive functioning, sensory "
        "integration and emotional regulation."
    )
    data["sections"]["B"][1]["description"] = (
        "Sam demonstrates considerable difficulties comprehending figurative language and "
        "inferential vocabulary."
    )
    assert verdict(data, "plain_language") == (True, False, ["b1", "b2"])
    assert "use shorter words and sentences in b1, b2" in (
        check(data).criterion("plain_language").message
    )


def test_plain_language_a_sentence_over_40_words() -> None:
    data = good()
    data["sections"]["B"][0]["description"] = (
        "Sam finds it very hard when the plan for the day changes and when a room is loud "
        "and he will then put his hands on his ears and walk out of the room and he may not "
        "come back in for the rest of the day at all."
    )  # one sentence of 49 short words
    assert verdict(data, "plain_language") == (True, False, ["b1"])
    assert "b1: this sentence has 49 words" in check(data).criterion("plain_language").message


def test_plain_language_acronyms_spelled_out_at_first_use() -> None:
    data = good()
    data["sections"]["B"][1]["description"] = (
        "Sam sees the SALT each week because he takes jokes word for word."
    )
    assert verdict(data, "plain_language") == (True, False, ["b2"])
    assert "b2: spell out SALT" in check(data).criterion("plain_language").message
    # spelled out in A, it is known by B
    data["sections"]["A"]["parent_views"] = (
        "We want the speech and language therapist (SALT) to see Sam every week."
    )
    assert verdict(data, "plain_language") == (True, True, [])
    # on the plain-words list
    data["sections"]["B"][1]["description"] = (
        "Sam sees his GP about it and takes jokes word for word."
    )
    assert verdict(data, "plain_language") == (True, True, [])
