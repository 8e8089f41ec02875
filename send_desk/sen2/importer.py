"""A SEN2 file into the store: every person or none (``send-desk sen2 import``).

The file is read as a stream (:mod:`send_desk.sen2.reader`); each person becomes a
child, case events and placements (:mod:`send_desk.sen2.person_import`), written in
batches with the journal's bulk path inside one transaction, which is rolled back when
any person has a problem (every problem is still listed) or on a dry run. A person
whose UPN is already in the store (without a UPN: the same names and date of birth) is
left as it is and reported; settings are matched by URN, UKPRN or SEN2 setting code
and created when new. The statutory clock's cache is brought up to date in the same
transaction, as recording an event does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlmodel import Session, col, select

from send_desk.domain.children import Child, Placement
from send_desk.domain.codes import Phase
from send_desk.domain.event_types import event_type
from send_desk.domain.events import CaseEvent
from send_desk.domain.organisation import Setting, SettingCreate
from send_desk.domain.stage import derive_stage
from send_desk.ids import uuid7
from send_desk.sen2.codes import code_set
from send_desk.sen2.person_import import NOT_KEPT, PersonRows, SettingKey, person_rows
from send_desk.sen2.reader import Header, NotSen2, Problem, read
from send_desk.services import milestones
from send_desk.storage.journal import insert_rows
from send_desk.storage.store import Store

Progress = Callable[[int], None]
BATCH_PERSONS = 1000  # persons held before their rows are written: bounds the memory
PROGRESS_EVERY = 1000


@dataclass
class ImportResult:
    file: str
    dry_run: bool
    persons: int = 0
    created: dict[str, int] = field(
        default_factory=lambda: {"children": 0, "events": 0, "placements": 0, "settings": 0}
    )
    matched: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    imported: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "imported": self.imported,
            "persons": self.persons,
            "created": dict(self.created),
            "matched": self.matched,
            "problems": [p.as_json() for p in self.problems],
            "notes": [p.as_json() for p in self.notes],
        }


def _person_key(first: Any, last: Any, born: Any) -> tuple[str, str, date]:
    return (" ".join(str(first).lower().split()), " ".join(str(last).lower().split()), born)


class _RollBack(Exception):
    """Leaves the store as it was: a dry run, or a file with problems."""


def _setting_row(key: SettingKey) -> dict[str, Any]:
    """A setting the file names and the store lacks: SEN2 gives no name, so the name
    says what identifies it (a caseworker renames it from GIAS)."""
    kind, value = key
    if kind == "sen2_setting":
        name = code_set("sen_setting").label(value)
        phase = Phase.EARLY_YEARS if value == "EYP" else Phase.OTHER
    else:
        name, phase = f"{kind.upper()} {value} (from SEN2)", Phase.OTHER
    data = SettingCreate.model_validate({"name": name, kind: value, "phase": phase})
    return _plain(data.model_dump())


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}


class _Writer:
    def __init__(self, session: Session, result: ImportResult, today: date, write: bool) -> None:
        self.session = session
        self.result = result
        self.today = today
        self.write_rows = write
        self.actor = session.info["actor"]
        self.upns: dict[str, uuid.UUID] = {}
        self.people: dict[tuple[str, str, date], uuid.UUID] = {}
        for upn, first, last, born, child_id in session.execute(
            sa.select(
                col(Child.upn), col(Child.first_name), col(Child.last_name),
                col(Child.date_of_birth), col(Child.id),
            )
        ):  # fmt: skip
            if upn is not None:
                self.upns[upn] = child_id
            self.people.setdefault(_person_key(first, last, born), child_id)
        self.settings: dict[SettingKey, uuid.UUID] = {}
        for setting in session.exec(select(Setting)):
            for kind in ("urn", "ukprn", "sen2_setting"):
                value = getattr(setting, kind)
                if value:
                    self.settings.setdefault((kind, value), setting.id)
        # UPN (or, without one, names and date of birth) -> line: a child twice in the file
        self.seen: dict[object, int] = {}
        self.pending: dict[type[Any], list[dict[str, Any]]] = {
            Setting: [],
            Child: [],
            Placement: [],
            CaseEvent: [],
        }
        self.ignored: dict[str, tuple[int, int]] = {}  # tag -> first line, how many

    def person(self, rows: PersonRows, problems: list[Problem]) -> None:
        self.result.notes += rows.notes
        for tag, line in rows.ignored:
            first, count = self.ignored.get(tag, (line, 0))
            self.ignored[tag] = (first, count + 1)
        upn = rows.child.get("upn")
        person = _person_key(
            rows.child.get("first_name"),
            rows.child.get("last_name"),
            rows.child.get("date_of_birth"),
        )
        first = self.seen.setdefault(upn or person, rows.line)
        if first != rows.line and upn:
            problems.append(
                Problem(rows.line, "UPN", f"UPN {upn} is also on line {first}: a child twice")
            )
        elif first != rows.line:
            # two children can share names and a birthday (the 20,000-child demo has a
            # pair): both are imported, and someone should look
            self.result.notes.append(Problem(
                rows.line, "Person",
                f"same names and date of birth as line {first}, and no UPN: imported as "
                "two children; check they are not one",
            ))  # fmt: skip
        if problems:
            self.result.problems += problems
            return
        # a child already here is left as it is: the same UPN or, with none in the file,
        # the same names and date of birth (so a file imported twice makes no one twice)
        known = self.upns.get(upn) if upn else self.people.get(person)
        if known is not None:
            self.result.matched.append({"line": rows.line, "upn": upn, "child_id": str(known)})
            return
        setting_ids: dict[SettingKey, uuid.UUID] = {}
        for key, line in rows.settings:
            found = self._setting(key, line)
            if found is None:
                return
            setting_ids[key] = found
        self._child(rows, setting_ids)

    def _setting(self, key: SettingKey, line: int) -> uuid.UUID | None:
        if key in self.settings:
            return self.settings[key]
        try:
            row = _setting_row(key)
        except ValidationError as error:
            message = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
            tag = {"urn": "URN", "ukprn": "UKPRN", "sen2_setting": "SENSetting"}[key[0]]
            self.result.problems.append(Problem(line, tag, message))
            return None
        setting_id = row["id"] = self.settings[key] = uuid7()
        self.pending[Setting].append(row)
        self.result.created["settings"] += 1
        return setting_id

    def _child(self, rows: PersonRows, setting_ids: dict[SettingKey, uuid.UUID]) -> None:
        child_id = uuid7()
        parsed = [
            (type_id, day, event_type(type_id).parse_details(details), evidence)
            for type_id, day, details, evidence in rows.events
        ]
        stage = derive_stage((type_id, day, details) for type_id, day, details, _ in parsed)
        events = [
            {"id": uuid7(), "child_id": child_id, "type": type_id, "date": day,
             "details": details, "evidence": evidence}
            for type_id, day, details, evidence in parsed
        ]  # fmt: skip
        assert rows.valid_child is not None  # a person with no problems
        self.pending[Child].append(
            {**_plain(rows.valid_child), "id": child_id, "stage": stage.value}
        )
        self.pending[CaseEvent] += events
        for p in rows.placements:
            self.pending[Placement].append({
                "id": uuid7(), "child_id": child_id, "setting_id": setting_ids[p.setting],
                "start_date": p.start, "end_date": p.end, "sen_unit": p.sen_unit,
                "resourced_provision": p.resourced_provision, "rank": p.rank,
            })  # fmt: skip
        self.result.created["children"] += 1
        self.result.created["events"] += len(events)
        self.result.created["placements"] += len(rows.placements)

    def flush(self) -> None:
        """Write what is pending (nothing once a problem is found: it will be undone)."""
        if self.write_rows and not self.result.problems:
            for model, rows in self.pending.items():
                insert_rows(self.session, model, rows, self.actor)
        for rows in self.pending.values():
            rows.clear()


def import_sen2(
    store: Store,
    path: Path,
    *,
    dry_run: bool = False,
    today: date,
    progress: Progress | None = None,
) -> ImportResult:
    """Import the file whole or not at all; see the module docstring. Raises
    :class:`send_desk.sen2.reader.Unreadable` for a file that cannot be read."""
    result = ImportResult(str(path), dry_run)
    stream = read(path)
    try:
        with store.write() as session:
            writer = _Writer(session, result, today, write=not dry_run)
            header: Header | None = None
            for item in stream:
                if isinstance(item, Header):
                    header = item
                    continue
                assert header is not None  # the reader yields the header first
                result.persons += 1
                rows, problems = person_rows(item, header, today)
                writer.person(rows, problems)
                if result.persons % BATCH_PERSONS == 0:
                    writer.flush()
                if progress is not None and result.persons % PROGRESS_EVERY == 0:
                    progress(result.persons)
            writer.flush()
            for tag, (line, count) in writer.ignored.items():
                what = "is read but not kept" if tag in NOT_KEPT else "is not a SEN2 element"
                times = f" ({count:,} times)" if count > 1 else ""
                result.notes.append(Problem(line, tag, f"{what}{times}: ignored"))
            if progress is not None:
                progress(result.persons)
            if result.problems or dry_run:
                raise _RollBack
            # as the app would on opening the store, but now: the children just imported
            # (every child, when the import is large or the cache was not current), and
            # the cache's journal position moved past the import
            milestones.ensure_current(session, today=today)
    except NotSen2 as error:
        result.problems.append(error.problem)
    except _RollBack:
        pass
    result.imported = not result.problems and not dry_run
    if not result.imported:
        result.created = {name: 0 for name in result.created} if not dry_run else result.created
    return result
