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
  - offline: the same page and query from file://, time only; Pagefind searches in its worker there
    too (started by recherche.js from a blob: address), and once more with every worker refused.

Also: the first search from a list page (« Toutes les expériences ») and for two more queries (a
word on most pages, a rare word); page views of the pages that list experiences; bad input (a
20-character query typed fast then cleared: requests counted; 200 characters; a word on most
pages); the offline zip's size.

Usage: .venv/bin/python benchmarks/search.py [--sizes 0 3000 10000] [--runs 3] [--keep] [--texte naturel]
(size 0 is the real site). Writes benchmarks/results/search.md.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import itertools
import math
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
sys.path.insert(0, str(ROOT / "tools"))
import build_offline as build_offline_tool  # noqa: E402  (the offline zip, as ./run.sh offline writes it)

RESULTS = ROOT / "benchmarks" / "results" / "search.md"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
CPU_SLOWDOWN = 4
QUERY = "marchés réservés"  # the query of every earlier run of this benchmark
# Three kinds of first search: the usual query, a word on most pages, a word on a few pages only.
QUERIES = {"« marchés réservés »": QUERY, "word on most pages « collectivité »": "collectivité",
           "rare word « Enercoop »": "Enercoop"}
REAL_CASE = "experiences/lille-enercoop"
SYNTHETIC_CASE = f"experiences/{build_scaling.PROBE_CASE}"
LIST_PAGE = "experiences"  # the first search from a list page too
# Pages that list experiences (or count them): a page view of each, when the site has it.
LIST_PAGES = ("experiences", "experiences/page/2", "experiences/page/50", "territoires/bretagne",
              "territoires/hauts-de-france", "territoires/bretagne/page/2", "echelons/commune", "leviers/marches-reserves",
              "themes/commande-publique", "carte", "panorama", "sources/source-synthetique-01",
              "sources/rtes-conference-marches-reserves-2018")
FAST_QUERY = "marchés réservés et c"  # 20 characters, typed at once, then cleared (bad input)
LONG_QUERY = ("collectivité " * 16)[:200]  # 200 characters, every word on most pages
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")
PAGE_VIEW_TARGET = 100_000  # gzip bytes, everything a page view loads
FIRST_SEARCH_TARGET = 350_000  # gzip bytes fetched by the first query (issue 20: ≤ 350 kB at 10,000 cases)
FIRST_RESULT_TARGET = 1.0  # seconds from the last keystroke, online (and worker refused), from 3,000 cases
OFFLINE_TARGET = 2.0  # seconds, from file://, at 10,000 cases

# Offline, a browser that refuses every worker: the constructor throws (Pagefind then searches on the page).
REFUSE_WORKERS = """window.Worker = function () { throw new DOMException("refusé", "SecurityError"); };"""
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
    offline: Path | None  # None: a site built beforehand (--built), measured online only
    build_online_s: float
    build_offline_s: float
    index_s: list[float]
    zip_bytes: int = 0  # the offline zip (tools/build_offline.py's write_zip)


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


def corpus_label(n_cases: int, text: str) -> str:
    """« 10,000 cases », with the kind of text when it is not the default (build_scaling.TEXTS)."""
    return f"{n_cases:,} cases" + ("" if text == build_scaling.TEXTS[0] else f", text « {text} »")


def prepare(base: Path, template: Path, n_cases: int, runs: int, text: str) -> Corpus:
    if n_cases:
        project = build_scaling.make_corpus(base, template, n_cases, text)
        label, case_path = corpus_label(n_cases, text), SYNTHETIC_CASE
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
    for _ in range(1 if n_cases >= 10000 else max(1, min(runs, 3))):  # a minute and more each at 10,000
        start = time.perf_counter()
        site_search.build_index(online, True, texts)
        index_s.append(time.perf_counter() - start)
    cases = sum(1 for p in (project / "docs" / "experiences").glob("*.md") if p.name != "index.md")
    pages = sum(1 for _ in online.rglob("*.html")) - 1  # without 404.html
    archive = base / f"hors-ligne-{n_cases}.zip"
    build_offline_tool.write_zip(offline, archive, build_offline_tool.source_date_epoch())
    return Corpus(label, cases, pages, case_path, online, offline, build_online, build_offline, index_s,
                  archive.stat().st_size)


