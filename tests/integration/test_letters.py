"""Letters end to end on a demo store: every template renders for every demo child the
case offers it to, as DOCX (python-docx re-reads it) and PDF (its text extracts); the
letter is saved with its events; bad input gets no letter and says what to fill in."""

from __future__ import annotations

import io
import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlmodel import select

from send_desk.cli import main
from send_desk.letters.docx_writer import write_docx
from send_desk.letters.pdf_writer import write_pdf
from send_desk.paths import DataPaths
from send_desk.services import letters as letters_service
from send_desk.services.children import list_children
from send_desk.storage.store import Store, create_store, open_store
from tests.constants import DEMO_TODAY as TODAY
from tests.constants import PASSWORD

INPUTS = {
    "reasons": ["The school can meet the needs with the help it gives now.", "Progress is good."],
    "support_now": ["Extra reading help three times a week."],
    "advice_from": ["an educational psychologist"],
    "recipient_name": "Dr Amy Patel",
    "recipient_address": ["Child Health Centre", "Northtown NT3 4EF"],
    "adviser_service": "health",
    "school_named": "Northtown Primary School",
    "meeting_date": "2026-12-10",
    "meeting_time": "14:30",
    "meeting_place": "Northtown Primary School",
    "amendments": ["Add one-to-one help at lunch time."],
    "evidence": ["The school's review report"],
    "reason": ["Our educational psychologist was off sick for 4 weeks."],
    "new_date": "2026-12-18",
    "complaint_date": "2026-11-02",
    "summary": ["Nobody answered your calls in October."],
    "investigator": "Sam Jones, team manager",
    "reply_by": "2026-11-30",
    "outcome": "upheld",
    "findings": ["We did not call you back when we said we would."],
    "escalate_by": "2026-12-31",
    "callback_date": "2026-11-25",
    "callback_time": "10:00",
    "caller": "Priya Sharma",
    "number": "07700 900123",
    "about": "school transport",
}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store of 250 children, built once and never written: each test copies it."""
    from send_desk.demo.generator import build_demo

    root = tmp_path_factory.mktemp("letters") / "store"
    with create_store(DataPaths(root), PASSWORD) as opened:
        build_demo(opened, children=250, seed=7, today=TODAY)
    return root


@pytest.fixture
def store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """This test's own copy of the demo store (the tests save letters and remove
    allocations, which must not leak into the next test)."""
    target = tmp_path / "store"
    shutil.copytree(demo_template, target)
    with open_store(DataPaths(target), PASSWORD) as opened:
        yield opened


def _inputs(template: str) -> dict[str, object]:
    spec = letters_service.library().manifest.template(template)
    return {i.name: INPUTS[i.name] for i in spec.inputs if i.name in INPUTS}


def test_every_template_renders_for_every_demo_child_that_qualifies(store: Store) -> None:
    rendered: dict[str, int] = {}
    with store.read() as session:
        children = list_children(session, today=TODAY)
        for child in children:
            child_id = uuid.UUID(child["id"])
            for template in letters_service.offered_templates(session, child_id, today=TODAY):
                if not template["offered"]:
                    continue
                name = template["name"]
                prepared = letters_service.prepare_letter(
                    session, child_id, name, _inputs(name), today=TODAY
                )
                check = prepared.composed.check
                assert check.passed, (name, [i.message for i in check.errors])
                assert not check.sections_missing
                count = rendered.get(name, 0)
                rendered[name] = count + 1
                if count < 3:  # both formats, for the first few children of each
                    _opens_cleanly(prepared.letter)
    assert set(rendered) == set(letters_service.library().manifest.templates), rendered


def _opens_cleanly(letter: object) -> None:
    docx = Document(io.BytesIO(write_docx(letter)))  # type: ignore[arg-type]
    text = "\n".join(p.text for p in docx.paragraphs)
    assert letter.salutation in text  # type: ignore[attr-defined]
    assert letter.caseworker_phone in text  # type: ignore[attr-defined]
    pdf = PdfReader(io.BytesIO(write_pdf(letter)))  # type: ignore[arg-type]
    extracted = " ".join(page.extract_text() for page in pdf.pages)
    assert letter.caseworker_name.split()[-1] in extracted  # type: ignore[attr-defined]
    assert letter.date_text in " ".join(extracted.split())  # type: ignore[attr-defined]


def _child_with(store: Store, template: str) -> uuid.UUID:
    with store.read() as session:
        for child in list_children(session, today=TODAY):
            if not child["caseworker"]:
                continue
            child_id = uuid.UUID(child["id"])
            offered = letters_service.offered_templates(session, child_id, today=TODAY)
            if any(t["name"] == template and t["offered"] for t in offered):
                return child_id
    raise AssertionError(f"no demo child is offered {template}")


def test_a_decision_letter_is_saved_with_its_events_and_sending_records_the_decision_sent(
    store: Store,
) -> None:
    child_id = _child_with(store, "decision_not_to_assess")
    with store.write() as session:
        saved = letters_service.save_letter(
            session,
            child_id,
            "decision_not_to_assess",
            _inputs("decision_not_to_assess"),
            today=TODAY,
        )
    with store.write() as session:
        sent = letters_service.mark_sent(
            session, uuid.UUID(saved["letter_id"]), "post", today=TODAY
        )
    assert sent["version"] == 2 and sent["status"] == "sent"
    assert [e["event"] for e in sent["events_recorded"]] in ([], ["decision_sent"])
    with store.read() as session:
        history = letters_service.letter_history(session, uuid.UUID(saved["letter_id"]))
        letters = letters_service.list_letters(session, child_id)
    assert [v["version"] for v in history] == [1, 2]
    assert letters[0]["status"] == "sent" and letters[0]["versions"] == 2


def test_a_saved_letter_is_never_changed(store: Store) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    child_id = _child_with(store, "callback_confirmation")
    with store.write() as session:
        saved = letters_service.save_letter(
            session,
            child_id,
            "callback_confirmation",
            _inputs("callback_confirmation"),
            today=TODAY,
        )
    with pytest.raises(DatabaseError, match="never changed"), store.write() as session:
        session.execute(
            text("UPDATE letter_version SET body = 'x' WHERE id = :id"),
            {"id": uuid.UUID(saved["version_id"]).hex},
        )


def test_a_child_missing_a_field_gets_no_letter_and_is_told_what_to_fill_in(
    store: Store,
) -> None:
    from send_desk.domain.children import Allocation

    child_id = _child_with(store, "complaint_acknowledgement")
    with store.write() as session:
        for allocation in session.exec(select(Allocation).where(Allocation.child_id == child_id)):
            session.delete(allocation)
    with store.read() as session, pytest.raises(letters_service.LetterRefused) as refused:
        letters_service.prepare_letter(
            session,
            child_id,
            "complaint_acknowledgement",
            _inputs("complaint_acknowledgement"),
            today=TODAY,
        )
    assert "caseworker" in refused.value.message.lower()
    assert "Allocate caseworker" in refused.value.message


def test_long_welsh_and_right_to_left_names_lay_out(store: Store, tmp_path: Path) -> None:
    from send_desk.services.children import create_child
    from send_desk.services.family import add_family_member

    with store.write() as session:
        child_id = create_child(
            session,
            {
                "first_name": "Llŷr",
                "last_name": "Ap Gwynfor-Llewellyn-Rhys-Pritchard-Ŵyn",
                "date_of_birth": "2015-04-01",
                "address": "1 Heol y Bont, Llanfair-ym-Muallt",
            },
            today=TODAY,
        )
        add_family_member(
            session,
            {
                "child_id": child_id,
                "name": "محمد عمران خان",
                "relationship": "father",
                "main_contact": True,
                "preferred_contact": "letter",
                "address": "1 Heol y Bont",
            },
        )
    with store.write() as session:
        from send_desk.domain.children import Allocation

        template = session.exec(select(Allocation)).first()
        assert template is not None
        session.add(
            Allocation(
                child_id=child_id,
                caseworker_id=template.caseworker_id,
                team_id=template.team_id,
                start_date=TODAY,
            )
        )
    with store.read() as session:
        prepared = letters_service.prepare_letter(
            session,
            child_id,
            "callback_confirmation",
            _inputs("callback_confirmation"),
            today=TODAY,
        )
    letter = prepared.letter
    assert letter.recipient_name == "محمد عمران خان"
    docx = Document(io.BytesIO(write_docx(letter)))
    xml = docx.element.xml
    assert "<w:rtl/>" in xml and "<w:bidi/>" in xml
    pdf_bytes = write_pdf(letter)
    (tmp_path / "rtl.pdf").write_bytes(pdf_bytes)
    extracted = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes)).pages)
    assert "Llŷr" in extracted
    assert "خان" in extracted or "ناخ" in extracted


def test_the_commands(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    root = str(store.paths.root)
    child_id = _child_with(store, "callback_confirmation")
    assert main(["letters", "list", "--json"]) == 0
    names = [t["name"] for t in json.loads(capsys.readouterr().out)]
    assert "apology_missed_timescale" in names
    out = tmp_path / "letter.docx"
    args = [
        "--data-dir",
        root,
        "letters",
        "render",
        "--child",
        child_id.hex,
        "--template",
        "callback_confirmation",
        "--out",
        str(out),
        "--json",
    ]
    for name, value in _inputs("callback_confirmation").items():
        args += ["--set", f"{name}={value}"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["check"]["passed"] and out.exists()
    assert main(["check-letter", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["passed"]
    pdf = tmp_path / "letter.pdf"
    pdf_args = [str(pdf) if a == str(out) else a for a in args]
    assert main(pdf_args) == 0
    capsys.readouterr()
    assert PdfReader(pdf).pages[0].extract_text()
    # missing inputs: no letter, and the message names them
    bad = tmp_path / "none.pdf"
    code = main(
        [
            "--data-dir",
            root,
            "letters",
            "render",
            "--child",
            child_id.hex,
            "--template",
            "callback_confirmation",
            "--out",
            str(bad),
        ]
    )
    assert code == 2 and not bad.exists()
    assert "--set" in capsys.readouterr().err
