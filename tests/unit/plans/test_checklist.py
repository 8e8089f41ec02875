"""The plan checklist file: loaded and checked, with a clear error naming the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.plans import CRITERIA_IDS, PlanChecklistError, load_plan_checklist
from send_desk.resources import resource_path

SHIPPED = resource_path("plans", "plan_checklist.toml").read_text(encoding="utf-8")


def test_the_shipped_checklist_has_every_criterion_of_the_standard_in_order() -> None:
    checklist = load_plan_checklist()
    assert [c.id for c in checklist.criteria] == list(CRITERIA_IDS)
    assert len(CRITERIA_IDS) == 16
    assert checklist.criterion("h_social_care_provided").section == "H"
    assert checklist.criterion("a_parent_views").applies == "child"
    assert checklist.thresholds.min_need_description_words == 10
    assert checklist.thresholds.pfa_from_year == 9
    # the standard's hedging list, all of it
    assert set(checklist.words["hedging"]) >= {
        "access to", "as required", "as needed", "as appropriate", "regular",
        "opportunities to", "may", "should", "could", "up to", "where possible",
        "if available", "support as necessary",
    }  # fmt: skip


def test_advice_spellings_name_the_standards_kinds() -> None:
    checklist = load_plan_checklist()
    assert checklist.advice_kind("EP") == "educational_psychology"
    assert checklist.advice_kind("Educational Psychologist") == "educational_psychology"
    assert checklist.advice_kind("educational-psychology") == "educational_psychology"
    assert checklist.advice_kind("Paediatrician") == "health"
    assert checklist.advice_kind("SENCO") == "school"
    assert checklist.advice_kind("Social worker") == "social_care"
    assert checklist.advice_kind("Music Therapist") == "music_therapist"  # kept as written


def _load(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plan_checklist.toml"
    path.write_text(text, encoding="utf-8")
    load_plan_checklist(path)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('id = "b_needs"', 'id = "b_need"', "criterion[2]: id 'b_need' is not one of"),
        ('id = "b_needs"\nsection = "B"', 'id = "b_needs"\nsection = "C"',
         "criterion[2] (b_needs): section is 'B'"),
        ('applies = "draft"', 'applies = "drafts"', "(i_draft_names_no_school): applies is one of"),
        ('id = "a_parent_views"', 'id = "a_child_voice"',
         "criterion[1]: a_child_voice is listed twice"),
        ("min_need_description_words = 10", "min_need_description_words = -1",
         "thresholds.min_need_description_words must be a whole number"),
        ("pfa_from_year = 9", "pfa_from_year = 9\nfrom_year = 9", "unknown threshold from_year"),
        ("[words]", "[words]\nfavourites = []", "unknown word list favourites"),
        ('every_words = ["every", "each", "per"]', "every_words = 3",
         "words.every_words must be a list"),
        ('camhs = ["camhs",', 'camhs = ["ep",', "advice.camhs: 'ep' is already a spelling of"),
        ('label = "Personal budget"', 'label = ""', "(j_personal_budget): needs label"),
        ("[thresholds]", "[thresholds", "not valid TOML"),
    ],
)  # fmt: skip
def test_a_broken_checklist_is_refused_naming_the_entry(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in SHIPPED
    with pytest.raises(PlanChecklistError) as caught:
        _load(tmp_path, SHIPPED.replace(old, new, 1))
    assert expected in str(caught.value)


def test_a_criterion_left_out_is_refused(tmp_path: Path) -> None:
    start = SHIPPED.index('[[criterion]]\nid = "f_serves_outcomes"')
    end = SHIPPED.index("[[criterion]]", start + 5)
    with pytest.raises(PlanChecklistError, match="no entry for f_serves_outcomes"):
        _load(tmp_path, SHIPPED[:start] + SHIPPED[end:])
