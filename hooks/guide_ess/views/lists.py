"""The generated pages of the lists of case studies (the registry's « listes » family): one page per
facet value (:mod:`facets`), and the later pages of every long list (:mod:`paging`): the list of all
experiences and each facet value's list.

:func:`paths_needed` says which pages the site adds, :func:`source_at` gives a page's markdown (its
front matter), :func:`blocks_at` the list it shows.
"""
from __future__ import annotations

from . import facets, indexes, paging
from .model import Blocks, Site


def _experience_pages(site: Site) -> list[tuple[str, int]]:
    """(path, first page) of every later page of the list of all experiences."""
    count = paging.page_count(len(site.corpus.cases))
    return [(paging.page_path(first, n), n) for first in indexes.experience_lists(site) for n in range(2, count + 1)]


def paths_needed(site: Site) -> list[str]:
    """Every generated page of a list (relative to docs/)."""
    return facets.paths_needed(site) + [path for path, _ in _experience_pages(site)]


def _experience_page_at(site: Site, path: str) -> tuple[str, int] | None:
    for first in indexes.experience_lists(site):
        number = paging.number_at(first, path)
        if number is not None and 1 < number <= paging.page_count(len(site.corpus.cases)):
            return first, number
    return None


def source_at(site: Site, path: str) -> str:
    """The markdown file of the generated list page at ``path``."""
    if facets.paged_at(site.graph, path) is not None:
        return facets.source_at(site, path)
    found = _experience_page_at(site, path)
    assert found is not None, path
    return indexes.experiences_page_source(site, *found)


def blocks_at(site: Site, path: str) -> Blocks | None:
    """The list of the generated page at ``path``, or None when ``path`` is not a generated list page."""
    facet = facets.blocks_at(site, path)
    if facet is not None:
        return facet
    found = _experience_page_at(site, path)
    return None if found is None else indexes.experiences_page(site, *found)


def generated_pages(site: Site) -> list[tuple[str, str]]:
    """(path, markdown source) of every generated list page."""
    return [(path, source_at(site, path)) for path in paths_needed(site)]
