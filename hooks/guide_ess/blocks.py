"""Generated HTML joined to a rendered page, and the light page the search plugin reads.

The hooks never hand generated HTML to Python-Markdown: a block goes before or
after the page's own HTML once its markdown is rendered. This module gives the
block's headings what the toc extension gives markdown headings (a unique id, a
permalink, an entry in the table of contents).

Material's search plugin splits every page into sections with Python's HTMLParser,
at a cost per tag. So it reads a light copy of each page, put back to the real
page as soon as it is done (on_page_context):

- the page's own HTML keeps only the tags the plugin keeps in the index (p, li,
  code…) or needs (headings with their ids, which start sections): the sections,
  titles and texts it finds are the same, from a third of the tags;
- a generated block (lists, tables: most of a large site's tags) is reduced to its
  headings, paragraphs and words, cells and list items set apart by spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Callable

_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_NUMBERED = re.compile(r"^(.*)_([0-9]+)$")
# Light copy: what the search plugin never indexes, inline tags (their text stays), other tags.
_NOT_INDEXED = re.compile(r"<(script|style|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|strong|em|i|span|sup|sub|small|mark|time|label|code|q|cite)\b[^>]*>",
                         re.IGNORECASE)
_OTHER_TAG = re.compile(r"<(?!/?(?:h[1-6]|p)\b)[^>]*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n]{2,}")  # runs only; non-breaking spaces stay
# The page's own HTML: what the search plugin skips, and every tag it neither keeps nor needs.
# It needs the containers a heading can sit in (admonitions, details…): closing one ends the
# heading's section.
_SKIPPED_BY_SEARCH = re.compile(r"<(script|style|object)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_NOT_KEPT_BY_SEARCH = re.compile(
    r"<(?!/?(?:h[1-6]|p|code|pre|li|ol|ul|sub|sup|div|details|section|blockquote|aside)\b)[^>]*>", re.IGNORECASE)
MARK = "<!--guide-ess-bloc-->"


@dataclass(frozen=True)
class TocEntry:
    """A heading of a generated block, for the page's table of contents."""

    level: int
    anchor: str
    title: str  # HTML text, tags removed


def unique_anchor(wanted: str, taken: AbstractSet[str]) -> str:
    """``wanted``, or the next free ``wanted_1``, ``wanted_2``… as the toc extension numbers them."""
    anchor = wanted
    while anchor in taken or not anchor:
        match = _NUMBERED.match(anchor)
        base, count = (match.group(1), int(match.group(2))) if match else (anchor, 0)
        anchor = f"{base}_{count + 1}"
    return anchor


def place_headings(block: str, taken: set[str], permalink: str, permalink_title: str) -> tuple[str, list[TocEntry]]:
    """Give each ``<hN id="…">`` of ``block`` an id not in ``taken`` (added to it) and a permalink
    (none if ``permalink`` is empty); return the block and its headings in order."""
    entries: list[TocEntry] = []

    def one(match: re.Match[str]) -> str:
        level, title = int(match.group(1)), match.group(3)
        anchor = unique_anchor(match.group(2), taken)
        taken.add(anchor)
        entries.append(TocEntry(level, anchor, _TAG.sub("", title).strip()))
        link = (f'<a class="headerlink" href="#{anchor}" title="{permalink_title}">{permalink}</a>'
                if permalink else "")
        return f'<h{level} id="{anchor}">{title}{link}</h{level}>'

    return _HEADING.sub(one, block), entries


def light_copy(block: str) -> str:
    """What the search index needs of ``block``: headings (they start sections), paragraphs and words."""
    if "<s" in block:  # <script>, <style>, <svg>
        block = _NOT_INDEXED.sub(" ", block)
    text = _INLINE_TAG.sub("", _PERMALINK.sub("", block) if "headerlink" in block else block)
    return _SPACES.sub(" ", _OTHER_TAG.sub(" ", text)).strip()


def light_body(body: str) -> str | None:
    """The page's own HTML as the search plugin needs it, or None when the page asks the plugin
    for more (``data-search-exclude``, code line numbers): it then reads the real HTML."""
    if "data-search-" in body or "linenodiv" in body:
        return None
    if "<s" in body or "<o" in body:
        body = _SKIPPED_BY_SEARCH.sub("", body)
    return _NOT_KEPT_BY_SEARCH.sub("", _PERMALINK.sub("", body))


@dataclass(frozen=True)
class RealPage:
    """A page's own HTML and the generated blocks that go around it."""

    before: str
    body: str
    after: str
    light: bool  # whether the search plugin reads a light copy of the body


def for_search(before: str, body: str, after: str) -> tuple[str, RealPage]:
    """The light page the search plugin should read, and what :func:`restore` needs to undo it."""
    light = light_body(body)
    read = light if light is not None else body
    light_before = light_copy(before) if before else ""
    light_after = light_copy(after) if after else ""
    return f"{MARK}{light_before}{MARK}{read}{MARK}{light_after}{MARK}", RealPage(before, body, after, light is not None)


def restore(content: str, page: RealPage, change: Callable[[str], str] = str) -> str:
    """The real page, ``change`` applied to its own HTML, from ``content``, the light page the search
    plugin read (and may have retouched, when it read the real body)."""
    body = page.body
    if not page.light:
        parts = content.split(MARK)
        if len(parts) < 5:  # the markers are gone: the page is what the plugin left
            return change(content)
        body = MARK.join(parts[2:-2])  # a marker written in the page itself stays where it is
    return page.before + change(body) + ("\n" if page.after else "") + page.after
