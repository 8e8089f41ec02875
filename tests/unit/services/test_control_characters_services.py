"""Control characters and oversized text are refused at the service layer, for every
record a caseworker saves (a child, a note), before anything is written or journaled."""

from __future__ import annotations

import uuid

import pytest
from sqlmodel import select

from send_desk.domain.journal import JournalEntry
from send_desk.services import children
from send_desk.services.errors import ValidationFailed
from send_desk.storage.store import Store
from tests.constants import TODAY
from tests.unit.services.test_notes_services import add, good


@pytest.fixture
def child_id(store: Store) -> uuid.UUID:
    with store.write() as session:
        return children.create_child(
            session,
            {"first_name": "Amy", "last_name": "Byrne", "date_of_birth": "2016-05-01"},
            today=TODAY,
        )


def journal_size(store: Store) -> int:
    with store.read() as session:
        return len(session.exec(select(JournalEntry)).all())


def test_a_name_with_an_escape_sequence_is_refused_and_nothing_is_journaled(
    store: Store, child_id: uuid.UUID
) -> None:
    before = journal_size(store)
    with pytest.raises(ValidationFailed) as refused, store.write() as session:
        children.update_child(session, child_id, {"last_name": "Byrne\x1b[2J"}, today=TODAY)
    assert refused.value.fields.keys() == {"last_name"}
    assert "control character" in refused.value.message and "\x1b" not in refused.value.message
    with store.read() as session:
        assert children.get_child(session, child_id).last_name == "Byrne"
    assert journal_size(store) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [("body", "Mum called.\x1b[2J She asked about transport."), ("purpose", "Check\x00")],
)
def test_a_note_with_a_control_character_is_refused(
    store: Store, child_id: uuid.UUID, field: str, value: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        add(store, child_id, good(**{field: value}))
    assert field in refused.value.fields
    assert "control character" in refused.value.message


def test_a_note_keeps_its_paragraphs_and_tabs(store: Store, child_id: uuid.UUID) -> None:
    body = good()["body"] + "\n\nNext steps:\tthe school will call Mum."
    saved = add(store, child_id, good(body=body))
    assert saved["version"] == 1
