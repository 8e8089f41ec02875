"""The `send-desk` command run in process, as the CLI tests drive it (one harness
instead of a copy in every test module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from send_desk.cli import main


class Cli:
    """``cli("child", "list")`` runs the command on this data folder and returns its
    exit code, standard output and standard error; ``cli.json(...)`` expects success
    and returns the parsed output."""

    def __init__(self, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.data_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *args: str) -> Any:
        code, out, err = self(*args)
        assert code == 0, err
        return json.loads(out)
