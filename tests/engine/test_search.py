"""hooks/engine/search.py: the search policy, Pagefind's command line, the offline wrapping, failures (engine unit tests)."""
from __future__ import annotations

import base64
import json
import os
import random
import re
import sys
from pathlib import Path

import pytest

from engine import pagefind_binary
from engine import search as site_search
from helpers import make_project, run_mkdocs


def test_template_settings_say_where_things_are_and_what_is_left_out() -> None:
    online = site_search.template_settings(directory_urls=True)
    assert online["index"] == "pagefind/" and online["page"] == "recherche/" and online["hors_ligne"] is False
    assert site_search.template_settings(directory_urls=False)["page"] == "recherche.html"
    assert set(online["pages_exclues"]) == {"recherche.md", "guides/version-imprimable.md"}  # type: ignore[arg-type]
    assert json.loads(str(online["classement"])) == dict(site_search.RANKING)


def test_pagefind_reads_the_article_with_straight_apostrophes() -> None:
    page = ('<!doctype html><html lang="fr" class="no-js"><head><title>T</title></head><body><nav>Menu</nav>'
            '<article class="a" data-pagefind-body><h1>L’achat</h1><p>d’aujourd’hui, « ’ »</p></article>'
            "<footer>Pied</footer></body></html>")
    assert site_search.text_for_index(page) == (
        '<!doctype html>\n<html lang="fr" class="no-js">\n<body>\n<article class="a" data-pagefind-body>'
        "<h1>L'achat</h1><p>d'aujourd'hui, « ' »</p></article>\n</body>\n</html>\n")
    left_out = '<html lang="fr"><body><article id="contenu"><h1>Imprimable</h1></article></body></html>'
    assert site_search.text_for_index(left_out) is None


def test_the_headings_permalinks_are_not_words_of_the_page() -> None:
    """Pagefind leaves a permalink out; the text it reads has none either, so the vocabulary of an index
    in parts does not join « ¶ » to the heading's last word (« Sources¶ »)."""
    page = ('<html lang="fr"><body><article data-pagefind-body><h1>T</h1><h2 id="sources">Sources'
            '<a class="headerlink" href="#sources" title="Lien vers cette section">&para;</a></h2>'
            '<p>Voir <a class="lien" href="#x">ici</a></p></article></body></html>')
    text = site_search.text_for_index(page)
    assert text is not None and "headerlink" not in text and "&para;" not in text
    assert '<h2 id="sources">Sources</h2><p>Voir <a class="lien" href="#x">ici</a></p>' in text
    assert site_search.words_of(text) == {"T", "Sources", "Voir", "ici"}


def test_page_weights_demote_contributor_and_list_pages() -> None:
    weight = site_search.page_weight
    assert weight("contribuer/index.md", "contribuer") == weight("contribuer.md", "contribuer") == site_search.CONTRIBUTOR_WEIGHT
    assert weight("contribuer/modeles.md") == site_search.CONTRIBUTOR_WEIGHT
    assert weight("experiences/index.md", "experiences") == weight("nouveautes.md", "nouveautes") == site_search.LIST_WEIGHT
    assert weight("guides/commande-publique.md") is None and weight("experiences/cas.md", None) is None
    assert site_search.CONTRIBUTOR_WEIGHT < site_search.LIST_WEIGHT < 1


def test_the_description_is_indexed_under_the_title_and_a_list_page_keeps_its_title_weight() -> None:
    head = '<!doctype html><html lang="fr"><head><meta name="description" content="Ce qu&#39;est l&#39;ESS &amp; co"></head>'
    guide = site_search.text_for_index(head + '<body><article data-pagefind-body><h1>L’ESS</h1><p>x</p></article></body></html>')
    assert guide is not None and '<h1>L\'ESS</h1><p data-pagefind-weight="4">Ce qu&#39;est l&#39;ESS &amp; co</p><p>x</p>' in guide
    listing = site_search.text_for_index(head + '<body><article data-pagefind-body data-pagefind-weight="0.4"><h1>Toutes</h1>'
                                         "<p>y</p></article></body></html>")
    assert listing is not None and '<h1 data-pagefind-weight="7">Toutes</h1><p data-pagefind-weight="4">' in listing
    contributor = site_search.text_for_index(head + '<body><article data-pagefind-body data-pagefind-weight="0.1">'
                                             "<h1>Contribuer</h1></article></body></html>")
    assert contributor is not None and "<h1>Contribuer</h1>" in contributor  # its title is demoted too
    bare = site_search.text_for_index('<html lang="fr"><body><article data-pagefind-body><h1>T</h1></article></body></html>')
    assert bare is not None and "<h1>T</h1></article>" in bare  # no description: nothing added


