"""Quick content check for contributors: the strict build into a temporary folder, content errors only.

Usage: ./run.sh verifier [--config-file mkdocs.yml]

Prints one line per content error, ``fichier:ligne : message`` (the same checks as
the full build: front matter, vocabularies, glossary, identifiers, UTF-8, links and
anchors, orphan pages), then a one-line verdict in French; exit code 0 or 1. No
browser, no test suite. Under GitHub Actions (``GITHUB_ACTIONS=true``), each error is
also an annotation on its line, and the job summary lists the errors or, when all is
well, the pages the pull request adds or changes with their future address.
"""
from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, ConfigurationError, PluginError  # noqa: E402

from engine import build as engine_build  # noqa: E402
from engine import report as hooks_report  # noqa: E402
from guide_ess.content.problems import Problem  # noqa: E402

import github_report  # noqa: E402


class _Collect(logging.Handler):
    """The warnings and errors MkDocs itself logs during the build: the content problems are read from
    the build (engine/build.py), not from what the hooks log of them (engine/report.py)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # « Error reading page 'x.md': » only says which page the hooks stopped on: they told why, in French
        stopped_on_page = message.startswith("Error reading page ") and message.endswith(":")
        if record.name != hooks_report.log.name and not message.startswith("Aborted with") and not stopped_on_page:
            self.problems.append(Problem("mkdocs", "", message))


def check(config_file: Path) -> tuple[list[Problem], int]:
    """Build the site strictly into a temporary folder; return the findings and the number of pages."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers, logger.propagate = [collect], False
    logger.setLevel(logging.INFO)
    findings: list[Problem] = []
    stopped = ""
    pages = 0
    old_cwd = Path.cwd()
    os.chdir(config_file.parent)
    try:
        with tempfile.TemporaryDirectory(prefix="verifier-") as site_dir:
            config = load_config(str(config_file), site_dir=site_dir, strict=True)
            config.extra[engine_build.NO_SEARCH_INDEX] = True  # the check needs no search index
            try:
                build(config)
            except (Abort, PluginError, ConfigurationError):
                pass
            state = engine_build.of(config)
            findings = list(state.problems)
            stopped = hooks_report.summary(len(findings))  # MkDocs logs it again when the hooks stop the build
            pages = sum(1 for _ in Path(site_dir).rglob("*.html")) if not findings else 0
    finally:
        os.chdir(old_cwd)
        logger.handlers, logger.propagate, logger.level = saved
    return findings + [p for p in collect.problems if p.message != stopped], pages


def report(findings: Sequence[Problem], pages: int, seconds: float, env: dict[str, str], repo: Path = ROOT) -> str:
    """Print the findings and the verdict; under GitHub Actions, the annotations and the job summary."""
    for finding in findings:
        print(finding)
    on_github = env.get("GITHUB_ACTIONS") == "true"
    if on_github:
        for finding in findings:
            title = f"Erreur de contenu : champ « {finding.field} »" if finding.field else "Erreur de contenu"
            print(github_report.annotation(finding.path, finding.line or None, title, finding.message))
    if findings:
        verdict = (f"Vérification échouée : {len(findings)} erreur{'s' if len(findings) > 1 else ''} à corriger "
                   f"({seconds:.0f} s).")
    else:
        verdict = f"Vérification réussie : aucune erreur, {pages} pages construites ({seconds:.0f} s)."
    print(verdict)
    if on_github and env.get("GITHUB_STEP_SUMMARY"):
        summary = github_report.summary_errors(findings)
        base = env.get("GITHUB_BASE_REF", "")
        if not findings and base:
            try:
                changes = github_report.changed_pages(f"origin/{base}", env.get("SITE_URL", ""), repo)
                summary += "\n" + github_report.summary_pages(changes)
            except (OSError, subprocess.CalledProcessError):
                summary += f"\nLes pages modifiées n'ont pas pu être listées (branche « origin/{base} » introuvable).\n"
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary)
    return verdict


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    start = time.monotonic()
    findings, pages = check(args.config_file.resolve())
    report(findings, pages, time.monotonic() - start, dict(os.environ), args.config_file.resolve().parent)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
