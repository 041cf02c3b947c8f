"""Problems found in the content, worded in plain French for contributors."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..text import folding


_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x85\u2028\u2029]+")


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file: where it is (file, line when known, field), and what to do."""

    path: str
    field: str
    message: str
    line: int = 0  # 1-based line in the file as the contributor sees it; 0 when unknown

    @property
    def where(self) -> str:
        """« docs/x.md:8 », or « docs/x.md » when the line is unknown."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        """One line, whatever the quoted values hold: a line break in a message would start a new line of
        the log, which a CI runner may read as a command (« ::error:: », « ::add-mask:: »)."""
        where = f"{self.where} : champ « {self.field} »" if self.field else self.where
        return _LINE_BREAKS.sub(" ", f"{where} : {self.message}")


def suggest(value: str, allowed: Iterable[str]) -> str:
    """Return ' Vouliez-vous dire « x » ?' for a close allowed value, or ''."""
    allowed = list(allowed)
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.7)
    if not close:
        close = sorted(a for a in allowed if len(value) >= 4 and (a.startswith(value) or value.startswith(a)))
    return f" Vouliez-vous dire « {close[0]} » ?" if close else ""


def fold(text: str) -> str:
    """Lower case, without accents or surrounding spaces: how two spellings of a label are compared."""
    return " ".join(folding.fold(text).split())


def unknown_value(path: str, field: str, value: str, allowed: Iterable[str], where: str, line: int = 0) -> Problem:
    """A value that is not in a vocabulary, with the allowed values and a suggestion. When ``allowed``
    maps identifiers to labels (a vocabulary), a label written instead of its identifier is answered
    with the identifier."""
    labels = allowed if isinstance(allowed, Mapping) else {}
    by_label = {fold(str(label)): id_ for id_, label in labels.items()}
    if fold(value) in by_label:
        id_ = by_label[fold(value)]
        return Problem(path, field, f"« {value} » est le libellé affiché ; l'en-tête attend son identifiant : "
                       f"écrivez « {id_} ».", line)
    allowed = sorted(allowed)
    listing = ", ".join(allowed) if len(allowed) <= 25 else ", ".join(allowed[:25]) + ", …"
    return Problem(
        path,
        field,
        f"valeur inconnue « {value} ». Valeurs permises ({where}) : {listing}."
        + suggest(value, allowed),
        line,
    )
