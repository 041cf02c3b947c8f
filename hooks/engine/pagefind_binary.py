"""Where Pagefind's program is: the npm package ``pagefind`` (tools/pagefind/package-lock.json pins it, with
the hash of each platform's binary), installed by ``./run.sh`` under the virtual environment, in
``<venv>/pagefind/`` (:data:`INSTALL_FOLDER`), so that every copy of the hooks run by that Python (tests,
benchmarks) finds the same program.

Pagefind's own variable ``PAGEFIND_BINARY_PATH``, when set, names another program (as Pagefind's npm and
Python wrappers read it). No MkDocs import here.
"""
from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path
from typing import Final

ENVIRONMENT_VARIABLE: Final = "PAGEFIND_BINARY_PATH"
INSTALL_FOLDER: Final = "pagefind"  # under sys.prefix: ./run.sh's `npm ci --prefix`
# The programs each platform package ships, the extended one first (as Pagefind's npm wrapper tries them).
PROGRAMS: Final = ("pagefind_extended", "pagefind")
# Python's names of processors against npm's (Node's os.arch()).
_CPUS: Final = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}


class PagefindMissing(Exception):
    """Pagefind's program is not where ./run.sh installs it: the message says what to run, in French."""


def install_folder() -> Path:
    return Path(sys.prefix) / INSTALL_FOLDER


def platform_package() -> str:
    """npm's name of this machine's package: ``@pagefind/linux-x64``, ``@pagefind/darwin-arm64``…"""
    system = "windows" if sys.platform == "win32" else sys.platform.rstrip("0123456789")
    machine = platform.machine().lower()
    return f"@pagefind/{system}-{_CPUS.get(machine, machine)}"


def executable() -> Path:
    """The program to run; :class:`PagefindMissing` when it is not installed."""
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        return Path(named)
    folder = install_folder() / "node_modules" / platform_package() / "bin"
    suffix = ".exe" if sys.platform == "win32" else ""
    for name in PROGRAMS:
        program = folder / f"{name}{suffix}"
        if program.is_file():
            return program
    raise PagefindMissing(
        f"recherche : Pagefind n'est pas installé (cherché dans {folder}). Lancez ./run.sh build, qui "
        f"l'installe depuis npm (version figée dans tools/pagefind/package-lock.json) ; sur une machine "
        f"sans paquet {platform_package()}, indiquez un programme Pagefind dans {ENVIRONMENT_VARIABLE}.")


def installed_version() -> str | None:
    """The version of the npm package installed under :func:`install_folder`, or None."""
    manifest = install_folder() / "node_modules" / "pagefind" / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None

