"""Page weight, search latency and Lighthouse scores of the real site, served locally.

Builds the site (online, not the offline bundle) into a temporary folder, serves it on
127.0.0.1 and, for the home page, one guide and one case study:
  1. loads the page in Debian's Chromium (Playwright) and sums every response body by
     category, raw and gzip (level 6): everything the page fetches; then types a query in
     the search box and sums what the first search fetches (Pagefind, index chunks, fragments);
  2. times a search on the home page (median of 5);
  3. runs Lighthouse (mobile, default settings), installed under benchmarks/.node/.

Usage: .venv/bin/python benchmarks/page_weight.py [--no-lighthouse]
Writes benchmarks/results/page_weight.md.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, Response, sync_playwright

from common import machine, project_revision

PACKAGES = ("mkdocs", "mkdocs-material", "playwright")  # whose versions the results name

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
RESULTS = ROOT / "benchmarks" / "results" / "page_weight.md"
NODE_DIR = ROOT / "benchmarks" / ".node"
LIGHTHOUSE = NODE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PAGES = {"Home": "", "Guide": "guides/commande-publique/", "Case study": "experiences/lille-enercoop/"}
QUERY = "marchés réservés"
SEARCH_RUNS = 5
CATEGORIES = ("HTML", "CSS", "JS", "Fonts", "Images", "Other")
WEIGHT_TARGET = 100_000  # gzip bytes, everything a page view fetches
FIRST_SEARCH_TARGET = 300_000  # gzip bytes fetched by the first query
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


# --- site and server -------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_site(site: Path, base_url: str) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=base_url)
    env.pop("OFFLINE", None)
    subprocess.run([str(MKDOCS), "build", "--strict", "--quiet", "--site-dir", str(site)], cwd=ROOT, env=env, check=True)


COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text compressed with gzip (level 6) when the browser accepts it, as web hosts do."""

    use_gzip = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        pass

    def do_GET(self) -> None:
        url_path = self.path.split("?", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not (self.use_gzip and path.is_file() and ctype.startswith(COMPRESSIBLE)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path, port: int, use_gzip: bool) -> http.server.ThreadingHTTPServer:
    handler_class = type("Handler", (QuietHandler,), {"use_gzip": use_gzip})
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- weight ----------------------------------------------------------------------------------

@dataclass
class Weight:
    raw: int = 0
    gzip: int = 0
    count: int = 0

    def add(self, body: bytes) -> None:
        self.raw += len(body)
        self.gzip += len(gzip.compress(body, compresslevel=6))
        self.count += 1


@dataclass
class PageWeight:
    initial: dict[str, Weight] = field(default_factory=lambda: defaultdict(Weight))
    on_search: Weight = field(default_factory=Weight)  # everything the first query fetches
    urls: list[str] = field(default_factory=list)

    def total(self) -> Weight:
        out = Weight()
        for w in self.initial.values():
            out.raw, out.gzip, out.count = out.raw + w.raw, out.gzip + w.gzip, out.count + w.count
        return out


def category(response: Response) -> str:
    kind = response.request.resource_type
    path = response.url.split("?")[0].lower()
    if kind == "document" or path.endswith((".html", "/")):
        return "HTML"
    if kind == "stylesheet" or path.endswith(".css"):
        return "CSS"
    if kind == "script" or path.endswith(".js"):
        return "JS"
    if kind == "font" or path.endswith((".woff2", ".woff", ".ttf", ".otf")):
        return "Fonts"
    if kind == "image" or path.endswith((".png", ".svg", ".ico", ".jpg", ".jpeg", ".webp", ".gif")):
        return "Images"
    return "Other"


def measure_weight(browser: Any, url: str) -> PageWeight:
    """Load ``url`` in a fresh context, then search, recording every response body."""
    result = PageWeight()
    bodies: list[tuple[str, Response, bytes]] = []
    phase = ["initial"]
    context = browser.new_context()  # service workers and dedicated workers report through the context

    def record(response: Response) -> None:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        bodies.append((phase[0], response, body))

    context.on("response", record)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    phase[0] = "search"
    page.click("#recherche-champ")
    page.keyboard.type(QUERY)
    page.wait_for_function("q => document.querySelector('.recherche').getAttribute('data-requete') === q", arg=QUERY)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    context.close()
    for when, response, body in bodies:
        result.urls.append(f"{when}: {response.url} ({response.request.resource_type}, {len(body)} B)")
        if when == "initial" or response.url.split("?")[0].endswith("favicon.png"):
            result.initial[category(response)].add(body)
        else:
            result.on_search.add(body)
    return result


# --- search latency --------------------------------------------------------------------------

@dataclass
class SearchTiming:
    typing: list[float] = field(default_factory=list)  # page.keyboard.type itself (one CDP call per key)
    first_result: list[float] = field(default_factory=list)  # first result item visible
    full_query: list[float] = field(default_factory=list)  # a result highlighting the full query's last word


def time_search(browser: Any, url: str) -> SearchTiming:
    timing = SearchTiming()
    context = browser.new_context()
    for _ in range(SEARCH_RUNS):
        page: Page = context.new_page()
        page.goto(url, wait_until="networkidle")
        page.click("#recherche-champ")
        start = time.perf_counter()
        page.keyboard.type(QUERY)
        timing.typing.append(time.perf_counter() - start)
        page.wait_for_selector(".recherche__resultats .recherche-resultat", state="visible")
        timing.first_result.append(time.perf_counter() - start)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.recherche-resultat mark')]"
            ".some(m => /r[ée]serv/i.test(m.textContent))")
        timing.full_query.append(time.perf_counter() - start)
        page.close()
    context.close()
    return timing


