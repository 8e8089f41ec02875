"""Merging a case into a template: the context, the inputs, the letter and its check.

Pure: plain data in (the child's record as :func:`send_desk.services.children.child_detail`
returns it, the letterhead, the caseworker's inputs, the dates the clock worked out),
a :class:`Letter` and its :class:`LetterCheck` out. The store and the clock are the
service's business (:mod:`send_desk.services.letters`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from send_desk.letters.dates import full_date
from send_desk.letters.document import Letter, LetterBlock, Run, parse_markup
from send_desk.letters.manifest import VARIANTS, TemplateInput, TemplateSpec
from send_desk.letters.plain_english import LetterCheck, check_letter_text
from send_desk.letters.settings import Letterhead
from send_desk.letters.templating import Lines, MissingField, TemplateLibrary
from send_desk.quality.readability import sentences_of
from send_desk.resources import resource_path

FORMATS_LINE = (
    "If you would like this letter in another language, in large print or in easy read, "
    "please phone {phone}."
)
# easy read: short sentences, one idea a line
FORMATS_LINES_EASY = (
    "Do you want this letter in another language?",
    "Or in large print? Phone {phone}.",
)


class InputProblem(ValueError):
    """Inputs the caseworker typed are missing or not valid; ``fields`` name them."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.fields = problems
        super().__init__(" ".join(problems.values()))


@dataclass(frozen=True)
class Composed:
    letter: Letter
    check: LetterCheck
    context: dict[str, Any]


# ------------------------------------------------------------------ inputs


def _parse_date(text: str) -> date:
    return date.fromisoformat(text.strip())


def _parse_time(text: str) -> time:
    value = text.strip().lower().replace(".", ":")
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?", value)
    if not match:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) == "pm" and hour < 12:
        hour += 12
    if match.group(3) == "am" and hour == 12:
        hour = 0
    return time(hour, minute)


def parse_inputs(
    spec: TemplateSpec, raw: Mapping[str, Any], *, work_open: bool = True
) -> dict[str, Any]:
    """Typed values of the template's inputs; raises InputProblem naming each one.

    Unknown names are refused too, so a typing slip on the command line is not lost.
    ``work_open``: the missed time limit the letter is about is still to be done (an
    input ``required_while_open``, such as the new date, is needed only then).
    """
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    known = {item.name: item for item in spec.inputs}
    for name in raw:
        if name not in known:
            allowed = ", ".join(known) or "none"
            problems[name] = f"This letter has no input '{name}' (inputs: {allowed})."
    for item in spec.inputs:
        value = raw.get(item.name)
        try:
            parsed = _parse_one(item, value)
        except ValueError:
            problems[item.name] = _bad_value(item, value)
            continue
        if parsed is None:
            if item.required or (item.required_while_open and work_open):
                problems[item.name] = f"Fill in: {item.label}."
            values[item.name] = None
        else:
            values[item.name] = parsed
    if problems:
        raise InputProblem(problems)
    return values


def _bad_value(item: TemplateInput, value: Any) -> str:
    if item.kind == "date":
        return f"{item.label}: '{value}' is not a date (YYYY-MM-DD)."
    if item.kind == "time":
        return f"{item.label}: '{value}' is not a time (such as 14:30)."
    if item.kind == "choice":
        return f"{item.label}: choose one of {', '.join(item.choices)} (not '{value}')."
    return f"{item.label}: '{value}' is not valid."


def _parse_one(item: TemplateInput, value: Any) -> Any:
    if value is None:
        return None
    if item.kind == "lines":
        items = value if isinstance(value, list | tuple) else str(value).splitlines()
        lines = [" ".join(str(line).split()).lstrip("-•* ").strip() for line in items]
        lines = [line for line in lines if line]
        return Lines(lines) if lines else None
    if isinstance(value, str) and not value.strip():
        return None
    if item.kind == "date":
        return value if isinstance(value, date) else _parse_date(str(value))
    if item.kind == "time":
        return value if isinstance(value, time) else _parse_time(str(value))
    text = " ".join(str(value).split())
    if len(text) > 2000:
        raise ValueError(text)
    if item.kind == "choice" and text not in item.choices:
        raise ValueError(text)
    return text


# ------------------------------------------------------------------ context


