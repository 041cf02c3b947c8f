"""The Atom feed of recently added or changed pages."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Entry:
    """One page in the feed: its title, absolute address, summary and dates."""

    title: str
    url: str
    summary: str
    created: int
    updated: int


def iso(stamp: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def atom_feed(title: str, site_url: str, feed_url: str, entries: Sequence[Entry]) -> str:
    """An Atom 1.0 document (RFC 4287); its date is that of the newest entry."""
    updated = max((e.updated for e in entries), default=0)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(feed_url)}</id>",
        f"  <link rel=\"self\" href={quoteattr(feed_url)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(site_url)}/>",
        f"  <updated>{iso(updated)}</updated>",
        f"  <author><name>{escape(title)}</name></author>",
    ]
    for entry in entries:
        parts += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <id>{escape(entry.url)}</id>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(entry.url)}/>",
            f"    <published>{iso(entry.created)}</published>",
            f"    <updated>{iso(entry.updated)}</updated>",
            f"    <summary>{escape(entry.summary)}</summary>",
            "  </entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
