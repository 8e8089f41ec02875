"""Letter templates: Jinja2 in a sandbox, where a blank is an error.

* The environment is Jinja2's :class:`ImmutableSandboxedEnvironment` with
  :class:`StrictUndefined`: a template can read its merge fields and nothing else
  (``{{ child.__class__ }}`` raises :class:`jinja2.exceptions.SecurityError`), and a
  field that is not there stops the letter.
* Every printed value goes through :func:`_finalize`: dates come out in full ("Friday
  12 June 2026"), and an empty or missing value raises :class:`MissingField` -- a
  letter never goes out with a blank where a name should be.
* Loading a template checks it: a syntax error, an unknown filter, a field that is
  not a merge field, an attribute beyond one (``child.first_name.upper``) or a field
  the manifest does not declare is refused, naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    nodes,
)
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from send_desk.letters.dates import clock_time, full_date, full_datetime
from send_desk.letters.fields import CATALOGUE, NAMESPACES
from send_desk.letters.manifest import Manifest, TemplateSpec, default_manifest
from send_desk.letters.settings import SECTIONS as LETTERHEAD_SECTIONS

# Filters a template may use (Jinja's others are not needed in a letter).
_SAFE_BUILTIN_FILTERS = ("upper", "lower", "capitalize", "title", "trim", "length", "join")
_MARKUP_START = re.compile(r"^\s*(#|-|>|\*|\d+[.)]\s|\\)")


class LetterTemplateError(ValueError):
    """A template cannot be used; the message names the file and the line."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None) -> None:
        where = file + (f", line {line}" if line else "")
        super().__init__(f"{where}: {message}" if where else message)
        self.file = file
        self.line = line


class MissingField(ValueError):
    """A merge field the letter needs has no value. ``fields`` are their paths."""

    def __init__(self, fields: list[str], messages: list[str] | None = None) -> None:
        self.fields = fields
        self.messages = messages or [_missing_message(path) for path in fields]
        super().__init__(" ".join(self.messages))


def _missing_message(path: str) -> str:
    info = CATALOGUE.get(path)
    if info is not None:
        # the label a caseworker knows, never the field's path ("caseworker.name")
        return f"The letter needs {info.label}: fill it in on {info.fill_in}."
    if path.startswith("input."):
        return f"The letter needs {path.removeprefix('input.').replace('_', ' ')}: fill it in."
    return f"The letter needs {path}: it has no value."


class Block(str):
    """Text a filter has already laid out as letter markup (bullets, lines)."""


class Lines(tuple[str, ...]):
    """An input of several lines (reasons, amendments): one item a line."""

    def __str__(self) -> str:
        return " ".join(self)


def _plain(value: str) -> str:
    """A merge value inside a line: one line, and never read as markup."""
    text = " ".join(value.split())
    if _MARKUP_START.match(text):
        text = "\\" + text
    return text


def _finalize(value: Any) -> Any:
    if isinstance(value, StrictUndefined):
        str(value)  # raises UndefinedError with Jinja's message
    if isinstance(value, Block):
        return str(value)
    if value is None or (isinstance(value, str | tuple | list) and not value):
        raise UndefinedError("a merge field printed in the letter has no value")
    if isinstance(value, datetime):
        return full_datetime(value)
    if isinstance(value, date):
        return full_date(value)
    if isinstance(value, time):
        return clock_time(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Lines | list | tuple):
        return _plain("; ".join(str(item) for item in value))
    return _plain(str(value))


def _bullets(value: Any) -> Block:
    items = list(value) if isinstance(value, Lines | list | tuple) else str(value).splitlines()
    lines = [_plain(str(item)) for item in items if str(item).strip()]
    if not lines:
        raise UndefinedError("a list printed in the letter is empty")
    return Block("\n".join(f"- {line.removeprefix(chr(92))}" for line in lines))


def _possessive(value: Any) -> str:
    text = str(value)
    return text + ("’" if text.endswith("s") else "’s")


def _words(value: Any) -> str:
    return str(value).replace("_", " ")


def make_environment(loader: BaseLoader | None = None) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    keep = {name: env.filters[name] for name in _SAFE_BUILTIN_FILTERS}
    env.filters.clear()
    env.filters.update(keep)
    env.filters["bullets"] = _bullets
    env.filters["possessive"] = _possessive
    env.filters["words"] = _words
    env.filters["full_date"] = lambda value: full_date(value)
    env.globals.clear()
    return env


