"""Capture the "SEN2 return" page (synthetic demo data only) into docs/screenshots.

    xvfb-run -a -s "-screen 0 1366x768x24 -dpi 96" \
        .venv/bin/python tests/gui/take_sen2_screenshots.py docs/screenshots [CHILDREN]

On a 1366 x 768 laptop screen, signed in as a supervisor: the return checked on a demo
made with ``--with-sen2-problems`` (the problems by rule, one opened to its children),
then on a plain demo the file exported. Builds its own demo stores in a temporary folder
(today fixed to Friday 20 November 2026: census 21/01/2027). Not collected by pytest
(no test_ prefix).
"""

# ruff: noqa: E401, I001
import shutil, sys, tempfile
from datetime import date
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from sqlmodel import col, select
from send_desk.backend import Backend, DataPaths
from send_desk.demo.generator import build_demo
from send_desk.domain.organisation import User
from send_desk.gui.app import create_application, show_main_window
from send_desk.gui.ops import Ops
from send_desk.gui.sen2.models import RULE_ROLE
from send_desk.storage.store import create_store

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
CHILDREN = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
WORK = Path(tempfile.mkdtemp(prefix="send-desk-sen2-shots-"))
PASSWORD = "demo-password-1"
TODAY = date(2026, 11, 20)


def today() -> date:
    return TODAY


def demo(name, problems):
    paths = DataPaths(WORK / name)
    with create_store(paths, PASSWORD) as store:
        build_demo(store, children=CHILDREN, seed=3, today=TODAY, sen2_problems=problems)
        with store.read() as session:
            boss = session.exec(select(User).where(col(User.role) == "supervisor")).first()
        store.set_user(boss.id)  # the page is a supervisor's or an admin's
    return paths


app = create_application()
ops = Ops()


def settle(ms=200):
    ops.wait(120_000)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    ops.wait(120_000)


def shot(widget, name):
    settle()
    widget.grab().save(str(OUT / f"{name}.png"))
    print("saved", name)


def open_page(paths):
    backend = Backend.open(paths, PASSWORD, today=today)
    window = show_main_window(backend, ops, idle_ms=3_600_000, reminder_delay_ms=-1)
    window.showNormal()
    window.setGeometry(0, 0, 1366, 720)  # 1366 x 768 less a taskbar
    window.show_page("sen2")
    settle(400)
    page = window.page_widgets["sen2"]
    page.la.setText("886")
    for combo, answer in zip(page.officers.values(), "YYN", strict=True):
        combo.setCurrentIndex(combo.findData(answer))
    return backend, window, page


# the return with the gaps a real caseload brings: errors, one rule opened
backend, window, page = open_page(demo("problems", True))
page.run_check()
settle(600)
model = page.problems
for row in range(model.rowCount()):
    if model.index(row, 0).data(RULE_ROLE) == "sex-missing":
        page.tree.expand(model.index(row, 0))
        page.tree.setCurrentIndex(model.index(0, 0, model.index(row, 0)))
        break
else:
    page.tree.expand(model.index(0, 0))
shot(window, "laptop-sen2-return-problems")
window.close()
settle()
backend.close()

# a clean return: exported, the summary says where
backend, window, page = open_page(demo("clean", False))
page.run_check()
settle(600)
if page.acknowledge.isEnabled():
    page.acknowledge.setChecked(True)
page.export_to(str(WORK / "SEN2_886_2027.xml"))
settle(600)
shot(window, "laptop-sen2-return-exported")
window.close()
settle()
backend.close()
shutil.rmtree(WORK, ignore_errors=True)
