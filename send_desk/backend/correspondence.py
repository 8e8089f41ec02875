"""The errors the correspondence and reports facades raise, under the name pages
already import them by (the facades are ``correspondence_api`` and ``reports_api``)."""

from __future__ import annotations

from send_desk.reports.exports import ExportCancelled, ExportFailed
from send_desk.services.correspondence import Duplicate

__all__ = ["Duplicate", "ExportCancelled", "ExportFailed"]
