"""Store commands: init, stats, export, import, passwords and keyring, backup, backups,
restore, check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from send_desk.cli.common import add_json_flag, print_json


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create a new empty encrypted store")
    add_json_flag(p)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("stats", help="counts per table and per team")
    add_json_flag(p)
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("export", help="write the whole decrypted store as JSON")
    add_json_flag(p)
    p.add_argument("path", metavar="PATH", type=Path)
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="load a `send-desk export` file into an empty store")
    add_json_flag(p)
    p.add_argument("path", metavar="PATH", type=Path)
    p.add_argument(
        "--by",
        metavar="USERNAME",
        help="who is importing (a user in the export; default: whoever made the export); "
        "the records' history says so and the store is signed in as them",
    )
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("change-password", help="change the store's password")
    add_json_flag(p)
    p.set_defaults(handler=cmd_change_password)

    p = sub.add_parser(
        "remember-password",
        help="keep the store's key in this computer's keyring, so commands need no password",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_remember)

    p = sub.add_parser("forget-password", help="remove the store's key from the keyring")
    add_json_flag(p)
    p.set_defaults(handler=cmd_forget)

    p = sub.add_parser("backup", help="write an encrypted backup, safely while in use")
    add_json_flag(p)
    p.add_argument("path", metavar="PATH", type=Path)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "backups",
        help="the backups in the store's backups folder, newest first, each checked",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser(
        "restore", help="replace the store with a backup (the current one is kept aside)"
    )
    add_json_flag(p)
    p.add_argument("path", metavar="PATH", type=Path)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser(
        "check",
        help="check the store is whole (exit 0) or damaged (exit 2, with the backup to restore)",
    )
    p.add_argument(
        "--full", action="store_true", help="also compare every index with its table (slower)"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_check)


def _say(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        print_json(data)
    else:
        print(text)
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import new_password, paths_from
    from send_desk.storage.store import create_store

    paths = paths_from(args)
    with create_store(paths, new_password()) as store:
        info = {"store_id": store.info.store_id, "path": str(paths.root)}
    return _say(args, info, f"Created an empty encrypted store in {paths.root}")


def cmd_stats(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.stats import store_stats

    with open_from(args) as store, store.read() as session:
        stats = store_stats(session)
    lines = [f"{name:15} {count:>9,}" for name, count in stats["tables"].items()]
    lines.append("")
    lines += [
        f"{t['team']:10} {t['children']:>7,} children  {t['caseworkers']:>3} caseworkers  "
        f"{t['supervisors']:>2} supervisors"
        for t in stats["teams"]
    ]
    return _say(args, stats, "\n".join(lines))


def cmd_export(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.services.exchange import export_store, write_export

    with open_from(args) as store, store.read() as session:
        data = export_store(session, store.info.store_id, store.actor.user_id)
    try:
        write_export(data, args.path)
    except OSError as error:
        from send_desk.storage.errors import StoreError, as_store_error

        raise as_store_error(error) or StoreError(
            f"could not write {args.path}: {error}"
        ) from error
    counts = {name: len(rows) for name, rows in data["tables"].items()}
    return _say(
        args,
        {"path": str(args.path), "rows": counts, "journal": len(data["journal"])},
        f"Exported {counts.get('child', 0):,} children to {args.path}",
    )


def cmd_import(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_or_create
    from send_desk.services.exchange import import_store, read_export

    data = read_export(args.path)
    store, _created = open_or_create(args)
    with store:
        with store.write() as session:
            counts, who = import_store(session, data, store.actor, by=args.by)
        if who is not None and store.actor.user_id is None:
            store.set_user(who)  # what is done next in this store is theirs too
        name = _user_name(store, who)
    return _say(
        args,
        {"path": str(args.path), "rows": counts, "imported_by": name},
        f"Imported {counts.get('child', 0):,} children from {args.path}"
        + (f" (imported by {name})" if name else ""),
    )


def _user_name(store: Any, user_id: Any) -> str | None:
    if user_id is None:
        return None
    from send_desk.domain.organisation import User

    with store.read() as session:
        user = session.get(User, user_id)
        return user.display_name if user else None


def cmd_change_password(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import ENV_NEW_PASSWORD, new_password, open_from

    with open_from(args) as store:
        store.change_password(new_password(ENV_NEW_PASSWORD))
    return _say(args, {"changed": True}, "Password changed.")


def cmd_remember(args: argparse.Namespace) -> int:
    from send_desk.cli.common import EXIT_FAILED, CliError
    from send_desk.cli.unlock import open_from
    from send_desk.security.keyring_cache import remember_key

    with open_from(args) as store:
        if not remember_key(store.info.store_id, store.raw_key):
            raise CliError("this computer has no keyring SEND Desk can use", EXIT_FAILED)
    return _say(args, {"remembered": True}, "The store's key is kept in this computer's keyring.")


def cmd_forget(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import paths_from
    from send_desk.security.keyring_cache import forget_key
    from send_desk.security.keys import read_keyfile

    forget_key(read_keyfile(paths_from(args).keyfile).store_id)
    return _say(args, {"remembered": False}, "The store's key is no longer in the keyring.")


def cmd_backup(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import open_from
    from send_desk.storage.backup import backup_store

    with open_from(args) as store:
        result = backup_store(store, args.path)
    return _say(args, result, f"Backup written to {result['path']} ({result['bytes']:,} bytes)")


_VERDICTS = {
    True: "passes its check",
    False: "FAILS its check: do not restore it",
    None: "not checked: made with another password",
}


def cmd_backups(args: argparse.Namespace) -> int:
    from send_desk.backend import Backend
    from send_desk.cli.unlock import password, paths_from

    paths = paths_from(args)
    listed = Backend.list_backups(paths, password("Password the backups were made with: "))
    rows = [
        {"name": b.name, "path": str(b.path), "modified": b.modified, "bytes": b.bytes,
         "passed": b.passed}
        for b in listed
    ]  # fmt: skip
    if args.json:
        print_json(rows)
        return 0
    if not listed:
        print(f"No backups in {paths.backups}.")
    for b in listed:
        print(f"  {b.modified:%d/%m/%Y %H:%M}  {b.name}  {b.bytes:,} bytes  {_VERDICTS[b.passed]}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from send_desk.cli.unlock import password, paths_from
    from send_desk.storage.backup import restore_store

    result = restore_store(paths_from(args), args.path, password("Password of the backup: "))
    kept = result["previous_store_kept_in"]
    text = f"Restored the backup taken {result['taken_at']}."
    if kept:
        text += f" The store it replaced is kept in {kept}."
    return _say(args, result, text)


def cmd_check(args: argparse.Namespace) -> int:
    from send_desk.cli.common import EXIT_BAD_INPUT
    from send_desk.cli.unlock import open_from, password, paths_from
    from send_desk.security.keys import read_keyfile, unwrap_key
    from send_desk.storage.errors import NotAStore
    from send_desk.storage.health import check_files, check_store

    try:
        with open_from(args) as store:
            health = check_store(store, full=args.full)
    except NotAStore:
        # Damage where opening reads (the schema, the store's ids): check the file itself.
        paths = paths_from(args)
        keyfile = read_keyfile(paths.keyfile)
        raw_key = unwrap_key(keyfile, password())
        health = check_files(paths, raw_key, keyfile.store_id, full=args.full)
    if args.json:
        print_json(health.as_dict())
    elif health.ok:
        print(health.message())
    else:
        print(health.message(), file=sys.stderr)
    return 0 if health.ok else EXIT_BAD_INPUT
