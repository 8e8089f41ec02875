"""The app's sync: status bar, background sync with retry, the Sync page's ledger and
conflicts, against a real central store on 127.0.0.1 (SQLite here; the protocol is
tested on both databases in tests/sync)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from send_desk.backend import Backend, DataPaths
from send_desk.backend.caseload_models import ChildChanges
from send_desk.server import admin
from send_desk.server.db import open_database
from tests.gui.children import child_ids
from tests.sync.servers import LAPTOP_PASSWORD, SERVER_PASSWORD, Device, LiveServer

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 22)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[Any]:
    engine = open_database(f"sqlite:///{tmp_path / 'central.db'}")
    admin.demo(engine, children=16, seed=9, today=TODAY, password=SERVER_PASSWORD)
    server = LiveServer(engine).start()
    yield server, engine
    server.stop()
    engine.dispose()


def _user(engine: Any, role: str, team: str = "North") -> str:
    return next(
        u["username"] for u in admin.users(engine) if u["role"] == role and u["team"] == team
    )


@pytest.fixture
def laptop(
    central: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Device:
    server, engine = central
    device = Device(tmp_path / "laptop", capsys, monkeypatch, server.url)
    device.login(_user(engine, "caseworker"))
    device.sync()
    return device


@pytest.fixture
def synced_window(qtbot: Any, laptop: Device, ops: Any) -> Iterator[Any]:
    from send_desk.gui.app import show_main_window

    backend = Backend.open(DataPaths(laptop.root), LAPTOP_PASSWORD)
    window = show_main_window(backend, ops, idle_ms=3_600_000)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield window
    window.sync.stop()
    window.close()
    backend.close()


def test_an_unlinked_laptop_says_sync_is_not_set_up_and_offers_to_sign_in(
    qtbot: Any, window: Any
) -> None:
    assert window.sync_label.text() == "Sync: not set up"
    window.show_page("sync")
    page = window.pages.currentWidget()
    assert page.sign_in.isVisible()
    assert not page.sync_button.isEnabled()
    assert "not signed in" in page.summary.text()


def test_signing_in_on_the_sync_page_brings_the_caseload(
    qtbot: Any, central: Any, tmp_path: Path, ops: Any
) -> None:
    from send_desk.gui.app import show_main_window

    server, engine = central
    backend = Backend.create(DataPaths(tmp_path / "fresh"), LAPTOP_PASSWORD)
    window = show_main_window(backend, ops, idle_ms=3_600_000)
    qtbot.addWidget(window)
    try:
        window.show_page("sync")
        page = window.pages.currentWidget()
        page.server_edit.setText(server.url)
        page.user_edit.setText(_user(engine, "caseworker", "South"))
        page.password_edit.setText(SERVER_PASSWORD)
        with qtbot.waitSignal(window.sync.finished, timeout=20_000) as finished:
            page.sign_in_button.click()
        assert finished.args[0].pulled > 0
        assert not page.sign_in.isVisible()
        assert page.sync_button.isEnabled()
        assert "0 waiting" in window.sync_label.text()
        window.show_page("caseload")
        window.caseload.reload()
        assert window.caseload.model.rowCount() > 0
    finally:
        window.sync.stop()
        window.close()
        backend.close()


def test_the_status_bar_counts_changes_waiting_and_sync_now_sends_them(
    qtbot: Any, synced_window: Any
) -> None:
    window = synced_window
    child = child_ids(window.backend)[0]
    window.backend.caseload.update_child(uuid.UUID(child), ChildChanges(preferred_name="Sunny"))
    window.sync.refresh_status()
    assert "1 waiting" in window.sync_label.text()
    phases: list[str] = []
    window.sync.progress.connect(lambda phase, _done, _total: phases.append(phase))
    window.show_page("sync")
    page = window.pages.currentWidget()
    assert page.tabs.tabText(0) == "Waiting to sync (1)"
    assert "preferred name set to 'Sunny'" in page.pending_model.row(0).description
    with qtbot.waitSignal(window.sync.finished, timeout=20_000) as finished:
        page.sync_button.click()
    assert finished.args[0].pushed == 1
    assert "push" in phases and "pull" in phases  # the progress bar followed both
    assert "0 waiting" in window.sync_label.text()
    assert page.tabs.tabText(0) == "Waiting to sync (0)"
    assert not window.sync_progress.isVisible()


def test_sync_runs_by_itself_when_the_network_returns_and_retries_with_backoff(
    qtbot: Any, synced_window: Any, central: Any
) -> None:
    server, _engine = central
    controller = synced_window.sync
    controller.network_changed(False)
    assert not controller.timer.isActive()
    assert "offline" in synced_window.sync_label.text()
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.network_changed(True)  # sync soon after the network is back
    server.stop()
    with qtbot.waitSignal(controller.failed, timeout=10_000) as failed:
        controller.sync_now()
    assert failed.args[1] == "offline"
    assert controller.timer.isActive() and controller.timer.interval() == 30_000
    assert "retry in 30 s" in synced_window.sync_label.text()
    with qtbot.waitSignal(controller.failed, timeout=10_000):
        controller.sync_now()
    assert controller.timer.interval() == 60_000  # the wait grows


def test_a_refused_change_can_be_discarded_with_a_reason(qtbot: Any, synced_window: Any) -> None:
    window = synced_window
    child = child_ids(window.backend)[0]
    before = window.backend.caseload.child_detail(uuid.UUID(child)).upn
    _poison(window, child)
    with qtbot.waitSignal(window.sync.finished, timeout=20_000) as finished:
        window.sync.sync_now()
    assert finished.args[0].quarantined == 1
    window.show_page("sync")
    page = window.pages.currentWidget()
    assert page.tabs.tabText(1) == "Refused (1)"
    assert "UPN" in page.refused_model.row(0).reason
    page.tabs.setCurrentIndex(1)
    page.refused_view.selectRow(0)
    assert page.retry_button.isEnabled() and page.discard_button.isEnabled()
    page.retry_selected()  # nothing has changed: refused again, and the user is told
    assert "Refused again" in window.statusBar().currentMessage()
    page.refused_view.selectRow(0)
    with qtbot.waitSignal(window.sync.finished, timeout=20_000):
        page.discard_selected(reason="typed into the wrong record")
    assert page.tabs.tabText(1) == "Refused (0)"
    assert window.backend.caseload.child_detail(uuid.UUID(child)).upn == before


def _poison(window: Any, child: str) -> None:
    """A value written past the app's checks, as a damaged journal or a bug would."""
    from send_desk.domain.children import Child

    store = window.backend._store
    with store.write() as session:
        row = session.get(Child, uuid.UUID(child))
        row.upn = "NOT-A-UPN"


