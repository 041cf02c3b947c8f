"""Generated pages listing the cases of one facet value (a region, a level, a lever, a theme)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import yaml

from ..links.graph import FACETS, LinkGraph
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


FACET_PAGES = {
    "themes": FacetPages("themes", "themes", "themes", "Thème", "Thèmes", "Expériences sur le thème « {} »"),
    "regions": FacetPages("regions", "territoires", "regions", "Région", "Régions", "Expériences : {}"),
    "echelons": FacetPages("echelons", "echelons", "echelons", "Échelon", "Échelons", "Expériences à l'échelon « {} »"),
    "leviers": FacetPages("leviers", "leviers", "leviers", "Levier", "Leviers", "Expériences avec le levier « {} »"),
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


def paths_needed(site: Site) -> list[str]:
    """The generated facet pages of the site (the registry's « facettes » family)."""
    return [facet_path(facet, value) for facet, value in pages_needed(site.graph)]


def page_at(graph: LinkGraph, path: str) -> tuple[str, str] | None:
    """The (facet, value) of the generated page at ``path``, or None when ``path`` is not one."""
    folder, _, name = path.rpartition("/")
    for facet, pages in FACET_PAGES.items():
        if pages.folder == folder and name.endswith(".md"):
            value = name[:-3]
            return (facet, value) if needed(facet, graph.cases_by[facet].get(value, [])) else None
    return None


def count(graph: LinkGraph, facet: str, value: str) -> str:
    """« 3 expériences. »"""
    number = len(graph.cases_by[facet].get(value, []))
    return f"{number} expérience{'s' if number > 1 else ''}."


def title(site: Site, facet: str, value: str) -> str:
    return FACET_PAGES[facet].title.format(facet_label(site, facet, value))


def page_source(site: Site, facet: str, value: str) -> str:
    """The markdown file of a generated facet page: its front matter only (its list is :func:`page_blocks`)."""
    page_title = title(site, facet, value)
    meta = {"title": page_title, "description": f"{page_title} — {count(site.graph, facet, value)}"}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n"


def source_at(site: Site, path: str) -> str:
    """The markdown file of the generated facet page at ``path``."""
    found = page_at(site.graph, path)
    assert found is not None, path
    return page_source(site, *found)


def blocks_at(site: Site, path: str) -> Blocks | None:
    """The blocks of the generated facet page at ``path``; None when ``path`` is not one."""
    found = page_at(site.graph, path)
    return None if found is None else page_blocks(site, *found)


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


def page_blocks(site: Site, facet: str, value: str) -> Blocks:
    """The body of a generated page: every case of one region, level, lever or theme."""
    here = facet_path(facet, value)
    pages = FACET_PAGES[facet]
    guides = site.corpus.guides
    if facet == "themes" and value in guides:
        back = Back(f"Lire le guide{NBSP_COLON} ", site.link(guides[value].title, here, guides[value].path))
    else:
        back = Back("", site.link(f"{pages.plural}{NBSP_COLON} toutes les valeurs", here, f"{pages.folder}/index.md"))
    return Blocks(after=Block("facet_page.html", {
        "count": count(site.graph, facet, value), "back": back,
        "cases": case_rows(site, site.graph.cases_by[facet].get(value, []), here)}))
