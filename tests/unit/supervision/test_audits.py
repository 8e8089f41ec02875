"""Audits: the grade rule as data, audits in the store, moderation agreement, replies."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from send_desk.services import audits
from send_desk.services.audit_rules import (
    AutomaticResult,
    RubricError,
    default_rubric,
    load_rubric,
    overall_grade,
)
from send_desk.services.audits import GradedPair, agreement, cohen_kappa
from send_desk.services.errors import Refused, ValidationFailed
from send_desk.storage.journal import Actor
from send_desk.storage.store import Store
from tests.unit.supervision.builder import DEVICE, SupervisionStore

IDS = (
    "when",
    "recorded_promptly",
    "who_present",
    "purpose",
    "child_voice",
    "parent_views",
    "decision_reasons",
    "disparity_explained",
    "actions_owned",
    "acronyms_explained",
)
MANUAL = ("facts_opinion", "analysis", "respectful_language", "colleague_could_act")


def auto(failed: tuple[str, ...] = (), na: tuple[str, ...] = ()) -> list[AutomaticResult]:
    return [AutomaticResult(i, i not in na, i not in failed) for i in IDS]


def grades(*values: str) -> dict[str, str]:
    return dict(zip(MANUAL, values, strict=True))


O, G, R, I = "outstanding", "good", "requires_improvement", "inadequate"  # noqa: E741


@pytest.mark.parametrize(
    ("manual", "automatic", "expected"),
    [
        (grades(O, O, O, O), auto(), O),
        (grades(O, O, G, G), auto(), O),  # half outstanding, none below good
        (grades(O, G, G, G), auto(), G),  # a quarter outstanding: not enough
        (grades(O, O, O, O), auto(failed=("purpose",)), G),  # 9 of 10: not all passed
        (grades(G, G, G, G), auto(failed=("purpose", "child_voice")), G),  # 8 of 10 = 0.8
        (grades(G, G, G, G), auto(failed=("purpose", "child_voice", "parent_views")), R),
        (grades(G, G, G, G), auto(failed=("who_present",)), R),  # must pass for good
        (grades(G, G, G, G), auto(failed=("who_present",), na=("who_present",)), G),  # n/a
        (grades(O, O, O, R), auto(), R),
        (grades(O, O, O, I), auto(), I),
        (grades(O, O, O, O), auto(failed=IDS[4:]), I),  # 4 of 10 passed: under a half
        (grades(G, G, G, G), auto(failed=IDS[5:]), R),  # 5 of 10 passed: a half is enough
    ],
)
def test_the_overall_grade_follows_the_rule(
    manual: dict[str, str], automatic: list[AutomaticResult], expected: str
) -> None:
    assert overall_grade(default_rubric(), automatic, manual) == expected


def test_a_criterion_not_graded_or_a_bad_grade_is_refused() -> None:
    with pytest.raises(RubricError, match="not graded"):
        overall_grade(default_rubric(), auto(), {"analysis": G})
    with pytest.raises(RubricError):
        overall_grade(default_rubric(), auto(), grades(G, G, G, "excellent"))


@pytest.mark.parametrize(
    ("text_", "message"),
    [
        ("version = 0", "version"),
        ('version = 1\n[[manual]]\nid = "a"\nlabel = "A"\n', "overall"),
        ('version = 1\n[[manual]]\nid = "when"\nlabel = "A"\n', "twice"),
        ('version = 1\n[[manual]]\nid = "a"\nlabel = "A"\n[[overall]]\ngrade = "great"\n',
         "not one of"),
        ('version = 1\n[[manual]]\nid = "a"\nlabel = "A"\n'
         + "".join(f'[[overall]]\ngrade = "{g}"\nmanual_min = "good"\n' for g in (O, G, R, I)),
         "no conditions"),
    ],
)  # fmt: skip
def test_the_rubric_file_is_validated(tmp_path: Path, text_: str, message: str) -> None:
    path = tmp_path / "audit.toml"
    path.write_text(text_)
    with pytest.raises(RubricError, match=message):
        load_rubric(path)


def test_hand_worked_agreement() -> None:
    # Four notes moderated. Overall: (G,G) (G,R) (O,O) (R,R): 3 of 4 agree.
    # Cohen's kappa of the overall grades: po = 3/4; first G2 O1 R1, second G1 O1 R2:
    # pe = (2x1 + 1x1 + 1x2)/16 = 5/16; kappa = (3/4 - 5/16)/(1 - 5/16) = 7/11.
    pairs = [
        GradedPair("n1", {"analysis": G, "facts_opinion": G}, {"analysis": G, "facts_opinion": R},
                   G, G),
        GradedPair("n2", {"analysis": G, "facts_opinion": G}, {"analysis": R, "facts_opinion": G},
                   G, R),
        GradedPair("n3", {"analysis": O, "facts_opinion": O}, {"analysis": O, "facts_opinion": O},
                   O, O),
        GradedPair("n4", {"analysis": R, "facts_opinion": R}, {"analysis": R, "facts_opinion": R},
                   R, R),
    ]  # fmt: skip
    result = agreement(pairs)
    # items: 8 criteria (6 agree) + 4 overall (3 agree) = 9 of 12
    assert result["items"] == 12 and result["agreed"] == 9 and result["rate"] == 0.75
    assert result["overall_rate"] == 0.75 and result["criteria_rate"] == 0.75
    assert result["kappa_overall"] == pytest.approx(7 / 11)
    # criteria: first G4 O2 R2, second G2 O2 R4 -> pe = (8 + 4 + 8)/64 = 20/64;
    # kappa = (6/8 - 20/64) / (1 - 20/64) = 28/44 = 7/11
    assert result["kappa_criteria"] == pytest.approx(7 / 11)
    assert result["disagreements"] == [
        {"note_id": "n1", "criterion": "facts_opinion", "first": G, "second": R},
        {"note_id": "n2", "criterion": "analysis", "first": G, "second": R},
        {"note_id": "n2", "criterion": "overall", "first": G, "second": R},
    ]
    assert cohen_kappa([]) is None and cohen_kappa([(G, G), (G, G)]) is None
    assert cohen_kappa([(G, R), (R, G)]) == pytest.approx(-1.0)


@pytest.fixture
def sup(store: Store) -> SupervisionStore:
    return SupervisionStore(store)


def as_user(sup: SupervisionStore, who: str) -> Actor:
    return Actor(sup.user(who), DEVICE)


def test_the_form_is_prefilled_from_the_stored_version(sup: SupervisionStore) -> None:
    note_id = sup.notes["pat"][5]  # a phone call about Ann
    with sup.store.read() as session:
        form = audits.audit_form(session, note_id)
    assert form["caseworker"] == "Pat White" and form["kind"] == "phone_call"
    by_id = {a["id"]: a for a in form["automatic"]}
    assert by_id["child_voice"]["applies"] is False  # not for a phone call
    assert by_id["purpose"]["passed"] is True
    assert [m["id"] for m in form["manual"]] == list(MANUAL)
    assert "grade" not in str(form["automatic"])  # no audit grades on the form


def test_audits_are_kept_moderated_blind_and_acknowledged(sup: SupervisionStore) -> None:
    note_id = sup.notes["pat"][0]
    with sup.store.write(as_user(sup, "boss")) as session:
        first = audits.record_audit(session, note_id, grades(O, O, G, G), comments="Clear.",
                                    action="Say why the school was not there",
                                    action_due=date(2026, 11, 30))  # fmt: skip
    assert first["overall"] in (O, G) and first["caseworker"] == "Pat White"
    assert first["auditor"] == "Mo Grey" and first["role"] == "audit"
    # a second supervisor audits the same note: both kept
    with sup.store.write(as_user(sup, "second")) as session:
        audits.record_audit(session, note_id, grades(G, G, G, G))
        assert len(audits.list_audits(session, note_id=note_id)) == 2
        # the moderation list does not show grades (blind)
        to_moderate = audits.audits_to_moderate(session)
        assert {a["audit_id"] for a in to_moderate} >= {first["audit_id"]}
        assert all("overall" not in a for a in to_moderate)
        second = audits.record_audit(session, note_id, grades(G, O, G, R),
                                     moderates_id=uuid.UUID(first["audit_id"]))  # fmt: skip
    assert second["role"] == "moderation"
    with sup.store.write(as_user(sup, "boss")) as session, pytest.raises(Refused):
        audits.record_audit(session, note_id, grades(G, G, G, G),
                            moderates_id=uuid.UUID(first["audit_id"]))  # fmt: skip
    # a moderation is of an audit: moderating the moderation would pair two second opinions
    with (
        sup.store.write(as_user(sup, "boss")) as session,
        pytest.raises(Refused, match="not another moderation"),
    ):
        audits.record_audit(session, note_id, grades(G, G, G, G),
                            moderates_id=uuid.UUID(second["audit_id"]))  # fmt: skip
    with sup.store.read() as session:
        report = audits.moderation(session)
    assert report["pairs"] == 1 and report["items"] == 5
    # O/G, O/O, G/G, G/R and the overall grades
    agreed_criteria = 2
    assert report["agreed"] == agreed_criteria + (first["overall"] == second["overall"])
    assert {d["criterion"] for d in report["disagreements"]} >= {
        "facts_opinion",
        "colleague_could_act",
    }

    # the caseworker sees the audit and its action on My day, and acknowledges it
    today = date(2026, 11, 22)
    with sup.store.read() as session:
        mine = audits.list_audits(session, caseworker_id=sup.pat, role="audit")
        due = audits.audit_actions_due(session, until=date(2026, 12, 31), today=today,
                                       caseworker_id=sup.pat)  # fmt: skip
    assert len(mine) == 2 and not any(a["acknowledged"] for a in mine)
    assert [d["what"] for d in due] == ["Say why the school was not there"]
    assert due[0]["days_left"] == 8
    audit_id = uuid.UUID(first["audit_id"])
    with sup.store.write(as_user(sup, "pat")) as session:
        acked = audits.respond(session, audit_id, comment="Thanks, will do.")
        audits.respond(session, audit_id, comment="again")  # no second record
        audits.respond(session, audit_id, kind="action_done")
    assert acked["acknowledged"] and acked["acknowledgement"] == "Thanks, will do."
    with sup.store.read() as session:
        assert audits.audit_actions_due(session, until=date(2026, 12, 31), today=today) == []
        count = session.execute(text("SELECT count(*) FROM audit_response")).scalar()
    assert count == 2
    # append-only: the database refuses a change
    with pytest.raises(DatabaseError), sup.store.write() as session:
        session.execute(text("UPDATE note_audit SET overall = 'inadequate'"))


def test_bad_audits_are_refused(sup: SupervisionStore) -> None:
    note_id = sup.notes["pat"][0]
    with sup.store.write(as_user(sup, "boss")) as session:
        with pytest.raises(ValidationFailed, match="not graded"):
            audits.record_audit(session, note_id, {"analysis": G})
        with pytest.raises(ValidationFailed, match="due date"):
            audits.record_audit(session, note_id, grades(G, G, G, G), action="Do it")
        with pytest.raises(ValidationFailed, match="unknown"):
            audits.record_audit(session, note_id, {**grades(G, G, G, G), "tone": G})
