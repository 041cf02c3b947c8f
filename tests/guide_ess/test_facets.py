"""guide_ess/views/facets.py (through the « listes » family, views/lists.py): which facet values get a page,
where, and what it says."""
from __future__ import annotations

import yaml
from guide_ess_corpus import fixture_corpus

from guide_ess.links.graph import build_graph
from guide_ess.views import facets, lists
from guide_ess.views.model import Site

CORPUS = fixture_corpus()
SITE = Site(CORPUS, build_graph(CORPUS))


def test_regions_levels_and_levers_with_cases_get_a_page_themes_only_beyond_what_a_guide_lists() -> None:
    assert facets.needed("regions", ["a"]) and not facets.needed("regions", [])
    assert not facets.needed("themes", ["c"] * facets.GUIDE_CASES_MAX)
    assert facets.needed("themes", ["c"] * (facets.GUIDE_CASES_MAX + 1))
    paths = lists.paths_needed(SITE)
    assert "territoires/grand-est.md" in paths and "leviers/scic.md" in paths
    assert not any(p.startswith("themes/") for p in paths)
    assert all(lists.blocks_at(SITE, p) is not None for p in paths)


def test_a_path_is_a_facet_page_only_when_the_site_generates_it() -> None:
    assert facets.page_at(SITE.graph, "territoires/grand-est.md") == ("regions", "grand-est")
    assert facets.page_at(SITE.graph, "territoires/corse.md") is None  # a region without cases
    assert facets.page_at(SITE.graph, "territoires/index.md") is None
    assert facets.page_at(SITE.graph, "themes/cooperation.md") is None  # its guide lists its cases
    assert lists.blocks_at(SITE, "guides/cooperation.md") is None


def test_a_facet_page_source_is_front_matter_only_with_its_title_and_count() -> None:
    source = lists.source_at(SITE, "territoires/grand-est.md")
    assert source.startswith("---\n") and source.endswith("---\n")
    meta = yaml.safe_load(source.strip("-\n"))
    count = len(SITE.graph.cases_by["regions"]["grand-est"])
    assert meta["title"] == "Expériences : Grand Est"
    assert meta["description"] == f"Expériences : Grand Est — {count} expérience{'s' if count > 1 else ''}."


def test_theme_links_go_to_the_guide_other_values_to_their_page() -> None:
    assert facets.facet_link(SITE, "themes", "cooperation", "experiences/x.md").target == "guides/cooperation.md"
    assert facets.facet_link(SITE, "leviers", "scic", "experiences/x.md").target == "leviers/scic.md"
