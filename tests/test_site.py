"""What the build does, asserted on the fixture site (tests/fixture/docs), built strictly once per session.

These are code tests: they depend on the fixture's pages, never on the real content
(tests/test_content.py tests that).
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from guide_ess_corpus import fixture_corpus
from helpers import HISTORY, ROOT

ATOM = "{http://www.w3.org/2005/Atom}"
CORPUS = fixture_corpus()

STYLESHEET = ROOT / "docs" / "assets" / "stylesheets" / "guide.css"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_strict_build_passes_without_warnings(fixture_build: tuple[object, Path]) -> None:
    result, _ = fixture_build
    assert result.returncode == 0, result.output  # type: ignore[attr-defined]
    assert "WARNING" not in result.output  # type: ignore[attr-defined]


def test_case_study_header_and_footer(fixture_site: Path) -> None:
    doc = soup(fixture_site / "experiences" / "cas-metz" / "index.html")
    box = doc.select_one("article .fiche-experience")
    assert box is not None
    hrefs = [a["href"] for a in box.find_all("a")]
    assert hrefs == ["../../territoires/grand-est/", "../../territoires/bretagne/", "../../echelons/commune/",
                     "../../echelons/intercommunalite/", "../../guides/commande-publique/", "../../guides/co-construction/",
                     "../../leviers/instance-de-concertation/", "../../leviers/marches-reserves/", "../../sources/fiche-a/",
                     "../../sources/etude-b/"]
    for href in hrefs:
        assert (fixture_site / "experiences" / "cas-metz" / href / "index.html").resolve().exists(), href
    # Generated headings have a permalink and an entry in the table of contents, like written ones.
    assert doc.select_one("h2#voir-aussi a.headerlink[href='#voir-aussi']") is not None
    toc = [a["href"] for a in doc.select("nav.md-nav--secondary a.md-nav__link[href]")]
    assert toc == ["#ce-qui-a-ete-fait", "#sources", "#voir-aussi"]


def test_every_guide_and_case_shows_the_date_its_facts_were_checked_under_its_title(fixture_site: Path) -> None:
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    for record in [*CORPUS.guides.values(), *CORPUS.cases.values()]:
        doc = soup(fixture_site / record.path[:-3] / "index.html")
        title = doc.select_one("article h1")
        box = title.find_next_sibling() if title is not None else None
        assert box is not None and box.name == "div", record.path  # the header block, right under the title
        line = box.select_one("p.a-jour")
        year, month, day = (int(part) for part in record.verifie_le.split("-"))  # type: ignore[attr-defined]
        expected = f"À jour au {day}{'er' if day == 1 else ''} {months[month - 1]} {year}"
        assert line is not None and " ".join(line.get_text().split()) == expected, record.path
        assert line.time is not None and line.time["datetime"] == record.verifie_le  # type: ignore[attr-defined]
    metz = soup(fixture_site / "experiences" / "cas-metz" / "index.html").select_one(".fiche-experience .a-jour")
    assert metz is not None and " ".join(metz.get_text().split()) == "À jour au 15 mars 2024"
    printable = soup(fixture_site / "guides" / "version-imprimable" / "index.html")
    dates = [" ".join(p.get_text().split()) for p in printable.select("article p.a-jour")]
    assert dates == ["À jour au 2 décembre 2026"] * len(CORPUS.guides)


def test_generated_heading_ids_never_clash_with_written_ones(fixture_site: Path) -> None:
    ids = [t["id"] for t in soup(fixture_site / "guides" / "co-construction" / "index.html").select("article [id]")]
    assert len(ids) == len(set(ids)) and "experiences" in ids and "sources" in ids


def listed_ids(page: Path, heading_id: str) -> list[str]:
    """Ids (last part of each link) of the list that follows the heading ``heading_id``."""
    heading = soup(page).find("h2", id=heading_id)
    assert heading is not None, f"{page}: pas d'intertitre #{heading_id}"
    items = heading.find_next("ul")
    return [a["href"].rstrip("/").split("/")[-1] for a in items.find_all("a")] if items else []


def test_guide_lists_every_case_naming_its_theme(fixture_site: Path) -> None:
    for guide in CORPUS.guides.values():
        expected = sorted(c.id for c in CORPUS.cases.values() if guide.id in c.themes)
        assert sorted(listed_ids(fixture_site / "guides" / guide.id / "index.html", "experiences")) == expected, guide.id


def test_source_page_lists_the_pages_citing_it(fixture_site: Path) -> None:
    for source in CORPUS.sources.values():
        citing = sorted(c.id for c in [*CORPUS.cases.values(), *CORPUS.guides.values()] if source.id in c.sources)
        page = fixture_site / "sources" / source.id / "index.html"
        if citing:
            assert sorted(listed_ids(page, "pages-qui-sappuient-sur-cette-source")) == citing, source.id
        else:
            assert "Aucune page ne cite encore cette source." in page.read_text(encoding="utf-8")


def test_index_pages_by_region_level_and_lever(fixture_site: Path) -> None:
    rows = soup(fixture_site / "experiences" / "index.html").select("article table tbody tr")
    assert len(rows) == len(CORPUS.cases)
    for folder, facet in (("territoires", "regions"), ("echelons", "echelons"), ("leviers", "leviers")):
        used = {v for c in CORPUS.cases.values() for v in getattr(c, facet)}
        for value in used:
            page = fixture_site / folder / value / "index.html"
            expected = sum(1 for c in CORPUS.cases.values() if value in getattr(c, facet))
            assert len(soup(page).select("article li a[href*='experiences/']")) == expected, page
        links = {a["href"].strip("/").split("/")[-1] for a in soup(fixture_site / folder / "index.html").select("article ul a[href]")}
        assert links == used, folder
        assert not (fixture_site / folder / "inutilise").exists()


def test_acronyms_get_a_tooltip_in_the_text_and_in_generated_blocks(fixture_site: Path) -> None:
    guide = soup(fixture_site / "guides" / "commande-publique" / "index.html")
    own = guide.select_one("article h2#pourquoi").find_next("p")
    assert own.find("abbr", string="SPASER")["title"].startswith("schéma de promotion")
    sources = guide.select_one("h2#sources").find_next("ul")
    assert sources.find("abbr", string="ESS")["title"] == "économie sociale et solidaire"
    assert not guide.select("h1 abbr")  # not in the page title
    glossary = soup(fixture_site / "glossaire" / "index.html")
    assert [dt.text for dt in glossary.select("dl dt")] == ["ESS", "SCIC", "SPASER"]
    assert glossary.select_one("dl dd a[href='../guides/cooperation/']") is not None


def pagefind_fragments(site: Path) -> dict[str, dict[str, object]]:
    """Every page record of the Pagefind index, by URL: the gzip fragments Pagefind writes, each
    after a 12-byte signature."""
    import gzip

    records = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd", path
        record = json.loads(data[12:])
        records[record["url"]] = record
    return records


def test_search_index_follows_the_policy_of_the_search_module(fixture_site: Path) -> None:
    """hooks/engine/search.py decides what is indexed: article text only, generated blocks included,
    permalinks left out, the printable page and the search page left out."""
    from engine import search

    records = pagefind_fragments(fixture_site)
    assert len(records) == len(pages(fixture_site)) - len(search.EXCLUDED_PAGES), sorted(records)
    assert "/guides/version-imprimable/" not in records and "/recherche/" not in records
    case = records["/experiences/cas-metz/"]
    text = str(case["content"])
    # The values of the case's fact box (a generated block, its sources included) are found; its labels,
    # repeated on every case, the list of sources and « Voir aussi » (titles of other pages) are not;
    # nor menus and footer.
    assert "Grand Est" in text and "Instance de concertation" in text and "Ce qui a été fait" in text
    assert "Territoire" not in text and "Leviers" not in text and text.count("Fiche A") == 1  # the box, not the list
    assert "Lille" not in text and "Voir aussi" not in text  # « Voir aussi » lists the case of Lille
    anchors = {a["id"]: a["text"] for a in case["anchors"]}  # type: ignore[union-attr]
    assert "voir-aussi" not in anchors and anchors["ce-qui-a-ete-fait"] == "Ce qui a été fait"
    assert "Aller au contenu" not in text and "Modifier cette page" not in text and "¶" not in text
    assert "Guides" not in text  # not the menu
    # Lists of cases are not indexed on list pages: each case is found on its own page.
    for url in ("/experiences/", "/territoires/grand-est/", "/carte/", "/panorama/", "/sources/fiche-a/"):
        assert "Metz et Strasbourg" not in str(records[url]["content"]), url
    # Pagefind reads straight apostrophes (it splits words on them, not on « ’ »).
    guide = str(records["/guides/co-construction/"]["content"])
    assert "’" not in guide and "l'étude" in guide
    assert case["meta"] == {"title": "Metz et Strasbourg\u00a0: un conseil"}
    bundle = fixture_site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    assert not list(bundle.glob("*-ui.*")) and not (bundle / "wasm.unknown.pagefind").exists()
    assert not (bundle / "hors-ligne").exists() and (bundle / "LICENCE-pagefind.txt").is_file()


def test_french_spacing_in_text_titles_and_table_of_contents(fixture_site: Path) -> None:
    doc = soup(fixture_site / "guides" / "commande-publique" / "index.html")
    text = doc.select_one("article").get_text()
    assert " :" not in text and " ;" not in text and " !" not in text
    assert "la collectivité\u202f; l’" in text and "n°\u00a01" in text
    piege = soup(fixture_site / "experiences" / "cas-piege" / "index.html")
    toc = piege.select_one("nav.md-nav--secondary").get_text()
    assert "Un titre\u00a0: avec «\u00a0guillemets\u00a0»" in toc


def test_front_matter_values_render_as_text_everywhere(fixture_site: Path) -> None:
    title = 'Lille "<script>alert(1)</script>" & co'
    for page in pages(fixture_site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "<b>gras</b>" not in html, page
    doc = soup(fixture_site / "experiences" / "cas-piege" / "index.html")
    assert doc.title is not None and title in doc.title.text
    assert doc.find("h1").text == title
    assert doc.find("meta", attrs={"name": "description"})["content"] == '<b>gras</b> & "guillemets" | *[x](y)*'


def test_edit_link_points_at_the_page_source(fixture_site: Path) -> None:
    edit = soup(fixture_site / "guides" / "commande-publique" / "index.html").select_one("a.md-content__button[href*='/edit/']")
    assert edit is not None and urlsplit(edit["href"]).path.endswith("/edit/main/docs/guides/commande-publique.md")


def test_region_theme_matrix_and_lever_level_matrix(fixture_site: Path) -> None:
    tables = soup(fixture_site / "panorama" / "index.html").select("article table")
    rows = tables[0].select("tbody tr")
    used = {r for c in CORPUS.cases.values() for r in c.regions}
    assert len(rows) == len(used)  # one row per region, not per case
    for row in rows:
        region = row.select_one("th[scope=row] a")["href"].strip("/").split("/")[-1]
        counts = [int(td.text) if td.text else 0 for td in row.find_all("td")]
        in_region = [c for c in CORPUS.cases.values() if region in c.regions]
        assert counts[-1] == len(in_region) and sum(counts[:-1]) == sum(len(c.themes) for c in in_region), region
    assert all(a["href"].startswith("../guides/") for a in tables[0].select("thead a"))
    assert all(th.get("scope") == "col" for th in tables[0].select("thead th"))
    assert all(t.parent.name == "div" and "tableau-defilant" in t.parent["class"] for t in tables)
    total = sum(int(a.text) for a in tables[1].select("tbody td a"))
    assert total == sum(len(c.leviers) * len(c.echelons) for c in CORPUS.cases.values())


def test_whats_new_page_and_atom_feed_follow_the_git_history(fixture_site: Path) -> None:
    root = ET.fromstring((fixture_site / "feed.xml").read_text(encoding="utf-8"))
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}updated") == "2024-03-05T10:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(CORPUS.records()) and len(HISTORY) == 2
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Lille : un marché réservé"
    assert first.findtext(f"{ATOM}published") == "2024-01-02T10:00:00Z"
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None and (fixture_site / link.get("href", "").split("/", 3)[3] / "index.html").exists()
    page = soup(fixture_site / "nouveautes" / "index.html")
    assert page.select_one("a[href='../feed.xml']") is not None
    items = page.select("article li")
    assert len(items) == len(entries) and items[0].get_text().startswith("5 mars 2024 (mise à jour)")


def test_printable_page_holds_every_guide_in_menu_order(fixture_site: Path) -> None:
    page = soup(fixture_site / "guides" / "version-imprimable" / "index.html")
    titles = [h.text.strip().rstrip("¶").strip() for h in page.select("h2.guide-imprimable")]
    assert titles == ["Commande publique responsable", "Co-construire avec les acteurs de l’ESS", "Coopération économique"]


def test_print_stylesheet_hides_navigation_and_shows_link_targets(fixture_site: Path) -> None:
    css = STYLESHEET.read_text(encoding="utf-8")  # the source: the built copy is minified
    block = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".recherche", ".md-content__button"):
        assert re.search(re.escape(selector) + r"[,\s{]", block), selector
    assert "attr(href)" in block and "break-before: page" in block


def test_map_has_one_linked_region_per_region_with_cases_and_a_text_list(fixture_site: Path) -> None:
    page = fixture_site / "carte" / "index.html"
    doc = soup(page)
    svg = doc.select_one("svg.carte-france")
    assert svg is not None and svg.get("aria-labelledby")
    used = {r for c in CORPUS.cases.values() for r in c.regions}
    links = svg.select("a.carte-region--avec")
    assert {a["data-region"] for a in links} == used
    for a in links:
        assert (page.parent / urlsplit(a["href"]).path / "index.html").resolve().exists(), a["href"]
        count = sum(1 for c in CORPUS.cases.values() if a["data-region"] in c.regions)
        assert a.select_one(".carte-nombre").text == str(count)
    assert not svg.select("[style], script") and "onclick" not in str(svg)
    items = doc.select(".carte-liste li")
    assert {li["data-region"] for li in items} == used  # one line per region, with its count
    for li in items:
        count = sum(1 for c in CORPUS.cases.values() if li["data-region"] in c.regions)
        assert li.select_one(".carte-liste-nombre").text == str(count) and f"0-0:{count}" in li["data-comptes"].split()
    assert doc.select_one("script[src='../assets/javascripts/carte.js']") is not None


def test_every_page_names_the_other_pages_by_their_title(fixture_site: Path) -> None:
    """The menu and the previous/next links name each page: a written page's HTML is let go (a lean build),
    its title is not."""
    for page in pages(fixture_site):
        doc = soup(page)
        names = [a.get_text(" ", strip=True) for a in doc.select("nav.md-nav--primary a, nav.md-footer__inner a")]
        assert names and "None" not in " ".join(names), page


def _print_settings(page: Path) -> dict[str, str]:
    style = soup(page).select_one("head style[media=print]")
    assert style is not None, page
    return dict(re.findall(r'--impression-([a-z]+):"((?:[^"\\]|\\.)*)"', style.text))


def test_print_margins_name_the_guide_the_public_address_and_the_review_date(fixture_site: Path) -> None:
    """partials/impression.html: what guide.css prints in the margins of every sheet."""
    guide = _print_settings(fixture_site / "guides" / "co-construction" / "index.html")
    assert guide["guide"] == "Guide ESS & collectivités"
    assert guide["adresse"] == "http://127.0.0.1:8000/guides/co-construction/"
    assert re.fullmatch(r"À jour au (1er|[0-9]{1,2}) [a-zéû]+ 20[0-9]{2}", guide["date"]), guide
    assert _print_settings(fixture_site / "index.html") == {"guide": "Guide ESS & collectivités",
                                                             "adresse": "http://127.0.0.1:8000/", "date": ""}
    assert _print_settings(fixture_site / "experiences" / "index.html")["adresse"] == "http://127.0.0.1:8000/experiences/"
    css = STYLESHEET.read_text(encoding="utf-8")  # the source: the built copy is minified
    for box, value in (("top-left", "guide"), ("top-right", "date"), ("bottom-left", "adresse")):
        assert re.search(rf"@{box} \{{\s*content: var\(--impression-{value}", css), box


def test_search_weighs_descriptions_list_pages_and_contributor_pages(fixture_site: Path) -> None:
    """The page's description is found as its summary; list pages and the contributors' page weigh less."""
    records = pagefind_fragments(fixture_site)
    assert "Un conseil de l'ESS." in str(records["/experiences/cas-metz/"]["content"])
    weights = {path: soup(fixture_site / path / "index.html").select_one("article")
               for path in ("contribuer", "experiences", "nouveautes", "guides/cooperation")}
    assert weights["contribuer"]["data-pagefind-weight"] == "0.1"
    assert weights["experiences"]["data-pagefind-weight"] == weights["nouveautes"]["data-pagefind-weight"] == "0.4"
    assert not weights["guides/cooperation"].has_attr("data-pagefind-weight")
    assert "data-apercu" in str(soup(fixture_site / "index.html").select_one("form.recherche__formulaire"))


def test_the_site_s_own_scripts_and_stylesheet_are_minified_in_the_built_site(fixture_site: Path) -> None:
    """engine/minify.py: the built copies lose comments and spaces, and keep every rule and statement."""
    for rel in ("javascripts/recherche.js", "javascripts/sigles.js", "javascripts/carte.js", "stylesheets/guide.css"):
        source = (ROOT / "docs" / "assets" / rel).read_text(encoding="utf-8")
        built = (fixture_site / "assets" / rel).read_text(encoding="utf-8")
        assert len(built) < 0.75 * len(source), rel
        assert "/*" not in built and "\n  " not in built, rel
    css = (fixture_site / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    assert "@media print" in css and "@top-left{content:var(--impression-guide" in css
