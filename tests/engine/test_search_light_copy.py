"""What Material's search plugin reads: a light copy of every page, then the real page back."""
import re

import pytest

from engine import search as blocks


def test_light_copy_keeps_headings_paragraphs_and_words() -> None:
    block = ('<div class="fiche"><h2 id="voir-aussi">Voir aussi<a class="headerlink" href="#voir-aussi">&para;</a></h2>\n'
             '<ul>\n<li data-x="1"><a href="../a/">L’<abbr title="économie">ESS</abbr> à Lille</a> — Nord</li>\n</ul>'
             '<table><tr><td>Lille</td><td>2017</td></tr></table><svg><title>Carte</title></svg>'
             '<script>var a = "<p>";</script><p>Fin &amp; suite</p></div>')
    assert blocks.light_copy(block) == '<h2 id="voir-aussi">Voir aussi</h2> L’ESS à Lille — Nord Lille 2017 <p>Fin &amp; suite</p>'


def test_the_search_plugin_reads_a_light_page_and_the_real_one_comes_back() -> None:
    before, after = "<div><p>avant</p></div>", '<h2 id="s">S</h2><ul><li><a href="x">x</a></li></ul>'
    body = ('<h2 id="a">A<a class="headerlink" href="#a">&para;</a></h2><p><strong>Gras</strong> et '
            '<a href="y/">lien</a></p><table><tr><td>c</td></tr></table><script>var x = 1;</script>')
    light, real = blocks.for_search(before, body, after)
    assert light == (f'{blocks.MARK}<p>avant</p>{blocks.MARK}<h2 id="a">A</h2><p>Gras et lien</p>c'
                     f'{blocks.MARK}<h2 id="s">S</h2> x{blocks.MARK}')
    assert blocks.restore(light, real, str.upper) == before + body.upper() + "\n" + after


def test_a_page_that_asks_the_search_plugin_for_more_is_read_as_it_is() -> None:
    body = '<div data-search-exclude><p>à ne pas indexer</p></div><p>texte</p>'
    light, real = blocks.for_search("", body, "")
    assert body in light and not real.light
    retouched = light.replace(" data-search-exclude", "")  # what the search plugin does
    assert blocks.restore(retouched, real) == '<div><p>à ne pas indexer</p></div><p>texte</p>'
    assert blocks.restore("<p>sans marques</p>", real, str.upper) == "<P>SANS MARQUES</P>"


TRICKY_BODIES = [
    '<h2 id="a">A<a class="headerlink" href="#a">&para;</a></h2><p>Un <strong>mot</strong>, un '
    '<a href="x/">lien</a> et <code>du code</code>.</p><ul><li>un</li><li>deux</li></ul>'
    '<table><tr><td>c1</td><td>c2</td></tr></table><script>var a = "<p>";</script>',
    # A heading in an admonition: closing the admonition ends its section.
    '<h2 id="a">A</h2><p>x</p><div class="admonition note"><p class="admonition-title">Note</p>'
    '<h3 id="b">B</h3><p>dans <em>b</em></p></div><p>après</p>',
    '<details><summary>Résumé</summary><h2 id="c">C</h2><p>c</p></details><p>fin</p><pre><code>a  b\n c</code></pre>',
]


@pytest.mark.parametrize("body", TRICKY_BODIES)
def test_the_search_plugin_finds_the_same_sections_in_the_light_copy(body: str) -> None:
    from material.plugins.search.plugin import Parser  # the real parser of the search plugin

    def sections(html: str) -> list[tuple[object, str, str]]:
        parser = Parser()
        parser.feed(html)
        parser.close()
        return [(s.id, "".join(s.title).strip(), re.sub(r"\s+", " ", "".join(s.text)).strip()) for s in parser.data]

    light = blocks.light_body(body)
    assert light is not None and light.count("<") < body.count("<")
    assert sections(light) == sections(body)
