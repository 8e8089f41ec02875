"""Two things pyproject.toml cannot say.

1. Copy the top-level resources/ folder into the wheel. Resources stay at the top of
   the repository (the layout the project agreed on), so a regular build copies them
   to send_desk/_resources, where send_desk.resources looks for them.
2. Compile the statutory clock's engine (its modules, COMPILED) with mypyc (the
   compiler mypy and black ship with): the same Python source as a C extension, which
   recomputes a 20,000-child caseload in about half the time (README, "Performance").
   It is optional: with no C compiler, or with SEND_DESK_PURE_PYTHON=1, the build goes
   on and the engine runs interpreted, with the same results. The SHA-256 of each
   compiled source is written beside the extension so send_desk.timescales.native never
   runs a stale build.
"""

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
PACKAGE_DIR = Path("send_desk") / "timescales"
# keep in step with send_desk.timescales.native.COMPILED_MODULES
COMPILED = ("engine", "rule_plan", "run_state", "walkers", "checks")
# One group: mypyc compiles these modules into one shared library (beside them in the
# package, named for the group) and calls across them in C; a module shim each.
GROUP = "send_desk.timescales.clock"
BUILD_RECORD = "compiled.json"


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib) / "send_desk" / "_resources"
            shutil.copytree(ROOT / "resources", target, dirs_exist_ok=True)


def _say(message: str) -> None:
    print(f"send-desk build: {message}", file=sys.stderr)


class OptionalCompiledClock(build_ext):
    """Build the engine's extension if a compiler is there; never fail the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any compiler or linker failure: stay interpreted
            _say(f"the clock engine was not compiled ({error}); it will run interpreted")
            return
        self._record()

    def _record(self) -> None:
        built = {
            module: hashlib.sha256((ROOT / PACKAGE_DIR / f"{module}.py").read_bytes()).hexdigest()
            for module in COMPILED
        }
        fullname = "send_desk.timescales." + COMPILED[0]
        target = Path(self.get_ext_fullpath(fullname)).parent / BUILD_RECORD
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(built, indent=1) + "\n", encoding="utf-8")
        _say(f"compiled the clock engine ({', '.join(COMPILED)}) with mypyc")


def _extensions() -> list:
    if os.environ.get("SEND_DESK_PURE_PYTHON"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not installed; the clock engine will run interpreted")
        return []
    try:
        return mypycify(
            [
                # not the project's mypy settings: their pydantic plugin is not in the
                # build environment, and the engine needs none of it
                f"--config-file={os.devnull}",
                "--ignore-missing-imports",
                *(str(PACKAGE_DIR / f"{module}.py") for module in COMPILED),
            ],
            opt_level="3",
            debug_level="0",
            group_name=GROUP,
        )
    except (Exception, SystemExit) as error:  # mypyc exits on a type error it refuses
        _say(f"mypyc could not translate the clock engine ({error}); it will run interpreted")
        return []


setup(
    cmdclass={"build_py": BuildPyWithResources, "build_ext": OptionalCompiledClock},
    ext_modules=_extensions(),
)
