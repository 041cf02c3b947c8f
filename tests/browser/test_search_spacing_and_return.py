"""The header search as a reader meets it after the results: French spacing in the excerpts, and the
query and results back when the reader returns from a result (« Précédent »).

Pagefind writes an ordinary space wherever a page has a non-breaking one; the results script puts
them back (docs/assets/javascripts/recherche.js, ``espaces``).
"""
from __future__ import annotations

import re
from typing import Any, Iterator

import pytest

INPUT = "#recherche-champ"
EXCERPTS = ".recherche__resultats .recherche-resultat__extrait"
_SHOWN = "q => document.querySelector('.recherche').getAttribute('data-requete') === q"
# A space a line can break at, inside a number, before « % » or « € », after « « » or before « : », « » ».
_BREAKING = re.compile(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?![\d\w])|\d %|\d (?:[kM]|Md)?€|« | [:»;!?](?:\s|$)")


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def search(tab: Any, query: str) -> None:
    tab.fill(INPUT, query)
    tab.wait_for_function(_SHOWN, arg=query)


@pytest.mark.parametrize("query", ["25 000", "30 % des marchés", "50 % du capital", "Osez l'ESS"])
def test_excerpts_keep_french_non_breaking_spaces(tab: Any, served_url: str, query: str) -> None:
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(served_url)
    tab.click(INPUT)
    search(tab, query)
    excerpts = tab.eval_on_selector_all(EXCERPTS, "els => els.map(e => e.textContent)")
    assert excerpts, query
    offenders = [m.group(0) for text in excerpts for m in _BREAKING.finditer(text)]
    assert not offenders, (offenders, excerpts)
    # The spacing is there to see: the numbers the query names are in the excerpts, unbroken.
    number = query.split()[0]
    if number[0].isdigit():
        assert any(number.replace(" ", "\u202f") + ("\u202f%" if "%" in query else "") in t for t in excerpts), excerpts


PANEL = ".recherche__panneau"
RESULT_LINKS = ".recherche__resultats .recherche-resultat__lien"
STORAGE = "() => localStorage.length + sessionStorage.length + document.cookie.length"


def _open_search(tab: Any) -> None:
    if tab.locator(".recherche__ouvrir").is_visible():  # phone: the header's magnifier opens the form
        tab.click(".recherche__ouvrir")
    tab.click(INPUT)


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 800}], ids=["390", "1280"])
def test_going_back_to_a_page_whose_search_was_open_restores_query_and_results(browser: Any, served_url: str,
                                                                                viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, has_touch=viewport["width"] < 600)
    tab = context.new_page()
    try:
        tab.goto(served_url + "guides/commande-publique/")
        _open_search(tab)
        search(tab, "marchés réservés")
        before = tab.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
        tab.locator(RESULT_LINKS).nth(1).click()
        tab.wait_for_url(lambda url: "commande-publique" not in url)
        tab.go_back()
        tab.wait_for_function(_SHOWN, arg="marchés réservés")
        assert tab.input_value(INPUT) == "marchés réservés"
        assert tab.locator(PANEL).is_visible()
        assert tab.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)") == before
        assert tab.evaluate(STORAGE) == 0  # kept in the page's history entry, not in the browser's storage
        # Closed before leaving, the search stays closed on return.
        tab.keyboard.press("Escape")
        assert not tab.locator(PANEL).is_visible()
        tab.locator("article p a[href^='../']").first.click()
        tab.wait_for_url(lambda url: "commande-publique" not in url)
        tab.go_back()
        tab.wait_for_load_state()
        tab.wait_for_timeout(300)
        assert not tab.locator(PANEL).is_visible()
    finally:
        context.close()


def test_the_search_comes_back_in_the_offline_bundle_too(browser: Any, offline_site: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    try:
        tab.goto((offline_site / "index.html").as_uri())
        tab.click(INPUT)
        search(tab, "clauses sociales")
        tab.locator(RESULT_LINKS).first.click()
        tab.wait_for_url(lambda url: not url.endswith("/index.html") or "leviers" in url or "guides" in url)
        tab.go_back()
        tab.wait_for_function(_SHOWN, arg="clauses sociales")
        assert tab.locator(PANEL).is_visible() and tab.input_value(INPUT) == "clauses sociales"
    finally:
        context.close()


@pytest.mark.parametrize("query", ["code de la commande publique", "commande publique responsable", "thèmes leviers échelons"])
def test_the_contributors_page_ranks_below_the_content(tab: Any, served_url: str, query: str) -> None:
    """Its templates repeat the site's vocabulary; readers looking for content get the content first."""
    tab.goto(served_url)
    _open_search(tab)
    search(tab, query)
    found = tab.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => new URL(a.href).pathname)")
    assert found and "/contribuer/" not in found[:3], found
