"""Every automatic criterion of the case-note standard, on notes written by hand."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from send_desk.quality import CRITERIA_IDS, NoteFormatError, check_note, parse_note

GOOD: dict[str, Any] = {
    "kind": "visit",
    "occurred_at": "2026-03-02T10:00",
    "recorded_at": "2026-03-02T15:30",
    "attendees": [
        {"name": "Ms A Example", "role": "parent"},
        {"name": "Mr B Example", "role": "senco"},
        {"name": "C Example", "role": "interpreter", "relationship": "independent"},
    ],
    "purpose": "Gather views for the EHC needs assessment.",
    "body": (
        "I visited the family at home. Mum showed me the school reports. "
        "The special educational needs co-ordinator (SENCO) said Sam finds the hall too "
        "loud at lunch. I think Sam needs a quiet place to eat. We agreed to ask the "
        "speech team for advice."
    ),
    "child_voice": "Sam said: 'I like maths but the hall is too loud.'",
    "child_voice_not_obtained_reason": "",
    "parent_views": "Mum wants a smaller class.",
    "decisions": [
        {
            "decision": "Ask for speech and language advice.",
            "reasons": "Sam struggles to follow spoken instructions in class.",
            "parent_request": "Speech and language therapy",
            "matches_request": True,
            "explanation": "",
        }
    ],
    "actions": [{"what": "Send advice request", "owner": "caseworker", "due": "2026-03-05"}],
}


def note(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


def result(data: dict[str, Any], criterion: str) -> dict[str, Any]:
    out = check_note(parse_note(data)).to_json()
    return next(item for item in out["criteria"] if item["id"] == criterion)


def passes(data: dict[str, Any], criterion: str) -> bool:
    item = result(data, criterion)
    assert item["applies"], f"{criterion} should apply"
    return bool(item["passed"])


def applies(data: dict[str, Any], criterion: str) -> bool:
    return bool(result(data, criterion)["applies"])


def test_a_good_note_meets_every_applicable_criterion() -> None:
    out = check_note(parse_note(GOOD)).to_json()
    assert [item["id"] for item in out["criteria"]] == list(CRITERIA_IDS)
    assert out["passed"] == out["applicable"] == 12
    assert set(out) == {"criteria", "passed", "applicable"}
    for item in out["criteria"]:
        assert set(item) == {"id", "applies", "passed", "message"}
        assert isinstance(item["passed"], bool)


def test_counts_are_those_of_applicable_criteria() -> None:
    data = note(purpose="", attendees=[{"name": "", "role": "parent"}], parent_views="")
    out = check_note(parse_note(data)).to_json()
    applicable = [item for item in out["criteria"] if item["applies"]]
    assert out["applicable"] == len(applicable)
    assert out["passed"] == sum(item["passed"] for item in applicable)
    failed = {item["id"] for item in applicable if not item["passed"]}
    assert failed == {"who_present", "purpose", "parent_views"}
    for item in applicable:
        assert bool(item["message"]) != item["passed"]


# --- when


def test_when_needs_both_times() -> None:
    assert passes(GOOD, "when")
    assert not passes(note(occurred_at=None), "when")
    assert not passes(note(recorded_at=""), "when")


def test_when_refuses_a_write_up_before_the_event() -> None:
    assert not passes(note(recorded_at="2026-03-02T09:59"), "when")
    assert passes(note(recorded_at="2026-03-02T10:00"), "when")


# --- recorded_promptly (2 working days, England and Wales bank holidays)


def test_recorded_within_two_working_days() -> None:
    # Monday 2 March 2026 -> Wednesday 4 March is the latest
    assert passes(note(recorded_at="2026-03-04T17:00"), "recorded_promptly")
    assert not passes(note(recorded_at="2026-03-05T09:00"), "recorded_promptly")


def test_weekends_do_not_count() -> None:
    # Friday 6 March 2026 -> Tuesday 10 March
    data = note(occurred_at="2026-03-06T14:00", recorded_at="2026-03-10T16:00")
    assert passes(data, "recorded_promptly")
    assert not passes(
        note(occurred_at="2026-03-06T14:00", recorded_at="2026-03-11T08:00"), "recorded_promptly"
    )


def test_bank_holidays_do_not_count() -> None:
    # Thursday 2 April 2026; Good Friday 3 April and Easter Monday 6 April are holidays,
    # so the two working days are Tuesday 7 and Wednesday 8 April.
    data = note(occurred_at="2026-04-02T11:00", recorded_at="2026-04-08T17:00")
    assert passes(data, "recorded_promptly")
    late = note(occurred_at="2026-04-02T11:00", recorded_at="2026-04-09T09:00")
    assert not passes(late, "recorded_promptly")
    assert "08/04/2026" in result(late, "recorded_promptly")["message"]


def test_christmas_and_boxing_day() -> None:
    # Wednesday 23 December 2026: 24th is a working day, 25th and 28th (Boxing Day
    # substitute) are bank holidays, so the second working day is Tuesday 29th.
    ok = note(occurred_at="2026-12-23T10:00", recorded_at="2026-12-29T10:00")
    assert passes(ok, "recorded_promptly")
    assert not passes(
        note(occurred_at="2026-12-23T10:00", recorded_at="2026-12-30T10:00"), "recorded_promptly"
    )


# --- who_present


def test_who_present_needs_everyone_named_with_a_role() -> None:
    assert passes(GOOD, "who_present")
    assert not passes(note(attendees=[]), "who_present")
    nameless = note(attendees=[{"name": "Ms A Example", "role": "parent"}, {"role": "senco"}])
    assert not passes(nameless, "who_present")
    assert "Person 2 (senco) has no name" in result(nameless, "who_present")["message"]
    assert not passes(note(attendees=[{"name": "Ms A Example"}]), "who_present")


def test_who_present_does_not_apply_to_email_or_letter() -> None:
    for kind in ("email", "letter"):
        assert not applies(note(kind=kind, attendees=[]), "who_present")
    for kind in ("visit", "phone_call", "meeting", "review_meeting", "panel", "other"):
        assert applies(note(kind=kind), "who_present")


# --- purpose


def test_purpose() -> None:
    assert passes(GOOD, "purpose")
    assert not passes(note(purpose="   "), "purpose")
    assert not passes(note(kind="email", purpose=None), "purpose")


# --- child_voice


def test_child_voice_or_the_reason_it_could_not_be_obtained() -> None:
    assert passes(GOOD, "child_voice")
    assert not passes(note(child_voice=""), "child_voice")
    reason = "Sam was in hospital; I will visit him at school next week."
    assert passes(note(child_voice="", child_voice_not_obtained_reason=reason), "child_voice")


def test_child_voice_applies_to_visits_and_meetings_only() -> None:
    for kind in ("visit", "meeting", "review_meeting"):
        assert applies(note(kind=kind), "child_voice")
    for kind in ("phone_call", "panel", "email", "letter", "other"):
        assert not applies(note(kind=kind, child_voice=""), "child_voice")


# --- parent_views


def test_parent_views_when_a_parent_or_carer_is_there() -> None:
    assert passes(GOOD, "parent_views")
    assert not passes(note(parent_views=""), "parent_views")
    carer = note(
        kind="phone_call", attendees=[{"name": "Mr F Carer", "role": "carer"}], parent_views=""
    )
    assert not passes(carer, "parent_views")


def test_parent_views_does_not_apply_without_a_parent_or_carer() -> None:
    school_only = note(attendees=[{"name": "Mr B Example", "role": "senco"}], parent_views="")
    assert not applies(school_only, "parent_views")
    assert not applies(note(kind="panel", parent_views=""), "parent_views")
    assert not applies(note(kind="email", parent_views=""), "parent_views")


# --- decision_reasons


def test_every_decision_needs_reasons_of_a_few_words() -> None:
    assert passes(GOOD, "decision_reasons")
    two = note(
        decisions=[
            {"decision": "Assess", "reasons": "The evidence shows needs the school cannot meet."},
            {"decision": "No OT", "reasons": "Declined."},
        ]
    )
    assert not passes(two, "decision_reasons")
    assert "No OT" in result(two, "decision_reasons")["message"]
    assert not passes(
        note(decisions=[{"decision": "Assess", "reasons": "..."}]), "decision_reasons"
    )
    assert not applies(note(decisions=[]), "decision_reasons")


# --- disparity_explained


def test_a_decision_unlike_the_request_needs_an_explanation() -> None:
    differs = {
        "decision": "Offer a place at Oak Primary.",
        "reasons": "Oak Primary can meet Sam's needs.",
        "parent_request": "Place at Hill Special School",
        "matches_request": False,
        "explanation": "",
    }
    assert not passes(note(decisions=[differs]), "disparity_explained")
    explained = dict(differs, explanation="Hill has no place in Year 3; Oak has a base.")
    assert passes(note(decisions=[explained]), "disparity_explained")
    assert passes(GOOD, "disparity_explained")
    assert not applies(note(decisions=[]), "disparity_explained")


# --- actions_owned


def test_every_action_needs_an_owner_and_a_due_date() -> None:
    assert passes(GOOD, "actions_owned")
    assert not passes(note(actions=[{"what": "Call school", "due": "2026-03-06"}]), "actions_owned")
    no_date = note(actions=[{"what": "Call school", "owner": "caseworker"}])
    assert not passes(no_date, "actions_owned")
    assert "no due date" in result(no_date, "actions_owned")["message"]
    assert not applies(note(actions=[]), "actions_owned")


# --- professionals_only_reason


def test_a_meeting_without_the_family_says_why() -> None:
    professionals = [
        {"name": "Mr B Example", "role": "senco"},
        {"name": "Dr E Example", "role": "educational_psychologist"},
    ]
    data = note(kind="meeting", attendees=professionals)
    assert not passes(data, "professionals_only_reason")
    data["reason_no_family"] = "Planning meeting; minutes sent to Mum on 03/03/2026."
    assert passes(data, "professionals_only_reason")
    assert passes(note(kind="meeting"), "professionals_only_reason")
    young = note(kind="panel", attendees=[{"name": "Jo Example", "role": "young_person"}])
    assert passes(young, "professionals_only_reason")
    for kind in ("visit", "phone_call", "email", "letter", "other"):
        assert not applies(note(kind=kind, attendees=professionals), "professionals_only_reason")


# --- interpreter_independent


def test_an_interpreter_must_not_be_family() -> None:
    assert passes(GOOD, "interpreter_independent")
    for relationship in ("family", "aunt", "child's uncle", "Mum's sister", "family friend"):
        family = note(
            attendees=[
                {"name": "Ms A Example", "role": "parent"},
                {"name": "D Example", "role": "interpreter", "relationship": relationship},
            ]
        )
        assert not passes(family, "interpreter_independent"), relationship
    independent = note(
        attendees=[
            {
                "name": "D Example",
                "role": "interpreter",
                "relationship": "independent of the family",
            }
        ]
    )
    assert passes(independent, "interpreter_independent")
    same_person = note(
        attendees=[
            {"name": "Ms A Example", "role": "parent"},
            {"name": "Ms A Example", "role": "interpreter"},
        ]
    )
    assert not passes(same_person, "interpreter_independent")
    assert not applies(
        note(attendees=[{"name": "Ms A Example", "role": "parent"}]), "interpreter_independent"
    )


# --- acronyms_explained


@pytest.mark.parametrize(
    "body",
    [
        "The educational psychologist (EP) will visit. The EP will call Mum.",
        "The EP (educational psychologist) will visit. The EP will call Mum.",
        "Sam's Education, Health and Care Plan (EHCP) names Oak Primary.",
        "We rang the Team Around the Family (TAF) coordinator.",
        "The GP wrote to the NHS trust in the UK.",
        "No acronyms at all here.",
        "Mr McDonald met Sam at LS1 4AP.",
    ],
)
def test_acronyms_spelled_out_at_first_use_pass(body: str) -> None:
    assert passes(note(body=body), "acronyms_explained")


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("The EP will visit and the SENCO agreed.", "EP"),
        ("The EP will visit. Later the educational psychologist (EP) called.", "EP"),
        ("Two EPs came.", "EPs"),
        ("The SENCO (the school) agreed.", "SENCO"),
        ("We will ask CAMHS.", "CAMHS"),
        ("We rang the TAF coordinator.", "TAF"),
    ],
)
def test_acronyms_not_spelled_out_fail(body: str, named: str) -> None:
    item = result(note(body=body), "acronyms_explained")
    assert item["applies"] and not item["passed"]
    assert named in item["message"]


def test_a_known_acronym_says_what_it_stands_for() -> None:
    item = result(note(body="The SENCO called."), "acronyms_explained")
    assert "special educational needs co-ordinator" in item["message"]


# --- plain_language


PLAIN = (
    "I met Sam and his mum at home. Sam showed me his reading book. He reads well but "
    "finds writing hard. Mum said he gets tired after lunch. We talked about what helps "
    "him in class. He likes to sit near the front and have breaks."
)
DENSE = (
    "Notwithstanding the aforementioned considerations, the authority has determined, "
    "pursuant to its obligations and in accordance with the applicable guidance, that "
    "the arrangements specified are commensurate with the assessed requirements. "
    "Consequently, additional psychological involvement is considered unnecessary at "
    "this particular juncture, subject to subsequent reconsideration."
)
LONG_SENTENCE = (
    "Sam came in and sat down and said hello and then he told me about his day and his "
    "friends and his dog and his mum and the bus and the rain and the lunch and the hall "
    "and the noise and the games and the park."
)


def test_plain_language_passes_short_plain_sentences() -> None:
    assert passes(note(body=PLAIN), "plain_language")


def test_plain_language_fails_dense_text() -> None:
    item = result(note(body=DENSE), "plain_language")
    assert item["applies"] and not item["passed"]
    assert "Reading ease" in item["message"]


def test_plain_language_fails_a_sentence_over_forty_words() -> None:
    item = result(note(body=LONG_SENTENCE), "plain_language")
    assert item["applies"] and not item["passed"]
    assert "This sentence has 4" in item["message"]


def test_plain_language_needs_thirty_words_to_judge() -> None:
    short = "Notwithstanding the aforementioned considerations, arrangements are commensurate."
    assert not applies(note(body=short), "plain_language")


# --- bad documents


@pytest.mark.parametrize(
    ("data", "item"),
    [
        (note(occurred_at="2026-02-30T10:00"), "occurred_at"),
        (note(recorded_at="02/03/2026"), "recorded_at"),
        (note(kind="visitt"), "kind"),
        (note(kind=None), "kind"),
        (note(attendees="Mum"), "attendees"),
        (note(attendees=["Mum"]), "attendees[0]"),
        (note(actions=[{"what": "x", "owner": "me", "due": "2026-04-31"}]), "actions[0].due"),
        (
            note(decisions=[{"decision": "x", "matches_request": "no"}]),
            "decisions[0].matches_request",
        ),
        (note(body=42.5), "body"),
    ],
)
def test_not_a_note_names_the_item(data: dict[str, Any], item: str) -> None:
    with pytest.raises(NoteFormatError) as raised:
        parse_note(data)
    assert raised.value.item == item


def test_unicode_of_every_kind_is_kept() -> None:
    body = "Mae Siôn yn hoffi’r ysgol. Zażółć gęślą jaźń. بچہ خوش ہے 😀"
    parsed = parse_note(note(body=body))
    assert parsed.body == body
    check_note(parsed)


def test_a_huge_paste_is_checked() -> None:
    body = (PLAIN + "\n\n") * 20_000  # about 5 MB
    item = result(note(body=body), "plain_language")
    assert item["applies"]


def test_roles_as_caseworkers_write_them() -> None:
    data = note(attendees=[{"name": "Ms A Example", "role": "Mum"}], parent_views="")
    assert not passes(data, "parent_views")  # Mum is a parent: her views are needed
    data = note(attendees=[{"name": "B Example", "role": "Foster carer"}], kind="meeting")
    assert passes(data, "professionals_only_reason")
    data = note(attendees=[{"name": "C", "role": "Translator", "relationship": "cousin"}])
    assert not passes(data, "interpreter_independent")
