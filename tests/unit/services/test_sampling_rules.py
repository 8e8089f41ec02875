"""The weights of a supervision sample are data."""

from __future__ import annotations

from pathlib import Path

import pytest

from send_desk.resources import resource_path
from send_desk.rules_file import RulesFileError
from send_desk.services.sampling_rules import load_sampling_rules

BUNDLED = resource_path("supervision", "sampling.toml")


def test_the_bundled_weights() -> None:
    rules = load_sampling_rules()
    # a looked-after child with a complaint: 1 + 2 x 2 = 5 times as likely as neither
    assert 1 + rules.risk_weight * 2 == 5
    assert (rules.new_starter_factor, rules.new_starter_months) == (2, 6)
    assert list(rules.risk_labels) == ["looked_after", "complaint", "overdue"]
    assert rules.risk_labels["overdue"] == "statutory deadline overdue"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "sampling.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("risk_weight = 2", "risk_weight = -1",
         "sampling.toml: weights.risk_weight: -1 is not a whole number of at least 0"),
        ("new_starter_factor = 2", "new_starter_factor = 1.5",
         "sampling.toml: weights.new_starter_factor: 1.5 is not a whole number"),
        ('overdue = "statutory deadline overdue"', 'overdue_deadline = "overdue"',
         "sampling.toml: risks.overdue_deadline: not a key here"),
        ('complaint = "complaint about the child\'s case"\n', "",
         "sampling.toml: risks.complaint: missing"),
    ],
)  # fmt: skip
def test_a_broken_copy_is_refused_naming_the_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(RulesFileError) as refused:
        load_sampling_rules(_broken(tmp_path, old, new))
    assert message in str(refused.value)
