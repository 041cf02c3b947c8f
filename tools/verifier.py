"""Quick content check for contributors: the strict build into a temporary folder, content errors only.

Usage: ./run.sh verifier [--config-file mkdocs.yml]

Prints one line per content error, ``fichier:ligne : message`` (the same checks as
the full build: front matter, vocabularies, glossary, identifiers, UTF-8, links and
anchors, orphan pages), then one line per page to review (a warning, not an error:
its facts were last checked more than 12 months ago, field ``verifie_le``), then a
one-line verdict in French; exit code 0 or 1 (warnings do not change it). No
browser, no test suite. Under GitHub Actions (``GITHUB_ACTIONS=true``), each error is
also an annotation on its line, and the job summary lists the errors or, when all is
well, the pages the pull request adds or changes with their future address.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from engine.verify import check  # noqa: E402
from guide_ess.core import Problem  # noqa: E402
from guide_ess.content.review import REVIEW_MONTHS  # noqa: E402

import github_report  # noqa: E402


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def report(findings: Sequence[Problem], pages: int, seconds: float, env: dict[str, str], repo: Path = ROOT,
           warnings: Sequence[Problem] = ()) -> str:
    """Print the findings, the warnings and the verdict; under GitHub Actions, the annotations and the job summary."""
    for finding in findings:
        print(finding)
    for warning in warnings:
        print(f"{warning.where} : avertissement, champ « {warning.field} » : {warning.message}")
    on_github = env.get("GITHUB_ACTIONS") == "true"
    if on_github:
        for finding in findings:
            title = f"Erreur de contenu : champ « {finding.field} »" if finding.field else "Erreur de contenu"
            print(github_report.annotation(finding.path, finding.line or None, title, finding.message))
        for warning in warnings:
            print(github_report.annotation(warning.path, warning.line or None, "Page à relire", warning.message,
                                           level="warning"))
    if findings:
        verdict = (f"Vérification échouée : {len(findings)} erreur{'s' if len(findings) > 1 else ''} à corriger "
                   f"({seconds:.0f} s).")
    else:
        verdict = f"Vérification réussie : aucune erreur, {pages} pages construites ({seconds:.0f} s)."
    if warnings:
        verdict += (f" {_plural(len(warnings), 'page à relire', 'pages à relire')} (faits vérifiés il y a plus de "
                    f"{REVIEW_MONTHS} mois) : un avertissement, pas une erreur.")
    print(verdict)
    if on_github and env.get("GITHUB_STEP_SUMMARY"):
        summary = github_report.summary_errors(findings)
        if warnings:
            summary += (f"\n### {_plural(len(warnings), 'page à relire', 'pages à relire')} (avertissement)\n\n"
                        + "".join(f"- `{w.path}` : {github_report.md_text(w.message)}\n" for w in warnings))
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
    findings, pages, warnings = check(args.config_file.resolve())
    report(findings, pages, time.monotonic() - start, dict(os.environ), args.config_file.resolve().parent, warnings)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
