"""Problems found in the content, worded in plain French for contributors."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: where it is, which field, and what to do."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path} : champ « {self.field} »" if self.field else self.path
        return f"{where} : {self.message}"


def suggest(value: str, allowed: Iterable[str]) -> str:
    """Return ' Vouliez-vous dire « x » ?' for a close allowed value, or ''."""
    allowed = list(allowed)
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.7)
    if not close:
        close = sorted(a for a in allowed if len(value) >= 4 and (a.startswith(value) or value.startswith(a)))
    return f" Vouliez-vous dire « {close[0]} » ?" if close else ""


def unknown_value(path: str, field: str, value: str, allowed: Iterable[str], where: str) -> Problem:
    """A value that is not in a vocabulary, with the allowed values and a suggestion."""
    allowed = sorted(allowed)
    listing = ", ".join(allowed) if len(allowed) <= 25 else ", ".join(allowed[:25]) + ", …"
    return Problem(
        path,
        field,
        f"valeur inconnue « {value} ». Valeurs permises ({where}) : {listing}."
        + suggest(value, allowed),
    )
