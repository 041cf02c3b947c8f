"""A site with a few hundred case studies, as a reader meets it: the lists cut into pages, the map's
list, the panorama's sticky headings; axe-core, IBM Equal Access and the Nu checker find nothing, at
390 and 1280 px, and the pages of a list are reached by plain links, without JavaScript, offline too.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from helpers import make_project, run_mkdocs, served
from test_accessibility import AXE_OPTIONS
from test_ibm_engine import _engine, check
from test_valid_html import run_vnu

EXTRA = 240  # with the fixture's cases: three pages of « Toutes les expériences », two of Bretagne
PAGES = ["experiences/", "experiences/page/2/", "territoires/bretagne/", "territoires/bretagne/page/2/", "carte/",
         "panorama/"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def case(i: int) -> str:
    region = "bretagne" if i % 3 else "grand-est"
    return (f"---\nid: c{i:04}\ntitle: \"Cas n° {i:04} : une démarche\"\ndescription: d\nterritoire: Rennes\n"
            f"regions: [{region}]\nechelons: [{'commune' if i % 5 else 'region'}]\nperiode: \"2018\"\n"
            f"themes: [{'cooperation' if i % 2 else 'commande-publique'}]\nleviers: [scic]\nsources: [etude-b]\nverifie_le: \"2026-11-02\"\n---\n\n"
            "## Ce qui a été fait\n\nUne démarche.\n")


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("long-lists")
    project = make_project(base, {f"experiences/c{i:04}.md": case(i) for i in range(EXTRA)})
    result = run_mkdocs(project, base / "site")
    assert result.returncode == 0, result.output
    return base / "site"


@pytest.fixture(scope="module")
def big_url(big_site: Path) -> Iterator[str]:
    with served(big_site) as url:
        yield url


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_list_pages_pass_axe_and_ibm_and_do_not_scroll_sideways(browser: Any, big_url: str, width: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    engine = _engine()
    context = browser.new_context(viewport=VIEWPORTS[width])
    tab = context.new_page()
    problems = []
    for path in PAGES:
        tab.goto(big_url + path, wait_until="load")
        violations = Axe().run(tab, options=AXE_OPTIONS).response["violations"]
        problems += [f"{path} axe {v['id']}: {v['nodes'][0]['html'][:120]}" for v in violations]
        problems += [f"{path} IBM {f['rule']}: {f['snippet'][:120]}" for f in check(tab, engine)["failures"]]
        wide = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if wide > 1:
            problems.append(f"{path}: {wide} px de défilement horizontal")
    context.close()
    assert problems == []


def test_list_pages_are_valid_html(big_site: Path) -> None:
    files = [big_site / path / "index.html" for path in PAGES]
    assert run_vnu(files) == []


def test_every_page_of_a_list_is_reached_by_plain_links_without_javascript(browser: Any, big_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    tab = context.new_page()
    tab.goto(big_url + "experiences/")
    seen: list[str] = []
    for number in (1, 2, 3):
        assert tab.locator(".pagination [aria-current=page]").inner_text() == str(number)
        seen += tab.locator(".liste-experiences tbody tr td:first-child a").evaluate_all("els => els.map(e => e.href)")
        if number < 3:
            tab.get_by_role("link", name="Page suivante").click()
    assert tab.get_by_role("link", name="Page suivante").count() == 0
    assert len(seen) == len(set(seen)) == EXTRA + 4  # every case once (the fixture has 4)
    tab.get_by_role("link", name="Page 1", exact=True).click()
    assert tab.url == big_url + "experiences/"
    context.close()


def test_pager_works_offline_from_file_urls(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.mktemp("long-lists-offline")
    project = make_project(base, {f"experiences/c{i:04}.md": case(i) for i in range(EXTRA)})
    result = run_mkdocs(project, base / "site", env={"DIRECTORY_URLS": "false"})
    assert result.returncode == 0, result.output
    tab = browser.new_page()
    tab.goto((base / "site" / "territoires" / "bretagne.html").as_uri())
    tab.get_by_role("link", name="Page 2", exact=True).click()
    tab.wait_for_url("**/territoires/bretagne/page/2.html")
    tab.wait_for_load_state("load")  # the address changes before the page is read (seen under load in CI)
    assert tab.locator(".liste-experiences li").count() > 0
    tab.get_by_role("link", name="Toutes les régions").click()
    tab.wait_for_url("**/territoires/index.html")
    tab.close()


def test_panorama_headings_stay_in_view_while_its_table_scrolls(browser: Any, big_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 420})  # a short screen: the box scrolls both ways
    tab = context.new_page()
    tab.goto(big_url + "panorama/")
    box = tab.locator(".tableau-defilant").first
    box.scroll_into_view_if_needed()
    moved = box.evaluate("b => { b.scrollTop = 60; b.scrollLeft = 120; return [b.scrollTop, b.scrollLeft]; }")
    assert moved[0] > 0 and moved[1] > 0, "the box does not scroll: its headings could not stick"
    top = box.evaluate("b => b.getBoundingClientRect().top")
    left = box.evaluate("b => b.getBoundingClientRect().left")
    header = box.locator("thead th").nth(1).evaluate("e => e.getBoundingClientRect().top")
    row_head = box.locator("tbody th").first.evaluate("e => e.getBoundingClientRect().left")
    assert abs(header - top) <= 2 and abs(row_head - left) <= 2
    context.close()
