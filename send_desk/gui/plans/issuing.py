"""The plan editor's steps that issue a version: the draft, the final (or amended) plan,
an amendment notice. Each saves the draft first, asks what the step needs, runs it off
the GUI thread, and on criteria not met asks before issuing anyway (as saving a note
with items not met). Each button is enabled only when the plan's versions allow its
step; a refusal of the service is shown in words in the editor. Issuing out of the
statutory order (no decision to issue on the case, a final plan with no draft) asks
first too; after issuing, what the clock asks the caseworker to check (a time limit
missed) is shown before the editor closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from send_desk.backend import Refused, ServiceError, StoreProblem
from send_desk.backend.caseload_models import SettingChoice
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.backend.plans_models import IssueResult, PlanOrderUnconfirmed, PlanVersionRow
from send_desk.domain.plans import IN_FORCE_KINDS
from send_desk.gui.formatting import uk_date
from send_desk.gui.plans.finalise import FINAL_WORDS, PlanAmendDialog, PlanFinaliseDialog
from send_desk.gui.plans.issue import (
    IssueConfirmation,
    IssuedNotice,
    OrderConfirmation,
    PlanIssueDialog,
)
from send_desk.gui.plans.signals import notify
from send_desk.plans.checker import PlanCheckResult

if TYPE_CHECKING:
    from send_desk.gui.plans.editor import PlanEditor


@dataclass(frozen=True, slots=True)
class Step:
    """One issuing step: how to run it (``accept_failed`` and ``confirm_order`` given),
    what it issues (for the confirmation), and the editor's signal that says it was done."""

    run: Callable[[bool, bool], IssueResult]
    what: str
    kept_with: str
    signal: str
    # the draft's issue is published by the child record (on ``issued``); the others here
    publish: bool


def _error_text(error: BaseException) -> str:
    return str(getattr(error, "message", None) or error)


def plan_versions(editor: PlanEditor) -> tuple[PlanVersionRow, ...]:
    try:
        return editor.backend.plans.versions(editor.child_id)
    except (ServiceError, StoreProblem, OSError) as error:
        editor.show_error(f"The plan's issued versions could not be read: {_error_text(error)}")
        return ()


def refresh_steps(editor: PlanEditor) -> None:
    """Enable the steps the plan's versions allow, and say in each tip why not."""
    versions = plan_versions(editor)
    editor.versions = versions
    latest = versions[-1].kind if versions else None
    in_force = any(v.kind in IN_FORCE_KINDS for v in versions)
    ui = editor.ui
    ui.issueButton.setEnabled(not in_force)
    ui.finaliseButton.setEnabled(latest in FINAL_WORDS)
    ui.amendButton.setEnabled(in_force and latest in IN_FORCE_KINDS)
    if latest == "amendment":
        ui.finaliseButton.setToolTip(
            "Issue the amended plan naming the school (records the amended plan issued)"
        )
    elif latest not in FINAL_WORDS:
        ui.finaliseButton.setToolTip(
            "The plan is finalised after the draft plan is issued"
            if not in_force
            else "The plan in force is final: propose an amendment to change it"
        )
    if not in_force:
        ui.amendButton.setToolTip("An amendment is proposed once a final plan is in force")
    elif latest == "amendment":
        ui.amendButton.setToolTip("An amendment is proposed: issue the amended plan first")
    if in_force:
        ui.issueButton.setToolTip("The plan is final: propose an amendment instead of a draft")


# What each kind of version is called where the editor names it
KIND_WORDS = {
    "draft": "the draft plan",
    "final": "the final plan",
    "amendment": "the amendment notice",
    "amended": "the amended plan",
}


def new_draft_text(versions: tuple[PlanVersionRow, ...]) -> str:
    """What a new working draft starts from: the case, or the latest version issued."""
    if not versions:
        return "A new draft, filled in from the case."
    latest = versions[-1]
    words = KIND_WORDS.get(latest.kind, latest.kind)
    return (
        f"A new draft from version {latest.version}, {words} issued on {uk_date(latest.issued_on)}."
    )


def _enable_steps(editor: PlanEditor, enabled: bool) -> None:
    if enabled:
        refresh_steps(editor)
        return
    for button in (editor.ui.issueButton, editor.ui.finaliseButton, editor.ui.amendButton):
        button.setEnabled(False)


# ------------------------------------------------------------ the steps


def issue(editor: PlanEditor) -> None:
    """Ask for the issue date, then issue the draft (saved first)."""
    editor.draft_timer.stop()
    if not editor.save_draft():
        return
    dialog = PlanIssueDialog(editor.backend.today(), editor)
    editor.issue_dialog = dialog
    plans, child_id = editor.backend.plans, editor.child_id

    def answered(code: int) -> None:
        editor.issue_dialog = None
        if code == QDialog.DialogCode.Accepted:
            on = dialog.issue_date()
            step = Step(
                lambda accept, order: plans.issue_draft(
                    child_id, on, accept_failed=accept, confirm_order=order
                ),
                "the draft plan", "the issued draft", "issued", publish=False,
            )  # fmt: skip
            run(editor, step, accept_failed=False)

    dialog.finished.connect(answered)
    dialog.open()


