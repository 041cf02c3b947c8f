"""The real content: every resource credited and used, every case linked, and the real site as built.

Code behaviour is tested on the fixture site (tests/test_site.py); these tests
check the content of docs/ and what the real site looks like once built.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from bs4 import BeautifulSoup
from guide_ess_corpus import real_corpus
from helpers import ROOT, run_mkdocs

SHARED = ROOT.parent / "shared"
SOURCE_IDS = re.compile(r"^\| `([a-z0-9-]+)` \|", re.MULTILINE)


def test_every_resource_of_the_source_index_has_a_source_page() -> None:
    readme = SHARED / "sources" / "README.md"
    if not readme.exists():
        pytest.skip("../shared/sources absent : ce test vérifie les pages sources par rapport à son index.")
    expected = set(SOURCE_IDS.findall(readme.read_text(encoding="utf-8")))
    assert len(expected) == 14
    assert expected == set(real_corpus().sources)


def test_every_source_page_is_cited_by_a_guide_or_a_case() -> None:
    corpus = real_corpus()
    cited = {s for page in [*corpus.guides.values(), *corpus.cases.values()] for s in page.sources}
    assert set(corpus.sources) - cited == set()


def test_every_case_names_a_theme_a_lever_and_a_source() -> None:
    corpus = real_corpus()
    assert len(corpus.cases) >= 17
    for case in corpus.cases.values():
        assert case.themes and case.leviers and case.sources, case.id


def test_every_guide_has_at_least_one_case() -> None:
    corpus = real_corpus()
    assert len(corpus.guides) >= 8
    for guide in corpus.guides.values():
        assert any(guide.id in case.themes for case in corpus.cases.values()), guide.id


def test_guides_link_the_source_pages_they_rely_on() -> None:
    """A guide that states facts links the source page it comes from."""
    corpus = real_corpus()
    for guide in corpus.guides.values():
        body = (ROOT / "docs" / guide.path).read_text(encoding="utf-8")
        linked = set(re.findall(r"\]\(\.\./sources/([a-z0-9-]+)\.md", body))
        assert linked, f"{guide.path} ne renvoie à aucune page source"
        assert linked <= set(guide.sources), f"{guide.path} : sources liées mais absentes de l'en-tête : {linked - set(guide.sources)}"


def test_no_level_one_heading_in_pages_with_a_title() -> None:
    """The title comes from front matter; only the home page writes its own heading."""
    offenders = []
    for path in (ROOT / "docs").rglob("*.md"):
        if path == ROOT / "docs" / "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---") and "\ntitle:" in text.split("\n---", 2)[0] and re.search(r"^# ", text, re.MULTILINE):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_no_web_address_in_the_content() -> None:
    """The sources give no web address: the content must not invent any."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*.md")
                 if re.search(r"https?://|www\.", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_sentence_is_copied_from_the_sources() -> None:
    tool = SHARED / "tools" / "verbatim.py"
    if not tool.exists():
        pytest.skip("../shared/tools/verbatim.py absent.")
    proc = subprocess.run([sys.executable, str(tool), str(ROOT / "docs")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


# --------------------------------------------------------------------------- the real site, built


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


def test_sidebar_stays_small(site: Path) -> None:
    """Case studies are reached through index pages, not the sidebar."""
    nav_links = soup(site / "index.html").select("nav.md-nav--primary a.md-nav__link[href]")
    assert 5 < len(nav_links) < 40
    cases = {c.id for c in real_corpus().cases.values()}
    assert not any(a["href"].rstrip("/").split("/")[-1] in cases for a in nav_links)


def test_two_builds_give_identical_html(site: Path, tmp_path: Path) -> None:
    second = tmp_path / "site2"
    result = run_mkdocs(ROOT, second)
    assert result.returncode == 0, result.output
    first_files = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}
    second_files = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file() and p.suffix != ".gz"}
    assert first_files.keys() == second_files.keys()
    differing = [str(k) for k in first_files if first_files[k] != second_files[k] and k.name != "sitemap.xml"]
    assert differing == []


# Ordinary (breaking) spaces where French typography wants a non-breaking one: inside a number
# written in groups of three digits, before « % », before « € ».
_BREAKING_IN_NUMBERS = re.compile(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?![\d\w])|\d[ \u00a0]%|\d (?:[kM]|Md)?€")


def test_numbers_never_break_in_the_built_site(site: Path) -> None:
    """Over every page (article, generated blocks, menus, titles; not code): « 25 000 € » and « 30 % »
    carry narrow and plain non-breaking spaces, never a space a line can break at."""
    offenders: list[str] = []
    numbers = 0
    for path in pages(site):
        doc = soup(path)
        for tag in doc.find_all(["script", "style", "code", "pre", "kbd", "samp"]):
            tag.decompose()
        text = doc.get_text()
        numbers += len(re.findall("\\d\u202f(?:\\d{3}|%)|\\d\u00a0€", text))
        offenders += [f"{path.relative_to(site)} : « {m.group(0)} »" for m in _BREAKING_IN_NUMBERS.finditer(text)]
    assert not offenders, "\n".join(offenders)
    assert numbers >= 20  # the content does write such numbers: the test looks at them
