"""The merge fields a letter template may use, what each means and where to fill it in.

A template reads only these (``child.first_name``, ``caseworker.phone``...), plus its
own ``input.*`` (what the caseworker types in the composer) and ``dates.*`` (dates the
statutory clock works out for that letter), both declared in the manifest. Anything
else is refused when the template is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldInfo:
    path: str
    label: str
    fill_in: str  # where a caseworker fills it in when it is missing


def _f(path: str, label: str, fill_in: str) -> FieldInfo:
    return FieldInfo(path, label, fill_in)


_CHILD = "the child's details (Edit details on the child's record)"
_FAMILY = "the family contact (Family and contacts on the child's record)"
_CASEWORKER = "the caseworker's user record (ask an administrator)"
_LETTERHEAD = "the council's letterhead settings (letters/letterhead.toml in the data folder)"
_MISSED = "the missed milestone (choose it in the composer)"
_SETTING = "the child's current setting (Change setting on the child's record)"
_CLOCK = "the statutory clock (the events on the child's record)"

CATALOGUE: dict[str, FieldInfo] = {
    f.path: f
    for f in (
        _f("child.first_name", "the child's first name", _CHILD),
        _f("child.last_name", "the child's last name", _CHILD),
        _f("child.full_name", "the child's name", _CHILD),
        _f("child.known_as", "the name the child is known by", _CHILD),
        _f("child.date_of_birth", "the child's date of birth", _CHILD),
        _f("child.upn", "the child's unique pupil number", _CHILD),
        _f("child.year_group", "the child's school year", _CHILD),
        _f("child.reference", "the case reference", _CHILD),
        _f("child.is_young_person", "whether the letter is to the young person", _CHILD),
        _f("recipient.name", "the name of the person the letter is to", _FAMILY),
        _f("recipient.address", "the address the letter goes to", _FAMILY),
        _f("recipient.email", "the email address the letter goes to", _FAMILY),
        _f("recipient.relationship", "how the person is related to the child", _FAMILY),
        _f("recipient.is_young_person", "whether the letter is to the young person", _FAMILY),
        _f(
            "caseworker.name",
            "the caseworker's name",
            "the child's allocation (Allocate caseworker)",
        ),
        _f("caseworker.phone", "the caseworker's direct phone number", _CASEWORKER),
        _f("caseworker.email", "the caseworker's email address", _CASEWORKER),
        _f("caseworker.team", "the caseworker's team", "the child's allocation"),
        _f("setting.name", "the name of the child's school or setting", _SETTING),
        _f("setting.address", "the address of the child's school or setting", _SETTING),
        _f("letter.date", "the date of the letter", "the letter date in the composer"),
        _f("letter.reference", "the letter's reference", "the letter"),
        _f("council.name", "the council's name", _LETTERHEAD),
        _f("council.service", "the service's name", _LETTERHEAD),
        _f("council.address", "the council's address", _LETTERHEAD),
        _f("council.phone", "the council's phone number", _LETTERHEAD),
        _f("council.email", "the council's email address", _LETTERHEAD),
        _f("council.website", "the council's website", _LETTERHEAD),
        _f("sendiass.name", "the information, advice and support service", _LETTERHEAD),
        _f("sendiass.phone", "the advice service's phone number", _LETTERHEAD),
        _f("sendiass.email", "the advice service's email address", _LETTERHEAD),
        _f("sendiass.website", "the advice service's website", _LETTERHEAD),
        _f("mediation.name", "the mediation adviser", _LETTERHEAD),
        _f("mediation.phone", "the mediation adviser's phone number", _LETTERHEAD),
        _f("mediation.email", "the mediation adviser's email address", _LETTERHEAD),
        _f("mediation.website", "the mediation adviser's website", _LETTERHEAD),
        _f("disagreement.name", "the disagreement resolution service", _LETTERHEAD),
        _f("disagreement.phone", "the disagreement resolution service's phone", _LETTERHEAD),
        _f("disagreement.email", "the disagreement resolution service's email", _LETTERHEAD),
        _f("appeals.name", "the council's contact for mediation and appeals", _LETTERHEAD),
        _f("appeals.phone", "the appeals contact's phone number", _LETTERHEAD),
        _f("appeals.email", "the appeals contact's email address", _LETTERHEAD),
        _f("tribunal.name", "the Tribunal's name", _LETTERHEAD),
        _f("tribunal.website", "the Tribunal's website", _LETTERHEAD),
        _f("complaints.email", "the complaints email address", _LETTERHEAD),
        _f("complaints.phone", "the complaints phone number", _LETTERHEAD),
        _f("complaints.ombudsman", "the Ombudsman's name", _LETTERHEAD),
        _f("complaints.ombudsman_website", "the Ombudsman's website", _LETTERHEAD),
        _f("missed.title", "the time limit that was missed", "the missed milestone (My day)"),
        _f("missed.due", "the date it was due", _MISSED),
        _f("missed.what", 'what we should have done ("sent you the plan")', _MISSED),
        _f("missed.todo", 'what we will now do ("send you the plan")', _MISSED),
        _f("missed.done", "the date it was done", _MISSED),
        _f("missed.open", "whether it is still to be done", _MISSED),
        _f("appeal.counted_from", "the day the time to appeal counts from", _CLOCK),
        _f("appeal.two_months", "the date 2 months from then", _CLOCK),
        _f("appeal.later_because", "why the last day to appeal is later than that", _CLOCK),
    )
}

NAMESPACES = frozenset(path.split(".", 1)[0] for path in CATALOGUE) | {"input", "dates"}


def field_info(path: str) -> FieldInfo | None:
    return CATALOGUE.get(path)
