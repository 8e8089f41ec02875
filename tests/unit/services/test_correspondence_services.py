"""The correspondence log, callbacks and complaints in the store, on a small caseload
built by hand (today Wednesday 18 November 2026; no bank holiday in November).

Pat White (North) holds Ava and Bea; Sam Green (South) holds Cal.
"""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from send_desk.domain.correspondence import CorrespondenceItemCreate
from send_desk.domain.letters import LetterVersion
from send_desk.services import callbacks, complaints, notes
from send_desk.services import correspondence as corr
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.services.standards import default_standards
from send_desk.storage.store import Store
from tests.unit.quality.test_checker import GOOD
from tests.unit.services.builder import Caseload

TODAY = date(2026, 11, 18)
STANDARDS = default_standards()


@pytest.fixture
def caseload(store: Store) -> Caseload:
    c = Caseload(store, TODAY)
    c.child("Ava")
    c.child("Bea")
    c.child("Cal", worker="sam")
    return c


def log(store: Store, child: uuid.UUID, **values: Any) -> dict[str, Any]:
    data = {"channel": "email", "correspondent": "Jo Parent", "summary": "About the plan"}
    data.update(values)
    allow = bool(data.pop("allow_duplicate", False))
    with store.write() as session:
        return corr.log_item(
            session, child, data, today=TODAY, standards=STANDARDS, allow_duplicate=allow
        )


def respond(store: Store, item: dict[str, Any], response: corr.Response) -> dict[str, Any]:
    with store.write() as session:
        return corr.respond(session, uuid.UUID(item["id"]), response, today=TODAY)


# ---------------------------------------------------------------- correspondence


