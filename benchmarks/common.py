"""What both benchmarks record about the code they measured."""
from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