def test_a_conflict_is_shown_side_by_side_and_resolved(
    qtbot: Any,
    synced_window: Any,
    central: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, engine = central
    window = synced_window
    other = Device(tmp_path / "other-laptop", capsys, monkeypatch, server.url)
    other.login(_user(engine, "supervisor"))
    other.sync()
    child = child_ids(window.backend)[0]
    other.json("child", "update", child, "--set", "home_language=Welsh")
    other.sync()
    window.backend.caseload.update_child(uuid.UUID(child), ChildChanges(home_language="Gujarati"))
    with qtbot.waitSignal(window.sync.finished, timeout=20_000) as finished:
        window.sync.sync_now()
    assert finished.args[0].conflicts == 1
    assert "1 conflict" in window.sync_label.text()
    window.show_page("sync")
    page = window.pages.currentWidget()
    page.tabs.setCurrentIndex(2)
    assert page.tabs.tabText(2) == "Conflicts (1)"
    panel = page.conflict_panel
    assert panel.kept_value.text() == "Welsh" and panel.other_value.text() == "Gujarati"
    assert "Set by" in panel.kept_who.text() and "Set by" in panel.other_who.text()
    assert panel.kept_who.text() != panel.other_who.text()
    panel.note.setText("Mum confirmed Gujarati at the review")
    with qtbot.waitSignal(window.sync.finished, timeout=20_000):
        panel.keep_other.click()
    assert window.backend.caseload.child_detail(uuid.UUID(child)).home_language == "Gujarati"
    other.sync()
    assert other.child(child)["home_language"] == "Gujarati"
    assert other.json("conflicts") == []


def test_a_revoked_laptop_is_wiped_and_the_window_closes(
    qtbot: Any, synced_window: Any, central: Any
) -> None:
    _server, engine = central
    window = synced_window
    admin.revoke_device(engine, admin.devices(engine)[0]["device_id"], "stolen")
    root = window.backend.paths.root
    with qtbot.waitSignal(window.sync.wiped, timeout=20_000):
        window.sync.sync_now()
    assert "removed the caseload" in window.last_message_box.text()
    assert not (root / "caseload.db").exists()
    assert window.sync_label.text() == "Sync: this laptop's caseload was removed"
    window.last_message_box.done(0)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


def test_a_sync_pass_that_pulls_a_change_refreshes_the_open_caseload(
    qtbot: Any,
    synced_window: Any,
    central: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, engine = central
    window = synced_window
    window.show_page("caseload")
    page = window.caseload
    with qtbot.waitSignal(page.ids_loaded, timeout=5000):
        page.reload()
    child = page.model.id_at(0)
    before = page.model.data(page.model.index(0, 0))
    assert "(Sunny)" not in before
    other = Device(tmp_path / "other-laptop", capsys, monkeypatch, server.url)
    other.login(_user(engine, "supervisor"))
    other.sync()
    other.json("child", "update", child, "--set", "preferred_name=Sunny")
    other.sync()
    # the pass pulls the change; the caseload on screen re-reads the row by itself
    with qtbot.waitSignal(page.ids_loaded, timeout=20_000):
        window.sync.sync_now()
    row = page.model.row_of(child)
    assert page.model.data(page.model.index(row, 0)) == f"{before} (Sunny)"
