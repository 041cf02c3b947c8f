"""Accent-folded words in the search index, so that « reserves » finds « réservés ».

Material's search (lunr.js) matches each query word against the beginning of the
words of each index entry, accents included, and does not stem French words. This
module gives every entry of ``search/search_index.json`` two more fields:
:data:`FOLDED_TITLE` and :data:`FOLDED_TEXT` hold the words of its title and of its
text that carry an accent, folded: accents stripped, lowercased, « œ » written « oe »,
each word once. Elided words are split from their article: « l'économie » gives
« economie ». Hyphenated words are also given joined, as the 1990 spelling
reform writes many of them: « co-construction » gives « coconstruction ».

Words without an accent are left out: the title and text fields already find them,
and the index stays small. Titles and texts, which readers see in the results, are
not changed. mkdocs.yml gives the two fields the weights of the title and the text
(search plugin, ``fields:``), so a query typed without accents ranks pages as the
same query typed with them.
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

FOLDED_TITLE = "ascii_title"
FOLDED_TEXT = "ascii_text"

_TAG = re.compile(r"<[^>]*>")
# Letters and digits only: apostrophes, hyphens, « · » and punctuation split words,
# so « l'économie » gives « l » and « économie », and « Rhône-Alpes » two words.
# Only the words with a letter beyond ASCII: the possessive ASCII run never backtracks, so an
# ASCII word is read once and dropped in C, without a Python step.
_ACCENTED_WORD = re.compile(r"(?<![^\W_])[a-zA-Z0-9]*+[^\x00-\x7f\W_][^\W_]*")
# Words of letters joined by hyphens: « co-construction », « Île-de-France » (not « 2016-2017 »).
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_LETTER_HYPHEN_LETTER = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")  # starts with « - »: a fast search
# Lowercase letters that Unicode does not decompose into a letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """``word`` lowercased, without accents: « Réservés » gives « reserves », « Œuvre » « oeuvre »."""
    lowered = word.lower().translate(_LIGATURES)
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


def folded_words(text: str) -> list[str]:
    """The words of ``text`` (HTML allowed) that carry an accent, folded, then its hyphenated words
    folded and joined; each word once, in order of first appearance."""
    plain = _TAG.sub(" ", text)
    if "&" in plain:
        plain = html.unescape(plain)
    words: dict[str, None] = {}
    for word in dict.fromkeys(_ACCENTED_WORD.findall(plain)):
        folded = fold(word)
        if folded != word.lower() and len(folded) > 1:  # « à » alone would give « a »
            words.setdefault(folded, None)
    for compound in _COMPOUND.findall(plain) if _LETTER_HYPHEN_LETTER.search(plain) else ():
        words.setdefault(fold(compound.replace("-", "")), None)
    return list(words)


def add_folded_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """``entry`` with :data:`FOLDED_TITLE` and :data:`FOLDED_TEXT` set, each left out when no word carries an accent."""
    for source, target in (("title", FOLDED_TITLE), ("text", FOLDED_TEXT)):
        value = entry.get(source)
        words = folded_words(value) if isinstance(value, str) else []
        entry.pop(target, None)
        if words:
            entry[target] = " ".join(words)
    return entry


def fold_search_index(data: str) -> str:
    """The JSON search index ``data`` (as the search plugin writes it) with the folded fields on every entry."""
    index = json.loads(data)
    for entry in index.get("docs", []):
        if isinstance(entry, dict):
            add_folded_fields(entry)
    # Same layout as the search plugin: compact, non-ASCII characters escaped.
    return json.dumps(index, separators=(",", ":"))


def fold_file(path: Path) -> None:
    """Fold the index the search plugin wrote at ``path``, if it wrote one."""
    if path.is_file():
        path.write_text(fold_search_index(path.read_text(encoding="utf-8")), encoding="utf-8")
