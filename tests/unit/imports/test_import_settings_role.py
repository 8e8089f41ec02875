"""A school only an administrator may add: a caseworker's import on a laptop linked to
a central store leaves out the row naming it (the central store would quarantine the
new setting while the child's placement went through) and imports the rest; an admin,
or a laptop with no central store, adds the school as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from send_desk.domain.children import Child, Placement
from send_desk.domain.codes import Phase, Role
from send_desk.domain.organisation import Setting, User
from send_desk.imports.caseload_import import Problem, import_caseload
from send_desk.services.organisation import create_setting, create_user
from send_desk.storage.store import Store
from send_desk.sync.state import SyncState, save_state
from tests.unit.imports.caseload import organise, write_csv

TODAY = date(2026, 11, 22)
WESTFIELD = (
    "Westfield School is not in the list of schools and settings: only an administrator "
    "can add one, and it would not reach other laptops. Ask an administrator to add it, "
    "or correct the name."
)
# two children at the school the store has, the third at one it has not
ROWS = [
    ["Ada Example", "01/02/2013", "", "Hillside Primary", "ASD", "", "", "Sam Carter"],
    ["Ben Example", "02/03/2014", "", "hillside  primary", "SLCN", "", "", "Sam Carter"],
    ["Cal Example", "03/04/2015", "", "Westfield  School", "MLD", "", "", "Sam Carter"],
]


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _signed_in(store: Store, username: str, *, linked: bool) -> None:
    """The store's user is ``username``; ``linked``: it syncs with a central store."""
    organise(store)
    with store.write() as session:
        if username == "admin1":
            create_user(session, {"username": "admin1", "display_name": "Ali Admin",
                                  "role": Role.ADMIN})  # fmt: skip
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        if linked:
            state = SyncState(
                server_url="https://central.example.invalid",
                username=username, user_id=str(user.id), role=str(user.role),
            )  # fmt: skip
            save_state(session, state, "server_url", "username", "user_id", "role")
        user_id = user.id
    store.set_user(user_id)


def _names(store: Store) -> list[str]:
    with store.read() as session:
        return sorted(c.first_name for c in session.scalars(select(Child)))


def test_a_linked_caseworkers_unknown_school_row_is_left_out_and_the_rest_imported(
    store: Store, tmp_path: Path
) -> None:
    _signed_in(store, "scarter", linked=True)
    sheet = write_csv(tmp_path / "three.csv", ROWS)
    preview = import_caseload(store, sheet, today=TODAY, dry_run=True)
    # the check shows the row left out before anything is written
    assert preview.problems == []
    assert (preview.children, preview.settings_created) == (2, [])
    assert preview.left_out == [Problem(4, "School", WESTFIELD)]
    assert (_count(store, Child), _count(store, Setting)) == (0, 1)

    result = import_caseload(store, sheet, today=TODAY)
    assert result.imported and result.problems == []
    assert (result.children, result.allocations, result.settings_created) == (2, 2, [])
    assert _names(store) == ["Ada", "Ben"]
    assert result.left_out == [Problem(4, "School", WESTFIELD)]
    # no setting was made that the central store would refuse; both placements are
    # at the school it already has
    assert (_count(store, Setting), _count(store, Placement)) == (1, 2)
    assert result.as_json()["left_out"] == [{"row": 4, "column": "School", "message": WESTFIELD}]


def test_once_an_administrator_adds_the_school_the_same_file_brings_in_the_row(
    store: Store, tmp_path: Path
) -> None:
    _signed_in(store, "scarter", linked=True)
    sheet = write_csv(tmp_path / "three.csv", ROWS)
    import_caseload(store, sheet, today=TODAY)
    with store.write() as session:  # as it would arrive from the central store
        create_setting(session, {"name": "Westfield School", "phase": Phase.SECONDARY})
    again = import_caseload(store, sheet, today=TODAY)
    assert again.imported and again.left_out == []
    assert again.children == 1 and [e["row"] for e in again.existing] == [2, 3]
    assert _names(store) == ["Ada", "Ben", "Cal"]
    assert (_count(store, Setting), _count(store, Placement)) == (2, 3)


def test_an_admin_imports_all_three_and_adds_the_school(store: Store, tmp_path: Path) -> None:
    _signed_in(store, "admin1", linked=True)
    result = import_caseload(store, write_csv(tmp_path / "three.csv", ROWS), today=TODAY)
    assert result.imported and result.problems == [] and result.left_out == []
    assert (result.children, result.settings_created) == (3, ["Westfield School"])
    assert _names(store) == ["Ada", "Ben", "Cal"]
    assert (_count(store, Setting), _count(store, Placement)) == (2, 3)


def test_a_caseworker_on_a_laptop_with_no_central_store_adds_the_school(
    store: Store, tmp_path: Path
) -> None:
    _signed_in(store, "scarter", linked=False)
    result = import_caseload(store, write_csv(tmp_path / "three.csv", ROWS), today=TODAY)
    assert result.imported and result.left_out == []
    assert (result.children, result.settings_created) == (3, ["Westfield School"])
    assert _count(store, Setting) == 2


def test_a_left_out_row_with_another_problem_still_stops_the_file(
    store: Store, tmp_path: Path
) -> None:
    _signed_in(store, "scarter", linked=True)
    rows = [*ROWS[:2], ["Cal Example", "03/04/2015", "", "Westfield School", "MLD", "", "",
                        "Nobody Here"]]  # fmt: skip
    result = import_caseload(store, write_csv(tmp_path / "bad.csv", rows), today=TODAY)
    assert not result.imported and [(p.row, p.column) for p in result.problems] == [
        (4, "Case officer")]  # fmt: skip
    assert result.left_out == [Problem(4, "School", WESTFIELD)]
    assert _count(store, Child) == 0
