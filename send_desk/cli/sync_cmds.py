"""`send-desk login`, `sync`, `conflicts`, `ledger` and `logout`: this laptop and the
central store."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from send_desk.cli.common import EXIT_BAD_INPUT, EXIT_FAILED, CliError, add_json_flag, print_json

ENV_SERVER_PASSWORD = "SEND_DESK_SERVER_PASSWORD"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "login",
        help="sign this laptop in to a central store (creates the local store if there is none)",
    )
    p.add_argument(
        "--server", required=True, metavar="URL", help="e.g. https://senddesk.council.example"
    )
    p.add_argument("--user", required=True, metavar="NAME", help="your user name")
    p.add_argument(
        "--insecure",
        action="store_true",
        help="allow a plain http:// address that is not this computer (test networks only: "
        "the password crosses the network unencrypted)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_login)

    p = sub.add_parser("logout", help="forget this laptop's sign-in (the local store stays)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_logout)

    p = sub.add_parser("sync", help="one sync pass: push local changes, pull the caseload's")
    add_json_flag(p)
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("conflicts", help="fields two people changed at once, both values kept")
    p.add_argument("--all", action="store_true", help="include resolved conflicts")
    p.add_argument("--resolve", metavar="ID", help="resolve this conflict (with --keep)")
    p.add_argument(
        "--keep",
        choices=("kept", "other"),
        help="the value to keep: the one the central store kept, or the other",
    )
    p.add_argument("--note", metavar="TEXT", help="why (kept with the resolution)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_conflicts)

    p = sub.add_parser(
        "ledger", help="changes waiting to sync and changes the central store refused"
    )
    p.add_argument("--retry", type=int, metavar="N", help="send refused change N again")
    p.add_argument(
        "--discard", type=int, metavar="N", help="give up refused change N (with --reason)"
    )
    p.add_argument("--reason", metavar="TEXT", help="why the change is discarded")
    add_json_flag(p)
    p.set_defaults(handler=cmd_ledger)


def _say(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        print_json(data)
    else:
        print(text)
    return 0


def _server_password(user: str) -> str:
    value = os.environ.get(ENV_SERVER_PASSWORD)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"a password is needed: set {ENV_SERVER_PASSWORD} or run in a terminal")
    return getpass.getpass(f"Central store password for {user}: ")


def _sync_error(error: Exception) -> CliError:
    from send_desk.sync.client import NotSignedIn, Offline, ProtocolMismatch, Refused, WipeOrdered

    message = getattr(error, "message", str(error))
    if isinstance(error, WipeOrdered):
        return CliError(
            f"{message}: the central store ordered this laptop's caseload removed, and it has "
            "been. Ask your SEND Desk administrator.",
            EXIT_BAD_INPUT,
        )
    if isinstance(error, Offline):
        return CliError(f"{message}; your changes are kept and will sync later", EXIT_FAILED)
    if isinstance(error, NotSignedIn | ProtocolMismatch | Refused):
        return CliError(message, EXIT_BAD_INPUT)
    return CliError(message, EXIT_FAILED)


def cmd_login(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import new_password, open_from, paths_from
    from send_desk.storage.store import create_store, store_exists
    from send_desk.sync.client import SyncError, WipeOrdered, check_transport, normalise_url
    from send_desk.sync.credentials import WHERE
    from send_desk.sync.engine import login, wipe

    try:
        url = normalise_url(args.server)
        # before anything is asked or created: refused, nothing is left behind
        check_transport(url, insecure=args.insecure)
    except SyncError as error:
        raise CliError(error.message) from None
    password = _server_password(args.user)
    paths = paths_from(args)
    created = not store_exists(paths)
    store = create_store(paths, new_password()) if created else open_from(args)
    with store:
        try:
            result = login(
                store, url, args.user, password, created_store=created, insecure=args.insecure
            )
        except WipeOrdered as error:
            if not created and store.info.user_id is not None:
                wipe(store, error.code, error.message)
            raise _sync_error(error) from None
        except SyncError as error:
            raise _sync_error(error) from None
    user = result.user
    data = {
        "server": result.server,
        "user": user,
        "data_dir": result.data_dir,
        "created_store": result.created_store,
        "server_changed": result.server_changed,
        "sign_in_kept_in": result.kept_in,
    }
    lines = [
        f"Signed in to {result.server} as {user['display_name']} ({user['role']}"
        + (f", {user['team']} team" if user.get("team") else "")
        + ")."
    ]
    if result.created_store:
        lines.append(f"Created an encrypted store for this laptop in {result.data_dir}.")
    lines.append(f"The sign-in is kept in {WHERE[result.kept_in]}.")
    if result.server_changed:
        lines.append("This is a different central store: the caseload will be pulled again.")
    lines.append("Run `send-desk sync` to bring your caseload to this laptop.")
    return _say(args, data, "\n".join(lines))


def cmd_logout(args: argparse.Namespace) -> int:
    from contextlib import suppress

    from send_desk.cli.unlock import open_from
    from send_desk.sync.client import SyncError
    from send_desk.sync.credentials import forget_refresh_token
    from send_desk.sync.engine import Syncer

    with open_from(args) as store:
        # offline: the sign-in is forgotten here; the server's expires by itself
        with suppress(SyncError), Syncer(store).connect() as client:
            client.logout()
        forget_refresh_token(store.info.store_id, store)
    return _say(args, {"signed_out": True}, "Signed out: the local store and its changes stay.")


def _progress(args: argparse.Namespace) -> Any:
    if args.json or not sys.stderr.isatty():
        return None

    def show(phase: str, done: int, total: int | None) -> None:
        of = f"/{total}" if total else ""
        print(f"\r  {phase}: {done}{of}   ", end="", file=sys.stderr, flush=True)

    return show


def cmd_sync(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.sync.client import SyncError
    from send_desk.sync.engine import Syncer

    store = open_from(args)
    with store:
        try:
            report = Syncer(store, progress=_progress(args)).sync()
        except SyncError as error:
            raise _sync_error(error) from None
    data = report.as_dict()
    if _progress(args):
        print(file=sys.stderr)
    text = (
        f"Synced with {report.server}: pushed {report.pushed}, pulled {report.pulled}, "
        f"conflicts {report.conflicts}, quarantined {report.quarantined}"
    )
    if report.duplicates:
        text += f" ({report.duplicates} already on the central store)"
    if report.removed:
        text += f"; {report.removed} children no longer in your caseload removed from this laptop"
    if report.open_conflicts or report.quarantined_total:
        conflicts = f"{report.open_conflicts} conflict" + (
            "" if report.open_conflicts == 1 else "s"
        )
        refused = f"{report.quarantined_total} refused change" + (
            "" if report.quarantined_total == 1 else "s"
        )
        text += f"\n{conflicts} to resolve (`send-desk conflicts`), {refused} (`send-desk ledger`)"
    return _say(args, data, text)


def _value(value: Any) -> str:
    return "(empty)" if value in (None, "") else str(value)


def cmd_conflicts(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.sync.ledger import LedgerError, conflicts, resolve_conflict

    with open_from(args) as store:
        if args.resolve:
            if not args.keep:
                raise CliError("say which value to keep: --keep kept or --keep other")
            try:
                result = resolve_conflict(store, args.resolve, args.keep, args.note)
            except LedgerError as error:
                raise CliError(error.message) from None
            return _say(
                args,
                result,
                f"Resolved: {result['field']} is {_value(result['value'])}; "
                "the central store hears of it at the next sync",
            )
        rows = conflicts(store, include_resolved=args.all)
    lines = []
    for row in rows:
        lines.append(
            f"{row['id'][:8]}  {row['child'] or '-'}: {row['field_label']} ({row['status']})\n"
            f"    kept:  {_value(row['kept']['value'])}  ({row['kept']['by'] or '?'}, "
            f"{(row['kept']['at'] or '')[:16]})\n"
            f"    other: {_value(row['other']['value'])}  ({row['other']['by'] or '?'}, "
            f"{(row['other']['at'] or '')[:16]})"
        )
    return _say(args, rows, "\n".join(lines) or "No conflicts")


def cmd_ledger(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.sync.client import SyncError
    from send_desk.sync.ledger import ledger
    from send_desk.sync.quarantine import discard_quarantined, retry_quarantined

    with open_from(args) as store:
        if args.retry is not None:
            try:
                result = retry_quarantined(store, args.retry)
            except SyncError as error:
                raise _sync_error(error) from None
            status = result["status"]
            text = (
                f"Change {args.retry} was refused again: {result['reason']}"
                if status == "quarantined"
                else f"Change {args.retry} was accepted ({status})"
            )
            return _say(args, result, text)
        if args.discard is not None:
            if not args.reason:
                raise CliError("say why the change is discarded: --reason TEXT")
            try:
                result = discard_quarantined(store, args.discard, args.reason)
            except SyncError as error:
                raise _sync_error(error) from None
            return _say(args, result, f"Change {args.discard} discarded: {args.reason}")
        data = ledger(store)
    lines = [f"{data['pending_count']} changes waiting to sync"]
    lines += [
        f"  {row['device_seq']:>6}  {row['at'][:16]}  {row['description']}"
        for row in data["pending"][:50]
    ]
    lines.append(f"{len(data['quarantined'])} changes refused by the central store")
    lines += [
        f"  {row['device_seq']:>6}  {row.get('description', '')}\n          reason: {row['reason']}"
        for row in data["quarantined"]
    ]
    return _say(args, data, "\n".join(lines))
