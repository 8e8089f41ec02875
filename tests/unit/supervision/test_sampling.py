"""Samples of case notes: reproducible, stratified by kind, weighted toward risk."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from datetime import UTC, datetime

import pytest

from send_desk.domain.supervision import NoteAudit
from send_desk.services import sampling
from send_desk.services.errors import NotFound, ValidationFailed
from send_desk.services.sampling import Candidate, SampleRequest, draw_sample, stratified_draw
from send_desk.storage.store import Store
from tests.unit.supervision.builder import SupervisionStore, note

AS_OF = datetime(2030, 1, 1, tzinfo=UTC)  # after the notes are saved (the real clock)


@pytest.fixture
def sup(store: Store) -> SupervisionStore:
    return SupervisionStore(store)


def draw(sup: SupervisionStore, **kw: object) -> sampling.Sample:
    request = SampleRequest(**{"period": "2026-03", "seed": 1, "as_of": AS_OF, **kw})  # type: ignore[arg-type]
    with sup.store.read() as session:
        return draw_sample(session, request)


def kinds_of(sample: sampling.Sample, worker: uuid.UUID) -> Counter[str]:
    return Counter(i["kind"] for i in sample.items if i["caseworker_id"] == str(worker))


def test_the_same_seed_gives_the_same_sample(sup: SupervisionStore) -> None:
    first = draw(sup, seed=42)
    again = draw(sup, seed=42)
    assert [i["note_id"] for i in first.items] == [i["note_id"] for i in again.items]
    assert first.to_json() == again.to_json()
    others = {tuple(i["note_id"] for i in draw(sup, seed=s).items) for s in range(12)}
    assert len(others) > 1  # the seed matters


def test_strata_one_kind_at_a_time_largest_first(sup: SupervisionStore) -> None:
    # Pat: 5 visits, 2 phone calls, 1 email
    assert kinds_of(draw(sup, per_caseworker=1), sup.pat) == {"visit": 1}
    assert kinds_of(draw(sup, per_caseworker=2), sup.pat) == {"visit": 1, "phone_call": 1}
    three = draw(sup, per_caseworker=3)
    assert kinds_of(three, sup.pat) == {"visit": 1, "phone_call": 1, "email": 1}
    five = draw(sup, per_caseworker=5)
    assert kinds_of(five, sup.pat) == {"visit": 2, "phone_call": 2, "email": 1}
    six = draw(sup, per_caseworker=6)
    assert kinds_of(six, sup.pat) == {"visit": 3, "phone_call": 2, "email": 1}
    for sample in (three, five, six):
        picked = [uuid.UUID(i["note_id"]) for i in sample.items]
        assert len(set(picked)) == len(picked)
        assert set(picked) <= set(sup.notes["pat"] + sup.notes["kim"] + sup.notes["sam"])


def test_items_say_who_what_and_why(sup: SupervisionStore) -> None:
    sample = draw(sup, team="North", per_caseworker=3)
    email = next(i for i in sample.items if i["kind"] == "email")
    assert email["caseworker"] == "Pat White"
    assert email["why"].startswith("one of 1 email note by Pat White in 2026-03")
    assert {i["caseworker"] for i in sample.items} == {"Pat White", "Kim Blue"}
    # Kim has only two notes: a shortfall, and the best sample (both of them)
    (short,) = sample.shortfall
    assert short["caseworker"] == "Kim Blue" and short["requested"] == 3 and short["drawn"] == 2
    assert kinds_of(sample, sup.kim) == {"visit": 2}
    # Mo Grey (a supervisor of North who wrote no notes) is not in the scope
    workers = {c["caseworker"]: c for c in sample.caseworkers}
    assert set(workers) == {"Pat White", "Kim Blue"}
    assert workers["Pat White"]["drawn"] == 3 and workers["Pat White"]["notes_in_period"] == 8


def test_more_than_exist_gives_all_and_a_shortfall(sup: SupervisionStore) -> None:
    sample = draw(sup, caseworkers=["pwhite"], per_caseworker=20)
    assert sorted(uuid.UUID(i["note_id"]) for i in sample.items) == sorted(sup.notes["pat"])
    assert sample.shortfall[0]["drawn"] == 8 and sample.shortfall[0]["requested"] == 20


def test_a_team_of_one_caseworker_and_an_empty_period(sup: SupervisionStore) -> None:
    south = draw(sup, team="south")
    assert [i["caseworker"] for i in south.items] == ["Sam Green"]
    assert any("one caseworker" in m for m in south.messages)
    empty = draw(sup, period="2025-01")
    assert empty.items == [] and any("no case notes" in m for m in empty.messages)


def test_bad_input(sup: SupervisionStore) -> None:
    for bad in ("2026-13", "March", "2026-3", ""):
        with pytest.raises(ValidationFailed):
            draw(sup, period=bad)
    with pytest.raises(ValidationFailed):
        draw(sup, per_caseworker=0)
    with pytest.raises(NotFound):
        draw(sup, team="East")


def test_notes_already_audited_are_not_drawn_again(sup: SupervisionStore) -> None:
    audited = sup.notes["kim"][0]
    with sup.store.write() as session:
        made = datetime(2030, 6, 1, tzinfo=UTC)
        session.add(NoteAudit(note_id=audited, version_id=audited, child_id=sup.children["Ben"],
                              overall="good", created_at=made))  # fmt: skip
    later = datetime(2031, 1, 1, tzinfo=UTC)
    sample = draw(sup, caseworkers=["kblue"], as_of=later)
    assert [uuid.UUID(i["note_id"]) for i in sample.items] == [sup.notes["kim"][1]]
    assert sample.caseworkers[0]["already_audited"] == 1
    assert "1 already audited" in sample.shortfall[0]["reason"]
    everything = draw(sup, caseworkers=["kblue"], as_of=later, include_audited=True)
    assert len(everything.items) == 2
    # a draw as of before the audit still sees the note as not audited
    assert len(draw(sup, caseworkers=["kblue"], as_of=AS_OF).items) == 2


def test_risk_flags_at_the_end_of_the_period(sup: SupervisionStore) -> None:
    with sup.store.read() as session:
        ids = sup.children.values()
        flags = sampling.risk_flags(session, ids, sampling.parse_period("2026-03"))
        before = sampling.risk_flags(session, ids, sampling.parse_period("2026-01"))
    c = sup.children
    assert flags == {c["Ann"]: ("looked_after",), c["Ben"]: (), c["Cal"]: ("complaint",),
                     c["Dee"]: ("overdue",)}  # fmt: skip
    assert before[c["Cal"]] == () and before[c["Dee"]] == ()  # not yet received / due


def test_new_starters_get_more_notes_when_weighted(sup: SupervisionStore) -> None:
    plain = draw(sup, team="North", per_caseworker=1)
    weighted = draw(sup, team="North", per_caseworker=1, weighted=True)
    workers = {c["caseworker"]: c for c in weighted.caseworkers}
    assert workers["Kim Blue"]["new_starter"] and workers["Kim Blue"]["requested"] == 2
    assert workers["Pat White"]["requested"] == 1
    assert len(kinds_of(plain, sup.kim)) == 1 and kinds_of(weighted, sup.kim) == {"visit": 2}
    assert "new starter" in next(i["why"] for i in weighted.items if i["caseworker"] == "Kim Blue")


def _candidates(risks: list[tuple[str, ...]]) -> list[Candidate]:
    when = datetime(2026, 3, 2, 10)
    return [
        Candidate(uuid.UUID(int=n + 1), uuid.UUID(int=n + 1), uuid.UUID(int=99), None,
                  "phone_call", when, r)
        for n, r in enumerate(risks)
    ]  # fmt: skip


def test_risk_weights_as_stated() -> None:
    # weight 1 + 2 x flags: a looked-after child's note (3) against a plain one (1): 3/4
    pool = _candidates([("looked_after",), ()])
    assert [c.weight for c in pool] == [3, 1]
    trials = 4000
    risky = sum(
        stratified_draw(random.Random(seed), pool, 1, True)[0].note_id == pool[0].note_id
        for seed in range(trials)
    )
    assert 0.72 < risky / trials < 0.78
    plain = sum(
        stratified_draw(random.Random(seed), pool, 1, False)[0].note_id == pool[0].note_id
        for seed in range(trials)
    )
    assert 0.47 < plain / trials < 0.53
    # two flags: 5 against 1 -> 5/6
    pool = _candidates([("looked_after", "complaint"), ()])
    risky = sum(
        stratified_draw(random.Random(seed), pool, 1, True)[0].note_id == pool[0].note_id
        for seed in range(trials)
    )
    assert 0.80 < risky / trials < 0.86


def test_weighted_draw_over_the_store_names_the_risk(sup: SupervisionStore) -> None:
    sample = draw(sup, caseworkers=["pwhite"], per_caseworker=8, weighted=True)
    ann = next(i for i in sample.items if i["child_id"] == str(sup.children["Ann"]))
    assert ann["risks"] == ["looked_after"] and "looked-after child" in ann["why"]


def test_a_saved_sample_is_drawn_again_the_same_later(sup: SupervisionStore) -> None:
    with sup.store.write() as session:
        sample = draw_sample(session, SampleRequest(period="2026-03", seed=9))
        sample_id = sampling.save_sample(session, sample)
    # later: a new note in March and an audit of a drawn note
    sup.add("pat", "Ben", note("email", 20))
    drawn = uuid.UUID(sample.items[0]["note_id"])
    with sup.store.write() as session:
        session.add(NoteAudit(note_id=drawn, version_id=drawn, child_id=sup.children["Ben"],
                              overall="good"))  # fmt: skip
    with sup.store.read() as session:
        again = sampling.redraw(session, sample_id)
        listed = sampling.list_samples(session)
    assert again.items == sample.items and again.seed == 9
    assert listed[0]["sample_id"] == str(sample_id) and listed[0]["notes"] == len(sample.items)
