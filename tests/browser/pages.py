"""Helpers for the browser tests: list a built site's pages, open them, record offenders.

``visit_all`` opens every page of a build in one browser context, a few tabs at a
time, and records for each page: console errors, uncaught exceptions, failed
requests (network failures and HTTP errors) and requests to any place other than
the site itself (requests made by the search's worker included).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import unquote, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}

UrlPolicy = Callable[[str], bool]
PageCheck = Callable[[Any], Iterable[str]]


# --------------------------------------------------------------------------- pages of a build


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site (paths relative to ``site_dir``), 404 page excluded."""
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    return [p for p in pages if p != "404.html"]


def sitemap_pages(site_dir: Path) -> list[str]:
    """Pages listed in ``sitemap.xml``, as paths relative to the site root (``guides/x/``)."""
    tree = ET.parse(site_dir / "sitemap.xml")
    locs = [el.text or "" for el in tree.getroot().iter(f"{SITEMAP_NS}loc")]
    return sorted(urlsplit(loc.strip()).path.lstrip("/") for loc in locs)


def directory_url(rel_html: str) -> str:
    """``guides/x/index.html`` -> ``guides/x/`` (the address a reader uses on a served site)."""
    if rel_html == "index.html":
        return ""
    if rel_html.endswith("/index.html"):
        return rel_html[: -len("index.html")]
    return rel_html


def served_pages(site_dir: Path, base_url: str) -> list[str]:
    """Absolute URLs of every page of a site built with directory URLs and served at ``base_url``."""
    return [base_url + directory_url(rel) for rel in html_pages(site_dir)]


def file_pages(site_dir: Path) -> list[str]:
    """``file://`` URLs of every page of an unzipped offline bundle."""
    return [(site_dir / rel).resolve().as_uri() for rel in html_pages(site_dir)]


def labeller(base: str) -> Callable[[str], str]:
    """Short page names for reports: the URL without ``base`` (``/guides/x/``)."""
    return lambda url: "/" + url[len(base):] if url.startswith(base) else url


# --------------------------------------------------------------------------- URL policy


