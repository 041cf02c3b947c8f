"""Printing a case study and the printable guides with Chromium: content only, on A4."""
from __future__ import annotations

from typing import Any


def test_print_hides_navigation_and_keeps_sources(browser: Any, served_url: str) -> None:
    page = browser.new_page()
    page.goto(served_url + "experiences/lille-enercoop/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".recherche"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".fiche-experience").is_visible()
    assert page.locator("h2#sources").is_visible()
    after = page.evaluate("getComputedStyle(document.querySelector('article a[href*=\"sources/\"]'), '::after').content")
    assert "sources/" in after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 1
    page.close()


def test_printable_guides_start_each_guide_on_a_new_page(browser: Any, served_url: str) -> None:
    page = browser.new_page()
    page.goto(served_url + "guides/version-imprimable/")
    page.emulate_media(media="print")
    breaks = page.evaluate("[...document.querySelectorAll('h2.guide-imprimable')].map(h => getComputedStyle(h).breakBefore)")
    assert len(breaks) >= 8 and set(breaks) == {"page"}
    page.close()
