"""Plan audits: the weighted rule as data, suggestions from the checker, audits of issued
plan versions in the store, refusals, blind moderation, agreement and trends by subject.

Hand-worked figures use plan_audit.toml: weights A 2, B 2, E 2, F 3, G H I J K 1, the
whole plan 2; points outstanding 4, good 3, requires improvement 2, inadequate 1.
The good plan (a draft) has 15 applicable automatic criteria: A three (a_child_voice,
a_parent_views, plain_language) = 6, B 2, E two = 4, F four = 12, G H I J K 1 each = 5:
a weighted total of 29.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from send_desk.plans.checklist import CRITERIA_SECTIONS
from send_desk.services import audits, plan_audits
from send_desk.services.audit_rules import RubricError
from send_desk.services.audit_trends import audit_trends
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.plan_audit_rules import (
    PlanAutomatic,
    default_plan_rubric,
    load_plan_rubric,
    manual_score,
    plan_overall_grade,
    suggested_grades,
)
from send_desk.storage.journal import Actor
from tests.unit.supervision.builder import DEVICE, SupervisionStore
from tests.unit.supervision.conftest import G, I, O, R
from tests.unit.supervision.plan_audit_case import HEDGED_F2, PlanAudited, issue, plan_json

MANUAL = ("a_sounds_like_family", "b_needs_not_diagnoses", "e_outcomes_ambitious",
          "f_enforceable", "one_story")  # fmt: skip
APPLICABLE = [c for c in CRITERIA_SECTIONS if c != "i_final_names_placement"]


def grades(a: str, b: str, e: str, f: str, story: str) -> dict[str, str]:
    return dict(zip(MANUAL, (a, b, e, f, story), strict=True))


def auto(*failed: str) -> list[PlanAutomatic]:
    return [
        PlanAutomatic(cid, section, cid in APPLICABLE, cid not in failed)
        for cid, section in CRITERIA_SECTIONS.items()
    ]


@pytest.fixture
def plans(sup: SupervisionStore, monkeypatch: pytest.MonkeyPatch) -> PlanAudited:
    return PlanAudited(sup, monkeypatch)


# ------------------------------------------------------------------ the rule as data


def test_the_rubric_has_the_five_manual_criteria_with_f_weighing_most() -> None:
    rubric = default_plan_rubric()
    assert rubric.manual_ids == MANUAL
    sections = {c.id: (c.section, c.weight) for c in rubric.manual}
    assert sections == {"a_sounds_like_family": ("A", 2), "b_needs_not_diagnoses": ("B", 2),
                        "e_outcomes_ambitious": ("E", 2), "f_enforceable": ("F", 3),
                        "one_story": ("plan", 2)}  # fmt: skip


@pytest.mark.parametrize(
    ("manual", "automatic", "expected"),
    [
        (grades(O, O, O, O, O), auto(), O),
        # weighted score (8+8+8+9+6)/11 = 39/11 = 3.55: at least 3.5, none below good
        (grades(O, O, O, G, G), auto(), O),
        # (8+8+6+9+6)/11 = 37/11 = 3.36: under 3.5
        (grades(O, O, G, G, G), auto(), G),
        # one requires improvement outside F, balanced: (8+6+6+9+4)/11 = 33/11 = 3.0 -> good
        (grades(O, G, G, G, R), auto(), G),
        # the same grades with A at RI in place of the story: (4+6+6+9+6)/11 = 31/11 < 3.0
        (grades(R, G, G, G, G), auto(), R),
        # F below good is never good overall, whatever else (graded_min)
        (grades(O, O, O, R, O), auto(), R),
        # f_quantified must pass for good: every manual grade outstanding still gives RI
        (grades(O, O, O, O, O), auto("f_quantified"), R),
        # two F criteria failed: weighted (29-6)/29 = 0.79 < 0.8, though 13 of 15 = 0.87
        (grades(G, G, G, G, G), auto("f_every_need_provided", "f_serves_outcomes"), R),
        # two criteria weighing 1 failed: (29-2)/29 = 0.93: good
        (grades(G, G, G, G, G), auto("g_health_provided", "k_all_advice_listed"), G),
        # all inadequate: score 1 < 2
        (grades(I, I, I, I, I), auto(), I),
        # over half the weight failed: 3+3+3+3+2+1 = 15, (29-15)/29 = 0.48 < 0.5
        (grades(G, G, G, G, G), auto("f_every_need_provided", "f_specified", "f_quantified",
                                     "f_serves_outcomes", "b_needs", "g_health_provided"), I),
    ],
)  # fmt: skip
def test_the_overall_grade_follows_the_weighted_rule(
    manual: dict[str, str], automatic: list[PlanAutomatic], expected: str
) -> None:
    assert plan_overall_grade(default_plan_rubric(), automatic, manual) == expected


def test_the_weighted_manual_score_by_hand() -> None:
    rubric = default_plan_rubric()
    assert manual_score(rubric, grades(O, G, G, G, R)) == pytest.approx(33 / 11)
    assert manual_score(rubric, grades(O, O, O, G, G)) == pytest.approx(39 / 11)


@pytest.mark.parametrize(
    ("failed", "expected"),
    [
        ((), grades(G, G, G, G, G)),
        (("f_quantified",), grades(G, G, G, R, G)),
        (("f_specified", "f_quantified"), grades(G, G, G, I, G)),
        (("f_serves_outcomes",), grades(G, G, G, R, G)),
        (("a_child_voice",), grades(R, G, G, G, G)),
        (("e_outcomes_smart", "e_preparing_for_adulthood"), grades(G, G, I, G, G)),
        (("b_needs", "g_health_provided", "k_all_advice_listed"), grades(G, R, G, G, R)),
    ],
)
def test_the_suggested_grades_follow_the_checker(
    failed: tuple[str, ...], expected: dict[str, str]
) -> None:
    assert suggested_grades(default_plan_rubric(), auto(*failed)) == expected


def test_grades_unknown_or_missing_are_refused() -> None:
    rubric = default_plan_rubric()
    with pytest.raises(RubricError, match="unknown criteria: tone"):
        plan_overall_grade(rubric, auto(), {**grades(G, G, G, G, G), "tone": G})
    with pytest.raises(RubricError, match="not graded: one_story"):
        plan_overall_grade(rubric, auto(), dict(list(grades(G, G, G, G, G).items())[:4]))
    with pytest.raises(RubricError, match="not one of"):
        plan_overall_grade(rubric, auto(), grades(G, G, G, G, "excellent"))


BASE = (
    "version = 1\n[points]\noutstanding = 4\ngood = 3\nrequires_improvement = 2\n"
    "inadequate = 1\n[weights]\nA = 1\nB = 1\nE = 1\nF = 1\nG = 1\nH = 1\nI = 1\nJ = 1\n"
    "K = 1\n"
)
OVERALL = "".join(f'[[overall]]\ngrade = "{g}"\n' for g in (O, G, R, I))


@pytest.mark.parametrize(
    ("text_", "message"),
    [
        ("version = 0", "version"),
        (BASE.replace("K = 1\n", "") + '[[manual]]\nid="x"\nsection="A"\nlabel="X"\n' + OVERALL,
         "no weight for section K"),
        (BASE + '[[manual]]\nid="x"\nsection="Z"\nlabel="X"\n' + OVERALL, "section 'Z'"),
        (BASE + '[[manual]]\nid="f_specified"\nsection="F"\nlabel="X"\n' + OVERALL, "twice"),
        (BASE + '[[manual]]\nid="x"\nsection="F"\nlabel="X"\n[[manual.suggest]]\n'
         'any = ["f_vague"]\ngrade = "good"\n' + OVERALL, "criterion ids"),
        (BASE + '[[manual]]\nid="x"\nsection="F"\nlabel="X"\n[[manual.suggest]]\n'
         'grade = "good"\n' + OVERALL, "say when it holds"),
        (BASE + '[[manual]]\nid="x"\nsection="F"\nlabel="X"\n' + OVERALL.replace(
            'grade = "inadequate"', 'grade = "inadequate"\nmanual_score = 1'), "no conditions"),
        (BASE + '[[manual]]\nid="x"\nsection="F"\nlabel="X"\n' + OVERALL.replace(
            'grade = "good"', 'grade = "good"\ngraded_min = { y = "good" }'), "graded_min"),
        (BASE.replace("good = 3", "good = 5") + '[[manual]]\nid="x"\nsection="F"\nlabel="X"\n'
         + OVERALL, "worse grade"),
    ],
)  # fmt: skip
def test_the_plan_rubric_file_is_validated(tmp_path: Path, text_: str, message: str) -> None:
    path = tmp_path / "plan_audit.toml"
    path.write_text(text_)
    with pytest.raises(RubricError, match=message):
        load_plan_rubric(path)


# ------------------------------------------------------------------ audits in the store


def test_a_plan_whose_f_is_not_quantified_is_prefilled_and_graded_by_hand(
    sup: SupervisionStore, plans: PlanAudited
) -> None:
    issue(sup, content=plan_json("Ben", **HEDGED_F2))
    with sup.store.read() as session:
        form = plan_audits.plan_audit_form(session, sup.children["Ben"], viewer=sup.boss)
    failed = [a["id"] for a in form["automatic"] if a["applies"] and not a["passed"]]
    assert failed == ["f_quantified"]
    assert form["refused"] is None and form["version"] == 1 and form["kind"] == "draft"
    assert form["caseworker"] == "Pat White" and form["child_name"] == "Ben Test"
    suggested = {m["id"]: m["suggested"] for m in form["manual"]}
    assert suggested == grades(G, G, G, R, G)  # F: the toml's requires improvement
    # weighted pass rate (29 - 3)/29; suggested overall: good needs f_quantified -> RI
    assert form["automatic_rate"] == pytest.approx(26 / 29)
    assert form["suggested_overall"] == R
    # the auditor raises every grade to outstanding: still no better than RI
    saved = plans.audit("Ben", grades(O, O, O, O, O), comments="F2 says 'regular'.")
    assert saved["overall"] == R and saved["subject"] == "plan"
    assert saved["automatic_failed"] == ["f_quantified"]
    assert saved["version"] == 1 and saved["plan_kind"] == "draft"
    assert saved["caseworker"] == "Pat White" and saved["auditor"] == "Mo Grey"
    assert saved["rule_version"] == 1
    manual = {m["id"]: (m["section"], m["grade"]) for m in saved["manual"]}
    assert manual["f_enforceable"] == ("F", O)


def test_an_audit_of_a_later_version_and_no_plan(sup: SupervisionStore, plans: PlanAudited) -> None:
    with pytest.raises(NotFound, match="no issued plan"):
        plans.audit("Ben", grades(G, G, G, G, G))
    first = issue(sup)
    issue(sup, version=2, plan_id=first.plan_id, issued_on=date(2026, 3, 25),
          content=plan_json("Ben", **HEDGED_F2))  # fmt: skip
    with pytest.raises(NotFound, match="no version 3"):
        plans.audit("Ben", grades(G, G, G, G, G), version=3)
    one = plans.audit("Ben", grades(G, G, G, G, G), version=1)
    latest = plans.audit("Ben", grades(G, G, G, G, G))
    assert (one["version"], one["overall"]) == (1, G)
    assert (latest["version"], latest["overall"]) == (2, R)  # version 2 hedges F2
    assert one["plan_id"] == latest["plan_id"] == str(first.plan_id)


def test_the_author_and_the_allocated_caseworker_may_not_audit(
    sup: SupervisionStore, plans: PlanAudited
) -> None:
    issue(sup, author="kim")  # Kim wrote Ben's plan; Ben is allocated to Pat
    for who in ("kim", "pat"):
        with pytest.raises(Refused, match="plan you wrote or a plan of a child allocated"):
            plans.audit("Ben", grades(G, G, G, G, G), auditor=who)
        with sup.store.read() as session:
            form = plan_audits.plan_audit_form(session, sup.children["Ben"],
                                               viewer=sup.user(who))  # fmt: skip
        assert form["refused"] and "second pair of eyes" in form["refused"]
    assert plans.audit("Ben", grades(G, G, G, G, G), auditor="sam")["overall"] == G
    with sup.store.read() as session:
        assert len(plan_audits.list_plan_audits(session)) == 1


def test_bad_input_is_refused_and_nothing_is_saved(
    sup: SupervisionStore, plans: PlanAudited
) -> None:
    issue(sup)
    with pytest.raises(ValidationFailed, match="unknown criteria: tone"):
        plans.audit("Ben", {**grades(G, G, G, G, G), "tone": G})
    with pytest.raises(ValidationFailed, match="not one of"):
        plans.audit("Ben", grades(G, G, G, G, "excellent"))
    with pytest.raises(ValidationFailed, match="not graded"):
        plans.audit("Ben", {"f_enforceable": G})
    with pytest.raises(ValidationFailed, match="control"):
        plans.audit("Ben", grades(G, G, G, G, G), comments="F2\x07 is vague")
    with pytest.raises(ValidationFailed, match="due date"):
        plans.audit("Ben", grades(G, G, G, G, G), action="Quantify F2")
    with sup.store.read() as session:
        assert plan_audits.list_plan_audits(session) == []


def test_moderation_is_blind_by_a_second_auditor_and_agreement_is_worked_out(
    sup: SupervisionStore, plans: PlanAudited
) -> None:
    issue(sup)
    issue(sup, "Cal", author="sam")
    ben = plans.audit("Ben", grades(O, G, G, G, G))  # overall G (score 35/11 = 3.18)
    cal = plans.audit("Cal", grades(G, G, G, G, G), auditor="second")  # G
    # the form a moderator sees shows no other audit's grades
    with sup.store.read() as session:
        form = plan_audits.plan_audit_form(session, sup.children["Ben"], viewer=sup.second)
    assert "audits" not in form and all("grade" not in m for m in form["manual"])
    with sup.store.read() as session:
        waiting = audits.audits_to_moderate(session, subject="plan")
        assert {w["audit_id"] for w in waiting} == {ben["audit_id"], cal["audit_id"]}
        assert audits.audits_to_moderate(session) == []  # no note audit waits
    with pytest.raises(Refused, match="second auditor"):
        plans.audit("Ben", grades(G, G, G, G, G), moderates_id=uuid.UUID(ben["audit_id"]))
    with pytest.raises(NotFound, match="no plan audit"):
        plans.audit("Ben", grades(G, G, G, G, G), auditor="second",
                    moderates_id=uuid.UUID(int=5))  # fmt: skip
    with pytest.raises(Refused, match="same version"):
        plans.audit("Ben", grades(G, G, G, G, G), auditor="second",
                    moderates_id=uuid.UUID(cal["audit_id"]))  # fmt: skip
    # Ben: moderator gives A good (auditor: outstanding), the rest the same: overall G, G
    plans.audit("Ben", grades(G, G, G, G, G), auditor="second",
                moderates_id=uuid.UUID(ben["audit_id"]))  # fmt: skip
    # Cal: the moderator gives F requires improvement: overall R (auditor: G)
    plans.audit("Cal", grades(G, G, G, R, G), auditor="boss",
                moderates_id=uuid.UUID(cal["audit_id"]))  # fmt: skip
    with sup.store.read() as session:
        report = audits.moderation(session, subject="plan")
        notes_report = audits.moderation(session)
    # items: 10 criteria (8 agree) + 2 overall (1 agrees) = 9 of 12
    assert (report["pairs"], report["items"], report["agreed"]) == (2, 12, 9)
    assert report["overall_rate"] == 0.5 and report["criteria_rate"] == 0.8
    # kappa of the overall grades: po = 1/2; first G G, second G R: pe = (2x1)/4 = 1/2 -> 0
    assert report["kappa_overall"] == pytest.approx(0.0)
    assert {(d["criterion"], d["first"], d["second"]) for d in report["disagreements"]} == {
        ("a_sounds_like_family", O, G), ("f_enforceable", G, R), ("overall", G, R)}  # fmt: skip
    assert notes_report["pairs"] == 0  # plan moderations are not note moderations


def test_plan_audits_have_their_own_trends(sup: SupervisionStore, plans: PlanAudited,
                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    issue(sup)
    issue(sup, "Cal", author="sam", content=plan_json("Cal", **HEDGED_F2))
    plans.audit("Ben", grades(G, G, G, G, G))
    plans.audit("Cal", grades(G, G, G, G, G), when=datetime(2026, 4, 2, 10, tzinfo=UTC))
    # a note audit in March too
    monkeypatch.setattr("send_desk.storage.journal.utcnow",
                        lambda: datetime(2026, 3, 21, 10, tzinfo=UTC))  # fmt: skip
    with sup.store.write(Actor(sup.boss, DEVICE)) as session:
        note_audit = audits.record_audit(session, sup.notes["kim"][0], {
            "facts_opinion": G, "analysis": G, "respectful_language": G,
            "colleague_could_act": G})  # fmt: skip
    with sup.store.read() as session:
        for_plans = audit_trends(session, start="2026-03", end="2026-04", subject="plan")
        for_notes = audit_trends(session, start="2026-03", end="2026-04")
        listed_notes = audits.list_audits(session)
        listed_plans = plan_audits.list_plan_audits(session)
        with pytest.raises(ValidationFailed, match="not what an audit grades"):
            audit_trends(session, start="2026-03", end="2026-04", subject="letter")
    assert for_notes["service"]["total"] == 1  # the plan audits are not note audits
    assert [a["audit_id"] for a in listed_notes] == [note_audit["audit_id"]]
    assert len(listed_plans) == 2
    service = for_plans["service"]
    assert [m["total"] for m in service["by_month"]] == [1, 1]
    assert service["counts"] == {O: 0, G: 1, R: 1, I: 0}
    workers = {w["caseworker"]: w["total"] for w in for_plans["caseworkers"]}
    assert workers == {"Pat White": 1, "Sam Green": 1}
    criteria = {c["id"]: c for c in for_plans["criteria"]}
    assert (criteria["f_quantified"]["failed"], criteria["f_quantified"]["assessed"]) == (1, 2)
    assert criteria["f_quantified"]["kind"] == "automatic"
    assert criteria["f_enforceable"]["kind"] == "manual"
    assert for_plans["criterion_labels"]["one_story"] == (
        "The plan reads as one story about this child"
    )
    assert "facts_opinion" not in criteria


def test_plans_to_audit_by_month_and_team(sup: SupervisionStore, plans: PlanAudited) -> None:
    from send_desk.services.sampling import parse_period

    issue(sup)  # Pat (North), March
    issue(sup, "Cal", author="sam", issued_on=date(2026, 4, 2))  # Sam (South), April
    plans.audit("Ben", grades(G, G, G, G, G))
    with sup.store.write(Actor(sup.pat, DEVICE)) as session:
        march = plan_audits.plans_to_audit(session, period=parse_period("2026-03"))
        everything = plan_audits.plans_to_audit(session)
        south = plan_audits.plans_to_audit(session, team="South")
    assert [(r["child_name"], r["audited"], r["yours"]) for r in march] == [
        ("Ben Test", True, True)]  # fmt: skip
    assert [r["child_name"] for r in everything] == ["Cal Test", "Ben Test"]  # newest first
    assert [(r["child_name"], r["caseworker"], r["audited"]) for r in south] == [
        ("Cal Test", "Sam Green", False)]  # fmt: skip
