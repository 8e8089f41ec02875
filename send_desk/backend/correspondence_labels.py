"""The fixed words for correspondence codes, for the GUI's formatting (which may not
import the services): directions, channels, responses, confirmations and statuses.
The store's own complaint stages, root causes and outcomes come with its standards
(:class:`send_desk.backend.correspondence_models.Vocabulary`)."""

from __future__ import annotations

from send_desk.domain.correspondence import (
    CALLBACK_OUTCOME_LABELS,
    CHANNEL_LABELS,
    CONFIRMATION_LABELS,
    DIRECTION_LABELS,
    RESPONSE_LABELS,
)
from send_desk.services.callbacks import STATUS_LABELS as CALLBACK_STATUS_LABELS
from send_desk.services.complaints import STATUS_LABELS as COMPLAINT_STATUS_LABELS
from send_desk.services.correspondence import STATUS_LABELS as ITEM_STATUS_LABELS

__all__ = [
    "CALLBACK_OUTCOME_LABELS",
    "CALLBACK_STATUS_LABELS",
    "CHANNEL_LABELS",
    "COMPLAINT_STATUS_LABELS",
    "CONFIRMATION_LABELS",
    "DIRECTION_LABELS",
    "ITEM_STATUS_LABELS",
    "RESPONSE_LABELS",
]
