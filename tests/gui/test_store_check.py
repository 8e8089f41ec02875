"""After unlocking, a damaged store is said plainly: what is damaged, which backup."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from send_desk.backend import Backend, DataPaths
from send_desk.gui.store_check import StoreCheck

from .conftest import PASSWORD, today

PAGE = 4096


def _flip_children_table(paths: DataPaths) -> None:
    """64 bytes inverted in the middle of the page at the root of the children's table."""
    from send_desk.storage.engine import keyed_connection
    from send_desk.storage.store import open_store

    with open_store(paths, PASSWORD) as store:
        raw_key = store.raw_key
    connection = keyed_connection(paths.database, raw_key)
    try:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'child'"
        ).fetchone()
    finally:
        connection.close()
    offset = (int(root) - 1) * PAGE + PAGE // 2
    with open(paths.database, "r+b") as handle:
        handle.seek(offset)
        data = handle.read(64)
        handle.seek(offset)
        handle.write(bytes(byte ^ 0xFF for byte in data))


def test_a_damaged_store_is_reported_after_unlock_with_the_backup_to_restore(
    qtbot, demo_paths: DataPaths, ops
) -> None:  # type: ignore[no-untyped-def]
    from send_desk.storage.backup import backup_store
    from send_desk.storage.store import open_store

    with open_store(demo_paths, PASSWORD) as store:
        backup_store(store, demo_paths.backups / "friday.zip")
    _flip_children_table(demo_paths)

    backend = Backend.open(demo_paths, PASSWORD, today=today)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    try:
        check = StoreCheck(backend, ops, window)
        with qtbot.waitSignal(check.finished) as finished:
            check.start()
        result = finished.args[0]
        assert result.ok is False and result.damaged
        assert result.backup is not None and result.backup.name == "friday.zip"
        box = check.box
        assert isinstance(box, QMessageBox)
        qtbot.waitUntil(box.isVisible)
        assert "is damaged" in box.text()
        assert "children's records" in box.text()
        assert "friday.zip" in box.informativeText()
        assert "newest backup that passes" in box.informativeText()
    finally:
        backend.close()


def test_a_whole_store_shows_nothing_and_runs_its_first_full_check(
    qtbot, backend: Backend, ops
) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    check = StoreCheck(backend, ops, window)
    with qtbot.waitSignal(check.finished) as finished:
        check.start()
    assert finished.args[0].ok is True and finished.args[0].backup is None
    assert finished.args[0].full is True  # never run before on this store
    assert check.box is None
    again = StoreCheck(backend, ops, window)
    with qtbot.waitSignal(again.finished) as finished:
        again.start()
    assert finished.args[0].full is False  # the next full check is a week away
