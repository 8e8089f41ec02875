"""Capture the app's sync screens (synthetic people only) into docs/screenshots.

    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \\
        .venv/bin/python tests/gui/take_sync_screenshots.py docs/screenshots

Starts its own central store (a SQLite file and uvicorn on 127.0.0.1 in a thread) in a
temporary folder, signs two laptops in, makes a change wait, a change refused and a
conflict, then shows the Sync page. Not collected by pytest (no test_ prefix).
"""

# ruff: noqa: E401, E402, I001
import shutil, sys
from datetime import date
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


keyring.set_keyring(_MemoryKeyring())

from send_desk.backend import Backend, DataPaths
from send_desk.domain.children import Child
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
from send_desk.server import admin
from send_desk.server.db import open_database
from send_desk.storage.store import create_store
from send_desk.sync.engine import Syncer, login

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.sync.servers import LiveServer
from tests.gui.shots import Shooter, output_folder, work_folder

OUT = output_folder()
WORK = work_folder("send-desk-sync-shots-")
PASSWORD = "demo-password-1"
SERVER_PASSWORD = "demo-password-2026"

engine = open_database(f"sqlite:///{WORK / 'central.db'}")
admin.demo(engine, children=300, seed=12, today=date(2026, 11, 20), password=SERVER_PASSWORD)
users = admin.users(engine)
worker = next(u["username"] for u in users if u["role"] == "caseworker" and u["team"] == "North")
boss = next(u["username"] for u in users if u["role"] == "supervisor" and u["team"] == "North")
server = LiveServer(engine).start()


def laptop(name, user):
    paths = DataPaths(WORK / name)
    store = create_store(paths, PASSWORD)
    login(store, server.url, user, SERVER_PASSWORD)
    Syncer(store).sync()
    return store


mine = laptop("caseworker", worker)
theirs = laptop("supervisor", boss)


def child_ids(store):
    with store.read() as session:
        from sqlmodel import select

        return [c.id for c in session.exec(select(Child).order_by(Child.last_name))]


ids = child_ids(mine)
# a clash: both change the same child's home language
from send_desk.services.children import update_child

with theirs.write() as session:
    update_child(session, ids[0], {"home_language": "Welsh"})
Syncer(theirs).sync()
with mine.write() as session:
    update_child(session, ids[0], {"home_language": "Gujarati"})
# a refused change (a value written past the app's checks)
with mine.write() as session:
    session.get(Child, ids[1]).upn = "A12345"
Syncer(mine).sync()
# and changes made offline, waiting for the next sync
with mine.write() as session:
    update_child(session, ids[2], {"preferred_name": "Mo"})
    update_child(session, ids[3], {"postcode": "LS6 2AB"})
    update_child(session, ids[4], {"home_language": "Polish"})
mine.close()
theirs.close()

app = create_application()
ops = Ops()


shooter = Shooter(ops, OUT)
settle, shot = shooter.settle, shooter.shot


backend = Backend.open(DataPaths(WORK / "caseworker"), PASSWORD)
window = show_main_window(backend, ops, idle_ms=3_600_000)
window.sync.stop()
window.resize(1440, 860)
window.show_page("sync")
page = window.pages.currentWidget()
page.reload()
settle(400)
page.tabs.setCurrentIndex(0)
shot(window, "30-sync-waiting")
page.tabs.setCurrentIndex(1)
page.refused_view.selectRow(0)
shot(window, "31-sync-refused")
page.tabs.setCurrentIndex(2)
page.conflict_view.selectRow(0)
shot(window, "32-sync-conflict-side-by-side")
# the status bar and the page while a long sync runs (progress as the sync reports it)
window.sync.running = True
window.sync.running_changed.emit(True)
window.sync.progress.emit("pull", 1800, 4200)
page.tabs.setCurrentIndex(0)
shot(window, "33-sync-in-progress")
window.sync.running = False
window.sync.running_changed.emit(False)
window.close()
backend.close()

# an unlinked laptop: the sign-in form
fresh = Backend.create(DataPaths(WORK / "fresh"), PASSWORD)
window = show_main_window(fresh, ops, idle_ms=3_600_000)
window.resize(1440, 860)
window.show_page("sync")
page = window.pages.currentWidget()
page.server_edit.setText("https://senddesk.council.example")
page.user_edit.setText(worker)
shot(window, "34-sync-sign-in")
window.close()
fresh.close()
server.stop()
engine.dispose()
shutil.rmtree(WORK, ignore_errors=True)
