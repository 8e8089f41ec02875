"""The window before the case data: first run, unlock, or a store that cannot be opened."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from send_desk.gui import preload
from send_desk.gui.forms.ui_first_run_form import Ui_FirstRunForm
from send_desk.gui.lock import PasswordGate, UnlockPanel
from send_desk.gui.ops import Ops
from send_desk.timeutil import london_today

if TYPE_CHECKING:  # imported while the user types (send_desk.gui.preload), not at start
    from send_desk.backend import Backend, StoreProblem
    from send_desk.backend.store_models import BackupInfo
    from send_desk.paths import DataPaths

DEMO_CHILDREN = 2000
log = logging.getLogger(__name__)


class FirstRunPanel(QWidget):
    """Create an empty store or load the demo caseload, choosing the password first."""

    create_requested = Signal(str)
    demo_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunForm()
        self.ui.setupUi(self)
        self.ui.mainLayout.addStretch(1)
        font = self.ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        self.ui.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.progressBar.hide()
        self.ui.progressLabel.hide()
        self.ui.passwordEdit.textChanged.connect(self._check_strength)
        self.ui.confirmEdit.textChanged.connect(self._check_strength)
        self.ui.createButton.clicked.connect(lambda: self._submit(self.create_requested))
        self.ui.demoButton.clicked.connect(lambda: self._submit(self.demo_requested))
        self._check_strength()

    def _problems(self) -> list[str]:
        from send_desk.backend import check_new_password

        password = self.ui.passwordEdit.text()
        problems = check_new_password(password)
        if not problems and password != self.ui.confirmEdit.text():
            problems.append("type the same password twice")
        return problems

    def _check_strength(self) -> None:
        password = self.ui.passwordEdit.text()
        if not password:
            # nothing typed: no rules to load yet (the window is built before they are)
            text, ok = "Use at least 10 characters; a short sentence is easy to remember.", False
        else:
            problems = self._problems()
            text = "Not yet: " + "; ".join(problems) + "." if problems else "Strong enough."
            ok = not problems
        self.ui.strengthLabel.setText(text)
        self.ui.createButton.setEnabled(ok)
        self.ui.demoButton.setEnabled(ok)

    def _submit(self, signal: Any) -> None:
        if self._problems():
            return
        signal.emit(self.ui.passwordEdit.text())

    def set_busy(self, message: str) -> None:
        for widget in (
            self.ui.createButton,
            self.ui.demoButton,
            self.ui.passwordEdit,
            self.ui.confirmEdit,
        ):
            widget.setEnabled(not message)
        self.ui.progressBar.setVisible(bool(message))
        self.ui.progressLabel.setVisible(bool(message))
        self.ui.progressBar.setRange(0, 0)  # busy indication: the length is not known
        self.ui.progressLabel.setText(message)
        if not message:
            self._check_strength()

    def show_error(self, message: str) -> None:
        self.set_busy("")
        self.ui.strengthLabel.setText(message)


def backup_text(backup: BackupInfo, *, checking: bool = False) -> str:
    """ "monday.zip (saved 07/12/2026 09:30) – passes its check"."""
    text = f"{backup.name} (saved {backup.modified.strftime('%d/%m/%Y %H:%M')})"
    if checking:
        return f"{text} – checking…"
    if backup.passed is True:
        return f"{text} – passes its check"
    if backup.passed is False:
        return f"{text} – FAILS its check: do not restore it"
    return text


class ProblemPanel(QWidget):
    """The store cannot be opened: say why and offer to restore a backup."""

    restore_requested = Signal(str, str)
    retry_requested = Signal()
    # the backups have been checked and each is marked passed or failed
    backups_checked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel("SEND Desk cannot open your caseload")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setAccessibleName("Why the store cannot be opened")
        self.advice = QLabel(
            "You can restore a backup. The current files are kept aside, not deleted, so your "
            "IT service desk can still look at them."
        )
        self.advice.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setAccessibleName("Backups, newest first")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Password the backup was made with")
        self.password.setAccessibleName("Password of the backup")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        buttons = QHBoxLayout()
        self.restore_button = QPushButton("&Restore the chosen backup")
        self.browse_button = QPushButton("Choose a backup &file…")
        self.retry_button = QPushButton("&Try again")
        for button in (self.restore_button, self.browse_button, self.retry_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        for widget in (self.title, self.reason, self.advice, self.backups, self.password):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.restore_button.clicked.connect(self._restore_chosen)
        self.browse_button.clicked.connect(self._browse)
        self.retry_button.clicked.connect(self.retry_requested)

    def show_problem(
        self, problem: StoreProblem, backups: Sequence[BackupInfo], *, checking: bool = False
    ) -> None:
        """``checking``: the backups are being checked; :meth:`show_checked` marks them."""
        self.reason.setText(problem.message)
        self._list_backups(backups, checking=checking)
        for widget in (
            self.advice,
            self.backups,
            self.password,
            self.restore_button,
            self.browse_button,
        ):
            widget.setVisible(problem.can_restore)
        self.message.setText(
            ""
            if backups or not problem.can_restore
            else "No backups were found in the store's backups folder."
        )

    def show_checked(self, backups: Sequence[BackupInfo]) -> None:
        """The backups again, each marked passed or failed; the newest that passed is
        chosen, so the obvious click restores a good one."""
        self._list_backups(backups, checking=False)
        self.backups_checked.emit()

    def _list_backups(self, backups: Sequence[BackupInfo], *, checking: bool) -> None:
        self.backups.clear()
        for backup in backups:
            item = QListWidgetItem(backup_text(backup, checking=checking))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.backups.addItem(item)
        good = [n for n, backup in enumerate(backups) if backup.passed]
        if backups:
            self.backups.setCurrentRow(good[0] if good else 0)

    def _restore_chosen(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            self.message.setText("Choose a backup from the list, or a backup file.")
            return
        self.restore_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)), self.password.text())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a backup", "", "Backups (*.zip)")
        if path:
            self.restore_requested.emit(path, self.password.text())


class StartWindow(QWidget):
    """Shown first. Emits ``opened(backend)`` once the store is unlocked or created."""

    opened = Signal(object)

    def __init__(
        self,
        paths: DataPaths,
        ops: Ops,
        *,
        today: Callable[[], date] = london_today,
        demo_children: int = DEMO_CHILDREN,
        delay_seconds: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.ops = ops
        self._today = today
        self.demo_children = demo_children
        self.setWindowTitle("SEND Desk")
        self.setAccessibleName("SEND Desk start")
        self.stack = QStackedWidget()
        self.first_run = FirstRunPanel()
        self.unlock = UnlockPanel(
            self._check_password,
            title="Unlock SEND Desk",
            subtitle=f"Caseload store: {paths.root}",
            gate=PasswordGate(delay_seconds),
        )
        self.problem = ProblemPanel()
        for panel in (self.first_run, self.unlock, self.problem):
            self.stack.addWidget(panel)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        outer.addWidget(self.stack)
        self.first_run.create_requested.connect(self._create)
        self.first_run.demo_requested.connect(self._create_demo)
        self.problem.restore_requested.connect(self._restore)
        self.problem.retry_requested.connect(self.show_start)
        self.resize(560, 420)
        self.show_start()

    def show_start(self) -> None:
        from send_desk.backend import store_exists

        if store_exists(self.paths):
            self.unlock.reset()
            self.stack.setCurrentWidget(self.unlock)
            self.unlock.focus_password()
        else:
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.ui.passwordEdit.setFocus()

    def _check_password(self, password: str, done: Callable[[bool, str], None]) -> None:
        def opened(backend: Backend) -> None:
            done(True, "")
            self.opened.emit(backend)

        def failed(error: BaseException) -> None:
            from send_desk.backend.errors import StoreProblem, WrongPassword

            if isinstance(error, WrongPassword):
                done(False, "")
            elif isinstance(error, StoreProblem):
                done(False, error.message)
                self.show_problem(error, password)
            else:
                done(False, f"Something went wrong inside SEND Desk: {error}")

        self.ops.run(
            lambda: preload.backend().open(self.paths, password, today=self._today), opened, failed
        )

    def show_problem(self, problem: StoreProblem, password: str | None = None) -> None:
        """Say why the store cannot be opened and list the backups; with the password
        just typed, check them in the background and mark which pass."""
        backend = preload.backend()
        backups = backend.list_backups(self.paths)
        checking = bool(password and backups and problem.can_restore)
        self.problem.show_problem(problem, backups, checking=checking)
        self.stack.setCurrentWidget(self.problem)
        if checking:

            def not_checked(error: BaseException) -> None:
                # the list stays usable, unmarked; the restore checks the one chosen
                log.warning("the backups could not be checked: %s", type(error).__name__)
                self.problem.show_checked(backups)

            self.ops.run(
                lambda: backend.list_backups(self.paths, password),
                self.problem.show_checked,
                not_checked,
            )

    def _create(self, password: str) -> None:
        self.first_run.set_busy("Creating the encrypted store…")
        self.ops.run(
            lambda: preload.backend().create(self.paths, password, today=self._today),
            self.opened.emit,
            self._create_failed,
        )

    def _create_demo(self, password: str) -> None:
        count = self.demo_children
        self.first_run.set_busy(
            f"Building the demo caseload of {count:,} synthetic children. This takes a few seconds…"
        )
        self.ops.run(
            lambda: preload.backend().create_demo(
                self.paths, password, children=count, today=self._today
            ),
            self.opened.emit,
            self._create_failed,
        )

    def _create_failed(self, error: BaseException) -> None:
        from send_desk.backend.errors import StoreProblem, ValidationFailed

        if isinstance(error, ValidationFailed | StoreProblem):
            self.first_run.show_error(error.message)
        else:
            self.first_run.show_error(f"Something went wrong inside SEND Desk: {error}")

    def _restore(self, source: str, password: str) -> None:
        if not password:
            password, ok = QInputDialog.getText(
                self,
                "Restore a backup",
                "Password the backup was made with:",
                QLineEdit.EchoMode.Password,
            )
            if not ok or not password:
                return
        self.problem.message.setText("Restoring…")

        def restored(_summary: Any) -> None:
            self.problem.message.setText("")
            self.unlock.reset()
            self.unlock.set_message("The backup was restored. Unlock it with its password.")
            self.stack.setCurrentWidget(self.unlock)
            self.unlock.focus_password()

        def failed(error: BaseException) -> None:
            from send_desk.backend.errors import WrongPassword

            if isinstance(error, WrongPassword):
                self.problem.message.setText("That is not the password the backup was made with.")
            else:
                self.problem.message.setText(getattr(error, "message", str(error)))

        self.ops.run(
            lambda: preload.backend().restore_backup(self.paths, source, password), restored, failed
        )
