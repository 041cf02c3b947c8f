"""Headings of generated blocks: unique ids (permalinks renamed with them), table-of-contents entries."""
from engine.headings import TocEntry, place_headings

PERMALINK = '<a class="headerlink" href="#{0}" title="Lien">&para;</a>'


def test_headings_get_unique_ids_and_toc_entries() -> None:
    taken = {"sources", "voir-aussi", "voir-aussi_1"}
    block = (f'<h2 id="sources">Sources{PERMALINK.format("sources")}</h2><ul><li>x</li></ul>'
             f'<h2 id="voir-aussi">Voir <abbr title="a">ESS</abbr>{PERMALINK.format("voir-aussi")}</h2>'
             '<h3 id="">Sans nom</h3><h2>Sans id</h2><h2 id="libre">Libre</h2>')
    html, entries = place_headings(block, taken)
    assert html == (f'<h2 id="sources_1">Sources{PERMALINK.format("sources_1")}</h2><ul><li>x</li></ul>'
                    f'<h2 id="voir-aussi_2">Voir <abbr title="a">ESS</abbr>{PERMALINK.format("voir-aussi_2")}</h2>'
                    '<h3 id="_1">Sans nom</h3><h2>Sans id</h2><h2 id="libre">Libre</h2>')
    assert entries == [TocEntry(2, "sources_1", "Sources"), TocEntry(2, "voir-aussi_2", "Voir ESS"),
                       TocEntry(3, "_1", "Sans nom"), TocEntry(2, "libre", "Libre")]
    assert {"sources_1", "voir-aussi_2", "_1", "libre"} <= taken


def test_a_heading_whose_id_is_free_is_left_as_it_is() -> None:
    block = f'<h2 id="a">A{PERMALINK.format("a")}</h2>'
    assert place_headings(block, {"b"})[0] == block
