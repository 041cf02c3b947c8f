"""Long lists cut into pages, the map's and the panorama's counts: the views at a few hundred cases."""
from __future__ import annotations

import re

from guide_ess_corpus import fixture_corpus

from guide_ess import kinds
from guide_ess.links.graph import build_graph
from guide_ess.text.abbreviations import Abbreviations
from guide_ess.views import lists, map_page, paging
from guide_ess.views.model import Site, link_targets
from guide_ess.views.renderer import Renderer

EXTRA = 2 * paging.PAGE_SIZE + 37  # with the fixture's 4 cases: three pages of the list of all experiences


def case(i: int) -> str:
    region = "bretagne" if i % 3 else "grand-est"
    theme = "cooperation" if i % 2 else "commande-publique"
    level = "commune" if i % 5 else "region"
    return (f"---\nid: c{i:04}\ntitle: Cas {i:04}\ndescription: d\nterritoire: T\nregions: [{region}]\n"
            f"echelons: [{level}]\nperiode: \"2018\"\nthemes: [{theme}]\nleviers: [scic]\nsources: [etude-b]\n"
            "verifie_le: \"2026-11-02\"\n---\n")


def big_site(directory_urls: bool = True) -> Site:
    corpus = fixture_corpus({f"experiences/c{i:04}.md": case(i) for i in range(EXTRA)})
    assert corpus.problems == []
    return Site(corpus, build_graph(corpus), directory_urls)


SITE = big_site()
RENDERER = Renderer(Abbreviations(SITE.corpus.glossary))


def render(site: Site, path: str) -> str:
    blocks = kinds.blocks_of(site, path)
    return RENDERER.render(blocks.before) + RENDERER.render(blocks.after)


def test_paths_and_numbers_of_the_pages_of_a_list() -> None:
    assert paging.page_path("experiences/index.md", 1) == "experiences/index.md"
    assert paging.page_path("experiences/index.md", 3) == "experiences/page/3.md"
    assert paging.page_path("territoires/bretagne.md", 2) == "territoires/bretagne/page/2.md"
    assert paging.number_at("territoires/bretagne.md", "territoires/bretagne/page/12.md") == 12
    for other in ("territoires/bretagne/page/1.md", "territoires/bretagne/page/02.md", "territoires/bretagne/page/x.md",
                  "territoires/grand-est/page/2.md", "experiences/c0001.md"):
        assert paging.number_at("territoires/bretagne.md", other) is None, other
    assert [paging.page_count(n) for n in (0, 1, paging.PAGE_SIZE, paging.PAGE_SIZE + 1)] == [1, 1, 1, 2]
    assert paging.shown_numbers(1, 1) == [1]
    assert paging.shown_numbers(10, 100) == [1, 8, 9, 10, 11, 12, 100]


def test_every_case_is_on_exactly_one_page_of_the_list_of_all_experiences() -> None:
    total = len(SITE.corpus.cases)
    pages = paging.page_count(total)
    assert pages == 3
    generated = dict(lists.generated_pages(SITE))
    seen: list[str] = []
    for n in range(1, pages + 1):
        path = paging.page_path("experiences/index.md", n)
        html = render(SITE, path)
        rows = html.count("<tr><td>")
        assert rows == (paging.PAGE_SIZE if n < pages else total - 2 * paging.PAGE_SIZE), n
        seen += re.findall(r'<tr><td><a href="([^"]+)"', html)
        if n > 1:
            assert "search:\n  exclude: true" in generated[path], path  # later pages: out of the search index
            assert f"(page {n} sur {pages})" in generated[path]
    assert len(seen) == len(set(seen)) == total
    assert "experiences/page/4.md" not in generated and kinds.blocks_of(SITE, "experiences/page/4.md").after is None


def test_pager_links_work_as_plain_relative_links_and_reach_every_page() -> None:
    html = render(SITE, "experiences/page/2.md")
    nav = html[html.index('<nav class="pagination"'):]
    assert 'href="../1/"' not in nav and 'href="../../"' in nav  # page 1 is the hand-written page
    assert 'href="../3/"' in nav and 'aria-current="page">2<' in nav
    assert "Page précédente" in nav and "Page suivante" in nav
    assert "Expériences 101 à 200 sur 241" in html
    offline = render(big_site(directory_urls=False), "experiences/page/2.md")
    assert 'href="../index.html"' in offline and 'href="3.html"' in offline
    reached: set[str] = set()
    todo = ["experiences/index.md"]
    while todo:  # the orphan check follows the links of the generated blocks: every page is reached
        path = todo.pop()
        reached.add(path)
        todo += [t for t in link_targets(kinds.blocks_of(SITE, path)) if "/page/" in t and t not in reached]
    assert reached == {"experiences/index.md", "experiences/page/2.md", "experiences/page/3.md"}


def test_facet_pages_are_cut_too_and_say_toutes_les_regions() -> None:
    ids = SITE.graph.cases_by["regions"]["bretagne"]
    pages = paging.page_count(len(ids))
    assert pages == 2
    first, second = render(SITE, "territoires/bretagne.md"), render(SITE, "territoires/bretagne/page/2.md")
    assert ">Toutes les régions</a>" in first and "toutes les valeurs" not in first
    listed = re.findall(r'<li><a href="[./]*experiences/([a-z0-9-]+)/"', first + second)
    assert sorted(listed) == sorted(ids)
    assert 'data-pagefind-ignore' in first.split("<li>")[0]
    assert ("territoires/bretagne/page/2.md" in dict(lists.generated_pages(SITE)))
    assert ">Tous les échelons</a>" in render(SITE, "echelons/commune.md")
    assert kinds.blocks_of(SITE, "territoires/bretagne/page/3.md").after is None


def test_map_lists_regions_with_counts_for_every_choice_of_filters() -> None:
    html = render(SITE, "carte.md")
    assert "c0001" not in html  # one line per region, none per case
    corpus = SITE.corpus
    themes = [t for t in corpus.vocabulary.themes if SITE.graph.cases_by["themes"].get(t)]
    levels = [e for e in corpus.vocabulary.echelons if SITE.graph.cases_by["echelons"].get(e)]
    line = re.search(r'<li data-region="bretagne" data-comptes="([^"]*)">', html)
    assert line is not None
    counts = dict(pair.split(":") for pair in line.group(1).split())
    in_region = [c for c in corpus.cases.values() if "bretagne" in c.regions]
    assert int(counts["0-0"]) == len(in_region)
    t, e = themes.index("cooperation") + 1, levels.index("commune") + 1
    assert int(counts[f"{t}-{e}"]) == sum(1 for c in in_region if "cooperation" in c.themes and "commune" in c.echelons)
    everything = re.search(r'<ul class="carte-liste-regions" data-comptes="([^"]*)">', html)
    assert everything is not None and f"0-0:{len(corpus.cases)}" in everything.group(1).split()
    assert map_page.filter_counts([], themes, levels) == ""


def test_panorama_counts_cases_by_region_and_theme() -> None:
    html = render(SITE, "panorama.md")
    assert "c0001" not in html and html.count("<tr>") < 40
    row = re.search(r'<tr><th scope="row"><a href="../territoires/bretagne/">Bretagne</a></th>(.*?)</tr>', html)
    assert row is not None
    cells = re.findall(r"<td>(\d*)</td>", row.group(1))
    assert int(cells[-1]) == len(SITE.graph.cases_by["regions"]["bretagne"])
