"""The Qt-free backend: opening, caseload queries, child record and edits."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest

from send_desk.backend import (
    Backend,
    CaseloadQuery,
    DataPaths,
    Refused,
    StoreProblem,
    ValidationFailed,
    WrongPassword,
)

from .conftest import PASSWORD, TODAY


def test_wrong_password_is_refused(demo_paths: DataPaths) -> None:
    with pytest.raises(WrongPassword):
        Backend.open(demo_paths, "not the password")


def test_damaged_store_is_a_store_problem_offering_restore(demo_paths: DataPaths) -> None:
    demo_paths.keyfile.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreProblem) as caught:
        Backend.open(demo_paths, PASSWORD)
    assert caught.value.can_restore
    assert "key file" in caught.value.message


def test_missing_store(tmp_path) -> None:
    paths = DataPaths(tmp_path / "nothing")
    assert not Backend.store_exists(paths)
    with pytest.raises(StoreProblem):
        Backend.open(paths, PASSWORD)


def test_create_refuses_a_weak_password(tmp_path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        Backend.create(DataPaths(tmp_path / "s"), "short")
    assert "password" in caught.value.fields
    assert not (tmp_path / "s" / "caseload.db").exists()


def test_create_then_open_empty_store(tmp_path) -> None:
    paths = DataPaths(tmp_path / "s")
    Backend.create(paths, PASSWORD).close()
    backend = Backend.open(paths, PASSWORD)
    try:
        assert backend.caseload_ids() == []
        assert backend.me() is None
        assert backend.verify_password(PASSWORD)
        assert not backend.verify_password("nope nope nope")
    finally:
        backend.close()


def test_caseload_ids_sorted_by_name(backend: Backend) -> None:
    ids = backend.caseload_ids()
    assert len(ids) == 60
    rows = backend.caseload_rows(ids)
    names = [rows[i]["name"].lower() for i in ids]
    assert names == sorted(names)
    descending = backend.caseload_ids(CaseloadQuery(descending=True))
    assert descending == list(reversed(ids)) or len(descending) == len(ids)


@pytest.mark.parametrize(
    "sort", ["date_of_birth", "year_group", "upn", "setting", "need", "stage", "team", "caseworker"]
)
def test_every_sort_key_returns_every_child(backend: Backend, sort: str) -> None:
    ids = backend.caseload_ids(CaseloadQuery(sort=sort))
    assert sorted(ids) == sorted(backend.caseload_ids())


def test_text_filter_matches_name_words_in_any_order(backend: Backend) -> None:
    ids = backend.caseload_ids()
    row = backend.caseload_rows(ids[:1])[ids[0]]
    last, first = row["name"].split(", ")
    found = backend.caseload_ids(CaseloadQuery(text=f"{first.lower()} {last.upper()}"))
    assert ids[0] in found
    assert backend.caseload_ids(CaseloadQuery(text="zzzz-nobody")) == []
    # FTS/LIKE syntax characters are plain text
    assert backend.caseload_ids(CaseloadQuery(text="%_\\")) == []


def test_filters_agree_with_rows(backend: Backend) -> None:
    ids = backend.caseload_ids()
    rows = backend.caseload_rows(ids)
    looked_after = set(backend.caseload_ids(CaseloadQuery(looked_after=True)))
    assert looked_after == {i for i, r in rows.items() if r["looked_after"]}
    year = rows[ids[0]]["year_group"]
    in_year = set(backend.caseload_ids(CaseloadQuery(year_group=year)))
    assert in_year == {i for i, r in rows.items() if r["year_group"] == year}
    stage = rows[ids[0]]["stage"]
    assert set(backend.caseload_ids(CaseloadQuery(stage=stage))) == {
        i for i, r in rows.items() if r["stage"] == stage
    }
    options = backend.caseload_options()
    team = options["teams"][0]
    in_team = set(backend.caseload_ids(CaseloadQuery(team_id=team["id"])))
    assert in_team == {i for i, r in rows.items() if r["team"] == team["name"]}
    for flag in ("phase_transfer", "tribunal", "review_this_term", "unallocated"):
        subset = backend.caseload_ids(replace(CaseloadQuery(), **{flag: True}))
        assert set(subset) <= set(ids)


def test_saved_filters(backend: Backend) -> None:
    me = backend.me()
    assert me is not None and me["team"]
    mine = backend.caseload_ids(backend.saved_filter("mine"))
    rows = backend.caseload_rows(mine)
    assert mine and all(r["caseworker"] == me["name"] for r in rows.values())
    team = backend.caseload_rows(backend.caseload_ids(backend.saved_filter("my_team")))
    assert all(r["team"] == me["team"] for r in team.values())


def test_child_detail_has_everything_the_record_shows(backend: Backend) -> None:
    child_id = backend.caseload_ids()[0]
    detail = backend.child_detail(child_id)
    assert detail["id"] == child_id
    assert isinstance(detail["date_of_birth"], date)
    assert detail["family"] and detail["allocations"]
    assert detail["history"] and detail["history"][0]["description"]
    for key in ("communication_needs", "flags", "events", "settings", "year_group_label"):
        assert key in detail


def test_update_child_is_journaled(backend: Backend) -> None:
    child_id = backend.caseload_ids()[0]
    diffs = backend.update_child(child_id, {"postcode": "ls1 4ap", "preferred_name": "Sam"})
    assert diffs == {"postcode": "LS1 4AP", "preferred_name": "Sam"}
    detail = backend.child_detail(child_id)
    assert detail["postcode"] == "LS1 4AP"
    described = [h["description"] for h in detail["history"]]
    assert any(
        d.startswith("Postcode changed from") and d.endswith("to LS1 4AP") for d in described
    )


def test_validation_failure_names_fields_and_saves_nothing(backend: Backend) -> None:
    child_id = backend.caseload_ids()[0]
    before = backend.child_detail(child_id)
    with pytest.raises(ValidationFailed) as caught:
        backend.update_child(child_id, {"postcode": "NOT A POSTCODE", "first_name": "Changed"})
    assert "postcode" in caught.value.fields
    after = backend.child_detail(child_id)
    assert after["first_name"] == before["first_name"]
    assert len(after["history"]) == len(before["history"])


def test_create_child_and_family_member(backend: Backend) -> None:
    child_id = backend.create_child(
        {
            "first_name": "Ada",
            "last_name": "Testcase",
            "date_of_birth": date(2015, 3, 4),
            "primary_need": "ASD",
            "postcode": "",
        }
    )
    assert child_id in backend.caseload_ids(CaseloadQuery(text="testcase"))
    with pytest.raises(ValidationFailed) as caught:
        backend.add_family_member(
            child_id,
            {"name": "Mo Testcase", "relationship": "mother", "preferred_contact": "email"},
        )
    assert caught.value.message
    member_id = backend.add_family_member(
        child_id,
        {
            "name": "Mo Testcase",
            "relationship": "mother",
            "preferred_contact": "phone",
            "phone": "07700 900123",
            "language": "Polish",
            "independent_interpreter": True,
        },
    )
    detail = backend.child_detail(child_id)
    assert detail["family"][0]["id"] == member_id
    assert detail["family"][0]["interpreter_needed"] is True
    assert "independent interpreter" in detail["communication_needs"][0]
    backend.update_family_member(member_id, {"easy_read": True})
    assert any("easy-read" in n for n in backend.child_detail(child_id)["communication_needs"])


def test_place_and_allocate(backend: Backend) -> None:
    child_id = backend.caseload_ids()[0]
    options = backend.caseload_options()
    detail = backend.child_detail(child_id)
    current_setting = detail["current_setting"]["id"] if detail["current_setting"] else None
    setting = next(
        s for s in options["settings"] if s["id"] != (current_setting or "").replace("-", "")
    )
    with pytest.raises(ValidationFailed) as caught:
        backend.place(child_id, None, None)
    assert set(caught.value.fields) == {"setting_id", "start_date"}
    backend.place(child_id, setting["id"], TODAY)
    assert backend.child_detail(child_id)["current_setting"]["name"] == setting["name"]

    current = backend.child_detail(child_id)["allocations"][0]
    other = next(c for c in options["caseworkers"] if c["name"] != current["caseworker"])
    backend.allocate(child_id, other["id"], TODAY, "Caseload rebalanced")
    detail = backend.child_detail(child_id)
    assert detail["caseworker"] == other["name"]
    assert detail["allocations"][1]["end_date"] == TODAY
    with pytest.raises(Refused):
        backend.allocate(child_id, other["id"], TODAY)
    with pytest.raises(ValidationFailed):
        backend.allocate(child_id, other["id"], date(2099, 1, 1))


def test_queries_are_quick_on_a_small_store(backend: Backend) -> None:
    started = time.perf_counter()
    for text in ("a", "ab", "abc"):
        backend.caseload_ids(CaseloadQuery(text=text))
    assert time.perf_counter() - started < 1.0


def test_restore_backup_through_the_backend(backend: Backend, demo_paths: DataPaths) -> None:
    from send_desk.storage.backup import backup_store

    target = demo_paths.backups / "nightly.zip"
    backup_store(backend._store, target)
    backend.close()
    listed = Backend.list_backups(demo_paths)
    assert [(b.name, b.path) for b in listed] == [("nightly.zip", target)]
    assert listed[0].bytes == target.stat().st_size and listed[0].modified.tzinfo is not None
    demo_paths.database.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreProblem):
        Backend.open(demo_paths, PASSWORD)
    with pytest.raises(WrongPassword):
        Backend.restore_backup(demo_paths, target, "wrong wrong wrong")
    restored = Backend.restore_backup(demo_paths, target, PASSWORD)
    # the damaged files are kept aside in the backups folder, not deleted
    kept = restored.previous_store_kept_in
    assert kept is not None and kept.parent == demo_paths.backups
    assert (kept / demo_paths.database.name).read_bytes() == b"garbage" * 100
    reopened = Backend.open(demo_paths, PASSWORD, today=lambda: TODAY)
    try:
        assert len(reopened.caseload_ids()) == 60
    finally:
        reopened.close()


def test_store_stats_count_the_demo_caseload(backend: Backend) -> None:
    stats = backend.stats()
    assert stats.tables["child"] == 60  # the demo store of tests/unit/backend/conftest.py
    # every child is allocated to one team or counted as unallocated, never both
    assert sum(team.children for team in stats.teams) + stats.unallocated_children == 60
    assert [team.team for team in stats.teams] == sorted(team.team for team in stats.teams)
    assert all(team.caseworkers > 0 for team in stats.teams)
    looked_after = backend.caseload_ids(backend.saved_filter("looked_after"))
    assert stats.looked_after_children == len(looked_after)
