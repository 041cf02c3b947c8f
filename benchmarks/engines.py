"""Two engines side by side: the real site built with MkDocs and with ProperDocs, timed and compared.

Each engine builds the real site (strict, as ``./run.sh build --moteur …`` does) in a fresh
process, alternately, ``--runs`` times each; the first pair's outputs are compared page by
page with ``tools/compare_sites.py --sauf-generateur``. Reports the median wall time of each
engine, their ratio, the load average before and after, and the comparison.

Usage: .venv/bin/python benchmarks/engines.py [--runs 3]
Writes benchmarks/results/engines_timing.md (benchmarks/results/engines.md is the written
account: what differs, Zensical).
"""
from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import machine, project_revision

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "benchmarks" / "results" / "engines_timing.md"
ENGINES = ("mkdocs", "properdocs")


def build(engine: str, site_dir: Path) -> float:
    """Build the real site with ``engine`` into ``site_dir``; the wall time in seconds."""
    start = time.perf_counter()
    subprocess.run([str(BIN / engine), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site_dir)],
                   cwd=ROOT, check=True, capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load_before = os.getloadavg()
    times: dict[str, list[float]] = {engine: [] for engine in ENGINES}
    with tempfile.TemporaryDirectory(prefix="moteurs-") as scratch:
        for run in range(args.runs):
            for engine in ENGINES:
                times[engine].append(build(engine, Path(scratch) / f"{engine}-{run}"))
        compared = subprocess.run([sys.executable, str(ROOT / "tools" / "compare_sites.py"), f"{scratch}/mkdocs-0",
                                   f"{scratch}/properdocs-0", "--sauf-generateur"], capture_output=True, text=True)
    load_after = os.getloadavg()
    medians = {engine: statistics.median(values) for engine, values in times.items()}
    lines = [
        "# MkDocs and ProperDocs side by side (benchmarks/engines.py)",
        "",
        f"Measured {datetime.date.today().isoformat()} at {project_revision()}; {machine(('mkdocs', 'properdocs', 'mkdocs-material'))}.",
        f"Load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (a machine shared with other work: "
        "compare the two columns, made side by side, not the figures with another day's).",
        "",
        "| Engine | Runs (s) | Median (s) |",
        "|---|---|---|",
        *(f"| {engine} | {', '.join(f'{t:.2f}' for t in times[engine])} | {medians[engine]:.2f} |" for engine in ENGINES),
        "",
        f"ProperDocs / MkDocs: {medians['properdocs'] / medians['mkdocs']:.2f} × (real site, strict, search index included).",
        "",
        "Page-by-page comparison of the first pair (`tools/compare_sites.py --sauf-generateur`, exit code "
        f"{compared.returncode}):",
        "",
        "```",
        compared.stdout.strip(),
        "```",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return compared.returncode


if __name__ == "__main__":
    sys.exit(main())
