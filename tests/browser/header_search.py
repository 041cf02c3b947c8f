"""The search box of the header, as a reader uses it: type a query, read what the panel shows."""
from __future__ import annotations

from typing import Any, Iterable

INPUT = "#recherche-champ"
RESULT_LINKS = ".recherche__resultats .recherche-resultat__lien"
_SHOWN = "q => document.querySelector('.recherche').getAttribute('data-requete') === q"


def panel_results(tab: Any, queries: Iterable[str], timeout: float = 15000) -> dict[str, tuple[str, list[str]]]:
    """For each query typed in the header's box of ``tab`` (already open): the announcement
    (« N résultats… ») and the addresses of the results shown."""
    tab.click(INPUT)
    found = {}
    for query in queries:
        tab.fill(INPUT, query)
        tab.wait_for_function(_SHOWN, arg=query, timeout=timeout)
        found[query] = (tab.locator(".recherche__annonce").inner_text(),
                        tab.locator(RESULT_LINKS).evaluate_all("l => l.map(a => a.getAttribute('href'))"))
    return found
