"""A caseload spreadsheet into the store: all rows or none.

Each row becomes a child (through :func:`send_desk.services.children.create_child`, so
the same checks as a child typed in), a placement at a setting matched by URN or name
(created when new), an allocation to a caseworker matched by user name or name, and
case events the clock understands: the plan date as ``final_plan_issued`` (confirmed,
as the sheet holds no request for it to follow) and the last review as
``review_meeting``, recorded through :func:`send_desk.services.events.add_event` so the
cached deadlines follow.

The whole file is written in one transaction and rolled back when any row has a
problem (or on a dry run), so every problem is reported at once and nothing is half
imported. A child whose UPN is already in the store is left as it is and reported.

On a laptop linked to a central store, only the roles in ``SETTING_WRITERS`` (admins)
may add a setting: the central store would quarantine anyone else's new school while
the placements naming it went through. A row naming an unknown school is then left out
(reported in ``left_out``, with what to do) and the other rows are imported; importing
the same file again once an administrator has added the school brings in just that
row, as the children already imported are left as they are. A laptop with no central
store adds the setting as before.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from send_desk.domain.children import Child, ChildCreate
from send_desk.domain.codes import NEED_LABELS, Need, Phase, Role
from send_desk.domain.organisation import SETTING_WRITERS, Setting, Team, User
from send_desk.domain.validators import clean_upn
from send_desk.imports.spreadsheet import (
    IGNORE,
    Column,
    SheetError,
    cell_text,
    map_columns,
    normalise,
    parse_date,
    read_rows,
    synonyms,
)
from send_desk.services.allocation import allocate, place
from send_desk.services.children import create_child
from send_desk.services.errors import ServiceError, ValidationFailed
from send_desk.services.events import add_event
from send_desk.services.organisation import create_setting, find_team, find_user
from send_desk.services.validation import validate
from send_desk.storage.store import Store
from send_desk.sync.state import load_state
from send_desk.timeutil import uk_date

Progress = Callable[[int], None]
# which sheet field a child's field came from, to name the column of a refusal
_CHILD_FIELDS = {
    "first_name": "name", "last_name": "name", "date_of_birth": "date_of_birth",
    "upn": "upn", "sex": "sex", "primary_need": "need", "secondary_need": "secondary_need",
}  # fmt: skip
_DATE_FIELDS = ("date_of_birth", "plan_date", "last_review")
_PROGRESS_EVERY = 50


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: the sheet's row number (header = 1) and column heading."""

    row: int | None
    column: str | None
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row is not None else "the file"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    file: str
    dry_run: bool
    mapping: list[Column] = field(default_factory=list)
    rows: int = 0
    children: int = 0
    settings_created: list[str] = field(default_factory=list)
    settings_matched: int = 0
    allocations: int = 0
    events: int = 0
    existing: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # rows not imported although the rest of the file is (a school only an
    # administrator may add): unlike a problem, they do not stop the import
    left_out: list[Problem] = field(default_factory=list)
    imported: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "dry_run": self.dry_run,
            "imported": self.imported,
            "mapping": [column.as_json() for column in self.mapping],
            "rows": self.rows,
            "children": self.children,
            "settings_created": self.settings_created,
            "settings_matched": self.settings_matched,
            "allocations": self.allocations,
            "events": self.events,
            "existing": self.existing,
            "problems": [problem.as_json() for problem in self.problems],
            "left_out": [problem.as_json() for problem in self.left_out],
        }


class _RollBack(Exception):
    """Leaves the store as it was: a dry run, or a file with problems."""


@dataclass
class _Row:
    number: int
    child: dict[str, Any]
    school: str = ""
    urn: str = ""
    plan_date: date | None = None
    last_review: date | None = None
    caseworker: str = ""


