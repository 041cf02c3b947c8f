"""Generated blocks joined to a page: headings, permalinks, table of contents."""
from guide_ess import blocks


def test_headings_get_unique_ids_permalinks_and_toc_entries() -> None:
    taken = {"sources", "voir-aussi", "voir-aussi_1"}
    html, entries = blocks.place_headings(
        '<h2 id="sources">Sources</h2><ul><li>x</li></ul><h2 id="voir-aussi">Voir <abbr title="a">ESS</abbr></h2>'
        '<h3 id="">Sans nom</h3><h2>Sans id</h2>', taken, "&para;", "Lien")
    assert html == ('<h2 id="sources_1">Sources<a class="headerlink" href="#sources_1" title="Lien">&para;</a></h2>'
                    '<ul><li>x</li></ul><h2 id="voir-aussi_2">Voir <abbr title="a">ESS</abbr>'
                    '<a class="headerlink" href="#voir-aussi_2" title="Lien">&para;</a></h2>'
                    '<h3 id="_1">Sans nom<a class="headerlink" href="#_1" title="Lien">&para;</a></h3><h2>Sans id</h2>')
    assert entries == [blocks.TocEntry(2, "sources_1", "Sources"), blocks.TocEntry(2, "voir-aussi_2", "Voir ESS"),
                       blocks.TocEntry(3, "_1", "Sans nom")]
    assert {"sources_1", "voir-aussi_2", "_1"} <= taken


def test_no_permalink_when_the_toc_extension_has_none() -> None:
    html, _ = blocks.place_headings('<h2 id="a">A</h2>', set(), "", "")
    assert html == '<h2 id="a">A</h2>'
