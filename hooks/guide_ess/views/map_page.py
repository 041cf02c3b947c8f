"""The « Carte des expériences » page: the map, filters, and a list of the regions with their counts.

The list beside the map says in text what the map draws (each region's name and count, a link to
its list of cases): for screen readers and small screens, where the map's names are too small to
read. It has one line per region, not per case, so the page stays light at any number of cases.

The filters (a small script, assets/javascripts/carte.js, no server) change the counts: each
region's line carries, in ``data-comptes``, how many of its cases match each choice of theme and
level (:func:`filter_counts`), and the list carries the same for all regions together (a case
with two regions is counted once).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

from ..content.schema import Case
from .facets import facet_path
from .map import france_map
from .model import Block, Blocks, Link, Site
from .paging import grouped


class Option(NamedTuple):
    id: str
    label: str


class RegionCount(NamedTuple):
    id: str
    link: Link
    cases: int
    counts: str  # data-comptes: « theme-level:count » pairs, space-separated (see filter_counts)


SCRIPT = "assets/javascripts/carte.js"


def filter_counts(cases: Iterable[Case], themes: list[str], levels: list[str]) -> str:
    """How many of ``cases`` match each choice of the two filters, as the script reads it:
    « t-e:n » pairs, where t and e are the 1-based positions of a theme in ``themes`` and of a level
    in ``levels``, 0 for « every theme » or « every level »; pairs with no case are left out."""
    theme_at = {t: i for i, t in enumerate(themes, start=1)}
    level_at = {e: i for i, e in enumerate(levels, start=1)}
    counts: Counter[tuple[int, int]] = Counter()
    for case in cases:
        ts = [0, *sorted({theme_at[t] for t in case.themes if t in theme_at})]
        es = [0, *sorted({level_at[e] for e in case.echelons if e in level_at})]
        for t in ts:
            for e in es:
                counts[(t, e)] += 1
    return " ".join(f"{t}-{e}:{n}" for (t, e), n in sorted(counts.items()))


def map_page(site: Site, here: str) -> Blocks:
    """The body of the map page ``here``."""
    corpus, vocab = site.corpus, site.corpus.vocabulary
    by_region = site.graph.cases_by["regions"]
    cases = corpus.cases
    links = {region: site.link("", here, facet_path("regions", region)).href for region in by_region}
    themes = {r: sorted({t for c in ids for t in cases[c].themes}) for r, ids in by_region.items()}
    levels = {r: sorted({e for c in ids for e in cases[c].echelons}) for r, ids in by_region.items()}
    drawing = france_map({region: len(ids) for region, ids in by_region.items()}, dict(vocab.regions), links, themes, levels)
    theme_options = [Option(t, vocab.themes[t]) for t in vocab.themes if any(t in ts for ts in themes.values())]
    level_options = [Option(e, vocab.echelons[e]) for e in vocab.echelons if any(e in es for es in levels.values())]
    theme_ids, level_ids = [o.id for o in theme_options], [o.id for o in level_options]
    regions = [
        RegionCount(region, site.link(label, here, facet_path("regions", region)), len(by_region[region]),
                    filter_counts((cases[c] for c in by_region[region]), theme_ids, level_ids))
        for region, label in vocab.regions.items() if by_region.get(region)]
    return Blocks(after=Block("carte.html", {
        "map": drawing,
        "themes": theme_options,
        "levels": level_options,
        "total": len(cases),
        "total_label": grouped(len(cases)),
        "counts": filter_counts(cases.values(), theme_ids, level_ids),
        "regions": regions,
        "script": site.file_href(here, SCRIPT),
    }))
