"""French search quality: the queries of tests/search_queries.py, typed into the search box.

For each query the expected page must be among the first 3 pages of the results,
for at least 95 % of the queries, on the served site and in the offline bundle.
One page load per build; the queries are typed one after the other.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from search_queries import BASIC, QUERIES

MIN_HIT_RATE = 0.95
TOP = 3
SEARCH_INPUT = "#recherche-champ"
# The results script writes on .recherche the query whose results the panel shows (after
# its debounce, once Pagefind has answered and the results are drawn).
_SHOWN = "q => document.querySelector('.recherche').getAttribute('data-requete') === q"
_TOP_PAGES = f"""() => [...document.querySelectorAll('.recherche__resultats .recherche-resultat__lien')]
  .slice(0, {TOP}).map(a => a.href)"""


@dataclass
class Outcome:
    query: str
    expected: str
    note: str
    found: list[str]

    @property
    def hit(self) -> bool:
        return self.expected in self.found


def page_path(href: str, base: str) -> str:
    """The site path of a result link, as in QUERIES: « guides/commande-publique/ », « » for the home page.

    The served site has directory URLs; the offline bundle has .html files.
    """
    url = urlsplit(href)
    path = url._replace(query="", fragment="").geturl()
    if path.startswith(base):
        path = path[len(base):]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path


def run_queries(page: Any, start_url: str, base: str, queries: list[tuple[str, str, str]]) -> list[Outcome]:
    """Open ``start_url`` once, type each query into the search box and read the top result pages."""
    page.goto(start_url)
    page.click(SEARCH_INPUT)
    outcomes = []
    for query, expected, note in queries:
        page.fill(SEARCH_INPUT, query)  # one input event, as after a paste
        page.wait_for_function(_SHOWN, arg=query)
        found = [page_path(href, base) for href in page.evaluate(_TOP_PAGES)]
        outcomes.append(Outcome(query, expected, note, found))
    return outcomes


def report(name: str, outcomes: list[Outcome]) -> tuple[float, str]:
    hits = sum(o.hit for o in outcomes)
    rate = hits / len(outcomes)
    lines = [f"Recherche ({name}) : {hits}/{len(outcomes)} requêtes trouvées dans les {TOP} premiers ({rate:.1%})."]
    lines += [f"  raté : « {o.query} » ({o.note}) attendait {o.expected}, a donné {o.found}"
              for o in outcomes if not o.hit]
    return rate, "\n".join(lines)


def test_the_query_table_is_large_and_varied() -> None:
    """≥ 80 queries, ≥ 20 of them multi-word queries of the kinds the table's last block names."""
    assert len(QUERIES) >= 80
    kinds = ("mot rare", "mots rares", "expression rare", "sigle + ", "loi + ", "réforme + ", "circulaire + ",
             "lieu + ", "ville + ", "région + ")
    multi = [q for q, _, note in QUERIES if " " in q and note.startswith(kinds)]
    assert len(multi) >= 20, len(multi)
    assert len({q for q, _, _ in QUERIES}) == len(QUERIES), "requête en double"


def test_basic_questions_all_find_the_guide_that_lays_the_bases(browser: Any, served_url: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Every basic question, not 95 % of them: the newcomer's first query must not miss."""
    basic = [q for q in QUERIES if q[2] == BASIC]
    assert len(basic) >= 8
    page = browser.new_page()
    try:
        outcomes = run_queries(page, served_url, served_url, basic)
    finally:
        page.close()
    rate, text = report("questions de base", outcomes)
    with capsys.disabled():
        print("\n" + text)
    assert rate == 1, text


@pytest.mark.parametrize("build", ["en ligne", "hors ligne"])
def test_search_finds_expected_pages(build: str, request: pytest.FixtureRequest, browser: Any,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    if build == "en ligne":
        start = base = request.getfixturevalue("served_url")
    else:
        site: Path = request.getfixturevalue("offline_site")
        start, base = (site / "index.html").as_uri(), site.as_uri() + "/"
    page = browser.new_page()
    try:
        outcomes = run_queries(page, start, base, QUERIES)
    finally:
        page.close()
    rate, text = report(build, outcomes)
    with capsys.disabled():  # the hit rate and the misses are shown even when the test passes
        print("\n" + text)
    assert rate >= MIN_HIT_RATE, text
