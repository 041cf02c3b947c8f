"""The map page on the built site: markers, links, text list."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from guide_ess_corpus import real_corpus


def test_map_has_one_linked_region_per_region_with_cases(site: Path) -> None:
    corpus = real_corpus()
    page = site / "carte" / "index.html"
    doc = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    svg = doc.select_one("svg.carte-france")
    assert svg is not None and svg.get("aria-labelledby")
    used = {r for c in corpus.cases.values() for r in c.regions}
    links = svg.select("a.carte-region--avec")
    assert {a["data-region"] for a in links} == used
    for a in links:
        target = (page.parent / urlsplit(a["href"]).path / "index.html").resolve()
        assert target.exists(), a["href"]
        count = sum(1 for c in corpus.cases.values() if a["data-region"] in c.regions)
        assert a.select_one(".carte-nombre").text == str(count)
        assert a["aria-label"].endswith(f"{count} expérience{'s' if count > 1 else ''}")
    assert not svg.select("[style], script") and "onclick" not in str(svg)


def test_text_list_repeats_every_case_by_region(site: Path) -> None:
    corpus = real_corpus()
    doc = BeautifulSoup((site / "carte" / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = doc.select(".carte-liste li")
    assert len(items) == sum(len(c.regions) for c in corpus.cases.values())
    assert all(li.get("data-themes") and li.get("data-echelons") for li in items)
