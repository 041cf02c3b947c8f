"""Split a markdown file into its YAML front matter and its body.

MkDocs silently drops front matter it cannot parse; this module reports it, with
the line of the mistake in the file as the contributor sees it (a byte-order mark
and Windows line ends change nothing to the count).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml

from .problems import Problem
from .yaml_data import french_reason

# libyaml's parser when PyYAML has it (ten times faster on a thousand pages).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# A top-level field: a name at the start of a line, then « : ».
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


@dataclass
class Parsed:
    """The result of reading one file: its front matter, body and problems."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    problems: list[Problem] = field(default_factory=list)
    lines: Mapping[str, int] = field(default_factory=dict)  # field name -> its line in the file

    def line_of(self, name: str) -> int:
        """The line of the field ``name``; line 1 (the opening « --- ») when the field is absent."""
        return self.lines.get(name, 1)


def decode(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 text, or say where the first invalid byte is."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                "",
                f"le fichier n'est pas enregistré en UTF-8 (octet invalide ligne {line}). "
                "Réenregistrez-le en UTF-8 dans votre éditeur.",
                line,
            )
        ]


def parse(path: str, text: str) -> Parsed:
    """Read the front matter between the first two '---' lines, if there is one."""
    opening = _OPEN.match(text)
    if not opening:
        return Parsed(body=text)
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return Parsed(
            body=text,
            problems=[
                Problem(path, "", "l'en-tête commence par « --- » mais n'est jamais fermé : "
                        "ajoutez une ligne « --- » après le dernier champ.", 1)
            ],
        )
    raw = text[opening.end(): closing.start()]
    first = 2  # the line after the opening « --- »
    body = text[closing.end():].lstrip("\r\n")
    try:
        meta = yaml.load(raw, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as err:
        line, reason = french_reason(err, first, raw)
        where = f" ligne {line}" if line else ""
        line = line or 1
        return Parsed(
            body=body,
            problems=[
                Problem(path, "", f"l'en-tête n'est pas du YAML valide{where} ({reason}). "
                        "Vérifiez les deux-points et mettez entre guillemets les valeurs "
                        "qui contiennent « : » ou « # ».", line)
            ],
        )
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return Parsed(
            body=body,
            problems=[
                Problem(path, "", "l'en-tête doit être une suite de lignes « champ: valeur », "
                        f"pas un(e) {_kind_of(meta)}.", 1)
            ],
        )
    lines: dict[str, int] = {}
    for match in _KEY.finditer(raw):
        lines.setdefault(match.group(1), raw.count("\n", 0, match.start()) + first)
    return Parsed(meta={str(k): v for k, v in meta.items()}, body=body, lines=lines)


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "liste"
    if isinstance(value, str):
        return "texte seul"
    return type(value).__name__
