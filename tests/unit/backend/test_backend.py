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
from send_desk.backend.caseload_models import (
    ChildChanges,
    FamilyMemberChanges,
    NewChild,
    NewFamilyMember,
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
        assert backend.caseload.caseload_ids() == []
        assert backend.me() is None
        assert backend.verify_password(PASSWORD)
        assert not backend.verify_password("nope nope nope")
    finally:
        backend.close()


def test_caseload_ids_sorted_by_name(backend: Backend) -> None:
    ids = backend.caseload.caseload_ids()
    assert len(ids) == 60
    rows = backend.caseload.caseload_rows(ids)
    names = [rows[i].name.lower() for i in ids]
    assert names == sorted(names)
    descending = backend.caseload.caseload_ids(CaseloadQuery(descending=True))
    assert descending == list(reversed(ids)) or len(descending) == len(ids)


@pytest.mark.parametrize(
    "sort", ["date_of_birth", "year_group", "upn", "setting", "need", "stage", "team", "caseworker"]
)
def test_every_sort_key_returns_every_child(backend: Backend, sort: str) -> None:
    ids = backend.caseload.caseload_ids(CaseloadQuery(sort=sort))
    assert sorted(ids) == sorted(backend.caseload.caseload_ids())


def test_text_filter_matches_name_words_in_any_order(backend: Backend) -> None:
    caseload = backend.caseload
    ids = caseload.caseload_ids()
    row = caseload.caseload_rows(ids[:1])[ids[0]]
    last, first = row.name.split(" (")[0].split(", ")
    found = caseload.caseload_ids(CaseloadQuery(text=f"{first.lower()} {last.upper()}"))
    assert ids[0] in found
    assert caseload.caseload_ids(CaseloadQuery(text="zzzz-nobody")) == []
    # FTS/LIKE syntax characters are plain text
    assert caseload.caseload_ids(CaseloadQuery(text="%_\\")) == []


def test_filters_agree_with_rows(backend: Backend) -> None:
    caseload = backend.caseload
    ids = caseload.caseload_ids()
    rows = caseload.caseload_rows(ids)
    looked_after = set(caseload.caseload_ids(CaseloadQuery(looked_after=True)))
    assert looked_after == {i for i, r in rows.items() if r.looked_after}
    year = rows[ids[0]].year_group
    in_year = set(caseload.caseload_ids(CaseloadQuery(year_group=year)))
    assert in_year == {i for i, r in rows.items() if r.year_group == year}
    stage = rows[ids[0]].stage
    assert set(caseload.caseload_ids(CaseloadQuery(stage=stage))) == {
        i for i, r in rows.items() if r.stage == stage
    }
    team = caseload.caseload_options().teams[0]
    in_team = set(caseload.caseload_ids(CaseloadQuery(team_id=team.id.hex)))
    assert in_team == {i for i, r in rows.items() if r.team == team.name}
    for flag in ("phase_transfer", "tribunal", "review_this_term", "unallocated"):
        subset = caseload.caseload_ids(replace(CaseloadQuery(), **{flag: True}))
        assert set(subset) <= set(ids)


def test_saved_filters(backend: Backend) -> None:
    me = backend.me()
    assert me is not None and me.team
    caseload = backend.caseload
    who = {"caseworker_id": me.id, "team_id": me.team_id}
    mine = caseload.caseload_ids(caseload.saved_filter("mine", **who))
    rows = caseload.caseload_rows(mine)
    assert mine and all(r.caseworker == me.name for r in rows.values())
    team = caseload.caseload_rows(caseload.caseload_ids(caseload.saved_filter("my_team", **who)))
    assert team and all(r.team == me.team for r in team.values())


def test_child_detail_has_everything_the_record_shows(backend: Backend) -> None:
    child_id = backend.caseload.caseload_ids()[0]
    detail = backend.caseload.child_detail(child_id)
    assert detail.id == child_id
    assert isinstance(detail.date_of_birth, date)
    assert detail.family and detail.allocations
    assert detail.history and detail.history[0].description
    # newest first
    assert list(detail.history) == sorted(detail.history, key=lambda h: h.at, reverse=True)
    assert detail.history[-1].description == "Record created"


def test_update_child_is_journaled(backend: Backend) -> None:
    child_id = backend.caseload.caseload_ids()[0]
    changes = ChildChanges(postcode="ls1 4ap", preferred_name="Sam")
    diffs = backend.caseload.update_child(child_id, changes)
    assert diffs == {"postcode": "LS1 4AP", "preferred_name": "Sam"}
    detail = backend.caseload.child_detail(child_id)
    assert detail.postcode == "LS1 4AP"
    assert detail.preferred_name == "Sam"
    described = [h.description for h in detail.history]
    assert any(
        d.startswith("Postcode changed from") and d.endswith("to LS1 4AP") for d in described
    )


def test_validation_failure_names_fields_and_saves_nothing(backend: Backend) -> None:
    child_id = backend.caseload.caseload_ids()[0]
    before = backend.caseload.child_detail(child_id)
    with pytest.raises(ValidationFailed) as caught:
        backend.caseload.update_child(
            child_id, ChildChanges(postcode="NOT A POSTCODE", first_name="Changed")
        )
    assert "postcode" in caught.value.fields
    after = backend.caseload.child_detail(child_id)
    assert after.first_name == before.first_name
    assert len(after.history) == len(before.history)


def test_create_child_and_family_member(backend: Backend) -> None:
    caseload = backend.caseload
    child_id = caseload.create_child(
        NewChild(
            first_name="Ada",
            last_name="Testcase",
            date_of_birth=date(2015, 3, 4),
            primary_need="ASD",
            postcode="",
        )
    )
    assert caseload.caseload_ids(CaseloadQuery(text="testcase")) == [child_id]
    with pytest.raises(ValidationFailed) as caught:
        caseload.add_family_member(
            child_id,
            NewFamilyMember(name="Mo Testcase", relationship="mother", preferred_contact="email"),
        )
    assert caught.value.message
    member_id = caseload.add_family_member(
        child_id,
        NewFamilyMember(
            name="Mo Testcase",
            relationship="mother",
            preferred_contact="phone",
            phone="07700 900123",
            language="Polish",
            independent_interpreter=True,
        ),
    )
    detail = caseload.child_detail(child_id)
    assert detail.postcode is None  # blank text is "not recorded"
    assert detail.primary_need == "ASD"
    assert detail.date_of_birth == date(2015, 3, 4)
    assert detail.family[0].id == member_id
    assert detail.family[0].interpreter_needed is True
    assert detail.communication_needs == (
        "Mo Testcase (Mother): independent interpreter needed for Polish",
    )
    caseload.update_family_member(member_id, FamilyMemberChanges(easy_read=True))
    assert caseload.child_detail(child_id).communication_needs == (
        "Mo Testcase (Mother): independent interpreter needed for Polish",
        "Mo Testcase (Mother): send letters in easy-read",
    )


def test_place_and_allocate(backend: Backend) -> None:
    caseload = backend.caseload
    child_id = caseload.caseload_ids()[0]
    options = caseload.caseload_options()
    detail = caseload.child_detail(child_id)
    current_setting = detail.current_setting.id if detail.current_setting else None
    setting = next(s for s in options.settings if s.id != current_setting)
    with pytest.raises(ValidationFailed) as caught:
        caseload.place(child_id, None, None)
    assert set(caught.value.fields) == {"setting_id", "start_date"}
    caseload.place(child_id, setting.id, TODAY)
    detail = caseload.child_detail(child_id)
    assert detail.current_setting is not None and detail.current_setting.name == setting.name
    assert detail.placements[0].start_date == TODAY and detail.placements[0].current

    current = detail.allocations[0]
    other = next(c for c in options.caseworkers if c.name != current.caseworker)
    caseload.allocate(child_id, other.id, TODAY, "Caseload rebalanced")
    detail = caseload.child_detail(child_id)
    assert detail.caseworker == other.name
    assert detail.allocations[0].reason == "Caseload rebalanced"
    assert detail.allocations[1].end_date == TODAY
    with pytest.raises(Refused):
        caseload.allocate(child_id, other.id, TODAY)
    with pytest.raises(ValidationFailed):
        caseload.allocate(child_id, other.id, date(2099, 1, 1))


def test_queries_are_quick_on_a_small_store(backend: Backend) -> None:
    started = time.perf_counter()
    for text in ("a", "ab", "abc"):
        backend.caseload.caseload_ids(CaseloadQuery(text=text))
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
        assert len(reopened.caseload.caseload_ids()) == 60
    finally:
        reopened.close()


def test_store_stats_count_the_demo_caseload(backend: Backend) -> None:
    stats = backend.stats()
    assert stats.tables["child"] == 60  # the demo store of tests/unit/backend/conftest.py
    # every child is allocated to one team or counted as unallocated, never both
    assert sum(team.children for team in stats.teams) + stats.unallocated_children == 60
    assert [team.team for team in stats.teams] == sorted(team.team for team in stats.teams)
    assert all(team.caseworkers > 0 for team in stats.teams)
    looked_after = backend.caseload.caseload_ids(
        backend.caseload.saved_filter("looked_after", caseworker_id=None, team_id=None)
    )
    assert stats.looked_after_children == len(looked_after)


def test_listed_backups_say_whether_they_pass_their_check(
    backend: Backend, demo_paths: DataPaths
) -> None:
    import zipfile

    from send_desk.storage.backup import backup_store

    good = demo_paths.backups / "monday.zip"
    backup_store(backend._store, good)
    backend.close()
    # a copy whose database was damaged after it was written
    bad = demo_paths.backups / "tuesday.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            copy.writestr(name, b"garbage" * 4096 if name.endswith(".db") else data)
    (demo_paths.backups / "notes.zip").write_bytes(b"not a zip file")
    checked = {b.name: b.passed for b in Backend.list_backups(demo_paths, PASSWORD)}
    assert checked == {"monday.zip": True, "tuesday.zip": False, "notes.zip": False}
    # with another password nothing can be told; without one nothing is checked
    unknown = {b.name: b.passed for b in Backend.list_backups(demo_paths, "not the password")}
    # the file that is not a backup at all fails whatever the password
    assert unknown == {"monday.zip": None, "tuesday.zip": None, "notes.zip": False}
    assert {b.passed for b in Backend.list_backups(demo_paths)} == {None}
