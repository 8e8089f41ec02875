"""Administration of the central store (``send-desk server ...``): teams, users,
devices, allocations, imports and the demo caseload.

Each function opens one writing transaction; case rows are written through a
:class:`~send_desk.server.rows.Writer` so laptops receive them at their next sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from send_desk.domain.children import Allocation, Child
from send_desk.domain.organisation import Team, User
from send_desk.domain.tables import table_of
from send_desk.server import auth, schema
from send_desk.server.audit import record
from send_desk.server.db import reading, writing
from send_desk.server.rows import Writer
from send_desk.server.scope import ROLES
from send_desk.services.errors import NotFound, Refused, ValidationFailed
from send_desk.sync.tables import RowRefused, registry, validate_row
from send_desk.timeutil import london_today, utcnow

DEMO_PASSWORD = "demo-password-2026"


def _team(connection: Connection, name: str) -> sa.Row[Any]:
    teams = table_of(Team)
    row = connection.execute(
        sa.select(teams).where(sa.func.lower(teams.c.name) == name.strip().lower())
    ).first()
    if row is None:
        known = ", ".join(
            connection.execute(sa.select(teams.c.name).order_by(teams.c.name)).scalars()
        )
        raise NotFound(f"there is no team called '{name}' (teams: {known or 'none yet'})")
    return row


def _user(connection: Connection, username: str) -> sa.Row[Any]:
    users = table_of(User)
    row = connection.execute(
        sa.select(users).where(users.c.username == username.strip().lower())
    ).first()
    if row is None:
        raise NotFound(f"there is no user called '{username}' on the central store")
    return row


def _admin_write(connection: Connection) -> Writer:
    return Writer(connection)


def _validated(table: str, values: dict[str, Any]) -> dict[str, Any]:
    info = registry()[table]
    try:
        checked = validate_row(info, {k: _plain(v) for k, v in values.items()}, london_today())
    except RowRefused as error:
        raise ValidationFailed(str(error)) from None
    return info.decode(checked)


def _plain(value: Any) -> Any:
    from send_desk.storage.journal import encode

    return encode(value)


def _stamp(values: dict[str, Any]) -> dict[str, Any]:
    now = utcnow()
    return {**values, "created_at": now, "created_by": None, "updated_at": now, "updated_by": None}


def add_team(engine: Engine, name: str, description: str | None = None) -> dict[str, Any]:
    with writing(engine) as connection:
        teams = table_of(Team)
        if connection.execute(
            sa.select(teams.c.id).where(sa.func.lower(teams.c.name) == name.strip().lower())
        ).first():
            raise Refused(f"there is already a team called {name.strip()}")
        values = _validated("team", {"id": uuid.uuid4(), "name": name, "description": description})
        writer = _admin_write(connection)
        writer.insert(registry()["team"], _stamp(values))
        record(connection, "admin", user_id=None, detail=f"add-team {values['name']}")
        writer.finish()
    return {"id": str(values["id"]), "name": values["name"]}


def add_user(
    engine: Engine,
    username: str,
    *,
    display_name: str,
    role: str,
    password: str,
    teams: list[str] | None = None,
    email: str | None = None,
) -> dict[str, Any]:
    if role not in ROLES:
        raise ValidationFailed(f"a role is one of {', '.join(ROLES)} (not '{role}')")
    teams = teams or []
    if role == "caseworker" and len(teams) != 1:
        raise ValidationFailed("a caseworker belongs to exactly one team (--team NAME)")
    if role == "supervisor" and not teams:
        raise ValidationFailed("a supervisor oversees at least one team (--team NAME)")
    with writing(engine) as connection:
        users = table_of(User)
        name = username.strip().lower()
        if connection.execute(sa.select(users.c.id).where(users.c.username == name)).first():
            raise Refused(f"there is already a user called {name}")
        team_rows = [_team(connection, team) for team in teams]
        values = _validated(
            "app_user",
            {
                "id": uuid.uuid4(),
                "username": username,
                "display_name": display_name,
                "role": role,
                "team_id": team_rows[0].id if team_rows else None,
                "email": email,
                "active": True,
                "start_date": london_today(),
            },
        )
        writer = _admin_write(connection)
        writer.insert(registry()["app_user"], _stamp(values))
        if role == "supervisor":
            for team_row in team_rows:
                connection.execute(
                    sa.insert(schema.supervises).values(user_id=values["id"], team_id=team_row.id)
                )
        auth.set_password(connection, values["id"], password)
        record(connection, "admin", user_id=None, detail=f"add-user {values['username']} ({role})")
        writer.finish()
    return {
        "id": str(values["id"]),
        "username": values["username"],
        "display_name": values["display_name"],
        "role": role,
        "teams": [row.name for row in team_rows],
    }


def set_password(engine: Engine, username: str, password: str) -> dict[str, Any]:
    with writing(engine) as connection:
        user = _user(connection, username)
        auth.set_password(connection, user.id, password)
        record(connection, "admin", user_id=None, detail=f"set-password {user.username}")
    return {"username": user.username, "password_set": True}


def disable_user(engine: Engine, username: str) -> dict[str, Any]:
    """Disable an account: its tokens are revoked and its laptops wiped at next contact."""
    with writing(engine) as connection:
        user = _user(connection, username)
        if user.active:
            writer = _admin_write(connection)
            writer.update(
                registry()["app_user"],
                user.id,
                {"active": False, "updated_at": utcnow(), "updated_by": None},
                None,
            )
            writer.finish()
        auth.revoke_user_tokens(connection, user.id)
        devices = (
            connection.execute(
                sa.select(schema.device.c.id).where(schema.device.c.user_id == user.id)
            )
            .scalars()
            .all()
        )
        record(connection, "admin", user_id=None, detail=f"disable-user {user.username}")
    return {"username": user.username, "active": False, "devices": [str(d) for d in devices]}


def revoke_device(engine: Engine, device: str, reason: str | None = None) -> dict[str, Any]:
    """Withdraw a device (lost or stolen laptop): it is wiped at its next contact."""
    with writing(engine) as connection:
        rows = connection.execute(sa.select(schema.device)).all()
        matches = [r for r in rows if str(r.id) == device.strip().lower()]
        if not matches:
            matches = [r for r in rows if str(r.id).startswith(device.strip().lower())]
        if not matches:
            raise NotFound(f"there is no device '{device}' (see `send-desk server devices`)")
        if len(matches) > 1:
            raise Refused(f"'{device}' matches more than one device: give more of its id")
        found = matches[0]
        auth.revoke_device(connection, found.id, reason)
        record(connection, "admin", user_id=None, device_id=found.id, detail="revoke-device")
    return {"device_id": str(found.id), "revoked": True}


def devices(engine: Engine) -> list[dict[str, Any]]:
    users = table_of(User)
    with reading(engine) as connection:
        rows = connection.execute(
            sa.select(schema.device, users.c.username)
            .join(users, users.c.id == schema.device.c.user_id)
            .order_by(schema.device.c.created_at)
        ).all()
    return [
        {
            "device_id": str(row.id),
            "user": row.username,
            "name": row.name,
            "last_seen_at": row.last_seen_at.isoformat() if row.last_seen_at else None,
            "acked_seq": int(row.acked_seq),
            "revoked": row.revoked_at is not None,
            "wiped": row.wiped_at is not None,
        }
        for row in rows
    ]


def users(engine: Engine) -> list[dict[str, Any]]:
    table = table_of(User)
    teams = table_of(Team)
    with reading(engine) as connection:
        rows = connection.execute(
            sa.select(
                table, teams.c.name.label("team"), schema.credential.c.user_id.label("has_pw")
            )
            .outerjoin(teams, teams.c.id == table.c.team_id)
            .outerjoin(schema.credential, schema.credential.c.user_id == table.c.id)
            .order_by(table.c.role, table.c.username)
        ).all()
    return [
        {
            "username": row.username,
            "name": row.display_name,
            "role": row.role,
            "team": row.team,
            "active": bool(row.active),
            "can_sign_in": row.has_pw is not None and bool(row.active),
        }
        for row in rows
    ]


def resolve_child(connection: Connection, text: str) -> uuid.UUID:
    """A child's id from its full form, a UPN, or a unique start or end (8+ characters)."""
    children = table_of(Child)
    key = text.strip().lower()
    try:
        exact: uuid.UUID | None = uuid.UUID(key)
    except ValueError:
        exact = None
    if exact is not None:
        if connection.execute(sa.select(children.c.id).where(children.c.id == exact)).first():
            return exact
        return _missing(text)
    if len(key) == 13:
        found = (
            connection.execute(sa.select(children.c.id).where(children.c.upn == key.upper()))
            .scalars()
            .all()
        )
        if len(found) == 1:
            return uuid.UUID(str(found[0]))
    compact = key.replace("-", "")
    if len(compact) >= 8:
        ids = [
            row
            for row in connection.execute(sa.select(children.c.id)).scalars()
            if row.hex.startswith(compact) or row.hex.endswith(compact)
        ]
        if len(ids) == 1:
            return uuid.UUID(str(ids[0]))
        if len(ids) > 1:
            raise Refused(f"'{text}' matches more than one child: give more of the id")
    return _missing(text)


