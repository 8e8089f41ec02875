"""The desktop app's one door to the data: a Qt-free facade over the store and services.

Every method opens its own short-lived Session (``Store.read()`` / ``Store.write()``)
and returns plain data (dicts, lists, strings), so it can be called from any thread and
nothing it returns is tied to a Session. Writes raise :class:`ValidationFailed` with
per-field reasons and leave nothing saved half-way (one transaction per call).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from send_desk.backend import labels
from send_desk.backend.access import StoreAccess, store_problem
from send_desk.backend.clock import ClockMixin
from send_desk.backend.correspondence import CorrespondenceMixin
from send_desk.backend.errors import StoreProblem, ValidationFailed, WrongPassword
from send_desk.backend.integrity import IntegrityMixin
from send_desk.backend.letters import LettersMixin
from send_desk.backend.notes import NotesMixin
from send_desk.backend.plans_api import PlansApi
from send_desk.backend.supervision import SupervisionMixin
from send_desk.paths import DataPaths
from send_desk.security.keys import KeyFileError, check_new_password, read_keyfile, unwrap_key
from send_desk.services import allocation as allocation_service
from send_desk.services import caseload as caseload_service
from send_desk.services import children as children_service
from send_desk.services import family as family_service
from send_desk.services import milestones as milestones_service
from send_desk.services.caseload import CaseloadQuery
from send_desk.storage.errors import StoreError
from send_desk.storage.store import Store, create_store, open_store, store_exists
from send_desk.timeutil import LONDON, london_today

log = logging.getLogger(__name__)
# A child's fields the statutory clock reads (changing one recomputes the child).
CLOCK_FIELDS = frozenset({"date_of_birth", "looked_after"})

Progress = Callable[[str], None]


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed(f"'{value}' is not a record id") from None


class Backend(
    NotesMixin, ClockMixin, LettersMixin, CorrespondenceMixin, SupervisionMixin, IntegrityMixin
):
    """An open store and the operations the desktop app performs on it."""

    def __init__(self, store: Store, *, today: Callable[[], date] = london_today) -> None:
        self._store = store
        self._today = today
        # shared by the feature facades (send_desk.backend.access); the mixins still
        # reach the store through _read/_write below until each becomes a facade
        self._access = StoreAccess(store, today)
        self.plans = PlansApi(self._access)
        self._me: dict[str, Any] | None = None
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- opening

    @staticmethod
    def store_exists(paths: DataPaths) -> bool:
        return store_exists(paths)

    @staticmethod
    def check_new_password(password: str) -> list[str]:
        return check_new_password(password)

    @classmethod
    def open(
        cls, paths: DataPaths, password: str, *, today: Callable[[], date] = london_today
    ) -> Backend:
        """Unlock the store. Raises WrongPassword or StoreProblem."""
        try:
            store = open_store(paths, password)
        except WrongPassword:
            raise
        except (StoreError, KeyFileError) as error:
            raise store_problem(error) from error
        return cls(store, today=today)

    @classmethod
    def create(
        cls, paths: DataPaths, password: str, *, today: Callable[[], date] = london_today
    ) -> Backend:
        """Make a new empty store protected by ``password`` (checked for strength)."""
        problems = check_new_password(password)
        if problems:
            raise ValidationFailed(
                "that password is too weak: " + "; ".join(problems),
                {"password": "; ".join(problems)},
            )
        try:
            store = create_store(paths, password)
        except StoreError as error:
            raise store_problem(error) from error
        return cls(store, today=today)

    @classmethod
    def create_demo(
        cls,
        paths: DataPaths,
        password: str,
        *,
        children: int = 2000,
        seed: int = 1,
        today: Callable[[], date] = london_today,
        progress: Progress | None = None,
    ) -> Backend:
        """A new store filled with the synthetic demo caseload."""
        from send_desk.demo.generator import build_demo

        backend = cls.create(paths, password, today=today)
        say = progress or (lambda _message: None)
        say("Creating the encrypted store")
        try:
            build_demo(backend._store, children=children, seed=seed, today=today(), progress=say)
            say("Working out every child's statutory deadlines")
            backend.ensure_clock()
        except StoreError as error:
            backend.close()
            raise store_problem(error) from error
        return backend

    @staticmethod
    def list_backups(paths: DataPaths) -> list[dict[str, Any]]:
        """Backup files in the store's backups folder, newest first."""
        found = []
        folder = paths.backups
        if folder.is_dir():
            for item in folder.glob("*.zip"):
                stat = item.stat()
                found.append(
                    {
                        "path": str(item),
                        "name": item.name,
                        "modified": datetime.fromtimestamp(stat.st_mtime, LONDON),
                        "bytes": stat.st_size,
                    }
                )
        return sorted(found, key=lambda item: item["modified"], reverse=True)

    @staticmethod
    def restore_backup(paths: DataPaths, source: str | Path, password: str) -> dict[str, Any]:
        """Replace the store with a backup (the current files are kept aside first)."""
        from send_desk.storage.backup import restore_store

        try:
            return restore_store(paths, Path(source), password)
        except WrongPassword:
            raise
        except (StoreError, KeyFileError) as error:
            raise store_problem(error) from error

    # ------------------------------------------------------------------ basics

    @property
    def paths(self) -> DataPaths:
        return self._store.paths

    def today(self) -> date:
        return self._today()

    def close(self) -> None:
        self._store.close()

    def verify_password(self, password: str) -> bool:
        """True when ``password`` unlocks this store (used to end an idle lock)."""
        try:
            keyfile = read_keyfile(self._store.paths.keyfile)
            return unwrap_key(keyfile, password) == self._store.raw_key
        except WrongPassword:
            return False
        except KeyFileError as error:
            raise StoreProblem(str(error), can_restore=True) from error

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with self._access.read() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with self._access.write() as session:
            yield session

    def me(self) -> dict[str, Any] | None:
        """The signed-in user (name, user name, role, team), or None for a fresh store."""
        with self._lock:
            if self._me is not None:
                return self._me
        user_id = self._store.info.user_id
        if user_id is None:
            return None
        from send_desk.domain.organisation import Team, User

        with self._read() as session:
            user = session.get(User, user_id)
            if user is None:
                return None
            team = session.get(Team, user.team_id) if user.team_id else None
            me = {
                "id": user.id.hex,
                "name": user.display_name,
                "username": user.username,
                "role": user.role,
                "team": team.name if team else None,
                "team_id": team.id.hex if team else None,
            }
        with self._lock:
            self._me = me
        return me

    def stats(self) -> dict[str, Any]:
        from send_desk.services.stats import store_stats

        with self._read() as session:
            return store_stats(session)

    # ---------------------------------------------------------------- caseload

    def caseload_ids(
        self, query: CaseloadQuery | None = None, *, overdue: bool = False
    ) -> list[str]:
        """Ids of the children matching ``query``, in its sort order; with ``overdue``,
        only those with a statutory deadline missed and still not done."""
        with self._read() as session:
            ids = caseload_service.caseload_ids(
                session, query or CaseloadQuery(), today=self._today()
            )
        if overdue:
            late = self.overdue_child_ids()
            ids = [child_id for child_id in ids if child_id in late]
        return ids

    def caseload_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Display rows for a page of ids, keyed by id."""
        with self._read() as session:
            rows = caseload_service.caseload_rows(session, ids, today=self._today())
        upcoming = self.next_deadlines(list(rows))
        for key, row in rows.items():
            row["next_deadline"] = upcoming.get(uuid.UUID(key).hex)
        return rows

    def caseload_options(self) -> dict[str, Any]:
        """Teams, caseworkers and settings for filters and forms."""
        with self._read() as session:
            return caseload_service.caseload_options(session)

    def saved_filter(self, name: str) -> CaseloadQuery:
        """The query behind a saved filter: all, mine, my_team, reviews_this_term, looked_after."""
        me = self.me() or {}
        base = CaseloadQuery()
        if name == "mine" and me.get("id"):
            return replace(base, caseworker_id=me["id"])
        if name == "my_team" and me.get("team_id"):
            return replace(base, team_id=me["team_id"])
        if name == "reviews_this_term":
            return replace(base, review_this_term=True)
        if name == "looked_after":
            return replace(base, looked_after=True)
        if name == "unallocated":
            return replace(base, unallocated=True)
        return base

    # ------------------------------------------------------------ child record

    def child_detail(self, child_id: str) -> dict[str, Any]:
        """Everything the child record shows, as plain data with display labels."""
        with self._read() as session:
            data = children_service.child_detail(session, _uuid(child_id), today=self._today())
        detail = _decorate(data)
        detail["next_deadline"] = self.next_deadlines([child_id]).get(_uuid(child_id).hex)
        return detail

    def create_child(self, data: Mapping[str, Any]) -> str:
        values = _clean(data)
        with self._write() as session:
            child_id = children_service.create_child(session, values, today=self._today())
        return child_id.hex

    def update_child(self, child_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        with self._write() as session:
            changed = children_service.update_child(
                session, _uuid(child_id), _clean(changes), today=self._today()
            )
            if changed.keys() & CLOCK_FIELDS:  # the clock reads them: recompute now
                milestones_service.recompute_child(session, _uuid(child_id), today=self._today())
            return changed

    def add_family_member(self, child_id: str, data: Mapping[str, Any]) -> str:
        values = {**_clean(data), "child_id": _uuid(child_id)}
        with self._write() as session:
            return family_service.add_family_member(session, values).hex

    def update_family_member(self, member_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        with self._write() as session:
            return family_service.update_family_member(session, _uuid(member_id), _clean(changes))

    def place(
        self,
        child_id: str,
        setting_id: str | None,
        start_date: date | None,
        provision: str | None = None,
    ) -> str:
        """Place the child; ``provision`` is "sen_unit" or "resourced_provision" for a
        place in the setting's SEN unit or resourced provision (SEN2's indicators)."""
        fields = {}
        if not setting_id:
            fields["setting_id"] = "choose a setting"
        if start_date is None:
            fields["start_date"] = "is needed"
        elif start_date > self._today():
            fields["start_date"] = "a placement is recorded once it has started"
        if fields:
            raise ValidationFailed(_summary(fields), fields)
        assert setting_id is not None and start_date is not None
        with self._write() as session:
            placement = allocation_service.place(
                session,
                _uuid(child_id),
                _uuid(setting_id),
                start_date,
                sen_unit=provision == "sen_unit",
                resourced_provision=provision == "resourced_provision",
            )
            # the setting's phase decides an infant-to-junior transfer
            milestones_service.recompute_child(session, _uuid(child_id), today=self._today())
            return placement.hex

    def allocate(
        self, child_id: str, caseworker_id: str | None, start_date: date | None, reason: str = ""
    ) -> str:
        fields = {}
        if not caseworker_id:
            fields["caseworker_id"] = "choose a caseworker"
        if start_date is None:
            fields["start_date"] = "is needed"
        elif start_date > self._today():
            fields["start_date"] = "an allocation is recorded from today or earlier"
        if fields:
            raise ValidationFailed(_summary(fields), fields)
        assert caseworker_id is not None and start_date is not None
        with self._write() as session:
            return allocation_service.allocate(
                session, _uuid(child_id), _uuid(caseworker_id), start_date, reason.strip() or None
            ).hex


def _summary(fields: Mapping[str, str]) -> str:
    return "; ".join(f"{labels.field_label(name)}: {reason}" for name, reason in fields.items())


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Blank text from a form means 'not recorded'."""
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, str) and not value.strip():
            cleaned[name] = None
        else:
            cleaned[name] = value
    return cleaned


