"""Headings of generated blocks, given what Python-Markdown's toc extension gives written ones.

The hooks never hand generated HTML to Python-Markdown: a block goes before or
after the page's own HTML once its markdown is rendered. Its headings get a unique
id (numbered ``_1``, ``_2`` as the toc extension numbers them), the permalink the
extension writes (``<a class="headerlink">``, its symbol and title from
mkdocs.yml), an entry in the page's table of contents (nested as the extension
nests markdown headings), and their ids join ``page.present_anchor_ids`` so that
MkDocs validates links to them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink

from guide_ess.text.typography import french_spacing

_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")


@dataclass(frozen=True)
class TocEntry:
    """A heading of a generated block, for the page's table of contents."""

    level: int
    anchor: str
    title: str  # HTML text, tags removed


@dataclass(frozen=True)
class Permalink:
    """The toc extension's permalink: its symbol (empty: none) and its title, from mkdocs.yml."""

    symbol: str = ""  # HTML, as the toc extension writes it
    title: str = ""  # plain text

    @classmethod
    def of(cls, config: MkDocsConfig) -> Permalink:
        toc = config.mdx_configs.get("toc", {})
        symbol = toc.get("permalink", False)
        return cls("&para;" if symbol is True else str(symbol or ""), str(toc.get("permalink_title", "Permanent link")))


def unique_anchor(wanted: str, taken: AbstractSet[str]) -> str:
    """``wanted``, or the next free ``wanted_1``, ``wanted_2``… as the toc extension numbers them."""
    anchor = wanted
    while anchor in taken or not anchor:
        match = _NUMBERED.match(anchor)
        base, count = (match.group(1), int(match.group(2))) if match else (anchor, 0)
        anchor = f"{base}_{count + 1}"
    return anchor


def place_headings(block: str, taken: set[str], permalink: Permalink) -> tuple[str, list[TocEntry]]:
    """Give each ``<hN id="…">`` of ``block`` an id not in ``taken`` (added to it) and a permalink;
    return the block and its headings in order."""
    entries: list[TocEntry] = []
    link = (Markup('<a class="headerlink" href="#{anchor}" title="{title}">{symbol}</a>') if permalink.symbol
            else Markup(""))

    def one(match: re.Match[str]) -> str:
        level, title = int(match.group(1)), Markup(match.group(3))  # the block's own HTML
        anchor = unique_anchor(match.group(2), taken)
        taken.add(anchor)
        entries.append(TocEntry(level, anchor, _TAG.sub("", title).strip()))
        return str(Markup("<h{level} id=\"{anchor}\">{title}{link}</h{level}>").format(
            level=level, anchor=anchor, title=title,
            link=link.format(anchor=anchor, title=permalink.title, symbol=Markup(permalink.symbol))))

    return _HEADING.sub(one, block), entries


def join_blocks(page: Page, before: str, after: str, permalink: Permalink) -> tuple[str, str]:
    """The blocks with their headings placed, their ids known to MkDocs and their entries in the page's TOC."""
    if not before and not after:
        return before, after
    taken = page.present_anchor_ids if page.present_anchor_ids is not None else set()
    before, entries_before = place_headings(before, taken, permalink)
    after, entries_after = place_headings(after, taken, permalink)
    page.present_anchor_ids = taken
    _add_to_toc(page, entries_before, entries_after)
    return before, after


def _add_to_toc(page: Page, first: list[TocEntry], last: list[TocEntry]) -> None:
    """Headings of the block before the text open the table of contents; the others are nested
    after its last entry, as the toc extension nests markdown headings."""
    items = page.toc.items
    items[0:0] = [AnchorLink(e.title, e.anchor, e.level) for e in first]
    for entry in last:
        siblings = items
        while siblings and siblings[-1].level < entry.level:
            siblings = siblings[-1].children
        siblings.append(AnchorLink(entry.title, entry.anchor, entry.level))


def space_toc(items: Any) -> None:
    """The table of contents is built from the markdown: give its titles the same typography."""
    for item in items:
        item.title = french_spacing(item.title)  # titles hold escaped HTML (&amp;): the HTML-aware version
        space_toc(item.children)
