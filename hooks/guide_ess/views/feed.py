"""The Atom feed of recently added or changed pages (RFC 4287)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, NamedTuple, Sequence

from .model import Block, Site
from .news import FEED_FILE, recent_changes


@dataclass(frozen=True)
class Entry:
    """One page in the feed: its title, absolute address, summary and dates."""

    title: str
    url: str
    summary: str
    created: int
    updated: int


class FeedEntry(NamedTuple):
    entry: Entry
    published: str  # ISO 8601
    updated: str


def iso(stamp: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def feed_block(title: str, site_url: str, entries: Sequence[Entry]) -> Block:
    """The feed document; its date is that of the newest entry."""
    site_url = site_url.rstrip("/") + "/"
    return Block("feed.xml", {
        "title": title, "site_url": site_url, "feed_url": site_url + FEED_FILE,
        "updated": iso(max((e.updated for e in entries), default=0)),
        "entries": [FeedEntry(e, iso(e.created), iso(e.updated)) for e in entries]})


def site_feed(site: Site, title: str, site_url: str, url_of: Callable[[str], str | None]) -> Block:
    """The feed of the site's recent changes; ``url_of`` gives the address of a page (relative to the
    site's root) or None when the page is not built."""
    base = site_url.rstrip("/") + "/"
    entries = []
    for change in recent_changes(site.corpus, site.dates):
        url = url_of(change.path)
        if url is not None:
            entries.append(Entry(change.title, base + url, change.description, change.dates.created, change.dates.updated))
    return feed_block(title, base, entries)
