"""Sections A to E of the plan checker, each criterion on hand-written good and bad plans.

Each case states what was worked out by hand: (applies, passed, items).
"""

from __future__ import annotations

from typing import Any

from send_desk.plans import parse_plan
from tests.unit.plans.plan_data import check, good, standard_example, verdict


def test_the_good_plan_meets_every_applicable_criterion() -> None:
    result = check(good()).to_json()
    assert list(result) == ["criteria", "passed", "applicable"]
    assert (result["passed"], result["applicable"]) == (15, 15)
    not_applicable = [c["id"] for c in result["criteria"] if not c["applies"]]
    assert not_applicable == ["i_final_names_placement"]
    assert all(c["message"] == "" and c["items"] == [] for c in result["criteria"])


def test_output_of_one_criterion_has_the_contracts_keys() -> None:
    data = good()
    data["sections"]["F"][1]["frequency"] = "regular"
    found = check(data).to_json()["criteria"]
    quantified = next(c for c in found if c["id"] == "f_quantified")
    assert list(quantified) == ["id", "applies", "passed", "section", "items", "message"]
    assert (quantified["section"], quantified["items"]) == ("F", ["f2"])
    assert [c["id"] for c in found] == [
        "a_child_voice", "a_parent_views", "b_needs", "e_outcomes_smart",
        "e_preparing_for_adulthood", "f_every_need_provided", "f_specified", "f_quantified",
        "f_serves_outcomes", "g_health_provided", "h_social_care_provided",
        "i_draft_names_no_school", "i_final_names_placement", "j_personal_budget",
        "k_all_advice_listed", "plain_language",
    ]  # fmt: skip
    assert [c["section"] for c in found] == list("AABEEFFFFGHIIJKA")


def test_the_standards_example_by_hand() -> None:
    """Sam is in Year 10 and no outcome is marked pfa: only preparing for adulthood
    fails. D is empty, it is a draft and no budget was asked for: H, the final-plan
    placement and J do not apply. Everything else is met ("GCSEs" is on the plain-words
    list; b1's description is exactly 10 words)."""
    result = check(standard_example())
    assert [c.id for c in result.failed] == ["e_preparing_for_adulthood"]
    assert [c.id for c in result.criteria if not c.applies] == [
        "h_social_care_provided",
        "i_final_names_placement",
        "j_personal_budget",
    ]
    assert (result.passed, result.applicable) == (12, 13)


# --- A ---------------------------------------------------------------------------------


def test_a_child_voice() -> None:
    data = good()
    data["sections"]["A"]["child_views"] = "  "
    assert verdict(data, "a_child_voice") == (True, False, [])
    data["sections"]["A"]["child_views_not_obtained_reason"] = (
        "Sam was in hospital for the whole assessment; his views are from his school report."
    )
    assert verdict(data, "a_child_voice") == (True, True, [])
    assert check(good()).criterion("a_child_voice").message == ""


def test_a_child_voice_message() -> None:
    data = good()
    del data["sections"]["A"]["child_views"]
    message = check(data).criterion("a_child_voice").message
    assert message.startswith("Give the child's or young person's views in their own words")


def test_a_parent_views_applies_to_a_child_not_a_young_person() -> None:
    data = good()
    data["sections"]["A"]["parent_views"] = ""
    assert verdict(data, "a_parent_views") == (True, False, [])
    data["child"]["young_person"] = True
    assert verdict(data, "a_parent_views") == (False, True, [])


# --- B ---------------------------------------------------------------------------------


def test_b_needs_good_with_lower_case_area_and_exactly_ten_words() -> None:
    data = good()
    data["sections"]["B"][1]["area"] = "slcn"
    # exactly 10 words
    data["sections"]["B"][1]["description"] = "Sam takes what people say word for word every time."
    assert verdict(data, "b_needs") == (True, True, [])


def test_b_needs_an_area_that_is_not_sen2() -> None:
    data = good()
    data["sections"]["B"][1]["area"] = "DYSLEXIA"
    assert verdict(data, "b_needs") == (True, False, ["b2"])
    assert "b2: 'DYSLEXIA' is not a SEN2 area" in check(data).criterion("b_needs").message


def test_b_needs_a_short_description() -> None:
    data = good()
    data["sections"]["B"][0]["description"] = "Sam finds changes to his routine very hard."  # 8
    assert verdict(data, "b_needs") == (True, False, ["b1"])
    assert "b1: describe the need in at least 10 words (8 now)" in (
        check(data).criterion("b_needs").message
    )


