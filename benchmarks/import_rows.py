"""Spreadsheet import: rows checked and written per second at 1,000 and 10,000 rows, and the build time
of the site they produce.

The sheets are made from the site's own published data (the records of its real case pages, as
``donnees/experiences.csv`` holds them), each row with a new identifier and title, written as XLSX
(openpyxl), ODS (odfpy) and CSV. Each import runs in a fresh process on a fresh copy of the project
(``tools/importer.py``'s ``run`` without its final build: read, check every row with the core among the
site's pages, write the pages); the build the command then runs is measured apart: each build is ``mkdocs build --strict`` of the project with the imported pages, search index
included, in a fresh process.

Usage: .venv/bin/python benchmarks/import_rows.py [--sizes 1000 10000] [--runs 3] [--build-sizes 1000 10000]
Writes benchmarks/results/import_rows.md.
"""
from __future__ import annotations

import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import machine, project_revision

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))
from guide_ess import kinds  # noqa: E402
from guide_ess.data import opendata, rows  # noqa: E402
from guide_ess.data.columns import CASE_KIND, columns_of  # noqa: E402

import spreadsheets  # noqa: E402  (tests/spreadsheets.py: real files by real libraries)

RESULTS = ROOT / "benchmarks" / "results" / "import_rows.md"
MKDOCS = Path(sys.executable).with_name("mkdocs")
TARGET_SECONDS_1000 = 10.0  # 1,000 rows checked and written


def sheet(n: int) -> list[list[Any]]:
    """A header of column labels and ``n`` rows made from the real case pages."""
    docs = ROOT / "docs"
    corpus = kinds.load(rows.site_pages(docs), (docs / ".vocabulaires.yml").read_text(encoding="utf-8"),
                        (docs / ".glossaire.yml").read_text(encoding="utf-8"))
    columns = columns_of(CASE_KIND)
    records = opendata.records(corpus, columns, lambda path: "")
    out: list[list[Any]] = [[c.label for c in columns]]
    for i in range(n):
        record = dict(records[i % len(records)], id=f"import-mesure-{i:05d}", title=f"Expérience importée n° {i}")
        out.append(["\n".join(v) if isinstance(v, list) else v for v in (record[c.key] for c in columns)])
    return out


def project_copy(base: Path, name: str) -> Path:
    project = base / name
    for folder in ("hooks", "overrides", "docs", "tools"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for file in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / file, project / file)
    return project


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """Wall and CPU seconds, peak memory (kB) and output of a fresh process."""
    start = time.monotonic()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {})))
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} a échoué :\n{out[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out


def import_once(path: Path, base: Path, name: str) -> tuple[float, float, int, Path]:
    project = project_copy(base, name)
    code = ("import sys; sys.path.insert(0, 'tools'); import importer; from pathlib import Path; "
            f"sys.exit(importer.run(Path({str(path)!r}), Path('.'), build=False))")
    wall, cpu, memory, out = timed([sys.executable, "-c", code], project)
    written = len(list((project / "docs" / "experiences").glob("import-mesure-*.md")))
    if written != int(path.stem.split("-")[1]):
        raise RuntimeError(f"{written} pages écrites :\n{out[-2000:]}")
    return wall, cpu, memory, project


def make_sheet(n: int, path: Path) -> None:
    """Write the sheet of ``n`` rows (run in its own process: the measuring process stays small, since a
    child's peak memory counts the memory of the process it was forked from)."""
    spreadsheets.write(path, sheet(n))


def main() -> int:
    if sys.argv[1:2] == ["--make-sheet"]:
        make_sheet(int(sys.argv[2]), Path(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="timed imports per size and format")
    parser.add_argument("--build-sizes", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args()
    started = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    revision = project_revision()
    load_start = os.getloadavg()[0]
    import_lines, build_lines = [], []
    verdict = ""
    with tempfile.TemporaryDirectory(prefix="import-bench-") as tmp:
        base = Path(tmp)
        for n in args.sizes:
            for suffix in (".xlsx", ".ods", ".csv"):
                path = base / f"lignes-{n}{suffix}"
                subprocess.run([sys.executable, __file__, "--make-sheet", str(n), str(path)], check=True)
                walls, cpus, memories = [], [], []
                for run in range(args.runs if n <= 1000 else 1):
                    wall, cpu, memory, project = import_once(path, base, f"p-{n}-{suffix[1:]}-{run}")
                    walls.append(wall)
                    cpus.append(cpu)
                    memories.append(memory)
                    if run or suffix != ".csv" or n not in args.build_sizes:
                        shutil.rmtree(project)
                    else:
                        build_wall, build_cpu, build_memory, _ = timed(
                            [str(MKDOCS), "build", "--strict", "--site-dir", str(base / f"site-{n}")], project)
                        build_lines.append(f"| {n:,} | {build_wall:.1f} | {build_cpu:.1f} | {build_memory // 1024} |")
                        shutil.rmtree(project)
                        shutil.rmtree(base / f"site-{n}")
                wall = statistics.median(walls)
                import_lines.append(f"| {n:,} | {suffix[1:].upper()} | {path.stat().st_size / 1e6:.1f} | {wall:.2f} | "
                                    f"{statistics.median(cpus):.2f} | {n / wall:,.0f} | {max(memories) // 1024} | "
                                    f"{len(walls)} |")
                if n == 1000:
                    ok = max(walls) < TARGET_SECONDS_1000
                    verdict += f"{suffix[1:].upper()} {max(walls):.2f} s {'PASS' if ok else 'FAIL'}; "
                print(import_lines[-1], flush=True)
    report = [
        "# Spreadsheet import (`./run.sh importer FICHIER`)", "",
        f"- Date: {started}; project: commit {revision}",
        f"- Machine: {machine(('mkdocs', 'mkdocs-material', 'python-calamine', 'openpyxl', 'odfpy'))}",
        f"- Load average (1 min) at start / end: {load_start:.2f} / {os.getloadavg()[0]:.2f} (the machine is shared)",
        "- Rows made from the real case pages (new identifier and title each); every import in a fresh process on "
        "a fresh copy of the project: read the file, check every row with the core among the site's pages, write "
        "one page per row (`run(..., build=False)`: the strict build `./run.sh importer` runs next is the second "
        "table). Wall time includes Python's start and the imports of the modules; CPU time is user + system of "
        "the import's process; peak memory is its maximum resident set (os.wait4).", "",
        "| Rows | Format | File MB | Median wall s | Median CPU s | Rows checked and written per s | Peak MB | Runs |",
        "|---:|---|---:|---:|---:|---:|---:|---:|", *import_lines, "",
        f"Target: 1,000 rows checked and written in under {TARGET_SECONDS_1000:.0f} s (slowest run) — {verdict.rstrip('; ')}.",
        "", "## Build of the site the import produced (CSV import; `mkdocs build --strict`, search index included, "
        "one run)", "", "| Imported rows | Wall s | CPU s | Peak MB |", "|---:|---:|---:|---:|", *build_lines, "",
        "Reproduce: `.venv/bin/python benchmarks/import_rows.py`.", ""]
    RESULTS.write_text("\n".join(report), encoding="utf-8")
    print(f"Écrit : {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
