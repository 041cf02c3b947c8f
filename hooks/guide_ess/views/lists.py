"""The generated pages of the lists of case studies: one page per facet value (:mod:`facets`), and the
later pages of every long list (:mod:`paging`): the list of all experiences and each facet value's list.

:func:`generated_pages` says which pages the build adds (path and markdown source); :func:`blocks_at`
gives the list a generated page shows.
"""
from __future__ import annotations

from . import facets, indexes, paging
from .model import Blocks, Site


def generated_pages(site: Site) -> list[tuple[str, str]]:
    """(path relative to docs/, markdown source) of every generated page of a list."""
    pages = []
    for facet, value in facets.pages_needed(site.graph):
        for number, path in enumerate(facets.page_paths(site.graph, facet, value), start=1):
            pages.append((path, facets.page_source(site, facet, value, number)))
    for first in indexes.experience_lists(site):
        count = paging.page_count(len(site.corpus.cases))
        pages += [(paging.page_path(first, n), indexes.experiences_page_source(site, first, n)) for n in range(2, count + 1)]
    return pages


def blocks_at(site: Site, path: str) -> Blocks | None:
    """The list of the generated page at ``path``, or None when ``path`` is not a generated list page."""
    facet = facets.page_at(site.graph, path)
    if facet is not None:
        return facets.page_blocks(site, *facet)
    for first in indexes.experience_lists(site):
        number = paging.number_at(first, path)
        if number is not None and 1 < number <= paging.page_count(len(site.corpus.cases)):
            return indexes.experiences_page(site, first, number)
    return None
