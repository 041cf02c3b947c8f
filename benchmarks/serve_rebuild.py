"""A saved edit, seen in the browser: `./run.sh serve` (MkDocs' dirty rebuilds) on a synthetic corpus.

Generates the corpus of N case studies of benchmarks/build_scaling.py (3,000 by default), starts
`mkdocs serve --strict --dirty` on it (as ./run.sh serve does) on a free port of 127.0.0.1, waits for
the first (full) build, opens a case-study page in Debian's Chromium, then, for each run: appends a
new sentence with a word of its own to the page's Markdown, and measures the time from the save to
the word visible in the browser (MkDocs' livereload reloads the page once its rebuild is done).
The time of the server's rebuild itself is read from its log (« Documentation built in … »).

Usage: .venv/bin/python benchmarks/serve_rebuild.py [--cases 3000] [--runs 5] [--keep]
Writes benchmarks/results/serve_rebuild.md.
"""
from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

import build_scaling
from common import machine, project_revision

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
RESULTS = ROOT / "benchmarks" / "results" / "serve_rebuild.md"
CHROMIUM = "/usr/bin/chromium"
TARGET_S = 5.0
EDITED = f"experiences/{build_scaling.PROBE_CASE}"
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(log: Path, count: int, timeout: float) -> list[float]:
    """The build times the server has logged, once there are ``count`` of them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        found = [float(x) for x in BUILT.findall(text)]
        if len(found) >= count:
            return found
        if "Aborted" in text or "Error" in text and "Traceback" in text:
            raise RuntimeError(text[-3000:])
        time.sleep(0.2)
    raise TimeoutError(log.read_text(errors="replace")[-3000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="serve-rebuild-"))
    load_start = os.getloadavg()[0]
    template = build_scaling.snapshot(base)
    project = build_scaling.make_corpus(base, template, args.cases)
    source = project / "docs" / f"{EDITED}.md"
    port = free_port()
    log = base / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w") as out:
        server = subprocess.Popen([str(MKDOCS), "serve", "--strict", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    seen: list[float] = []
    rebuilds: list[float] = []
    try:
        first = wait_for(log, 1, 900)[0]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{EDITED}/", wait_until="load")
            for run in range(args.runs):
                word = f"modificationtemoin{run}x{int(time.time())}"
                text = source.read_text(encoding="utf-8")
                time.sleep(1.1)  # a later modification time than the page MkDocs wrote
                start = time.monotonic()
                source.write_text(text + f"\nUne phrase ajoutée : {word}.\n", encoding="utf-8")
                page.wait_for_function("w => document.body && document.body.innerText.includes(w)", arg=word,
                                       timeout=120_000, polling=100)
                seen.append(time.monotonic() - start)
                rebuilds.append(wait_for(log, run + 2, 120)[run + 1])
                print(f"  run {run + 1}: visible after {seen[-1]:.2f} s (server rebuild {rebuilds[-1]:.2f} s)", flush=True)
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log_text = log.read_text(errors="replace")
        if args.keep:
            print(f"kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    median = statistics.median(seen)
    lines = [
        "# A saved edit, seen in the browser (`./run.sh serve`)",
        "",
        f"- Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- Machine: {machine(('mkdocs', 'mkdocs-material', 'playwright'), CHROMIUM)}",
        f"- Project: commit {project_revision()}",
        f"- Load average (1 min) at start / end: {load_start:.2f} / {os.getloadavg()[0]:.2f} (shared machine).",
        f"- Corpus: {args.cases:,} case studies (benchmarks/build_scaling.py). Server: `mkdocs serve --strict --dirty` "
        "(what `./run.sh serve` runs). Edit: a sentence with a new word appended to "
        f"`docs/{EDITED}.md`; time from the save to the word shown in Chromium (livereload), {args.runs} runs.",
        "",
        "| Measure | Median s | Min s | Max s |",
        "|---|---:|---:|---:|",
        f"| First build of the server (full, search index included) | {first:.2f} | | |",
        f"| Save → word visible in the browser | {median:.2f} | {min(seen):.2f} | {max(seen):.2f} |",
        f"| Server's rebuild alone (its log) | {statistics.median(rebuilds):.2f} | {min(rebuilds):.2f} | {max(rebuilds):.2f} |",
        "",
        f"- Target: a saved edit visible in ≤ {TARGET_S:g} s — {'**PASS**' if median <= TARGET_S else '**FAIL**'} "
        f"(median {median:.2f} s).",
        "- Meanwhile (engine/serve.py): the edited page is rendered again, with its generated blocks; the generated "
        "pages and files (lists by region, level, lever and theme, printable guides, feed, open data), the search "
        "index, the orphan check and the blocks of the other hand-written pages stay as the previous build wrote "
        "them until the next full build.",
        f"- Warnings in the server's log: {log_text.count('WARNING')}.",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
