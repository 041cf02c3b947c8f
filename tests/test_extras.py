"""Panorama, what's new, feed and printable guides, on the built site."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from guide_ess_corpus import real_corpus
from helpers import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_theme_matrix_matches_front_matter(site: Path) -> None:
    corpus = real_corpus()
    table = soup(site / "panorama" / "index.html").select("article table")[0]
    rows = table.select("tbody tr")
    assert len(rows) == len(corpus.cases)
    marked = sum(1 for row in rows for cell in row.find_all("td")[1:] if cell.find("a"))
    assert marked == sum(len(c.themes) for c in corpus.cases.values())
    assert all(a["href"].startswith("../guides/") for row in rows for a in row.select("td:not(:first-child) a"))


def test_lever_level_matrix_counts(site: Path) -> None:
    corpus = real_corpus()
    table = soup(site / "panorama" / "index.html").select("article table")[1]
    total = sum(int(a.text) for a in table.select("tbody td:not(:first-child) a"))
    assert total == sum(len(c.leviers) * len(c.echelons) for c in corpus.cases.values())


def test_whats_new_page_and_atom_feed(site: Path) -> None:
    root = ET.fromstring((site / "feed.xml").read_text(encoding="utf-8"))
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}id")
    entries = root.findall(f"{ATOM}entry")
    if (ROOT / ".git").exists():
        assert entries, "le flux devrait lister les pages de l'historique git"
    updated = [e.findtext(f"{ATOM}updated") or "" for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        link = entry.find(f"{ATOM}link")
        assert link is not None
        assert (site / link.get("href", "").split("/", 3)[3] / "index.html").exists()
    page = soup(site / "nouveautes" / "index.html")
    assert page.select_one("a[href='../feed.xml']") is not None
    assert len(page.select("article li")) == len(entries)


def test_printable_page_holds_every_guide(site: Path) -> None:
    corpus = real_corpus()
    page = soup(site / "guides" / "version-imprimable" / "index.html")
    titles = [h.text.strip().rstrip("¶").strip() for h in page.select("h2.guide-imprimable")]
    assert len(titles) == len(corpus.guides)


def test_print_stylesheet_hides_navigation_and_shows_link_targets(site: Path) -> None:
    css = (site / "assets" / "stylesheets" / "guide.css").read_text(encoding="utf-8")
    block = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".recherche", ".md-content__button"):
        assert re.search(re.escape(selector) + r"[,\s{]", block), selector
    assert "attr(href)" in block and "break-before: page" in block
    assert "assets/stylesheets/guide.css" in (site / "index.html").read_text(encoding="utf-8")