def test_b_needs_exactly_one_primary() -> None:
    data = good()
    data["sections"]["B"][0]["primary"] = False
    assert verdict(data, "b_needs") == (True, False, ["b1", "b2"])
    data["sections"]["B"][0]["primary"] = True
    data["sections"]["B"][1]["primary"] = True
    assert verdict(data, "b_needs") == (True, False, ["b1", "b2"])
    assert "b1, b2 are all marked primary" in check(data).criterion("b_needs").message


def test_b_needs_no_needs_at_all() -> None:
    assert verdict({"status": "draft", "sections": {"B": []}}, "b_needs") == (True, False, [])


# --- E ---------------------------------------------------------------------------------


def test_e_outcomes_smart_an_outcome_dated_before_the_plan_is_named() -> None:
    data = good()
    data["sections"]["E"][1]["by"] = "2026-11-30"
    assert verdict(data, "e_outcomes_smart") == (True, False, ["e2"])
    message = check(data).criterion("e_outcomes_smart").message
    assert "e2: its date 2026-11-30 is not after the plan's date 2026-12-01" in message


def test_e_outcomes_smart_the_plans_own_date_is_not_after_it() -> None:
    data = good()
    data["sections"]["E"][0]["by"] = "2026-12-01"
    assert verdict(data, "e_outcomes_smart") == (True, False, ["e1"])
    data["sections"]["E"][0]["by"] = "2026-12-02"
    assert verdict(data, "e_outcomes_smart") == (True, True, [])


def test_e_outcomes_smart_no_date() -> None:
    data = good()
    data["sections"]["E"][2]["by"] = None
    assert verdict(data, "e_outcomes_smart") == (True, False, ["e3"])


def test_e_outcomes_smart_a_statement_nobody_can_measure() -> None:
    data = good()
    data["sections"]["E"][1]["outcome"] = "Sam will feel happier and more confident at school."
    data["sections"]["E"][2]["outcome"] = "Sam will develop a better understanding of money."
    assert verdict(data, "e_outcomes_smart") == (True, False, ["e2", "e3"])
    assert "e2: make it measurable" in check(data).criterion("e_outcomes_smart").message


def test_e_outcomes_smart_a_year_group_is_not_a_measure() -> None:
    data = good()
    data["sections"]["E"][0]["outcome"] = "By the end of Year 10 Sam will feel more confident."
    assert verdict(data, "e_outcomes_smart") == (True, False, ["e1"])


def test_e_outcomes_smart_a_number_a_frequency_or_an_action_is_measurable() -> None:
    data = good()
    outcomes = data["sections"]["E"]
    outcomes[0]["outcome"] = "Sam will be on time for school on 9 days out of 10."  # number
    outcomes[1]["outcome"] = "Sam will be calm at lunchtime every day."  # frequency
    outcomes[2]["outcome"] = "Sam will dress himself for PE."  # action ("PE" is not judged)
    assert verdict(data, "e_outcomes_smart") == (True, True, [])


def test_e_outcomes_smart_without_outcomes() -> None:
    data: dict[str, Any] = {"status": "draft", "date": "2026-12-01", "sections": {"E": []}}
    assert verdict(data, "e_outcomes_smart") == (True, False, [])


def test_e_preparing_for_adulthood_from_year_9() -> None:
    data = good()
    data["sections"]["E"][2]["pfa"] = False
    assert verdict(data, "e_preparing_for_adulthood") == (True, False, [])
    data["child"]["year_group"] = 9
    assert verdict(data, "e_preparing_for_adulthood") == (True, False, [])
    data["child"]["year_group"] = 8
    assert verdict(data, "e_preparing_for_adulthood") == (False, True, [])
    data["child"]["year_group"] = None
    data["child"]["young_person"] = True  # over compulsory school age
    assert verdict(data, "e_preparing_for_adulthood") == (True, False, [])
    data["sections"]["E"][2]["pfa"] = True
    assert verdict(data, "e_preparing_for_adulthood") == (True, True, [])


def test_a_plan_with_nothing_but_its_status_fails_what_it_must() -> None:
    result = check_empty()
    assert [c.id for c in result.failed] == [
        "a_child_voice",
        "a_parent_views",
        "b_needs",
        "e_outcomes_smart",
    ]
    assert (result.passed, result.applicable) == (7, 11)


def check_empty() -> Any:
    from send_desk.plans import check_plan

    return check_plan(parse_plan({"status": "draft"}))
