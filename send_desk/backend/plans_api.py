"""The EHC plan on the case: the working draft, issued versions, amendments.

Each method opens its own short-lived Session through :class:`StoreAccess` and returns
the frozen read models of :mod:`send_desk.backend.plans_models`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from send_desk.backend.access import StoreAccess, record_id
from send_desk.backend.plans_models import (
    FailedCriterion,
    IssueResult,
    PlanDraft,
    PlanLetter,
    PlanVersionDetail,
    PlanVersionRow,
    SectionChange,
)
from send_desk.domain.organisation import User
from send_desk.domain.plans import PlanVersion, PlanWorkingDraft
from send_desk.plans import Plan, PlanCheckResult, check_plan
from send_desk.plans.diff import SectionDiff, diff_plans
from send_desk.plans.document import PlanDocument
from send_desk.services import plan_documents
from send_desk.services import plans as service
from send_desk.services.errors import NotFound, ValidationFailed
from send_desk.services.plan_advice import advice_received


def _draft(row: PlanWorkingDraft) -> PlanDraft:
    return PlanDraft(
        child_id=row.child_id,
        plan=service.read_plan(row.content),
        saved_at=row.updated_at,
        based_on=row.based_on,
    )


def _names(session: Session, rows: Iterable[PlanVersion]) -> dict[str, str]:
    ids: set[uuid.UUID] = set()
    for row in rows:
        if row.author_id:
            ids.add(row.author_id)
        for change in row.changed_sections:
            for person in change.get("changed_by", []):
                try:
                    ids.add(uuid.UUID(str(person)))
                except ValueError:
                    continue
    if not ids:
        return {}
    users = session.exec(select(User).where(col(User.id).in_(ids))).all()
    return {str(user.id): user.display_name for user in users}


def version_row(row: PlanVersion, names: Mapping[str, str]) -> PlanVersionRow:
    placement = row.content.get("sections", {}).get("I") or {}
    school = placement.get("name") if isinstance(placement, dict) else None
    return PlanVersionRow(
        id=row.id,
        plan_id=row.plan_id,
        child_id=row.child_id,
        version=row.version,
        kind=row.kind,
        issued_on=row.issued_on,
        author=names.get(str(row.author_id)) if row.author_id else None,
        saved_at=row.created_at,
        event_id=row.event_id,
        amendment_reason=row.amendment_reason,
        school=str(school) if school else None,
        changes=tuple(
            SectionChange(
                section=str(change.get("section", "")),
                changed_by=tuple(names.get(str(p), str(p)) for p in change.get("changed_by", [])),
            )
            for change in row.changed_sections
        ),
        failed=tuple(
            FailedCriterion(
                str(item.get("id", "")), str(item.get("section", "")), str(item.get("message", ""))
            )
            for item in row.failed_items
        ),
        checklist_passed=row.checklist_passed,
        checklist_applicable=row.checklist_applicable,
    )


class PlansApi:
    def __init__(self, access: StoreAccess) -> None:
        self._access = access

    # ------------------------------------------------------------ the working draft

    def working_draft(self, child_id: str | uuid.UUID) -> PlanDraft | None:
        """The plan being written for the child (as last saved), or None."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            row = service.working_draft(session, key)
            return _draft(row) if row is not None else None

    def start_draft(self, child_id: str | uuid.UUID) -> PlanDraft:
        """The working draft; a new one (pre-filled from the case, or the latest issued
        version to change) when there is none. An existing draft is never replaced."""
        key = record_id(child_id, "child")
        with self._access.write() as session:
            return _draft(service.start_draft(session, key, self._access.today()))

    def save_draft(self, child_id: str | uuid.UUID, plan: Plan) -> PlanDraft:
        """Save the plan as the working draft (any number of times)."""
        key = record_id(child_id, "child")
        with self._access.write() as session:
            return _draft(service.save_draft(session, key, plan))

    def discard_draft(self, child_id: str | uuid.UUID) -> None:
        key = record_id(child_id, "child")
        with self._access.write() as session:
            service.discard_draft(session, key)

    def advice_received(self, child_id: str | uuid.UUID) -> tuple[str, ...]:
        """The kinds of advice the case has received (its ``advice_received`` events,
        not withdrawn), once each in the order they arrived, by the plan standard's
        names ("EP" -> "educational_psychology"): what Section K must list."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            return tuple(advice_received(session, key))

    def check(self, child_id: str | uuid.UUID, plan: Plan) -> PlanCheckResult:
        """The plan against the standard, with the advice the case has received."""
        return check_plan(replace(plan, advice_received=self.advice_received(child_id)))

    # ------------------------------------------------------------ versions

    def versions(self, child_id: str | uuid.UUID) -> tuple[PlanVersionRow, ...]:
        """The child's issued versions, oldest first."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            rows = service.versions(session, key)
            names = _names(session, rows)
            return tuple(version_row(row, names) for row in rows)

    def version(self, child_id: str | uuid.UUID, number: int | None = None) -> PlanVersionDetail:
        """A version (the latest when ``number`` is None) with its plan and changes."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            rows = service.versions(session, key)
            if not rows:
                raise NotFound("the child has no issued plan")
            row = rows[-1] if number is None else service.version_number(session, key, number)
            in_force = service.in_force_before(rows, row)
            plan = service.read_plan(row.content)
            diff: tuple[SectionDiff, ...] = ()
            if row.kind in ("amendment", "amended"):
                diff = diff_plans(service.read_plan(in_force.content) if in_force else None, plan)
            return PlanVersionDetail(version_row(row, _names(session, [row])), plan, diff)

    # ------------------------------------------------------------ issuing

    def _issue(
        self,
        child_id: str | uuid.UUID,
        kind: str,
        on: date,
        *,
        accept_failed: bool,
        plan: Plan | None = None,
        school: str | None = None,
        reason: str | None = None,
        confirm_order: bool = False,
    ) -> IssueResult:
        key = record_id(child_id, "child")
        with self._access.write() as session:
            issued = service.issue(
                session, key, kind, on, today=self._access.today(), plan=plan, school=school,
                reason=reason, accept_failed=accept_failed, confirm_order=confirm_order,
            )  # fmt: skip
            names = _names(session, [issued.version])
            return IssueResult(
                version_row(issued.version, names), issued.check, tuple(issued.warnings)
            )

    def issue_draft(
        self,
        child_id: str | uuid.UUID,
        on: date,
        *,
        accept_failed: bool,
        confirm_order: bool = False,
    ) -> IssueResult:
        """Issue the working draft as the draft plan (records ``draft_plan_issued``).
        Refuses (PlanChecklistNotMet) when criteria fail unless ``accept_failed``, and
        (PlanOrderUnconfirmed) when the case records no decision to issue a plan unless
        ``confirm_order``. ``warnings``: what the clock asks the caseworker to check."""
        return self._issue(
            child_id, "draft", on, accept_failed=accept_failed, confirm_order=confirm_order
        )

    def finalise(
        self,
        child_id: str | uuid.UUID,
        on: date,
        school: str,
        *,
        accept_failed: bool,
        confirm_order: bool = False,
    ) -> IssueResult:
        """Issue the final plan (``final_plan_issued``) after the draft, or the amended
        plan (``amended_plan_issued``) after an amendment notice, Section I naming the
        school (a URN of a setting in the store, or a name). The plan is the working
        draft when there is one (changes after the family's comments), else the last
        version issued. A final plan with no draft plan issued on the case is refused
        (PlanOrderUnconfirmed) unless ``confirm_order``."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            kind = service.final_kind(session, key)
        return self._issue(
            key, kind, on, school=school, accept_failed=accept_failed,
            confirm_order=confirm_order,
        )  # fmt: skip

    def amend(
        self,
        child_id: str | uuid.UUID,
        on: date,
        reason: str,
        *,
        plan: Plan | None = None,
        accept_failed: bool,
    ) -> IssueResult:
        """Propose an amendment of the plan in force (``amendment_notice_issued``): the
        given plan, or else the working draft."""
        return self._issue(
            child_id, "amendment", on, plan=plan, reason=reason, accept_failed=accept_failed
        )

    # ------------------------------------------------------------ documents and letters

    def document(
        self, child_id: str | uuid.UUID, *, version: int | None = None, draft: bool = False
    ) -> PlanDocument:
        """The plan laid out for print: an issued version (the latest by default) or,
        with ``draft``, the working draft."""
        key = record_id(child_id, "child")
        council = plan_documents.letterhead_council(self._access.paths.root)
        with self._access.read() as session:
            return plan_documents.plan_document(
                session, key, council=council, version=version, draft=draft
            )

    def render(
        self,
        child_id: str | uuid.UUID,
        fmt: str,
        *,
        version: int | None = None,
        draft: bool = False,
        appendices: bool = False,
        allow_missing: bool = False,
    ) -> bytes:
        """The plan as a DOCX or PDF file's bytes (``fmt`` "docx" or "pdf").
        ``appendices``: a PDF with the advice reports Section K lists appended (refused
        for DOCX); a report not on this laptop is refused by name (AdviceNotHere)
        unless ``allow_missing``, when a page says it is sent separately. A report that
        cannot be read is refused (ValidationFailed naming it)."""
        if fmt not in ("docx", "pdf"):
            raise ValidationFailed(f"'{fmt}' is not a plan format (docx or pdf)")
        if appendices and fmt != "pdf":
            raise ValidationFailed(
                "The advice can be appended only to a PDF (a Word document cannot carry "
                "other files' pages): export the plan as .pdf, or without appendices."
            )
        laid_out = self.document(child_id, version=version, draft=draft)
        if fmt == "docx":
            from send_desk.plans.docx_writer import write_plan_docx

            return write_plan_docx(laid_out)
        from send_desk.plans.pdf_writer import write_plan_pdf

        if not appendices:
            return write_plan_pdf(laid_out)
        from send_desk.plans.appendices import AppendixError, write_plan_with_appendices
        from send_desk.services.plan_appendices import appendix_contents

        with self._access.read() as session:
            contents = appendix_contents(
                session, laid_out.appendices, allow_missing=allow_missing
            )
        try:
            return write_plan_with_appendices(laid_out, contents)
        except AppendixError as error:
            raise ValidationFailed(error.message) from None

    def export(
        self,
        child_id: str | uuid.UUID,
        out: Path,
        *,
        version: int | None = None,
        draft: bool = False,
        appendices: bool = False,
        allow_missing: bool = False,
    ) -> int:
        """Write the plan to ``out`` (.pdf or .docx, by its ending) whole or not at all,
        readable by the user only; the number of bytes written. As :meth:`render`."""
        fmt = {".pdf": "pdf", ".docx": "docx"}.get(out.suffix.lower())
        if fmt is None:
            raise ValidationFailed(f"{out.name}: the file must end in .pdf or .docx")
        data = self.render(
            child_id, fmt, version=version, draft=draft, appendices=appendices,
            allow_missing=allow_missing,
        )  # fmt: skip
        from send_desk.security.files import write_private

        try:
            write_private(out, data)
        except OSError as error:
            raise ValidationFailed(f"{out} cannot be written ({error.strerror})") from None
        return len(data)

    def version_letter(
        self, child_id: str | uuid.UUID, template: str, version: int | None = None
    ) -> PlanLetter:
        """The date (and for an amendment notice the changes) of the letter that goes
        with a version: the latest version of the kind the template goes with."""
        key = record_id(child_id, "child")
        with self._access.read() as session:
            found = plan_documents.version_letter(session, key, template, version)
        return PlanLetter(
            template=found.template,
            letter_date=found.letter_date,
            version=found.version,
            changes=found.changes,
            amendments=tuple(plan_documents.change_lines(found.changes)),
        )
