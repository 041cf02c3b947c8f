"""A query with a common word: recherche.js (combiner) does not search that word alone.

Pagefind's cost for a word grows with the square of the pages that have it (seconds at 10,000 pages
on a slowed-down phone): a word on at least a third of the pages is searched alone only when the query
has no other word, or when the pages with every word are fewer than ten. What a reader sees must follow:
the number of results is that of the pages with every word, plus those of each other word searched
alone. The expected pages are computed here from Pagefind's own API on the same served site.
"""
from __future__ import annotations

from typing import Any

INPUT = "#recherche-champ"
_SHOWN = "q => document.querySelector('.recherche').getAttribute('data-requete') === q"
COMMON = 1 / 3  # recherche.js, MOT_COURANT
ENOUGH = 10  # recherche.js, ASSEZ

# Run in the page: the pages (ids) of a search, as recherche.js counts them (score > 0).
_RAW = """async ([base, queries]) => {
  const pf = await import(base + 'pagefind/pagefind.js');
  await pf.options({ basePath: base + 'pagefind/' });
  await pf.init();
  const out = {};
  for (const q of queries) out[q] = (await pf.search(q)).results.filter(r => r.score > 0).map(r => r.id);
  return out;
}"""


def shown_count(tab: Any, query: str) -> int:
    tab.fill(INPUT, query)
    tab.wait_for_function(_SHOWN, arg=query)
    announced = tab.locator(".recherche__annonce").inner_text()
    return 0 if announced.startswith("Aucun") else int(announced.split()[0])


def test_a_common_word_is_searched_alone_only_when_needed(browser: Any, served_url: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(served_url + "experiences/")
    pages = tab.evaluate("u => fetch(u).then(r => r.json())", served_url + "pagefind/parties.json")["pages"]
    # « ESS » and « collectivité » are on most pages of the site, « projet » on fewer, « Enercoop » on a few.
    queries = ["ESS projet", "collectivité projet", "ESS Enercoop projet"]
    words = sorted({w for q in queries for w in q.lower().split()})
    raw = tab.evaluate(_RAW, [served_url, words + [q.lower() for q in queries]])
    common = {w for w in words if len(raw[w]) >= pages * COMMON}
    assert {"ess", "collectivité"} <= common and "projet" not in common, {w: len(raw[w]) for w in words}
    tab.click(INPUT)
    narrower = 0
    for query in queries:
        every = set(raw[query.lower()])
        alone = [w for w in query.lower().split() if w not in common or len(every) < ENOUGH]
        expected = every.union(*(raw[w] for w in alone))
        union = set().union(*(raw[w] for w in query.lower().split()))
        assert shown_count(tab, query) == len(expected), (query, len(expected), len(union))
        narrower += len(expected) < len(union)
    # The common word's pages without the other words are left out where the pages with every word are many...
    assert narrower >= 2
    # ... and searched when they are few (« Enercoop » with « projet »: a handful of pages have all three).
    assert len(raw["ess enercoop projet"]) < ENOUGH
    context.close()
