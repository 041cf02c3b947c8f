"""Search benchmark: index size, bytes per page view and per first query, time to the first result.

Corpora: the real site, and the synthetic corpora of 1,000 and 3,000 case studies that
benchmarks/build_scaling.py generates (its functions are imported, not copied). Each corpus
is built twice, as ./run.sh build and ./run.sh offline build it (online: directory URLs;
offline: .html pages and the index wrapped for file://).

For each corpus:
  - build: the whole strict build (with the indexing) and the indexing alone
    (hooks/engine/search.py (build_index) run again on the built site), wall clock;
  - index: the files of pagefind/, raw and gzip (each text file gzipped at level 6; Pagefind's
    binary files are compressed already and counted as they are);
  - online: the site served by Python's http.server on 127.0.0.1 (no compression: gzip sizes are
    computed from the bodies, as benchmarks/page_weight.py does), Debian's Chromium with a 4×
    CPU slowdown (CDP Emulation.setCPUThrottlingRate), a fresh browser context each run: bytes of
    a case-study page view (everything until network idle), then a click in the search box and
    the query typed at once; bytes fetched for that first query, and the time from the last
    keystroke (the last input event) to the results drawn (the results script marks them),
    measured with the page's own clock;
  - offline: the same page and query from file://, time only.

Usage: .venv/bin/python benchmarks/search.py [--sizes 0 1000 3000] [--runs 5] [--keep]
(size 0 is the real site). Writes benchmarks/results/search.md.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from playwright.sync_api import Browser, sync_playwright

import build_scaling
from common import machine, project_revision

PACKAGES = ("mkdocs", "mkdocs-material", "pagefind", "playwright")  # whose versions the results name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from engine import search as site_search  # noqa: E402  (the module the hooks call, run again to time the indexing)

RESULTS = ROOT / "benchmarks" / "results" / "search.md"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
CPU_SLOWDOWN = 4
QUERY = "marchés réservés"
REAL_CASE = "experiences/lille-enercoop"
SYNTHETIC_CASE = f"experiences/{build_scaling.PROBE_CASE}"
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")
PAGE_VIEW_TARGET = 100_000  # gzip bytes, everything a page view loads
FIRST_SEARCH_TARGET = 300_000  # gzip bytes fetched by the first query
FIRST_RESULT_TARGET = 1.0  # seconds from the last keystroke, online, at 3,000 cases

# In the page: the time of the last input event in the search box, and the time the results of
# QUERY are drawn (the results script sets data-requete on .recherche once they are).
WATCH_JS = """(query) => {
  const box = document.querySelector('.recherche');
  const input = document.querySelector('#recherche-champ');
  const t = window.__mesure = {last: 0, shown: 0, count: 0};
  input.addEventListener('input', () => { t.last = performance.now(); }, true);
  new MutationObserver(() => {
    if (!t.shown && box.getAttribute('data-requete') === query) {
      t.shown = performance.now();
      t.count = document.querySelectorAll('.recherche__resultats .recherche-resultat').length;
    }
  }).observe(box, {attributes: true, attributeFilter: ['data-requete']});
}"""


# --- corpora and builds ----------------------------------------------------------------------

@dataclass
class Corpus:
    label: str
    cases: int
    pages: int
    case_path: str
    online: Path
    offline: Path
    build_online_s: float
    build_offline_s: float
    index_s: list[float]


def build(project: Path, site: Path, directory_urls: bool) -> float:
    """One strict build of ``project`` (as ./run.sh build or ./run.sh offline), wall-clock seconds."""
    previous = os.environ.get("DIRECTORY_URLS")
    os.environ["DIRECTORY_URLS"] = "true" if directory_urls else "false"
    try:
        return build_scaling.first_build(project, site).seconds
    finally:
        if previous is None:
            os.environ.pop("DIRECTORY_URLS", None)
        else:
            os.environ["DIRECTORY_URLS"] = previous


def prepare(base: Path, template: Path, n_cases: int, runs: int) -> Corpus:
    if n_cases:
        project = build_scaling.make_corpus(base, template, n_cases)
        label, case_path = f"{n_cases:,} cases", SYNTHETIC_CASE
    else:
        project = base / "corpus-real"
        shutil.copytree(template, project)
        label, case_path = "real site", REAL_CASE
    online, offline = base / f"site-{n_cases}-online", base / f"site-{n_cases}-offline"
    print(f"{label}: building…", flush=True)
    build_online = build(project, online, directory_urls=True)
    build_offline = build(project, offline, directory_urls=False)
    index_s = []
    texts = site_search.pages_on_disk(online, True)  # what the build hands the indexing, page by page
    for _ in range(max(1, min(runs, 3))):
        start = time.perf_counter()
        site_search.build_index(online, True, texts)
        index_s.append(time.perf_counter() - start)
    cases = sum(1 for p in (project / "docs" / "experiences").glob("*.md") if p.name != "index.md")
    pages = sum(1 for _ in online.rglob("*.html")) - 1  # without 404.html
    return Corpus(label, cases, pages, case_path, online, offline, build_online, build_offline, index_s)


# --- sizes -----------------------------------------------------------------------------------

@dataclass
class Size:
    files: int = 0
    raw: int = 0
    gzip: int = 0

    def add(self, body: bytes, compressible: bool) -> None:
        self.files += 1
        self.raw += len(body)
        self.gzip += len(gzip.compress(body, compresslevel=6)) if compressible else len(body)


def index_size(bundle: Path) -> Size:
    size = Size()
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        size.add(path.read_bytes(), path.suffix in {".js", ".json"})
    return size


# --- browser runs ----------------------------------------------------------------------------

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        pass


@dataclass
class Run:
    page_view: Size
    first_search: Size
    seconds: float  # last keystroke to results drawn
    results: int
    search_urls: list[str] = field(default_factory=list)


def one_run(browser: Browser, url: str, count_bytes: bool, main_thread: bool = False) -> Run:
    """A fresh context, 4× CPU slowdown: load ``url``, then type QUERY in the search box. With
    ``main_thread``, Pagefind's worker script is refused, so Pagefind searches on the page's main
    thread: DevTools slows down the main thread only, not a worker."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    if main_thread:
        context.route("**/pagefind-worker.js", lambda route: route.abort())
    phase = ["page view"]
    bodies: list[tuple[str, str, bytes, str]] = []

    def record(response: Any) -> None:
        if not count_bytes:
            return
        try:
            body = response.body()
        except Exception:  # redirects, aborted requests
            return
        bodies.append((phase[0], response.url, body, response.headers.get("content-type", "")))

    context.on("response", record)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="networkidle")
    page.evaluate(WATCH_JS, QUERY)
    phase[0] = "search"
    page.click("#recherche-champ")
    page.keyboard.type(QUERY)
    page.wait_for_function("() => window.__mesure.shown > 0", timeout=60_000)
    page.wait_for_timeout(300)  # late responses of the query (the last fragments)
    measure = page.evaluate("() => window.__mesure")
    context.close()
    run = Run(Size(), Size(), (measure["shown"] - measure["last"]) / 1000, int(measure["count"]))
    for when, response_url, body, ctype in bodies:
        if response_url.endswith("favicon.png"):  # the page's icon, whenever the browser asks for it
            when = "page view"
        target = run.page_view if when == "page view" else run.first_search
        target.add(body, ctype.startswith(COMPRESSIBLE))
        if when == "search":
            run.search_urls.append(response_url.rsplit("/", 1)[-1].split("?")[0])
    return run


