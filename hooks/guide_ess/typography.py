"""French typography on rendered HTML: non-breaking spaces, apostrophes, « n° », « 1er »."""
from __future__ import annotations

import re

_TAG = re.compile(r"(<[^>]*>|&#?\w+;)")
_SKIP = re.compile(r"<(/?)(code|pre|script|style|kbd|samp)\b", re.IGNORECASE)
_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0]?(?=:(?:\s|$))")
_BEFORE_OTHER = re.compile(r"(?<=[^\s&])[ \u00a0\u202f]?(?=[;!?](?:\s|$|<))")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]?")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f]?»")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w|$)")
_NUMERO = re.compile(r"\b([nN]°)[ ]?(?=\d)")
_ORDINAL = re.compile(r"\b1(er|re)\b")
_NEEDS_WORK = re.compile(r"[:;!?«»'°]|1[er]")


def french_spacing_text(text: str) -> str:
    """The same spacing rules on plain text (titles, descriptions)."""
    return _fix(text)


def _fix_html_text(text: str) -> str:
    """Text between tags: spacing, and « 1er » / « 1re » as superscript."""
    return _ORDINAL.sub(r"1<sup>\1</sup>", _fix(text))


def _fix(text: str) -> str:
    text = _APOSTROPHE.sub("\u2019", text)
    text = _NUMERO.sub("\\1\u00a0", text)
    text = _BEFORE_COLON.sub("\u00a0", text)
    text = _BEFORE_OTHER.sub("\u202f", text)
    text = _AFTER_OPEN.sub("«\u00a0", text)
    return _BEFORE_CLOSE.sub("\u00a0»", text)


def french_spacing(html: str) -> str:
    """Put non-breaking spaces before : ; ! ? and inside « », outside code, tags and entities."""
    out: list[str] = []
    depth = 0
    for part in _TAG.split(html):
        if part.startswith("&"):
            out.append(part)
        elif part.startswith("<"):
            match = _SKIP.match(part)
            if match:
                depth += -1 if match.group(1) else 1
                depth = max(depth, 0)
            out.append(part)
        elif depth or not _NEEDS_WORK.search(part):
            out.append(part)
        else:
            out.append(_fix_html_text(part))
    return "".join(out)
