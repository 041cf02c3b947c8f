"""MkDocs' warnings about links and anchors, told in French with the line of the link.

MkDocs checks every link of every page (``validation:`` in mkdocs.yml) and logs an
English warning naming the page and the link, without its line. A filter on its
logger takes those warnings out of the log and turns each into a
:class:`Problem` at the line of the source file where the link is written; the
build reports them with the other content problems and stops.

The message formats are those of MkDocs 1.6 (``mkdocs/structure/pages.py``);
``tests/engine/test_links.py`` builds pages with each kind of broken link, so an
upgrade that changes them shows at once.
"""
from __future__ import annotations

import difflib
import logging
import posixpath
import re
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from guide_ess.core import Problem

LOGGER = "mkdocs.structure.pages"
_DID_YOU_MEAN = r"(?: Did you mean '(?P<suggest>[^']*)'\?)?"
_FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("not_found", re.compile(r"Doc file '(?P<src>[^']*)' contains a link '(?P<url>[^']*)', but the target"
                             r"(?: '(?P<target>[^']*)')? is not found among documentation files\." + _DID_YOU_MEAN)),
    ("unrecognized", re.compile(r"Doc file '(?P<src>[^']*)' contains an unrecognized relative link '(?P<url>[^']*)', "
                                r"it was left as is\." + _DID_YOU_MEAN)),
    ("absolute", re.compile(r"Doc file '(?P<src>[^']*)' contains an absolute link '(?P<url>[^']*)', "
                            r"it was left as is\." + _DID_YOU_MEAN)),
    ("anchor_here", re.compile(r"Doc file '(?P<src>[^']*)' contains a link '(?P<url>[^']*)', "
                               r"but there is no such anchor on this page\.")),
    ("anchor_there", re.compile(r"Doc file '(?P<src>[^']*)' contains a link '(?P<url>[^']*)', but the doc "
                                r"'(?P<doc>[^']*)' does not contain an anchor '#(?P<anchor>[^']*)'\.")),
)
_ANCHOR_HINT = ("l'ancre d'un intertitre est son texte en minuscules, sans accents ni ponctuation, mots reliés "
                "par des tirets (« ## Ce qui a été fait » donne « #ce-qui-a-ete-fait »).")


def close_page(src: str, url: str, pages: Iterable[str]) -> str:
    """The link to write for the page of ``pages`` (paths relative to docs/) whose path is closest to the
    one ``url`` names from ``src`` (a letter off, a letter missing…), or ''."""
    path, hash_, anchor = url.partition("#")
    if not path or "://" in path:
        return ""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
    wanted = target if target.endswith(".md") else target.rstrip("/") + ".md"
    candidates = {page: page for page in pages}
    candidates.update({page[: -len("/index.md")] + ".md": page for page in pages if page.endswith("/index.md")})
    match = difflib.get_close_matches(wanted, list(candidates), n=1, cutoff=0.8)
    if not match:
        return ""
    return posixpath.relpath(candidates[match[0]], posixpath.dirname(src) or ".") + (hash_ + anchor if hash_ else "")


def _anchors_listing(anchors: Sequence[str] | None) -> str:
    if anchors is None:
        return ""
    if not anchors:
        return " Cette page n'a aucun intertitre."
    shown = ", ".join(f"#{a}" for a in anchors[:30]) + (", …" if len(anchors) > 30 else "")
    return f" Ancres de cette page : {shown}."


