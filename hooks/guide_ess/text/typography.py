"""French typography on rendered HTML: non-breaking spaces, apostrophes, « n° », « 1er », numbers.

Numbers: a narrow non-breaking space (U+202F) between the groups of three digits of a number
(« 25 000 », « 1 200 000 ») and before « % » (« 30 % »), a non-breaking space (U+00A0) before
« € » (and « k€ », « M€ », « Md€ »). A digit group needs a number of one to three digits
followed by groups of exactly three: years (« 2014 2015 »), article numbers (« L2113-12 »),
references (« n° 2022-767 ») and phone-like pairs (« 01 23 45 67 89 ») are left alone.

Every rule is one regular expression run over the whole page (C speed), guarded
so that it only touches prose: never a tag or its attributes (the next angle
bracket after the match must open a tag), never an entity such as ``&amp;``, and
never the inside of code, scripts or styles (:func:`prose_parts`).
"""
from __future__ import annotations

import re
from typing import Callable

# Elements whose content is not prose.
_NOT_PROSE = re.compile(r"<(code|pre|script|style|kbd|samp)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# After a match: text up to the next tag (or the end), so the match is not inside a tag.
IN_TEXT = r"(?=[^<>]*(?:<|\Z))"
_ENTITY = r"&#?\w+;"
_ENTITY_BEFORE = re.compile(_ENTITY + r"\Z")
_ORDINAL = re.compile(r"1(?<=\b1)(er|re)\b" + IN_TEXT)
_SPACE = "[ \u00a0\u202f]"  # an ordinary, non-breaking or narrow non-breaking space
# A number written in groups of three digits: not after a digit, a decimal point or a letter
# (« L2113 »), not followed by one more digit. It starts with its first digit, the check of what comes
# before that digit right after it: the regex engine then tries the digits of a page only (2.5 times
# faster on a page than the same check first, which it tries at every position).
_DIGIT_GROUPS = r"\d(?<![\w.,]\d)\d{0,2}(?:" + _SPACE + r"\d{3})+(?![\d\w])"
_GROUP_SPACE = re.compile(_SPACE)

# A rule: the characters that must be in the text for it to apply, its pattern, its replacement.
Rule = tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]]


def _semicolon(match: re.Match[str]) -> str:
    """A narrow non-breaking space before « ; », unless the « ; » ends an entity (&amp;)."""
    start = match.start()
    return ";" if _ENTITY_BEFORE.search(match.string, max(0, start - 12), start + 1) else "\u202f;"


def _digit_groups(match: re.Match[str]) -> str:
    return _GROUP_SPACE.sub("\u202f", match.group(0))


def _rules(guard: str) -> list[Rule]:
    """The spacing rules; ``guard`` follows each match (IN_TEXT for HTML, nothing for plain text).

    Each pattern starts with the punctuation mark itself where it can, and checks
    what comes before with a lookbehind: the regex engine then jumps from mark to
    mark instead of trying every position of the page.
    """
    end = r"(?=\s|<|\Z)"  # the mark ends a word
    # A space then a mark: one literal pattern per pair, which the regex engine finds fastest.
    spaced_marks: list[Rule] = [
        (mark, re.compile(re.escape(space + mark) + rf"(?<=\S{re.escape(space + mark)})" + end + guard), "\u202f" + mark)
        for mark in ";!?" for space in " \u00a0"]
    return [
        ("'", re.compile(r"'(?<=\w')(?=[\w<]|\Z)" + guard), "\u2019"),  # l'ESS → l’ESS
        ("°", re.compile(r"°(?<=\b[nN]°) ?(?=\d)" + guard), "°\u00a0"),  # n° 3, n°3 → n°\u00a03
        # A space before « : » (even after a closing tag: <strong>Qui</strong> :) becomes
        # non-breaking; a word right before it gets one.
        (":", re.compile(r" :(?<=\S :)" + end + guard), "\u00a0:"),
        (":", re.compile(r":(?<=[^\s>]:)" + end + guard), "\u00a0:"),
        # The same with a narrow non-breaking space before « ; », « ! » or « ? ».
        *spaced_marks,
        ("!?", re.compile(r"[!?](?<=[^\s>][!?])" + end + guard), "\u202f\\g<0>"),
        (";", re.compile(r";(?<=[^\s&>];)" + end + guard), _semicolon),  # not the end of &amp;
        ("«", re.compile(r"«[ \u00a0\u202f]?" + guard), "«\u00a0"),
        ("»", re.compile(r" »" + guard), "\u00a0»"),
        ("»", re.compile("\u202f»" + guard), "\u00a0»"),
        ("»", re.compile(r"»(?<=\S»)" + guard), "\u00a0»"),
        # Numbers: 25 000 €, 30 %.
        ("0123456789", re.compile(_DIGIT_GROUPS + guard), _digit_groups),
        # The digit is matched and written back rather than looked behind for: the regex engine then
        # tries the digits of a page only, not every position (1.5 times faster on a page).
        ("%", re.compile(r"(\d)" + _SPACE + r"?%(?!\w)" + guard), "\\1\u202f%"),  # not « %C3 » in an address
        ("€", re.compile(r"(\d)" + _SPACE + r"?(?=(?:[kM]|Md)?€)" + guard), "\\1\u00a0"),
    ]


_HTML_RULES = _rules(IN_TEXT)
_TEXT_RULES = _rules("")


def prose_parts(html: str, change: Callable[[str], str]) -> str:
    """``html`` with ``change`` applied to everything outside code, pre, kbd, samp, script and style."""
    if "<" not in html:
        return change(html)
    out: list[str] = []
    last = 0
    for match in _NOT_PROSE.finditer(html):
        out.append(change(html[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(change(html[last:]))
    return "".join(out)


_ANY_MARK = re.compile(r"[:;!?«»'°%€]|\d[ \u00a0\u202f]\d")


def _apply(rules: list[Rule], text: str) -> str:
    if not _ANY_MARK.search(text):  # most titles and many paragraphs: nothing to do
        return text
    for marks, pattern, replacement in rules:
        if any(mark in text for mark in marks):  # a plain search, much faster than any pattern
            text = pattern.sub(replacement, text)
    return text


def french_spacing_text(text: str) -> str:
    """The spacing rules on plain text (titles, descriptions): no tags, no entities."""
    return _apply(_TEXT_RULES, text)


def french_spacing(html: str) -> str:
    """Non-breaking spaces before : ; ! ? % € and inside « » and digit groups, curly apostrophes, « n° »,
    « 1<sup>er</sup> », in the prose of rendered HTML."""
    return prose_parts(html, _fix_html)


def _fix_html(html: str) -> str:
    html = _apply(_HTML_RULES, html)
    return _ORDINAL.sub(r"1<sup>\1</sup>", html) if "1er" in html or "1re" in html else html
