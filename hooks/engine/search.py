"""What Material's search plugin reads: a light copy of every page, and accent-folded index fields.

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
from typing import Callable

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
