"""What's new: the pages most recently added or changed, from their git dates."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Mapping, NamedTuple

from ..content.corpus import Corpus
from ..content.history import Dates
from ..text.dates import MONTHS
from .model import Block, Blocks, Link, Site
NEWS_MAX = 30
FEED_FILE = "feed.xml"


@dataclass(frozen=True)
class Change:
    """A guide, case study or source page and its dates."""

    path: str
    title: str
    description: str
    dates: Dates


class NewsItem(NamedTuple):
    date: str
    verb: str  # « ajoutée » or « mise à jour »
    link: Link
    description: str


def french_date(stamp: int) -> str:
    day = time.gmtime(stamp)
    return f"{day.tm_mday}{'er' if day.tm_mday == 1 else ''} {MONTHS[day.tm_mon - 1]} {day.tm_year}"


def recent_changes(corpus: Corpus, dates: Mapping[str, Dates], limit: int = NEWS_MAX) -> list[Change]:
    """Newest first; ties broken by path so that the order is stable."""
    changes = [Change(r.path, r.title, r.description, dates[r.path]) for r in corpus.records() if r.path in dates]
    changes.sort(key=lambda c: (-c.dates.updated, c.path))
    return changes[:limit]


def news(site: Site, here: str) -> Blocks:
    """The list of recent changes and the link to the Atom feed."""
    items = [NewsItem(french_date(c.dates.updated), "ajoutée" if c.dates.created == c.dates.updated else "mise à jour",
                      site.link(c.title, here, c.path), c.description)
             for c in recent_changes(site.corpus, site.dates)]
    return Blocks(after=Block("news.html", {"items": items, "feed": site.file_href(here, FEED_FILE)}))
