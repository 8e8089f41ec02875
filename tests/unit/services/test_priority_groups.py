"""The milestones that put a child first in the deadlines are data."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.resources import resource_path
from send_desk.rules_file import RulesFileError
from send_desk.services.priority_groups import load_priority_groups

BUNDLED = resource_path("deadlines", "priority_groups.toml")


def test_the_bundled_groups() -> None:
    assert load_priority_groups() == {
        "phase_transfer": ("phase_transfer_plan",),
        "moving_in": ("transfer_notice", "transfer_review"),
    }


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "priority_groups.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"transfer_review"]', '"transfer_reveiw"]',
         "priority_groups.toml: moving_in.milestones: 'transfer_reveiw' is not a milestone"),
        ("[moving_in]", "[moving]", "priority_groups.toml: moving: not a key here"),
        ('milestones = ["phase_transfer_plan"]', 'milestones = "phase_transfer_plan"',
         "priority_groups.toml: phase_transfer.milestones: 'phase_transfer_plan' is not a list"),
    ],
)  # fmt: skip
def test_a_broken_copy_is_refused_naming_the_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(RulesFileError) as refused:
        load_priority_groups(_broken(tmp_path, old, new))
    assert message in str(refused.value)
