"""YAML data files read with the line of every key and list item, for messages that say where to look."""
from __future__ import annotations

import re
from typing import Any, Union

import yaml

Key = Union[str, int]
Lines = dict[tuple[Key, ...], int]


class YamlError(Exception):
    """Invalid YAML, with the 1-based line of the mistake (0 when unknown)."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


# PyYAML's reasons (English), and what a contributor should do, in French.
_REASONS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "deux-points « : » inattendu : mettez entre guillemets une valeur qui "
     "contient « : »"),
    ("expected ',' or ']'", "crochet « [ » ouvert ici et jamais fermé : ajoutez « ] » à la fin de la liste "
     "(et séparez les valeurs par des virgules)"),
    ("expected ',' or '}'", "accolade « { » ouverte ici et jamais fermée : ajoutez « } »"),
    ("found unexpected end of stream", "guillemet ouvert ici et jamais fermé : ajoutez le guillemet fermant"),
    ("escape", "barre oblique inverse « \\ » entre guillemets doubles : doublez-la, ou mettez la valeur entre "
     "guillemets simples"),
    ("found unknown escape character", "barre oblique inverse « \\ » entre guillemets doubles : doublez-la, "
     "ou mettez la valeur entre guillemets simples"),
    ("found character '\\t'", "tabulation : remplacez-la par des espaces"),
    ("that cannot start any token", "une valeur ne peut pas commencer par ce caractère (« @ », « ` », « % »…) : "
     "mettez-la entre guillemets"),
    ("could not find expected ':'", "une ligne n'a pas la forme « champ: valeur » (deux-points manquant)"),
    ("found undefined alias", "une valeur commence par « * » : mettez-la entre guillemets"),
    ("did not find expected key", "une ligne est mal alignée ou une valeur déborde : chaque champ commence en "
     "début de ligne, une valeur qui contient « : » ou « # » se met entre guillemets"),
    ("expected <block end>", "une ligne est mal alignée, ou un guillemet est suivi d'autre chose : mettez toute "
     "la valeur entre guillemets"),
    ("did not find expected", "une valeur est mal écrite : mettez-la entre guillemets"),
    ("found duplicate anchor", "une valeur commence par « & » : mettez-la entre guillemets"),
)


def _open_quote(text: str) -> int | None:
    """The 0-based line where a value starts with a quote that the line does not close, if any."""
    for number, line in enumerate(text.split("\n")):
        value = re.match(r"""^\s*(?:-\s+|[^\s:#][^:#]*:\s+)(["'])(.*)$""", line)
        if value is None:
            continue
        quote, rest = value.groups()
        rest = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            return number
    return None


def french_reason(err: yaml.YAMLError, first: int = 1, text: str = "") -> tuple[int, str]:
    """The 1-based line (counting from ``first``, the line of the text's start) and the French reason of a
    YAML error. A bracket or quote left open is told at the line where it opens, not at the end of the text
    or where the parser noticed it (``text``, the YAML itself, lets a quote be found)."""
    problem = str(getattr(err, "problem", None) or "")
    mark = getattr(err, "problem_mark", None)
    quote = _open_quote(text) if text else None
    if quote is not None and (mark is None or quote <= mark.line):
        return quote + first, "guillemet ouvert ici et jamais fermé : ajoutez le guillemet fermant à la fin de la valeur"
    mark = getattr(err, "problem_mark", None)
    context = getattr(err, "context_mark", None)
    reason = next((french for english, french in _REASONS if english in problem), "syntaxe incorrecte")
    opened = any(key in problem for key in ("expected ',' or", "unexpected end of stream"))
    where = context if opened and context is not None else mark
    return (where.line + first if where is not None else 0), reason


def load(text: str) -> tuple[Any, Lines]:
    """The data of ``text`` and the 1-based line of each key or item, by its path: ``("themes", "x")``, ``(0, "sigle")``."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        raise YamlError(*french_reason(err, 1, text)) from None
    finally:
        loader.dispose()
    lines: Lines = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, path: tuple[Key, ...], lines: Lines) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            lines.setdefault(child, key.start_mark.line + 1)
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            lines.setdefault(child, item.start_mark.line + 1)
            _walk(item, child, lines)