def _decorate(data: dict[str, Any]) -> dict[str, Any]:
    """Add the labels the record shows next to stored codes."""
    data["id"] = uuid.UUID(str(data["id"])).hex
    data["date_of_birth"] = _as_date(data.get("date_of_birth"))
    data["primary_need_label"] = labels.need_label(data.get("primary_need"))
    data["secondary_need_label"] = labels.need_label(data.get("secondary_need"))
    data["sex_label"] = labels.SEX_LABELS.get(data.get("sex") or "U", "")
    for member in data["family"]:
        member["id"] = uuid.UUID(str(member["id"])).hex
        member["relationship_label"] = labels.RELATIONSHIP_LABELS.get(
            member["relationship"], member["relationship"]
        )
        member["preferred_contact_label"] = labels.CONTACT_LABELS.get(
            member["preferred_contact"], member["preferred_contact"]
        )
    for placement in data["settings"]:
        placement["start_date"] = _as_date(placement["start_date"])
        placement["end_date"] = _as_date(placement["end_date"])
        setting = placement["setting"]
        setting["phase_label"] = labels.PHASE_LABELS.get(setting["phase"], setting["phase"])
    for item in data["allocations"]:
        item["start_date"] = _as_date(item["start_date"])
        item["end_date"] = _as_date(item["end_date"])
    for event in data["events"]:
        event["date"] = _as_date(event["date"])
        event["label"] = labels.event_label(event["type"])
        if event.get("withdrawn"):
            event["label"] += f" — withdrawn: {event.get('withdrawn_reason') or 'no reason'}"
        elif event.get("version", 1) > 1:
            event["label"] += f" (corrected, version {event['version']})"
        event["details_text"] = _details_text(event.get("details") or {})
    names = _row_names(data)
    for entry in data["history"]:
        entry["at"] = datetime.fromisoformat(entry["at"]).astimezone(LONDON)
        entry["description"] = _describe(entry, names)
    data["history"].reverse()  # newest first
    data["communication_needs"] = communication_needs(data["family"])
    data["flags"] = _flags(data)
    return data


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _details_text(details: Mapping[str, Any]) -> str:
    parts = []
    for key, value in details.items():
        text = str(value).replace("_", " ")
        if key.endswith("date"):
            with suppress(ValueError):
                text = date.fromisoformat(str(value)).strftime("%d/%m/%Y")
        parts.append(f"{key.replace('_', ' ').capitalize()}: {text}")
    return "; ".join(parts)


