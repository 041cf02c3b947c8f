"""Acronyms of the glossary wrapped in <abbr title="expansion">, in generated text and in rendered pages.

The expansion carries the site's French spacing and apostrophes (it is shown as text: the script
``docs/assets/javascripts/sigles.js`` turns each acronym of an article into a button whose bubble
shows it, on touch, click, hover and keyboard focus)."""
from __future__ import annotations

import re
from typing import Iterable

from markupsafe import Markup

from ..content.glossary import Term
from .typography import IN_TEXT, french_spacing_text, prose_parts


class Abbreviations:
    """Wraps each acronym of the glossary in ``<abbr title="expansion">``."""

    def __init__(self, terms: Iterable[Term]) -> None:
        # Each acronym's markup, made once (markupsafe escapes the expansion).
        self._html = {t.sigle: str(Markup('<abbr title="{}">{}</abbr>').format(french_spacing_text(t.developpe), t.sigle))
                      for t in terms if t.developpe}
        names = sorted(self._html, key=len, reverse=True)
        self._pattern: re.Pattern[str] | None = None
        self._in_page: re.Pattern[str] | None = None
        if names:
            # The lookahead on first letters lets the regex engine skip most positions quickly.
            firsts = "".join(sorted({re.escape(n[0]) for n in names}))
            alternatives = "|".join(map(re.escape, names))
            self._pattern = re.compile(rf"(?=[{firsts}])(?<!\w)({alternatives})(?!\w)")
            self._in_page = re.compile(rf"(?=[{firsts}])(?<!\w)({alternatives})(?!\w|</abbr>){IN_TEXT}")

    def _abbr(self, match: re.Match[str]) -> str:
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
        return prose_parts(page_html, lambda part: pattern.sub(self._abbr, part))
