"""A page's identifier made from its title, as the form « Proposer une expérience » makes it
(tools/proposition_to_page.py uses this function too)."""
from __future__ import annotations

import re

from ..text.folding import fold

MAX_ID_LENGTH = 50
# Short words left out of an identifier made from a title (and every one-letter word: l', d', n°…).
STOP_WORDS = {"au", "aux", "avec", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "leur", "leurs",
              "ou", "par", "pour", "qui", "sa", "se", "ses", "son", "sur", "un", "une"}


def slugify(text: str, drop_stop_words: bool = True) -> str:
    """An identifier from a title: lower case, no accents, words joined by hyphens, at most 50 characters."""
    words = re.split(r"[^a-z0-9]+", fold(text).replace("œ", "oe").replace("æ", "ae"))
    kept = [w for w in words if w and not (drop_stop_words and (w in STOP_WORDS or len(w) == 1))]
    kept = kept or [w for w in words if w]
    slug = ""
    for word in kept:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_ID_LENGTH:
            break
        slug = candidate
    return slug or "-".join(kept)[:MAX_ID_LENGTH].strip("-")
