"""What's new: the pages most recently added or changed, from their git dates."""
from __future__ import annotations

import time
from dataclasses import dataclass

from .corpus import Corpus
from .history import Dates
from .render import NBSP, Html, paragraph

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
NEWS_MAX = 30
NO_HISTORY = "L'historique des pages n'est pas disponible dans cette copie du guide."


@dataclass(frozen=True)
class Change:
    """A guide, case study or source page and its dates."""

    path: str
    title: str
    description: str
    dates: Dates


def french_date(stamp: int) -> str:
    day = time.gmtime(stamp)
    return f"{day.tm_mday}{'er' if day.tm_mday == 1 else ''} {MONTHS[day.tm_mon - 1]} {day.tm_year}"


def recent_changes(corpus: Corpus, dates: dict[str, Dates], limit: int = NEWS_MAX) -> list[Change]:
    """Newest first; ties broken by path so that the order is stable."""
    changes = [Change(r.path, r.title, r.description, dates[r.path]) for r in corpus.records() if r.path in dates]
    changes.sort(key=lambda c: (-c.dates.updated, c.path))
    return changes[:limit]


def news_list(h: Html, changes: list[Change], page_path: str) -> str:
    if not changes:
        return paragraph(h.text(NO_HISTORY))
    items = []
    for change in changes:
        verb = "ajoutée" if change.dates.created == change.dates.updated else "mise à jour"
        items.append(f"<li><strong>{french_date(change.dates.updated)}</strong> ({verb}){NBSP}: "
                     f"{h.a(change.title, page_path, change.path)} — {h.text(change.description)}</li>")
    return "<ul>\n" + "\n".join(items) + "\n</ul>\n"
