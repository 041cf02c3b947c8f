"""Printing with Chromium: content only, on A4; internal links as their text alone, external links with
their address; on every sheet the guide's name, the page's public address and its « À jour au » date.

The PDFs are made by Chromium (``page.pdf``) and read back with Debian's ``pdftotext`` (poppler-utils).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

SITE_NAME = "Guide ESS & collectivités"
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url, used by the test builds
# A relative address printed after a link: « <../../sources/x/> », « <x/> », « <#ancre> ».
RELATIVE = re.compile(r"<(?:\.\.?/|[\w-]+/|#)[^>\s]*>")
# Guides and case studies carry a review date; the printable page carries the oldest of its guides'.
DATED = ["guides/commande-publique/", "experiences/lille-enercoop/", "guides/version-imprimable/"]
UNDATED = ["", "sources/fiche-ess-collectivites/", "territoires/hauts-de-france/", "contribuer/"]


def pdf_text(browser: Any, url: str, tmp_path: Path) -> list[str]:
    """The text of each printed sheet of ``url``."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext absent : installez le paquet Debian poppler-utils.")
    page = browser.new_page()
    try:
        page.goto(url)
        pdf = tmp_path / "page.pdf"
        pdf.write_bytes(page.pdf(prefer_css_page_size=True))
    finally:
        page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [sheet for sheet in text.split("\f") if sheet.strip()]


def test_print_hides_navigation_and_keeps_sources(browser: Any, served_url: str) -> None:
    page = browser.new_page()
    page.goto(served_url + "experiences/lille-enercoop/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".recherche", ".sigle__bulle"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".fiche-experience").is_visible()
    assert page.locator("h2#sources").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('article a[href*=\"sources/\"]'), '::after').content")
    assert after in ("none", "normal", '""'), after  # an internal link prints as its text alone
    page.close()


@pytest.mark.parametrize("path", DATED + UNDATED)
def test_every_printed_sheet_names_the_guide_and_the_page_address(browser: Any, served_url: str, tmp_path: Path,
                                                                  path: str) -> None:
    sheets = pdf_text(browser, served_url + path, tmp_path)
    assert sheets
    address = SITE_URL + path
    for number, sheet in enumerate(sheets, start=1):
        assert SITE_NAME in sheet, (number, sheet[:300])
        assert re.search(re.escape(address) + r"\s", sheet), (number, address, sheet[-400:])
        assert re.search(rf"\b{number}\s*/\s*{len(sheets)}\s*$", sheet.rstrip()), sheet[-100:]
        assert not RELATIVE.search(sheet), (number, RELATIVE.search(sheet))
        if path in DATED:
            assert re.search(r"À jour au (1er|[0-9]{1,2}) [a-zéû]+ 20[0-9]{2}", sheet), (number, sheet[:300])
    if path in UNDATED:
        assert "À jour au" not in sheets[0].splitlines()[0]  # no date in the margin of a page that has none


def test_external_links_print_their_full_address(browser: Any, served_url: str, tmp_path: Path) -> None:
    text = "".join(pdf_text(browser, served_url + "contribuer/", tmp_path))
    joined = re.sub(r"\s+", "", text)  # long addresses wrap across lines
    assert "<https://example.org/depot-a-definir/issues/new?template=proposer-experience.yml>" in joined


def test_printable_guides_start_each_guide_on_a_new_page(browser: Any, served_url: str) -> None:
    page = browser.new_page()
    page.goto(served_url + "guides/version-imprimable/")
    page.emulate_media(media="print")
    breaks = page.evaluate("[...document.querySelectorAll('h2.guide-imprimable')].map(h => getComputedStyle(h).breakBefore)")
    assert len(breaks) >= 8 and set(breaks) == {"page"}
    page.close()


def test_offline_bundle_prints_the_public_address(browser: Any, offline_site: Path, tmp_path: Path) -> None:
    sheets = pdf_text(browser, (offline_site / "guides" / "commande-publique.html").as_uri(), tmp_path)
    assert all(SITE_URL + "guides/commande-publique/" in s and "file:" not in s for s in sheets)
