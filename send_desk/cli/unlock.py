"""Passwords and opening the store for a command."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from send_desk.cli.common import EXIT_BAD_INPUT, CliError
from send_desk.paths import DataPaths, data_paths
from send_desk.storage.store import Store, create_store, open_store, store_exists

ENV_PASSWORD = "SEND_DESK_PASSWORD"
ENV_NEW_PASSWORD = "SEND_DESK_NEW_PASSWORD"


def _prompt(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            f"a password is needed: set {ENV_PASSWORD} or run the command in a terminal",
            EXIT_BAD_INPUT,
        )
    return getpass.getpass(prompt)


def password(prompt: str = "Password: ") -> str:
    env = os.environ.get(ENV_PASSWORD)
    return env if env is not None else _prompt(prompt)


def new_password(env_name: str = ENV_PASSWORD, what: str = "new password") -> str:
    from send_desk.security.keys import check_new_password

    value = os.environ.get(env_name)
    if value is None:
        value = _prompt(f"Choose a {what}: ")
        if _prompt("Type it again: ") != value:
            raise CliError("the two passwords are different", EXIT_BAD_INPUT)
    problems = check_new_password(value)
    if problems:
        raise CliError(f"that password is too weak: {'; '.join(problems)}", EXIT_BAD_INPUT)
    return value


def paths_from(args: argparse.Namespace) -> DataPaths:
    return data_paths(args.data_dir)


def open_from(args: argparse.Namespace) -> Store:
    """Open the store: SEND_DESK_PASSWORD, else a key remembered in the OS keyring, else ask."""
    paths = paths_from(args)
    if not store_exists(paths):
        # Say so before asking for a password that cannot help.
        return open_store(paths, None)
    if os.environ.get(ENV_PASSWORD) is None:
        remembered = _remembered_key(paths)
        if remembered is not None:
            return open_store(paths, raw_key=remembered)
    return open_store(paths, password())


def _remembered_key(paths: DataPaths) -> bytes | None:
    from send_desk.security.keyring_cache import recall_key
    from send_desk.security.keys import KeyFileError, read_keyfile

    try:
        store_id = read_keyfile(paths.keyfile).store_id
    except KeyFileError:
        return None
    return recall_key(store_id)


def open_or_create(args: argparse.Namespace) -> tuple[Store, bool]:
    paths = paths_from(args)
    if store_exists(paths):
        return open_store(paths, password()), False
    return create_store(paths, new_password()), True
