"""The views: escaping, addresses, acronyms, and the links collected from their prepared data."""
from __future__ import annotations

from guide_ess_corpus import fixture_corpus

from guide_ess import kinds
from guide_ess.links.graph import build_graph
from guide_ess.links.urls import relative_file_url, relative_url
from guide_ess.text.abbreviations import Abbreviations
from guide_ess.views import facets
from guide_ess.views.model import Site, link_targets
from guide_ess.views.renderer import Renderer


def site_of(pages: dict[str, str | None] | None = None, directory_urls: bool = True) -> Site:
    corpus = fixture_corpus(pages)
    assert corpus.problems == []
    return Site(corpus, build_graph(corpus), directory_urls)


def render(site: Site, path: str) -> str:
    blocks = kinds.blocks_of(site, path)
    renderer = Renderer(Abbreviations(site.corpus.glossary))
    return renderer.render(blocks.before) + renderer.render(blocks.after)


def test_links_follow_mkdocs_addresses() -> None:
    assert relative_url("experiences/cas.md", "guides/g.md", True) == "../../guides/g/"
    assert relative_url("index.md", "experiences/cas.md", True) == "experiences/cas/"
    assert relative_url("experiences/index.md", "experiences/cas.md", True) == "cas/"
    assert relative_url("experiences/cas.md", "index.md", True) == "../../"
    assert relative_url("experiences/index.md", "index.md", True) == "../"
    assert relative_url("experiences/cas.md", "guides/g.md", False) == "../guides/g.html"
    assert relative_url("index.md", "experiences/index.md", False) == "experiences/index.html"
    assert relative_file_url("carte.md", "assets/x.js", True) == "../assets/x.js"
    assert relative_file_url("carte.md", "assets/x.js", False) == "assets/x.js"
    assert relative_file_url("index.md", "feed.xml", True) == "feed.xml"


def test_front_matter_text_is_escaped_everywhere_it_is_shown() -> None:
    site = site_of()
    for path in ("experiences/cas-piege.md", "experiences/index.md", "territoires/index.md", "guides/cooperation.md",
                 "carte.md", "panorama.md", "sources/etude-b.md"):
        html = render(site, path)
        assert "<script>" not in html and "<b>" not in html and "<i>" not in html, path
    assert "Lille \"&lt;script&gt;alert(1)&lt;/script&gt;\" &amp; co" in render(site, "experiences/index.md")


def test_acronyms_in_generated_html_get_their_expansion_but_not_in_the_glossary() -> None:
    site = site_of()
    assert '<abbr title="économie sociale et solidaire">ESS</abbr>' in render(site, "guides/co-construction.md")
    assert "<abbr" not in render(site, "glossaire.md")


def test_every_link_of_a_block_is_collected_from_its_data() -> None:
    site = site_of()
    assert set(link_targets(kinds.blocks_of(site, "glossaire.md"))) == {"guides/commande-publique.md",
                                                                         "guides/cooperation.md"}
    header = set(link_targets(kinds.blocks_of(site, "experiences/cas-metz.md")))
    assert {"territoires/grand-est.md", "territoires/bretagne.md", "echelons/intercommunalite.md",
            "guides/co-construction.md", "leviers/marches-reserves.md", "sources/etude-b.md"} <= header
    assert "sources/source-seule.md" in set(link_targets(kinds.blocks_of(site, "sources/index.md")))


def test_links_are_relative_to_the_page_in_both_address_styles() -> None:
    assert 'href="../../territoires/grand-est/"' in render(site_of(), "experiences/cas-metz.md")
    assert 'href="../territoires/grand-est.html"' in render(site_of(directory_urls=False), "experiences/cas-metz.md")


def test_a_theme_gets_its_own_page_only_when_its_guide_cannot_list_every_case() -> None:
    assert not any(facet == "themes" for facet, _ in facets.pages_needed(site_of().graph))
    many = {f"experiences/c{i:02}.md": (f"---\nid: c{i:02}\ntitle: Cas {i:02}\ndescription: d\nterritoire: T\n"
                                        "regions: [bretagne]\nechelons: [commune]\nperiode: \"2018\"\n"
                                        "themes: [cooperation]\nleviers: [scic]\nsources: [etude-b]\nverifie_le: \"2026-12-02\"\n---\n")
            for i in range(facets.GUIDE_CASES_MAX)}
    site = site_of(many)
    assert ("themes", "cooperation") in facets.pages_needed(site.graph)
    guide = render(site, "guides/cooperation.md")
    assert guide.count('<li><a href="../../experiences/') == facets.GUIDE_CASES_MAX
    assert '<p><a href="../../themes/cooperation/">Les 32 expériences sur ce thème</a></p>' in guide
    assert ("regions", "hauts-de-france") in facets.pages_needed(site.graph)


def test_contributors_links_need_a_configured_repository() -> None:
    corpus = fixture_corpus()
    renderer = Renderer()
    without = renderer.render(kinds.blocks_of(Site(corpus, build_graph(corpus)), "contribuer.md").before)
    assert "<a " not in without and "pas encore réglée" in without
    configured = Site(corpus, build_graph(corpus), repo_url="https://forge.example/org/guide")
    html = renderer.render(kinds.blocks_of(configured, "contribuer.md").before)
    assert 'href="https://forge.example/org/guide/issues/new?template=proposer-experience.yml"' in html
    assert 'href="https://forge.example/org/guide/issues/new?template=signaler-erreur.yml"' in html


def test_the_printable_page_is_up_to_date_as_of_its_least_recently_checked_guide() -> None:
    """Its « verifie_le » (printed in the margins of every sheet) is its oldest guide's."""
    from helpers import fixture_text

    from guide_ess.views import printable

    path = "guides/co-construction.md"
    corpus = fixture_corpus({path: fixture_text(path).replace('verifie_le: "2026-12-02"', 'verifie_le: "2025-03-01"')})
    assert corpus.problems == [] and corpus.guides["co-construction"].verifie_le == "2025-03-01"
    block = printable.printable_guides(corpus, {}, [])
    assert block.data["verifie_le"] == "2025-03-01"
    assert 'verifie_le: "2025-03-01"\n---' in Renderer().render(block)