def french(kind: str, found: dict[str, str], anchors: Mapping[str, Sequence[str]] | None = None,
           pages: Iterable[str] = ()) -> str:
    """The French message for one kind of link warning; ``anchors`` (page -> its headings' anchors) and
    ``pages`` (every page, relative to docs/) let it list the anchors of the page aimed at, or suggest
    the page meant."""
    url = found["url"]
    anchors = anchors or {}
    if not found.get("suggest") and kind in ("not_found", "unrecognized"):
        found = dict(found, suggest=close_page(found["src"], url, pages))
    suggest = f" Vouliez-vous dire « {found['suggest']} » ?" if found.get("suggest") else ""
    if kind == "not_found":
        return (f"le lien « {url} » mène à une page qui n'existe pas. Écrivez le chemin du fichier .md visé à "
                f"partir du dossier de cette page (par exemple « ../guides/commande-publique.md »).{suggest}")
    if kind == "unrecognized":
        return (f"le lien « {url} » ne désigne pas un fichier : écrivez le chemin du fichier .md visé "
                f"(par exemple « ../experiences/index.md »).{suggest}")
    if kind == "absolute":
        return (f"le lien « {url} » commence par « / » : écrivez un chemin relatif au dossier de cette page "
                f"(par exemple « ../guides/commande-publique.md »).{suggest}")
    if kind == "anchor_here":
        return (f"le lien « {url} » vise un intertitre absent de cette page : {_ANCHOR_HINT}"
                + _anchors_listing(anchors.get(found["src"])))
    return (f"le lien « {url} » vise l'intertitre « #{found['anchor']} », absent de docs/{found['doc']} : "
            f"{_ANCHOR_HINT}" + _anchors_listing(anchors.get(found["doc"])))


def toc_anchors(items: Iterable[AnchorLink]) -> list[str]:
    """The anchors of a table of contents, in reading order."""
    out: list[str] = []
    for item in items:
        out.append(item.id)
        out += toc_anchors(item.children)
    return out


def parse_warning(message: str) -> tuple[str, dict[str, str]] | None:
    """The kind and parts of a link warning of MkDocs, or None for any other message."""
    for kind, pattern in _FORMATS:
        match = pattern.fullmatch(message)
        if match:
            return kind, {k: v for k, v in match.groupdict().items() if v is not None}
    return None


def line_of_link(text: str, url: str) -> int:
    """The 1-based line of ``text`` where the link ``url`` is written (markdown link first), 0 if not found."""
    for needle in (f"]({url}", f"]: {url}", f'"{url}"', url):
        at = text.find(needle)
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return 0


class LinkWarnings(logging.Filter):
    """Takes MkDocs' link warnings out of the log and keeps them as problems (attach with :meth:`attach`)."""

    def __init__(self, docs_dir: Path) -> None:
        super().__init__()
        self.docs_dir = docs_dir
        self.problems: list[Problem] = []
        self.anchors: dict[str, list[str]] = {}  # page (relative to docs/) -> its headings' anchors

    def note_page(self, page: Page) -> None:
        """Keep the anchors of a rendered page, to list them when a link misses one."""
        self.anchors[page.file.src_uri] = toc_anchors(page.toc)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        parsed = parse_warning(record.getMessage())
        if parsed is None:
            return True
        kind, found = parsed
        pages = [p.relative_to(self.docs_dir).as_posix() for p in self.docs_dir.rglob("*.md")] \
            if kind in ("not_found", "unrecognized") and not found.get("suggest") else []
        self.problems.append(Problem(f"docs/{found['src']}", "", french(kind, found, self.anchors, pages),
                                     self._line(found["src"], found["url"])))
        return False

    def reported(self) -> list[Problem]:
        """The problems to report: a page generated from others (the printable guides) repeats their
        links, so its problem is left out when a written page has the same one."""
        written = {p.message for p in self.problems if (self.docs_dir / p.path.removeprefix("docs/")).is_file()}
        return [p for p in self.problems
                if (self.docs_dir / p.path.removeprefix("docs/")).is_file() or p.message not in written]

    def _line(self, src: str, url: str) -> int:
        try:
            return line_of_link((self.docs_dir / src).read_bytes().decode("utf-8-sig", errors="replace"), url)
        except OSError:
            return 0

    def attach(self) -> None:
        """Start listening; a filter an earlier build left behind is taken off first (a build that fails
        outside the hooks never reaches :meth:`detach`, and MkDocs' on_build_error gets no config to find it)."""
        logger = logging.getLogger(LOGGER)
        for stale in [f for f in logger.filters if isinstance(f, LinkWarnings)]:
            logger.removeFilter(stale)
        logger.addFilter(self)

    def detach(self) -> None:
        logging.getLogger(LOGGER).removeFilter(self)
