"""The correspondence actions shared by the page, the tab and My day's box: opening the dialogs."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QTableView,
    QWidget,
)

from send_desk.backend.caseload_models import CaseloadOptions, ChildDetail
from send_desk.backend.changes import ChangeKind, Changes
from send_desk.backend.correspondence_models import Callback, Complaint, CorrespondenceRow
from send_desk.gui.callback_dialogs import (
    BookedCallback,
    CallbackDialog,
    CallbackOutcomeDialog,
    confirm_by_letter,
)
from send_desk.gui.context import AppContext
from send_desk.gui.correspondence_dialogs import (
    ComplaintActionDialog,
    ComplaintDialog,
    ItemDialog,
    RespondDialog,
)
from send_desk.gui.correspondence_page.models import (
    selected,
)
from send_desk.gui.ops import Ops, changes_in
from send_desk.gui.rows_model import text_of

if TYPE_CHECKING:
    from send_desk.backend.core import Backend

Row = TypeVar("Row")


class Actions:
    """Opening the dialogs, shared by the page and the tab; ``reload`` after a save."""

    context: AppContext
    backend: Backend
    ops: Ops
    dialog: QDialog | None
    changed: Any  # a Signal(str) on the widget

    def _start_actions(self, context: AppContext) -> None:
        self.context = context
        self.backend = context.backend
        self.ops = context.ops
        self.dialog = None
        self.composer: object = None

    def _need(self, view: QTableView, what: str, kind: type[Row]) -> Row | None:
        """The selected row, or a message saying what to choose first."""
        row = selected(view)
        if not isinstance(row, kind):
            self.context.show_message(f"Choose {what} in the list first.")
            return None
        return row

    def reload(self) -> None:
        raise NotImplementedError

    def _open(self, dialog: QDialog, after: Callable[[object], None] | None = None) -> None:
        self.dialog = dialog

        def accepted() -> None:
            result: object = getattr(dialog, "saved_result", None)
            if after is not None:
                after(result)
            child = getattr(result, "child_id", None)
            # the page, the child's record and My day reload from the one changes signal;
            # the op published a result that knew what it changed, the rest is said here
            if not changes_in(result):
                self.context.hub.publish(
                    Changes.of(ChangeKind.CORRESPONDENCE, children=[child])
                    if child is not None
                    else Changes.of(ChangeKind.CORRESPONDENCE, any_child=True)
                )
            if child is not None:
                self.changed.emit(child.hex)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _with_detail(self, child_id: str, then: Callable[[ChildDetail], None]) -> None:
        self.ops.run(
            lambda: self.backend.caseload.child_detail(uuid.UUID(child_id)),
            then,
            lambda error: self.context.show_message(
                f"The child's record could not be read: {getattr(error, 'message', error)}"
            ),
        )

    def _parent(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None

    def log_item(self, child_id: str, detail: ChildDetail | None = None) -> None:
        if detail is None:
            self._with_detail(child_id, lambda found: self.log_item(child_id, found))
            return

        def after(saved: object) -> None:
            # a parent's call asking for a ring back: book it now, linked to the call
            if (
                isinstance(saved, CorrespondenceRow)
                and saved.channel == "call"
                and saved.direction == "incoming"
                and saved.needs_response
            ):
                self.book_callback(child_id, saved, detail)

        self._open(ItemDialog(self.backend, self.ops, child_id, detail, self._parent()), after)

    def respond(self, item: CorrespondenceRow) -> None:
        if item.direction != "incoming" or not item.needs_response:
            self.context.show_message("That item needs no reply.")
            return
        if item.responded_on:
            self.context.show_message(f"That item was answered on {text_of(item.responded_on)}.")
            return
        self._open(RespondDialog(self.backend, self.ops, item, self._parent()))

    def book_callback(
        self,
        child_id: str,
        item: CorrespondenceRow | None = None,
        detail: ChildDetail | None = None,
    ) -> None:
        if detail is None:
            self._with_detail(child_id, lambda found: self.book_callback(child_id, item, found))
            return

        def after(booked: object) -> None:
            if isinstance(booked, BookedCallback) and booked.confirm_by_letter:
                self.composer = confirm_by_letter(
                    self.backend, self.ops, booked.callback, self._parent(),
                    lambda _r: self.reload(),
                )  # fmt: skip

        self._open(
            CallbackDialog(self.backend, self.ops, child_id, detail, item, self._parent()), after
        )

    def callback_outcome(self, callback: Callback) -> None:
        if callback.outcome == "made":
            self.context.show_message("That call was made.")
            return
        self._open(CallbackOutcomeDialog(self.backend, self.ops, callback, self._parent()))

    def confirm_callback(self, callback: Callback) -> None:
        self.composer = confirm_by_letter(
            self.backend, self.ops, callback, self._parent(), lambda _r: self.reload()
        )

    def _options(self) -> CaseloadOptions:
        # the same cache as the caseload page and the child record fill
        options = self.context.caseload_options
        if not isinstance(options, CaseloadOptions):
            options = self.backend.caseload.caseload_options()
            self.context.caseload_options = options
        return options

    def new_complaint(
        self,
        child_id: str,
        item: CorrespondenceRow | None = None,
        detail: ChildDetail | None = None,
    ) -> None:
        if detail is None:
            self._with_detail(child_id, lambda found: self.new_complaint(child_id, item, found))
            return
        workers = self._options().caseworkers
        self._open(
            ComplaintDialog(self.backend, self.ops, child_id, detail, workers, item, self._parent())
        )

    def complaint_step(self, complaint: Complaint, action: str | None = None) -> None:
        if action is None:
            stage = complaint.stages[-1] if complaint.stages else None
            if stage is None or not stage.acknowledged_on:
                action = "acknowledge"
            elif not stage.responded_on:
                action = "respond"
            elif complaint.can_escalate:
                action = "escalate"
            else:
                action = "refer" if not complaint.ombudsman_referred_on else "decide"
        self._open(ComplaintActionDialog(self.backend, self.ops, complaint, action, self._parent()))
