"""File > Import caseload…: check shows the columns and each bad row; import once clean."""

from __future__ import annotations

import csv
from pathlib import Path

from send_desk.gui.import_wizard import ImportCaseloadDialog
from tests.gui.children import child_ids

HEADER = ["Child name", "DOB", "UPN", "School", "Primary need", "EHCP issued"]
# W886200012345: check letter worked by hand in tests/unit/imports/test_caseload_import.py
GOOD = ["Ada Sheetchild", "14/03/2014", "W886200012345", "Larkspur Primary", "SLCN", "01/09/2022"]
LATER = ["Bo Sheetchild", "15/03/2014", "", "Larkspur Primary", "ASD", ""]


def _sheet(path: Path, rows: list[list[str]]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return str(path)


def test_the_wizard_names_bad_rows_then_imports_once_fixed(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    before = len(child_ids(window.backend))
    window.import_action.trigger()
    dialog: ImportCaseloadDialog = window.import_dialog
    assert dialog.isVisible() and not dialog.import_button.isEnabled()

    bad = [GOOD, ["Bo Sheetchild", "15/03/2031", "", "", "Wobbly", ""]]
    dialog.path_edit.setText(_sheet(tmp_path / "team.csv", bad))
    with qtbot.waitSignal(dialog.checked) as checked:
        dialog.check_button.click()
    assert [(p.row, p.column) for p in checked.args[0].problems] == [
        (3, "DOB"),
        (3, "Primary need"),
    ]
    shown = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert shown == [
        "Row 3, column 'DOB': 15/03/2031 is in the future",
        "Row 3, column 'Primary need': 'Wobbly' is not a need this import knows (use a SEN2 "
        "code: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, DS, OTH)",
    ]
    assert dialog.mapping_table.item(1, 1).text() == "date_of_birth"
    assert not dialog.import_button.isEnabled()

    dialog.path_edit.setText(_sheet(tmp_path / "fixed.csv", [GOOD, LATER]))
    with qtbot.waitSignal(dialog.checked):
        dialog.check_button.click()
    assert dialog.problems_list.count() == 0
    assert dialog.summary.text().startswith("Ready to import: 2 children")
    assert len(child_ids(window.backend)) == before  # a check changes nothing
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_button.click()
    assert imported.args[0].imported is True and imported.args[0].children == 2
    assert dialog.summary.text().startswith("Imported 2 children")
    assert len(child_ids(window.backend)) == before + 2


def test_changing_the_file_after_a_check_asks_for_a_new_check(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    window.import_action.trigger()
    dialog: ImportCaseloadDialog = window.import_dialog
    dialog.path_edit.setText(_sheet(tmp_path / "one.csv", [GOOD]))
    with qtbot.waitSignal(dialog.checked):
        dialog.check_button.click()
    assert dialog.import_button.isEnabled()
    dialog.map_edit.setText("School=ignore")
    assert not dialog.import_button.isEnabled()
    dialog.map_edit.setText("School ignore")
    dialog.check_button.click()
    assert dialog.summary.text() == "Columns: 'School ignore' is not Column=field"


def test_every_label_names_its_field_with_an_alt_key(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    window.import_action.trigger()
    dialog: ImportCaseloadDialog = window.import_dialog
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    # a label with '&' but no buddy shows the '&' itself ("&File:" on screen)
    assert labels and all(label.buddy() is not None for label in labels)
    file_label = next(label for label in labels if "File" in label.text())
    assert file_label.buddy() is dialog.path_edit


def test_a_linked_caseworkers_unknown_school_row_is_shown_left_out(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    from sqlmodel import select

    from send_desk.domain.organisation import Setting
    from send_desk.sync.state import SyncState, save_state

    me = window.backend.me()
    assert me is not None and me.role != "admin"  # the demo store's user
    with window.backend._access.store.write() as session:  # as after signing in
        save_state(session, SyncState(server_url="https://central.example.invalid"), "server_url")
        known = session.exec(select(Setting.name).order_by(Setting.name)).first()
    assert known is not None
    before = len(child_ids(window.backend))
    window.import_action.trigger()
    dialog: ImportCaseloadDialog = window.import_dialog
    rows = [
        [*GOOD[:3], known, *GOOD[4:]],
        ["Bo Sheetchild", "15/03/2014", "", "Zzyzx Test School", "ASD", ""],
    ]
    dialog.path_edit.setText(_sheet(tmp_path / "team.csv", rows))
    with qtbot.waitSignal(dialog.checked) as checked:
        dialog.check_button.click()
    assert checked.args[0].problems == ()
    shown = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert shown == [
        "Row 3, column 'School', left out: Zzyzx Test School is not in the list of schools "
        "and settings: only an administrator can add one, and it would not reach other "
        "laptops. Ask an administrator to add it, or correct the name."
    ]
    assert dialog.summary.text() == (
        "Ready to import: 1 children, 0 allocation(s), 1 case event(s), 0 new setting(s) "
        "from 2 row(s). 1 row is left out (listed above)."
    )
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported) as imported:
        dialog.import_button.click()
    assert imported.args[0].imported is True and imported.args[0].children == 1
    assert len(child_ids(window.backend)) == before + 1
