"""The « Carte des expériences » page: the map, filters, and a text list by region.

The text list is the same information for screen readers and small screens;
the filters (a small script, assets/javascripts/carte.js) work without a server.
"""
from __future__ import annotations

import html

from .corpus import Corpus
from .graph import LinkGraph
from .map import france_map_svg
from .render import Html, facet_path, relative_url


def _attr(values: tuple[str, ...] | list[str]) -> str:
    return html.escape(" ".join(sorted(set(values))), quote=True)


def map_page(h: Html, corpus: Corpus, graph: LinkGraph, page_path: str, script_href: str) -> str:
    """Raw HTML for the body of the map page ``page_path`` (links computed like every generated link)."""
    vocab = corpus.vocabulary
    by_region = graph.cases_by["regions"]
    counts = {region: len(ids) for region, ids in by_region.items()}
    links = {region: relative_url(page_path, facet_path("regions", region), h.directory_urls) for region in by_region}
    themes = {r: sorted({t for c in ids for t in corpus.cases[c].themes}) for r, ids in by_region.items()}
    levels = {r: sorted({e for c in ids for e in corpus.cases[c].echelons}) for r, ids in by_region.items()}
    svg = france_map_svg(counts, dict(vocab.regions), links, themes, levels)

    used_themes = [t for t in vocab.themes if any(t in ts for ts in themes.values())]
    used_levels = [e for e in vocab.echelons if any(e in es for es in levels.values())]
    total = len(corpus.cases)
    parts = [
        '<form class="carte-filtres" hidden aria-label="Filtrer les expériences">',
        '<p><label for="carte-filtre-theme">Thème</label>',
        '<select id="carte-filtre-theme"><option value="">Tous les thèmes</option>'
        + "".join(f'<option value="{html.escape(t)}">{html.escape(vocab.themes[t])}</option>' for t in used_themes)
        + "</select></p>",
        '<p><label for="carte-filtre-echelon">Échelon</label>',
        '<select id="carte-filtre-echelon"><option value="">Tous les échelons</option>'
        + "".join(f'<option value="{html.escape(e)}">{html.escape(vocab.echelons[e])}</option>' for e in used_levels)
        + "</select></p>",
        f'<p class="carte-compte" role="status">{total} expérience{"s" if total > 1 else ""}</p>',
        "</form>",
        f'<div class="carte-dessin">{svg}</div>',
        '<div class="carte-liste">',
        '<h2 id="liste-par-region">Liste par région</h2>',
    ]
    for region, label in vocab.regions.items():
        ids = by_region.get(region)
        if not ids:
            continue
        parts.append(f'<section class="carte-liste-region" data-region="{html.escape(region)}">')
        parts.append(f'<h3 id="region-{html.escape(region)}">{h.a(label, page_path, facet_path("regions", region))}</h3>')
        parts.append("<ul>")
        for case_id in ids:
            case = corpus.cases[case_id]
            parts.append(
                f'<li data-themes="{_attr(case.themes)}" data-echelons="{_attr(case.echelons)}">'
                f"{h.a(case.title, page_path, case.path)} — {h.text(case.territoire)}</li>")
        parts.append("</ul>")
        parts.append("</section>")
    parts.append("</div>")
    parts.append(f'<script src="{html.escape(script_href)}"></script>')
    return '<div class="carte-experiences">\n' + "\n".join(parts) + "\n</div>\n"
