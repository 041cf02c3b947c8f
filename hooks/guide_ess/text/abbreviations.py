"""Acronyms of the glossary wrapped in <abbr title="expansion">, in generated text and in rendered pages.

The expansion carries the site's French spacing and apostrophes (it is shown as text: the script
``docs/assets/javascripts/sigles.js`` turns each acronym of an article into a button whose bubble
shows it, on touch, click, hover and keyboard focus)."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from markupsafe import Markup

from ..content.glossary import Term
from .typography import IN_TEXT, french_spacing_text, prose_parts

_WORD = re.compile(r"\w+")


class Abbreviations:
    """Wraps each acronym of the glossary in ``<abbr title="expansion">``."""

    def __init__(self, terms: Iterable[Term]) -> None:
        # Each acronym's markup, made once (markupsafe escapes the expansion).
        self._html = {t.sigle: str(Markup('<abbr title="{}">{}</abbr>').format(french_spacing_text(t.developpe), t.sigle))
                      for t in terms if t.developpe}
        names = sorted(self._html, key=len, reverse=True)
        self._pattern: re.Pattern[str] | None = None
        self._in_page: re.Pattern[str] | None = None
        self._in_page_wrap: Callable[[re.Match[str]], str] = self._abbr  # each match of _in_page, wrapped
        if names:
            # The lookahead on first letters lets the regex engine skip most positions quickly.
            firsts = "".join(sorted({re.escape(n[0]) for n in names}))
            alternatives = "|".join(map(re.escape, names))
            self._pattern = re.compile(rf"(?=[{firsts}])(?<!\w)({alternatives})(?!\w)")
            self._in_page = re.compile(rf"(?=[{firsts}])(?<!\w)({alternatives})(?!\w|</abbr>){IN_TEXT}")
            if all(_WORD.fullmatch(name) for name in names):
                # Acronyms made of letters and digits only (all of the glossary's): the pattern starts with
                # the acronyms themselves, which the regex engine finds faster (1.6 times, on the pages of a
                # 1,000-case site), and the letter before is checked on each match (:meth:`_abbr_in_page`). A
                # match inside a word is then skipped whole: no acronym of word characters starts inside it.
                self._in_page = re.compile(rf"({alternatives})(?!\w|</abbr>){IN_TEXT}")
                self._in_page_wrap = self._abbr_in_page

    def _abbr(self, match: re.Match[str]) -> str:
        return self._html[match.group(1)]

    def _abbr_in_page(self, match: re.Match[str]) -> str:
        start = match.start()
        if start and _WORD.match(match.string, start - 1):  # inside a word: left as it is
            return match.group(0)
        return self._html[match.group(1)]

    def wrap(self, escaped_html_text: str) -> str:
        """Wrap each acronym of already-escaped text (no tags) in <abbr title="expansion">."""
        if self._pattern is None:
            return escaped_html_text
        return self._pattern.sub(self._abbr, escaped_html_text)

    def wrap_page(self, page_html: str) -> str:
        """Wrap each acronym in the prose of a rendered page: not in tags, code, or an <abbr> already."""
        pattern = self._in_page
        if pattern is None:
            return page_html
        wrap = self._in_page_wrap
        return prose_parts(page_html, lambda part: pattern.sub(wrap, part))
