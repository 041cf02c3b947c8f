"""Generated blocks joined to a page: headings, light copy for the search index, markers."""
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


def test_light_copy_keeps_headings_paragraphs_and_words() -> None:
    block = ('<div class="fiche"><h2 id="voir-aussi">Voir aussi<a class="headerlink" href="#voir-aussi">&para;</a></h2>\n'
             '<ul>\n<li data-x="1"><a href="../a/">L’<abbr title="économie">ESS</abbr> à Lille</a> — Nord</li>\n</ul>'
             '<table><tr><td>Lille</td><td>2017</td></tr></table><svg><title>Carte</title></svg>'
             '<script>var a = "<p>";</script><p>Fin &amp; suite</p></div>')
    assert blocks.light_copy(block) == '<h2 id="voir-aussi">Voir aussi</h2> L’ESS à Lille — Nord Lille 2017 <p>Fin &amp; suite</p>'


def test_the_real_blocks_come_back_after_the_search_plugin_read_the_page() -> None:
    page = blocks.for_search("<div><p>avant</p></div>", "<p>texte</p>", '<h2 id="s">S</h2><ul><li><a href="x">x</a></li></ul>')
    assert "<a href" not in page and "<div>" not in page
    retouched = page.replace("texte", "texte retouché")  # the search plugin strips data-search-* attributes
    assert blocks.with_blocks(retouched, "<div><p>avant</p></div>", '<h2 id="s">S</h2>', str.upper) == (
        '<div><p>avant</p></div><P>TEXTE RETOUCHÉ</P>\n<h2 id="s">S</h2>')
    assert blocks.with_blocks("<p>sans marques</p>", "a", "b", str.upper) == "<P>SANS MARQUES</P>"
