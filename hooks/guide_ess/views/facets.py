"""Generated pages listing the cases of one facet value (a region, a level, a lever, a theme)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import yaml

from ..links.graph import FACETS, LinkGraph
from . import paging
from .model import NBSP_COLON, Block, Blocks, Link, Site

GUIDE_CASES_MAX = 30  # a guide lists this many cases; beyond, its theme gets a page of its own


@dataclass(frozen=True)
class FacetPages:
    """Where the pages of one facet go, the vocabulary of its values, and how they are named."""

    facet: str  # the Case field: themes, regions, echelons, leviers
    folder: str
    vocabulary: str
    singular: str
    plural: str
    title: str  # « … {} … »: the value's label goes in the braces
    every: str  # the link back to the list of all values: « Toutes les régions »


FACET_PAGES = {
    "themes": FacetPages("themes", "themes", "themes", "Thème", "Thèmes", "Expériences sur le thème « {} »",
                         "Tous les thèmes"),
    "regions": FacetPages("regions", "territoires", "regions", "Région", "Régions", "Expériences : {}",
                          "Toutes les régions"),
    "echelons": FacetPages("echelons", "echelons", "echelons", "Échelon", "Échelons", "Expériences à l'échelon « {} »",
                           "Tous les échelons"),
    "leviers": FacetPages("leviers", "leviers", "leviers", "Levier", "Leviers", "Expériences avec le levier « {} »",
                          "Tous les leviers"),
}
assert tuple(FACET_PAGES) == FACETS


def facet_path(facet: str, value: str) -> str:
    """Path of the generated page listing the cases of one facet value."""
    return f"{FACET_PAGES[facet].folder}/{value}.md"


def facet_label(site: Site, facet: str, value: str) -> str:
    return site.corpus.vocabulary.of(FACET_PAGES[facet].vocabulary)[value]


def facet_link(site: Site, facet: str, value: str, here: str) -> Link:
    """Themes link to their guide; other facet values to their generated page."""
    label = facet_label(site, facet, value)
    if facet == "themes" and value in site.corpus.guides:
        return site.link(label, here, site.corpus.guides[value].path)
    return site.link(label, here, facet_path(facet, value))


def needed(facet: str, case_ids: list[str]) -> bool:
    """Every region, level and lever with cases gets a page; a theme only when its guide cannot list all its cases."""
    return bool(case_ids) and (facet != "themes" or len(case_ids) > GUIDE_CASES_MAX)


def pages_needed(graph: LinkGraph) -> list[tuple[str, str]]:
    """Facet values that get a generated page."""
    return [(facet, value) for facet in FACETS for value, ids in graph.cases_by[facet].items() if needed(facet, ids)]


def paged_at(graph: LinkGraph, path: str) -> tuple[str, str, int] | None:
    """The (facet, value, page number) of the generated page at ``path`` (its first page, or a later page of a
    long list: :mod:`paging`), or None when ``path`` is not one."""
    for facet, pages in FACET_PAGES.items():
        if not path.startswith(pages.folder + "/"):
            continue
        value = path[len(pages.folder) + 1:].partition("/")[0].removesuffix(".md")
        ids = graph.cases_by[facet].get(value, [])
        number = paging.number_at(facet_path(facet, value), path)
        if number is not None and needed(facet, ids) and number <= paging.page_count(len(ids)):
            return facet, value, number
    return None


def page_at(graph: LinkGraph, path: str) -> tuple[str, str] | None:
    """The (facet, value) of the generated first page at ``path``, or None when ``path`` is not one."""
    found = paged_at(graph, path)
    return None if found is None or found[2] != 1 else found[:2]


def paths_needed(site: Site) -> list[str]:
    """Every generated facet page of the site: each value's first page, then its later pages."""
    return [path for facet, value in pages_needed(site.graph) for path in page_paths(site.graph, facet, value)]


def source_at(site: Site, path: str) -> str:
    """The markdown file of the generated facet page at ``path``."""
    found = paged_at(site.graph, path)
    assert found is not None, path
    return page_source(site, *found)


def blocks_at(site: Site, path: str) -> Blocks | None:
    """The blocks of the generated facet page at ``path``; None when ``path`` is not one."""
    found = paged_at(site.graph, path)
    return None if found is None else page_blocks(site, *found)


def page_paths(graph: LinkGraph, facet: str, value: str) -> list[str]:
    """Every page of the list of one facet value: its first page, then the later ones."""
    first = facet_path(facet, value)
    return [paging.page_path(first, n) for n in range(1, paging.page_count(len(graph.cases_by[facet][value])) + 1)]


def count(graph: LinkGraph, facet: str, value: str) -> str:
    """« 3 expériences. »"""
    number = len(graph.cases_by[facet].get(value, []))
    return f"{number} expérience{'s' if number > 1 else ''}."


def title(site: Site, facet: str, value: str) -> str:
    return FACET_PAGES[facet].title.format(facet_label(site, facet, value))


def page_source(site: Site, facet: str, value: str, number: int = 1) -> str:
    """The markdown file of a generated facet page: its front matter only (its list is :func:`page_blocks`);
    a later page of a long list is left out of the search index."""
    page_title = title(site, facet, value)
    description = f"{page_title} — {count(site.graph, facet, value)}"
    if number > 1:
        pages = paging.page_count(len(site.graph.cases_by[facet][value]))
        return paging.page_source(paging.title_of(page_title, number, pages), description)
    meta = {"title": page_title, "description": description}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


class CaseRow(NamedTuple):
    link: Link
    territoire: str
    periode: str


class Back(NamedTuple):
    before: str  # text before the link
    link: Link


def case_rows(site: Site, case_ids: list[str], here: str) -> list[CaseRow]:
    """A light list of cases (title, territory, period), readable on a phone."""
    cases = site.corpus.cases
    return [CaseRow(site.link(cases[c].title, here, cases[c].path), cases[c].territoire, cases[c].periode)
            for c in case_ids]


def page_blocks(site: Site, facet: str, value: str, number: int = 1) -> Blocks:
    """The body of a generated page: one page of the cases of one region, level, lever or theme."""
    first = facet_path(facet, value)
    here = paging.page_path(first, number)
    pages = FACET_PAGES[facet]
    guides = site.corpus.guides
    if facet == "themes" and value in guides:
        back = Back(f"Lire le guide{NBSP_COLON} ", site.link(guides[value].title, here, guides[value].path))
    else:
        back = Back("", site.link(pages.every, here, f"{pages.folder}/index.md"))
    ids = site.graph.cases_by[facet].get(value, [])
    return Blocks(after=Block("facet_page.html", {
        "pager": paging.pager(site, first, number, len(ids)), "back": back,
        "cases": case_rows(site, list(paging.items_of(ids, number)), here)}))
