"""pytest-qt fixtures: real windows, offscreen, each test on its own small demo store.

The demo store (60 synthetic children) is built once per session and copied into each
test's tmp_path, which is much faster than building it again. Background ops run
synchronously (SyncOps), so a test waits on signals, never on the clock.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from send_desk.backend import Backend, DataPaths

PASSWORD = "correct horse battery"
TODAY = date(2026, 11, 20)
CHILDREN = 60


def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def gui_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gui-demo") / "store"
    Backend.create_demo(DataPaths(root), PASSWORD, children=CHILDREN, seed=11, today=today).close()
    return root


@pytest.fixture
def demo_paths(gui_demo_template: Path, tmp_path: Path) -> DataPaths:
    target = tmp_path / "store"
    shutil.copytree(gui_demo_template, target)
    return DataPaths(target)


@pytest.fixture
def backend(demo_paths: DataPaths) -> Iterator[Backend]:
    opened = Backend.open(demo_paths, PASSWORD, today=today)
    yield opened
    opened.close()


@pytest.fixture
def ops(qtbot):  # type: ignore[no-untyped-def]
    from send_desk.gui.ops import SyncOps

    return SyncOps()


@pytest.fixture
def window(qtbot, backend: Backend, ops):  # type: ignore[no-untyped-def]
    from send_desk.gui.app import show_main_window

    main = show_main_window(backend, ops, idle_ms=3_600_000, unlock_delay_seconds=30)
    qtbot.addWidget(main)
    qtbot.waitExposed(main)
    yield main
    main.close()
