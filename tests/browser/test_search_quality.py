"""French search quality: the queries of tests/search_queries.py, typed into the search box.

For each query the expected page must be among the first 3 pages of the results,
for at least 90 % of the queries, on the served site and in the offline bundle.
One page load per build; the queries are typed one after the other.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from search_queries import QUERIES

MIN_HIT_RATE = 0.9
TOP = 3
SEARCH_INPUT = "input.md-search__input"
READY_TEXT = "Taper pour démarrer la recherche"  # search.result.placeholder, in French

# Counts the queries Material sends to its search worker (one per keyup that
# changes the input) and the results it renders (each one rewrites the result
# count): when both are equal, the list shows the results of the last query.
_WATCH = """() => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const state = window.__searchWatch = {sent: 0, answered: 0, last: input.value};
  input.addEventListener('keyup', () => {
    if (input.value !== state.last) { state.last = input.value; state.sent += 1; }
  });
  new MutationObserver(records => {
    state.answered += records.filter(r => r.type === 'childList').length;
  }).observe(meta, {childList: true});
}"""
_SETTLED = "() => window.__searchWatch.sent > 0 && window.__searchWatch.answered >= window.__searchWatch.sent"
_RESET = "() => { window.__searchWatch.sent = 0; window.__searchWatch.answered = 0; }"
_TOP_PAGES = f"""() => [...document.querySelectorAll('.md-search-result__item')].slice(0, {TOP})
  .map(item => item.querySelector('a.md-search-result__link').href)"""


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
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() === text", arg=READY_TEXT)
    page.evaluate(_WATCH)
    outcomes = []
    for query, expected, note in queries:
        page.evaluate(_RESET)
        # Material searches on keyup. keyboard.type() would search once per letter and
        # show the same final results, 4 to 5 times slower; the whole query is typed
        # at once, then one key sends it, as after a paste.
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
        page.wait_for_function(_SETTLED)
        found = [page_path(href, base) for href in page.evaluate(_TOP_PAGES)]
        outcomes.append(Outcome(query, expected, note, found))
        page.evaluate(_RESET)
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.wait_for_function(_SETTLED)
    return outcomes


def report(name: str, outcomes: list[Outcome]) -> tuple[float, str]:
    hits = sum(o.hit for o in outcomes)
    rate = hits / len(outcomes)
    lines = [f"Recherche ({name}) : {hits}/{len(outcomes)} requêtes trouvées dans les {TOP} premiers ({rate:.0%})."]
    lines += [f"  raté : « {o.query} » ({o.note}) attendait {o.expected}, a donné {o.found}"
              for o in outcomes if not o.hit]
    return rate, "\n".join(lines)


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
