"""Full-text search of case notes: ranking, snippets, filters, Unicode, hostile queries."""

from __future__ import annotations

import copy
import uuid
from datetime import date, datetime
from typing import Any

import pytest

from send_desk.services import children, notes, organisation
from send_desk.services.search import NoteQuery, match_expression, search_notes
from send_desk.storage.journal import Actor
from send_desk.storage.store import Store
from tests.constants import TODAY
from tests.unit.quality.test_checker import GOOD

NOW = datetime(2026, 6, 1, 9, 0)


def good(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


@pytest.fixture
def people(store: Store) -> dict[str, uuid.UUID]:
    with store.write() as session:
        team = organisation.create_team(session, {"name": "North"})
        ids = {
            name: organisation.create_user(
                session,
                {
                    "username": name,
                    "display_name": name.title(),
                    "role": "caseworker",
                    "team_id": team,
                },
            )
            for name in ("pat", "sam")
        }
        for first in ("Siôn", "Zofia", "Ayaan"):
            ids[first] = children.create_child(
                session,
                {"first_name": first, "last_name": "Example", "date_of_birth": "2015-01-01"},
                today=TODAY,
            )
    return ids


def add(store: Store, who: uuid.UUID, child: uuid.UUID, **changes: Any) -> str:
    actor = Actor(who, store.info.device_id)
    with store.write(actor) as session:
        saved = notes.add_note(session, child, good(**changes), accept_failed=True, now=NOW)
    return str(saved["note_id"])


def find(store: Store, text: str, **filters: Any) -> list[dict[str, Any]]:
    with store.read() as session:
        return search_notes(session, NoteQuery(text, **filters))


WELSH = "Mae Siôn yn hoffi’r ysgol ac mae’n siarad Cymraeg gartref. Dŵr yw ei hoff ddiod."
POLISH = "Zofia mówi po polsku w domu. Mama prosi o tłumacza na spotkaniu w Łodzi."
URDU = "ایان کی امی نے کہا کہ وہ اسکول میں خوش ہے۔"
EMOJI = "Ayaan drew a happy face 😀 and a thumbs up 👍🏽 about his new class."


@pytest.fixture
def indexed(store: Store, people: dict[str, uuid.UUID]) -> dict[str, str]:
    return {
        "welsh": add(store, people["pat"], people["Siôn"], body=WELSH, kind="phone_call",
                     occurred_at="2026-02-16T10:00", recorded_at="2026-02-16T12:00"),
        "polish": add(store, people["sam"], people["Zofia"], body=POLISH,
                      occurred_at="2026-04-14T10:00", recorded_at="2026-04-14T12:00"),
        "urdu": add(store, people["pat"], people["Ayaan"], body=URDU),
        "emoji": add(store, people["pat"], people["Ayaan"], body=EMOJI, purpose="School visit."),
    }  # fmt: skip


def ids(results: list[dict[str, Any]]) -> set[str]:
    return {hit["note_id"] for hit in results}


def test_welsh_with_and_without_diacritics(store: Store, indexed: dict[str, str]) -> None:
    for query in ("Siôn", "sion", "SION", "dŵr", "dwr", "Cymraeg"):
        assert ids(find(store, query)) == {indexed["welsh"]}, query


def test_polish(store: Store, indexed: dict[str, str]) -> None:
    for query in ("mówi", "mowi", "tłumacza", "łodzi", "ŁODZI"):
        assert ids(find(store, query)) == {indexed["polish"]}, query
    assert find(store, "lodzi") == []  # ł is a letter of its own, not an l with a mark


def test_urdu(store: Store, indexed: dict[str, str]) -> None:
    assert ids(find(store, "اسکول")) == {indexed["urdu"]}
    child = uuid.UUID(find(store, "اسکول")[0]["child_id"])
    with store.read() as session:
        (row,) = [n for n in notes.list_notes(session, child) if n["note_id"] == indexed["urdu"]]
    assert row["note"]["body"] == URDU


def test_text_beside_emoji_is_found_and_emoji_kept(store: Store, indexed: dict[str, str]) -> None:
    (hit,) = find(store, "thumbs")
    assert hit["note_id"] == indexed["emoji"]
    assert "«thumbs»" in hit["snippet"] and "👍🏽" in hit["snippet"]
    assert find(store, "😀") == []  # no words: nothing to look for, and no error


@pytest.mark.parametrize(
    "query",
    ['"', '""', "(", ")", "*", "-", "^", ":", "AND", "OR", "NOT", "NEAR", "NEAR(a b)",
     'tags : "zold"', "body:", "a AND", '"unbalanced phrase', "x* OR (y", "{body} : x",
     "'; DROP TABLE note_version; --", "\\", "%", "_", "+", "a" * 2000, "   "],
)  # fmt: skip
def test_fts_syntax_in_a_query_never_errors(
    store: Store, indexed: dict[str, str], query: str
) -> None:
    assert isinstance(find(store, query), list)


def test_syntax_words_are_searched_as_words(store: Store, people: dict[str, uuid.UUID]) -> None:
    note = add(store, people["pat"], people["Siôn"], body="Mum said NOT on Fridays (half-day).")
    assert ids(find(store, "NOT fridays")) == {note}
    assert ids(find(store, "half-day")) == {note}
    assert ids(find(store, "(half")) == {note}


def test_ranking_and_snippets(store: Store, people: dict[str, uuid.UUID]) -> None:
    weak = add(store, people["pat"], people["Siôn"], body="Transport was mentioned once.")
    strong = add(
        store, people["pat"], people["Zofia"],
        body="Transport: the transport team will arrange transport from September.",
        purpose="Agree home to school transport.",
    )  # fmt: skip
    results = find(store, "transport")
    assert [hit["note_id"] for hit in results] == [strong, weak]
    assert "«transport»" in results[0]["snippet"].lower()
    assert "<b>" in results[0]["snippet_html"]
    assert results[0]["child_name"] == "Zofia Example"
    assert results[0]["author"] == "Pat"


def test_a_star_asks_for_a_prefix(store: Store, indexed: dict[str, str]) -> None:
    assert ids(find(store, "spotkan*")) == {indexed["polish"]}
    assert find(store, "spotkan") == []  # a word is matched whole
    assert isinstance(find(store, "s*"), list)


def test_filters(store: Store, people: dict[str, uuid.UUID], indexed: dict[str, str]) -> None:
    everyone = ids(find(store, "said"))  # GOOD's child voice: "Sam said ..." in every note
    assert everyone == set(indexed.values())
    assert ids(find(store, "said", child_id=people["Ayaan"])) == {indexed["urdu"], indexed["emoji"]}
    assert ids(find(store, "said", caseworker_id=people["sam"])) == {indexed["polish"]}
    assert ids(find(store, "said", kind="phone_call")) == {indexed["welsh"]}
    february = find(store, "said", date_from=date(2026, 2, 1), date_to=date(2026, 2, 28))
    assert ids(february) == {indexed["welsh"]}
    assert february[0]["occurred_label"] == "16/02/2026 10:00"
    assert ids(find(store, "said", date_to=date(2026, 2, 16))) == {indexed["welsh"]}
    assert ids(find(store, "said", date_from=date(2026, 4, 14))) == {indexed["polish"]}


def test_amended_versions_are_left_out_unless_asked(
    store: Store, people: dict[str, uuid.UUID]
) -> None:
    note = add(store, people["pat"], people["Siôn"], body="Mum asked about swimming.")
    with store.write(Actor(people["pat"], store.info.device_id)) as session:
        notes.amend_note(
            session, uuid.UUID(note), good(body="Mum asked about the school trip."),
            reason="I had the wrong activity", accept_failed=True, now=NOW,
        )  # fmt: skip
    assert find(store, "swimming") == []
    (old,) = find(store, "swimming", include_superseded=True)
    assert old["superseded"] and old["version"] == 1
    (new,) = find(store, "trip")
    assert new["version"] == 2 and not new["superseded"]


def test_match_expression_quotes_everything() -> None:
    assert match_expression('say "too loud" NOT') == '"say" "too loud" "NOT"'
    assert match_expression('a"b assess*') == '"a""b" "assess"*'  # one FTS5 string: a, b
    assert match_expression("*** ((") is None