def test_the_overview_page_is_the_first_guide_of_the_menu() -> None:
    """The guide that lays the bases (search.OVERVIEW_PAGES, boosted for basic questions) opens the guides' menu."""
    import yaml

    from helpers import ROOT

    nav = yaml.safe_load((ROOT / "docs" / "guides" / ".pages").read_text(encoding="utf-8"))["nav"]
    assert site_search.OVERVIEW_PAGES == {"guides/" + nav[0]}
    settings = site_search.template_settings(directory_urls=True)
    assert settings["pages_apercu"] == sorted(site_search.OVERVIEW_PAGES) and settings["filtre_apercu"] == "apercu"


def test_pages_are_written_where_pagefind_gives_them_their_address(tmp_path: Path) -> None:
    assert [site_search.page_url(u) for u in ("./", "", "guides/x/", "guides/x.html")] == ["/", "/", "/guides/x/",
                                                                                           "/guides/x.html"]
    site_search.write_pages([("/", "a"), ("/guides/x/", "b"), ("/index.html", "c"), ("/guides/y.html", "d")], tmp_path)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["guides/x/index.html", "guides/y.html", "index.html"]  # « / » and « /index.html »: one file


def test_command_line() -> None:
    args = site_search.pagefind_arguments(Path("/p"), Path("/s/pagefind"), directory_urls=True)
    assert args[0] == str(pagefind_binary.executable()) and "--keep-index-url" not in args
    assert args[1:5] == ["--site", "/p", "--output-path", "/s/pagefind"]
    assert args[args.index("--force-language") + 1] == "fr"
    assert [args[i + 1] for i, a in enumerate(args) if a == "--exclude-selectors"] == list(site_search.EXCLUDED_SELECTORS)
    assert "--keep-index-url" in site_search.pagefind_arguments(Path("/p"), Path("/o"), directory_urls=False)


def test_pagefind_is_the_program_run_sh_installs_or_the_one_its_variable_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = pagefind_binary.executable()
    assert installed.is_relative_to(Path(sys.prefix) / "pagefind" / "node_modules" / "@pagefind")
    assert installed.name.startswith("pagefind") and os.access(installed, os.X_OK)
    monkeypatch.setenv(pagefind_binary.ENVIRONMENT_VARIABLE, "/ailleurs/pagefind")
    assert site_search.pagefind_arguments(Path("/p"), Path("/o"), directory_urls=True)[0] == "/ailleurs/pagefind"
    monkeypatch.delenv(pagefind_binary.ENVIRONMENT_VARIABLE)
    monkeypatch.setattr(sys, "prefix", str(tmp_path))  # a virtual environment where ./run.sh installed nothing
    with pytest.raises(site_search.SearchIndexError) as missing:
        site_search.pagefind_arguments(Path("/p"), Path("/o"), directory_urls=True)
    said = str(missing.value)
    assert "Pagefind n'est pas installé" in said and "./run.sh build" in said and str(tmp_path) in said