# -------------------------------------------------------------- checking a template


@dataclass
class _Usage:
    printed: dict[str, int] = field(default_factory=dict)  # path -> first line
    files: dict[str, str] = field(default_factory=dict)  # path -> file of that line
    tested: set[str] = field(default_factory=set)


def _path(node: nodes.Node) -> tuple[list[str], nodes.Node] | None:
    """``child.first_name`` / ``child['first_name']`` -> (['child', 'first_name'], root)."""
    parts: list[str] = []
    current = node
    while True:
        if isinstance(current, nodes.Getattr):
            parts.append(current.attr)
            current = current.node
        elif isinstance(current, nodes.Getitem) and isinstance(current.arg, nodes.Const):
            parts.append(str(current.arg.value))
            current = current.node
        else:
            break
    if isinstance(current, nodes.Name):
        parts.append(current.name)
        return list(reversed(parts)), current
    return None


def _local_names(tree: nodes.Template) -> set[str]:
    names: set[str] = set()
    for node in tree.find_all((nodes.Assign, nodes.For, nodes.AssignBlock)):
        target: nodes.Node = node.target  # type: ignore[attr-defined]
        for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
            names.add(name.name)
    return names


def _walk_paths(node: nodes.Node, in_test: bool) -> Iterator[tuple[list[str], int, bool]]:
    """Every field path read in the template, its line, and whether it is in an if-test."""
    found = _path(node) if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name) else None
    if found is not None:
        parts, _root = found
        yield parts, node.lineno, in_test
        return
    if isinstance(node, nodes.If | nodes.CondExpr):
        yield from _walk_paths(node.test, True)
        for child in node.iter_child_nodes():
            if child is not node.test:
                yield from _walk_paths(child, in_test)
        return
    for child in node.iter_child_nodes():
        yield from _walk_paths(child, in_test)


def _with_includes(
    tree: nodes.Template, file: str, env: ImmutableSandboxedEnvironment, seen: tuple[str, ...]
) -> Iterator[tuple[list[str], int, bool, str, set[str]]]:
    """Paths of the template and of the parts it includes (checked the same way)."""
    local = _local_names(tree)
    for parts, line, in_test in _walk_paths(tree, False):
        yield parts, line, in_test, file, local
    for include in tree.find_all(nodes.Include):
        if not isinstance(include.template, nodes.Const):
            raise LetterTemplateError(
                "include a part by its name in quotes", file=file, line=include.lineno
            )
        name = str(include.template.value)
        if name in seen:
            raise LetterTemplateError(f"'{name}' includes itself", file=file, line=include.lineno)
        if env.loader is None:
            raise LetterTemplateError("parts cannot be included here", file=file)
        try:
            source, _filename, _uptodate = env.loader.get_source(env, name)
        except TemplateNotFound:
            raise LetterTemplateError(
                f"the part '{name}' is not there", file=file, line=include.lineno
            ) from None
        try:
            part = env.parse(source, name=name)
        except TemplateSyntaxError as error:
            raise LetterTemplateError(
                error.message or str(error), file=name, line=error.lineno
            ) from None
        yield from _with_includes(part, name, env, (*seen, name))


