"""Pages whose facts were last checked too long ago: a reminder for the maintainers, not an error.

Every guide and case study carries the date its facts were last checked against its sources and
the law (``verifie_le``); past :data:`REVIEW_MONTHS` months, the contributors' check lists it.
"""
from __future__ import annotations

import calendar
import datetime

from ..text.dates import french_iso_date
from .corpus import Corpus
from .problems import Problem
from .schema import REVIEW_FIELD

REVIEW_MONTHS = 12
CHANGES_PAGE = "ce-qui-a-change.md"  # under docs/: what the law says now, beside what the sources said


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the last day of that month when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def stale_pages(corpus: Corpus, today: datetime.date | None = None, months: int = REVIEW_MONTHS) -> list[Problem]:
    """One warning per page checked more than ``months`` months before ``today``, oldest first."""
    today = today or datetime.date.today()
    limit = months_before(today, months)
    stale = sorted((checked, record.path) for record in corpus.records()
                   if (checked := getattr(record, REVIEW_FIELD, "")) and datetime.date.fromisoformat(checked) < limit)
    return [Problem(f"docs/{path}", REVIEW_FIELD,
                    f"page à relire : ses faits ont été vérifiés le {french_iso_date(checked)}, il y a plus de "
                    f"{months} mois. Relisez-la avec ses sources et la page « Ce qui a changé depuis les sources » "
                    f"(docs/{CHANGES_PAGE}), corrigez ce qui a changé, puis écrivez la date du jour : "
                    f"« {REVIEW_FIELD}: \"{today.isoformat()}\" ».",
                    corpus.line_of(path, REVIEW_FIELD))
            for checked, path in stale]
