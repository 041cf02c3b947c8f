"""Long lists of case studies cut into pages of :data:`PAGE_SIZE`, linked by plain links.

A list's first page is the page that holds it (``experiences/index.md``, ``territoires/bretagne.md``);
its page ``n`` (from 2) is a generated page, :func:`page_path`: ``experiences/page/2.md``,
``territoires/bretagne/page/2.md``. Cases live directly in ``experiences/``, so no case can sit
at such a path. Every page of a list links to the first, the last, its neighbours and the pages
around it: plain links, which work offline and without JavaScript, and reach every page from the
first (the build's orphan check follows them).

The pages after the first are left out of the search index (their front matter, :func:`page_source`):
each case is found on its own page.
"""
from __future__ import annotations

from typing import NamedTuple, Sequence, TypeVar

import yaml

from .model import Link, Site

PAGE_SIZE = 100  # cases per page: a page view stays well under 100 kB gzip, a phone scrolls it easily
AROUND = 2  # pages linked on each side of the current one
NNBSP = "\u202f"  # groups of digits: « 10 000 »
SEARCH_EXCLUDED = {"search": {"exclude": True}}  # front matter of a page left out of the search index

T = TypeVar("T")


def page_count(total: int) -> int:
    """How many pages a list of ``total`` items takes (one at least, even empty)."""
    return max(1, -(-total // PAGE_SIZE))


def page_path(first: str, number: int) -> str:
    """Path (relative to docs/) of page ``number`` of the list whose first page is ``first``."""
    if number <= 1:
        return first
    stem = first[:-3]
    folder = stem[: -len("/index")] if stem.endswith("/index") else ("" if stem == "index" else stem)
    return f"{folder}/page/{number}.md" if folder else f"page/{number}.md"


def number_at(first: str, path: str) -> int | None:
    """The page number of ``path`` in the list whose first page is ``first``, or None."""
    if path == first:
        return 1
    prefix = page_path(first, 2)[: -len("2.md")]
    if not path.startswith(prefix) or not path.endswith(".md"):
        return None
    digits = path[len(prefix):-3]
    return int(digits) if digits.isdigit() and digits[0] != "0" and int(digits) >= 2 else None


def items_of(items: Sequence[T], number: int) -> Sequence[T]:
    """The items shown on page ``number``."""
    return items[(number - 1) * PAGE_SIZE: number * PAGE_SIZE]


def grouped(number: int) -> str:
    """« 10 000 »: digits grouped by three, a narrow no-break space between groups."""
    return f"{number:,}".replace(",", NNBSP)


class PagerItem(NamedTuple):
    link: Link | None  # None: the current page (no link)
    number: int
    gap_before: bool  # pages left out before this one (« … »)


class Pager(NamedTuple):
    """What a page of a list says about its place in the list, and its links to the other pages."""

    number: int
    pages: int  # pages in all
    summary: str  # « Expériences 101 à 200 sur 10 000, par ordre alphabétique. »
    previous: Link | None
    next: Link | None
    items: tuple[PagerItem, ...]


def shown_numbers(number: int, count: int) -> list[int]:
    """The pages a pager links: the first, the last, and :data:`AROUND` on each side of ``number``."""
    return sorted({1, count, *range(max(1, number - AROUND), min(count, number + AROUND) + 1)})


def pager(site: Site, first: str, number: int, total: int) -> Pager:
    """Page ``number`` of the list of ``total`` items whose first page is ``first``."""
    count = page_count(total)
    here = page_path(first, number)

    def to(n: int, label: str) -> Link:
        return site.link(label, here, page_path(first, n))

    start, end = (number - 1) * PAGE_SIZE + 1, min(total, number * PAGE_SIZE)
    if total == 0:
        summary = "Aucune expérience pour l'instant."
    elif count == 1:
        summary = f"{grouped(total)} expérience{'s' if total > 1 else ''}, par ordre alphabétique."
    else:
        summary = f"Expériences {grouped(start)} à {grouped(end)} sur {grouped(total)}, par ordre alphabétique."
    items, last = [], 0
    for n in shown_numbers(number, count):
        items.append(PagerItem(None if n == number else to(n, str(n)), n, n > last + 1))
        last = n
    return Pager(number, count, summary,
                 to(number - 1, "Page précédente") if number > 1 else None,
                 to(number + 1, "Page suivante") if number < count else None, tuple(items))


def title_of(title: str, number: int, count: int) -> str:
    """The title of page ``number`` of a list called ``title``."""
    return title if number <= 1 else f"{title} (page {number} sur {count})"


def page_source(title: str, description: str) -> str:
    """The markdown file of a generated page after the first: its front matter only, out of the search index."""
    meta = {"title": title, "description": description, **SEARCH_EXCLUDED}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"
