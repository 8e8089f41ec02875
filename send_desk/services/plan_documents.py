"""The child's plan as a document (DOCX or PDF), and the letters that go with it.

The document's dates come from the plan's versions: the plan's own date is the day the
version was issued, and a draft's (or a proposed amendment's) last day to comment is
the statutory clock's milestone started by that version's event (15 days beginning
with the day it was issued). The letters that go with a version -- the draft plan's
cover letter, the final plan's letter, the amendment notice -- are dated the day the
version was issued, and the amendment notice lists what the amendment changes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from send_desk.domain.milestones import MilestoneRow
from send_desk.domain.plans import PlanVersion
from send_desk.plans.diff import SectionDiff, diff_plans
from send_desk.plans.document import PlanDocument, build_document
from send_desk.services import plans as plan_service
from send_desk.services.children import get_child
from send_desk.services.errors import NotFound, Refused
from send_desk.services.plan_advice import advice_documents

# The milestone giving the last day to comment, by the kind of version that starts it.
COMMENT_MILESTONES = {
    "draft": "draft_response_period_ends",
    "amendment": "amendment_response_period_ends",
}
# The letter that goes with each kind of version.
VERSION_LETTERS = {
    "draft_plan_cover": ("draft",),
    "final_plan": ("final", "amended"),
    "amendment_notice": ("amendment",),
}


def comment_by(session: Session, row: PlanVersion) -> date | None:
    """The last day to comment on a draft or a proposed amendment, from the clock."""
    milestone = COMMENT_MILESTONES.get(row.kind)
    if milestone is None:
        return None
    found = session.exec(
        select(MilestoneRow)
        .where(
            MilestoneRow.child_id == row.child_id,
            MilestoneRow.milestone == milestone,
            MilestoneRow.cycle == row.issued_on,
        )
        .order_by(col(MilestoneRow.due).desc())
    ).first()
    return found.due if found is not None else None


def _pick(session: Session, child_id: uuid.UUID, number: int | None) -> PlanVersion:
    rows = plan_service.versions(session, child_id)
    if not rows:
        raise NotFound("the child has no issued plan (render the working draft instead)")
    return rows[-1] if number is None else plan_service.version_number(session, child_id, number)


def plan_document(
    session: Session,
    child_id: uuid.UUID,
    *,
    council: str,
    version: int | None = None,
    draft: bool = False,
) -> PlanDocument:
    """The plan laid out: an issued version (the latest by default), or the working draft."""
    child = get_child(session, child_id)
    name = " ".join(x for x in (child.preferred_name or child.first_name, child.last_name) if x)
    if draft:
        working = plan_service.working_draft(session, child_id)
        if working is None:
            raise NotFound("the child has no working draft of a plan")
        plan = plan_service.read_plan(working.content)
        return build_document(
            plan, council=council, child_name=name, date_of_birth=child.date_of_birth,
            kind=None, version=None, comment_by=None,
            advice_documents=advice_documents(session, child_id),
        )  # fmt: skip
    row = _pick(session, child_id, version)
    plan = plan_service.read_plan(row.content)
    changes: tuple[SectionDiff, ...] = ()
    if row.kind == "amendment":
        changes = _changes(session, row)
    return build_document(
        plan, council=council, child_name=name, date_of_birth=child.date_of_birth,
        kind=row.kind, version=row.version, comment_by=comment_by(session, row),
        changes=changes, advice_documents=advice_documents(session, child_id, row.issued_on),
    )  # fmt: skip


def _changes(session: Session, row: PlanVersion) -> tuple[SectionDiff, ...]:
    """What a proposed amendment changes against the plan in force when it was made."""
    in_force = plan_service.in_force_before(plan_service.versions(session, row.child_id), row)
    before = plan_service.read_plan(in_force.content) if in_force else None
    return diff_plans(before, plan_service.read_plan(row.content))


@dataclass(frozen=True, slots=True)
class VersionLetter:
    """What a letter takes from the plan's versions: its date and, for an amendment
    notice, the changes it lists."""

    template: str
    letter_date: date
    version: int
    changes: tuple[SectionDiff, ...]


def change_lines(changes: tuple[SectionDiff, ...]) -> list[str]:
    """The changes as the amendment notice lists them, one a line, in plan order."""
    lines = []
    for change in changes:
        where = f"Section {change.section} ({change.title[:1].lower()}{change.title[1:]})"
        old = {line.split(":", 1)[0]: line for line in change.removed}
        new = {line.split(":", 1)[0]: line for line in change.added}
        for key, line in new.items():
            if key in old:
                lines.append(f"{where}: {line} (it said: {old[key].split(':', 1)[1].strip()})")
            else:
                lines.append(f"{where}: we add {line}")
        lines += [f"{where}: we take out {line}" for key, line in old.items() if key not in new]
    return lines


def version_letter(
    session: Session, child_id: uuid.UUID, template: str, version: int | None = None
) -> VersionLetter:
    """The letter ``template`` for a version (the latest of the kind it goes with)."""
    kinds = VERSION_LETTERS.get(template)
    if kinds is None:
        raise Refused(
            f"'{template}' is not a letter that goes with a plan: "
            + ", ".join(sorted(VERSION_LETTERS))
        )
    rows = plan_service.versions(session, child_id)
    if version is not None:
        row = plan_service.version_number(session, child_id, version)
        if row.kind not in kinds:
            raise Refused(
                f"version {version} is a {row.kind} plan: '{template}' does not go with it"
            )
    else:
        matching = [r for r in rows if r.kind in kinds]
        if not matching:
            raise NotFound(f"the child's plan has no version that '{template}' goes with")
        row = matching[-1]
    changes = _changes(session, row) if row.kind == "amendment" else ()
    return VersionLetter(template, row.issued_on, row.version, changes)


def letterhead_council(data_root: Path | None) -> str:
    from send_desk.services.letters import letterhead

    return str(letterhead(data_root).council.get("name", ""))
