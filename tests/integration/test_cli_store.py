"""The `send-desk` command as a caseworker or a script meets it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.constants import PASSWORD
from tests.integration.cli_harness import Cli


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    return Cli(tmp_path / "store", capsys)


@pytest.fixture
def demo_cli(cli: Cli) -> Cli:
    summary = cli.json("demo", "--children", "80", "--seed", "5", "--today", "2026-11-22", "--json")
    assert summary["rows"]["child"] == 80
    return cli


def test_demo_builds_every_stage_and_four_teams(demo_cli: Cli) -> None:
    stats = demo_cli.json("stats", "--json")
    assert stats["tables"]["child"] == 80
    assert [t["team"] for t in stats["teams"]] == ["East", "North", "South", "West"]
    assert sum(t["children"] for t in stats["teams"]) == 80
    assert all(t["caseworkers"] >= 1 and t["supervisors"] >= 1 for t in stats["teams"])
    # every insert was journaled
    journaled = sum(v for k, v in stats["tables"].items() if k != "journal")
    assert stats["tables"]["journal"] == journaled


def test_same_seed_same_caseload(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    lists = []
    for name in ("a", "b"):
        cli = Cli(tmp_path / name, capsys)
        cli.json("demo", "--children", "40", "--seed", "11", "--today", "2026-06-01", "--json")
        lists.append(cli.json("child", "list", "--json"))
    assert lists[0] == lists[1]
    other = Cli(tmp_path / "c", capsys)
    other.json("demo", "--children", "40", "--seed", "12", "--today", "2026-06-01", "--json")
    assert other.json("child", "list", "--json") != lists[0]


def test_child_list_show_update_and_event_add(demo_cli: Cli) -> None:
    rows = demo_cli.json("child", "list", "--team", "North", "--json")
    assert rows and all(r["team"] == "North" for r in rows)
    assert set(rows[0]) >= {"id", "name", "team", "caseworker", "year_group", "stage"}
    worker = rows[0]["caseworker"]
    mine = demo_cli.json("child", "list", "--caseworker", worker, "--json")
    assert mine and all(r["caseworker"] == worker for r in mine)

    child_id = rows[0]["id"]
    shown = demo_cli.json("child", "show", child_id, "--json")
    assert shown["id"] == child_id
    for key in ("family", "settings", "allocations", "events", "history", "caseworker"):
        assert key in shown

    result = demo_cli.json("child", "update", child_id, "--set", "home_language=Welsh", "--json")
    assert result["changed"] == {"home_language": "Welsh"}
    demo_cli.json(
        "event",
        "add",
        "--child",
        child_id,
        "--type",
        "advice_requested",
        "--date",
        "2026-11-20",
        "--set",
        "from=health",
        "--today",
        "2026-11-22",
        "--json",
    )
    shown = demo_cli.json("child", "show", child_id, "--json")
    assert shown["home_language"] == "Welsh"
    assert any(
        e["type"] == "advice_requested" and e["details"] == {"from": "health"}
        for e in shown["events"]
    )
    fields = [(h["op"], h["field"]) for h in shown["history"]]
    assert ("update", "home_language") in fields


def test_bad_values_exit_2_with_a_plain_message(demo_cli: Cli) -> None:
    child_id = demo_cli.json("child", "list", "--json")[0]["id"]
    code, out, err = demo_cli("child", "update", child_id, "--set", "date_of_birth=2031-02-01")
    assert code == 2 and out == ""
    assert "01/02/2031 is in the future" in err and "Traceback" not in err
    code, _, err = demo_cli("child", "update", child_id, "--set", "primary_need=XYZ")
    assert code == 2 and "'XYZ' is not one of" in err
    code, _, err = demo_cli(
        "event", "add", "--child", child_id, "--type", "made_up", "--date", "2026-01-01"
    )
    assert code == 2 and "not a known event type" in err
    code, _, err = demo_cli("child", "show", "00000000-0000-7000-8000-000000000000")
    assert code == 2 and "no child" in err
    code, _, err = demo_cli("child", "list", "--team", "Atlantis")
    assert code == 2 and "no team called 'Atlantis'" in err


def test_wrong_password_exit_2_and_store_untouched(
    demo_cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: p.read_bytes() for p in demo_cli.data_dir.iterdir() if p.is_file()}
    monkeypatch.setenv("SEND_DESK_PASSWORD", "guess guess guess")
    code, out, err = demo_cli("stats", "--json")
    assert (code, out) == (2, "")
    assert "wrong password" in err
    after = {p.name: p.read_bytes() for p in demo_cli.data_dir.iterdir() if p.is_file()}
    assert after == before


def test_a_folder_that_is_not_a_store(cli: Cli) -> None:
    cli.data_dir.mkdir(parents=True)
    (cli.data_dir / "caseload.db").write_bytes(b"this is a spreadsheet, honestly" * 100)
    code, _, err = cli("stats")
    assert code == 2 and "not a SEND Desk store" in err and "Traceback" not in err


def test_export_import_round_trip(
    demo_cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "export.json"
    demo_cli.json("export", "--json", str(exported))
    first = json.loads(exported.read_text())

    target = Cli(tmp_path / "imported", capsys)
    result = target.json("import", str(exported), "--json")
    assert result["rows"]["child"] == 80
    assert result["rows"]["note_audit"] > 0 and result["rows"]["audit_response"] > 0
    again = tmp_path / "again.json"
    target.json("export", "--json", str(again))
    second = json.loads(again.read_text())
    assert second["tables"] == first["tables"]
    # the history came along, and the import itself is journaled
    original = {(j["device_id"], j["device_seq"]) for j in first["journal"]}
    assert original <= {(j["device_id"], j["device_seq"]) for j in second["journal"]}
    assert any(j["op"] == "import" for j in second["journal"])
    assert target.json("child", "list", "--json") == demo_cli.json("child", "list", "--json")


def test_import_with_a_bad_row_imports_nothing(
    demo_cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "export.json"
    demo_cli.json("export", "--json", str(exported))
    data = json.loads(exported.read_text())
    data["tables"]["child"][7]["date_of_birth"] = "2099-01-01"
    exported.write_text(json.dumps(data))

    target = Cli(tmp_path / "imported", capsys)
    code, _, err = target("import", str(exported))
    assert code == 2
    assert "child row 8" in err and "is in the future" in err
    assert target.json("stats", "--json")["tables"]["child"] == 0

    exported.write_text("{not json")
    code, _, err = target("import", str(exported))
    assert code == 2 and "not a SEND Desk export" in err


def test_change_password(demo_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", "short")
    code, _, err = demo_cli("change-password")
    assert code == 2 and "too weak" in err
    monkeypatch.setenv("SEND_DESK_NEW_PASSWORD", "Lantern-Harbour-77")
    assert demo_cli("change-password")[0] == 0
    assert demo_cli("stats")[0] == 2
    monkeypatch.setenv("SEND_DESK_PASSWORD", "Lantern-Harbour-77")
    assert demo_cli.json("stats", "--json")["tables"]["child"] == 80


def test_backup_and_restore(
    demo_cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backup.zip"
    result = demo_cli.json("backup", str(backup), "--json")
    assert result["bytes"] > 0
    assert b"SQLite format 3" not in backup.read_bytes()
    child_id = demo_cli.json("child", "list", "--json")[0]["id"]
    demo_cli.json("child", "update", child_id, "--set", "home_language=Somali", "--json")

    restored = demo_cli.json("restore", str(backup), "--json")
    assert restored["previous_store_kept_in"]
    assert demo_cli.json("child", "show", child_id, "--json")["home_language"] != "Somali"

    fresh = Cli(tmp_path / "fresh-laptop", capsys)
    assert fresh.json("restore", str(backup), "--json")["previous_store_kept_in"] is None
    assert fresh.json("stats", "--json")["tables"]["child"] == 80

    (tmp_path / "junk.zip").write_bytes(b"PK not really")
    code, _, err = fresh("restore", str(tmp_path / "junk.zip"))
    assert code == 2 and "not a SEND Desk backup" in err


def test_the_installed_command_refuses_a_wrong_password(demo_cli: Cli) -> None:
    env = {"SEND_DESK_PASSWORD": "not it at all", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "send_desk", "--data-dir", str(demo_cli.data_dir), "stats"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == "" and done.stderr.strip() == "send-desk: wrong password"


def test_remembered_key_opens_the_store_without_a_password(
    demo_cli: Cli, monkeypatch: pytest.MonkeyPatch, memory_keyring: object
) -> None:
    monkeypatch.delenv("SEND_DESK_PASSWORD")
    code, _, err = demo_cli("stats")
    assert code == 2 and "a password is needed" in err
    monkeypatch.setenv("SEND_DESK_PASSWORD", PASSWORD)
    assert demo_cli.json("remember-password", "--json") == {"remembered": True}
    monkeypatch.delenv("SEND_DESK_PASSWORD")
    assert demo_cli.json("stats", "--json")["tables"]["child"] == 80
    # a password given explicitly is still checked
    monkeypatch.setenv("SEND_DESK_PASSWORD", "not the password!")
    assert demo_cli("stats")[0] == 2
    monkeypatch.delenv("SEND_DESK_PASSWORD")
    assert demo_cli.json("forget-password", "--json") == {"remembered": False}
    assert demo_cli("stats")[0] == 2


def test_import_says_who_imported_once(
    demo_cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "export.json"
    demo_cli.json("export", "--json", str(exported))
    data = json.loads(exported.read_text())
    users = {u["id"]: u for u in data["tables"]["app_user"]}
    exporter = users[data["exported_by"]]["display_name"]
    other = next(u for u in users.values() if u["display_name"] != exporter)
    child = data["tables"]["child"][0]["id"]
    before = demo_cli.json("child", "show", "--json", child)["history"]
    assert before and all(entry["op"] != "import" for entry in before)

    target = Cli(tmp_path / "imported", capsys)
    result = target.json("import", str(exported), "--by", other["username"], "--json")
    assert result["imported_by"] == other["display_name"]
    after = target.json("child", "show", "--json", child)["history"]
    # the record's own history as it was, then one line for the import: who and when
    assert after[:-1] == before
    imported = after[-1]
    assert (imported["op"], imported["by"], imported["row_id"]) == (
        "import", other["display_name"], child,
    )  # fmt: skip
    assert imported["at"] > data["exported_at"]
    # what is done next in that store is theirs too
    code, _, err = target("child", "update", child, "--set", "preferred_name=Bee")
    assert code == 0, err
    change = target.json("child", "show", "--json", child)["history"][-1]
    assert (change["op"], change["field"], change["by"]) == (
        "update", "preferred_name", other["display_name"],
    )  # fmt: skip

    # without --by: whoever made the export
    third = Cli(tmp_path / "third", capsys)
    assert third.json("import", str(exported), "--json")["imported_by"] == exporter
    history = third.json("child", "show", "--json", child)["history"]
    assert [(h["op"], h["by"]) for h in history if h["op"] == "import"] == [("import", exporter)]


def test_import_refuses_when_it_cannot_say_who_imported(
    demo_cli: Cli, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "export.json"
    demo_cli.json("export", "--json", str(exported))
    target = Cli(tmp_path / "imported", capsys)
    code, _, err = target("import", str(exported), "--by", "nobody")
    assert code == 2 and "there is no user called 'nobody' in the export" in err
    assert target.json("stats", "--json")["tables"]["child"] == 0
    # an export from before exports said who made them
    data = json.loads(exported.read_text())
    data.pop("exported_by")
    exported.write_text(json.dumps(data))
    code, _, err = target("import", str(exported))
    assert code == 2 and "--by USERNAME" in err
    assert target.json("stats", "--json")["tables"]["child"] == 0
