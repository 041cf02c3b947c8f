"""Headings of generated blocks, given what Python-Markdown's toc extension gives written ones.

The hooks never hand generated HTML to Python-Markdown: a block goes before or
after the page's own HTML once its markdown is rendered. Its templates write each
heading with the permalink the extension writes (``<a class="headerlink">``, its
symbol and title from mkdocs.yml: :func:`permalink_of`). Here each heading gets
an id no other heading of the page has (numbered ``_1``, ``_2`` as the toc
extension numbers them), an entry in the page's table of contents (nested as the
extension nests markdown headings), and its id joins ``page.present_anchor_ids``
so that MkDocs validates links to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from guide_ess.core import Permalink, french_spacing

_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")
_PERMALINK = '<a class="headerlink"'


@dataclass(frozen=True)
class TocEntry:
    """A heading of a generated block, for the page's table of contents."""

    level: int
    anchor: str
    title: str  # HTML text, tags removed


def permalink_of(config: MkDocsConfig) -> Permalink:
    """The permalink the toc extension writes, from mkdocs.yml (``markdown_extensions: toc``)."""
    toc = config.mdx_configs.get("toc", {})
    symbol = toc.get("permalink", False)
    return Permalink("&para;" if symbol is True else str(symbol or ""), str(toc.get("permalink_title", "Permanent link")))


def unique_anchor(wanted: str, taken: AbstractSet[str]) -> str:
    """``wanted``, or the next free ``wanted_1``, ``wanted_2``… as the toc extension numbers them."""
    anchor = wanted
    while anchor in taken or not anchor:
        match = _NUMBERED.match(anchor)
        base, count = (match.group(1), int(match.group(2))) if match else (anchor, 0)
        anchor = f"{base}_{count + 1}"
    return anchor


def place_headings(block: str, taken: set[str]) -> tuple[str, list[TocEntry]]:
    """Give each ``<hN id="…">`` of ``block`` (its permalink, if any, written by the template) an id not in
    ``taken`` (added to it); return the block and its headings in order."""
    entries: list[TocEntry] = []

    def one(match: re.Match[str]) -> str:
        level, wanted, inner = int(match.group(1)), match.group(2), match.group(3)
        anchor = unique_anchor(wanted, taken)
        taken.add(anchor)
        entries.append(TocEntry(level, anchor, _TAG.sub("", inner.split(_PERMALINK, 1)[0]).strip()))
        if anchor == wanted:
            return match.group(0)
        renamed = re.sub(rf'(?<= id="){re.escape(wanted)}(?=")', anchor, match.group(0), count=1)
        return re.sub(rf'(?<= href="#){re.escape(wanted)}(?=")', anchor, renamed, count=1)

    return _HEADING.sub(one, block), entries


def join_blocks(page: Page, before: str, after: str) -> tuple[str, str]:
    """The blocks with their headings placed, their ids known to MkDocs and their entries in the page's TOC."""
    if not before and not after:
        return before, after
    taken = page.present_anchor_ids if page.present_anchor_ids is not None else set()
    before, entries_before = place_headings(before, taken)
    after, entries_after = place_headings(after, taken)
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
