"""`send-desk serve` and `send-desk server ...`: the central store and its administration."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from send_desk.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, CliError, add_json_flag, print_json

ENV_DATABASE = "SEND_DESK_DATABASE_URL"
ENV_NEW_PASSWORD = "SEND_DESK_NEW_PASSWORD"


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help=(
            "the central store's database: sqlite:///PATH or "
            "postgresql+psycopg://USER:PASSWORD@HOST/DBNAME "
            f"(default: ${ENV_DATABASE}, else central-store.db in the data folder)"
        ),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="run the central store (HTTP, FastAPI under uvicorn)")
    _database_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8750, help="port to listen on (8750)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (1)")
    p.add_argument("--ssl-certfile", metavar="PEM", help="serve HTTPS with this certificate")
    p.add_argument("--ssl-keyfile", metavar="PEM", help="the certificate's private key")
    p.add_argument(
        "--forwarded-allow-ips",
        metavar="ADDRESSES",
        help=(
            "the reverse proxies (addresses or networks, comma-separated, e.g. "
            "10.0.0.5,10.0.1.0/24) whose X-Forwarded-For names the client; from anyone "
            "else it is ignored (default: none)"
        ),
    )
    p.set_defaults(handler=cmd_serve)

    server = sub.add_parser("server", help="administer the central store")
    server_sub = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    p = server_sub.add_parser("add-team", help="add an area team")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--description", metavar="TEXT")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_add_team)

    p = server_sub.add_parser(
        "add-user", help=f"add a user (password from ${ENV_NEW_PASSWORD} or a prompt)"
    )
    p.add_argument("username", metavar="USERNAME")
    p.add_argument("--name", required=True, metavar="FULL_NAME", help="the name people see")
    p.add_argument("--role", required=True, choices=("caseworker", "supervisor", "admin"))
    p.add_argument(
        "--team",
        action="append",
        metavar="TEAM",
        help="the user's team (a supervisor may oversee several: repeat --team)",
    )
    p.add_argument("--email", metavar="ADDRESS")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_add_user)

    p = server_sub.add_parser(
        "set-password", help=f"set a user's password (from ${ENV_NEW_PASSWORD} or a prompt)"
    )
    p.add_argument("username", metavar="USERNAME")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_set_password)

    p = server_sub.add_parser(
        "disable-user", help="disable an account: its laptops are wiped at next contact"
    )
    p.add_argument("username", metavar="USERNAME")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_disable_user)

    p = server_sub.add_parser(
        "revoke-device", help="withdraw a laptop (lost or stolen): wiped at next contact"
    )
    p.add_argument("device", metavar="DEVICE_ID", help="a device id (or a unique start of it)")
    p.add_argument("--reason", metavar="TEXT")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_revoke_device)

    p = server_sub.add_parser("devices", help="laptops signed in, with their state")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_devices)

    p = server_sub.add_parser("users", help="users, roles and teams")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_users)

    p = server_sub.add_parser("assign", help="allocate a child to a caseworker")
    p.add_argument("child", metavar="CHILD", help="child id (or a unique start or end, or UPN)")
    p.add_argument("--to", required=True, metavar="USERNAME", help="the caseworker")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="start of the allocation (today)")
    p.add_argument("--reason", metavar="TEXT")
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_assign)

    p = server_sub.add_parser("import", help="load a `send-desk export` file (all or nothing)")
    p.add_argument("path", metavar="PATH", type=Path)
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = server_sub.add_parser(
        "demo", help="fill an empty central store with the demo caseload and its users"
    )
    p.add_argument("--children", type=int, default=250, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the demo's today (default: today)")
    p.add_argument(
        "--force",
        action="store_true",
        help="add the demo to a central store that already has users (they are not changed)",
    )
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_demo)

    p = server_sub.add_parser("audit", help="who read or changed which child's record, when")
    p.add_argument("--child", metavar="CHILD")
    p.add_argument("--user", metavar="USERNAME")
    p.add_argument("--action", metavar="ACTION", help="read, pull, write, denied, login...")
    p.add_argument("--limit", type=int, default=200)
    _database_option(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_audit)


# ---------------------------------------------------------------- helpers


def database_url(args: argparse.Namespace) -> str:
    from send_desk.cli.unlock import paths_from
    from send_desk.server.db import default_url

    return args.database or os.environ.get(ENV_DATABASE) or default_url(paths_from(args).root)


def _engine(args: argparse.Namespace) -> Any:
    from send_desk.server.db import DatabaseProblem, open_database

    try:
        return open_database(database_url(args))
    except DatabaseProblem as error:
        raise CliError(str(error), EXIT_FAILED) from None


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Any]:
    """The central store's engine for one command, closed afterwards."""
    engine = _engine(args)
    try:
        yield engine
    finally:
        engine.dispose()


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _say(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        print_json(data)
    else:
        print(text)
    return 0


def _new_password(what: str) -> str:
    from send_desk.security.keys import check_new_password

    value = os.environ.get(ENV_NEW_PASSWORD)
    if value is None:
        if not sys.stdin.isatty():
            raise CliError(f"a password is needed: set {ENV_NEW_PASSWORD} or run in a terminal")
        value = getpass.getpass(f"Password for {what}: ")
        if getpass.getpass("Type it again: ") != value:
            raise CliError("the two passwords are different")
    problems = check_new_password(value)
    if problems:
        raise CliError(f"that password is too weak: {'; '.join(problems)}", EXIT_BAD_INPUT)
    return value


# ---------------------------------------------------------------- commands


def cmd_serve(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from send_desk.server.addresses import (
        ENV_FORWARDED_ALLOW_IPS,
        BadProxyList,
        TrustedProxies,
    )
    from send_desk.server.app import create_app

    url = database_url(args)
    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        raise CliError("HTTPS needs both --ssl-certfile and --ssl-keyfile")
    proxies = args.forwarded_allow_ips
    try:
        TrustedProxies.parse(proxies)
    except BadProxyList as error:
        raise CliError(f"--forwarded-allow-ips: {error}", EXIT_BAD_INPUT) from None
    engine = _engine(args)
    scheme = "https" if args.ssl_certfile else "http"
    print(
        f"SEND Desk central store on {scheme}://{args.host}:{args.port} "
        f"(database {_shown(url)}; API description at /docs)",
        flush=True,
    )
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # keep-alive longer than a load balancer's, so a laptop never reuses a connection
    # the server is closing
    # the client's address is the app's to work out (only named proxies are believed),
    # so uvicorn must not rewrite it first
    ssl: dict[str, Any] = {
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        "timeout_keep_alive": 75,
        "proxy_headers": False,
    }
    if proxies:
        print(f"Client addresses are read from X-Forwarded-For set by: {proxies}", flush=True)
    if args.workers > 1:
        engine.dispose()
        os.environ[ENV_DATABASE] = url
        os.environ[ENV_FORWARDED_ALLOW_IPS] = proxies or ""
        uvicorn.run(
            "send_desk.server.asgi:app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level="info",
            **ssl,
        )
        return 0
    app = create_app(engine, forwarded_allow_ips=proxies)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", **ssl)
    return 0


def cmd_add_team(args: argparse.Namespace) -> int:
    from send_desk.server.admin import add_team

    with _database(args) as engine:
        team = add_team(engine, args.name, args.description)
    return _say(args, team, f"Added the {team['name']} team")


def cmd_add_user(args: argparse.Namespace) -> int:
    from send_desk.server.admin import add_user

    password = _new_password(args.username)
    with _database(args) as engine:
        user = add_user(
            engine,
            args.username,
            display_name=args.name,
            role=args.role,
            password=password,
            teams=args.team,
            email=args.email,
        )
    teams = ", ".join(user["teams"]) or "no team"
    return _say(
        args, user, f"Added {user['display_name']} ({user['username']}, {user['role']}, {teams})"
    )


def cmd_set_password(args: argparse.Namespace) -> int:
    from send_desk.server.admin import set_password

    with _database(args) as engine:
        result = set_password(engine, args.username, _new_password(args.username))
    return _say(args, result, f"Password set for {result['username']}")


def cmd_disable_user(args: argparse.Namespace) -> int:
    from send_desk.server.admin import disable_user

    with _database(args) as engine:
        result = disable_user(engine, args.username)
    return _say(
        args,
        result,
        f"Disabled {result['username']}: signed out everywhere; "
        f"{len(result['devices'])} laptop(s) will be wiped at their next contact",
    )


def cmd_revoke_device(args: argparse.Namespace) -> int:
    from send_desk.server.admin import revoke_device

    with _database(args) as engine:
        result = revoke_device(engine, args.device, args.reason)
    return _say(
        args, result, f"Revoked device {result['device_id']}: it will be wiped at its next contact"
    )


def cmd_devices(args: argparse.Namespace) -> int:
    from send_desk.server.admin import devices

    with _database(args) as engine:
        rows = devices(engine)
    lines = [
        f"{row['device_id']}  {row['user']:16} {row['name'][:30]:30} "
        f"{'revoked' if row['revoked'] else 'active':8} last seen {row['last_seen_at'] or '-'}"
        for row in rows
    ]
    return _say(args, rows, "\n".join(lines) or "No devices have signed in yet")


def cmd_users(args: argparse.Namespace) -> int:
    from send_desk.server.admin import users

    with _database(args) as engine:
        rows = users(engine)
    lines = [
        f"{row['username']:16} {row['name'][:28]:28} {row['role']:11} {row['team'] or '-':8} "
        f"{'' if row['active'] else 'disabled'}"
        for row in rows
    ]
    return _say(args, rows, "\n".join(lines) or "No users yet")


def cmd_assign(args: argparse.Namespace) -> int:
    from send_desk.server.admin import assign
    from send_desk.timeutil import parse_iso_date

    try:
        start = parse_iso_date(args.date) if args.date else None
    except ValueError as error:
        raise CliError(str(error)) from None
    with _database(args) as engine:
        result = assign(engine, args.child, args.to, start=start, reason=args.reason)
    return _say(args, result, f"Allocated {result['child_id']} to {result['caseworker']}")


def cmd_import(args: argparse.Namespace) -> int:
    from send_desk.server.admin import import_export

    with _database(args) as engine:
        counts = import_export(engine, args.path)
    return _say(
        args,
        {"path": str(args.path), "rows": counts},
        f"Imported {counts.get('child', 0):,} children from {args.path} into the central store. "
        "Give imported users a password with `send-desk server set-password USERNAME`.",
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from send_desk.server.admin import DEMO_PASSWORD, demo
    from send_desk.timeutil import london_today, parse_iso_date

    try:
        today = parse_iso_date(args.today) if args.today else london_today()
    except ValueError as error:
        raise CliError(str(error)) from None
    given = os.environ.get(ENV_NEW_PASSWORD)
    password = given or DEMO_PASSWORD
    with _database(args) as engine:
        result = demo(
            engine,
            children=args.children,
            seed=args.seed,
            today=today,
            password=password,
            progress=None if args.json else lambda text: print(f"  {text}", file=sys.stderr),
            force=args.force,
        )
    if not given:
        # a password printed in the documentation: said on stderr even with --json
        print(
            f"Warning: every demo user's password is the published {DEMO_PASSWORD}: keep this "
            f"central store for trying SEND Desk out (set {ENV_NEW_PASSWORD} to choose one)",
            file=sys.stderr,
        )
    result["password_is_published_default"] = not given
    how = (
        f"every demo user's password is the value of {ENV_NEW_PASSWORD}"
        if given
        else f"every demo user's password is {DEMO_PASSWORD} (set {ENV_NEW_PASSWORD} to choose "
        "another; change one with `send-desk server set-password USERNAME`)"
    )
    result["passwords"] = how
    lines = [
        f"Central store filled with {result['children']:,} synthetic children (seed {args.seed}).",
        "Users:",
        *(
            f"  {u['username']:16} {u['name'][:28]:28} {u['role']:11} {u['team'] or '-'}"
            for u in result["users"]
        ),
        f"Passwords: {how}.",
    ]
    return _say(args, result, "\n".join(lines))


def cmd_audit(args: argparse.Namespace) -> int:
    import sqlalchemy as sa

    from send_desk.domain.organisation import User
    from send_desk.domain.tables import table_of
    from send_desk.server.admin import resolve_child
    from send_desk.server.audit import trail
    from send_desk.server.db import reading

    with _database(args) as engine, reading(engine) as connection:
        child = resolve_child(connection, args.child) if args.child else None
        user_id = None
        if args.user:
            users = table_of(User)
            user_id = connection.execute(
                sa.select(users.c.id).where(users.c.username == args.user.strip().lower())
            ).scalar()
            if user_id is None:
                raise CliError(f"there is no user called '{args.user}'")
        names = dict(
            connection.execute(sa.select(table_of(User).c.id, table_of(User).c.username)).all()
        )
        rows = trail(
            connection, child_id=child, user_id=user_id, action=args.action, limit=args.limit
        )
    for row in rows:
        row["user"] = names.get(_uuid(row["user_id"])) if row["user_id"] else None
    lines = [
        f"{row['at'][:19]}  {row['action']:12} {row['user'] or '-':14} {row['child_id'] or '-':36} "
        f"{row['detail'] or ''}"
        for row in rows
    ]
    return _say(args, rows, "\n".join(lines) or "Nothing recorded")


def _uuid(text: str) -> Any:
    import uuid

    return uuid.UUID(text)
