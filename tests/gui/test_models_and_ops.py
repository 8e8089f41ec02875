"""Item models pass Qt's model tester; the background-op helper delivers on the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from send_desk.backend import ValidationFailed
from send_desk.gui.caseload_model import PAGE_SIZE, CaseloadModel, rows_fetcher
from send_desk.gui.items_model import ItemsModel
from send_desk.gui.ops import Ops
from tests.gui.children import child_ids


def test_caseload_model_passes_the_model_tester(qtmodeltester, backend) -> None:
    model = CaseloadModel(rows_fetcher(backend.caseload))
    model.set_ids(child_ids(backend))
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_empty_caseload_model_passes_the_model_tester(qtmodeltester, backend) -> None:
    qtmodeltester.check(CaseloadModel(rows_fetcher(backend.caseload)), force_py=True)


def test_caseload_model_fetches_rows_a_page_at_a_time(backend) -> None:
    fetched: list[int] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        fetched.append(len(ids))
        return rows_fetcher(backend.caseload)(ids)

    model = CaseloadModel(fetch)
    ids = child_ids(backend) * 4  # 240 rows: three pages
    model.set_ids(ids)
    assert fetched == []
    model.data(model.index(0, 0))
    model.data(model.index(5, 3))
    assert fetched == [PAGE_SIZE]
    model.data(model.index(len(ids) - 1, 0))
    assert fetched == [PAGE_SIZE, len(ids) - 2 * PAGE_SIZE]
    assert model.cached_pages == 2


def test_record_models_pass_the_model_tester(qtmodeltester, qtbot, window) -> None:
    page = window.caseload
    window.open_child(page.model.id_at(0))
    record = window.record
    for model in (
        record.family_model,
        record.settings_model,
        record.allocations_model,
        record.events_model,
        record.history_model,
    ):
        assert isinstance(model, ItemsModel)
        qtmodeltester.check(model, force_py=True)


def test_ops_run_off_the_gui_thread_and_call_back_on_it(qtbot) -> None:
    ops = Ops()
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["on_gui_thread"] = QThread.currentThread() is gui_thread

    with qtbot.waitSignal(ops.idle, timeout=5000):
        ops.run(work, done)
    assert seen == {"worker": True, "result": 42, "on_gui_thread": True}


def test_a_failed_op_is_reported_never_silent(qtbot) -> None:
    ops = Ops()
    failures: list[BaseException] = []

    def broken() -> None:
        raise ValidationFailed("Postcode: nope", {"postcode": "nope"})

    with qtbot.waitSignal(ops.idle, timeout=5000):
        ops.run(broken, None, failures.append)
    assert isinstance(failures[0], ValidationFailed)

    with qtbot.waitSignal(ops.error, timeout=5000) as reported:
        ops.run(lambda: 1 / 0)
    assert "Something went wrong" in reported.args[0]
    qtbot.waitUntil(lambda: ops.pending == 0)


def test_busy_signal_brackets_the_work(qtbot) -> None:
    ops = Ops()
    states: list[bool] = []
    ops.busy_changed.connect(states.append)
    with qtbot.waitSignal(ops.idle, timeout=5000):
        ops.run(lambda: None)
        ops.run(lambda: None)
    assert states == [True, False]


def test_self_test_command_reports_and_exits_zero(qtbot, demo_paths, monkeypatch, capsys) -> None:
    from send_desk.cli import main

    from .conftest import PASSWORD

    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    assert main(["--data-dir", str(demo_paths.root), "--self-test"]) == 0
    out = capsys.readouterr().out
    assert "interactive in" in out and "60 children in the caseload" in out


@pytest.mark.parametrize(
    ("password", "code", "message"),
    [
        (None, 2, "needs the store's password"),
        ("wrong wrong wrong", 2, "wrong password"),
    ],
)
def test_self_test_fails_clearly(demo_paths, monkeypatch, capsys, password, code, message) -> None:
    from send_desk.cli import main

    if password is None:
        monkeypatch.delenv("SEND_DESK_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("SEND_DESK_PASSWORD", password)
    assert main(["--data-dir", str(demo_paths.root), "--self-test"]) == code
    assert message in capsys.readouterr().err


def test_self_test_on_a_damaged_store_exits_non_zero(demo_paths, monkeypatch, capsys) -> None:
    from send_desk.cli import main

    from .conftest import PASSWORD

    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    demo_paths.database.write_bytes(b"x" * 4096)
    assert main(["--data-dir", str(demo_paths.root), "--self-test"]) != 0
    assert "could not be read" in capsys.readouterr().err


def test_bench_module_parses(capsys) -> None:
    from send_desk.gui import bench

    with pytest.raises(SystemExit):
        bench.main(["--help"])
    assert "compare" in capsys.readouterr().out
