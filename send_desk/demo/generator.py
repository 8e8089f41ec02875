"""Build a reproducible demo caseload: same seed, same caseload.

Rows are validated by the same Create models the services use, then written with
the journal's bulk path (one transaction) because the ORM unit of work would take
minutes for 20,000 children.
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from itertools import accumulate
from typing import Any

from faker import Faker
from sqlalchemy import func, select

from send_desk.demo import sen2_fields, vocab
from send_desk.demo.audits import audits_for_demo
from send_desk.demo.clock_rows import ClockCache, clock_cache, submit
from send_desk.demo.correspondence import correspondence_for_demo
from send_desk.demo.notes import notes_for_demo
from send_desk.demo.plans import plans_for_demo
from send_desk.demo.scenarios import SCENARIOS, History
from send_desk.demo.sen2_problems import add_problems
from send_desk.demo.timing import clocks, phases
from send_desk.domain.children import (
    Allocation,
    Child,
    ChildCreate,
    FamilyMember,
    FamilyMemberCreate,
    Placement,
)
from send_desk.domain.correspondence import (
    Callback,
    Complaint,
    ComplaintStage,
    CorrespondenceItem,
    DutyRota,
    StaffAbsence,
)
from send_desk.domain.event_types import event_type
from send_desk.domain.events import CaseEvent
from send_desk.domain.journal import JournalEntry
from send_desk.domain.notes import NoteVersion
from send_desk.domain.organisation import Setting, Team, User
from send_desk.domain.plans import PlanVersion
from send_desk.domain.school_year import nc_year
from send_desk.domain.stage import derive_stage
from send_desk.domain.supervision import AuditResponse, NoteAudit
from send_desk.domain.tables import table_name
from send_desk.domain.validators import upn_check_letter
from send_desk.gc_pause import gc_paused
from send_desk.ids import SeededIds
from send_desk.services import milestones
from send_desk.services.errors import Refused
from send_desk.storage.bulk import (
    begin_now,
    cache_mib,
    deferred_indexes,
    page_cache,
    rollback_journal,
)  # fmt: skip
from send_desk.storage.journal import insert_rows
from send_desk.storage.store import Store
from send_desk.sync.fts import deferred_note_index

CORRESPONDENCE_TABLES = (
    CorrespondenceItem, Callback, Complaint, ComplaintStage, StaffAbsence, DutyRota,
)  # fmt: skip
# the caseload, then the records kept about it (made from the caseload's rows)
CASELOAD_TABLES: tuple[type[Any], ...] = (
    Team, User, Setting, Child, FamilyMember, Placement, Allocation, CaseEvent,
)  # fmt: skip
RECORD_TABLES: tuple[type[Any], ...] = (
    NoteVersion, *CORRESPONDENCE_TABLES, PlanVersion, NoteAudit, AuditResponse,
)  # fmt: skip
WRITE_ORDER = (*CASELOAD_TABLES, *RECORD_TABLES)
# about what a demo row, its journal entry and their index entries take in the store
CHILDREN_PER_CASEWORKER = 200
CASEWORKERS_PER_SUPERVISOR = 8


def _weighted(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Builder:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        # Faker draws a weighted surname by adding up its thousand weights on every
        # call; drawn here from weights added up once, by the same random.choices
        # call on the same generator, it is the same surname (a test checks)
        draw: Any = self.fake.last_name
        surnames = draw.__self__.last_names  # the en_GB provider's
        self._surnames: tuple[str, ...] = tuple(surnames)
        self._surname_weights = list(accumulate(surnames.values()))
        start_ms = int(datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp() * 1000)
        self.new_id = SeededIds(seed, start_ms)
        self.today = today
        self.rows: dict[type[Any], list[dict[str, Any]]] = {}
        self._phones = self.rng.sample(range(1000), 1000)
        self._phone_n = 0
        self._usernames: set[str] = set()
        self._urns: set[str] = set()

    def last_name(self) -> str:
        drawn: str = self.fake.random.choices(self._surnames, cum_weights=self._surname_weights)[0]
        return drawn

    def add(self, model: type[Any], row: dict[str, Any]) -> uuid.UUID:
        # an id is drawn even when the row brings its own: the seed's ids stay as they were
        row.setdefault("id", self.new_id())
        self.rows.setdefault(model, []).append(row)
        given = row["id"]
        return given if type(given) is uuid.UUID else uuid.UUID(str(given))

    # Ofcom keeps 07700 900000-900999 and 01632 960000-960999 for drama: never real.
    def mobile(self) -> str:
        self._phone_n += 1
        return f"07700 900{self._phones[self._phone_n % 1000]:03d}"

    def landline(self) -> str:
        self._phone_n += 1
        return f"01632 960{self._phones[self._phone_n % 1000]:03d}"

    def username(self, first: str, last: str) -> str:
        base = (first[0] + last).lower().replace("'", "").replace(" ", "").replace("-", "")
        name, n = base, 1
        while name in self._usernames:
            n += 1
            name = f"{base}{n}"
        self._usernames.add(name)
        return name

    def urn(self) -> str:
        while True:
            urn = str(self.rng.randint(100000, 149999))
            if urn not in self._urns:
                self._urns.add(urn)
                return urn

    def upn(self) -> str:
        tail = f"888{self.rng.randint(0, 99999999):08d}{self.rng.randint(0, 9)}"
        return upn_check_letter(tail) + tail


def _people(b: _Builder, children: int) -> tuple[dict[str, list[uuid.UUID]], uuid.UUID]:
    """Teams, caseworkers, supervisors and an admin; returns caseworkers by team."""
    caseworkers = max(len(vocab.TEAMS), round(children / CHILDREN_PER_CASEWORKER))
    by_team: dict[str, list[uuid.UUID]] = {}
    team_ids = {}
    for name in vocab.TEAMS:
        team_ids[name] = b.add(Team, {"name": name, "description": f"{name} area SEND team"})
        by_team[name] = []

    def user(role: str, team: str | None, start: date) -> uuid.UUID:
        first, last = b.fake.first_name(), b.last_name()
        username = b.username(first, last)
        return b.add(
            User,
            {
                "username": username,
                "display_name": f"{first} {last}",
                "role": role,
                "team_id": team_ids[team] if team else None,
                "email": f"{username}@council.example.org",
                "phone": b.landline(),
                "active": True,
                "start_date": start,
            },
        )

    for index in range(caseworkers):
        team = vocab.TEAMS[index % len(vocab.TEAMS)]
        # about one in eight started in the last six months (supervision weights them)
        days = b.rng.randint(20, 180) if b.rng.random() < 0.125 else b.rng.randint(200, 4000)
        by_team[team].append(user("caseworker", team, b.today - timedelta(days=days)))
    for team in vocab.TEAMS:
        for _ in range(max(1, round(len(by_team[team]) / CASEWORKERS_PER_SUPERVISOR))):
            user("supervisor", team, b.today - timedelta(days=b.rng.randint(800, 6000)))
    user("admin", None, b.today - timedelta(days=3000))
    return by_team, by_team[vocab.TEAMS[0]][0]


def _settings(b: _Builder, children: int) -> dict[str, list[uuid.UUID]]:
    by_phase: dict[str, list[uuid.UUID]] = {}
    kinds = vocab.SETTING_KINDS
    count = max(len(kinds) * 2, children // 25)
    for index in range(count):
        phase, pattern, _ = (
            kinds[index] if index < len(kinds) else b.rng.choices(kinds, [k[2] for k in kinds])[0]
        )
        name = pattern.format(
            place=b.rng.choice(vocab.PLACE_WORDS), saint=b.rng.choice(vocab.SAINTS)
        )
        setting_id = b.add(
            Setting,
            {
                "name": name,
                "urn": b.urn(),
                "phase": phase,
                "address": _address(b),
                "postcode": b.fake.postcode(),
                "phone": b.landline(),
                "email": f"office{index}@school.example.org",
                "local_authority": None,
            },
        )
        by_phase.setdefault(phase, []).append(setting_id)
    return by_phase


def _setting_phase(rng: random.Random, year: int) -> str:
    if rng.random() < 0.12 and year >= 0:
        return "special"
    if year < 0:
        return "early_years"
    if year <= 2:
        return "infant" if rng.random() < 0.2 else "primary"
    if year <= 6:
        return "junior" if rng.random() < 0.15 else "primary"
    if year <= 11:
        return "secondary"
    return "post16"


def _age_days(rng: random.Random) -> int:
    band = rng.choices(((1, 3), (4, 10), (11, 15), (16, 19), (20, 24)), (4, 42, 36, 14, 4))[0]
    return rng.randint(band[0] * 365 + 30, band[1] * 365 + 330)


_STREET_NAMES = tuple(word for word in vocab.PLACE_WORDS if " " not in word)


def _address(b: _Builder) -> str:
    """A plausible English address in an invented town (Faker's en_GB streets read oddly)."""
    rng = b.rng
    street = f"{rng.choice(_STREET_NAMES)} {rng.choice(vocab.STREET_KINDS)}"
    return f"{rng.randint(1, 180)} {street}, {rng.choice(vocab.TOWNS)}"


def _local_part(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _family(b: _Builder, child_id: uuid.UUID, child: dict[str, Any], language: str) -> None:
    rng, fake = b.rng, b.fake
    needs_interpreter = language != "English" and rng.random() < 0.55
    easy_read = rng.random() < 0.05
    if child["looked_after"]:
        carers: Sequence[tuple[str, bool]] = [("foster_carer", False), ("social_worker", False)]
    elif rng.random() < 0.55:
        carers = [("mother", True), ("father", True)]
    else:
        carers = [
            (rng.choice(("mother", "mother", "father", "grandparent", "kinship_carer")), True)
        ]
    for position, (relationship, responsibility) in enumerate(carers):
        female = relationship == "mother" or (relationship != "father" and rng.random() < 0.7)
        first = fake.first_name_female() if female else fake.first_name_male()
        last = (
            child["last_name"]
            if relationship in ("mother", "father") and rng.random() < 0.8
            else b.last_name()
        )
        method = rng.choices(("phone", "email", "letter", "text"), (45, 35, 10, 10))[0]
        professional = relationship == "social_worker"
        # foster carers and social workers are English speakers in this demo; the
        # child's family language belongs to the birth family
        family_language = relationship not in ("foster_carer", "social_worker")
        speaks = language if family_language else "English"
        row = {
            "child_id": child_id,
            "name": f"{first} {last}",
            "relationship": relationship,
            "parental_responsibility": responsibility,
            "main_contact": position == 0,
            "phone": b.landline() if professional else b.mobile(),
            "email": f"{first.lower()}.{_local_part(last)}@example.com",
            "address": None if professional else child["address"],
            "postcode": None if professional else child["postcode"],
            "preferred_contact": "email" if professional else method,
            "language": None if professional else speaks,
            "interpreter_needed": needs_interpreter and family_language,
            "independent_interpreter": needs_interpreter and family_language and rng.random() < 0.6,
            "easy_read": easy_read and not professional,
            "large_print": not professional and rng.random() < 0.02,
            "notes": None,
        }
        FamilyMemberCreate.model_validate(row)
        b.add(FamilyMember, row)


def _phase_transfer(h: History, year: int) -> None:
    """Record the phase transfer at this school year's review for Year 6 and Year 11."""
    kind = {6: "school", 11: "post16"}.get(year)
    if kind is None or h.rng.random() < 0.4:
        return
    school_year_start = date(h.today.year if h.today.month >= 9 else h.today.year - 1, 9, 1)
    meetings = [e[1] for e in h.events if e[0] == "review_meeting" and e[1] >= school_year_start]
    if meetings:
        transfer = date(school_year_start.year + 1, 9, 1)
        h.add("phase_transfer", meetings[-1], transfer_date=transfer.isoformat(), kind=kind)


def _children(
    b: _Builder,
    count: int,
    caseworkers: dict[str, list[uuid.UUID]],
    settings: dict[str, list[uuid.UUID]],
) -> Counter[str]:
    rng, fake, today = b.rng, b.fake, b.today
    stages: Counter[str] = Counter()
    context = {"today": today}
    sen2_rng = sen2_fields.stream(b.seed)
    rya_rng = sen2_fields.rya_stream(b.seed)
    for _ in range(count):
        sex = rng.choices(("M", "F"), (71, 29))[0]
        dob = today - timedelta(days=_age_days(rng))
        year = nc_year(dob, today)
        language = _weighted(rng, vocab.LANGUAGES)
        looked_after = rng.random() < 0.05
        primary = _weighted(rng, vocab.NEED_WEIGHTS)
        secondary = _weighted(rng, vocab.NEED_WEIGHTS) if rng.random() < 0.35 else None
        child = {
            "first_name": fake.first_name_male() if sex == "M" else fake.first_name_female(),
            "last_name": b.last_name(),
            "preferred_name": None,
            "date_of_birth": dob,
            "sex": sex,
            "upn": b.upn() if 0 <= year <= 11 else None,
            "address": _address(b),
            "postcode": fake.postcode(),
            "home_language": language,
            "nc_year_override": None,
            "looked_after": looked_after,
            "placing_authority": rng.choice(vocab.PLACING_AUTHORITIES) if looked_after else None,
            "primary_need": primary,
            "secondary_need": secondary if secondary != primary else None,
        }
        child.update(sen2_fields.child_fields(sen2_rng, year, child["upn"] is not None))
        ChildCreate.model_validate(child, context=context)
        child_id = b.new_id()

        history = History(rng, today, dob + timedelta(days=365))
        scenario = _weighted(rng, vocab.SCENARIO_WEIGHTS)
        if year < 0 and scenario not in ("new_request", "assessment", "draft_plan"):
            scenario = "new_request"
        SCENARIOS[scenario](history, dob)
        _phase_transfer(history, year)
        stage = derive_stage((t, d, det) for t, d, det, _ in history.events)
        stages[stage.value] += 1
        b.add(Child, {**child, "id": child_id, "stage": stage.value})
        for type_id, when, details, evidence in history.events:
            age = (when - dob).days // 365
            details = sen2_fields.event_details(sen2_rng, type_id, details, age)
            if type_id == "request_received":
                details = {**details, "rya": sen2_fields.rya(rya_rng, age)}
            b.add(
                CaseEvent,
                {
                    "child_id": child_id,
                    "type": type_id,
                    "date": when,
                    "details": event_type(type_id).parse_details(details),
                    "evidence": evidence,
                },
            )

        team = rng.choice(vocab.TEAMS)
        workers = caseworkers[team]
        start = max(dob, today - timedelta(days=rng.randint(30, 1500)))
        if rng.random() < 0.3 and len(workers) > 1:
            previous = rng.choice(workers)
            earlier = start - timedelta(days=rng.randint(60, 700))
            b.add(
                Allocation,
                {
                    "child_id": child_id,
                    "caseworker_id": previous,
                    "team_id": b.rows[Team][vocab.TEAMS.index(team)]["id"],
                    "start_date": max(earlier, dob),
                    "end_date": start,
                    "reason": rng.choice(("Caseworker left the team", "Caseload rebalanced")),
                },
            )
            workers = [w for w in workers if w != previous]
        b.add(
            Allocation,
            {
                "child_id": child_id,
                "caseworker_id": rng.choice(workers),
                "team_id": b.rows[Team][vocab.TEAMS.index(team)]["id"],
                "start_date": start,
                "end_date": None,
                "reason": "Allocated at request",
            },
        )

        if year >= -1:
            phase = _setting_phase(rng, year)
            options = settings.get(phase) or settings["primary"]
            b.add(
                Placement,
                {
                    "child_id": child_id,
                    "setting_id": rng.choice(options),
                    "start_date": max(
                        dob + timedelta(days=700), today - timedelta(days=rng.randint(30, 900))
                    ),
                    "end_date": None,
                    **sen2_fields.placement_flags(sen2_rng, phase),
                },
            )
        _family(b, child_id, child, language)
    return stages


@dataclass
class Caseload:
    """A generated demo caseload: rows by table model, in the order they are written."""

    rows: dict[type[Any], list[dict[str, Any]]]
    user: uuid.UUID  # the caseworker the store is signed in as
    stages: Counter[str]
    sen2_problems: list[str] = field(default_factory=list)  # what --with-sen2-problems did


def generate(
    *,
    children: int,
    seed: int,
    today: date,
    progress: Callable[[str], None] | None = None,
    sen2_problems: bool = False,
) -> Caseload:
    """The demo caseload's rows (nothing written): same seed, same rows, ids included."""
    say = progress or (lambda _message: None)
    b, store_user, stages, problems = _caseload(children, seed, today, say, sen2_problems)
    _records(b, seed, today, say)
    return Caseload(b.rows, store_user, stages, problems)


def _caseload(
    children: int, seed: int, today: date, say: Callable[[str], None], sen2_problems: bool
) -> tuple[_Builder, uuid.UUID, Counter[str], list[str]]:
    """The rows of CASELOAD_TABLES."""
    b = _Builder(seed, today)
    caseworkers, store_user = _people(b, children)
    settings = _settings(b, children)
    say(f"generating {children} children")
    stages = _children(b, children, caseworkers, settings)
    problems = add_problems(b.rows, seed=seed, today=today) if sen2_problems else []
    return b, store_user, stages, problems


def _silent(_message: str) -> None:
    pass


def _records(
    b: _Builder, seed: int, today: date, say: Callable[[str], None] = lambda _message: None
) -> None:
    """The rows of RECORD_TABLES, made from the caseload's."""
    _notes(b, seed, today, say)
    _other(b, seed, today, say)


def _notes(b: _Builder, seed: int, today: date, say: Callable[[str], None]) -> None:
    say("writing case notes")
    b.rows[NoteVersion] = notes_for_demo(b.rows, seed=seed, today=today, new_id=b.new_id)


def _other(b: _Builder, seed: int, today: date, say: Callable[[str], None]) -> None:
    say("writing correspondence, callbacks and complaints")
    b.rows.update(correspondence_for_demo(b.rows, seed=seed, today=today, new_id=b.new_id))
    say("writing six months of case-note audits")
    b.rows.update(audits_for_demo(b.rows, seed=seed, today=today, new_id=b.new_id))
    say("writing EHC plans and plan audits")
    b.rows.update(plans_for_demo(b.rows, seed=seed, today=today, new_id=b.new_id))


def _write(
    store: Store,
    b: _Builder,
    user: uuid.UUID,
    background: ThreadPoolExecutor,
    later: tuple[Callable[[], None], Callable[[], None]],
    written: Callable[[], object],
) -> None:
    """Every generated row and its journal entry, in one transaction. ``later`` adds
    the notes, then the other records, to the rows on the background thread: the notes
    while SQLite builds the caseload's indexes, the rest while it builds the notes'
    search index. ``written`` is called once every row is in."""
    rows, actor = b.rows, store.actor.__class__(user, store.info.device_id)
    with store.write(actor) as session:
        connection = session.connection()
        begin_now(connection)  # the DDL below is undone with the rows if the load fails
        # the store is new: every index is built once from the loaded rows, and the notes'
        # search index from all the notes, rather than row by row; the journal's with the
        # caseload's (the records' entries, made after, in id order, go on its end)
        first = [*map(table_name, CASELOAD_TABLES), table_name(JournalEntry)]
        with (
            page_cache(connection, cache_mib(sum(map(len, rows.values())))),
            deferred_indexes(connection, map(table_name, RECORD_TABLES)),
        ):
            with deferred_indexes(connection, first):
                for model in CASELOAD_TABLES:
                    insert_rows(session, model, rows.get(model, []), actor)
                made = background.submit(later[0])
            made.result()
            with deferred_note_index(connection, len(rows.get(NoteVersion, []))):
                insert_rows(session, NoteVersion, rows.get(NoteVersion, []), actor)
                made = background.submit(later[1])
            made.result()
            with page_cache(connection, cache_mib(sum(map(len, rows.values())))):
                for model in RECORD_TABLES[1:]:
                    insert_rows(session, model, rows.get(model, []), actor)
                written()


def build_demo(
    store: Store,
    *,
    children: int,
    seed: int,
    today: date,
    progress: Callable[[str], None] | None = None,
    sen2_problems: bool = False,
) -> dict[str, Any]:
    """Fill an empty store with a demo caseload; returns a summary."""
    if children < 1 or children > 200_000:
        raise Refused("the demo caseload has between 1 and 200,000 children")
    with store.read() as session:
        existing = session.scalar(select(func.count()).select_from(Child))
    if existing:
        raise Refused(
            f"this store already holds {existing} children: use a new --data-dir for a demo"
        )
    started = clocks()
    say = progress or (lambda _message: None)
    # Nothing here makes reference cycles: the collector stays paused until the caseload
    # is freed (resumed with it alive, its first pass walked every row: over a second).
    # Made on a second thread while SQLite runs long statements (the driver lets go of
    # Python's lock in them): the records (see _write), and the clock's cache while the
    # last indexes are built and the rows committed. Not while rows go in: the driver
    # takes the lock back after every row, and a thread busy in Python would hold up
    # each one. Made in generate()'s order: the same rows.
    with gc_paused(), ThreadPoolExecutor(1, thread_name_prefix="demo") as background:
        b, store_user, stages, problems = _caseload(children, seed, today, say, sen2_problems)
        generated = clocks()
        rows = b.rows
        clock: list[Future[ClockCache]] = []
        start_the_clock = partial(submit, clock, background, clock_cache, rows, today)
        # the background thread says nothing: progress is said on this one
        notes, other = (partial(make, b, seed, today, _silent) for make in (_notes, _other))
        # the store is new: its pages are written once, not to the log and then to it
        with rollback_journal(store.engine):
            say("writing the encrypted store, and the notes, correspondence and audits")
            _write(store, b, store_user, background, (notes, other), start_the_clock)
            cache = cache_mib(sum(map(len, rows.values())))
            store.set_user(store_user)
            written = clocks()
            # the store is ready to read: the statutory clock's cache is written now, as
            # the app or `send-desk deadlines` would otherwise do on first opening it
            say("working out every child's statutory deadlines")
            with store.write() as session, page_cache(session.connection(), cache):
                begin_now(session.connection())  # its index drops are undone if it fails
                # the clock read what was just written: taken from the rows, not read back
                inputs, computed = clock[0].result()  # the clock's own error, if it failed
                milestones.recompute_all(session, today=today, inputs=inputs, computed=computed)
                del inputs, computed
        finished = clocks()
        counts = {model.__tablename__: len(table) for model, table in rows.items()}
        user_row = next(r for r in rows[User] if r["id"] == store_user)
        del b, rows, clock, start_the_clock, notes, other  # freed before the collector resumes
    return {
        "children": children,
        "seed": seed,
        "today": today.isoformat(),
        "rows": counts,
        "stages": dict(sorted(stages.items())),
        "sen2_problems": problems,
        "signed_in_as": {"username": user_row["username"], "name": user_row["display_name"]},
        "seconds": phases(started, generated, written, finished, 0),
        # this process's CPU time: on a machine shared with other work, wall time
        # says as much about the other work as about the build
        "cpu_seconds": phases(started, generated, written, finished, 1),
    }
