"""The statutory clock: deadlines of EHC casework computed from a child's events.

Public API::

    compute_timeline(events, today, child=None, *, rules=None, calendar=None,
                     include_local=False, propose_transfers=True) -> Timeline
    compute_caseload(cases, today, *, ...) -> Iterator[(key, milestones)]  (many children)
    parse_event(raw) -> Event ; parse_events(raw_list) -> list[Event]
    propose_phase_transfers(date_of_birth, today, *, setting_phase=None, rules=None)
    validate_new_event(existing_events, new_event, today) -> list[EventProblem]
    load_rules(folder=None) / default_rules() -> RuleSet
    load_calendar(folder=None) / default_calendar() -> WorkingCalendar

The engine is compiled with mypyc when SEND Desk is installed (:mod:`.native`).
"""

from send_desk.timescales import native

native.guard()  # before the engine is imported: never run a stale compiled build

from send_desk.timescales.calendar import WorkingCalendar, default_calendar, load_calendar
from send_desk.timescales.engine import compute_caseload, compute_timeline
from send_desk.timescales.events import Child, Event, EventError, parse_event, parse_events
from send_desk.timescales.milestones import EventWarning, Milestone, Timeline
from send_desk.timescales.phase_transfer import propose_phase_transfers
from send_desk.timescales.rules import RuleError, RuleSet, default_rules, load_rules
from send_desk.timescales.validation import EventProblem, validate_new_event

__all__ = [
    "Child",
    "Event",
    "EventError",
    "EventProblem",
    "EventWarning",
    "Milestone",
    "RuleError",
    "RuleSet",
    "Timeline",
    "WorkingCalendar",
    "compute_caseload",
    "compute_timeline",
    "default_calendar",
    "default_rules",
    "load_calendar",
    "load_rules",
    "parse_event",
    "parse_events",
    "propose_phase_transfers",
    "validate_new_event",
]
