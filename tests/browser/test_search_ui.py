"""The search box as a reader uses it: lazy loading, keyboard, phone, form, search page, bad input.

Everything runs against the real site (built once per session), served on 127.0.0.1, in
Debian's Chromium; the offline bundle has its own test in test_offline_smoke.py.
"""
from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

from engine import search as site_search

INPUT = "#recherche-champ"
PANEL = ".recherche__panneau"
RESULT_LINKS = ".recherche__resultats .recherche-resultat__lien"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
SHOWN_FIRST = 6  # results the reader sees first
_SHOWN = "q => document.querySelector('.recherche').getAttribute('data-requete') === q"


class Watch:
    """Console errors, uncaught exceptions, dialogs and requests of one tab."""

    def __init__(self, tab: Any) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        tab.on("console", lambda m: self.errors.append(f"console : {m.text}") if m.type == "error" else None)
        tab.on("pageerror", lambda e: self.errors.append(f"exception : {e}"))
        # A load cut short by leaving the page (Enter in the search box) is aborted, not failed.
        tab.on("requestfailed", lambda r: self.errors.append(f"échec : {r.url} ({r.failure})")
               if r.failure != "net::ERR_ABORTED" else None)
        tab.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        tab.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def search(tab: Any, query: str) -> None:
    tab.fill(INPUT, query)
    tab.wait_for_function(_SHOWN, arg=query)


def test_a_page_view_that_does_not_search_loads_nothing_of_the_index(tab: Any, served_url: str) -> None:
    watch = Watch(tab)
    tab.goto(served_url + "guides/commande-publique/", wait_until="networkidle")
    assert not [u for u in watch.requests if "/pagefind/" in u], watch.requests
    tab.focus(INPUT)
    for _ in range(100):  # the worker fetches the index's metadata and the WebAssembly
        loaded = [u.split("/pagefind/")[1].split("?")[0] for u in watch.requests if "/pagefind/" in u]
        if "wasm.fr.pagefind" in loaded:
            break
        tab.wait_for_timeout(100)
    tab.wait_for_timeout(300)
    assert "pagefind.js" in loaded and any(u.endswith(".pf_meta") for u in loaded), loaded
    assert not any(u.endswith(".pf_fragment") for u in loaded), "des extraits chargés avant toute requête"
    assert watch.errors == []


def test_a_first_search_loads_the_index_chunks_of_its_words_not_the_whole_index(browser: Any, served_url: str,
                                                                                site: Path) -> None:
    """The ranking needs the number of indexed pages: read from the list of parts (parties.json), not by a search
    of every page (pagefind.search(null) loads every chunk of the index: 48 MB at 10,000 cases)."""
    chunks = list((site / "pagefind" / "index").glob("*.pf_index"))
    assert len(chunks) >= 3, "l'index du site réel doit avoir plusieurs morceaux pour que ce test ait un sens"
    for query in ("Enercoop", "marchés réservés", "collectivité", "qu'est-ce que l'ESS"):
        context = browser.new_context(viewport=DESKTOP)  # a reader's first search: an empty cache
        tab = context.new_page()
        watch = Watch(tab)
        tab.goto(served_url + "experiences/", wait_until="networkidle")
        tab.click(INPUT)
        search(tab, query)
        tab.wait_for_timeout(300)
        fetched = {u.split("?")[0] for u in watch.requests if u.split("?")[0].endswith(".pf_index")}
        assert 1 <= len(fetched) < len(chunks) and len(fetched) <= 2, (query, sorted(fetched))
        assert tab.locator(RESULT_LINKS).count() > 0 and watch.errors == []
        context.close()


def test_results_have_title_section_and_highlighted_unaccented_words(tab: Any, served_url: str) -> None:
    watch = Watch(tab)
    tab.goto(served_url + "guides/commande-publique/")
    tab.click(INPUT)
    search(tab, "cooperation economique")
    assert tab.locator(PANEL).is_visible()
    status = tab.locator(".recherche__annonce").inner_text()
    assert status.endswith("résultats pour « cooperation economique ».") and status.split()[0].isdigit(), status
    first = tab.locator(".recherche-resultat").first
    assert first.locator(".recherche-resultat__titre").inner_text().startswith("Coopération économique")
    marks = tab.locator(".recherche-resultat mark").all_inner_texts()
    assert any("é" in m.lower() and m.lower().startswith(("coopé", "économ")) for m in marks), marks
    # A result in a section names the section and links to its heading.
    search(tab, "tresorerie")
    link = tab.locator(RESULT_LINKS).first
    assert link.locator(".recherche-resultat__section").inner_text().startswith("Comment faire")
    assert link.get_attribute("href").startswith("../../guides/contractualisation/#comment-faire"), \
        link.get_attribute("href")
    assert tab.locator(".recherche-resultat mark").first.inner_text().startswith("trésorerie")
    # Pagefind marks the punctuation touching a word (« réservés. »): only the word is highlighted.
    search(tab, "marchés réservés")
    marks = tab.locator(".recherche-resultat mark").all_inner_texts()
    excerpts = " ".join(tab.locator(".recherche-resultat__extrait").all_inner_texts())
    assert "réservés." in excerpts or "réservés," in excerpts, excerpts  # the case the rule is for
    assert marks and all(m.strip() == m and m[0].isalnum() and m[-1].isalnum() for m in marks), marks
    search(tab, "tresorerie")  # back to the section result above (the locator is read again)
    link.click()
    tab.wait_for_load_state("load")
    assert tab.url.startswith(served_url + "guides/contractualisation/#comment-faire")
    assert watch.errors == []


