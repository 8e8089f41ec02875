"""Screenshots of letters (synthetic demo data only): the composer and a rendered PDF.

    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        .venv/bin/python tests/gui/take_letter_screenshots.py docs/screenshots

Not collected by pytest (no test_ prefix). Needs pdftoppm (poppler-utils).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from send_desk.backend import Backend, DataPaths
from send_desk.gui.app import create_application
from send_desk.gui.letters import LetterComposer
from send_desk.gui.ops import Ops

OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
WORK = Path(tempfile.mkdtemp(prefix="send-desk-letters-"))
PASSWORD = "demo-password-1"
Backend.create_demo(DataPaths(WORK / "demo"), PASSWORD, children=200, seed=5).close()
app = create_application()
ops = Ops()
backend = Backend.open(DataPaths(WORK / "demo"), PASSWORD)


def settle(ms: int = 300) -> None:
    ops.wait()
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    ops.wait()


chosen = None
for child_id in (child.hex for child in backend.caseload.caseload_ids()):
    offered = [t.name for t in backend.letters.templates(child_id) if t.offered]
    if "decision_not_to_assess" in offered:
        chosen = child_id
        break
assert chosen is not None
inputs = {
    "reasons": [
        "The school has shown it can meet the needs with the help it gives now.",
        "Reading and maths are improving, and the school's plan is working.",
    ],
    "support_now": ["Extra reading help three times a week, and a weekly check-in."],
}
composer = LetterComposer(backend, ops, chosen, template="decision_not_to_assess", inputs=inputs)
composer.resize(1480, 900)
composer.show()
settle(600)
composer.ui.issuesList.setCurrentRow(0)
settle()
composer.grab().save(str(OUT / "40-letter-composer.png"))
print("saved 40-letter-composer")

bad = LetterComposer(backend, ops, chosen, template="complaint_response", inputs={
    "findings": ["Your request was not dealt with in accordance with our policy, and the "
                 "EP report was not facilitated prior to the panel."],
    "outcome": "upheld",
})
bad.resize(1480, 900)
bad.show()
settle(600)
bad.ui.issuesList.setCurrentRow(0)
settle()
bad.grab().save(str(OUT / "41-letter-check-problems.png"))
print("saved 41-letter-check-problems")

pdf = WORK / "letter.pdf"
pdf.write_bytes(backend.letters.file(composer.current.letter, "pdf"))
subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf),
                str(OUT / "42-letter-pdf")], check=True)
print("saved 42-letter-pdf pages")
backend.close()
