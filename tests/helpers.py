"""Shared helpers for the tests: paths, builds, and the fixture site (tests/fixture/docs)."""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DOCS = Path(__file__).resolve().parent / "fixture" / "docs"
MKDOCS = Path(sys.executable).with_name("mkdocs")
# Two commits of the fixture project, for « Nouveautés » and the feed: everything, then one case changed.
HISTORY = (("2024-01-02T10:00:00+00:00", None), ("2024-03-05T10:00:00+00:00", "experiences/cas-lille.md"))


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """``directory`` served over HTTP on 127.0.0.1 (a free port) while the block runs; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@dataclass
class BuildResult:
    returncode: int
    output: str


def run_mkdocs(project: Path, site_dir: Path, strict: bool = True, env: dict[str, str] | None = None,
               engine: str = "mkdocs") -> BuildResult:
    """Build ``project`` with the real command line of ``engine`` (MkDocs, or ProperDocs: « properdocs »)
    and return its exit code and log."""
    args = [str(MKDOCS.with_name(engine)), "build", "--config-file", "mkdocs.yml", "--site-dir", str(site_dir)]
    if strict:
        args.append("--strict")
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    proc = subprocess.run(args, cwd=project, env=full_env, capture_output=True, text=True)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr)


def fixture_text(rel: str) -> str:
    """A file of the fixture site's docs/, as text (line ends kept)."""
    return (FIXTURE_DOCS / rel).read_bytes().decode("utf-8-sig")


def fixture_pages() -> list[tuple[str, bytes]]:
    """Every markdown page of the fixture site: (path relative to docs/, bytes)."""
    return sorted((p.relative_to(FIXTURE_DOCS).as_posix(), p.read_bytes()) for p in FIXTURE_DOCS.rglob("*.md"))


def make_project(base: Path, changes: dict[str, str | bytes | None] | None = None, history: bool = False) -> Path:
    """A project with the real config, hooks and theme, and the fixture site's pages, ``changes`` applied
    to docs/ (None deletes a file; bytes are written as they are). With ``history``, the project is a
    git repository with the two commits of HISTORY."""
    project = base / "projet"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(FIXTURE_DOCS, project / "docs")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    for rel, content in (changes or {}).items():
        path = project / "docs" / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if history:
        _commit_history(project)
    return project


def _commit_history(project: Path) -> None:
    def git(*args: str, date: str = "") -> None:
        env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_AUTHOR_NAME="Essai",
                   GIT_AUTHOR_EMAIL="essai@example.org", GIT_COMMITTER_NAME="Essai", GIT_COMMITTER_EMAIL="essai@example.org")
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    for date, changed in HISTORY:
        if changed is not None:
            with (project / "docs" / changed).open("a", encoding="utf-8") as page:
                page.write("\nUne mise à jour.\n")
        git("add", "-A")
        git("commit", "-q", "-m", "Essai", date=date)
