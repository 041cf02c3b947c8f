"""What one cell becomes: a text, a list of values, or the French reason why it cannot be used.

Defined outcomes, each tested: spaces and blank lines around a cell are dropped, and trailing
spaces on each of its lines; a number holding a whole value is written without « ,0 »; a date cell
becomes an ISO date (« 2021-03-01 »), which the schema then accepts or not; a formula, a merged
cell, a logical value (VRAI/FAUX), a duration, an invisible control character and a cell longer
than its limit are refused. One apostrophe before « = + - @ » or a tabulation is dropped: it is what
the published CSV puts there so that no spreadsheet runs the cell as a formula.
"""
from __future__ import annotations

import csv
import datetime
import re
import unicodedata

from .sheets import Value

MAX_LINE = 1_000  # characters in a one-line field or a list cell
MAX_TEXT = 50_000  # characters in a section of the page's text
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTED_FORMULA = re.compile(r"'+[=+\-@\t\r]")
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class CellError(Exception):
    """The cell cannot be used: the French reason and what to do."""


def as_text(value: Value, limit: int) -> tuple[str, bool]:
    """The cell as clean text, and whether it was a date cell."""
    is_date = False
    if isinstance(value, bool):
        raise CellError("la cellule est une valeur logique (VRAI ou FAUX) : écrivez du texte.")
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, datetime.datetime):
        is_date = True
        text = value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ", timespec="minutes")
    elif isinstance(value, datetime.date):
        is_date = True
        text = value.isoformat()
    elif isinstance(value, (datetime.time, datetime.timedelta)):
        raise CellError("la cellule est une heure ou une durée : écrivez du texte (format de cellule « Texte »).")
    else:
        text = str(value)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if _QUOTED_FORMULA.match(text):
        text = text[1:]
    control = _CONTROL.search(text)
    if control:
        raise CellError(f"la cellule contient un caractère invisible (U+{ord(control.group()):04X}) : retapez le texte "
                        "ou collez-le sans mise en forme.")
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    if len(text) > limit:
        raise CellError(f"la cellule contient {_number(len(text))} caractères ; au plus {_number(limit)} sont permis : "
                        "raccourcissez-la.")
    return text, is_date


def one_line(text: str) -> str:
    if "\n" in text:
        raise CellError("la valeur doit tenir sur une ligne : retirez les retours à la ligne.")
    return text.replace("\t", " ")


def unquoted(text: str) -> str:
    """A one-line value typed between straight double quotes, as a page's front matter writes « "2018" »:
    the quotes are dropped."""
    if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
        return text[1:-1].strip()
    return text


def split_list(text: str) -> list[str]:
    """Several values: one per line when the cell has line breaks, else separated by commas (a value holding
    a comma is then written between double quotes: « "FAR, agence musicale", DRAC »)."""
    if not text:
        return []
    if "\n" in text:
        items = text.split("\n")
    else:
        items = next(csv.reader([text], skipinitialspace=True), [])
    return [item.strip() for item in items if item.strip()]


def join_list(items: list[str] | tuple[str, ...]) -> str:
    """The cell of a list, as :func:`split_list` reads it back: one value per line."""
    if len(items) == 1 and ("," in items[0] or items[0].startswith('"')):
        return '"' + items[0].replace('"', '""') + '"'
    return "\n".join(items)


def safe_for_spreadsheet(text: str) -> str:
    """A cell no spreadsheet runs as a formula: an apostrophe before « = + - @ », a tabulation or a
    carriage return, and before an apostrophe that precedes one of them (so the import reads it back)."""
    return "'" + text if _FORMULA.match(text) else text


def _number(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")
