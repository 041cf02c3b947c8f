"""Accent-folded words in the search index, so that « reserves » finds « réservés ».

Material's search (lunr.js) matches each query word against the beginning of the
words of each index entry, accents included, and does not stem French words. This
module gives every entry of ``search/search_index.json`` one more field,
:data:`FOLDED_FIELD`, that holds the words of its title and text that carry an
accent, folded: accents stripped, lowercased, « œ » written « oe », each word once.
Elided words are split from their article, so « l'économie » gives « economie ».

Words without an accent are left out: the title and text fields already find them,
and the index stays small. Titles and texts, which readers see in the results, are
not changed. The search plugin indexes the field with ``fields: {ascii: ...}``.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

FOLDED_FIELD = "ascii"

_TAG = re.compile(r"<[^>]*>")
# Letters and digits only: apostrophes, hyphens, « · » and punctuation split words,
# so « l'économie » gives « l » and « économie », and « Rhône-Alpes » two words.
_WORD = re.compile(r"[^\W_]+")
# Lowercase letters that Unicode does not decompose into a letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


def fold(word: str) -> str:
    """``word`` lowercased, without accents: « Réservés » gives « reserves », « Œuvre » « oeuvre »."""
    lowered = word.lower().translate(_LIGATURES)
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


def folded_words(text: str) -> list[str]:
    """The words of ``text`` (HTML allowed) that carry an accent, folded, each once, in order of appearance."""
    plain = html.unescape(_TAG.sub(" ", text))
    words: dict[str, None] = {}
    for word in _WORD.findall(plain):
        folded = fold(word)
        if folded != word.lower():
            words.setdefault(folded, None)
    return list(words)


def add_folded_field(entry: dict[str, Any]) -> dict[str, Any]:
    """``entry`` with :data:`FOLDED_FIELD` set from its title and text (left out when no word carries an accent)."""
    title, text = entry.get("title"), entry.get("text")
    words = folded_words(" ".join(part for part in (title, text) if isinstance(part, str)))
    entry.pop(FOLDED_FIELD, None)
    if words:
        entry[FOLDED_FIELD] = " ".join(words)
    return entry


def fold_search_index(data: str) -> str:
    """The JSON search index ``data`` (as the search plugin writes it) with the folded field on every entry."""
    index = json.loads(data)
    for entry in index.get("docs", []):
        if isinstance(entry, dict):
            add_folded_field(entry)
    # Same layout as the search plugin: compact, non-ASCII characters escaped.
    return json.dumps(index, separators=(",", ":"))
