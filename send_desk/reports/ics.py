"""The calendar export as an iCalendar file (RFC 5545) that Outlook, Google Calendar and
Apple Calendar open: CRLF lines folded at 75 octets, the Europe/London time zone, stable
event ids. Control characters that slipped into a record are dropped
(:func:`send_desk.textsafe.strip_control`): they would corrupt a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from send_desk.reports.calendar import CalendarEvent
from send_desk.reports.export_base import Cancelled, Progress, Steps, atomic_file
from send_desk.textsafe import strip_control

# ---------------------------------------------------------------- ICS

# Europe/London since 1996 (EU rules): BST from the last Sunday of March at 01:00 UTC to
# the last Sunday of October at 01:00 UTC. Outlook needs the zone in the file.
_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
REMINDER_MINUTES = 10


def ics_escape(text: str) -> str:
    """A TEXT value: control characters dropped, then RFC 5545's escapes."""
    return (
        strip_control(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """RFC 5545 line folding: at most 75 octets a line, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = char, width, 74  # continuation lines start with a space
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: CalendarEvent, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}"]
    if event.day is not None:
        lines += [
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
            "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
            "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
        ]
    else:
        assert event.start is not None and event.end is not None
        lines += [
            f"DTSTART;TZID=Europe/London:{event.start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/London:{event.end:%Y%m%dT%H%M%S}",
            "TRANSP:OPAQUE",
        ]
    lines += [
        f"SUMMARY:{ics_escape(event.summary)}",
        f"DESCRIPTION:{ics_escape(event.description)}",
        f"CATEGORIES:{ics_escape(event.category)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{ics_escape(event.location)}")
    if event.start is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{ics_escape(event.summary)}",
            f"TRIGGER:-PT{REMINDER_MINUTES}M",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return [fold(line) for line in lines]


def write_ics(
    events: Sequence[CalendarEvent],
    path: Path,
    *,
    name: str = "SEND Desk",
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """An iCalendar file (RFC 5545, CRLF lines, folded) with the London time zone."""
    stamp = _stamp(now or datetime.now(UTC))
    steps = Steps(len(events), progress, cancelled)
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SEND Desk//Calendar export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        fold(f"X-WR-CALNAME:{ics_escape(name)}"),
        "X-WR-TIMEZONE:Europe/London",
        *_VTIMEZONE,
    ]
    with atomic_file(Path(path), "w", encoding="utf-8", newline="") as handle:
        handle.write("\r\n".join(header) + "\r\n")
        for event in events:
            handle.write("\r\n".join(event_lines(event, stamp)) + "\r\n")
            steps.step()
        handle.write("END:VCALENDAR\r\n")
        steps.check()
    steps.finish()
    return Path(path)


__all__ = ["REMINDER_MINUTES", "event_lines", "fold", "ics_escape", "write_ics"]