def check_fields(
    tree: nodes.Template,
    spec: TemplateSpec,
    file: str,
    env: ImmutableSandboxedEnvironment | None = None,
) -> _Usage:
    usage = _Usage()
    inputs = {item.name for item in spec.inputs}
    dates = {item.name for item in spec.dates}
    for parts, line, in_test, where, local in _with_includes(
        tree, file, env or make_environment(), (file,)
    ):
        root = parts[0]
        if root in local:
            continue
        dotted = ".".join(parts)
        if any(part.startswith("_") for part in parts):
            raise LetterTemplateError(
                f"'{dotted}' reaches beyond the merge fields (names starting with _ are "
                "not allowed)",
                file=where,
                line=line,
            )
        if root not in NAMESPACES:
            raise LetterTemplateError(
                f"unknown field '{dotted}' (fields start with {', '.join(sorted(NAMESPACES))})",
                file=where,
                line=line,
            )
        if len(parts) == 1:
            raise LetterTemplateError(
                f"'{root}' on its own is not a field: name one, such as {root}.name",
                file=where,
                line=line,
            )
        if len(parts) > 2:
            raise LetterTemplateError(
                f"'{dotted}' reaches beyond the merge field '{'.'.join(parts[:2])}' "
                "(use a filter, such as | upper)",
                file=where,
                line=line,
            )
        path = ".".join(parts)
        if root == "input":
            if parts[1] not in inputs:
                raise LetterTemplateError(
                    f"unknown field '{path}': the manifest gives this template no input "
                    f"'{parts[1]}'",
                    file=where,
                    line=line,
                )
        elif root == "dates":
            if parts[1] not in dates:
                raise LetterTemplateError(
                    f"unknown field '{path}': the manifest gives this template no date "
                    f"'{parts[1]}'",
                    file=where,
                    line=line,
                )
        elif path not in CATALOGUE:
            raise LetterTemplateError(f"unknown field '{path}'", file=where, line=line)
        if in_test:
            usage.tested.add(path)
        else:
            usage.printed.setdefault(path, line)
            usage.files.setdefault(path, where)
    declared = set(spec.fields)
    for path, line in usage.printed.items():
        root = path.split(".", 1)[0]
        if root in ("input", "dates", "appeal", *LETTERHEAD_SECTIONS):
            # declared in the manifest, the council's letterhead settings, or worked
            # out by the clock with the appeal date
            continue
        if path in declared or path in usage.tested:
            continue
        raise LetterTemplateError(
            f"'{path}' is used but the manifest does not list it in the template's fields",
            file=usage.files.get(path, file),
            line=line,
        )
    return usage


@dataclass(frozen=True)
class LetterTemplate:
    spec: TemplateSpec
    file: str
    source: str
    compiled: Any
    printed: dict[str, int]
    tested: frozenset[str]

    def render(self, context: Mapping[str, Any]) -> str:
        """The letter's markup. Raises MissingField (a blank) or SecurityError."""
        try:
            text: str = self.compiled.render(dict(context))
        except UndefinedError as error:
            raise MissingField([], [_undefined_message(str(error))]) from None
        except SecurityError:
            raise
        except TemplateError as error:
            line = getattr(error, "lineno", None)
            raise LetterTemplateError(str(error), file=self.file, line=line) from None
        return text


def _undefined_message(text: str) -> str:
    match = re.search(r"has no attribute '([^']+)'", text)
    if match:
        return f"The letter needs {match.group(1).replace('_', ' ')}: fill it in."
    return f"The letter needs a field that has no value ({text})."


def compile_template(
    env: ImmutableSandboxedEnvironment, spec: TemplateSpec, source: str, file: str
) -> LetterTemplate:
    try:
        tree = env.parse(source, name=file)
    except TemplateSyntaxError as error:
        raise LetterTemplateError(
            error.message or str(error), file=file, line=error.lineno
        ) from None
    usage = check_fields(tree, spec, file, env)
    try:
        compiled = env.from_string(source)
    except TemplateSyntaxError as error:  # an unknown filter or test
        raise LetterTemplateError(
            error.message or str(error), file=file, line=error.lineno
        ) from None
    return LetterTemplate(spec, file, source, compiled, usage.printed, frozenset(usage.tested))


class TemplateLibrary:
    """Every template of a manifest, checked when loaded."""

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self.env = make_environment(FileSystemLoader(str(manifest.folder / "templates")))
        self._templates: dict[tuple[str, bool], LetterTemplate] = {}
        for spec in manifest.templates.values():
            self._templates[(spec.name, False)] = self._load(spec, spec.file)
            if spec.easy_file:
                self._templates[(spec.name, True)] = self._load(spec, spec.easy_file)

    def _load(self, spec: TemplateSpec, file: str) -> LetterTemplate:
        path: Path = self.manifest.folder / "templates" / file
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise LetterTemplateError(f"cannot be read ({error})", file=file) from None
        return compile_template(self.env, spec, source, file)

    def get(self, name: str, *, easy_read: bool = False) -> LetterTemplate:
        spec = self.manifest.template(name)
        if easy_read and (spec.name, True) in self._templates:
            return self._templates[(spec.name, True)]
        return self._templates[(spec.name, False)]

    def has_easy_text(self, name: str) -> bool:
        return (name, True) in self._templates


_DEFAULT: TemplateLibrary | None = None


def default_library() -> TemplateLibrary:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = TemplateLibrary(default_manifest())
    return _DEFAULT
