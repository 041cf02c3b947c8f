"""Assertions on the HTML of the real site, built once per session (strict)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT

THIRD_PARTY = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?([^'\");]+)", re.IGNORECASE)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_strict_build_passes_without_warnings(site_build: tuple[object, Path]) -> None:
    result, _ = site_build
    assert result.returncode == 0, result.output  # type: ignore[attr-defined]
    assert "WARNING" not in result.output  # type: ignore[attr-defined]


def test_every_page_is_french_and_has_a_description(site: Path) -> None:
    checked = 0
    for path in pages(site):
        doc = soup(path)
        assert doc.html is not None and doc.html.get("lang") == "fr", path
        meta = doc.find("meta", attrs={"name": "description"})
        assert meta is not None and meta.get("content"), f"{path}: no description"
        checked += 1
    assert checked > 50


def test_no_english_theme_strings_and_no_material_banner(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for english in ("Made with", "Material for MkDocs", "Skip to content", "Previous", "Next"):
        assert english not in home
    assert "Aller au contenu" in home


def test_no_page_or_asset_loads_anything_from_another_host(site: Path) -> None:
    offenders: list[str] = []
    for path in pages(site):
        doc = soup(path)
        for tag in doc.find_all(["script", "img", "iframe", "audio", "video", "source", "embed", "object"]):
            url = tag.get("src") or tag.get("data") or ""
            if THIRD_PARTY.match(url):
                offenders.append(f"{path.relative_to(site)}: <{tag.name} src={url}>")
        for tag in doc.find_all("link"):
            rel = " ".join(tag.get("rel") or [])
            if rel in {"stylesheet", "preload", "preconnect", "icon", "modulepreload", "manifest", "dns-prefetch"} \
                    and THIRD_PARTY.match(tag.get("href", "")):
                offenders.append(f"{path.relative_to(site)}: <link rel={rel} href={tag['href']}>")
        for style in doc.find_all("style"):
            offenders += [f"{path}: style url({u})" for u in CSS_URL.findall(style.text) if THIRD_PARTY.match(u)]
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        offenders += [f"{css.relative_to(site)}: url({u})" for u in CSS_URL.findall(text) if THIRD_PARTY.match(u)]
        offenders += [f"{css.relative_to(site)}: @import {u}" for u in CSS_IMPORT.findall(text) if THIRD_PARTY.match(u)]
    assert offenders == []


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken: list[str] = []
    ids: dict[Path, set[str]] = {}
    for path in pages(site):
        for a in soup(path).find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("//", "mailto:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {t["id"] for t in soup(target).find_all(id=True)}
                if parts.fragment not in ids[target]:
                    broken.append(f"{path.relative_to(site)} -> {href} (ancre)")
    assert broken == []


def test_no_inline_event_handler_in_content(site: Path) -> None:
    offenders = []
    for path in pages(site):
        article = soup(path).select_one("article")
        for tag in article.find_all(True) if article else []:
            offenders += [f"{path.relative_to(site)}: <{tag.name} {name}>" for name in tag.attrs if name.lower().startswith("on")]
    assert offenders == []


def test_edit_link_points_at_the_page_source(site: Path) -> None:
    doc = soup(site / "guides" / "commande-publique" / "index.html")
    edit = doc.select_one("a.md-content__button[href*='/edit/']")
    assert edit is not None
    assert urlsplit(edit["href"]).path.endswith("/edit/main/docs/guides/commande-publique.md")


def test_sidebar_stays_small(site: Path) -> None:
    """Case studies are reached through index pages, not the sidebar."""
    doc = soup(site / "index.html")
    nav_links = doc.select("nav.md-nav--primary a.md-nav__link[href]")
    assert 5 < len(nav_links) < 40
    assert not any("experiences/lille-enercoop" in a["href"] for a in nav_links)


def test_case_study_header_and_footer(site: Path) -> None:
    doc = soup(site / "experiences" / "lille-enercoop" / "index.html")
    box = doc.select_one(".fiche-experience")
    assert box is not None
    hrefs = [a["href"] for a in box.find_all("a")]
    assert "../../territoires/hauts-de-france/" in hrefs
    assert "../../guides/commande-publique/" in hrefs
    assert "../../sources/rtes-deniche-4-lille-enercoop/" in hrefs
    assert any(h.startswith("../../leviers/") for h in hrefs) and any(h.startswith("../../echelons/") for h in hrefs)
    assert doc.find("h2", id="sources") is not None and doc.find("h2", id="voir-aussi") is not None
    # Generated headings have a permalink and an entry in the table of contents, like written ones.
    assert doc.select_one("h2#voir-aussi a.headerlink[href='#voir-aussi']") is not None
    toc = [a["href"] for a in doc.select("nav.md-nav--secondary a.md-nav__link[href]")]
    assert toc[-2:] == ["#sources", "#voir-aussi"] and "#qui-et-ou" in toc


def test_every_page_is_the_real_one_after_the_search_plugin_read_its_light_copy(site: Path) -> None:
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert "guide-ess-bloc" not in html, page
    doc = soup(site / "experiences" / "index.html")
    assert doc.select_one("article table tbody tr td a[href]") is not None  # the table, not its light copy


def listed_ids(page: Path, heading_id: str) -> set[str]:
    """Ids (last part of each link) of the list that follows the heading ``heading_id``."""
    heading = soup(page).find("h2", id=heading_id)
    assert heading is not None, f"{page}: pas d'intertitre #{heading_id}"
    items = heading.find_next("ul")
    return {a["href"].rstrip("/").split("/")[-1] for a in items.find_all("a")} if items else set()


def test_guide_lists_every_case_naming_its_theme(site: Path) -> None:
    from guide_ess_corpus import real_corpus

    corpus = real_corpus()
    for guide in corpus.guides.values():
        expected = {c.id for c in corpus.cases.values() if guide.id in c.themes}
        assert expected <= listed_ids(site / "guides" / guide.id / "index.html", "experiences"), guide.id


def test_source_page_lists_the_pages_citing_it(site: Path) -> None:
    from guide_ess_corpus import real_corpus

    corpus = real_corpus()
    for source in corpus.sources.values():
        citing = {c.id for c in [*corpus.cases.values(), *corpus.guides.values()] if source.id in c.sources}
        page = site / "sources" / source.id / "index.html"
        assert citing == listed_ids(page, "pages-qui-sappuient-sur-cette-source"), source.id


def test_index_pages_by_region_level_and_lever(site: Path) -> None:
    from guide_ess_corpus import real_corpus

    corpus = real_corpus()
    rows = soup(site / "experiences" / "index.html").select("table tbody tr")
    assert len(rows) == len(corpus.cases)
    for folder, facet in (("territoires", "regions"), ("echelons", "echelons"), ("leviers", "leviers")):
        used = {v for c in corpus.cases.values() for v in getattr(c, facet)}
        for value in used:
            page = site / folder / value / "index.html"
            assert page.exists(), page
            expected = sum(1 for c in corpus.cases.values() if value in getattr(c, facet))
            assert len(soup(page).select("article li a[href*='experiences/']")) == expected, page
        links = {a["href"].strip("/").split("/")[-1] for a in soup(site / folder / "index.html").select("article a[href]")}
        assert used <= links, folder


def test_acronyms_get_a_tooltip_on_every_page_where_they_appear(site: Path) -> None:
    guide = soup(site / "guides" / "commande-publique" / "index.html")
    abbrs = {a.text: a.get("title") for a in guide.find_all("abbr")}
    assert "SPASER" in abbrs and abbrs["SPASER"]
    glossary = soup(site / "glossaire" / "index.html")
    assert len(glossary.select("dl dt")) >= 25
    assert glossary.select_one("dl dd a[href*='guides/']") is not None


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


def test_search_index_follows_the_policy_of_site_search(site: Path) -> None:
    """hooks/site_search.py decides what is indexed: article text only, generated blocks included,
    permalinks left out, the printable page and the search page left out."""
    import site_search

    records = pagefind_fragments(site)
    html_files = pages(site)
    assert len(records) == len(html_files) - len(site_search.EXCLUDED_PAGES), sorted(set(records))[:5]
    assert "/guides/version-imprimable/" not in records and "/recherche/" not in records
    case = records["/experiences/lille-enercoop/"]
    text = str(case["content"])
    # The case's fact box (a generated block) and « Voir aussi » are found; menus and footer are not.
    assert "Territoire" in text and "Hauts-de-France" in text and "Marchés négociés" in text
    assert "Grenoble Alpes Métropole : facilitatrice" in text  # a title listed under « Voir aussi »
    anchors = {a["id"]: a["text"] for a in case["anchors"]}  # type: ignore[union-attr]
    assert anchors["voir-aussi"] == "Voir aussi" and anchors["qui-et-ou"] == "Qui et où"
    assert "Guides thématiques" not in text and "Aller au contenu" not in text and "Modifier cette page" not in text
    assert "¶" not in text
    # Pagefind read straight apostrophes (it splits words on them, not on « ’ »).
    assert "l’" not in text and "l'achat" in str(records["/experiences/mel-osez-l-ess/"]["content"])
    assert case["meta"] == {"title": "Lille\u00a0: une électricité renouvelable et locale achetée à Enercoop"}
    sources = records["/sources/rtes-deniche-4-lille-enercoop/"]["content"]
    assert "Pages qui s'appuient sur cette source" in str(sources) and "Lille" in str(sources)
    bundle = site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-worker.js").is_file()
    assert not list(bundle.glob("*-ui.*")) and not (bundle / "wasm.unknown.pagefind").exists()
    assert not (bundle / "hors-ligne").exists()


def test_french_spacing_before_high_punctuation(site: Path) -> None:
    text = soup(site / "experiences" / "lille-enercoop" / "index.html").select_one("article").get_text()
    assert " :" not in text and " ;" not in text and "« " not in text and " »" not in text
    toc = soup(site / "sources" / "rtes-sieg" / "index.html").select_one("nav.md-nav--secondary").get_text()
    assert "s’appuient" in toc and "s'appuient" not in toc


def test_two_builds_give_identical_html(site: Path, tmp_path: Path) -> None:
    from helpers import run_mkdocs

    second = tmp_path / "site2"
    result = run_mkdocs(ROOT, second)
    assert result.returncode == 0, result.output
    first_files = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}
    second_files = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file() and p.suffix != ".gz"}
    assert first_files.keys() == second_files.keys()
    differing = [str(k) for k in first_files if first_files[k] != second_files[k] and k.name != "sitemap.xml"]
    assert differing == []


@pytest.mark.parametrize("title", ['Lille "<script>alert(1)</script>" & co'])
def test_front_matter_title_renders_as_text_everywhere(tmp_path: Path, title: str) -> None:
    from helpers import MINI_PAGES, make_mini_project, run_mkdocs

    case = str(MINI_PAGES["experiences/cas-lille.md"]).replace('title: "Lille : un marché réservé"', f"title: '{title}'")
    case = case.replace("description: Un exemple.", f"description: '{title}'")
    project = make_mini_project(tmp_path, {"experiences/cas-lille.md": case})
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for page in ("experiences/cas-lille/index.html", "experiences/index.html", "territoires/hauts-de-france/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html, page
    doc = soup(tmp_path / "site" / "experiences" / "cas-lille" / "index.html")
    assert doc.title is not None and "<script>" in doc.title.text  # shown as text, not parsed as a tag
    meta = doc.find("meta", attrs={"name": "description"})
    assert meta is not None and meta["content"] == title
    assert doc.find("h1").text == title
