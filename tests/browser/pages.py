"""Helpers for the browser tests: list a built site's pages, open them, record offenders.

Every page is opened in one shared browser context per build; listeners on the
context record console errors, uncaught exceptions, failed requests (network
failures and HTTP errors) and requests to any place other than the site itself.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


# --------------------------------------------------------------------------- pages


def html_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site (paths relative to ``site_dir``), 404 page excluded."""
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    return [p for p in pages if p != "404.html"]


def sitemap_pages(site_dir: Path) -> list[str]:
    """Pages listed in ``sitemap.xml``, as paths relative to the site root (``guides/x/``)."""
    tree = ET.parse(site_dir / "sitemap.xml")
    locs = [el.text or "" for el in tree.getroot().iter(f"{SITEMAP_NS}loc")]
    return sorted(urlsplit(loc).path.lstrip("/") for loc in locs)


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
    """``file://`` URLs of every page of an offline bundle."""
    return [(site_dir / rel).resolve().as_uri() for rel in html_pages(site_dir)]


# --------------------------------------------------------------------------- URL policy


def served_policy(base_url: str) -> Callable[[str], bool]:
    """Allowed: the site's own origin (127.0.0.1:port), data:, blob:."""
    origin = urlsplit(base_url)

    def allowed(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        return parts.scheme == origin.scheme and parts.netloc == origin.netloc

    return allowed


def file_policy(site_dir: Path) -> Callable[[str], bool]:
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

    def __str__(self) -> str:
        return f"{self.page}\n    [{self.kind}] {self.detail}"


@dataclass
class Recorder:
    """Records, for the page being visited, everything a clean page must not do.

    Listeners are set on the browser context so that requests from workers, iframes
    and popups are seen too.
    """

    allowed: Callable[[str], bool]
    label: Callable[[str], str] = lambda url: url
    current: str = "(aucune page)"
    offences: list[Offence] = field(default_factory=list)
    requests: int = 0

    def add(self, kind: str, detail: str) -> None:
        self.offences.append(Offence(self.current, kind, detail))

    # -- listeners
    def on_request(self, request: Any) -> None:
        self.requests += 1
        if not self.allowed(request.url):
            self.add("requête hors site", f"{request.method} {request.url} ({request.resource_type})")

    def on_request_failed(self, request: Any) -> None:
        self.add("requête échouée", f"{request.url} : {request.failure}")

    def on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.add("requête échouée", f"{response.url} : HTTP {response.status}")

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            loc = message.location or {}
            where = f" ({loc.get('url')}:{loc.get('lineNumber')})" if loc.get("url") else ""
            self.add("erreur console", f"{message.text}{where}")

    def on_page_error(self, error: Any) -> None:
        self.add("exception JS", str(error))

    def attach(self, context: Any) -> None:
        context.on("request", self.on_request)
        context.on("requestfailed", self.on_request_failed)
        context.on("response", self.on_response)

        def on_page(page: Any) -> None:
            page.on("console", self.on_console)
            page.on("pageerror", self.on_page_error)

        context.on("page", on_page)

    def report(self, title: str) -> str:
        lines = [f"{title} : {len(self.offences)} problème(s)"]
        lines += [str(o) for o in self.offences]
        return "\n".join(lines)


def visit(page: Any, url: str, recorder: Recorder | None = None, idle_timeout: float = 5000) -> None:
    """Open ``url`` and wait until the page and what it loads afterwards (search index) are done."""
    if recorder is not None:
        recorder.current = recorder.label(url)
    response = page.goto(url, wait_until="load")
    if recorder is not None and response is not None and response.status >= 400:
        pass  # already recorded by the context's response listener
    try:
        page.wait_for_load_state("networkidle", timeout=idle_timeout)
    except Exception as exc:  # a request that never ends is an offence too
        if recorder is not None:
            recorder.add("chargement sans fin", f"réseau encore actif après {idle_timeout / 1000:.0f} s : {exc}")
        else:
            raise