def _row_names(data: Mapping[str, Any]) -> dict[str, str]:
    names = {uuid.UUID(data["id"]).hex: f"{data['first_name']} {data['last_name']}"}
    for member in data["family"]:
        names[member["id"]] = member["name"]
    for placement in data["settings"]:
        names[uuid.UUID(str(placement["id"])).hex] = placement["setting"]["name"]
    for item in data["allocations"]:
        names[uuid.UUID(str(item["id"])).hex] = f"{item['caseworker']} ({item['team']})"
    for event in data["events"]:
        names[uuid.UUID(str(event["id"])).hex] = event["label"]
    return names


def _value_text(raw: str | None) -> str:
    if raw is None:
        return "blank"
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if value is None or value == "":
        return "blank"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def _describe(entry: Mapping[str, Any], names: Mapping[str, str]) -> str:
    what = labels.TABLE_LABELS.get(entry["table"], entry["table"].replace("_", " "))
    row = uuid.UUID(entry["row_id"]).hex
    name = names.get(row, "")
    if entry["op"] in ("insert", "import"):
        if entry["table"] == "child":
            return "Record created"
        return f"Added {what}" + (f": {name}" if name else "")
    if entry["op"] == "delete":
        return f"Removed {what}" + (f": {name}" if name else "")
    field = labels.field_label(entry.get("field"))
    old, new = _value_text(entry.get("old_value")), _value_text(entry.get("new_value"))
    where = "" if entry["table"] == "child" else f" ({what}{': ' + name if name else ''})"
    return f"{field} changed from {old} to {new}{where}"


