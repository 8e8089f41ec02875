"""What an amendment changes: a plan against the plan in force, section by section.

Each section is read as lines of text, one per item (a need, an outcome, a provision,
an advice) or field (a view, the placement's type and name), each line starting with
the item's id so that an item whose wording changed shows as its old line removed and
its new line added. A section whose lines are the same in both plans is unchanged;
the plan's status and date are not sections and are never reported.

The lines are what the amendment notice lists and ``plan show --json`` gives, so they
are worded for the family: dates as DD/MM/YYYY, provision fields named, advice by its
name in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from send_desk.plans.model import (
    SECTION_ORDER,
    SECTION_TITLES,
    NeedList,
    Plan,
    Provision,
    ProvisionList,
)

_A_LABELS = (
    ("child_views", "Views of the child or young person"),
    ("child_views_not_obtained_reason", "Why their views could not be obtained"),
    ("parent_views", "Views of the parents"),
    ("aspirations", "Aspirations"),
)
_PROVISION_LABELS = (
    ("who", "by"),
    ("frequency", "how often"),
    ("duration", "how long"),
    ("group", "group"),
    ("review", "review"),
)


@dataclass(frozen=True, slots=True)
class SectionDiff:
    """One changed section: the lines the amendment removes and adds."""

    section: str
    title: str
    removed: tuple[str, ...]
    added: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "title": self.title,
            "removed": list(self.removed),
            "added": list(self.added),
        }


def advice_label(kind: str) -> str:
    """A kind of advice as a family reads it: "speech_and_language_therapy" ->
    "Speech and language therapy"."""
    return kind.replace("_", " ").strip().capitalize()


def _needs(needs: NeedList, with_area: bool) -> list[str]:
    if needs.none_reason is not None and not needs.items:
        return [f"None: {needs.none_reason}"]
    lines = []
    for need in needs.items:
        head = need.id
        if with_area and need.area:
            head += f" ({need.area}{', primary' if need.primary else ''})"
        lines.append(f"{head}: {need.description}")
    return lines


def _provision_line(item: Provision) -> str:
    parts = [item.what]
    parts += [f"{label} {getattr(item, name)}" for name, label in _PROVISION_LABELS
              if getattr(item, name)]  # fmt: skip
    return f"{item.id}: " + "; ".join(parts)


def _provisions(provisions: ProvisionList) -> list[str]:
    if provisions.none_reason is not None and not provisions.items:
        return [f"None: {provisions.none_reason}"]
    return [_provision_line(item) for item in provisions.items]


def section_lines(plan: Plan, section: str) -> list[str]:
    """The section as the lines an amendment is compared on."""
    s = plan.sections
    if section == "A":
        return [f"{label}: {text}" for name, label in _A_LABELS if (text := getattr(s.A, name))]
    if section in ("B", "C", "D"):
        return _needs(getattr(s, section), with_area=section == "B")
    if section == "E":
        lines = []
        for outcome in s.E:
            when = f"by {outcome.by:%d/%m/%Y}" if outcome.by else "no date"
            lines.append(f"{outcome.id} ({when}): {outcome.outcome}")
        return lines
    if section in ("F", "G", "H1", "H2"):
        return _provisions(getattr(s, section))
    if section == "I":
        lines = [f"Type: {s.I.type}"] if s.I.type else []
        return lines + ([f"Name: {s.I.name}"] if s.I.name else [])
    if section == "J":
        if s.J is None:
            return []
        budget = [f"Covers: {s.J.covers}"] if s.J.covers else []
        if s.J.outcomes:
            budget.append("For outcomes: " + ", ".join(s.J.outcomes))
        if s.J.direct_payments is not None:
            paid = s.J.direct_payments
            budget.append(
                "Direct payments: " + (paid if isinstance(paid, str) else "yes" if paid else "no")
            )
        return budget
    if section == "K":
        return [advice_label(kind) for kind in s.K]
    raise ValueError(f"'{section}' is not a section of a plan")


def diff_plans(in_force: Plan | None, amended: Plan) -> tuple[SectionDiff, ...]:
    """The sections that differ, in plan order (against an empty plan when none is in force)."""
    changes = []
    for section in SECTION_ORDER:
        old = section_lines(in_force, section) if in_force is not None else []
        new = section_lines(amended, section)
        if old == new:
            continue
        old_set, new_set = set(old), set(new)
        changes.append(
            SectionDiff(
                section=section,
                title=SECTION_TITLES[section],
                removed=tuple(line for line in old if line not in new_set),
                added=tuple(line for line in new if line not in old_set),
            )
        )
    return tuple(changes)


def changed_sections(before: Plan | None, after: Plan) -> tuple[str, ...]:
    """The codes of the sections that differ (a reordering counts as a change)."""
    return tuple(change.section for change in diff_plans(before, after))