def _announced(tab: Any) -> str:
    return tab.locator(".recherche__annonce").inner_text()


def test_a_word_no_page_has_is_said_and_brings_no_other_word_s_pages(browser: Any, tab: Any, served_url: str,
                                                                      site: Path) -> None:
    """Pagefind replaces a word its index lacks by the longest indexed word that begins it (« Dunkerque »:
    the pages of « d'une »; « Nanterre »: of « Nantes »): the search says no page has it, and finds the
    pages of the other words only. A word being typed (« coop ») still finds the words it begins."""
    texts = [path.read_text(encoding="utf-8").lower() for path in site.rglob("*.html") if "pagefind" not in path.parts]
    absent = ("dunkerque", "nanterre", "hamon")
    for word in absent:
        assert not any(re.search(rf"\b{word}\b", text) for text in texts), f"« {word} » est maintenant sur le site"
    engine = browser.new_context().new_page()  # Pagefind alone, in a tab of its own
    engine.goto(served_url, wait_until="networkidle")
    plain = engine.evaluate("""async ([module, words]) => {
      const pagefind = await import(module); await pagefind.init();
      const counts = [];
      for (const word of words) counts.push((await pagefind.search(word)).results.length);
      return counts;
    }""", [served_url + "pagefind/pagefind.js", list(absent)])
    engine.context.close()
    assert all(count > 0 for count in plain), plain  # what the rule is for: Pagefind finds pages for each
    watch = Watch(tab)
    tab.goto(served_url + "guides/commande-publique/")
    tab.click(INPUT)
    for word in absent:
        search(tab, word)
        assert _announced(tab) == f"Aucun résultat pour « {word} ».", word
        assert tab.locator(RESULT_LINKS).count() == 0
    search(tab, "loi")
    alone = _announced(tab)
    links = [a.get_attribute("href") for a in tab.locator(RESULT_LINKS).all()]
    search(tab, "loi Hamon")
    count = alone.split()[0]
    assert _announced(tab) == f"{count} résultats pour « loi Hamon », sans « Hamon », qu'aucune page ne contient."
    assert [a.get_attribute("href") for a in tab.locator(RESULT_LINKS).all()] == links
    search(tab, "loi Dunkerque Hamon")
    assert _announced(tab).endswith("sans « Dunkerque » ni « Hamon », qu'aucune page ne contient.")
    for typed in ("coop", "coopérer", "collectivités", "Enercoop"):
        search(tab, typed)
        status = _announced(tab)
        assert status.split()[0].isdigit() and "sans" not in status, status
    assert watch.errors == []


