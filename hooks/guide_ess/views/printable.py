"""One printable page holding every thematic guide, in the order of the guides' menu."""
from __future__ import annotations

import html
import re
from typing import Mapping, NamedTuple, Sequence

from ..content.corpus import Corpus
from ..text.dates import french_iso_date
from .model import Block, Blocks, Site

PRINTABLE_PATH = "guides/version-imprimable.md"
_HEADING = re.compile(r"^(#{2,5}) ", re.MULTILINE)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!|~^=+])")


class PrintableGuide(NamedTuple):
    title: str  # markdown-escaped
    description: str
    reviewed: str  # « 2 décembre 2026 »: the date its facts were last checked
    body: str  # markdown, headings one level down


def md_text(value: str) -> str:
    """Front-matter text made safe inside markdown (headings): escaped HTML and markdown."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


def printable_guides(corpus: Corpus, bodies: Mapping[str, str], order: Sequence[str]) -> Block:
    """The markdown source of the page: every guide body, its headings one level down, under the guide's title.

    The page lives in guides/, beside the guides, so their relative links stay valid.
    """
    ids = [g for g in order if g in corpus.guides] + sorted(set(corpus.guides) - set(order))
    guides = [PrintableGuide(md_text(corpus.guides[g].title), md_text(corpus.guides[g].description),
                             french_iso_date(corpus.guides[g].verifie_le),
                             _HEADING.sub(lambda m: "#" + m.group(1) + " ", bodies.get(corpus.guides[g].path, "")).strip())
              for g in ids]
    # The page as a whole is up to date as of its least recently checked guide (printed in its margins).
    oldest = min((corpus.guides[g].verifie_le for g in ids), default="")
    return Block("version-imprimable.md", {"guides": guides, "verifie_le": oldest})


def paths_needed(site: Site) -> list[str]:
    """The printable page, when the site has guides (the registry's « version-imprimable » family)."""
    return [PRINTABLE_PATH] if site.corpus.guides else []


def source_at(site: Site, path: str) -> Block:
    """The printable page's source, its guides in the order of their menu (``site.menu_orders``)."""
    corpus = site.corpus
    bodies = {g.path: corpus.front_matter[g.path].body for g in corpus.guides.values()}
    return printable_guides(corpus, bodies, site.menu_orders.get(PRINTABLE_PATH.partition("/")[0], ()))


def blocks_at(site: Site, path: str) -> Blocks | None:
    """The printable page has no generated block around its text (it is all generated)."""
    return Blocks() if path == PRINTABLE_PATH and site.corpus.guides else None