def _missing(text: str) -> uuid.UUID:
    raise NotFound(f"no child with id '{text}' on the central store")


def assign(
    engine: Engine,
    child: str,
    username: str,
    *,
    start: date | None = None,
    reason: str | None = None,
) -> dict[str, Any]:
    """Allocate a child to a caseworker (the current allocation ends that day)."""
    start = start or london_today()
    allocations = table_of(Allocation)
    info = registry()["allocation"]
    with writing(engine) as connection:
        child_id = resolve_child(connection, child)
        user = _user(connection, username)
        if user.role != "caseworker" or user.team_id is None or not user.active:
            raise Refused(f"{user.display_name} is not an active caseworker in a team")
        current = connection.execute(
            sa.select(allocations).where(
                allocations.c.child_id == child_id, allocations.c.end_date.is_(None)
            )
        ).first()
        writer = _admin_write(connection)
        if current is not None:
            if current.caseworker_id == user.id:
                raise Refused(f"the child is already allocated to {user.display_name}")
            if start < current.start_date:
                raise Refused(
                    f"the new allocation cannot start before the current one "
                    f"({current.start_date:%d/%m/%Y})"
                )
            writer.update(
                info,
                current.id,
                {"end_date": start, "updated_at": utcnow(), "updated_by": None},
                child_id,
            )
        values = _validated(
            "allocation",
            {
                "id": uuid.uuid4(),
                "child_id": child_id,
                "caseworker_id": user.id,
                "team_id": user.team_id,
                "start_date": start,
                "end_date": None,
                "reason": reason or "Allocated by the SEND Desk administrator",
            },
        )
        writer.insert(info, _stamp(values))
        record(
            connection,
            "admin",
            user_id=None,
            child_id=child_id,
            detail=f"assign to {user.username}",
        )
        writer.finish()
    return {"child_id": str(child_id), "caseworker": user.username, "start_date": start.isoformat()}