@pytest.mark.parametrize("build", ["en ligne", "hors ligne"])
def test_pages_that_have_a_word_come_before_pages_that_only_have_a_longer_one(build: str, browser: Any, tab: Any,
                                                                            served_url: str,
                                                                            request: pytest.FixtureRequest) -> None:
    """Pagefind finds, for « loi », the pages of « Loire » and « loin » too, and with the site's ranking puts
    « Pays de la Loire » among its first pages. The search shows first the pages that have the word as such
    or in the plural (« lois »), each with the excerpt of a section that has it, online and offline; a word
    only on longer words (« fin », being typed: « financements ») still finds them."""
    word = "loi"
    as_such = re.compile(rf"(?<!\w){word}s?(?!\w)", re.IGNORECASE)
    engine = browser.new_context().new_page()  # Pagefind alone, with the site's ranking
    engine.goto(served_url, wait_until="networkidle")
    ranked = engine.evaluate("""async ([module, ranking, word]) => {
      const pagefind = await import(module); await pagefind.options({ranking}); await pagefind.init();
      const found = (await pagefind.search(word)).results;
      return Promise.all(found.map(async r => { const d = await r.data(); return [d.url, d.content]; }));
    }""", [served_url + "pagefind/pagefind.js", dict(site_search.RANKING), word])
    engine.context.close()
    has = {url.strip("/"): bool(as_such.search(content)) for url, content in ranked}
    assert not all(has[url.strip("/")] for url, _ in ranked[:SHOWN_FIRST]), \
        "Pagefind ne classe plus avant des pages sans le mot : le test ne prouve plus rien"
    if build == "en ligne":
        start, base = served_url + "guides/commande-publique/", served_url
    else:
        offline: Path = request.getfixturevalue("offline_site")
        start, base = (offline / "guides" / "commande-publique.html").as_uri(), offline.as_uri() + "/"
    tab.goto(start)
    tab.click(INPUT)
    search(tab, word)
    hrefs = tab.eval_on_selector_all(RESULT_LINKS, f"a => a.slice(0, {SHOWN_FIRST}).map(e => e.href)")
    shown = [re.sub(r"(index)?\.html$", "", href.split("#")[0].removeprefix(base)).strip("/") for href in hrefs]
    assert len(shown) == SHOWN_FIRST and all(has[url] for url in shown), [(url, has.get(url)) for url in shown]
    # and each excerpt is of a section that has the word, not of the heading « Pour aller plus loin »
    marked = tab.eval_on_selector_all(".recherche__resultats .recherche-resultat",
                                      "items => items.map(i => [...i.querySelectorAll('mark')].map(m => m.textContent))")
    assert all(any(as_such.fullmatch(mark) for mark in marks) for marks in marked), marked
    search(tab, "fin")
    assert int(_announced(tab).split()[0]) > 3, _announced(tab)


