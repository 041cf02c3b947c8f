"""What views prepare and templates render: links, blocks, and the site every view reads."""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, NamedTuple, Sequence

from ..content.corpus import Corpus
from ..content.history import Dates
from ..content.schema import Case, Record
from ..links.graph import LinkGraph, case_sort_key
from ..links.urls import page_url, relative_file_url, relative_url


NBSP = "\u00a0"  # before « : »
NBSP_COLON = NBSP + ":"


class Link(NamedTuple):
    """A link to a page of the site: its text (plain, escaped by the template), href, and the page it reaches.

    A named tuple: a large site's views make tens of thousands of them."""

    label: str
    href: str
    target: str  # the page reached, relative to docs/


@dataclass(frozen=True)
class Block:
    """A template and the data it renders."""

    template: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Blocks:
    """What goes before and after a page's own HTML (either may be absent)."""

    before: Block | None = None
    after: Block | None = None


@dataclass(frozen=True)
class Site:
    """What every view reads: the checked corpus, its link graph, and how pages are addressed."""

    corpus: Corpus
    graph: LinkGraph
    directory_urls: bool = True
    dates: Mapping[str, Dates] = field(default_factory=lambda: MappingProxyType({}))
    repo_url: str = ""  # the repository of the sources (mkdocs.yml repo_url), for the contributors' links
    menu_orders: Mapping[str, Sequence[str]] = field(default_factory=lambda: MappingProxyType({}))  # folder -> ids

    def url(self, path: str) -> str:
        """The address of the page ``path`` (relative to docs/) from the site's root: the one place addresses
        are made (:mod:`guide_ess.links.urls`), in the build's address style."""
        return page_url(path, self.directory_urls)

    def link(self, label: str, here: str, to: str) -> Link:
        """A link from page ``here`` to page ``to`` (both relative to docs/)."""
        return Link(label, relative_url(here, to, self.directory_urls), to)

    @functools.cached_property
    def cases_in_order(self) -> tuple[Case, ...]:
        """Every case study, in the order lists show them (by title), sorted once per build."""
        return tuple(sorted(self.corpus.cases.values(), key=case_sort_key))

    def file_href(self, here: str, file: str) -> str:
        """The href, from page ``here``, of a file of the site that is not a page."""
        return relative_file_url(here, file, self.directory_urls)


_LEAVES = (str, int, float, bool, type(None), Record)  # hold no link: records are the content itself


def link_targets(value: Any) -> list[str]:
    """Every page the prepared data ``value`` links to (links sit in mappings, sequences and dataclasses)."""
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Link):
            found.append(item.target)
        elif isinstance(item, _LEAVES):
            continue
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return found
