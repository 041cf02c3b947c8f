"""The panorama: themes × case studies, and levers × levels of government."""
from __future__ import annotations

from collections import Counter

from ..links.graph import case_sort_key
from .facets import facet_path
from .model import Block, Blocks, Site
from .tables import Cell, Part, Table


def theme_matrix(site: Site, here: str) -> Table:
    """One row per case study, one column per theme; a « oui » cell links to the theme's guide."""
    corpus = site.corpus
    themes = list(corpus.vocabulary.themes)
    head: list[Part] = ["Expérience", *(site.link(corpus.vocabulary.themes[t], here, corpus.guides[t].path) for t in themes)]
    rows: list[list[Cell]] = []
    for case in sorted(corpus.cases.values(), key=case_sort_key):
        cells: list[Cell] = [(site.link("oui", here, corpus.guides[t].path),) if t in case.themes else () for t in themes]
        rows.append([(site.link(case.title, here, case.path),), *cells])
    return Table(head, rows)


def lever_level_matrix(site: Site, here: str) -> Table:
    """How many case studies use each lever at each level; a count links to the lever's page."""
    counts: Counter[tuple[str, str]] = Counter()
    for case in site.corpus.cases.values():
        for lever in case.leviers:
            for level in case.echelons:
                counts[(lever, level)] += 1
    vocab = site.corpus.vocabulary
    levels = [lv for lv in vocab.echelons if any(counts[(x, lv)] for x in vocab.leviers)]
    levers = [x for x in vocab.leviers if any(counts[(x, lv)] for lv in levels)]
    rows: list[list[Cell]] = []
    for lever in levers:
        target = facet_path("leviers", lever)
        cells: list[Cell] = [(site.link(str(counts[(lever, lv)]), here, target),) if counts[(lever, lv)] else ()
                             for lv in levels]
        rows.append([(site.link(vocab.leviers[lever], here, target),), *cells])
    return Table(["Levier", *(vocab.echelons[lv] for lv in levels)], rows)


def panorama(site: Site, here: str) -> Blocks:
    return Blocks(after=Block("panorama.html", {"themes": theme_matrix(site, here),
                                                "levers": lever_level_matrix(site, here)}))
