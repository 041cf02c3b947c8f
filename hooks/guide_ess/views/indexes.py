"""The lists added to hand-written index pages (``index:`` in their front matter)."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..links.graph import case_sort_key
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


def experiences(site: Site, here: str) -> Blocks:
    """A table of every case study: title, territory, level, period, themes."""
    vocab, cases = site.corpus.vocabulary, site.corpus.cases
    rows: list[list[Cell]] = []
    for case in sorted(cases.values(), key=case_sort_key):
        rows.append([
            (site.link(case.title, here, case.path),),
            (case.territoire,),
            tuple(vocab.echelons[e] for e in case.echelons),
            (case.periode,),
            tuple(vocab.themes[t] for t in case.themes),
        ])
    return Blocks(after=Block("table.html", {"table": Table(("Expérience", "Territoire", "Échelon", "Période", "Thèmes"), rows)}))


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
