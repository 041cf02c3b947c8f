"""Dates of creation and last change of every page, read from git history.

One ``git log`` over docs/ gives every date at once (cost linear in history).
Outside a git checkout, or for files never committed, there is no date.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Dates:
    """When a page was first committed and last changed (Unix time, UTC)."""

    created: int
    updated: int


def page_dates(repo_root: Path, docs_dir: Path) -> dict[str, Dates]:
    """Map each file path relative to docs/ to its dates; {} when git has none."""
    try:
        rel_docs = docs_dir.resolve().relative_to(repo_root.resolve()).as_posix()
        proc = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", rel_docs],
            cwd=repo_root, capture_output=True, text=True, check=True,
        )
    except (OSError, ValueError, subprocess.CalledProcessError):
        return {}
    return parse_log(proc.stdout, rel_docs)


def parse_log(log: str, rel_docs: str) -> dict[str, Dates]:
    """Parse ``git log --format=%x00%ct --name-only`` output (newest commit first)."""
    dates: dict[str, Dates] = {}
    prefix = rel_docs.rstrip("/") + "/"
    for block in log.split("\x00")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        stamp = int(lines[0])
        for name in lines[1:]:
            if not name.startswith(prefix):
                continue
            path = name[len(prefix):]
            known = dates.get(path)
            dates[path] = Dates(created=stamp, updated=known.updated if known else stamp)
    return dates
