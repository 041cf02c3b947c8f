"""The hooks' own CPU per page at two commits, measured side by side on the same 1,000-case corpus.

The machine is shared: absolute CPU seconds move with the load, so the two commits are built
alternately, in fresh processes, on the same synthetic corpus (benchmarks/build_scaling.py's, seeded),
and compared by their medians and their ratio. Each build is timed by benchmarks/event_times.py
(every plugin and hook event, CPU seconds).

Usage: .venv/bin/python benchmarks/hooks_before_after.py OLD_COMMIT NEW_COMMIT [--cases 1000] [--runs 3]
       [--sans-champ verifie_le] [--texte naturel] [--resultats PATH]
Writes benchmarks/results/hooks_before_after.md (or PATH). Both commits must accept the same pages (docs/ of
NEW_COMMIT is used for both).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import build_scaling
from common import machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "hooks_before_after.md"


def checkout(commit: str, target: Path) -> None:
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit, "hooks", "overrides", "docs", "mkdocs.yml", "CONTRIBUTING.md"],
                             cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)


def hooks_cpu(project: Path, site: Path) -> tuple[float, float, int]:
    """(hooks' CPU seconds, whole build CPU seconds, HTML pages) of one build of ``project``."""
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "event_times.py"), str(project / "mkdocs.yml"),
                           str(site)], cwd=project, capture_output=True, text=True,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if proc.returncode != 0:
        raise SystemExit(f"{project}: the build failed\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    out = proc.stdout
    times = json.loads(out.strip().splitlines()[-1])
    hooks = sum(v for k, v in times["events"].items() if k.endswith(" hooks"))
    return hooks, times["total"], sum(1 for _ in site.rglob("*.html"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sans-champ", action="append", default=[], dest="drop",
                        help="a front-matter field to remove from every page (one the old commit does not know)")
    parser.add_argument("--texte", choices=build_scaling.TEXTS, default=build_scaling.TEXTS[0],
                        help="the synthetic cases' text (build_scaling.py's corpora)")
    parser.add_argument("--resultats", type=Path, default=RESULTS, help="where to write the results")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="hooks-before-after-"))
    load = [os.getloadavg()[0]]
    results: dict[str, list[tuple[float, float, int]]] = {args.old: [], args.new: []}
    try:
        template = base / "template"
        checkout(args.new, template)
        corpus = build_scaling.make_corpus(base, template, args.cases, args.texte)
        for page in (corpus / "docs").rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            kept = "".join(line for line in text.splitlines(keepends=True)
                           if not any(line.startswith(f"{name}:") for name in args.drop))
            if kept != text:
                page.write_text(kept, encoding="utf-8")
        projects = {args.new: corpus, args.old: base / "old"}
        shutil.copytree(corpus, projects[args.old])
        old_code = base / "old-code"
        checkout(args.old, old_code)
        for folder in ("hooks", "overrides"):
            shutil.rmtree(projects[args.old] / folder)
            shutil.copytree(old_code / folder, projects[args.old] / folder)
        shutil.copy(old_code / "mkdocs.yml", projects[args.old] / "mkdocs.yml")
        for run in range(args.runs):
            for commit in (args.old, args.new):
                results[commit].append(hooks_cpu(projects[commit], base / f"site-{commit}-{run}"))
                print(commit, run, results[commit][-1], flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    load.append(os.getloadavg()[0])
    per_page = {c: statistics.median(h / pages * 1000 for h, _, pages in r) for c, r in results.items()}
    share = {c: statistics.median(h / total for h, total, _ in r) for c, r in results.items()}
    lines = [
        "# The hooks' own CPU per page, before and after (benchmarks/hooks_before_after.py)",
        "",
        f"Measured {datetime.date.today().isoformat()}; {machine()}; {args.cases} case studies "
        f"({results[args.new][0][2]} HTML pages, text: {args.texte}), {args.runs} builds of each commit, alternated.",
        f"Load average (1 min) at start / end: {load[0]:.2f} / {load[1]:.2f}: a machine shared with other work, "
        "so compare the two rows (made side by side) and their ratio, not the figures with another day's.",
        "",
        "| Commit | Hooks' CPU per page, each build (ms) | Median (ms) | Hooks' share of the build's CPU (median) |",
        "|---|---|---:|---:|",
        *(f"| {c} | {', '.join(f'{h / p * 1000:.2f}' for h, _, p in r)} | {per_page[c]:.2f} | {share[c]:.1%} |"
          for c, r in results.items()),
        "",
        f"New / old: {per_page[args.new] / per_page[args.old]:.2f} × (hooks' CPU per page).",
        "",
    ]
    args.resultats.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
