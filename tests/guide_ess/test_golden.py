"""Every generated block, rendered from the fixture site's corpus, against its golden file (tests/golden/)."""
from __future__ import annotations

from typing import Callable

import pytest
from golden import check_golden
from guide_ess_corpus import fixture_corpus

from guide_ess import kinds
from guide_ess.content.history import Dates
from guide_ess.links.graph import build_graph
from guide_ess.text.abbreviations import Abbreviations
from guide_ess.views import facets, printable
from guide_ess.views.feed import site_feed
from guide_ess.views.model import Block, Blocks, Site
from guide_ess.views.renderer import Permalink, Renderer

CORPUS = fixture_corpus()
DATES = {"experiences/cas-lille.md": Dates(1_704_189_600, 1_709_632_800),
         "guides/cooperation.md": Dates(1_704_189_600, 1_704_189_600)}
SITE = Site(CORPUS, build_graph(CORPUS), True, DATES, "https://example.org/depot/")
RENDERER = Renderer(Abbreviations(CORPUS.glossary), permalink=Permalink("&para;", "Lien vers cette section"))


def page(path: str) -> Callable[[], Blocks]:
    return lambda: kinds.blocks_of(SITE, path)


BLOCKS: dict[str, Callable[[], Blocks]] = {
    "case": page("experiences/cas-metz.md"),
    "case-with-awkward-values": page("experiences/cas-piege.md"),
    "guide": page("guides/co-construction.md"),
    "source": page("sources/fiche-a.md"),
    "source-cited-by-none": page("sources/source-seule.md"),
    **{f"index-{kind.name}": page(path) for path, name in sorted(CORPUS.index_pages.items())
       for kind in [kinds.INDEX_KIND_BY_NAME[name]]},
    "facet-region": lambda: facets.page_blocks(SITE, "regions", "grand-est"),
    "facet-lever": lambda: facets.page_blocks(SITE, "leviers", "scic"),
}


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_block_matches_its_golden_file(name: str, request: pytest.FixtureRequest) -> None:
    blocks = BLOCKS[name]()
    assert blocks.before is not None or blocks.after is not None
    rendered = (f"<!-- avant le texte de la page -->\n{RENDERER.render(blocks.before)}"
                f"<!-- après le texte de la page -->\n{RENDERER.render(blocks.after)}")
    check_golden(f"{name}.html", rendered, request)


def test_every_index_kind_of_the_registry_is_in_the_fixture_site() -> None:
    assert set(CORPUS.index_pages.values()) == set(kinds.INDEX_KIND_BY_NAME)


def test_facet_page_source_and_feed_and_printable_page(request: pytest.FixtureRequest) -> None:
    check_golden("facet-page-source.md", facets.page_source(SITE, "regions", "la-reunion"), request)
    feed = RENDERER.render(site_feed(SITE, "Guide & essai", "https://example.org/guide", lambda path: path[:-3] + "/"))
    check_golden("feed.xml", feed, request)
    bodies = {g.path: CORPUS.front_matter[g.path].body for g in CORPUS.guides.values()}
    source = RENDERER.render(printable.printable_guides(CORPUS, bodies, ["co-construction", "commande-publique"]))
    check_golden("version-imprimable.md", source, request)


def test_a_block_template_of_the_overrides_folder_replaces_ours(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "source_footer.html").write_text("<p>{{ citing | length }} page(s) : {{ '<b>' }}</p>\n", encoding="utf-8")
    renderer = Renderer(Abbreviations(CORPUS.glossary), [folder])
    blocks = kinds.blocks_of(SITE, "sources/fiche-a.md")
    assert renderer.render(blocks.after) == "<p>4 page(s) : &lt;b&gt;</p>\n"
    assert renderer.render(blocks.before) == RENDERER.render(blocks.before)
    assert renderer.render(Block("source_footer.html", {"citing": []})) == "<p>0 page(s) : &lt;b&gt;</p>\n"


def test_every_link_of_every_golden_block_reaches_a_page_of_the_site() -> None:
    """The golden files freeze live links only: each link target is a written page or one the site generates."""
    from helpers import fixture_pages

    from guide_ess.views.model import link_targets

    pages = {path for path, _ in fixture_pages()} | {p for family in kinds.PAGE_FAMILIES for p in family.paths(SITE)}
    dead = {name: sorted(set(link_targets(make())) - pages) for name, make in BLOCKS.items()}
    assert {name: targets for name, targets in dead.items() if targets} == {}
