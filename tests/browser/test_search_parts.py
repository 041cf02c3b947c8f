"""The index of a large site in parts (hooks/engine/search.py, PAGES_PER_PART), merged by recherche.js.

The real site (94 pages) is indexed again in parts of 25 pages: a reader's search finds the same pages,
online and from file:// (Pagefind's worker started from a blob: address), as with the index in one part.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from engine import search as site_search
from header_search import panel_results
from helpers import served

# A rare word (one case page), a word on most pages, a basic question (the overview filter, in one part).
QUERIES = ("Enercoop", "collectivité", "qu'est-ce que l'ESS")
PAGES_PER_PART = 25


def in_parts(site: Path, copy: Path, directory_urls: bool) -> Path:
    shutil.copytree(site, copy)
    site_search.build_index(copy, directory_urls, site_search.pages_on_disk(copy, directory_urls),
                            pages_per_part=PAGES_PER_PART)
    return copy


def results(browser: Any, start: str) -> dict[str, tuple[str, list[str]]]:
    """For each query: the announcement (« N résultats… ») and the addresses of the results."""
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(start)
    found = panel_results(tab, QUERIES)
    context.close()
    assert errors == []
    return found


@pytest.mark.parametrize("build", ["en ligne", "hors ligne"])
def test_an_index_in_parts_finds_what_one_index_finds(build: str, request: pytest.FixtureRequest, browser: Any,
                                                      tmp_path: Path) -> None:
    if build == "en ligne":
        site: Path = request.getfixturevalue("site")
        whole = results(browser, request.getfixturevalue("served_url") + "experiences/")
        parted = in_parts(site, tmp_path / "site", directory_urls=True)
        with served(parted) as url:
            merged = results(browser, url + "experiences/")
    else:
        site = request.getfixturevalue("offline_site")
        whole = results(browser, (site / "experiences" / "index.html").as_uri())
        parted = in_parts(site, tmp_path / "site", directory_urls=False)
        merged = results(browser, (parted / "experiences" / "index.html").as_uri())
    parts = [p for p in (parted / "pagefind").rglob(f"{site_search.PART_PREFIX}*") if p.is_dir()]
    assert len(parts) >= 3, "le site réel doit faire au moins 4 parties de 25 pages"
    for query in QUERIES:  # as many results; the order may differ a little (each part scores its pages)
        assert merged[query][0] == whole[query][0], query
        assert merged[query][1], query
    assert merged["Enercoop"][1] == whole["Enercoop"][1]
    # The basic question puts first the overview page, which only one part has the filter of.
    assert "ess-et-collectivites" in merged["qu'est-ce que l'ESS"][1][0], merged["qu'est-ce que l'ESS"][1][:3]
