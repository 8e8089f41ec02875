"""Easy read is easy: by the app's own measure (the plain-English check's reading age),
an easy-read letter reads at least two years younger than the standard one, with
short sentences, one idea a line, and its appeal and mediation sections rewritten."""

from __future__ import annotations

from datetime import date

import pytest

from send_desk.quality.readability import sentences_of
from send_desk.services import letters as letters_service
from send_desk.storage.store import Store
from tests.unit.letters.case import LetterCase
from tests.unit.letters.test_letter_dates import CASES, INPUTS

TODAY = date(2027, 3, 1)
WITH_EASY = sorted(
    name for name, spec in letters_service.library().manifest.templates.items() if spec.easy_file
)
FIRST_CASE = {name: (events, letter) for name, events, letter, _n, _d in reversed(CASES)}


def _both(store: Store, template: str) -> tuple[letters_service.Prepared, ...]:
    events, letter = FIRST_CASE[template]
    case = LetterCase(store, TODAY)
    for type_id, day, details in events:
        case.event(type_id, day, **details)
    spec = letters_service.library().manifest.template(template)
    inputs = {i.name: INPUTS[i.name] for i in spec.inputs if i.name in INPUTS}
    with store.read() as session:
        return tuple(
            letters_service.prepare_letter(
                session,
                case.child_id,
                template,
                inputs,
                today=TODAY,
                letter_date=date.fromisoformat(letter),
                variant=variant,
            )
            for variant in ("standard", "easy_read")
        )


def test_every_letter_to_a_family_has_its_own_easy_read() -> None:
    manifest = letters_service.library().manifest
    wanted = {name for name, spec in manifest.templates.items() if spec.audience == "family"}
    assert wanted == set(WITH_EASY)


@pytest.mark.parametrize("template", WITH_EASY)
def test_easy_read_is_two_years_younger_short_and_one_idea_a_line(
    store: Store, template: str
) -> None:
    standard, easy = _both(store, template)
    assert easy.composed.check.passed, [i.message for i in easy.composed.check.errors]
    assert easy.composed.check.reading_age <= standard.composed.check.reading_age - 2
    assert easy.composed.check.longest_sentence_words <= 16
    for block in easy.letter.blocks:
        if block.kind in ("paragraph", "bullet"):
            assert len(sentences_of(block.text)) <= 2, block.text


@pytest.mark.parametrize(
    "template", [n for n in WITH_EASY if letters_service.library().manifest.template(n).appealable]
)
def test_the_appeal_and_mediation_sections_are_rewritten_for_easy_read(
    store: Store, template: str
) -> None:
    standard, easy = _both(store, template)
    for section in ("appeal", "mediation"):
        plain = [b.text for b in standard.letter.blocks if b.section == section]
        rewritten = [b.text for b in easy.letter.blocks if b.section == section]
        assert rewritten and not set(plain) & set(rewritten) - {""}, section
    text = easy.letter.body_text()
    assert "not part of the council" in text
    assert "The last day to appeal is" in text
