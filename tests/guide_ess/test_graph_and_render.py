"""The link graph and the generated markdown, on small in-memory corpora."""
from __future__ import annotations

from helpers import MINI_GLOSSARY, MINI_PAGES, MINI_VOCABULARY

from guide_ess import render
from guide_ess.corpus import Corpus, load_corpus
from guide_ess.graph import RELATED_MAX, WINDOW, Ref, build_graph


def corpus_of(pages: dict[str, str]) -> Corpus:
    return load_corpus([(p, t.encode()) for p, t in pages.items() if p.endswith(".md")], MINI_VOCABULARY, MINI_GLOSSARY)


def mini() -> dict[str, str]:
    return {k: v for k, v in MINI_PAGES.items() if isinstance(v, str)}


def case_md(id_: str, title: str, themes: str, leviers: str, region: str = "grand-est") -> str:
    return (f"---\nid: {id_}\ntitle: \"{title}\"\ndescription: d\nterritoire: T\nregions: [{region}]\n"
            f"echelons: [commune]\nperiode: \"2018\"\nthemes: [{themes}]\nleviers: [{leviers}]\nsources: [fiche-a]\n---\n")


def test_mini_corpus_is_clean() -> None:
    corpus = corpus_of(mini())
    assert corpus.problems == []
    assert set(corpus.cases) == {"cas-lille", "cas-metz"}
    assert corpus.index_pages["experiences/index.md"] == "experiences"


def test_cases_are_grouped_by_every_facet() -> None:
    graph = build_graph(corpus_of(mini()))
    assert graph.cases_by["themes"]["commande-publique"] == ["cas-lille", "cas-metz"]
    assert graph.cases_by["themes"]["co-construction"] == ["cas-metz"]
    assert graph.cases_by["regions"]["grand-est"] == ["cas-metz"]
    assert graph.citing["fiche-a"][:2] == [Ref("guide", "co-construction"), Ref("guide", "commande-publique")]


def test_related_cases_prefer_shared_themes_and_levers() -> None:
    pages = mini()
    pages["experiences/cas-c.md"] = case_md("cas-c", "C", "commande-publique, co-construction",
                                            "instance-de-concertation, marches-reserves")
    pages["experiences/cas-d.md"] = case_md("cas-d", "D", "co-construction", "instance-de-concertation")
    graph = build_graph(corpus_of(pages))
    assert graph.related[Ref("case", "cas-metz")][0] == Ref("case", "cas-c")
    assert Ref("case", "cas-metz") not in graph.related[Ref("case", "cas-lille")][:0]
    assert all(Ref("case", c) not in graph.related[Ref("case", c)] for c in ("cas-c", "cas-d"))


def test_related_is_bounded_and_deterministic_on_large_corpora() -> None:
    pages = mini()
    for i in range(10 * WINDOW):
        pages[f"experiences/c{i:03}.md"] = case_md(f"c{i:03}", f"Cas {i:03}", "commande-publique", "marches-reserves")
    first, second = build_graph(corpus_of(pages)), build_graph(corpus_of(dict(reversed(list(pages.items())))))
    assert first.related == second.related
    assert all(len(refs) <= RELATED_MAX for refs in first.related.values())


def test_guides_are_related_through_cases_naming_both_themes() -> None:
    graph = build_graph(corpus_of(mini()))
    assert graph.related[Ref("guide", "co-construction")] == [Ref("guide", "commande-publique")]


def test_theme_without_guide_and_unknown_guide_id_are_reported() -> None:
    pages = mini()
    del pages["guides/co-construction.md"]
    pages["guides/autre.md"] = "---\nid: autre\ntitle: Autre\ndescription: d\nsources: [fiche-a]\n---\n"
    messages = " ".join(str(p) for p in corpus_of(pages).problems)
    assert "« co-construction » n'a pas de guide" in messages and "valeur inconnue « autre »" in messages


H = render.Html(directory_urls=True)


def test_front_matter_text_is_escaped_in_generated_html() -> None:
    pages = mini()
    pages["experiences/cas-lille.md"] = pages["experiences/cas-lille.md"].replace(
        'title: "Lille : un marché réservé"', "title: 'Lille <script>alert(1)</script> & \"*gras*\" | [x](y)'")
    corpus = corpus_of(pages)
    graph = build_graph(corpus)
    table = render.index_content(H, corpus, graph, "experiences", "experiences/index.md")
    assert "<script>" not in table and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"*gras*\" | [x](y)" in table


def test_markdown_headings_escape_markdown_too() -> None:
    assert render.md_text("*a* [b](c) <i>") == "\\*a\\* \\[b\\]\\(c\\) &lt;i&gt;"


def test_links_follow_mkdocs_addresses() -> None:
    assert render.relative_url("experiences/cas.md", "guides/g.md", True) == "../../guides/g/"
    assert render.relative_url("index.md", "experiences/cas.md", True) == "experiences/cas/"
    assert render.relative_url("experiences/index.md", "experiences/cas.md", True) == "cas/"
    assert render.relative_url("experiences/cas.md", "index.md", True) == "../../"
    assert render.relative_url("experiences/index.md", "index.md", True) == "../"
    assert render.relative_url("experiences/cas.md", "guides/g.md", False) == "../guides/g.html"
    assert render.relative_url("index.md", "experiences/index.md", False) == "experiences/index.html"


def test_acronyms_in_generated_html_get_their_expansion() -> None:
    from guide_ess.glossary import Abbreviations

    corpus = corpus_of(mini())
    h = render.Html(True, Abbreviations(corpus.glossary))
    assert h.text("Le SPASER & l'ESS") == ('Le <abbr title="schéma de promotion des achats socialement et écologiquement '
                                          'responsables">SPASER</abbr> &amp; l’<abbr title="économie sociale et solidaire">ESS</abbr>')


def test_case_header_links_every_facet() -> None:
    corpus = corpus_of(mini())
    header = render.case_header(H, corpus, corpus.cases["cas-metz"])
    for target in ("../../territoires/grand-est/", "../../echelons/commune/", "../../guides/commande-publique/",
                   "../../guides/co-construction/", "../../leviers/instance-de-concertation/", "../../sources/fiche-a/"):
        assert f'href="{target}"' in header


def test_facet_pages_cover_every_used_value_but_themes_only_when_guides_overflow() -> None:
    graph = build_graph(corpus_of(mini()))
    needed = render.facet_pages_needed(graph)
    assert ("regions", "hauts-de-france") in needed and ("leviers", "marches-reserves") in needed
    assert not any(facet == "themes" for facet, _ in needed)
