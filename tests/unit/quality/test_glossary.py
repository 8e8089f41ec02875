"""The glossary data stays in step with the project's glossary, and loads cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from send_desk.quality import default_checklist, default_glossary
from send_desk.quality.checklist import CRITERIA_IDS, ChecklistError, load_checklist

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "glossary.md"


@pytest.mark.skipif(not SHARED.is_file(), reason="shared/reference/glossary.md is not beside")
def test_every_abbreviation_of_the_glossary_is_known() -> None:
    glossary = default_glossary()
    rows = [line for line in SHARED.read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and not line.startswith("| abbreviation")]  # fmt: skip
    assert rows
    for row in rows:
        cell = row.split("|")[1].strip()
        for abbreviation in re.split(r"\s*[/,]\s*", cell):
            if abbreviation.startswith(("the ", "-")) or not abbreviation:
                continue
            known = glossary.lookup(abbreviation) is not None or glossary.is_plain(abbreviation)
            assert known, f"{abbreviation} from the glossary is not in send_glossary.toml"


def test_the_checklist_has_every_criterion_of_the_standard() -> None:
    assert [c.id for c in default_checklist().criteria] == list(CRITERIA_IDS)


def test_a_bad_checklist_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "case_note.toml"
    bad.write_text('[[criterion]]\nid = "colour"\n', encoding="utf-8")
    with pytest.raises(ChecklistError, match="colour"):
        load_checklist(bad)
    bad.write_text("[thresholds\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="not valid TOML"):
        load_checklist(bad)