# --- Lighthouse ------------------------------------------------------------------------------

def ensure_lighthouse() -> bool:
    if not LIGHTHOUSE.exists():
        if shutil.which("npm") is None:
            return False
        print("Installing Lighthouse into benchmarks/.node/ …", flush=True)
        subprocess.run(["npm", "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund", "lighthouse"], check=True)
    return LIGHTHOUSE.exists()


def run_lighthouse(url: str, out: Path) -> dict[str, Any]:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    subprocess.run([str(LIGHTHOUSE), url, "--chrome-flags=--headless=new --no-sandbox", "--output=json",
                    f"--output-path={out}", "--quiet"], env=env, check=True)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def scores(report: dict[str, Any]) -> dict[str, int | None]:
    return {cat: None if report["categories"][cat]["score"] is None else round(report["categories"][cat]["score"] * 100)
            for cat in LIGHTHOUSE_TARGETS}


def failing_audits(report: dict[str, Any], cat: str) -> list[str]:
    """Audits of a category scoring under 1, with their offending elements when given."""
    lines = []
    for ref in report["categories"][cat]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit.get("score") is None or audit["score"] >= 1 or audit.get("scoreDisplayMode") in ("informative", "manual"):
            continue
        if cat == "performance" and ref.get("weight", 0) == 0 and audit["score"] >= 0.9:
            continue
        value = f" — {audit['displayValue']}" if audit.get("displayValue") else ""
        lines.append(f"  - `{audit['id']}` ({cat}, score {audit['score']:.2f}, weight {ref.get('weight', 0)}): "
                     f"{audit['title']}{value}")
        items = (audit.get("details") or {}).get("items")
        for item in items[:5] if isinstance(items, list) else []:
            node = (item.get("node") or {}) if isinstance(item, dict) else {}
            if not isinstance(item, dict):
                continue
            target = node.get("selector") or item.get("url") or ""
            snippet = node.get("snippet", "")
            if target or snippet:
                lines.append(f"    - `{target}` {('`' + snippet[:160] + '`') if snippet else ''}".rstrip())
    return lines


# --- report ----------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def weight_table(name: str, path: str, w: PageWeight) -> list[str]:
    lines = [f"### {name} — `/{path}`", "", "| Category | Files | Raw kB | Gzip kB |", "|---|---:|---:|---:|"]
    for cat in CATEGORIES:
        cw = w.initial.get(cat, Weight())
        lines.append(f"| {cat} | {cw.count} | {kb(cw.raw)} | {kb(cw.gzip)} |")
    total = w.total()
    ok = "PASS" if total.gzip <= WEIGHT_TARGET else "FAIL"
    ok_search = "PASS" if w.on_search.gzip <= FIRST_SEARCH_TARGET else "FAIL"
    lines += [f"| **Total, everything the page view fetches** | {total.count} | {kb(total.raw)} | **{kb(total.gzip)}** "
              f"(target ≤ {kb(WEIGHT_TARGET)}: **{ok}**) |",
              f"| First search (« {QUERY} »: Pagefind, index chunks, fragments) | {w.on_search.count} | "
              f"{kb(w.on_search.raw)} | {kb(w.on_search.gzip)} (target ≤ {kb(FIRST_SEARCH_TARGET)}: **{ok_search}**) |",
              ""]
    return lines