def test_an_item_is_due_by_the_standard_for_its_channel(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    email = log(store, ava, contact_date=date(2026, 11, 2))
    call = log(store, ava, channel="call", contact_date=date(2026, 11, 13))
    sent = log(store, ava, direction="outgoing", contact_date=date(2026, 11, 3))
    assert email["response_due"] == date(2026, 11, 16) and email["status"] == "overdue"
    assert email["days_left"] == -2
    # Fri 13: Mon 16 (1), Tue 17 (2) -> overdue on Wed 18
    assert call["response_due"] == date(2026, 11, 17)
    assert sent["needs_response"] is False and sent["response_due"] is None
    assert sent["status"] == "logged"
    portal = log(store, ava, channel="portal", contact_date=date(2026, 11, 18))
    # Wed 18: Thu 19, Fri 20, Mon 23, Tue 24, Wed 25
    assert portal["response_due"] == date(2026, 11, 25) and portal["status"] == "open"
    assert portal["days_left"] == 7


def test_the_same_email_logged_twice_is_refused(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    first = log(store, ava, contact_date=date(2026, 11, 2), reference="<m1@example.org>")
    with pytest.raises(corr.Duplicate) as same:
        log(store, ava, contact_date=date(2026, 11, 3), reference=" <M1@example.org> ",
            summary="Different words", allow_duplicate=True)  # fmt: skip
    assert not same.value.can_override
    assert same.value.existing["id"] == first["id"]
    assert "This email is already in the log: 02/11/2026 from Jo Parent" in same.value.message
    assert "nothing was added" in same.value.message
    # no reference: the same day, sender and summary looks like the same email
    log(store, ava, contact_date=date(2026, 11, 4), summary="Can we   meet?")
    with pytest.raises(corr.Duplicate) as alike:
        log(store, ava, contact_date=date(2026, 11, 4), summary="can we meet?")
    assert alike.value.can_override
    assert "looks like one already in the log" in alike.value.message
    # confirmed as a second one, it is logged; another child's is not a duplicate
    log(store, ava, contact_date=date(2026, 11, 4), summary="can we meet?", allow_duplicate=True)
    log(store, caseload.ids["Bea"], contact_date=date(2026, 11, 4), summary="Can we meet?")
    with store.read() as session:
        assert len(corr.child_items(session, ava, today=TODAY)) == 3


def test_a_response_before_the_item_arrived_is_refused(store: Store, caseload: Caseload) -> None:
    item = log(store, caseload.ids["Ava"], contact_date=date(2026, 11, 10))
    with pytest.raises(ValidationFailed) as early:
        respond(store, item, corr.Response("email", date(2026, 11, 9), "Replied"))
    assert early.value.message == (
        "a response cannot come before the item arrived: the response is dated 09/11/2026, "
        "the item arrived on 10/11/2026"
    )
    with pytest.raises(ValidationFailed, match="19/11/2026 is in the future"):
        respond(store, item, corr.Response("email", date(2026, 11, 19), "Replied"))
    # the model refuses it too (the central store checks rows with it)
    with pytest.raises(ValidationError, match="a response cannot come before"):
        CorrespondenceItemCreate.model_validate(
            {"child_id": caseload.ids["Ava"], "channel": "email",
             "contact_date": date(2026, 11, 10), "correspondent": "Jo", "summary": "x",
             "responded_on": date(2026, 11, 9), "response_kind": "email"},
            context={"today": TODAY},
        )  # fmt: skip
    with store.read() as session:
        # nothing was saved: due Tue 24 November, still awaiting a response
        assert corr.child_items(session, caseload.ids["Ava"], today=TODAY)[0]["status"] == "open"


def test_answered_by_an_email_back_logs_the_reply(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    item = log(store, ava, contact_date=date(2026, 11, 2))
    done = respond(store, item, corr.Response("email", date(2026, 11, 17), "Sent the dates"))
    assert done["status"] == "answered_late" and done["responded_on"] == date(2026, 11, 17)
    assert done["days_left"] is None
    with store.read() as session:
        rows = corr.child_items(session, ava, today=TODAY)
    reply = next(row for row in rows if row["direction"] == "outgoing")
    assert reply["in_reply_to"] == item["id"] and reply["id"] == done["response_ref"]
    assert reply["summary"] == "Sent the dates" and reply["correspondent"] == "Jo Parent"
    with pytest.raises(Refused, match="already answered on 17/11/2026"):
        respond(store, item, corr.Response("call", date(2026, 11, 17), "Phoned"))


def test_answered_by_a_note_or_a_letter_of_the_same_child(store: Store, caseload: Caseload) -> None:
    ava, bea = caseload.ids["Ava"], caseload.ids["Bea"]
    note_doc = copy.deepcopy(GOOD)
    note_doc.update(occurred_at="2026-11-12T10:00", recorded_at="2026-11-12T15:00")
    with store.write() as session:
        note = notes.add_note(session, ava, note_doc, now=datetime(2026, 11, 12, 16))
        letter = LetterVersion(
            letter_id=uuid.uuid4(), child_id=ava, template="callback_confirmation",
            title="Callback confirmation", letter_date=date(2026, 11, 13),
            recipient_name="Jo Parent", sent_on=date(2026, 11, 16), status="sent",
        )  # fmt: skip
        letter.letter_id = letter.id
        session.add(letter)
    first = log(store, ava, contact_date=date(2026, 11, 10))
    second = log(store, ava, channel="letter", contact_date=date(2026, 11, 10))
    other = log(store, bea, contact_date=date(2026, 11, 10))
    by_note = respond(store, first, corr.Response("note", ref_id=uuid.UUID(note["note_id"])))
    assert by_note["responded_on"] == date(2026, 11, 12) and by_note["status"] == "answered"
    assert by_note["response_label"] == "Case note"
    by_letter = respond(store, second, corr.Response("letter", ref_id=letter.id))
    assert by_letter["responded_on"] == date(2026, 11, 16)  # the day it was sent
    assert by_letter["response_summary"] == "Callback confirmation"
    with pytest.raises(Refused, match="on another child's record"):
        respond(store, other, corr.Response("note", ref_id=uuid.UUID(note["note_id"])))
    with pytest.raises(NotFound):
        respond(store, other, corr.Response("letter", ref_id=uuid.uuid4()))
    # a note written before the item arrived does not answer it
    late = log(store, ava, contact_date=date(2026, 11, 13), summary="Another question")
    with pytest.raises(ValidationFailed, match="response is dated 12/11/2026"):
        respond(store, late, corr.Response("note", ref_id=uuid.UUID(note["note_id"])))


def test_lists_for_the_page_and_my_day(store: Store, caseload: Caseload) -> None:
    ava, bea, cal = (caseload.ids[name] for name in ("Ava", "Bea", "Cal"))
    a = log(store, ava, contact_date=date(2026, 11, 2), summary="Transport")  # due 16 Nov
    log(store, bea, channel="call", contact_date=date(2026, 11, 17), summary="Call me")  # 19
    c = log(store, cal, contact_date=date(2026, 11, 9), correspondent="Kim Carer")  # 23 Nov
    respond(store, a, corr.Response("call", date(2026, 11, 17), "Rang back"))
    with store.read() as session:
        open_ids = corr.item_ids(session, corr.ItemQuery(show="open"), today=TODAY)
        pats = corr.item_ids(
            session, corr.ItemQuery(show="open", caseworker_id=caseload.pat), today=TODAY
        )
        kim = corr.item_ids(session, corr.ItemQuery(show="all", text="kim"), today=TODAY)
        answered = corr.item_ids(session, corr.ItemQuery(show="answered"), today=TODAY)
        rows = corr.item_rows(session, open_ids, today=TODAY)
        soon = corr.due_rows(
            session, corr.ItemQuery(show="due_by", due_by=date(2026, 11, 20)), today=TODAY
        )
    assert len(open_ids) == 2 and open_ids[1] == c["id"]  # soonest due first
    assert len(pats) == 1 and rows[pats[0]]["child_name"] == "Bea Test"
    assert rows[c["id"]]["caseworker"] == "Sam Green" and rows[c["id"]]["team"] == "South"
    assert kim == [c["id"]] and answered == [a["id"]]
    assert [row["child_name"] for row in soon] == ["Bea Test"]


# ---------------------------------------------------------------- callbacks

MONDAY_8AM = datetime(2026, 11, 16, 8, 0)


def book(store: Store, child: uuid.UUID, now: datetime = MONDAY_8AM, **values: Any) -> Any:
    data = {"requested_by": "Jo Parent", "phone": "07700 900123", "about": "The plan"}
    data.update(values)
    with store.write() as session:
        return callbacks.book(session, child, data, now=now, standards=STANDARDS)


def test_the_first_free_slot_with_the_caseworker(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    first = book(store, ava, requested_on=date(2026, 11, 16))
    assert first["slot_start"] == datetime(2026, 11, 16, 9, 30)
    assert first["caller"] == "Pat White" and not first["via_duty"]
    assert first["status"] == "booked" and first["confirmation_label"] == "Not yet"
    second = book(store, caseload.ids["Bea"], requested_on=date(2026, 11, 16))
    assert second["slot_start"] == datetime(2026, 11, 16, 9, 45)  # Pat's 09:30 is taken
    with pytest.raises(Refused, match="already has a call booked at 09:30 on 16/11/2026"):
        book(store, ava, slot_start=datetime(2026, 11, 16, 9, 30), requested_on=date(2026, 11, 16))
    with pytest.raises(Refused, match="between 09:30 and 16:30"):
        book(store, ava, slot_start=datetime(2026, 11, 16, 16, 30), requested_on=TODAY)
    with pytest.raises(Refused, match="21/11/2026 is not a working day"):
        book(store, ava, slot_start=datetime(2026, 11, 21, 10, 0), requested_on=TODAY)
    with pytest.raises(ValidationFailed, match="the number to call is needed"):
        book(store, ava, phone="", requested_on=TODAY)


def test_away_caseworker_goes_to_the_duty_rota(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    with store.write() as session:
        callbacks.add_absence(
            session, caseload.pat, date(2026, 11, 16), date(2026, 11, 17), "Leave"
        )
    with store.read() as session:
        offered = callbacks.offer_slots(session, ava, now=MONDAY_8AM, standards=STANDARDS, days=2)
    assert offered["slots"] == []
    assert offered["notes"][0] == (
        "16/11/2026: Pat White is away 16/11/2026 to 17/11/2026, and nobody is on the North "
        "team's duty rota on 16/11/2026"
    )
    with store.write() as session:
        callbacks.set_duty(session, caseload.north, date(2026, 11, 17), caseload.sam)
    # Monday has nobody; Tuesday goes to Sam on duty; Wednesday back to Pat
    cb = book(store, ava, requested_on=date(2026, 11, 16))
    assert cb["slot_start"] == datetime(2026, 11, 17, 9, 30)
    assert cb["caller"] == "Sam Green" and cb["via_duty"]
    with pytest.raises(Refused, match="Pat White is away on 17/11/2026"):
        book(store, ava, slot_start=datetime(2026, 11, 17, 11, 0), caller_id=caseload.pat.hex,
             requested_on=date(2026, 11, 16))  # fmt: skip
    with pytest.raises(Refused, match="nobody can take the call on 16/11/2026"):
        book(store, ava, slot_start=datetime(2026, 11, 16, 11, 0), requested_on=date(2026, 11, 16))


def test_a_missed_callback_is_flagged_until_recorded(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    item = log(store, ava, channel="call", contact_date=date(2026, 11, 16), summary="Ring me")
    cb = book(store, ava, requested_on=date(2026, 11, 16), correspondence_id=item["id"])
    slot = cb["slot_start"]  # 09:30 to 09:45; missed once 30 minutes more have gone
    with store.read() as session:
        row = callbacks.get_callback(session, uuid.UUID(cb["id"]))
        at = {
            minute: callbacks.callback_json(
                session, row, datetime(2026, 11, 16, 9, minute), STANDARDS
            )["status"]
            for minute in (29, 30, 59)
        }
        later = callbacks.callback_json(session, row, datetime(2026, 11, 16, 10, 16), STANDARDS)
        missed = callbacks.callbacks(
            session,
            callbacks.CallbackQuery(show="missed"),
            now=datetime(2026, 11, 16, 10, 16),
            standards=STANDARDS,
        )
    assert at == {29: "booked", 30: "due_now", 59: "due_now"}
    assert later["status"] == "missed" and later["status_label"] == "Missed"
    assert [found["id"] for found in missed] == [cb["id"]]
    with store.write() as session:
        made = callbacks.record_outcome(
            session, uuid.UUID(cb["id"]), "made", at=datetime(2026, 11, 16, 11, 5),
            note="Explained the timetable", now=datetime(2026, 11, 16, 12), standards=STANDARDS,
        )  # fmt: skip
    assert made["status"] == "made" and not made["missed"]
    with store.read() as session:
        answered = corr.child_items(session, ava, today=TODAY)[0]
    assert answered["status"] == "answered" and answered["response_kind"] == "call"
    assert answered["response_ref"] == cb["id"] and slot.hour == 9


def test_a_booking_is_confirmed_with_the_letter(store: Store, caseload: Caseload) -> None:
    cb = book(store, caseload.ids["Ava"], requested_on=date(2026, 11, 16))
    with store.read() as session:
        inputs = callbacks.letter_inputs(session, uuid.UUID(cb["id"]))
    assert inputs["callback_date"] == date(2026, 11, 16) and inputs["caller"] == "Pat White"
    assert str(inputs["callback_time"]) == "09:30:00" and inputs["number"] == "07700 900123"
    letter_id = uuid.uuid4()
    with store.write() as session:
        with pytest.raises(ValidationFailed, match="saved from the letters composer first"):
            callbacks.confirm(session, uuid.UUID(cb["id"]), "letter", on=TODAY,
                              now=MONDAY_8AM, standards=STANDARDS)  # fmt: skip
        done = callbacks.confirm(
            session, uuid.UUID(cb["id"]), "letter", on=date(2026, 11, 16),
            letter_id=letter_id, now=MONDAY_8AM, standards=STANDARDS,
        )  # fmt: skip
    assert done["confirmation_label"] == "Confirmation letter"
    assert done["confirmation_letter_id"] == letter_id.hex


# ---------------------------------------------------------------- complaints


def add(store: Store, **values: Any) -> dict[str, Any]:
    data = {"complainant": "Jo Parent", "summary": "Nobody answers my emails"}
    data.update(values)
    with store.write() as session:
        return complaints.add_complaint(session, data, today=TODAY, standards=STANDARDS)


def test_a_complaint_with_no_child_is_refused(store: Store, caseload: Caseload) -> None:
    with pytest.raises(ValidationFailed) as refused:
        add(store, received_on=date(2026, 11, 2))
    assert refused.value.message.startswith(
        "A complaint is recorded on the record of the child or young person it is about"
    )
    assert refused.value.fields == {"child_id": "choose the child it is about"}
    with pytest.raises(NotFound):
        add(store, child_id=uuid.uuid4(), received_on=date(2026, 11, 2))


def test_a_complaint_through_its_stages(store: Store, caseload: Caseload) -> None:
    ava = caseload.ids["Ava"]
    email = log(store, ava, contact_date=date(2026, 10, 1), summary="I want to complain")
    made = add(store, child_id=ava, received_on=date(2026, 10, 1), correspondence_id=email["id"])
    assert made["caseworker"] == "Pat White" and made["team"] == "North"
    assert made["received_via"] == "email" and made["stage"] == "stage1"
    first = made["stages"][0]
    assert (first["acknowledge_due"], first["response_due"]) == (
        date(2026, 10, 6),
        date(2026, 10, 15),
    )
    cid = uuid.UUID(made["id"])
    letter = uuid.uuid4()
    with store.write() as session:
        with pytest.raises(Refused, match="has not been answered yet"):
            complaints.escalate(session, cid, date(2026, 10, 20), today=TODAY, standards=STANDARDS)
        complaints.acknowledge(
            session, cid, date(2026, 10, 2), letter_id=letter,
            investigator="Ali Manager", today=TODAY, standards=STANDARDS,
        )  # fmt: skip
        with pytest.raises(
            ValidationFailed, match=r"(?i)a response cannot come before the complaint"
        ):
            complaints.respond(session, cid, date(2026, 9, 30), "upheld", today=TODAY,
                               standards=STANDARDS)  # fmt: skip
    with store.write() as session:
        with pytest.raises(ValidationFailed, match="'fine' is not a outcome"):
            complaints.respond(session, cid, date(2026, 10, 14), "fine", today=TODAY,
                               standards=STANDARDS)  # fmt: skip
        answered = complaints.respond(session, cid, date(2026, 10, 14), "not_upheld",
                                      today=TODAY, standards=STANDARDS)  # fmt: skip
        complaints.update_complaint(
            session, cid, {"root_cause": "communication", "lessons_learned": "Reply sooner"},
            today=TODAY, standards=STANDARDS,
        )  # fmt: skip
    assert answered["status"] == "closed" and answered["stages"][0]["within_sla"] is True
    # 20 working days to ask for stage 2 from Wed 14 Oct -> Wed 11 Nov
    assert answered["stages"][0]["escalate_by"] == date(2026, 11, 11)
    assert answered["can_escalate"] and answered["outcome_label"] == "Not upheld"
    with store.read() as session:
        # the acknowledgement letter answered the email that brought the complaint
        assert corr.child_items(session, ava, today=TODAY)[0]["response_ref"] == letter.hex
    with store.write() as session:
        second = complaints.escalate(session, cid, date(2026, 10, 19), today=TODAY,
                                     standards=STANDARDS)  # fmt: skip
    assert second["stage_label"] == "Stage 2: review" and second["response_due"] == date(
        2026, 11, 16
    )
    assert second["status"] == "overdue" and second["outcome"] is None
    with store.write() as session:
        closed = complaints.respond(session, cid, date(2026, 11, 17), "partly_upheld",
                                    today=TODAY, standards=STANDARDS)  # fmt: skip
        assert closed["stages"][1]["within_sla"] is False and not closed["can_escalate"]
        with pytest.raises(Refused, match="the last stage: the next step is the Local Gov"):
            complaints.escalate(session, cid, date(2026, 11, 18), today=TODAY,
                                standards=STANDARDS)  # fmt: skip
        complaints.refer_to_ombudsman(session, cid, date(2026, 11, 18), "26 001 234",
                                      today=TODAY, standards=STANDARDS)  # fmt: skip
        with pytest.raises(Refused, match="already recorded"):
            complaints.refer_to_ombudsman(session, cid, date(2026, 11, 18), None,
                                          today=TODAY, standards=STANDARDS)  # fmt: skip
        with pytest.raises(ValidationFailed, match="'cross' is not a ombudsman outcome"):
            complaints.ombudsman_decision(session, cid, date(2026, 11, 18), "cross",
                                          today=TODAY, standards=STANDARDS)  # fmt: skip
        listed = complaints.complaints(
            session, complaints.ComplaintQuery(show="all"), today=TODAY, standards=STANDARDS
        )
    assert [row["ombudsman_reference"] for row in listed] == ["26 001 234"]
    assert listed[0]["root_cause_label"] == "Communication"
    assert listed[0]["lessons_learned"] == "Reply sooner"