def communication_needs(family: Sequence[Mapping[str, Any]]) -> list[str]:
    """Plain sentences about how to communicate with the family, most important first."""
    needs = []
    for member in family:
        who = f"{member['name']} ({member.get('relationship_label') or member['relationship']})"
        language = member.get("language")
        if member.get("independent_interpreter"):
            needs.append(
                f"{who}: independent interpreter needed for {language or 'their language'}"
            )
        elif member.get("interpreter_needed"):
            needs.append(f"{who}: interpreter needed for {language or 'their language'}")
        if member.get("easy_read"):
            needs.append(f"{who}: send letters in easy-read")
        if member.get("large_print"):
            needs.append(f"{who}: send letters in large print")
    return needs


def _flags(data: Mapping[str, Any]) -> list[str]:
    flags = []
    if data.get("looked_after"):
        authority = data.get("placing_authority")
        flags.append("Looked after" + (f" (placed by {authority})" if authority else ""))
    if data.get("stage") == "appeal" or any(
        e["type"] in caseload_service.TRIBUNAL_EVENTS for e in data["events"]
    ):
        flags.append("Tribunal")
    if data.get("year_group") in (6, 11) and data.get("stage") in caseload_service.PLAN_STAGES:
        flags.append("Phase transfer year")
    return flags


__all__ = ["Backend", "CaseloadQuery", "StoreProblem", "ValidationFailed", "WrongPassword"]
