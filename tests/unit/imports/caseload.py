"""A store with the teams, caseworkers and a school a caseload sheet refers to, and a
writer for sheets (synthetic people only)."""

from __future__ import annotations

import csv
from pathlib import Path

from send_desk.domain.codes import Phase, Role
from send_desk.services.organisation import create_setting, create_team, create_user
from send_desk.storage.store import Store

HEADER = ["Name", "D.O.B.", "UPN", "School", "Primary need", "EHCP issued", "Last annual review",
          "Case officer"]  # fmt: skip


def organise(store: Store) -> None:
    with store.write() as session:
        north = create_team(session, {"name": "North"})
        south = create_team(session, {"name": "South"})
        create_user(session, {"username": "scarter", "display_name": "Sam Carter",
                              "role": Role.CASEWORKER, "team_id": north})  # fmt: skip
        create_user(session, {"username": "jpatel", "display_name": "Jo Patel",
                              "role": Role.CASEWORKER, "team_id": south})  # fmt: skip
        create_setting(session, {"name": "Hillside Primary", "urn": "100001",
                                 "phase": Phase.PRIMARY})  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
