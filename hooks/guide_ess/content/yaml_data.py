"""YAML data files read with the line of every key and list item, for messages that say where to look."""
from __future__ import annotations

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


def load(text: str) -> tuple[Any, Lines]:
    """The data of ``text`` and the 1-based line of each key or item, by its path: ``("themes", "x")``, ``(0, "sigle")``."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise YamlError(mark.line + 1 if mark is not None else 0,
                        str(getattr(err, "problem", None) or "syntaxe incorrecte")) from None
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
