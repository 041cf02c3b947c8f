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