class _Importer:
    def __init__(
        self, session: Session, columns: list[Column], result: ImportResult, *,
        team: Team | None, today: date, may_add_settings: bool = True,
    ) -> None:  # fmt: skip
        self.session = session
        self.columns = [c for c in columns if c.field != IGNORE]
        self.heading = {c.field: c.heading for c in self.columns}
        self.result = result
        self.team = team
        self.today = today
        self.may_add_settings = may_add_settings
        self.needs = _need_words()
        self.sexes = synonyms("sex")
        self.seen_upn: dict[str, int] = {}
        self.seen_person: dict[tuple[str, str, date], int] = {}
        self.settings: dict[str, uuid.UUID] = {}
        self.caseworkers: dict[str, uuid.UUID | str] = {}

    def problem(self, row: int, field_name: str | None, message: str) -> None:
        column = self.heading.get(field_name) if field_name else None
        self.result.problems.append(Problem(row, column, message))

    # ---- reading one row ---------------------------------------------------------

    def parse(self, number: int, values: list[Any]) -> tuple[_Row, bool]:
        """The row's values, and whether they passed every check of their own."""
        cells = {c.field: values[c.index] if c.index < len(values) else None for c in self.columns}
        before = len(self.result.problems)
        child: dict[str, Any] = {}
        first, last = self._names(number, cells)
        child["first_name"], child["last_name"] = first, last
        dates: dict[str, date | None] = {}
        for name in _DATE_FIELDS:
            dates[name] = self._date(number, name, cells.get(name))
        if dates["date_of_birth"] is None and not cell_text(cells.get("date_of_birth")):
            self.problem(number, "date_of_birth", "the date of birth is needed")
        child["date_of_birth"] = dates["date_of_birth"]
        upn = cell_text(cells.get("upn"))
        if upn:
            try:
                child["upn"] = clean_upn(upn)
            except ValueError as error:
                self.problem(number, "upn", str(error))
        for name in ("need", "secondary_need"):
            text = cell_text(cells.get(name))
            if text:
                code = self.needs.get(normalise(text))
                if code is None:
                    self.problem(
                        number, name,
                        f"'{text}' is not a need this import knows "
                        f"(use a SEN2 code: {', '.join(n.value for n in Need)})",
                    )  # fmt: skip
                child["primary_need" if name == "need" else "secondary_need"] = code
        sex = cell_text(cells.get("sex"))
        if sex:
            sex_code = self.sexes.get(normalise(sex))
            if sex_code is None:
                self.problem(number, "sex", f"'{sex}' is not F or M (leave it blank if unknown)")
            child["sex"] = sex_code
        plan, review = dates["plan_date"], dates["last_review"]
        if plan and review and review < plan:
            self.problem(
                number, "last_review",
                f"the last review ({uk_date(review)}) is before the plan date ({uk_date(plan)})",
            )  # fmt: skip
        if review and not plan:
            self.problem(number, "last_review", "a review needs the plan's date too")
        self._twice(number, child)
        given = {k: v for k, v in child.items() if v is not None}
        row = _Row(
            number,
            given,
            school=cell_text(cells.get("school")),
            urn=cell_text(cells.get("urn")),
            plan_date=plan,
            last_review=review,
            caseworker=cell_text(cells.get("caseworker")),
        )
        if len(self.result.problems) > before:
            return row, False
        try:
            # the child's own rules (age, names, needs) here, so that a row's problems
            # are listed together with those of its school and caseworker
            validate(ChildCreate, given, self.today)
        except ValidationFailed as error:
            self._child_problem(number, error)
            return row, False
        return row, True

    def _child_problem(self, number: int, error: ValidationFailed) -> None:
        fields = [_CHILD_FIELDS.get(name) for name in error.fields] or [None]
        self.problem(number, fields[0], error.message)

    def _names(self, number: int, cells: Mapping[str, Any]) -> tuple[str, str]:
        if "first_name" in self.heading or "last_name" in self.heading:
            first, last = cell_text(cells.get("first_name")), cell_text(cells.get("last_name"))
            if not first and not last and "name" in cells:
                return self._split(number, cell_text(cells.get("name")))
            if not first or not last:
                missing = "first_name" if not first else "last_name"
                self.problem(number, missing, f"the {missing.replace('_', ' ')} is needed")
            return first, last
        return self._split(number, cell_text(cells.get("name")))

    def _split(self, number: int, name: str) -> tuple[str, str]:
        """'Surname, Forename' or 'Forename(s) Surname'."""
        if "," in name:
            last, _sep, first = name.partition(",")
        else:
            first, _sep, last = name.strip().rpartition(" ")
        first, last = first.strip(), last.strip()
        if not first or not last:
            what = f"'{name}' has" if name else "there is"
            self.problem(number, "name", f"{what} no first and last name (e.g. 'Amy Smith')")
        return first, last

    def _date(self, number: int, name: str, value: Any) -> date | None:
        if value is None or not cell_text(value):
            return None
        try:
            when = parse_date(value, self.today)
        except ValueError as error:
            self.problem(number, name, str(error))
            return None
        if when > self.today:
            self.problem(number, name, f"{uk_date(when)} is in the future")
            return None
        return when

    def _twice(self, number: int, child: Mapping[str, Any]) -> None:
        upn = child.get("upn")
        if upn:
            first = self.seen_upn.setdefault(upn, number)
            if first != number:
                self.problem(number, "upn", f"UPN {upn} is also on row {first}: a child twice")
            return
        dob = child.get("date_of_birth")
        if dob is None:
            return
        key = (normalise(child["first_name"]), normalise(child["last_name"]), dob)
        first = self.seen_person.setdefault(key, number)
        if first != number:
            self.problem(
                number, "name",
                f"{child['first_name']} {child['last_name']}, born {uk_date(dob)}, is also on "
                f"row {first}: a child twice",
            )  # fmt: skip

    # ---- writing one row ---------------------------------------------------------

    def write(self, row: _Row, ok: bool) -> None:
        """Look up the row's school and caseworker (reporting what is not found), then
        write it when ``ok`` and nothing was missing."""
        if ok and self._already_here(row):
            return
        before, left_out = len(self.result.problems), len(self.result.left_out)
        setting_id = self._setting(row) if (row.school or row.urn) else None
        caseworker_id = self._caseworker(row) if row.caseworker else None
        if not ok or len(self.result.problems) > before or len(self.result.left_out) > left_out:
            return
        try:
            child_id = create_child(self.session, row.child, today=self.today)
        except ValidationFailed as error:
            self._child_problem(row.number, error)
            return
        self.result.children += 1
        try:
            if setting_id is not None:
                place(self.session, child_id, setting_id, self.today)
            if caseworker_id is not None:
                allocate(self.session, child_id, caseworker_id, self.today, "imported caseload")
                self.result.allocations += 1
        except ServiceError as error:
            self.problem(row.number, "caseworker", error.message)
            return
        for name, kind, when in (
            ("plan_date", "final_plan_issued", row.plan_date),
            ("last_review", "review_meeting", row.last_review),
        ):
            if when is None:
                continue
            try:
                # the sheet has no request for a plan to follow: its date stands as given
                add_event(self.session, child_id, kind, when, today=self.today, confirm_dates=True)
            except ServiceError as error:
                self.problem(row.number, name, error.message)
                return
            self.result.events += 1

    def _already_here(self, row: _Row) -> bool:
        """A child already in the store is left as it is: the same UPN or, for a row
        without one, the same names and date of birth (so a sheet imported twice does
        not make every child twice)."""
        upn = row.child.get("upn")
        if upn:
            query = select(Child.id).where(Child.upn == upn)
        else:
            query = select(Child.id).where(
                func.lower(Child.first_name) == row.child["first_name"].lower(),
                func.lower(Child.last_name) == row.child["last_name"].lower(),
                Child.date_of_birth == row.child["date_of_birth"],
            )
        found = self.session.scalar(query.limit(1))
        if found is None:
            return False
        self.result.existing.append({"row": row.number, "upn": upn, "child_id": found})
        return True

    def _setting(self, row: _Row) -> uuid.UUID | None:
        key = f"urn:{row.urn}" if row.urn else f"name:{normalise(row.school)}"
        if key in self.settings:
            return self.settings[key]
        column = "urn" if row.urn else "school"
        query = select(Setting)
        if row.urn:
            query = query.where(Setting.urn == row.urn)
        else:
            query = query.where(func.lower(Setting.name) == " ".join(row.school.split()).lower())
        matches = list(self.session.scalars(query.limit(2)))
        if len(matches) > 1:
            self.problem(
                row.number, column,
                f"more than one setting is called '{row.school}': add a URN column to say which",
            )  # fmt: skip
            return None
        if matches:
            self.result.settings_matched += 1
            setting_id = matches[0].id
        elif not row.school:
            self.problem(
                row.number, "urn",
                f"no setting has URN {row.urn} yet: give the school's name too to add it",
            )  # fmt: skip
            return None
        elif not self.may_add_settings:
            self.result.left_out.append(Problem(row.number, self.heading.get("school"), (
                f"{' '.join(row.school.split())} is not in the list of schools and settings: "
                "only an administrator can add one, and it would not reach other laptops. "
                "Ask an administrator to add it, or correct the name."
            )))  # fmt: skip
            return None
        else:
            try:
                data = {"name": row.school, "urn": row.urn or None, "phase": Phase.OTHER}
                setting_id = create_setting(self.session, data)
            except ServiceError as error:
                self.problem(row.number, column, error.message)
                return None
            self.result.settings_created.append(" ".join(row.school.split()))
        self.settings[key] = setting_id
        return setting_id

    def _caseworker(self, row: _Row) -> uuid.UUID | None:
        key = row.caseworker.strip().lower()
        if key not in self.caseworkers:
            try:
                user = find_user(self.session, row.caseworker)
                if self.team is not None and user.team_id != self.team.id:
                    self.caseworkers[key] = f"{user.display_name} is not in {self.team.name}"
                else:
                    self.caseworkers[key] = user.id
            except ServiceError as error:
                self.caseworkers[key] = error.message
        found = self.caseworkers[key]
        if isinstance(found, str):
            self.problem(row.number, "caseworker", found)
            return None
        return found