def test_offline_wrapping_turns_every_file_into_a_classic_script(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    (bundle / "index").mkdir(parents=True)
    (bundle / "pagefind.js").write_text('const a = "</script>";\nexport {a};', encoding="utf-8")
    (bundle / "pagefind-worker.js").write_text("self.x = 1;", encoding="utf-8")
    (bundle / "index" / "fr_1.pf_index").write_bytes(bytes(range(256)))
    site_search.wrap_for_file_urls(bundle)
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert files == ["hors-ligne/index/fr_1.pf_index.js", "hors-ligne/pagefind-worker.js.js", "hors-ligne/pagefind.js.js"]
    module = (bundle / "hors-ligne" / "pagefind.js.js").read_text(encoding="utf-8")
    assert module == 'GuideRecherche.source("pagefind.js","const a = \\"</script>\\";\\nexport {a};");\n'
    worker = (bundle / "hors-ligne" / "pagefind-worker.js.js").read_text(encoding="utf-8")
    assert worker == 'GuideRecherche.source("pagefind-worker.js","self.x = 1;");\n'
    chunk = (bundle / "hors-ligne" / "index" / "fr_1.pf_index.js").read_text(encoding="utf-8")
    name, data = re.fullmatch(r'GuideRecherche\.file\("([^"]+)","([A-Za-z0-9+/=]+)"\);\n', chunk).groups()  # type: ignore[union-attr]
    assert name == "index/fr_1.pf_index" and base64.b64decode(data) == bytes(range(256))


def test_a_failing_pagefind_stops_the_build_with_a_french_message(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    pages = [("/", '<html lang="fr"><body><article data-pagefind-body><h1>Titre</h1>'
                   "<p>Du texte.</p></article></body></html>")]
    site_search.build_index(site, True, pages)
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    monkeypatch.setattr(site_search, "EXCLUDED_SELECTORS", ("h2 + ul",))  # a selector Pagefind cannot read
    with pytest.raises(site_search.SearchIndexError, match=r"^recherche : Pagefind a indexé le site mais signale "
                                                           r"un problème.*h2 \+ ul"):
        site_search.build_index(site, True, pages)
    monkeypatch.setattr(site_search, "EXCLUDED_SELECTORS", ())
    (tmp_path / "fichier").write_text("", encoding="utf-8")
    arguments = site_search.pagefind_arguments  # the real Pagefind, told to write under a file: it stops
    monkeypatch.setattr(site_search, "pagefind_arguments",
                        lambda pages, output, urls: arguments(pages, tmp_path / "fichier" / "pagefind", urls))
    with pytest.raises(site_search.SearchIndexError, match=r"^recherche : Pagefind n'a pas pu indexer le site \(code"):
        site_search.build_index(site, True, pages)


def test_a_site_with_no_page_to_index_stops_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    with pytest.raises(site_search.SearchIndexError, match="^recherche : Pagefind n'a indexé aucune page"):
        site_search.build_index(site, True, [])  # no page at all
    empty = '<html lang="fr"><body><nav>Menu</nav><article data-pagefind-body></article></body></html>'
    with pytest.raises(site_search.SearchIndexError, match="n'a indexé aucune page"):
        site_search.build_index(site, True, [("/", empty)])  # an empty article


def test_the_index_of_a_build_is_the_index_of_its_files(fixture_site: Path, tmp_path: Path) -> None:
    """The build hands Pagefind each page as it writes it; indexing the written files gives the same bytes."""
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(fixture_site, copy)
    site_search.build_index(copy, True, site_search.pages_on_disk(copy, True))
    built = {p.relative_to(fixture_site).as_posix(): p.read_bytes() for p in (fixture_site / "pagefind").rglob("*")
             if p.is_file()}
    again = {p.relative_to(copy).as_posix(): p.read_bytes() for p in (copy / "pagefind").rglob("*") if p.is_file()}
    assert built.keys() == again.keys() and built == again


def test_the_build_stops_when_indexing_fails(tmp_path: Path) -> None:
    """The whole chain: MkDocs, the hooks, Pagefind; a failure is reported in French and the build fails."""
    project = make_project(tmp_path)
    hook = project / "hooks" / "engine" / "search.py"
    hook.write_text(hook.read_text(encoding="utf-8").replace(
        'EXCLUDED_SELECTORS: Final = (".headerlink", ".md-content__button")',
        'EXCLUDED_SELECTORS: Final = ("h2 + ul",)'), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode != 0
    said = "recherche : Pagefind a indexé le site mais signale un problème"
    assert said in result.output and result.output.count('selector "h2 + ul"') == 1, result.output[-2000:]


def _page(title: str, text: str) -> str:
    return (f'<html lang="fr"><body><article data-pagefind-body><h1>{title}</h1><p>{text}</p></article>'
            "</body></html>")


def test_a_large_site_is_indexed_in_parts_each_a_sample_of_the_site(tmp_path: Path) -> None:
    """Beyond pages_per_part pages, one Pagefind run per part; page n goes to part n modulo the parts."""
    texts = site_search.PageTexts()
    for n in range(7):
        texts.add(f"/p{n}/", _page(f"Page {n}", "texte"))
    try:
        parts = texts.parts(3)
        assert [p.name for p in parts] == ["0", "1", "2"]  # 7 pages, 3 a part at most: 3 parts
        found = [sorted(f.parent.name for f in part.rglob("*.html")) for part in parts]
        vocabulary = site_search.VOCABULARY_PAGE
        assert found == [["p0", "p3", "p6", vocabulary], ["p1", "p4", vocabulary], ["p2", "p5", vocabulary]]
        page = (parts[1] / vocabulary / "index.html").read_text(encoding="utf-8")
        assert 'data-pagefind-weight="0"' in page and "Page texte" in page  # every part has every word
        assert texts.parts(3) == parts  # asked again: the same folders
    finally:
        texts.close()
    one = site_search.PageTexts()
    one.add("/", _page("Accueil", "texte"))
    try:
        assert [p.name for p in one.parts(3)] == ["0"]
    finally:
        one.close()
    assert site_search.PageTexts().parts() == []


def test_the_vocabulary_has_the_words_of_pages_written_before_and_after_a_second_part_was_needed() -> None:
    """Past pages_per_part pages, the words are kept from each page's text as it comes (the pages written
    before are read back once): every page's own word is in the vocabulary of every part."""
    texts = site_search.PageTexts(pages_per_part=3)
    for n in range(7):
        texts.add(f"/p{n}/", _page(f"Page {n}", f"motunique{n}"))
    try:
        parts = texts.parts(3)
        for part in parts:
            page = (part / site_search.VOCABULARY_PAGE / "index.html").read_text(encoding="utf-8")
            assert all(f"motunique{n}" in page for n in range(7)), part.name
    finally:
        texts.close()


def test_the_words_of_a_page_are_those_of_both_readings_whatever_its_markup() -> None:
    """words_of splits the text once: on 20,000 pieces of markup, stray « < », entities cut by a tag and
    the mark it uses included, it finds exactly the words of the two readings made one after the other;
    so does a Vocabulary of 50 of them."""
    pieces = ["<b>", "</b>", "<a href='x y'>", "</a>", "<p>", "</p>", '<div class="a b">', "</div>", " ", "Ener",
              "coop", "&amp;", "&nbsp;", "&#8217;", "l'", "<", ">", "\xa0", "x", '<abbr title="Économie sociale">',
              "</abbr>", '<span data-pagefind-weight="2">', "&", ";", "amp", "<br>", "\n", "\x00"]
    rng = random.Random(20)
    vocabulary, expected = site_search.Vocabulary(), set()
    for n in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        words = site_search._read_twice(text)  # the two readings, each on the whole text
        assert site_search.words_of(text) == words, repr(text)
        vocabulary.add(text)
        expected |= words
        if n % 50 == 49:  # the words of many pages, each piece read once at the end
            assert vocabulary.words() == expected
            vocabulary, expected = site_search.Vocabulary(), set()


def test_the_vocabulary_reads_words_as_pagefind_does() -> None:
    words = site_search.words_of("<p>Lille <b>Ener</b>coop &amp; l&#8217;ESS</p>")
    assert {"Lille", "Enercoop", "Ener", "coop", "&", "l’ESS"} <= words and not any("<" in w for w in words)
    assert site_search.vocabulary_page({"<script>", "a"}) .count("<script>") == 0


def test_parts_after_the_first_keep_only_their_index_and_the_list_of_parts_counts_every_page(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    pages = [(f"/p{n}/", _page(f"Page {n}", f"mot{n} commun")) for n in range(5)]
    site_search.build_index(site, True, pages, pages_per_part=2)
    bundle = site / "pagefind"
    assert json.loads((bundle / site_search.PARTS_FILE).read_text(encoding="utf-8")) == {
        "pages": 5, "parties": ["partie-2/", "partie-3/"]}
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.fr.pagefind").is_file()
    for part in ("partie-2", "partie-3"):
        kept = sorted(p.name for p in (bundle / part).iterdir())
        assert kept[:3] == ["fragment", "index", "pagefind-entry.json"] and kept[3].endswith(".pf_meta"), kept
        assert len(kept) == 4  # neither script nor WebAssembly: the first part's serve every part
    fragments = [len(list((bundle / d / "fragment").iterdir())) for d in ("", "partie-2", "partie-3")]
    assert fragments == [3, 3, 2]  # each part's pages and its vocabulary page
    site_search.build_index(site, True, pages)  # the same pages in one part: the parts go
    assert json.loads((bundle / site_search.PARTS_FILE).read_text(encoding="utf-8")) == {"pages": 5, "parties": []}
    assert not (bundle / "partie-2").exists()


def test_the_offline_index_wraps_every_part(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    site_search.build_index(site, False, [(f"/p{n}.html", _page(f"Page {n}", "texte")) for n in range(4)],
                            pages_per_part=2)
    wrapped = site / "pagefind" / site_search.OFFLINE_FOLDER
    assert (wrapped / "parties.json.js").is_file() and (wrapped / "partie-2" / "pagefind-entry.json.js").is_file()
    assert not [p for p in (site / "pagefind").rglob("*") if p.is_file() and wrapped not in p.parents
                and p.name != site_search.LICENCE_FILE]
