"""A throwaway PostgreSQL cluster for tests and benchmarks (never for real data).

``initdb`` refuses to run as root, so as root the cluster is made and run by the
``postgres`` system user (``runuser``) in a folder it owns; otherwise by the current
user. The cluster listens on 127.0.0.1 only, on a free port, with trust
authentication for local connections, and is deleted when stopped.

``./dev test`` starts one and exports its URL as ``SEND_DESK_TEST_PG_URL``; the test
suite and ``send-desk bench load`` start their own when that is not set.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV_URL = "SEND_DESK_TEST_PG_URL"


class NoPostgres(RuntimeError):
    pass


def _find(binary: str) -> str | None:
    found = shutil.which(binary)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{binary}"), reverse=True)
    return candidates[0] if candidates else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    as_user: str | None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        pg_ctl = _find("pg_ctl")
        if pg_ctl and (self.folder / "data" / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self._run(pg_ctl, "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    initdb, pg_ctl = _find("initdb"), _find("pg_ctl")
    if not initdb or not pg_ctl:
        raise NoPostgres("PostgreSQL is not installed (initdb and pg_ctl were not found)")
    as_user = None
    folder = Path(tempfile.mkdtemp(prefix="send-desk-pg-"))
    if os.geteuid() == 0:
        as_user = "postgres"
        try:
            shutil.chown(folder, user=as_user, group=None)
        except (LookupError, OSError) as error:
            shutil.rmtree(folder, ignore_errors=True)
            raise NoPostgres(f"cannot hand a folder to the postgres user: {error}") from None
        folder.chmod(0o700)
    cluster = Cluster(folder, free_port(), as_user)
    data = folder / "data"
    try:
        cluster._run(
            initdb,
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        options = (
            f"-p {cluster.port} -c listen_addresses=127.0.0.1 -k {folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=300 -c shared_buffers=128MB"
        )
        cluster._run(
            pg_ctl,
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
    except (subprocess.SubprocessError, OSError) as error:
        detail = getattr(error, "stderr", b"") or b""
        cluster.stop()
        message = f"could not start PostgreSQL: {error} {detail.decode(errors='replace')}"
        raise NoPostgres(message) from None
    return cluster


def create_database(admin_url: str, name: str) -> str:
    """A new empty database on the cluster at ``admin_url``; returns its URL."""
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def drop_database(admin_url: str, name: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        engine.dispose()