def prebuilt(base: Path, spec: str, text: str) -> Corpus:
    """A site built beforehand: « N=SITE » or « N=SITE,OFFLINE_SITE » (--built)."""
    number, _, paths = spec.partition("=")
    online, _, offline = paths.partition(",")
    n_cases = int(number)
    online_site, offline_site = Path(online), (Path(offline) if offline else None)
    pages = sum(1 for _ in online_site.rglob("*.html")) - 1
    zip_bytes = 0
    if offline_site is not None:
        archive = base / f"hors-ligne-{n_cases}.zip"
        build_offline_tool.write_zip(offline_site, archive, build_offline_tool.source_date_epoch())
        zip_bytes = archive.stat().st_size
    return Corpus(f"{corpus_label(n_cases, text)} (built beforehand)", n_cases, pages, SYNTHETIC_CASE, online_site, offline_site,
                  float("nan"), float("nan"), [], zip_bytes)


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
    workers: int = 0  # workers the page had when the results were drawn (Pagefind's, or none)


def one_run(browser: Browser, url: str, count_bytes: bool, main_thread: bool = False, query: str = QUERY) -> Run:
    """A fresh context, 4× CPU slowdown: load ``url``, then type ``query`` in the search box. With
    ``main_thread``, Pagefind's worker script is refused, so Pagefind searches on the page's main
    thread: DevTools slows down the main thread only, not a worker. From file:// (no request to refuse:
    recherche.js starts the worker from a blob: address), the page's Worker constructor throws instead."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    if main_thread and url.startswith("file:"):
        context.add_init_script(REFUSE_WORKERS)
    elif main_thread:
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
    page.evaluate(WATCH_JS, query)
    phase[0] = "search"
    page.click("#recherche-champ")
    page.keyboard.type(query)
    page.wait_for_function("() => window.__mesure.shown > 0", timeout=60_000)
    page.wait_for_timeout(300)  # late responses of the query (the last fragments)
    measure = page.evaluate("() => window.__mesure")
    workers = len(page.workers)
    context.close()
    run = Run(Size(), Size(), (measure["shown"] - measure["last"]) / 1000, int(measure["count"]), workers=workers)
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
    offline_main_thread: list[Run] = field(default_factory=list)  # offline, every worker refused


@dataclass
class AllMeasures:
    by_case: dict[tuple[str, str], Measures]  # (start page, query label) -> runs
    list_views: dict[str, Size]  # page views of list pages
    bad_input: list[str]  # report lines

    @property
    def main(self) -> Measures:
        """The usual query from the case page (the table « A reader's costs »)."""
        return self.by_case[("case page", next(iter(QUERIES)))]


def page_view(browser: Browser, url: str) -> Size:
    """Everything a fresh page view of ``url`` fetches (no CPU slowdown: bytes only)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    size = Size()

    def record(response: Any) -> None:
        try:
            size.add(response.body(), response.headers.get("content-type", "").startswith(COMPRESSIBLE))
        except Exception:
            pass

    context.on("response", record)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    context.close()
    return size


def bad_input(browser: Browser, url: str) -> list[str]:
    """Typing fast, clearing, a 200-character query, a query matching most pages: requests and results."""
    lines = []
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url.rsplit("/", 1)[-1]))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    for label, delay in (("at once", 0), ("at 60 ms a key", 60)):
        page.goto(url, wait_until="networkidle")
        requests.clear()
        page.click("#recherche-champ")
        page.keyboard.type(FAST_QUERY, delay=delay)
        page.wait_for_function("q => document.querySelector('.recherche').getAttribute('data-requete') === q",
                               arg=FAST_QUERY, timeout=60_000)
        page.wait_for_timeout(1000)
        shown = page.locator(".recherche__resultats .recherche-resultat").count()
        searches = [u for u in requests if u.endswith((".pf_index", ".pf_fragment", ".pf_meta", ".json", ".pagefind", ".js"))]
        lines.append(f"- « {FAST_QUERY} » ({len(FAST_QUERY)} characters) typed {label} on a fresh page: "
                     f"{len(searches)} requests to the index ({sum(u.endswith('.pf_index') for u in searches)} index "
                     f"chunks, {sum(u.endswith('.pf_fragment') for u in searches)} fragments), {shown} results shown.")
        requests.clear()
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.wait_for_timeout(1000)
        left = page.locator(".recherche__resultats .recherche-resultat").count()
        lines.append(f"  Then the box cleared: {len(requests)} more requests, {left} results left shown.")
    context.close()
    for label, query in (("200 characters", LONG_QUERY), ("a word on most pages", "collectivité")):
        # A fresh reader each time: the same page opened again gets its last query back (history state),
        # and a query of 200 characters fills the box (maxlength).
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="networkidle")
        page.evaluate(WATCH_JS, " ".join(query.split())[:200].strip())
        page.click("#recherche-champ")
        page.keyboard.insert_text(query)
        page.wait_for_function("() => window.__mesure.shown > 0", timeout=60_000)
        m = page.evaluate("() => window.__mesure")
        summary = page.locator(".recherche__resume").inner_text()
        lines.append(f"- {label}: results drawn {(m['shown'] - m['last']) / 1000:.2f} s after the input, "
                     f"{m['count']} shown; the panel says « {summary.strip()} ».")
        context.close()
    return lines


def measure(browser: Browser, corpus: Corpus, runs: int) -> AllMeasures:
    handler = functools.partial(Quiet, directory=str(corpus.online))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    starts = {"case page": corpus.case_path, "list page": LIST_PAGE}
    by_case: dict[tuple[str, str], Measures] = {}
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        list_views = {path: page_view(browser, f"{root}{path}/") for path in LIST_PAGES
                      if (corpus.online / path / "index.html").is_file()}
        for start, path in starts.items():
            for label, query in QUERIES.items():
                url = f"{root}{path}/"
                online = [one_run(browser, url, count_bytes=True, query=query) for _ in range(runs)]
                main_thread = [one_run(browser, url, count_bytes=False, main_thread=True, query=query) for _ in range(runs)]
                offline, offline_main = [], []
                if corpus.offline is not None:
                    offline_url = (corpus.offline / f"{path}.html").as_uri() if path != LIST_PAGE else \
                        (corpus.offline / path / "index.html").as_uri()
                    offline = [one_run(browser, offline_url, count_bytes=False, query=query) for _ in range(runs)]
                    offline_main = [one_run(browser, offline_url, count_bytes=False, main_thread=True, query=query)
                                    for _ in range(runs)]
                by_case[(start, label)] = Measures(online, offline, main_thread, offline_main)
                print(f"{corpus.label}, {start}, {label}: online {med(online, lambda r: r.seconds):.2f} s, "
                      f"{kb(med(online, lambda r: r.first_search.gzip))} kB; main thread "
                      f"{med(main_thread, lambda r: r.seconds):.2f} s, offline {med(offline, lambda r: r.seconds):.2f} s "
                      f"(workers {[r.workers for r in offline]}), offline main thread "
                      f"{med(offline_main, lambda r: r.seconds):.2f} s", flush=True)
        bad = bad_input(browser, f"{root}{corpus.case_path}/") if corpus.cases >= 3000 else []
    finally:
        server.shutdown()
    return AllMeasures(by_case, list_views, bad)


def med(runs: list[Run], value: Callable[[Run], float]) -> float:
    return statistics.median(value(r) for r in runs) if runs else float("nan")


# --- report ----------------------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / 1000:,.1f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**FAIL**"


def workers_note(runs: list[Run]) -> str:
    """« , no worker in k of n » when an offline search ran on the page's main thread in k of the n runs."""
    return "" if all(r.workers for r in runs) else f", no worker in {sum(not r.workers for r in runs)} of {len(runs)}"


def spread(values: list[float]) -> str:
    if not values:
        return "—"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def report(rows: list[tuple[Corpus, Size, Size, AllMeasures]], runs: int, load: tuple[float, float],
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
        "- Offline: the offline build opened from `file://` (no bytes counted: nothing travels). Pagefind searches in "
        "its worker there too (`recherche.js` starts it from a `blob:` address; « workers » counts the page's "
        "workers when the results are drawn), so the 4× slowdown does not reach its search; « worker refused » "
        "offline: the page's `Worker` constructor throws, and everything is slowed down.",
        f"- Runs: {runs} per corpus and mode; medians (min–max).",
        "",
        "## Index and build",
        "",
        "| Corpus | Case studies | Pages | Build online, s | Build offline, s | Indexing alone, s | Index files | "
        "Index raw MB | Index gzip MB | Offline index (wrapped) MB | Offline zip MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for corpus, size, offline_size, _ in rows:
        index_s = f"{statistics.median(corpus.index_s):.2f}" if corpus.index_s else "—"
        online_s, offline_s = ("—" if math.isnan(s) else f"{s:.1f}"
                               for s in (corpus.build_online_s, corpus.build_offline_s))
        lines.append(f"| {corpus.label} | {corpus.cases:,} | {corpus.pages:,} | {online_s} | "
                     f"{offline_s} | {index_s} | {size.files:,} | "
                     f"{size.raw / 1e6:.2f} | {size.gzip / 1e6:.2f} | {offline_size.raw / 1e6:.2f} | "
                     f"{corpus.zip_bytes / 1e6:.1f} |")
    lines += ["", "## A reader's costs", "",
              "| Corpus | Page view, gzip kB (raw) | First search, gzip kB (raw), requests | "
              "First result online, s | Online, worker refused, s | First result offline (file://), s | "
              "Offline, worker refused, s |",
              "|---|---:|---:|---:|---:|---:|---:|"]

    for corpus, _, _, all_m in rows:
        m = all_m.main
        view = statistics.median(r.page_view.gzip for r in m.online)
        view_raw = statistics.median(r.page_view.raw for r in m.online)
        first = statistics.median(r.first_search.gzip for r in m.online)
        first_raw = statistics.median(r.first_search.raw for r in m.online)
        requests = statistics.median(r.first_search.files for r in m.online)
        lines.append(f"| {corpus.label} | {kb(view)} ({kb(view_raw)}) | {kb(first)} ({kb(first_raw)}), {requests:.0f} | "
                     f"{spread([r.seconds for r in m.online])} | {spread([r.seconds for r in m.main_thread])} | "
                     f"{spread([r.seconds for r in m.offline])}{workers_note(m.offline)} | "
                     f"{spread([r.seconds for r in m.offline_main_thread])} |")
    lines += ["", "## First searches: from a case page and from a list page, three kinds of query", "",
              f"Start page: the case page above, or « Toutes les expériences » (`{LIST_PAGE}/`). Same method; "
              "bytes online (gzip kB, requests), times in seconds (medians).", "",
              "| Corpus | Start | Query | First search, gzip kB, requests | Online, s | Worker refused, s | "
              "Offline (file://), s | Offline, worker refused, s |", "|---|---|---|---:|---:|---:|---:|---:|"]
    for corpus, _, _, all_m in rows:
        for (start, label), m in all_m.by_case.items():
            first = statistics.median(r.first_search.gzip for r in m.online)
            requests = statistics.median(r.first_search.files for r in m.online)
            lines.append(f"| {corpus.label} | {start} | {label} | {kb(first)}, {requests:.0f} | "
                         f"{spread([r.seconds for r in m.online])} | {spread([r.seconds for r in m.main_thread])} | "
                         f"{spread([r.seconds for r in m.offline])}{workers_note(m.offline)} | "
                         f"{spread([r.seconds for r in m.offline_main_thread])} |")
    lines += ["", "## Page views of the pages that list experiences", "",
              "Everything a fresh page view fetches (HTML, CSS, JS, images), gzip kB (raw kB); no search.", "",
              "| Corpus | Page | Gzip kB | Raw kB |", "|---|---|---:|---:|"]
    for corpus, _, _, all_m in rows:
        for path, size in all_m.list_views.items():
            lines.append(f"| {corpus.label} | `{path}/` | {kb(size.gzip)} | {kb(size.raw)} |")
    lines += ["", "## Targets", ""]
    for corpus, _, _, all_m in rows:
        views = [r.page_view.gzip for r in all_m.main.online] + [s.gzip for s in all_m.list_views.values()]
        firsts = [r.first_search.gzip for m in all_m.by_case.values() for r in m.online]
        lines.append(f"- {corpus.label}: every page view measured ≤ {kb(PAGE_VIEW_TARGET)} kB gzip (largest "
                     f"{kb(max(views))}): {verdict(max(views) <= PAGE_VIEW_TARGET)}; every first search ≤ "
                     f"{kb(FIRST_SEARCH_TARGET)} kB gzip (largest run {kb(max(firsts))}): "
                     f"{verdict(max(firsts) <= FIRST_SEARCH_TARGET)}")
    for corpus, _, _, all_m in rows:
        if corpus.cases < 3000:
            continue
        for (start, label), m in all_m.by_case.items():
            t, worst = med(m.online, lambda r: r.seconds), med(m.main_thread, lambda r: r.seconds)
            off = med(m.offline, lambda r: r.seconds) if m.offline else float("nan")
            off_worst = med(m.offline_main_thread, lambda r: r.seconds) if m.offline_main_thread else float("nan")
            lines.append(f"- {corpus.label}, {start}, {label}: online ≤ {FIRST_RESULT_TARGET:g} s (median {t:.2f}): "
                         f"{verdict(t <= FIRST_RESULT_TARGET)}; worker refused (every step slowed down) median "
                         f"{worst:.2f}: {verdict(worst <= FIRST_RESULT_TARGET)}; offline ≤ {OFFLINE_TARGET:g} s "
                         f"(median {off:.2f}{workers_note(m.offline)}): {verdict(off <= OFFLINE_TARGET)}; offline, "
                         f"worker refused, median {off_worst:.2f}: {verdict(off_worst <= OFFLINE_TARGET)}")
    for corpus, _, _, all_m in rows:
        if all_m.bad_input:
            lines += ["", f"## Bad input ({corpus.label}, case page, 4× CPU slowdown)", "", *all_m.bad_input]
    last = rows[-1][3].main.online[-1]
    lines += ["", f"Files fetched by the first search ({rows[-1][0].label}, last run): "
              + ", ".join(f"`{u}`" for u in last.search_urls) + ".", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[0, 3000, 10000], help="0 is the real site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the corpora and the built sites")
    parser.add_argument("--built", nargs="*", default=[], metavar="N=SITE[,OFFLINE_SITE]",
                        help="also measure sites of N cases built beforehand (build_scaling.py's corpus, "
                             "./run.sh build and, optionally, the offline build): no build time, no indexing time")
    parser.add_argument("--texte", choices=build_scaling.TEXTS, default=build_scaling.TEXTS[0],
                        help="the synthetic cases' text: 75 words repeated (the worst case) or the site's own "
                             "sentences (build_scaling.py)")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="search-bench-"))
    load_start = os.getloadavg()[0]
    revision = project_revision()  # the code measured: the corpora are copied from it now
    rows = []
    try:
        template = build_scaling.snapshot(base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            # each corpus built (or read) right before it is measured
            made = (prepare(base, template, n, args.runs, args.texte) for n in args.sizes)
            for corpus in itertools.chain(made, (prebuilt(base, spec, args.texte) for spec in args.built)):
                offline_size = index_size(corpus.offline / site_search.BUNDLE) if corpus.offline else Size()
                rows.append((corpus, index_size(corpus.online / site_search.BUNDLE), offline_size,
                             measure(browser, corpus, args.runs)))
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
