"""A small synthetic demo store per test, copied from one built once per session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from send_desk.backend import Backend, DataPaths

PASSWORD = "correct horse battery"
TODAY = date(2026, 11, 20)
CHILDREN = 60


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo-template") / "store"
    backend = Backend.create_demo(
        DataPaths(root), PASSWORD, children=CHILDREN, seed=7, today=lambda: TODAY
    )
    backend.close()
    return root


@pytest.fixture
def demo_paths(demo_template: Path, tmp_path: Path) -> DataPaths:
    target = tmp_path / "store"
    shutil.copytree(demo_template, target)
    return DataPaths(target)


@pytest.fixture
def backend(demo_paths: DataPaths) -> Iterator[Backend]:
    opened = Backend.open(demo_paths, PASSWORD, today=lambda: TODAY)
    yield opened
    opened.close()
