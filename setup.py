"""Only here to copy the top-level resources/ folder into the wheel.

Everything else about the package is in pyproject.toml. Resources stay at the top of
the repository (the layout the project agreed on), so a regular build copies them
to send_desk/_resources, where send_desk.resources looks for them.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib) / "send_desk" / "_resources"
            shutil.copytree(Path(__file__).parent / "resources", target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithResources})
