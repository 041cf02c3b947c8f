"""Dates written the French way: « 2 décembre 2026 », « 1er janvier 2023 »."""
from __future__ import annotations

import datetime

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


def french_day(day: datetime.date) -> str:
    """« 2 décembre 2026 »; the first of the month is « 1er »."""
    return f"{day.day}{'er' if day.day == 1 else ''} {MONTHS[day.month - 1]} {day.year}"


def french_iso_date(iso: str) -> str:
    """The French form of an ISO date (« 2026-12-02 » → « 2 décembre 2026 »), checked by the schema."""
    return french_day(datetime.date.fromisoformat(iso))