def test_every_indexed_word_and_its_beginning_find_pages(tab: Any, served_url: str, site: Path) -> None:
    """The other side of the rule above: a word Pagefind indexes (an article's text, without what it leaves out:
    ignored blocks, permalinks, drawings), typed whole or its first four letters, is never said absent. A sample
    of the site's words, the same at every run."""
    from bs4 import BeautifulSoup
    words: set[str] = set()
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article[data-pagefind-body]")
        if article is None:
            continue
        for left_out in article.select("[data-pagefind-ignore], .headerlink, .md-content__button, svg"):
            left_out.decompose()
        words |= {word for word in re.findall(r"[^\W_]+", article.get_text(" ")) if len(word) >= 3}
    sample = sorted(words)[::max(1, len(words) // 150)]
    queries = sample + sorted({word[:4] for word in sample if len(word) > 5 and not word[:4].isdigit()})
    assert len(queries) > 150
    tab.goto(served_url)
    tab.click(INPUT)
    said_absent = []
    for query in queries:
        search(tab, query)
        status = _announced(tab)
        if not status[0].isdigit() or "qu'aucune page ne contient" in status:
            said_absent.append(status)
    assert said_absent == []


def test_keyboard_escape_arrows_and_tab(tab: Any, served_url: str) -> None:
    tab.goto(served_url)
    tab.click(INPUT)
    search(tab, "marchés réservés")
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.matches('.recherche-resultat__lien')")
    tab.keyboard.press("ArrowDown")
    second = tab.evaluate("document.activeElement.closest('li') === document.querySelectorAll('.recherche-resultat')[1]")
    assert second
    tab.keyboard.press("Escape")
    assert not tab.locator(PANEL).is_visible(), "Échap ne ferme pas les résultats"
    assert tab.evaluate("document.activeElement.id") == "recherche-champ", "Échap : le focus ne revient pas au champ"
    tab.evaluate("document.querySelector('.recherche').removeAttribute('data-requete')")
    tab.keyboard.type(" ")  # the panel comes back with the next query
    tab.wait_for_function(_SHOWN, arg="marchés réservés")
    tab.keyboard.press("Tab")  # the submit button, then the first result
    tab.keyboard.press("Tab")
    assert tab.locator(PANEL).is_visible()
    assert tab.evaluate("document.activeElement.matches('.recherche-resultat__lien')")
    for _ in range(30):  # tabbing out of the results closes them
        tab.keyboard.press("Tab")
        if not tab.evaluate("document.querySelector('.recherche').contains(document.activeElement)"):
            break
    assert not tab.locator(PANEL).is_visible()


def test_enter_submits_the_form_to_the_search_page(tab: Any, served_url: str) -> None:
    watch = Watch(tab)
    tab.goto(served_url + "experiences/lille-enercoop/")
    tab.click(INPUT)
    tab.keyboard.type("collectivités")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/recherche/?q=collectivit%C3%A9s")
    tab.wait_for_function("() => document.querySelector('article').getAttribute('data-requete') === 'collectivités'")
    assert tab.locator("#recherche-page-champ").input_value() == "collectivités"
    assert tab.locator(".recherche-page__etat").inner_text().endswith("résultats pour « collectivités ».")
    shown = tab.locator(".recherche-page__resultats > li").count()
    assert shown == 10 and tab.locator(".recherche-page__plus").is_visible()
    tab.click(".recherche-page__plus button")
    tab.wait_for_function("() => document.querySelectorAll('.recherche-page__resultats > li').length > 10")
    assert tab.evaluate("document.activeElement.closest('li') === document.querySelectorAll('.recherche-page__resultats > li')[10]")
    tab.fill("#recherche-page-champ", "Grenoble")
    tab.wait_for_function("() => document.querySelector('article').getAttribute('data-requete') === 'Grenoble'")
    assert tab.url.endswith("/recherche/?q=Grenoble")
    assert "grenoble-alpes-metropole-marches-reserves" in tab.locator(".recherche-page__resultats a").first.get_attribute("href")
    assert watch.errors == []


def test_phone_opens_the_form_over_the_header_and_escape_closes_it(browser: Any, served_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    try:
        tab.goto(served_url + "guides/co-construction/")
        toggle = tab.locator(".recherche__ouvrir")
        assert toggle.is_visible() and not tab.locator(INPUT).is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert tab.locator(INPUT).is_visible() and toggle.get_attribute("aria-expanded") == "true"
        assert tab.evaluate("document.activeElement.id") == "recherche-champ"
        search(tab, "SCIC")
        box = tab.locator(PANEL).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        tab.keyboard.press("Escape")
        tab.keyboard.press("Escape")
        assert not tab.locator(INPUT).is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert tab.evaluate("document.activeElement.classList.contains('recherche__ouvrir')")
        toggle.click()
        tab.locator(".recherche__fermer").click()
        assert not tab.locator(INPUT).is_visible()
    finally:
        context.close()


BAD_QUERIES = [
    ("mots vides", "de la les et"),
    ("ponctuation", "?!.,;:«»()'’-"),
    ("500 caractères", ("marché " * 72)[:500]),
    ("balises", "<img src=x onerror=alert(1)>"),
    ("script", "</mark><script>alert(2)</script><mark>"),
]


@pytest.mark.parametrize(("kind", "query"), BAD_QUERIES, ids=[k for k, _ in BAD_QUERIES])
def test_bad_queries_give_a_sane_list_and_run_nothing(tab: Any, served_url: str, kind: str, query: str) -> None:
    watch = Watch(tab)
    tab.goto(served_url)
    tab.click(INPUT)
    tab.fill(INPUT, query)
    tab.wait_for_function("() => document.querySelector('.recherche').hasAttribute('data-requete')", timeout=15_000)
    shown = tab.evaluate("document.querySelector('.recherche').getAttribute('data-requete')")
    assert len(shown) <= 200 and shown == " ".join(query.split())[:200].strip()
    status = tab.locator(".recherche__annonce").inner_text()
    assert "résultat" in status, status
    assert tab.locator(".recherche__panneau img, .recherche__panneau script").count() == 0
    assert tab.locator(".recherche-resultat").count() <= 6
    assert watch.dialogs == [] and watch.errors == [], (watch.dialogs, watch.errors)


class _SubPath(SimpleHTTPRequestHandler):
    """The site under /depot/, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        return super().translate_path(path.removeprefix("/depot"))

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def test_result_links_work_under_a_sub_path(tab: Any, site: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SubPath, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/depot/"
    try:
        watch = Watch(tab)
        tab.goto(base + "sources/rtes-sieg/")
        tab.click(INPUT)
        search(tab, "Strasbourg")
        tab.locator(RESULT_LINKS).first.click()
        tab.wait_for_load_state("load")
        assert tab.url.startswith(base + "experiences/strasbourg-conseil-ess-spaser/"), tab.url
        assert watch.errors == []
    finally:
        server.shutdown()


def test_result_links_work_from_the_404_page(tab: Any, served_url: str) -> None:
    """The 404 page is served at any address: its links are absolute, and so are its results'."""
    tab.goto(served_url + "404.html")
    tab.click(INPUT)
    search(tab, "Strasbourg")
    tab.locator(RESULT_LINKS).first.click()
    tab.wait_for_load_state("load")
    assert tab.url.startswith(served_url + "experiences/strasbourg-conseil-ess-spaser/"), tab.url
