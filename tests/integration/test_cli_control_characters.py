"""The command line never prints a raw control character to a terminal, and refuses
one in what is typed (``child update ID --set "last_name=Byrne<ESC>[2J"``)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from send_desk.cli import main
from send_desk.cli.common import TerminalGuard, shown, to_json
from tests.constants import PASSWORD
from tests.integration.test_cli_store import Cli


@pytest.fixture
def small_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    cli = Cli(tmp_path / "store", capsys)
    cli.json("demo", "--children", "4", "--seed", "5", "--today", "2026-11-22", "--json")
    return cli


def test_a_name_with_an_escape_sequence_is_refused_and_the_message_is_safe(
    small_cli: Cli,
) -> None:
    child = small_cli.json("child", "list", "--json")[0]
    code, out, err = small_cli("child", "update", child["id"], "--set", "last_name=Byrne\x1b[2J")
    assert code == 2 and out == ""
    assert "Last name: a control character" in err and "\x1b" not in err
    assert small_cli.json("child", "show", child["id"], "--json")["last_name"] != "Byrne\x1b[2J"
    # a message that repeats what was typed shows the escape as its code
    code, _, err = small_cli("child", "update", child["id"], "--set", "date_of_birth=\x1b[2J")
    assert code == 2
    assert "'\\x1b[2J' is not a date" in err and "\x1b" not in err
    code, _, err = small_cli("child", "update", child["id"], "--set", "colour\x9b=red")
    assert code == 2 and "colour\\x9b" in err and "\x9b" not in err


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_what_reaches_a_terminal_has_its_control_characters_shown_not_obeyed(
    small_cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = FakeTerminal()
    guarded = TerminalGuard(terminal)
    monkeypatch.setattr("sys.stdout", guarded)
    print("Byrne\x1b[2J\tWest\r\n\u202eKit")
    assert terminal.getvalue() == "Byrne\\x1b[2J\tWest\r\n\\u202eKit\n"
    # main() wraps a terminal itself; output to a pipe or a file is left byte for byte
    monkeypatch.setattr("sys.stdout", FakeTerminal())
    main(["--data-dir", str(small_cli.data_dir), "child", "list", "--json"])
    assert isinstance(sys.stdout, TerminalGuard)


def test_json_output_escapes_every_control_character_and_reads_back_the_same() -> None:
    data = {"name": "Byrne\x1b[2J\x9b\u202e", "note": "two\nlines"}
    text = to_json(data)
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "\\u009b" in text and "\\u202e" in text
    assert json.loads(text) == data
    assert shown("a\x00b", keep="") == "a\\x00b"