def _settings(editor: PlanEditor) -> tuple[SettingChoice, ...]:
    try:
        return editor.backend.caseload.caseload_options().settings
    except (ServiceError, StoreProblem, OSError) as error:
        # a name can still be typed
        editor.show_error(f"The caseload's settings could not be read: {_error_text(error)}")
        return ()


def finalise(editor: PlanEditor) -> None:
    """Ask for the date and the school, then issue the final plan (or the amended plan
    after an amendment notice) from the draft as it stands (saved first)."""
    editor.draft_timer.stop()
    if not editor.save_draft():
        return
    amended = bool(editor.versions) and editor.versions[-1].kind == "amendment"
    dialog = PlanFinaliseDialog(
        editor.backend.today(),
        _settings(editor),
        amended=amended,
        school=editor.plan().sections.I.name or "",
        parent=editor,
    )
    editor.finalise_dialog = dialog
    plans, child_id = editor.backend.plans, editor.child_id
    what = FINAL_WORDS["amendment" if amended else "draft"]

    def answered(code: int) -> None:
        editor.finalise_dialog = None
        if code == QDialog.DialogCode.Accepted:
            on, school = dialog.issue_date(), dialog.school()
            step = Step(
                lambda accept, order: plans.finalise(
                    child_id, on, school, accept_failed=accept, confirm_order=order
                ),
                what, what, "finalised", publish=True,
            )  # fmt: skip
            run(editor, step, accept_failed=False)

    dialog.finished.connect(answered)
    dialog.open()


def propose_amendment(editor: PlanEditor) -> None:
    """Ask for the date and the reason, then issue the amendment notice of the draft's
    changes to the plan in force (saved first)."""
    editor.draft_timer.stop()
    if not editor.save_draft():
        return
    dialog = PlanAmendDialog(editor.backend.today(), editor)
    editor.amend_dialog = dialog
    plans, child_id = editor.backend.plans, editor.child_id

    def answered(code: int) -> None:
        editor.amend_dialog = None
        if code == QDialog.DialogCode.Accepted:
            on, reason = dialog.issue_date(), dialog.reason()
            step = Step(
                lambda accept, _order: plans.amend(child_id, on, reason, accept_failed=accept),
                "the amendment notice", "the amendment notice", "amended", publish=True,
            )  # fmt: skip
            run(editor, step, accept_failed=False)

    dialog.finished.connect(answered)
    dialog.open()


def run(
    editor: PlanEditor, step: Step, *, accept_failed: bool, confirm_order: bool = False
) -> None:
    """Run the step off the GUI thread; a write that succeeds says what it changed."""
    _enable_steps(editor, False)

    def work() -> IssueResult:
        return step.run(accept_failed, confirm_order)

    def failed(error: BaseException) -> None:
        _failed(editor, step, error, accept_failed=accept_failed, confirm_order=confirm_order)

    def done(result: IssueResult) -> None:
        _done(editor, step, result)

    if step.publish:
        changes = Changes.of(ChangeKind.PLANS, ChangeKind.EVENTS, children=[editor.child_id])
        editor.ops.run_change(work, done, failed, changes=changes)
    else:
        editor.ops.run(work, done, failed)


def issued_text(row: PlanVersionRow) -> str:
    """'Issued the draft plan (version 1) on 12/10/2026.'"""
    words = KIND_WORDS.get(row.kind, row.kind)
    return f"Issued {words} (version {row.version}) on {uk_date(row.issued_on)}."


def _done(editor: PlanEditor, step: Step, result: IssueResult) -> None:
    editor.issued_result = result
    editor.stop_for_good()
    notify(editor, step.signal)
    if not result.warnings:
        editor.accept()
        return
    # the editor closes once the caseworker has read what the clock asks them to check
    box = IssuedNotice(issued_text(result.version), result.warnings, editor)
    box.finished.connect(lambda _code: editor.accept())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.issued_box = box
    box.open()


def _failed(
    editor: PlanEditor,
    step: Step,
    error: BaseException,
    *,
    accept_failed: bool = False,
    confirm_order: bool = False,
) -> None:
    _enable_steps(editor, True)
    if isinstance(error, PlanOrderUnconfirmed):
        _confirm_order(editor, step, error.message, accept_failed=accept_failed)
        return
    result = getattr(error, "result", None)
    if isinstance(error, Refused) and isinstance(result, PlanCheckResult):
        _confirm(editor, step, result, confirm_order=confirm_order)
        return
    editor.show_error(_error_text(error))


def _confirm_order(editor: PlanEditor, step: Step, problem: str, *, accept_failed: bool) -> None:
    box = OrderConfirmation(problem, editor, what=step.what)

    def answered() -> None:
        confirmed = box.confirmed()
        editor.confirm_box = None
        if confirmed:
            run(editor, step, accept_failed=accept_failed, confirm_order=True)

    box.finished.connect(answered)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.confirm_box = box
    box.open()


def _confirm(
    editor: PlanEditor, step: Step, result: PlanCheckResult, *, confirm_order: bool
) -> None:
    box = IssueConfirmation(result.failed, editor, what=step.what, kept_with=step.kept_with)
    failed = result.failed

    def answered() -> None:
        confirmed = box.confirmed()
        editor.confirm_box = None
        if confirmed:
            run(editor, step, accept_failed=True, confirm_order=confirm_order)
        elif failed:
            editor.go_to(failed[0].id)

    box.finished.connect(answered)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.confirm_box = box
    box.open()
