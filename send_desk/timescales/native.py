"""The clock's engine compiled with mypyc, and a guard against running a stale build.

Installing SEND Desk (``pip install .`` or ``-e .``, see ``setup.py``) compiles
:mod:`send_desk.timescales.engine` and the modules it is split into
(:data:`COMPILED_MODULES`) with mypyc, the compiler that mypy and black ship
with: the same Python source, made into a C extension, runs a 20,000-child recompute in
about half the time. Where no C compiler is found the build carries on without it, and
the engine runs interpreted, with the same results.

The build records the SHA-256 of each source it compiled (:data:`BUILD_RECORD`, beside
the extension). An editable install keeps the extension next to the source, and Python
prefers an extension to a ``.py`` of the same name; so a source edited (or checked out)
after the build would be silently ignored. :func:`guard` runs before the engine is first
imported and, when a recorded hash no longer matches the source, imports the source
instead and says so. ``SEND_DESK_PURE_PYTHON=1`` runs the source whatever was built.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PACKAGE = "send_desk.timescales"
# what setup.py compiles, in this package, as one group (one shared library: the modules
# call each other in C, so a group runs whole, compiled or from source, never mixed)
COMPILED_MODULES = ("engine", "rule_plan", "run_state", "walkers", "checks")
BUILD_RECORD = "compiled.json"  # {module: sha256 of the source it was built from}
PURE_ENV = "SEND_DESK_PURE_PYTHON"

log = logging.getLogger(__name__)
_FOLDER = Path(__file__).resolve().parent


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def extension_of(folder: Path, module: str) -> Path | None:
    """The compiled module beside ``module``'s source, if there is one."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        found = folder / f"{module}{suffix}"
        if found.exists():
            return found
    return None


def stale_modules(folder: Path = _FOLDER, modules: Sequence[str] = COMPILED_MODULES) -> list[str]:
    """The modules whose compiled build is not made from the source beside it.

    With no build at all nothing is stale; a module with no source to compare (a frozen
    app ships only the build) is not stale. Where some modules were built, one with a
    source but no build is stale too: the build is of an older set of modules."""
    try:
        record = json.loads((folder / BUILD_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    built = {module for module in modules if extension_of(folder, module) is not None}
    if not built:
        return []
    stale = []
    for module in modules:
        source = folder / f"{module}.py"
        if not source.exists():
            continue
        if module not in built:
            stale.append(module)
            continue
        if not isinstance(record, dict) or record.get(module) != source_hash(source):
            stale.append(module)
    return stale


def run_from_source(stale: Sequence[str], modules: Sequence[str] = COMPILED_MODULES) -> list[str]:
    """The modules to import from source when ``stale`` are: all of them if any. The
    group's modules call each other inside one shared library, so a compiled module
    would go on calling the stale build of another."""
    return list(modules) if stale else []


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Imports these modules from their ``.py`` even where a compiled build sits beside it."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        source = self.sources.get(fullname)
        if source is None:
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def guard() -> None:
    """Run the source of any compiled module that is stale (or of all, with
    ``SEND_DESK_PURE_PYTHON``). Called by the package before the engine is imported."""
    if any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        return
    if os.environ.get(PURE_ENV):
        chosen = list(COMPILED_MODULES)
    else:
        stale = stale_modules()
        chosen = run_from_source(stale)
        if stale:
            log.warning(
                "The compiled clock engine (%s) was built from an older source: running "
                "the source instead (same results, slower). Reinstall to rebuild it: "
                "pip install -e .",
                ", ".join(stale),
            )
    sources = {f"{PACKAGE}.{m}": _FOLDER / f"{m}.py" for m in chosen}
    sources = {name: path for name, path in sources.items() if path.exists()}
    if sources:
        sys.meta_path.insert(0, _SourceFirst(sources))


def engine_build() -> str:
    """``compiled`` when the engine in use is the mypyc build, else ``interpreted``."""
    from send_desk.timescales import engine

    return "interpreted" if str(engine.__file__).endswith(".py") else "compiled"
