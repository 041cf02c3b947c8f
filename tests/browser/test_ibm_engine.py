"""A second accessibility engine: IBM Equal Access (npm ``accessibility-checker-engine``).

It runs inside Debian's Chromium, offline (``ace.js`` is injected into the page), with its
WCAG 2.1 rule set, and finds problems axe-core does not report: labels pointing at hidden
controls, unnamed icons, several labels for one control. Every « violation » it is sure of
(``VIOLATION``/``FAIL``) fails the test; its « potential » findings and recommendations need a
human and are not asserted.

Checked: the key pages at desktop width, and at phone width with the menu closed, open, and
with the table of contents open (the drawer, its sub-menus, the table of contents toggle, the
map filters and the tables are all covered). ``./run.sh test`` installs the engine from
``tests/node/package-lock.json``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpers import ROOT

ACE = ROOT / "tests" / "node" / "node_modules" / "accessibility-checker-engine" / "ace.js"
PAGES = ["", "guides/commande-publique/", "experiences/lille-enercoop/", "carte/", "panorama/", "accessibilite/"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
NO_ANIMATION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

CHECK = """async () => {
    const report = await new ace.Checker().check(document, ["WCAG_2_1"]);
    return {
        rules: report.numExecuted,
        passed: report.results.filter(r => r.value[1] === "PASS").length,
        failures: report.results
            .filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
            .map(r => ({rule: r.ruleId, message: r.message, snippet: r.snippet, path: r.path.dom})),
    };
}"""


def _engine() -> str:
    if not ACE.exists():
        if os.environ.get("CI"):
            pytest.fail("Moteur IBM absent : ./run.sh test doit l'installer (npm ci dans tests/node).")
        pytest.skip("Moteur IBM absent : lancez ./run.sh test, qui l'installe (npm ci dans tests/node).")
    return ACE.read_text(encoding="utf-8")


def check(tab: Any, engine: str) -> dict[str, Any]:
    if not tab.evaluate("typeof window.ace !== 'undefined'"):
        tab.add_script_tag(content=engine)
    result: dict[str, Any] = tab.evaluate(CHECK)
    return result


def _audit(browser: Any, base: str, engine: str) -> tuple[list[str], int]:
    found: list[str] = []
    checks = 0

    def run(tab: Any, where: str) -> None:
        nonlocal checks
        result = check(tab, engine)
        assert result["passed"] > 20, f"{where} : le moteur IBM n'a presque rien vérifié ({result})"
        checks += 1
        for failure in result["failures"]:
            found.append(f"{where} : {failure['rule']} — {failure['message']}\n    {failure['snippet'][:160]}")

    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    try:
        for path in PAGES:
            tab.goto(base + path, wait_until="load")
            run(tab, f"/{path} (bureau)")
    finally:
        context.close()
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    try:
        for path in ("", "guides/commande-publique/"):
            tab.goto(base + path, wait_until="load")
            tab.add_style_tag(content=NO_ANIMATION)
            run(tab, f"/{path} (téléphone, menu fermé)")
            tab.get_by_role("button", name="Menu de navigation").click()
            run(tab, f"/{path} (téléphone, menu ouvert)")
            toc = tab.locator(".md-nav--primary .md-nav__link--toc")
            toc.click()
            assert tab.locator("#__toc").is_checked()
            run(tab, f"/{path} (téléphone, table des matières ouverte)")
    finally:
        context.close()
    return found, checks


def test_ibm_engine_finds_no_violation(browser: Any, served_url: str) -> None:
    found, checks = _audit(browser, served_url, _engine())
    assert checks == len(PAGES) + 2 * 3
    assert not found, f"{len(found)} violation(s) (moteur IBM Equal Access) :\n" + "\n".join(found)


BAD_PAGE = """<!doctype html><html lang="fr"><head><title>Mauvaise page</title></head><body><main>
<input type="checkbox" id="__toc" style="display: none">
<label for="__toc">Table des matières</label>
<a href="#"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg></a>
<input type="checkbox" id="double"><label for="double">Un</label><label for="double">Deux</label>
</main></body></html>"""


def test_ibm_engine_is_not_blind(browser: Any) -> None:
    """Material's old markup patterns fail the engine."""
    engine = _engine()
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    try:
        tab.set_content(BAD_PAGE)
        failures = check(tab, engine)["failures"]
    finally:
        context.close()
    rules = {f["rule"] for f in failures}
    assert {"label_ref_valid", "svg_graphics_labelled", "form_label_unique"} <= rules, rules