@dataclass
class Measures:
    online: list[Run]
    offline: list[Run]
    main_thread: list[Run]  # online, the worker refused: everything slowed down


def measure(browser: Browser, corpus: Corpus, runs: int) -> Measures:
    handler = functools.partial(Quiet, directory=str(corpus.online))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{corpus.case_path}/"
        online = [one_run(browser, url, count_bytes=True) for _ in range(runs)]
        main_thread = [one_run(browser, url, count_bytes=False, main_thread=True) for _ in range(runs)]
    finally:
        server.shutdown()
    offline_url = (corpus.offline / f"{corpus.case_path}.html").as_uri()
    offline = [one_run(browser, offline_url, count_bytes=False) for _ in range(runs)]
    print(f"{corpus.label}: online {med(online, lambda r: r.seconds):.2f} s, "
          f"main thread {med(main_thread, lambda r: r.seconds):.2f} s, "
          f"offline {med(offline, lambda r: r.seconds):.2f} s", flush=True)
    return Measures(online, offline, main_thread)


def med(runs: list[Run], value: Callable[[Run], float]) -> float:
    return statistics.median(value(r) for r in runs)


# --- report ----------------------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / 1000:,.1f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**FAIL**"


def report(rows: list[tuple[Corpus, Size, Size, Measures]], runs: int, load: tuple[float, float],
           revision: str) -> str:
    lines = [
        "# Search: index size, bytes, time to the first result",
        "",
        f"- Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- Machine: {machine(PACKAGES, CHROMIUM)}",
        f"- Project: commit {revision}",
        f"- Load average (1 min) at start / end: {load[0]:.2f} / {load[1]:.2f} (the machine is shared: times are "
        "medians of several runs).",
        "- Corpora: the real site, and synthetic corpora of N case studies from `benchmarks/build_scaling.py` "
        "(the real project plus seeded synthetic sources and cases).",
        f"- Browser: Debian's Chromium, headless, CPU slowed down {CPU_SLOWDOWN}× (CDP "
        "`Emulation.setCPUThrottlingRate`), a fresh context (empty cache) for each run.",
        "- Page view: the case-study page (`experiences/lille-enercoop/` on the real site, "
        f"`experiences/{build_scaling.PROBE_CASE}/` otherwise) loaded until network idle; every response counted "
        "(HTML, CSS, JS, images, search).",
        f"- First search: a click in the search box right after the page view, then « {QUERY} » typed at once "
        "(`page.keyboard.type`); every response after the page view counted. Time: from the last input event "
        "in the box to the results drawn in the panel (6 results, their fragments loaded), read from the page's "
        "own clock (`performance.now`); it includes the results script's 150 ms debounce and, on a fresh page, "
        "loading Pagefind itself.",
        "- Online: served by Python's http.server on 127.0.0.1 (no compression). Gzip sizes: each text body "
        "compressed at level 6, as a web host would send it; Pagefind's own files (index chunks, fragments, "
        "metadata, WebAssembly) are compressed already and counted as they are.",
        "- Offline: the offline build opened from `file://` (no bytes counted: nothing travels).",
        f"- Runs: {runs} per corpus and mode; medians (min–max).",
        "",
        "## Index and build",
        "",
        "| Corpus | Case studies | Pages | Build online, s | Build offline, s | Indexing alone, s | Index files | "
        "Index raw MB | Index gzip MB | Offline index (wrapped) MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for corpus, size, offline_size, _ in rows:
        lines.append(f"| {corpus.label} | {corpus.cases:,} | {corpus.pages:,} | {corpus.build_online_s:.1f} | "
                     f"{corpus.build_offline_s:.1f} | {statistics.median(corpus.index_s):.2f} | {size.files:,} | "
                     f"{size.raw / 1e6:.2f} | {size.gzip / 1e6:.2f} | {offline_size.raw / 1e6:.2f} |")
    lines += ["", "## A reader's costs", "",
              "| Corpus | Page view, gzip kB (raw) | First search, gzip kB (raw), requests | "
              "First result online, s | Online, worker refused, s | First result offline (file://), s |",
              "|---|---:|---:|---:|---:|---:|"]

    def spread(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"

    for corpus, _, _, m in rows:
        view = statistics.median(r.page_view.gzip for r in m.online)
        view_raw = statistics.median(r.page_view.raw for r in m.online)
        first = statistics.median(r.first_search.gzip for r in m.online)
        first_raw = statistics.median(r.first_search.raw for r in m.online)
        requests = statistics.median(r.first_search.files for r in m.online)
        lines.append(f"| {corpus.label} | {kb(view)} ({kb(view_raw)}) | {kb(first)} ({kb(first_raw)}), {requests:.0f} | "
                     f"{spread([r.seconds for r in m.online])} | {spread([r.seconds for r in m.main_thread])} | "
                     f"{spread([r.seconds for r in m.offline])} |")
    lines += ["", "## Targets", ""]
    for corpus, _, _, m in rows:
        view = max(r.page_view.gzip for r in m.online)
        first = max(r.first_search.gzip for r in m.online)
        lines.append(f"- {corpus.label}: page view ≤ {kb(PAGE_VIEW_TARGET)} kB gzip (largest run {kb(view)}): "
                     f"{verdict(view <= PAGE_VIEW_TARGET)}; first search ≤ {kb(FIRST_SEARCH_TARGET)} kB gzip "
                     f"(largest run {kb(first)}): {verdict(first <= FIRST_SEARCH_TARGET)}")
    big = [(c, m) for c, _, _, m in rows if c.cases >= 3000]
    for corpus, m in big:
        t = med(m.online, lambda r: r.seconds)
        lines.append(f"- {corpus.label}: first result online ≤ {FIRST_RESULT_TARGET:g} s (median {t:.2f} s): "
                     f"{verdict(t <= FIRST_RESULT_TARGET)}")
        worst = med(m.main_thread, lambda r: r.seconds)
        lines.append(f"- {corpus.label}, the same with Pagefind's worker refused (DevTools slows down the main "
                     f"thread only; here every step of the search is slowed down): median {worst:.2f} s: "
                     f"{verdict(worst <= FIRST_RESULT_TARGET)}")
    last = rows[-1][3].online[-1]
    lines += ["", f"Files fetched by the first search ({rows[-1][0].label}, last run): "
              + ", ".join(f"`{u}`" for u in last.search_urls) + ".", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 3000], help="0 is the real site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the corpora and the built sites")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="search-bench-"))
    load_start = os.getloadavg()[0]
    revision = project_revision()  # the code measured: the corpora are copied from it now
    rows = []
    try:
        template = build_scaling.snapshot(base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for n in args.sizes:
                corpus = prepare(base, template, n, args.runs)
                rows.append((corpus, index_size(corpus.online / site_search.BUNDLE),
                             index_size(corpus.offline / site_search.BUNDLE), measure(browser, corpus, args.runs)))
            browser.close()
    finally:
        if args.keep:
            print(f"kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    text = report(rows, args.runs, (load_start, os.getloadavg()[0]), revision)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
