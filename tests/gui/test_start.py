"""First run, unlock, wrong passwords and a store that cannot be opened."""

from __future__ import annotations

from PySide6.QtCore import Qt

from send_desk.backend import Backend, DataPaths
from send_desk.gui.start import StartWindow
from tests.gui.children import child_ids

from .conftest import PASSWORD, today


def _start(qtbot, paths: DataPaths, ops, **kwargs) -> StartWindow:  # type: ignore[no-untyped-def]
    window = StartWindow(paths, ops, today=today, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_run_checks_password_strength_then_creates_a_store(qtbot, tmp_path, ops) -> None:
    paths = DataPaths(tmp_path / "new")
    start = _start(qtbot, paths, ops)
    panel = start.first_run
    assert start.stack.currentWidget() is panel
    qtbot.keyClicks(panel.ui.passwordEdit, "short")
    assert not panel.ui.createButton.isEnabled()
    assert "at least 10 characters" in panel.ui.strengthLabel.text()
    panel.ui.passwordEdit.setText(PASSWORD)
    qtbot.keyClicks(panel.ui.confirmEdit, "something else")
    assert "same password twice" in panel.ui.strengthLabel.text()
    panel.ui.confirmEdit.setText(PASSWORD)
    assert panel.ui.createButton.isEnabled()
    with qtbot.waitSignal(start.opened) as opened:
        qtbot.mouseClick(panel.ui.createButton, Qt.MouseButton.LeftButton)
    backend = opened.args[0]
    try:
        assert child_ids(backend) == []
    finally:
        backend.close()
    assert Backend.store_exists(paths)


def test_first_run_can_load_the_demo_caseload(qtbot, tmp_path, ops) -> None:
    start = _start(qtbot, DataPaths(tmp_path / "demo"), ops, demo_children=12)
    panel = start.first_run
    panel.ui.passwordEdit.setText(PASSWORD)
    panel.ui.confirmEdit.setText(PASSWORD)
    with qtbot.waitSignal(start.opened) as opened:
        qtbot.mouseClick(panel.ui.demoButton, Qt.MouseButton.LeftButton)
    backend = opened.args[0]
    try:
        assert len(child_ids(backend)) == 12
        assert backend.me() is not None
    finally:
        backend.close()


def test_unlock_with_the_right_password(qtbot, demo_paths, ops) -> None:
    start = _start(qtbot, demo_paths, ops)
    assert start.stack.currentWidget() is start.unlock
    qtbot.keyClicks(start.unlock.ui.passwordEdit, PASSWORD)
    with qtbot.waitSignal(start.opened) as opened:
        qtbot.keyClick(start.unlock.ui.passwordEdit, Qt.Key.Key_Return)
    opened.args[0].close()


def test_three_wrong_passwords_impose_a_delay(qtbot, demo_paths, ops) -> None:
    start = _start(qtbot, demo_paths, ops, delay_seconds=30)
    unlock = start.unlock
    for attempt in range(3):
        unlock.ui.passwordEdit.setText(f"wrong password {attempt}")
        qtbot.mouseClick(unlock.ui.unlockButton, Qt.MouseButton.LeftButton)
    assert unlock.gate.waiting
    assert not unlock.ui.unlockButton.isEnabled()
    assert not unlock.ui.passwordEdit.isEnabled()
    assert "Try again in 30 seconds" in unlock.ui.messageLabel.text()
    # a fourth try is refused while waiting, even with the right password
    unlock.ui.passwordEdit.setText(PASSWORD)
    unlock.try_unlock()
    assert start.stack.currentWidget() is unlock


def test_a_wrong_password_says_how_many_tries_are_left(qtbot, demo_paths, ops) -> None:
    start = _start(qtbot, demo_paths, ops)
    start.unlock.ui.passwordEdit.setText("not it at all")
    start.unlock.try_unlock()
    assert "2 more tries" in start.unlock.ui.messageLabel.text()


def test_an_unopenable_store_explains_and_restores_a_backup(qtbot, demo_paths, ops) -> None:
    from send_desk.storage.backup import backup_store
    from send_desk.storage.store import open_store

    with open_store(demo_paths, PASSWORD) as store:
        backup_store(store, demo_paths.backups / "monday.zip")
    demo_paths.database.write_bytes(b"this is not a database" * 500)

    start = _start(qtbot, demo_paths, ops)
    start.unlock.ui.passwordEdit.setText(PASSWORD)
    start.unlock.try_unlock()
    problem = start.problem
    assert start.stack.currentWidget() is problem
    assert "damaged" in problem.reason.text()
    assert problem.backups.count() == 1
    assert "monday.zip" in problem.backups.item(0).text()

    problem.password.setText("not the password")
    problem.restore_button.click()
    assert "not the password the backup was made with" in problem.message.text()

    problem.password.setText(PASSWORD)
    problem.restore_button.click()
    assert start.stack.currentWidget() is start.unlock
    assert "restored" in start.unlock.ui.messageLabel.text()
    start.unlock.ui.passwordEdit.setText(PASSWORD)
    with qtbot.waitSignal(start.opened) as opened:
        start.unlock.try_unlock()
    backend = opened.args[0]
    try:
        assert len(child_ids(backend)) == 60
    finally:
        backend.close()


def test_the_backups_of_an_unopenable_store_are_marked_passed_or_failed(
    qtbot, demo_paths, ops
) -> None:
    import os
    import zipfile

    from send_desk.storage.backup import backup_store
    from send_desk.storage.store import open_store

    good = demo_paths.backups / "monday.zip"
    with open_store(demo_paths, PASSWORD) as store:
        backup_store(store, good)
    # a newer backup whose database was damaged after it was written
    bad = demo_paths.backups / "tuesday.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            copy.writestr(name, b"garbage" * 4096 if name.endswith(".db") else data)
    monday = good.stat().st_mtime
    os.utime(bad, (monday + 86400, monday + 86400))
    demo_paths.database.write_bytes(b"this is not a database" * 500)

    start = _start(qtbot, demo_paths, ops)
    start.unlock.ui.passwordEdit.setText(PASSWORD)
    problem = start.problem
    with qtbot.waitSignal(problem.backups_checked, timeout=10000):
        start.unlock.try_unlock()
    texts = [problem.backups.item(n).text() for n in range(problem.backups.count())]
    assert texts[0].startswith("tuesday.zip") and texts[0].endswith(
        " – FAILS its check: do not restore it"
    )
    assert texts[1].startswith("monday.zip") and texts[1].endswith(" – passes its check")
    # the newest backup that passes is the one chosen, not the newest
    assert problem.backups.currentItem().text() == texts[1]
