"""The command line's shared pieces: ``--set FIELD=VALUE`` parsing, JSON output, what a
terminal is shown, and the exit status a user (or a script) gets for each kind of
failure (1 = the operation failed, 2 = bad input or refused)."""

from __future__ import annotations

import io
import json
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from send_desk.cli import main
from send_desk.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    CliError,
    TerminalGuard,
    parse_assignments,
    shown,
    to_json,
)
from send_desk.paths import DataPaths
from send_desk.services.errors import ServiceError
from send_desk.storage.errors import StoreError
from send_desk.storage.store import create_store
from tests.constants import PASSWORD


def test_the_exit_statuses_are_one_for_a_failure_and_two_for_bad_input() -> None:
    assert (EXIT_FAILED, EXIT_BAD_INPUT) == (1, 2)
    assert CliError("no such child").exit_code == 2
    assert CliError("disk full", EXIT_FAILED).exit_code == 1


def test_repeated_set_options_become_fields_with_their_values_as_typed() -> None:
    assert parse_assignments(
        ["first_name=Alex", " last_name =Example", "notes=a=b", "phone="]
    ) == {"first_name": "Alex", "last_name": "Example", "notes": "a=b", "phone": ""}


def test_no_set_options_give_no_fields() -> None:
    assert parse_assignments(None) == {}
    assert parse_assignments([]) == {}


def test_the_last_of_two_settings_of_one_field_wins() -> None:
    assert parse_assignments(["school=Old Road", "school=New Road"]) == {"school": "New Road"}


@pytest.mark.parametrize("item", ["first_name", "=Alex", "  =Alex", ""])
def test_a_setting_without_a_field_name_or_equals_sign_is_refused_by_name(item: str) -> None:
    with pytest.raises(CliError) as refused:
        parse_assignments(["school=Old Road", item])
    assert refused.value.message == f"'{item}' is not FIELD=VALUE"
    assert refused.value.exit_code == EXIT_BAD_INPUT


def test_an_error_echoing_a_control_character_shows_its_code_instead() -> None:
    error = CliError("'\x1b[2JAlex' is not FIELD=VALUE\nsee --help\tplease")
    assert error.message == "'\\x1b[2JAlex' is not FIELD=VALUE\nsee --help\tplease"


def test_a_terminal_sees_control_characters_as_codes_and_keeps_line_breaks() -> None:
    assert shown("plain text") == "plain text"
    assert shown("Alex\x07 \u202eExample\n\r") == "Alex\\x07 \\u202eExample\n\r"
    screen = io.StringIO()
    TerminalGuard(screen).write("Sam\x1b[31m Sample\n")
    assert screen.getvalue() == "Sam\\x1b[31m Sample\n"


def test_json_output_writes_dates_ids_and_sets_and_reads_back_the_same_text() -> None:
    child = uuid.UUID("12345678-1234-5678-1234-567812345678")
    text = to_json(
        {
            "id": child,
            "born": date(2015, 4, 1),
            "at": datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
            "teams": {"North", "East"},
            "name": "Jo\x9bTest \u202eTester",
        }
    )
    assert "\x9b" not in text and "\u202e" not in text  # escaped, not raw
    assert json.loads(text) == {
        "id": "12345678-1234-5678-1234-567812345678",
        "born": "2015-04-01",
        "at": "2026-11-22T09:30:00+00:00",
        "teams": ["East", "North"],
        "name": "Jo\x9bTest \u202eTester",
    }


def test_json_output_refuses_a_value_it_cannot_write() -> None:
    with pytest.raises(TypeError, match="cannot write complex as JSON"):
        to_json({"score": 1j})


def test_a_missing_store_is_bad_input_and_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(tmp_path / "nowhere"), "stats"])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert err.startswith("send-desk: there is no store in ")
    assert "send-desk init" in err


def test_a_wrong_password_is_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "store"
    create_store(DataPaths(root), PASSWORD).close()
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD + " not")
    code = main(["--data-dir", str(root), "stats"])
    assert code == EXIT_BAD_INPUT
    assert capsys.readouterr().err == "send-desk: wrong password\n"


def test_a_bad_set_option_on_a_real_command_exits_two_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "store"
    create_store(DataPaths(root), PASSWORD).close()
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    code = main(["--data-dir", str(root), "child", "add", "--set", "first_name"])
    assert code == EXIT_BAD_INPUT
    assert capsys.readouterr().err == "send-desk: 'first_name' is not FIELD=VALUE\n"


def _stats_raises(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    """`send-desk stats` fails with ``error`` (as a command meeting it would)."""
    from send_desk.cli import store_cmds

    def failing(_args: object) -> int:
        raise error

    monkeypatch.setattr(store_cmds, "cmd_stats", failing)


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (ServiceError("no child with that id"), EXIT_BAD_INPUT, "no child with that id"),
        (StoreError("the disk is full"), EXIT_FAILED, "the disk is full"),
        (CliError("the meeting date is not a date"), EXIT_BAD_INPUT,
         "the meeting date is not a date"),
    ],
)  # fmt: skip
def test_known_failures_are_one_line_with_their_exit_status(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    code: int,
    line: str,
) -> None:
    _stats_raises(monkeypatch, error)
    assert main(["--data-dir", str(tmp_path / "store"), "stats"]) == code
    assert capsys.readouterr().err == f"send-desk: {line}\n"


def test_a_bug_exits_one_and_its_details_go_to_the_log_without_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stats_raises(monkeypatch, RuntimeError("Alex Example's note would be here"))
    root = tmp_path / "store"
    assert main(["--data-dir", str(root), "stats"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith("send-desk: something went wrong inside SEND Desk; details are in ")
    log = Path(err.rstrip("\n").rsplit(" ", 1)[-1])
    assert log.parent == DataPaths(root).logs
    text = log.read_text(encoding="utf-8")
    assert "command: stats" in text and "RuntimeError" in text
    assert "Alex Example" not in text and "Alex Example" not in err
