"""From a missed deadline (My day's prompt) to the apology letter in the composer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from send_desk.gui.letters.composer import LetterComposer, open_letter_composer

if TYPE_CHECKING:
    from send_desk.backend import Backend
    from send_desk.gui.ops import Ops

APOLOGY_TEMPLATE = "apology_missed_timescale"


def open_apology_letter(
    backend: Backend, ops: Ops, row: Mapping[str, object], parent: QWidget | None = None
) -> LetterComposer:
    """Open the composer on the apology letter for one missed deadline (a My day row:
    child_id, milestone, due), with the reason My day recorded, if any."""
    child_id = str(row["child_id"])
    due = row["due"] if isinstance(row["due"], date) else date.fromisoformat(str(row["due"]))
    inputs = backend.letters.apology_inputs(child_id, str(row["milestone"]), due)
    return open_letter_composer(
        backend, ops, child_id, template=APOLOGY_TEMPLATE, inputs=inputs, parent=parent
    )
