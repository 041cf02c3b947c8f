"""The lists added to hand-written index pages (``index:`` in their front matter)."""
from __future__ import annotations

import re
from typing import NamedTuple

from . import paging
from .facets import FACET_PAGES, facet_link, facet_path, needed
from ..content.glossary import Term
from .model import Block, Blocks, Link, Site
from .tables import Cell, Table


class TermItem(NamedTuple):
    anchor: str
    term: Term
    guide: Link | None


class FacetItem(NamedTuple):
    link: Link
    cases: int  # how many case studies


EXPERIENCES_INDEX = "experiences"  # the ``index:`` value of the list of every case study


def experience_lists(site: Site) -> list[str]:
    """The hand-written pages that hold the list of every case study (its first page)."""
    return sorted(path for path, name in site.corpus.index_pages.items() if name == EXPERIENCES_INDEX)


def experiences_page(site: Site, first: str, number: int) -> Blocks:
    """Page ``number`` of the table of every case study (title, territory, level, period, themes), whose
    first page is ``first``."""
    vocab, cases = site.corpus.vocabulary, site.corpus.cases
    here = paging.page_path(first, number)
    rows: list[list[Cell]] = []
    for case in paging.items_of(site.cases_in_order, number):
        rows.append([
            (site.link(case.title, here, case.path),),
            (case.territoire,),
            tuple(vocab.echelons[e] for e in case.echelons),
            (case.periode,),
            tuple(vocab.themes[t] for t in case.themes),
        ])
    table = Table(("Expérience", "Territoire", "Échelon", "Période", "Thèmes"), rows)
    return Blocks(after=Block("experiences.html", {"table": table, "pager": paging.pager(site, first, number, len(cases))}))


def experiences(site: Site, here: str) -> Blocks:
    """The first page of the table of every case study."""
    return experiences_page(site, here, 1)


def experiences_page_source(site: Site, first: str, number: int) -> str:
    """The markdown source of page ``number`` (from 2) of the table of every case study."""
    meta = site.corpus.front_matter[first].meta
    title = str(meta.get("title") or "Toutes les expériences")
    return paging.page_source(paging.title_of(title, number, paging.page_count(len(site.corpus.cases))),
                              str(meta.get("description") or title))


def sources(site: Site, here: str) -> Blocks:
    """A table of every source: title, publisher, date, type, access."""
    vocab = site.corpus.vocabulary
    rows: list[list[Cell]] = [
        [(site.link(s.title, here, s.path),), (s.editeur,), (s.date,), (vocab.types_source[s.type],), (vocab.acces[s.acces],)]
        for s in sorted(site.corpus.sources.values(), key=lambda s: s.title.casefold())]
    return Blocks(after=Block("table.html", {"table": Table(("Source", "Éditeur", "Date", "Type", "Accès"), rows)}))


def glossary(site: Site, here: str) -> Blocks:
    """Every acronym with its expansion and the guide to read (acronyms written out, not wrapped)."""
    guides = site.corpus.guides
    terms = [TermItem("sigle-" + re.sub(r"[^a-z0-9]+", "-", term.sigle.lower()).strip("-"), term,
                      site.link(guides[term.guide].title, here, guides[term.guide].path)
                      if term.guide and term.guide in guides else None)
             for term in site.corpus.glossary]
    return Blocks(after=Block("glossary.html", {"terms": terms}))


def facet_index(facet: str, site: Site, here: str) -> Blocks:
    """Every value of a facet that has cases, with its count, linking to its generated page; a theme without
    one (its guide lists all its cases) links to its guide."""
    vocab = site.corpus.vocabulary.of(FACET_PAGES[facet].vocabulary)
    by_value = site.graph.cases_by[facet]
    items = [FacetItem(site.link(label, here, facet_path(facet, value)) if needed(facet, by_value[value])
                       else facet_link(site, facet, value, here), len(by_value[value]))
             for value, label in vocab.items() if by_value.get(value)]
    return Blocks(after=Block("facet_index.html", {"items": items}))


def themes(site: Site, here: str) -> Blocks:
    return facet_index("themes", site, here)


def regions(site: Site, here: str) -> Blocks:
    return facet_index("regions", site, here)


def levels(site: Site, here: str) -> Blocks:
    return facet_index("echelons", site, here)


def levers(site: Site, here: str) -> Blocks:
    return facet_index("leviers", site, here)
