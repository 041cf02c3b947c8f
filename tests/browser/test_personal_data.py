"""« Données personnelles » stays true: no cookie, nothing stored in the browser, no tracker.

Three checks: our own scripts contain no instruction that stores anything; Material's options
that would store something in the browser stay off (its bundle writes to localStorage only for
the palette switch, linked content tabs, a dismissed announcement and cookie consent, and to
sessionStorage only for repository facts and version warnings); and a real Chromium that reads
several pages, opens the menu, searches and filters the map ends with no cookie and empty
storage. Requests to other hosts are checked on every page by test_every_page.py.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from helpers import ROOT

STORING = re.compile(r"document\.cookie|localStorage|sessionStorage|indexedDB|caches\.open|serviceWorker|sendBeacon")
STORAGE_STATE = """() => ({cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
                          localKeys: Object.keys(localStorage), sessionKeys: Object.keys(sessionStorage)})"""


def our_scripts() -> list[Path]:
    """Every script the site ships or writes into its pages, vendored ones included."""
    return (sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))
            + sorted((ROOT / "overrides").rglob("*.html"))
            + sorted((ROOT / "hooks").rglob("*.py")))


def test_our_scripts_store_nothing() -> None:
    scripts = our_scripts()
    assert len(scripts) > 10
    offenders = [f"{p.relative_to(ROOT)} : {m.group(0)}" for p in scripts
                 for m in STORING.finditer(p.read_text(encoding="utf-8"))]
    assert not offenders, "\n".join(offenders)


def test_material_options_that_store_stay_off() -> None:
    config = yaml.safe_load(re.sub(r"!ENV\s*\[[^\]]*\]", "''", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    features = set(config["theme"].get("features", []))
    extra = config.get("extra", {})
    assert isinstance(config["theme"]["palette"], dict), "un sélecteur de couleurs enregistre le choix (localStorage)"
    assert not features & {"content.tabs.link", "announce.dismiss"}, features
    assert not {"analytics", "consent", "version", "social"} & set(extra), extra
    assert "material/social" not in str(config.get("plugins")), "le greffon social contacte le réseau"


def storage_state(tab: Any) -> dict[str, Any]:
    state: dict[str, Any] = tab.evaluate(STORAGE_STATE)
    state["cookies"] = tab.context.cookies()
    return state


def _empty(state: dict[str, Any]) -> bool:
    return not (state["cookie"] or state["local"] or state["session"] or state["cookies"])


def test_reading_the_site_stores_nothing(browser: Any, served_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        for path in ("", "guides/commande-publique/", "experiences/lille-enercoop/", "donnees-personnelles/"):
            tab.goto(served_url + path, wait_until="load")
        tab.get_by_role("button", name="Menu de navigation").click()
        tab.keyboard.press("Escape")
        tab.goto(served_url + "carte/", wait_until="load")
        theme = tab.locator(".carte-filtres select").first
        theme.select_option(index=1)
        tab.set_viewport_size({"width": 1280, "height": 800})
        tab.locator("input.recherche__champ").click()
        tab.keyboard.type("commande publique")
        tab.wait_for_selector(".recherche__resultats .recherche-resultat", timeout=10_000)
        tab.reload(wait_until="load")
        state = storage_state(tab)
    finally:
        context.close()
    assert _empty(state), f"le site a enregistré quelque chose dans le navigateur : {state}"


def test_storage_check_is_not_blind(browser: Any, served_url: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(served_url, wait_until="load")
        assert _empty(storage_state(tab))
        tab.evaluate("localStorage.setItem('x', '1')")
        assert not _empty(storage_state(tab))
        tab.evaluate("localStorage.clear(); sessionStorage.setItem('y', '2')")
        assert not _empty(storage_state(tab))
        tab.evaluate("sessionStorage.clear(); document.cookie = 'z=3'")
        assert not _empty(storage_state(tab))
    finally:
        context.close()
    assert STORING.search("window.localStorage.setItem('a', 1)") and STORING.search("document.cookie = 'a'")
