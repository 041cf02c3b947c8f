"""Filtering the map by theme and level works in the browser, offline too: the counts of the list
beside the map, of the map's markers and of the status line follow the filters."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from guide_ess_corpus import real_corpus


def test_filter_by_theme_and_level_offline(browser: Any, offline_site: Path) -> None:
    corpus = real_corpus()
    cases = list(corpus.cases.values())
    page = browser.new_page()
    page.goto((offline_site / "carte.html").as_uri())
    assert page.locator(".carte-filtres").is_visible()

    def shown() -> dict[str, int]:
        items = page.locator(".carte-liste-regions li:visible")
        return {items.nth(i).get_attribute("data-region"): int(items.nth(i).locator(".carte-liste-nombre").inner_text())
                for i in range(items.count())}

    def expected(keep: Any) -> dict[str, int]:
        counts: dict[str, int] = {}
        for case in filter(keep, cases):
            for region in case.regions:
                counts[region] = counts.get(region, 0) + 1
        return counts

    assert shown() == expected(lambda c: True)
    page.select_option("#carte-filtre-theme", "commande-publique")
    with_theme = expected(lambda c: "commande-publique" in c.themes)
    assert shown() == with_theme
    total = sum(1 for c in cases if "commande-publique" in c.themes)
    assert page.locator(".carte-compte").inner_text() == f"{total} expérience{'s' if total > 1 else ''}"
    dimmed = page.locator(".carte-france .carte-region--filtree").count()
    assert dimmed == len(set(expected(lambda c: True)) - set(with_theme))
    for region, count in with_theme.items():
        shape = page.locator(f'.carte-france a[data-region="{region}"]')
        assert shape.locator(".carte-nombre").text_content() == str(count)
        assert shape.get_attribute("aria-label").endswith(f"{count} expérience{'s' if count > 1 else ''}")
    page.select_option("#carte-filtre-echelon", "region")
    assert shown() == expected(lambda c: "commande-publique" in c.themes and "region" in c.echelons)
    page.select_option("#carte-filtre-theme", "")
    page.select_option("#carte-filtre-echelon", "")
    assert shown() == expected(lambda c: True)
    page.locator(".carte-france a.carte-region--avec").first.click()
    page.wait_for_load_state("load")
    assert "/territoires/" in page.url
    page.close()
