"""The panorama: how many case studies each region has on each theme, and levers × levels of government.

Both tables count cases (one cell per pair of values, never one row per case): they keep their size,
and their purpose, at any number of cases. Each row and column heading links to the list behind it
(a region's page, a theme's guide, a lever's page).
"""
from __future__ import annotations

from collections import Counter

from .facets import facet_link, facet_path
from .model import Block, Blocks, Site
from .tables import Cell, Part, Table


def region_theme_matrix(site: Site, here: str) -> Table:
    """One row per region with cases, one column per theme with cases, and a total: how many cases."""
    corpus, vocab = site.corpus, site.corpus.vocabulary
    counts: Counter[tuple[str, str]] = Counter()
    for case in corpus.cases.values():
        for region in case.regions:
            for theme in case.themes:
                counts[(region, theme)] += 1
    by_region = site.graph.cases_by["regions"]
    regions = [r for r in vocab.regions if by_region.get(r)]
    themes = [t for t in vocab.themes if site.graph.cases_by["themes"].get(t)]
    head: list[Part] = ["Région", *(facet_link(site, "themes", t, here) for t in themes), "Toutes"]
    rows: list[list[Cell]] = []
    for region in regions:
        cells: list[Cell] = [(str(counts[(region, t)]),) if counts[(region, t)] else () for t in themes]
        rows.append([(site.link(vocab.regions[region], here, facet_path("regions", region)),), *cells,
                     (str(len(by_region[region])),)])
    return Table(head, rows, row_headers=True)


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
    return Table(["Levier", *(vocab.echelons[lv] for lv in levels)], rows, row_headers=True)


def panorama(site: Site, here: str) -> Blocks:
    return Blocks(after=Block("panorama.html", {"themes": region_theme_matrix(site, here),
                                                "levers": lever_level_matrix(site, here)}))