def _may_add_settings(session: Session, store: Store) -> bool:
    """Whether a new setting would be accepted: always on a laptop not linked to a
    central store; otherwise only when the signed-in user's role may write settings
    (a linked store whose user is not known may not)."""
    state = load_state(session)
    if not state.configured:
        return True
    user_id = store.info.user_id
    user = session.get(User, user_id) if user_id is not None else None
    role = str(user.role) if user is not None else (state.role or "")
    return role == Role.ADMIN or role in SETTING_WRITERS


def _need_words() -> dict[str, Need]:
    words = {normalise(need.value): need for need in Need}
    words.update({normalise(label): need for need, label in NEED_LABELS.items()})
    words.update({word: Need(code) for word, code in synonyms("needs").items()})
    return words


def import_caseload(
    store: Store,
    path: Path,
    *,
    overrides: Mapping[str, str] | None = None,
    team: str | None = None,
    dry_run: bool = False,
    today: date,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row and import them all, or none; see the module docstring."""
    result = ImportResult(str(path), dry_run)
    try:
        rows = read_rows(path)
        _number, header = next(rows, (1, []))
        if not header:
            raise SheetError(f"{path.name} has no header row", row=1)
        result.mapping = map_columns([cell_text(h) for h in header], overrides or {})
    except SheetError as error:
        result.problems.append(Problem(error.row, error.column, error.message))
        return result
    try:
        with store.write() as session:
            chosen = find_team(session, team) if team else None
            importer = _Importer(
                session, result.mapping, result, team=chosen, today=today,
                may_add_settings=_may_add_settings(session, store),
            )  # fmt: skip
            for number, values in rows:
                result.rows += 1
                row, ok = importer.parse(number, values)
                importer.write(row, ok)
                if progress is not None and result.rows % _PROGRESS_EVERY == 0:
                    progress(result.rows)
            if progress is not None:
                # inside the transaction: a progress callback that stops the import
                # (by raising) still rolls it back
                progress(result.rows)
            if result.problems or dry_run:
                raise _RollBack
    except SheetError as error:
        result.problems.append(Problem(error.row, error.column, error.message))
    except _RollBack:
        pass
    except ServiceError as error:  # --team naming no team
        result.problems.append(Problem(None, None, error.message))
    result.imported = not result.problems and not dry_run
    return result
