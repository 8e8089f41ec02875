"""The "SEN2 return" page, on demo stores signed in as a supervisor (census 21/01/2027,
the one being prepared on the GUI tests' day, 20/11/2026).

What the page should show is worked out from what the demo was told to leave out
(``demo --with-sen2-problems``: one child's sex, one child's UPN/ULN/reason, who asked on
two requests; each of those children has a request in 2026, so is in the return), and
the children it names are found in the store by those gaps, not through the page.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PySide6.QtCore import QDate, Qt
from sqlmodel import col, select

from send_desk.backend import Backend, DataPaths
from send_desk.demo.generator import build_demo
from send_desk.domain.children import Child
from send_desk.domain.organisation import User
from send_desk.reports.plans_in_force import plans_in_force
from send_desk.sen2.schema import schema_errors
from send_desk.services import events
from send_desk.storage.store import create_store
from tests.gui.conftest import CHILDREN, PASSWORD, TODAY, today
from tests.gui.mnemonics import duplicates
from tests.gui.test_laptop_fit import _fits

CENSUS = date(2027, 1, 21)


def _template(root: Path, *, problems: bool) -> Path:
    with create_store(DataPaths(root), PASSWORD) as store:
        build_demo(store, children=CHILDREN, seed=11, today=TODAY, sen2_problems=problems)
        with store.read() as session:
            boss = session.exec(select(User).where(col(User.role) == "supervisor")).first()
            assert boss is not None
        store.set_user(boss.id)  # the return is a supervisor's or an admin's work
    return root


@pytest.fixture(scope="module")
def with_problems(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("sen2-problems") / "store", problems=True)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("sen2-clean") / "store", problems=False)


def _open(qtbot: Any, template: Path, tmp_path: Path, ops: Any) -> Iterator[Any]:
    from send_desk.gui.app import show_main_window

    target = tmp_path / "sen2-store"
    shutil.copytree(template, target)
    backend = Backend.open(DataPaths(target), PASSWORD, today=today)
    main = show_main_window(backend, ops, idle_ms=3_600_000, unlock_delay_seconds=30)
    qtbot.addWidget(main)
    qtbot.waitExposed(main)
    yield main
    main.close()
    backend.close()


@pytest.fixture
def problems_window(qtbot, with_problems: Path, tmp_path: Path, ops) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    yield from _open(qtbot, with_problems, tmp_path, ops)


@pytest.fixture
def clean_window(qtbot, clean: Path, tmp_path: Path, ops) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    yield from _open(qtbot, clean, tmp_path, ops)


def _page(window: Any) -> Any:
    window.show_page("sen2")
    page = window.page_widgets["sen2"]
    assert window.pages.currentWidget() is page
    return page


def _check(qtbot: Any, page: Any, la: str = "886", officers: str = "YYN") -> None:
    page.la.setText(la)
    for combo, answer in zip(page.officers.values(), officers, strict=True):
        combo.setCurrentIndex(combo.findData(answer))
    with qtbot.waitSignal(page.checked, timeout=20_000):
        page.check_button.click()


def _groups(page: Any) -> list[tuple[str, str, str]]:
    model = page.problems
    return [
        tuple(model.index(row, column).data() for column in (0, 1, 2))
        for row in range(model.rowCount())
    ]


def _who(window: Any, **where: Any) -> tuple[str, str]:
    """(name as the page shows it, id) of the one child matching ``where``."""
    store = window.backend._access.store
    with store.read() as session:
        query = select(Child)
        for name, value in where.items():
            query = query.where(getattr(Child, name) == value)
        (child,) = session.exec(query).all()
        born = child.date_of_birth.strftime("%d/%m/%Y")
        return f"{child.first_name} {child.last_name} (born {born})", child.id.hex


def test_caseworkers_do_not_see_the_page_supervisors_do(window, problems_window) -> None:  # type: ignore[no-untyped-def]
    assert "sen2" not in window.page_widgets  # the plain demo is signed in as a caseworker
    titles = [spec.title for spec in problems_window.page_specs]
    assert titles[-1] == "SEN2 return" and "sen2" in problems_window.page_widgets


def test_check_groups_the_problems_the_demo_was_given_by_rule(qtbot, problems_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(problems_window)
    assert page.census.date() == QDate(2027, 1, 21)  # the census being prepared
    _check(qtbot, page)
    assert _groups(page) == [
        ("Who asked not recorded (request-source)", "Error", "2"),
        ("Sex not recorded (sex-missing)", "Error", "1"),
        ("No UPN, ULN or reason (upn-missing)", "Error", "1"),
    ]
    assert page.status.text().startswith(
        "SEN2 2027, census 21/01/2027 (events 01/01/2026 to 21/01/2027): 4 errors, 0 queries."
    )
    # each rule opens to the child it names, with what to put right
    model = page.problems
    sex_group = model.index(1, 0)
    name, _child_id = _who(problems_window, sex="U")
    assert model.rowCount(sex_group) == 1
    row = [model.index(0, column, sex_group).data() for column in range(5)]
    assert row == [name, "Error", "", "Person", "sex is not recorded (SEN2 needs M or F)."]
    upn_group = model.index(2, 0)
    gone, _ = _who(problems_window, upn=None, uln=None, upn_unknown_reason=None)
    assert model.index(0, 0, upn_group).data() == gone
    # the counts per module: the plans active at census are the report's plans in force
    counts = {page.counts.index(r, 0).data(): page.counts.index(r, 1).data()
              for r in range(page.counts.rowCount())}  # fmt: skip
    with problems_window.backend._access.store.read() as session:
        in_force = plans_in_force(session, CENSUS)
    assert counts["Plans active at census"] == f"{in_force:,}" and in_force > 10
    assert list(counts) == ["Persons", "Requests", "Assessments", "Named plans",
                            "Active plans", "Plans active at census", "Placements"]  # fmt: skip
    # errors remain: no export, no ticking the queries
    assert not page.export_button.isEnabled() and not page.acknowledge.isEnabled()


def test_the_child_is_a_double_click_or_enter_away(qtbot, problems_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(problems_window)
    _check(qtbot, page)
    tree, model = page.tree, page.problems
    sex_group = model.index(1, 0)
    tree.setFocus()
    tree.setCurrentIndex(sex_group)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert tree.isExpanded(sex_group)  # Enter on a rule opens it
    _name, child_id = _who(problems_window, sex="U")
    child = model.index(0, 0, sex_group)
    rect = tree.visualRect(child)
    record = problems_window.record
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(record.loaded, timeout=5000):
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert problems_window.pages.currentWidget() is record and record.child_id == child_id
    # and Enter, back on the page, on the other gap's child
    problems_window.show_page("sen2")
    _gone_name, gone_id = _who(problems_window, upn=None, uln=None, upn_unknown_reason=None)
    upn_group = model.index(2, 0)
    tree.setExpanded(upn_group, True)
    tree.setFocus()
    tree.setCurrentIndex(model.index(0, 0, upn_group))
    with qtbot.waitSignal(record.loaded, timeout=5000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert record.child_id == gone_id


def test_export_is_refused_while_errors_remain(qtbot, problems_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(problems_window)
    _check(qtbot, page)
    target = tmp_path / "sen2.xml"
    with qtbot.waitSignal(page.export_failed, timeout=20_000) as refused:
        page.export_to(str(target))
    assert refused.args[0].startswith("Not exported: the return has 4 errors: COLLECT would")
    assert not target.exists()


def test_a_clean_return_exports_a_file_that_validates(qtbot, clean_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(clean_window)
    _check(qtbot, page)
    assert _groups(page) == []
    assert page.status.text().endswith("Nothing to put right: the file can be exported.")
    assert page.export_button.isEnabled() and not page.acknowledge.isEnabled()
    target = tmp_path / "SEN2_886_2027.xml"
    with qtbot.waitSignal(page.exported, timeout=20_000) as written:
        page.export_to(str(target))
    assert written.args == [str(target)]
    tree = etree.parse(str(target))
    assert schema_errors(tree) == []
    assert tree.findtext("Header/CollectionDetails/ReferenceDate") == "2027-01-21"
    assert tree.findtext("Header/Source/LEA") == "886"
    assert page.summary.text().startswith(f"Saved {target}: ")
    # the council's answers are remembered for next year
    assert (clean_window.settings.sen2_la, clean_window.settings.sen2_officer("dsco")) == (
        "886",
        "N",
    )


def test_queries_are_sent_only_once_looked_at_and_listed(
    qtbot, clean_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = clean_window.backend._access.store
    with store.write() as session:
        kit = Child(first_name="Kit", last_name="Moved", date_of_birth=date(2011, 5, 5),
                    sex="M", upn_unknown_reason="UN2", primary_need="SEMH")  # fmt: skip
        session.add(kit)
        session.flush()
        # transferred in from a council not recorded, and no school on census day
        events.add_event(session, kit.id, "plan_transferred_in", date(2026, 9, 1), {},
                         today=TODAY)  # fmt: skip
    page = _page(clean_window)
    _check(qtbot, page)
    assert _groups(page) == [
        ("Plan with no placement at census (plan-no-placement)", "Query", "1"),
        ("Council a plan came from not recorded (transfer-la)", "Query", "1"),
    ]
    assert not page.export_button.isEnabled() and page.acknowledge.isEnabled()
    page.acknowledge.setChecked(True)
    assert page.export_button.isEnabled()
    target = tmp_path / "sen2.xml"
    with qtbot.waitSignal(page.exported, timeout=20_000):
        page.export_to(str(target))
    assert page.summary.text().endswith(
        "Sent with the queries looked at: Plan with no placement at census "
        "(plan-no-placement) × 1; Council a plan came from not recorded (transfer-la) × 1."
    )
    assert schema_errors(etree.parse(str(target))) == []


def test_changing_a_choice_after_the_check_asks_for_another(qtbot, clean_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(clean_window)
    _check(qtbot, page)
    assert page.export_button.isEnabled()
    page.census.setDate(QDate(2026, 1, 15))
    assert not page.export_button.isEnabled()
    assert page.status.text().startswith("The choices changed since the check")


def test_the_page_is_keyboard_reachable_and_fits_a_laptop(qtbot, problems_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(problems_window)
    _check(qtbot, page)
    target = problems_window.focusWidget() or problems_window
    qtbot.keyClick(target, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    assert duplicates(problems_window) == {}
    for widget in (page.census, page.la, *page.officers.values(), page.tree, page.counts_view):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    minimum = problems_window.minimumSizeHint().expandedTo(problems_window.minimumSize())
    assert _fits(minimum), minimum


def test_the_item_models_pass_the_model_tester(qtmodeltester, qtbot, problems_window) -> None:  # type: ignore[no-untyped-def]
    page = _page(problems_window)
    _check(qtbot, page)
    qtmodeltester.check(page.problems, force_py=True)
    qtmodeltester.check(page.problems)
    qtmodeltester.check(page.counts, force_py=True)
    qtmodeltester.check(page.counts)
