"""A case page as text from a row's values, and a page's text split back into its sections.

The two are inverse: :func:`split_body` of the body :func:`render` writes gives back the same
sections. A section is a level-2 heading that is one of the kind's usual sections, in the kind's
order, outside code blocks; anything else (other headings included) stays in the section it is in.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from .columns import INTRODUCTION, Column

# A value YAML reads back as the same text without quotes: it starts with a letter, holds no « : » or
# « # » that YAML would read as syntax, and (in a list) no bracket or comma.
_PLAIN = re.compile(r"[^\W\d_](?:[^:#\n]|:(?! )|(?<! )#)*")
_PLAIN_ITEM = re.compile(r"[^\W_](?:[^:#,\[\]{}\n]|:(?! )|(?<! )#)*")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HIGH_HEADING = re.compile(r"^\s{0,3}#{1,2}(?=\s|$)")


@dataclass(frozen=True)
class PageText:
    """A page's text and, for each of its parts, the lines (1-based, inclusive) it takes."""

    text: str
    lines: Mapping[str, tuple[int, int]]  # column key -> first and last line


def _scalar(value: str, pattern: re.Pattern[str]) -> str:
    if pattern.fullmatch(value) and value.casefold() not in _YAML_WORDS and value == value.strip() \
            and not value.endswith(":") and not (pattern is _PLAIN_ITEM and value[:1].isdigit()):
        return value
    return json.dumps(value, ensure_ascii=False)


def front_matter_line(name: str, value: Any) -> str:
    """``name: value`` in YAML: plain when that is safe, else double-quoted; lists in brackets."""
    if isinstance(value, (list, tuple)):
        return f"{name}: [" + ", ".join(_scalar(str(v), _PLAIN_ITEM) for v in value) + "]"
    return f"{name}: {_scalar(str(value), _PLAIN)}"


def demote_headings(text: str) -> str:
    """Level-1 and level-2 headings inside a cell become level 3: the page's sections stay its outline."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _HIGH_HEADING.match(line):
            line = "### " + line.lstrip().lstrip("#").strip()
        lines.append(line)
    return "\n".join(lines)


def render(columns: Sequence[Column], meta: Mapping[str, Any], parts: Mapping[str, str]) -> PageText:
    """The page: front matter (the fields in the columns' order, empty ones left out), then the
    introduction and each non-empty section under its heading."""
    out = ["---"]
    lines: dict[str, tuple[int, int]] = {}
    for column in columns:
        if column.is_field and meta.get(column.key) not in (None, "", [], ()):
            out.append(front_matter_line(column.key, meta[column.key]))
            lines[column.key] = (len(out), len(out))
    out.append("---")
    for column in columns:
        text = parts.get(column.key, "")
        if column.is_field or not text:
            continue
        out.append("")
        start = len(out) + 1
        if column.heading:
            out += [f"## {column.heading}", ""]
        out += demote_headings(text).split("\n")
        lines[column.key] = (start, len(out))
    return PageText("\n".join(out) + "\n", lines)


def split_body(body: str, columns: Sequence[Column]) -> dict[str, str]:
    """The introduction and the sections of a page's body, by column key (empty parts left out)."""
    sections = [c for c in columns if c.heading]
    parts: dict[str, list[str]] = {}
    current, expected, fenced = INTRODUCTION, 0, False
    for line in body.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            title = line[3:].strip()
            found = next((i for i in range(expected, len(sections)) if sections[i].heading == title), None)
            if found is not None:
                current, expected = sections[found].key, found + 1
                parts[current] = []
                continue
        parts.setdefault(current, []).append(line)
    return {key: "\n".join(text).strip() for key, text in parts.items() if "\n".join(text).strip()}