@lru_cache(maxsize=1)
def missed_wording() -> dict[str, dict[str, str]]:
    with resource_path("letters", "missed.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return {key: {k: str(v) for k, v in value.items()} for key, value in data.items()}


def missed_fields(milestone: Mapping[str, Any] | None) -> dict[str, Any]:
    """``missed.*`` from a milestone as the clock gives it (id, title, due, done)."""
    if not milestone:
        return {
            "id": None,
            "title": None,
            "due": None,
            "what": None,
            "todo": None,
            "done": None,
            "open": False,
        }
    base = str(milestone["id"]).split(":", 1)[0]
    wording = missed_wording().get(base)
    title = str(milestone.get("title", base))
    due = milestone.get("due")
    done = milestone.get("done")
    return {
        "id": str(milestone["id"]),
        "title": title,
        "due": date.fromisoformat(due) if isinstance(due, str) else due,
        "done": date.fromisoformat(done) if isinstance(done, str) else done,
        "what": wording["what"] if wording else f"done this: {title.lower()}",
        "todo": wording["todo"] if wording else f"do this: {title.lower()}",
        # still to do: a sentence about work outstanding is only written while it is
        "open": done is None,
    }


def _address_lines(*parts: str | None) -> tuple[str, ...]:
    lines: list[str] = []
    for part in parts:
        if not part:
            continue
        for line in re.split(r"[\n,]", part):
            line = line.strip()
            if line and line not in lines:
                lines.append(line)
    return tuple(lines)


def choose_recipient(
    detail: Mapping[str, Any], member_id: str | None = None
) -> Mapping[str, Any] | None:
    """The family member the letter goes to: the one asked for, else the main contact
    (a professional contact such as a social worker only when no one else is there)."""
    family: list[Mapping[str, Any]] = list(detail.get("family") or [])
    if member_id:
        for member in family:
            if _hex(member.get("id")) == _hex(member_id):
                return member
    professional = {"social_worker", "advocate"}
    ordered: list[Mapping[str, Any]] = sorted(
        family,
        key=lambda m: (
            m.get("relationship") in professional,
            not m.get("main_contact"),
            not m.get("parental_responsibility"),
        ),
    )
    return ordered[0] if ordered else None


def _hex(value: Any) -> str:
    return str(value or "").replace("-", "").lower()


def variant_needed(detail: Mapping[str, Any], member: Mapping[str, Any] | None) -> str:
    """The variant the family needs: easy read, large print or standard."""
    people = [member] if member else list(detail.get("family") or [])
    if any(p.get("easy_read") for p in people if p):
        return "easy_read"
    if any(p.get("large_print") for p in people if p):
        return "large_print"
    return "standard"


def case_reference(child_id: Any) -> str:
    return "SD-" + _hex(child_id)[-8:].upper()


def build_context(
    detail: Mapping[str, Any],
    spec: TemplateSpec,
    *,
    letterhead: Letterhead,
    inputs: Mapping[str, Any],
    dates: Mapping[str, date | None],
    letter_date: date,
    recipient: Mapping[str, Any] | None = None,
    missed: Mapping[str, Any] | None = None,
    appeal: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Every namespace a template can read, with None for what the case lacks."""
    current = next((a for a in detail.get("allocations", []) if a.get("current")), None)
    setting = detail.get("current_setting") or {}
    first = str(detail.get("first_name") or "")
    last = str(detail.get("last_name") or "")
    known_as = detail.get("preferred_name") or first
    born = detail.get("date_of_birth")
    if isinstance(born, str):
        born = date.fromisoformat(born)
    context: dict[str, Any] = letterhead.as_fields()
    context["child"] = {
        "first_name": known_as or None,
        "last_name": last or None,
        "full_name": f"{known_as} {last}".strip() or None,
        "known_as": known_as or None,
        "date_of_birth": born,
        "upn": detail.get("upn"),
        "year_group": detail.get("year_group_label"),
        "reference": case_reference(detail.get("id")),
        "is_young_person": (detail.get("year_group") or 0) >= 12,
    }
    if spec.audience == "professional":
        name = inputs.get("recipient_name")
        address = inputs.get("recipient_address")
        context["recipient"] = {
            "name": name,
            "address": "\n".join(address) if address else None,
            "email": None,
            "relationship": "professional",
            "is_young_person": False,
        }
    else:
        member = recipient or {}
        address = _address_lines(
            member.get("address") or detail.get("address"),
            member.get("postcode") or (None if member.get("address") else detail.get("postcode")),
        )
        young = member.get("relationship") == "young_person"
        context["recipient"] = {
            "name": member.get("name"),
            "address": "\n".join(address) if address else None,
            "email": member.get("email"),
            "relationship": member.get("relationship_label") or member.get("relationship"),
            "is_young_person": young,
        }
    context["caseworker"] = {
        "name": current.get("caseworker") if current else None,
        "phone": current.get("caseworker_phone") if current else None,
        "email": current.get("caseworker_email") if current else None,
        "team": current.get("team") if current else None,
    }
    context["setting"] = {
        "name": setting.get("name"),
        "address": ", ".join(_address_lines(setting.get("address"), setting.get("postcode")))
        or None,
    }
    context["letter"] = {
        "date": letter_date,
        "reference": case_reference(detail.get("id")),
    }
    context["missed"] = dict(missed_fields(missed))
    context["appeal"] = {
        "counted_from": None,
        "two_months": None,
        "later_because": None,
        **(appeal or {}),
    }
    context["input"] = dict(inputs)
    all_dates: dict[str, Any] = dict(dates)
    for item in spec.dates:
        if item.from_input:
            base = inputs.get(item.from_input)
            all_dates[item.name] = (
                base + timedelta(days=item.offset_days) if isinstance(base, date) else None
            )
    context["dates"] = all_dates
    return context


def _value(context: Mapping[str, Any], path: str) -> Any:
    root, _, name = path.partition(".")
    space = context.get(root)
    return space.get(name) if isinstance(space, Mapping) else None


def missing_fields(spec: TemplateSpec, context: Mapping[str, Any]) -> list[str]:
    """The template's required fields that have no value in this case."""
    wanted = list(spec.fields)
    # Every letter names the caseworker and how to reach them directly.
    wanted += ["caseworker.name", "caseworker.phone", "caseworker.email", "recipient.name"]
    if spec.audience == "family" or spec.audience == "professional":
        wanted.append("recipient.address")
    missing = []
    for path in dict.fromkeys(wanted):
        value = _value(context, path)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(path)
    for item in spec.dates:
        if _value(context, f"dates.{item.name}") is None and not item.from_input:
            missing.append(f"dates.{item.name}")
    return missing


def _missing_messages(paths: Sequence[str], spec: TemplateSpec) -> list[str]:
    from send_desk.letters.templating import _missing_message

    messages = []
    for path in paths:
        if path.startswith("dates."):
            item = next(d for d in spec.dates if d.name == path.removeprefix("dates."))
            messages.append(
                f"The letter needs {item.label}, and the statutory clock cannot work it out "
                "from this child's events: check the events on the record."
            )
        elif path == "recipient.address" and spec.audience == "professional":
            messages.append("The letter needs the professional's address: fill it in.")
        elif path == "recipient.name" and spec.audience == "professional":
            messages.append("The letter needs the professional's name: fill it in.")
        elif path == "recipient.name":
            messages.append(
                "The letter needs someone to send it to: add the family's main contact "
                "(Family and contacts on the child's record)."
            )
        else:
            messages.append(_missing_message(path))
    return messages


# ------------------------------------------------------------------ composing


def _easy_read(blocks: Sequence[LetterBlock]) -> list[LetterBlock]:
    """One sentence a line: each sentence of a paragraph becomes its own paragraph."""
    out: list[LetterBlock] = []
    for block in blocks:
        if block.kind != "paragraph" or any(run.bold for run in block.runs):
            out.append(block)
            continue
        for sentence in sentences_of(block.text):
            out.append(LetterBlock("paragraph", (Run(sentence),), block.section))
    return out


def compose(
    library: TemplateLibrary,
    spec: TemplateSpec,
    context: Mapping[str, Any],
    *,
    variant: str = "standard",
    letterhead: Letterhead,
) -> Composed:
    """Render the template for this context; raises MissingField naming what to fill in."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}")
    missing = missing_fields(spec, context)
    if missing:
        raise MissingField(missing, _missing_messages(missing, spec))
    easy = variant == "easy_read"
    template = library.get(spec.name, easy_read=easy)
    markup = template.render(context)
    blocks = parse_markup(markup)
    title_block = next((b for b in blocks if b.kind == "title"), None)
    title = title_block.text if title_block else spec.title
    if easy and not library.has_easy_text(spec.name):
        blocks = _easy_read(blocks)
    caseworker = context["caseworker"]
    if spec.audience == "family":
        for line in FORMATS_LINES_EASY if easy else (FORMATS_LINE,):
            blocks.append(LetterBlock("paragraph", (Run(line.format(phone=caseworker["phone"])),)))
    council = dict(letterhead.as_fields()["council"])
    council["address_lines"] = list(letterhead.council.get("address", []))
    recipient = context["recipient"]
    team = caseworker.get("team")
    letter = Letter(
        template=spec.name,
        title=title,
        variant=variant,
        letter_date=context["letter"]["date"],
        reference=context["letter"]["reference"],
        recipient_name=str(recipient["name"]),
        recipient_address=tuple(str(recipient["address"]).splitlines()),
        salutation=f"Dear {recipient['name']},",
        blocks=tuple(blocks),
        signoff="Yours sincerely,",
        caseworker_name=str(caseworker["name"]),
        caseworker_role="SEND caseworker" + (f", {team} team" if team else ""),
        caseworker_phone=str(caseworker["phone"]),
        caseworker_email=str(caseworker["email"]),
        council=council,
        sections_required=spec.sections,
        appealable=spec.appealable,
    )
    return Composed(letter, check_letter(letter), dict(context))


def check_letter(letter: Letter) -> LetterCheck:
    """The plain-English check of a composed letter (its body, with its own sections)."""
    return check_letter_text(
        letter.body_text(),
        required_sections=letter.sections_required,
        appealable=letter.appealable,
        letter_date=letter.letter_date,
    )


def with_variant(composed: Composed, variant: str) -> Letter:
    return replace(composed.letter, variant=variant)


def describe_date(value: date | datetime | None) -> str:
    return full_date(value) if value else ""
