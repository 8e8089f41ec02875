"""The manifest of letter templates (``resources/letters/manifest.toml``), as data.

Each template names its purpose, the events or milestones that offer it, the merge
fields it needs, whether it is an appealable decision (and so must carry the sections
the law requires), what the caseworker types in (``inputs``), the dates the statutory
clock works out for it (``dates``) and the events saving or sending it records.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from send_desk.domain.event_types import EVENT_TYPES
from send_desk.letters.fields import CATALOGUE
from send_desk.resources import resource_path

INPUT_KINDS = ("text", "lines", "date", "time", "choice", "milestone")
AUDIENCES = ("family", "professional")
RECORD_WHEN = ("saved", "sent")
VARIANTS = ("standard", "large_print", "easy_read")
VARIANT_LABELS = {
    "standard": "Standard",
    "large_print": "Large print",
    "easy_read": "Easy read",
}


class ManifestError(ValueError):
    """The manifest is not valid; the message names the template and the key."""


@dataclass(frozen=True)
class TemplateInput:
    name: str
    label: str
    kind: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()
    help: str = ""
    # needed only while the missed time limit is still open ("the new date"): a letter
    # about work already done promises no date for it
    required_while_open: bool = False


@dataclass(frozen=True)
class DateSpec:
    """A date the clock works out: the due date of ``milestone`` (with ``event`` added on
    the letter date first, unless the child has it already)."""

    name: str
    milestone: str
    label: str
    event: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    # or a date counted from a date the caseworker gives (a meeting: 14 days before)
    from_input: str | None = None
    offset_days: int = 0
    # a period the letter gives the reader (15 days to comment, 2 months to appeal):
    # counted from the later of the event and the letter's own date, never from an
    # older event alone, so the reader always has the whole period
    from_letter: bool = False


@dataclass(frozen=True)
class Offer:
    """When the app offers the template for a child (any one offer is enough).

    kind: ``milestone`` (open: pending or overdue), ``event`` (the child's latest event
    of that type, matching ``where``, within ``within_days``), ``missed`` (a milestone
    overdue or done late) or ``always``.
    """

    kind: str
    name: str = ""
    where: dict[str, Any] = field(default_factory=dict)
    within_days: int = 120


@dataclass(frozen=True)
class RecordSpec:
    event: str
    details: dict[str, Any]
    when: str = "saved"


@dataclass(frozen=True)
class TemplateSpec:
    name: str
    title: str
    purpose: str
    file: str
    audience: str = "family"
    appealable: bool = False
    fields: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    inputs: tuple[TemplateInput, ...] = ()
    dates: tuple[DateSpec, ...] = ()
    offered_by: tuple[Offer, ...] = ()
    records: tuple[RecordSpec, ...] = ()
    easy_file: str | None = None

    def input(self, name: str) -> TemplateInput | None:
        return next((item for item in self.inputs if item.name == name), None)

    @property
    def required_sections(self) -> tuple[str, ...]:
        return self.sections

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "purpose": self.purpose,
            "audience": self.audience,
            "appealable": self.appealable,
            "fields": list(self.fields),
            "sections": list(self.sections),
            "inputs": [
                {
                    "name": item.name,
                    "label": item.label,
                    "kind": item.kind,
                    "required": item.required,
                    "required_while_open": item.required_while_open,
                    **({"choices": list(item.choices)} if item.choices else {}),
                }
                for item in self.inputs
            ],
            "dates": [
                {"name": d.name, "label": d.label, "milestone": d.milestone} for d in self.dates
            ],
            "offered_by": [
                {
                    "kind": o.kind,
                    **({"name": o.name} if o.name else {}),
                    **({"where": o.where} if o.where else {}),
                }
                for o in self.offered_by
            ],
            "records": [
                {"event": r.event, "details": r.details, "when": r.when} for r in self.records
            ],
            "variants": list(VARIANTS),
        }


@dataclass(frozen=True)
class Manifest:
    folder: Path
    templates: dict[str, TemplateSpec]
    appealable_sections: tuple[str, ...]
    section_labels: dict[str, str]
    section_keywords: dict[str, tuple[tuple[str, ...], ...]]

    def template(self, name: str) -> TemplateSpec:
        try:
            return self.templates[name]
        except KeyError:
            known = ", ".join(self.templates)
            raise ManifestError(f"no letter template '{name}' (templates: {known})") from None


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ManifestError(f"{where}: {key} must be text" + (" and is needed" if required else ""))
    return value.strip()


def _strings(entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ManifestError(f"{where}: {key} must be a list of text")
    return tuple(value)


def _inputs(raw: Any, where: str) -> tuple[TemplateInput, ...]:
    if not isinstance(raw, list):
        raise ManifestError(f"{where}: inputs must be a list of tables")
    out = []
    for index, entry in enumerate(raw):
        here = f"{where}: inputs[{index}]"
        name = _text(entry, "name", here)
        if not name.isidentifier():
            raise ManifestError(f"{here}: '{name}' is not a plain name (letters, digits, _)")
        kind = entry.get("kind", "text")
        if kind not in INPUT_KINDS:
            raise ManifestError(f"{here} ({name}): kind must be one of {', '.join(INPUT_KINDS)}")
        choices = _strings(entry, "choices", here)
        if kind == "choice" and not choices:
            raise ManifestError(f"{here} ({name}): a choice needs choices")
        out.append(
            TemplateInput(
                name=name,
                label=_text(entry, "label", here),
                kind=kind,
                required=bool(entry.get("required", True)),
                choices=choices,
                help=_text(entry, "help", here, required=False),
                required_while_open=bool(entry.get("required_while_open", False)),
            )
        )
    return tuple(out)


def _event_name(name: Any, where: str) -> str:
    if not isinstance(name, str) or name not in EVENT_TYPES:
        raise ManifestError(f"{where}: '{name}' is not a known event type")
    return name


def _dates(raw: Any, where: str) -> tuple[DateSpec, ...]:
    if not isinstance(raw, dict):
        raise ManifestError(f"{where}: dates must be a table of name = {{ milestone = ... }}")
    out = []
    for name, entry in raw.items():
        here = f"{where}: dates.{name}"
        if not isinstance(entry, dict):
            raise ManifestError(f"{here}: must be a table")
        event = entry.get("event")
        label = _text(entry, "label", here, required=False) or name.replace("_", " ")
        if "from_input" in entry:
            out.append(
                DateSpec(
                    name=name,
                    milestone="",
                    label=label,
                    from_input=_text(entry, "from_input", here),
                    offset_days=int(entry.get("offset_days", 0)),
                )
            )
            continue
        if entry.get("from_letter") and event is None:
            raise ManifestError(f"{here}: from_letter needs the event the period starts from")
        out.append(
            DateSpec(
                name=name,
                milestone=_text(entry, "milestone", here),
                label=label,
                event=_event_name(event, here) if event is not None else None,
                details=dict(entry.get("details", {})),
                from_letter=bool(entry.get("from_letter", False)),
            )
        )
    return tuple(out)


def _offers(raw: Any, where: str) -> tuple[Offer, ...]:
    if not isinstance(raw, list):
        raise ManifestError(f"{where}: offered_by must be a list")
    out = []
    for index, entry in enumerate(raw):
        here = f"{where}: offered_by[{index}]"
        if "milestone" in entry:
            out.append(Offer("milestone", _text(entry, "milestone", here)))
        elif "event" in entry:
            out.append(
                Offer(
                    "event",
                    _event_name(entry["event"], here),
                    dict(entry.get("where", {})),
                    int(entry.get("within_days", 120)),
                )
            )
        elif entry.get("missed"):
            out.append(Offer("missed"))
        elif entry.get("always"):
            out.append(Offer("always"))
        else:
            raise ManifestError(f"{here}: give milestone, event, missed = true or always = true")
    return tuple(out)


def _records(raw: Any, where: str) -> tuple[RecordSpec, ...]:
    if not isinstance(raw, list):
        raise ManifestError(f"{where}: records must be a list")
    out = []
    for index, entry in enumerate(raw):
        here = f"{where}: records[{index}]"
        event = _event_name(entry.get("event"), here)
        details = dict(entry.get("details", {}))
        known = {extra.name for extra in EVENT_TYPES[event].extras}
        unknown = sorted(set(details) - known)
        if unknown:
            raise ManifestError(f"{here}: '{event}' events have no field {', '.join(unknown)}")
        for key, value in details.items():
            if isinstance(value, str) and value.startswith(("input:", "missed:")):
                continue
            try:
                EVENT_TYPES[event].extras[
                    [x.name for x in EVENT_TYPES[event].extras].index(key)
                ].parse(value)
            except ValueError as error:
                raise ManifestError(f"{here}: {error}") from None
        when = entry.get("when", "saved")
        if when not in RECORD_WHEN:
            raise ManifestError(f"{here}: when must be saved or sent")
        out.append(RecordSpec(event, details, when))
    return tuple(out)


def load_manifest(folder: Path | None = None) -> Manifest:
    """Read and check the manifest (templates themselves are checked by the library)."""
    folder = folder or resource_path("letters")
    path = folder / "manifest.toml"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path.name}: not valid TOML: {error}") from None
    except OSError as error:
        raise ManifestError(f"{path}: cannot be read ({error.strerror})") from None
    sections = data.get("sections", {})
    if not isinstance(sections, dict):
        raise ManifestError(f"{path.name}: [sections] must be a table")
    labels: dict[str, str] = {}
    keywords: dict[str, tuple[tuple[str, ...], ...]] = {}
    for section_id, entry in sections.items():
        labels[section_id] = _text(entry, "label", f"sections.{section_id}")
        groups = entry.get("keywords", [])
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and all(isinstance(w, str) for w in g) for g in groups
        ):
            raise ManifestError(f"sections.{section_id}: keywords must be a list of lists")
        keywords[section_id] = tuple(tuple(w.lower() for w in group) for group in groups)
    appealable_sections = _strings(data, "appealable_sections", path.name)
    templates: dict[str, TemplateSpec] = {}
    for index, entry in enumerate(data.get("template", [])):
        where = f"{path.name}: template[{index}]"
        name = _text(entry, "name", where)
        where = f"{path.name}: template '{name}'"
        if name in templates:
            raise ManifestError(f"{where}: the name is used twice")
        audience = entry.get("audience", "family")
        if audience not in AUDIENCES:
            raise ManifestError(f"{where}: audience must be family or professional")
        fields = _strings(entry, "fields", where)
        for item in fields:
            if item not in CATALOGUE:
                raise ManifestError(f"{where}: '{item}' is not a merge field")
        appealable = bool(entry.get("appealable", False))
        own_sections = _strings(entry, "sections", where)
        all_sections = tuple(
            dict.fromkeys([*(appealable_sections if appealable else ()), *own_sections])
        )
        for section_id in all_sections:
            if section_id not in labels:
                raise ManifestError(f"{where}: section '{section_id}' is not in [sections]")
        file = _text(entry, "file", where)
        if not (folder / "templates" / file).is_file():
            raise ManifestError(f"{where}: templates/{file} is not there")
        easy = entry.get("easy_file")
        if easy is not None and not (folder / "templates" / str(easy)).is_file():
            raise ManifestError(f"{where}: templates/{easy} is not there")
        templates[name] = TemplateSpec(
            name=name,
            title=_text(entry, "title", where),
            purpose=_text(entry, "purpose", where),
            file=file,
            audience=audience,
            appealable=appealable,
            fields=fields,
            sections=all_sections,
            inputs=_inputs(entry.get("inputs", []), where),
            dates=_dates(entry.get("dates", {}), where),
            offered_by=_offers(entry.get("offered_by", []), where),
            records=_records(entry.get("records", []), where),
            easy_file=str(easy) if easy else None,
        )
    if not templates:
        raise ManifestError(f"{path.name}: no templates")
    return Manifest(folder, templates, appealable_sections, labels, keywords)


@lru_cache(maxsize=1)
def default_manifest() -> Manifest:
    return load_manifest()
