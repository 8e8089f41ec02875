"""Which open milestones put a child first in the deadlines (a phase transfer, moving in
from another council), as data: ``resources/deadlines/priority_groups.toml``."""

from __future__ import annotations

from pathlib import Path

from send_desk.rules_file import read_rules, read_rules_file
from send_desk.timescales import default_rules

GROUPS = ("phase_transfer", "moving_in")


def load_priority_groups(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Each group's milestone ids (default: the bundled file), checked against the
    clock's rules; a malformed file is refused naming the file and the key."""
    top = read_rules("deadlines", "priority_groups.toml") if path is None else read_rules_file(path)
    top.only(*GROUPS)
    known = default_rules().milestone_ids(include_local=False)
    groups: dict[str, tuple[str, ...]] = {}
    for name in GROUPS:
        table = top.table(name)
        table.only("milestones")
        milestones = table.texts("milestones")
        for milestone in milestones:
            if milestone not in known:
                raise table.error(
                    "milestones", f"'{milestone}' is not a milestone of the statutory clock"
                )
        groups[name] = milestones
    return groups