def served_policy(base_url: str) -> UrlPolicy:
    """Allowed: the site's own origin (127.0.0.1:port), data:, blob:."""
    origin = urlsplit(base_url)

    def allowed(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        return parts.scheme == origin.scheme and parts.netloc == origin.netloc

    return allowed


def file_policy(site_dir: Path) -> UrlPolicy:
    """Allowed: file: URLs inside the unzipped bundle, data:, blob:."""
    root = site_dir.resolve()

    def allowed(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        path = Path(unquote(parts.path)).resolve()
        return path == root or root in path.parents

    return allowed


# --------------------------------------------------------------------------- recording


@dataclass
class Offence:
    page: str
    kind: str
    detail: str


@dataclass
class Recorder:
    """What each page did wrong, keyed by page; listeners are set per browser tab."""

    allowed: UrlPolicy
    label: Callable[[str], str] = lambda url: url
    offences: list[Offence] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)
    requests: int = 0
    _current: dict[int, str] = field(default_factory=dict)

    def add(self, page: str, kind: str, detail: str) -> None:
        self.offences.append(Offence(page, kind, detail))

    def watch(self, tab: Any) -> None:
        """Attribute everything ``tab`` does to the page it is currently showing."""
        key = id(tab)

        def where() -> str:
            return self._current.get(key, "(aucune page)")

        def on_request(request: Any) -> None:
            self.requests += 1
            if not self.allowed(request.url):
                self.add(where(), "requête hors site", f"{request.method} {request.url} ({request.resource_type})")

        def on_request_failed(request: Any) -> None:
            self.add(where(), "requête échouée", f"{request.url} : {request.failure}")

        def on_response(response: Any) -> None:
            if response.status >= 400:
                self.add(where(), "requête échouée", f"{response.url} : HTTP {response.status}")

        def on_console(message: Any) -> None:
            if message.type == "error":
                loc = message.location or {}
                at = f" ({loc.get('url')}:{loc.get('lineNumber')})" if loc.get("url") else ""
                self.add(where(), "erreur console", f"{message.text}{at}")

        def on_page_error(error: Any) -> None:
            self.add(where(), "exception JavaScript", str(error))

        def on_crash(_: Any) -> None:
            self.add(where(), "onglet planté", "le moteur de rendu s'est arrêté")

        tab.on("request", on_request)
        tab.on("requestfailed", on_request_failed)
        tab.on("response", on_response)
        tab.on("console", on_console)
        tab.on("pageerror", on_page_error)
        tab.on("crash", on_crash)

    def showing(self, tab: Any, url: str) -> None:
        name = self.label(url)
        self._current[id(tab)] = name
        self.visited.append(name)

    def report(self, title: str) -> str:
        by_page: dict[str, list[Offence]] = {}
        for offence in self.offences:
            by_page.setdefault(offence.page, []).append(offence)
        lines = [f"{title} : {len(self.offences)} problème(s) sur {len(by_page)} page(s) "
                 f"(sur {len(self.visited)} pages ouvertes)"]
        for page, offences in sorted(by_page.items()):
            lines.append(f"  {page}")
            lines += [f"    [{o.kind}] {o.detail}" for o in offences]
        return "\n".join(lines)


def visit_all(context: Any, urls: list[str], recorder: Recorder, *, tabs: int = 4,
              idle_timeout_ms: float = 10_000, check: PageCheck | None = None) -> Recorder:
    """Open every URL in ``context``, ``tabs`` at a time, and wait until each is idle.

    A page is done when it has loaded and the network has been quiet for 500 ms
    ``check(tab)`` may return more problems for the page once it is idle.
    """
    pool = [context.new_page() for _ in range(max(1, min(tabs, len(urls))))]
    for tab in pool:
        recorder.watch(tab)
    try:
        for start in range(0, len(urls), len(pool)):
            batch = list(zip(pool, urls[start:start + len(pool)]))
            for tab, url in batch:
                recorder.showing(tab, url)
                try:
                    tab.goto(url, wait_until="commit")
                except Exception as exc:  # e.g. net::ERR_FILE_NOT_FOUND
                    recorder.add(recorder.label(url), "ouverture impossible", str(exc).splitlines()[0])
            for tab, url in batch:
                name = recorder.label(url)
                try:
                    tab.wait_for_load_state("load", timeout=idle_timeout_ms)
                    tab.wait_for_load_state("networkidle", timeout=idle_timeout_ms)
                except Exception as exc:
                    recorder.add(name, "chargement sans fin", str(exc).splitlines()[0])
                    continue
                if check is not None:
                    for problem in check(tab):
                        recorder.add(name, "contenu", problem)
    finally:
        for tab in pool:
            tab.close()
    return recorder


def page_has_content(tab: Any) -> list[str]:
    """The page really rendered: a title h1 in the article, and Material's script ran."""
    found = tab.evaluate("""() => ({
        h1: document.querySelectorAll('article h1').length,
        js: !document.documentElement.classList.contains('no-js'),
    })""")
    problems = []
    if found["h1"] != 1:
        problems.append(f"{found['h1']} titre(s) h1 dans l'article (1 attendu)")
    if not found["js"]:
        problems.append("le script de Material ne s'est pas exécuté (classe no-js restée sur <html>)")
    return problems


def loaded_pages(context: Any, urls: list[str]) -> Iterator[tuple[str, Any]]:
    """Yield (url, tab) for each url, loaded; the next page loads in a second tab meanwhile."""
    tabs = [context.new_page(), context.new_page()]
    tabs[0].goto(urls[0], wait_until="commit")
    for i, url in enumerate(urls):
        tab = tabs[i % 2]
        tab.wait_for_load_state("load")
        if i + 1 < len(urls):
            tabs[(i + 1) % 2].goto(urls[i + 1], wait_until="commit")
        yield url, tab
