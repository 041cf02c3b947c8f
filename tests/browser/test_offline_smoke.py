"""The offline bundle, opened from file:// in Debian's Chromium: home, navigation, search."""
from __future__ import annotations

from pathlib import Path
from typing import Any


def watch(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    # A request the page itself drops when the reader follows a link (net::ERR_ABORTED) is not a
    # failure; a missing file (net::ERR_FILE_NOT_FOUND) is.
    page.on("requestfailed", lambda req: errors.append(f"failed: {req.url} ({req.failure})")
            if "ERR_ABORTED" not in str(req.failure) else None)
    page.on("request", lambda req: errors.append(f"outside request: {req.url}")
            if not req.url.startswith(("file:", "data:", "blob:")) else None)
    return errors


def test_offline_home_navigation_and_search(browser: Any, offline_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors = watch(page)
    page.goto((offline_site / "index.html").as_uri())
    assert "Guide ESS" in page.title()
    page.locator("nav.md-nav--primary a.md-nav__link[href$='experiences/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("experiences/index.html")
    page.locator("article table a[href$='lille-enercoop.html']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("experiences/lille-enercoop.html")
    page.locator(".fiche-experience a[href$='guides/commande-publique.html']").click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().startswith("Commande publique")
    page.locator("article a[href*='../sources/']").first.click()
    page.wait_for_load_state("load")
    assert "/sources/" in page.url and page.locator(".fiche-source").is_visible()
    page.locator("nav.md-nav--primary a.md-nav__link[href$='glossaire.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("glossaire.html") and page.locator("article dl dt").count() > 20
    page.locator("nav.md-nav--primary a.md-nav__link[href$='territoires/index.html']").first.click()
    page.wait_for_load_state("load")
    page.locator("article a[href$='hauts-de-france.html']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("territoires/hauts-de-france.html")
    icon = page.locator(".md-header__button.md-logo svg, .md-header__button.md-logo img").first
    assert icon.bounding_box() is not None
    page.click("#recherche-champ")
    page.keyboard.type("coopération")
    page.wait_for_function("() => document.querySelector('.recherche').getAttribute('data-requete') === 'coopération'",
                           timeout=15000)
    assert page.locator(".recherche-resultat").count() > 0
    page.locator(".recherche__resultats a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith((offline_site / "guides" / "cooperation-economique.html").as_uri()), page.url
    # The search page, opened with ?q=… as the form sends it.
    page.goto((offline_site / "recherche.html").as_uri() + "?q=marches+reserves")
    page.wait_for_function("() => document.querySelector('article').getAttribute('data-requete') === 'marches reserves'",
                           timeout=15000)
    hrefs = page.eval_on_selector_all(".recherche-page__resultats .recherche-resultat__lien", "l => l.map(a => a.href)")
    assert (offline_site / "leviers" / "marches-reserves.html").as_uri() in hrefs, hrefs
    context.close()
    assert errors == []
