"""The chronology PDF: every entry in date order, UK dates, page numbers, Unicode."""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from send_desk.reports.chronology import chronology_data, render_pdf
from send_desk.services import children, events, notes
from send_desk.storage.store import Store
from tests.constants import TODAY
from tests.unit.quality.test_checker import GOOD

NOW = datetime(2026, 6, 1, 9, 0)


def test_chronology_pdf_text(store: Store, tmp_path: Path) -> None:
    with store.write() as session:
        child = children.create_child(
            session,
            {"first_name": "Siôn", "last_name": "Łukasiewicz", "date_of_birth": "2015-01-01"},
            today=TODAY,
        )
        events.add_event(session, child, "request_received", date(2026, 1, 5), today=TODAY)
        first = copy.deepcopy(GOOD)
        first["body"] = "Mae Siôn yn hoffi’r ysgol. Zażółć gęślą jaźń. " + "He reads well. " * 400
        saved = notes.add_note(session, child, first, accept_failed=True, now=NOW)
        amended = dict(first, parent_views="Mum wants a quiet room.")
        notes.amend_note(
            session, uuid.UUID(saved["note_id"]), amended,
            reason="Mum rang with more", accept_failed=True, now=NOW,
        )  # fmt: skip
        later = dict(GOOD, occurred_at="2026-04-20T14:00", recorded_at="2026-04-20T16:00",
                     purpose="Talk about transport")  # fmt: skip
        notes.add_note(session, child, later, accept_failed=True, now=NOW)
    with store.read() as session:
        data = chronology_data(
            session, child, today=TODAY, generated_by="Pat White",
            now=datetime(2026, 11, 22, 9, 30),
        )  # fmt: skip
    assert [e.when for e in data.entries] == sorted(e.when for e in data.entries)
    path = render_pdf(data, tmp_path / "chronology.pdf")
    reader = PdfReader(str(path))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2
    text = "\n".join(pages)
    assert "Chronology of Siôn Łukasiewicz" in text
    assert "Generated on 22/11/2026 at 09:30 by Pat White" in text
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page
        assert "Siôn Łukasiewicz" in page
    assert "05/01/2026" in text and "Statutory event: Request for assessment received" in text
    assert "02/03/2026 10:00" in text and "20/04/2026 14:00" in text
    assert text.index("05/01/2026") < text.index("02/03/2026") < text.index("20/04/2026")
    assert "Zażółć gęślą jaźń" in text
    assert "Mum rang with more" in text and "Mum wants a quiet room." in text


def test_an_empty_case(store: Store, tmp_path: Path) -> None:
    with store.write() as session:
        child = children.create_child(
            session, {"first_name": "Ann", "last_name": "Example", "date_of_birth": "2015-01-01"},
            today=TODAY,
        )  # fmt: skip
    with store.read() as session:
        data = chronology_data(session, child, today=TODAY)
    text = PdfReader(str(render_pdf(data, tmp_path / "c.pdf"))).pages[0].extract_text()
    assert "Nothing is recorded" in text and "page 1 of 1" in text
