"""Generated HTML joined to a rendered page.

The hooks never hand generated HTML to Python-Markdown: a block goes before or
after the page's own HTML once its markdown is rendered. This module gives the
block's headings what the toc extension gives markdown headings (a unique id, a
permalink, an entry in the table of contents), and makes the light copy of a
block that Material's search plugin reads.

Why a light copy: the search plugin splits every page into sections with Python's
HTMLParser, at a cost per tag, and generated listings hold most of a large site's
tags (links, list items, table cells, acronyms). The light copy keeps headings
(with their ids: they start the index's sections), paragraphs and words, and drops the rest;
the real block is put back as soon as the search plugin has read the page.
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
_SPACES = re.compile(r"\s+")
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
    text = _INLINE_TAG.sub("", _PERMALINK.sub("", _NOT_INDEXED.sub(" ", block)))
    return _SPACES.sub(" ", _OTHER_TAG.sub(" ", text)).strip()


def for_search(before: str, body: str, after: str) -> str:
    """The page as the search plugin should read it: light copies of the blocks around the body."""
    return f"{MARK}{light_copy(before)}{MARK}{body}{MARK}{light_copy(after)}{MARK}"


def with_blocks(content: str, before: str, after: str, change: Callable[[str], str] = str) -> str:
    """The page read by the search plugin (:func:`for_search`, maybe retouched), ``change`` applied
    to its own HTML, and the real blocks back in place of their light copies."""
    parts = content.split(MARK)
    if len(parts) < 5:  # no blocks, or the markers are gone
        return change(content)
    body = MARK.join(parts[2:-2])  # a marker written in the page itself stays where it is
    return parts[0] + before + change(body) + ("\n" if after else "") + after + parts[-1]
