"""Tables of generated pages: each cell is a sequence of parts, links or plain texts, shown separated by commas."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, Union

from .model import Link

Part = Union[Link, str]
Cell = tuple[Part, ...]


@dataclass(frozen=True)
class Table:
    """A table with one header row (rendered by templates/table.html); with ``row_headers``, each row's
    first cell heads its row."""

    head: Sequence[Part]
    rows: Sequence[Sequence[Cell]]
    row_headers: bool = False
