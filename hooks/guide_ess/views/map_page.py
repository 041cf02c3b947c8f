"""The « Carte des expériences » page: the map, filters, and a text list by region.

The text list is the same information for screen readers and small screens;
the filters (a small script, assets/javascripts/carte.js) work without a server.
"""
from __future__ import annotations

from typing import NamedTuple

from .facets import facet_path
from .map import france_map
from .model import Block, Blocks, Link, Site


class Option(NamedTuple):
    id: str
    label: str


class MapCase(NamedTuple):
    link: Link
    territoire: str
    themes: str  # ids, space-separated, for the filters
    levels: str


class RegionList(NamedTuple):
    id: str
    link: Link
    cases: list[MapCase]

SCRIPT = "assets/javascripts/carte.js"


def _ids(values: tuple[str, ...] | list[str]) -> str:
    return " ".join(sorted(set(values)))


def map_page(site: Site, here: str) -> Blocks:
    """The body of the map page ``here``."""
    corpus, vocab = site.corpus, site.corpus.vocabulary
    by_region = site.graph.cases_by["regions"]
    links = {region: site.link("", here, facet_path("regions", region)).href for region in by_region}
    themes = {r: sorted({t for c in ids for t in corpus.cases[c].themes}) for r, ids in by_region.items()}
    levels = {r: sorted({e for c in ids for e in corpus.cases[c].echelons}) for r, ids in by_region.items()}
    drawing = france_map({region: len(ids) for region, ids in by_region.items()}, dict(vocab.regions), links, themes, levels)
    cases = corpus.cases
    regions = [
        RegionList(region, site.link(label, here, facet_path("regions", region)),
                   [MapCase(site.link(cases[c].title, here, cases[c].path), cases[c].territoire,
                            _ids(cases[c].themes), _ids(cases[c].echelons)) for c in by_region[region]])
        for region, label in vocab.regions.items() if by_region.get(region)]
    return Blocks(after=Block("carte.html", {
        "map": drawing,
        "themes": [Option(t, vocab.themes[t]) for t in vocab.themes if any(t in ts for ts in themes.values())],
        "levels": [Option(e, vocab.echelons[e]) for e in vocab.echelons if any(e in es for es in levels.values())],
        "total": len(corpus.cases),
        "regions": regions,
        "script": site.file_href(here, SCRIPT),
    }))