def report(weights: dict[str, PageWeight], timing: SearchTiming, lighthouse: dict[str, dict[str, Any]] | None,
           gzip_served: bool) -> str:
    lines = ["# Page weight, search latency, Lighthouse", "",
             f"- Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
             f"- Machine: {machine(PACKAGES, CHROMIUM)}; load average (1 min) at the end: {os.getloadavg()[0]:.2f}",
             f"- Project: commit {project_revision()}",
             "- Site: built with `mkdocs build --strict` (online, not offline), served by Python's http.server "
             "on 127.0.0.1, " + ("text files sent gzip-compressed (level 6), as web hosts do" if gzip_served
                                 else "uncompressed") + ". Raw sizes are the decoded bodies; gzip sizes are "
             "gzip level 6 of each body.",
             "- Weights: every response of a fresh browser context until network idle (the page view: nothing of "
             "the search index is fetched before the reader uses the search box), then a query typed in the search "
             "box: everything it fetches is the first search.", "", "## Weight per page", ""]
    for name, path in PAGES.items():
        lines += weight_table(name, path, weights[name])
    ft, fq, ty = timing.first_result, timing.full_query, timing.typing
    after = [q - t for q, t in zip(fq, ty)]
    lines += ["## Search latency (home page)", "",
              f"Query typed with `page.keyboard.type(\"{QUERY}\")` after clicking `#recherche-champ`, on a page "
              f"loaded until network idle; {SEARCH_RUNS} runs, each on a freshly loaded page.", "",
              "| Measure | Median ms | Min ms | Max ms |", "|---|---:|---:|---:|",
              f"| Typing itself (16 key presses sent by Playwright) | {statistics.median(ty) * 1000:.0f} | "
              f"{min(ty) * 1000:.0f} | {max(ty) * 1000:.0f} |",
              f"| Typing starts → first `.recherche-resultat` visible | {statistics.median(ft) * 1000:.0f} | "
              f"{min(ft) * 1000:.0f} | {max(ft) * 1000:.0f} |",
              f"| Typing starts → a result highlights « réserv… » (full query) | {statistics.median(fq) * 1000:.0f} | "
              f"{min(fq) * 1000:.0f} | {max(fq) * 1000:.0f} |",
              f"| Last key sent → a result highlights « réserv… » | {statistics.median(after) * 1000:.0f} | "
              f"{min(after) * 1000:.0f} | {max(after) * 1000:.0f} |", ""]
    lines += ["## Lighthouse (mobile, default settings)", ""]
    if lighthouse is None:
        lines += ["Lighthouse not available: skipped.", ""]
        return "\n".join(lines)
    head = " | ".join(f"{cat} (≥ {t})" if t < 100 else f"{cat} (= 100)" for cat, t in LIGHTHOUSE_TARGETS.items())
    lines += [f"| Page | {head} |", "|---|" + "---:|" * len(LIGHTHOUSE_TARGETS)]
    failing: list[str] = []
    for name, rep in lighthouse.items():
        sc = scores(rep)
        cells = []
        for cat, target in LIGHTHOUSE_TARGETS.items():
            value = sc[cat]
            ok = value is not None and value >= target
            cells.append(f"{value} {'PASS' if ok else '**FAIL**'}")
            if not ok:
                failing.append(f"- {name}, {cat} {value}:")
                failing += failing_audits(rep, cat)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    version_ = next(iter(lighthouse.values())).get("lighthouseVersion", "?")
    lines += ["", f"Lighthouse {version_}, `--chrome-flags=\"--headless=new --no-sandbox\"`, CHROME_PATH={CHROMIUM}.", ""]
    if failing:
        lines += ["### Audits under target", "", *failing, ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed")
    parser.add_argument("--keep", action="store_true", help="keep the built site and Lighthouse reports")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="page-weight-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    build_site(work / "site", base)
    server = serve(work / "site", port, use_gzip=not args.no_gzip)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            weights = {name: measure_weight(browser, base + path) for name, path in PAGES.items()}
            timing = time_search(browser, base)
            browser.close()
        lighthouse = None
        if not args.no_lighthouse and ensure_lighthouse():
            lighthouse = {name: run_lighthouse(base + path, work / f"lighthouse-{i}.json")
                          for i, (name, path) in enumerate(PAGES.items())}
    finally:
        server.shutdown()
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = report(weights, timing, lighthouse, gzip_served=not args.no_gzip)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    for name, w in weights.items():
        print(f"\n{name} responses:\n  " + "\n  ".join(w.urls))


if __name__ == "__main__":
    main()