def bulk_load(
    connection: Connection,
    rows_by_table: Mapping[str, list[dict[str, Any]]],
    *,
    validate: bool = True,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Insert many rows (JSON or Python values) table by table; all or nothing."""
    tables = registry()
    unknown = sorted(set(rows_by_table) - set(tables))
    if unknown:
        raise ValidationFailed(f"unknown tables: {', '.join(unknown)}")
    today = london_today()
    stamp = utcnow().isoformat()
    writer = Writer(connection)
    counts: dict[str, int] = {}
    for name, info in tables.items():
        rows = rows_by_table.get(name, [])
        prepared: list[dict[str, Any]] = []
        for index, raw in enumerate(rows):
            plain = {k: _plain(v) for k, v in raw.items() if k in info.columns}
            if validate:
                try:
                    plain = validate_row(info, plain, today)
                except RowRefused as error:
                    raise ValidationFailed(
                        f"{name} row {index + 1} (id {raw.get('id')}): {error}"
                    ) from None
            plain.setdefault("created_at", stamp)
            plain.setdefault("updated_at", plain["created_at"])
            try:
                prepared.append(info.decode(plain))
            except RowRefused as error:
                raise ValidationFailed(f"{name} row {index + 1}: {error}") from None
        ids = [row["id"] for row in prepared]
        for start in range(0, len(ids), 1000):
            clash = connection.execute(
                sa.select(info.table.c.id).where(info.table.c.id.in_(ids[start : start + 1000]))
            ).first()
            if clash is not None:
                raise Refused(f"{name} {clash.id} is already on the central store")
        for start in range(0, len(prepared), 5000):
            writer.bulk_insert(info, prepared[start : start + 5000])
        counts[name] = len(prepared)
        if progress and prepared:
            progress(f"{name}: {len(prepared):,} rows")
    if not validate:
        writer.event_children = set()  # generated rows carry their stage already
    writer.finish()
    return counts


def _demo_notes(builder: Any, seed: int, today: date) -> None:
    """The demo's case notes, as the laptop demo makes them."""
    from send_desk.demo.notes import notes_for_demo
    from send_desk.domain.notes import NoteVersion

    builder.rows[NoteVersion] = notes_for_demo(
        builder.rows, seed=seed, today=today, new_id=builder.new_id
    )


def import_export(engine: Engine, path: Any) -> dict[str, int]:
    """Load a ``send-desk export`` file into the central store (all or nothing)."""
    from send_desk.services.exchange import read_export

    data = read_export(path)
    with writing(engine) as connection:
        counts = bulk_load(connection, data["tables"])
        record(connection, "admin", user_id=None, detail=f"import {sum(counts.values())} rows")
    return counts


def _join_existing_teams(rows: dict[str, list[dict[str, Any]]], teams: dict[str, Any]) -> None:
    """The demo's teams that are there already (by name) are used, not added again."""
    same: dict[str, Any] = {}
    kept = []
    for row in rows.get("team", []):
        found = teams.get(str(row["name"]).lower())
        if found is None:
            kept.append(row)
        else:
            same[str(row["id"])] = found
    if not same:
        return
    rows["team"] = kept
    for name, info in registry().items():
        columns = {c for c, target in info.references().items() if target == "team"}
        columns |= {"team_id"} & set(info.columns)
        for row in rows.get(name, []):
            for column in columns:
                if row.get(column) is not None and str(row[column]) in same:
                    row[column] = same[str(row[column])]


def demo(
    engine: Engine,
    *,
    children: int,
    seed: int,
    today: date,
    password: str,
    progress: Callable[[str], None] | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Fill an empty central store with the demo caseload and give its users
    ``password`` (the caller says which, and says so). A store that already has users
    is refused unless ``force``: the demo's users would sign in beside real ones, with
    a password others may know. Existing users are never changed."""
    from send_desk.demo import generator

    if children < 1 or children > 200_000:
        raise Refused("the demo caseload has between 1 and 200,000 children")
    child_table = table_of(Child)
    users_table = table_of(User)
    with reading(engine) as connection:
        existing = connection.execute(sa.select(sa.func.count()).select_from(child_table)).scalar()
        taken = set(connection.execute(sa.select(users_table.c.username)).scalars())
        teams = {
            str(row.name).lower(): row.id
            for row in connection.execute(sa.select(table_of(Team).c.id, table_of(Team).c.name))
        }
    if existing:
        raise Refused(f"the central store already holds {existing} children: use a new database")
    if taken and not force:
        raise Refused(
            f"the central store already has {len(taken)} user(s): the demo's users would sign "
            "in beside them. Use a new database, or --force to add the demo anyway"
        )
    builder = generator._Builder(seed, today)
    caseworkers, _first = generator._people(builder, children)
    settings = generator._settings(builder, children)
    generator._children(builder, children, caseworkers, settings)
    _demo_notes(builder, seed, today)
    rows = {str(model.__tablename__): rows for model, rows in builder.rows.items()}
    clash = sorted(taken & {str(row["username"]) for row in rows.get("app_user", [])})
    if clash:
        raise Refused(f"the demo's user names are taken already: {', '.join(clash)}")
    _join_existing_teams(rows, teams)
    with writing(engine) as connection:
        counts = bulk_load(connection, rows, validate=False, progress=progress)
        user_rows = rows.get("app_user", [])
        team_names = {row["id"]: row["name"] for row in rows.get("team", [])}
        hashed = auth.hash_password(password)  # one password for every demo user
        for row in user_rows:
            auth.set_password(connection, row["id"], password, hashed=hashed)
        record(connection, "admin", user_id=None, detail=f"demo {children} children seed {seed}")
    people = [
        {
            "username": row["username"],
            "name": row["display_name"],
            "role": row["role"],
            "team": team_names.get(row["team_id"]),
        }
        for row in sorted(user_rows, key=lambda r: (ROLES.index(r["role"]), r["username"]))
    ]
    return {
        "children": children,
        "seed": seed,
        "today": today.isoformat(),
        "rows": counts,
        "users": people,
    }
