"""The corpus and the link graph, on the fixture site's corpus and variations of it."""
from __future__ import annotations

from guide_ess_corpus import fixture_corpus

from guide_ess.links.graph import RELATED_MAX, WINDOW, Ref, build_graph


def case_md(id_: str, title: str, themes: str, leviers: str, region: str = "grand-est") -> str:
    return (f"---\nid: {id_}\ntitle: \"{title}\"\ndescription: d\nterritoire: T\nregions: [{region}]\n"
            f"echelons: [commune]\nperiode: \"2018\"\nthemes: [{themes}]\nleviers: [{leviers}]\nsources: [fiche-a]\n"
            "verifie_le: \"2026-12-02\"\n---\n")


def test_fixture_corpus_is_clean() -> None:
    corpus = fixture_corpus()
    assert corpus.problems == []
    assert set(corpus.cases) == {"cas-lille", "cas-metz", "cas-national", "cas-piege"}
    assert corpus.index_pages["experiences/index.md"] == "experiences"
    assert corpus.cases["cas-piege"].title == 'Lille "<script>alert(1)</script>" & co'  # BOM and CRLF file


def test_cases_are_grouped_by_every_facet() -> None:
    graph = build_graph(fixture_corpus())
    assert graph.cases_by["themes"]["commande-publique"] == ["cas-lille", "cas-metz"]
    assert graph.cases_by["themes"]["co-construction"] == ["cas-piege", "cas-metz"]  # by title: « Lille "… » < « Metz… »
    assert graph.cases_by["regions"]["grand-est"] == ["cas-metz"]
    assert graph.citing("source", "fiche-a") == [Ref("guide", "co-construction"), Ref("guide", "commande-publique"),
                                       Ref("case", "cas-lille"), Ref("case", "cas-metz")]
    assert graph.citing("source", "source-seule") == [] and Ref("source", "source-seule") not in graph.cited_by


def test_related_cases_prefer_shared_themes_and_levers() -> None:
    corpus = fixture_corpus({
        "experiences/cas-c.md": case_md("cas-c", "C", "commande-publique, co-construction",
                                        "instance-de-concertation, marches-reserves"),
        "experiences/cas-d.md": case_md("cas-d", "D", "co-construction", "instance-de-concertation"),
    })
    graph = build_graph(corpus)
    assert graph.related[Ref("case", "cas-metz")][0] == Ref("case", "cas-c")  # two themes and two levers shared
    assert graph.related[Ref("case", "cas-c")][0] == Ref("case", "cas-metz")
    assert Ref("case", "cas-national") not in graph.related[Ref("case", "cas-lille")]  # shares nothing with it
    assert all(Ref("case", c) not in graph.related[Ref("case", c)] for c in corpus.cases)


def test_related_is_bounded_and_deterministic_on_large_corpora() -> None:
    pages = {f"experiences/c{i:03}.md": case_md(f"c{i:03}", f"Cas {i:03}", "commande-publique", "marches-reserves")
             for i in range(10 * WINDOW)}
    first = build_graph(fixture_corpus(pages))
    second = build_graph(fixture_corpus(dict(reversed(list(pages.items())))))
    assert first.related == second.related
    assert all(len(refs) <= RELATED_MAX for refs in first.related.values())
    assert len(first.related[Ref("case", "c050")]) == RELATED_MAX


def test_guides_are_related_through_cases_naming_both_themes() -> None:
    graph = build_graph(fixture_corpus())
    assert graph.related[Ref("guide", "co-construction")] == [Ref("guide", "commande-publique"), Ref("guide", "cooperation")]
    assert graph.related[Ref("guide", "commande-publique")] == [Ref("guide", "co-construction")]


def test_theme_without_guide_and_unknown_guide_id_are_reported_with_lines() -> None:
    corpus = fixture_corpus({"guides/autre.md": "---\nid: autre\ntitle: Autre\ndescription: d\nsources: [fiche-a]\nverifie_le: \"2026-12-02\"\n---\n"})
    messages = {str(p) for p in corpus.problems}
    assert any(m.startswith("docs/guides/autre.md:2 : champ « id » : valeur inconnue « autre »") for m in messages), messages
    without = fixture_corpus({"guides/cooperation.md": None})
    assert [(p.path, p.field, p.line) for p in without.problems if "n'a pas de guide" in p.message] == [
        ("docs/.vocabulaires.yml", "themes", 5)]


def test_reference_problems_name_their_line() -> None:
    corpus = fixture_corpus({"experiences/cas-x.md": case_md("cas-x", "X", "commande-publique", "marches-reserves")
                             .replace("sources: [fiche-a]", "sources: [fiche-z]"),
                             "experiences/cas-y.md": case_md("cas-x", "Y", "commande-publique", "marches-reserves")})
    found = {(p.path, p.field, p.line) for p in corpus.problems}
    assert ("docs/experiences/cas-x.md", "sources", 11) in found
    assert ("docs/experiences/cas-y.md", "id", 2) in found
