"""Filtering the map by theme and level works in the browser, offline too."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from guide_ess_corpus import real_corpus


def test_filter_by_theme_and_level_offline(browser: Any, offline_site: Path) -> None:
    corpus = real_corpus()
    page = browser.new_page()
    page.goto((offline_site / "carte.html").as_uri())
    assert page.locator(".carte-filtres").is_visible()
    page.select_option("#carte-filtre-theme", "commande-publique")
    expected = sum(len(c.regions) for c in corpus.cases.values() if "commande-publique" in c.themes)
    assert page.locator(".carte-liste li:visible").count() == expected
    assert page.locator(".carte-compte").inner_text().startswith(str(expected))
    dimmed = page.locator(".carte-france .carte-region--filtree").count()
    regions_with_theme = {r for c in corpus.cases.values() if "commande-publique" in c.themes for r in c.regions}
    assert dimmed == len({r for c in corpus.cases.values() for r in c.regions} - regions_with_theme)
    # The table of contents lists the regions still shown, no more.
    toc_regions = page.locator(".md-nav--secondary a[href^='#region-']:visible")
    assert toc_regions.count() == len(regions_with_theme)
    page.select_option("#carte-filtre-echelon", "region")
    both = sum(len(c.regions) for c in corpus.cases.values()
               if "commande-publique" in c.themes and "region" in c.echelons)
    assert page.locator(".carte-liste li:visible").count() == both
    page.locator(".carte-france a.carte-region--avec").first.click()
    page.wait_for_load_state("load")
    assert "/territoires/" in page.url
    page.close()
