"""What every benchmark records about the code and the machine it measured."""
from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from engine import pagefind_binary  # noqa: E402  (Pagefind comes from npm, not from a Python package)


def package_version(name: str) -> str:
    """The installed version of a Python package, or of Pagefind's npm package for « pagefind »."""
    if name == "pagefind":
        return pagefind_binary.installed_version() or "not installed"
    return version(name)


def project_revision() -> str:
    """The commit measured, and whether the site's files had uncommitted changes (read-only git)."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.rstrip()
        except (OSError, subprocess.CalledProcessError):
            return ""
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "hooks", "docs", "overrides", "mkdocs.yml")
    return head + (" with uncommitted changes in " + ", ".join(sorted({line[3:] for line in dirty.splitlines()}))
                   if dirty else "")


def machine(packages: tuple[str, ...] = ("mkdocs", "mkdocs-material"), browser: str | None = None) -> str:
    """The machine (CPUs, system, Python), the versions of ``packages`` and, if given, of the browser."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    parts = [f"{os.cpu_count()} CPU ({cpu})", f"{platform.system()} {platform.release()}",
             f"Python {platform.python_version()}", *(f"{name} {package_version(name)}" for name in packages)]
    if browser:
        parts.append(subprocess.run([browser, "--version"], capture_output=True, text=True).stdout.strip())
    return ", ".join(parts)
