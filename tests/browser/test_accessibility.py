"""Accessibility gates (RGAA / WCAG 2.1 AA) on every page of the served site.

- axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on any page;
- every page is in French (<html lang="fr">);
- every page has a skip link that shows on screen when it gets the focus;
- the keyboard walk of the key pages never loses the focus: every stop is on
  screen, not covered, and drawn with an outline or shadow that contrasts (3:1);
- no page scrolls sideways at 320 px, nor at 640 px (1280 px zoomed to 200 %):
  wide tables scroll inside their own wrapper.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from pages import html_pages, labeller, loaded_pages, served_pages

MIN_PAGES = 50
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Best practice in axe 4.12, but named by the issue: the stock theme's search dialog fails it.
    "rules": {"aria-dialog-name": {"enabled": True}},
    # Only violations come back with their nodes: passes would be serialised for nothing (2x slower).
    "resultTypes": ["violations"],
}
KEY_PAGES = ["", "guides/commande-publique/", "experiences/lille-enercoop/"]
# Pages walked with the keyboard: the key pages and the interactive map.
WALK_PAGES = KEY_PAGES + ["carte/"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Material animates the skip link, the drawer and the search; the tests look at the
# end state, without waiting for the animations.
NO_ANIMATION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Everything the tests need to know about the focused element, in one call.
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const parse = (c) => {
    const m = (c || '').match(/[\\d.]+/g);
    return m && m.length >= 3 ? [+m[0], +m[1], +m[2], m.length > 3 ? +m[3] : 1] : null;
  };
  const background = (node) => {
    const layers = [];
    for (let n = node; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let acc = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) acc = [r * a + acc[0] * (1 - a), g * a + acc[1] * (1 - a), b * a + acc[2] * (1 - a)];
    return acc;
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  let opacity = 1, hidden = false;
  for (let n = el; n; n = n.parentElement) {
    const cs = getComputedStyle(n);
    opacity *= parseFloat(cs.opacity);
  }
  hidden = s.visibility !== 'visible';
  const W = window.innerWidth, H = window.innerHeight;
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < W && r.top < H;
  // Not covered: some point of the element (centre or inner corners of each of
  // its boxes; a link may wrap over two lines) hits the element itself.
  let topmost = false;
  if (onScreen) {
    const hits = (x, y) => {
      if (x < 0 || y < 0 || x >= W || y >= H) return false;
      const top = document.elementFromPoint(x, y);
      return !!top && (top === el || el.contains(top) || !!(el.labels && [...el.labels].some((l) => l.contains(top))));
    };
    for (const b of el.getClientRects()) {
      const pts = [[b.left + b.width / 2, b.top + b.height / 2], [b.left + 2, b.top + 2], [b.right - 2, b.top + 2],
                   [b.left + 2, b.bottom - 2], [b.right - 2, b.bottom - 2]];
      if (pts.some(([x, y]) => hits(x, y))) { topmost = true; break; }
    }
  }
  let indicator = null, color = null;
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) { indicator = 'outline ' + s.outlineStyle; color = parse(s.outlineColor); }
  else if (s.boxShadow && s.boxShadow !== 'none') { indicator = 'box-shadow'; color = parse((s.boxShadow.match(/rgba?\\([^)]*\\)/) || [''])[0]); }
  const behind = background(parseFloat(s.outlineOffset) < 0 || indicator === 'box-shadow' ? el : el.parentElement);
  const ratio = color ? contrast(color.slice(0, 3).map((v, i) => v * color[3] + behind[i] * (1 - color[3])), behind) : 0;
  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || el.getAttribute('placeholder') || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  let id = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].filter((c) => c !== 'focus-visible').map((c) => '.' + c).join('');
  if (el.getAttribute('href')) id += '[href="' + el.getAttribute('href') + '"]';
  return {id, name, isSkip: el.classList.contains('md-skip'), href: el.getAttribute('href'),
          rect: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)],
          onScreen, topmost, opacity, hidden, indicator, ratio: Math.round(ratio * 100) / 100};
}"""

OVERFLOW_JS = """() => {
  const W = window.innerWidth;
  const scrolls = (n) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(n).overflowX);
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= W + 1) continue;
    let p = el.parentElement, inside = false;
    for (; p && p !== document.body; p = p.parentElement) if (scrolls(p)) { inside = true; break; }
    if (!inside) wide.push(el.tagName.toLowerCase() + [...el.classList].map((c) => '.' + c).join('') + ' (bord droit ' + Math.round(r.right) + ' px)');
  }
  const tables = [];
  for (const t of document.querySelectorAll('article table')) {
    // The table's own scroll box: its nearest ancestor that scrolls sideways (Material's
    // .md-typeset__scrollwrap, or a box of the guide's own such as the panorama's .tableau-defilant).
    let wrap = t.parentElement;
    while (wrap && wrap !== document.body && !['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX)) wrap = wrap.parentElement;
    if (wrap === document.body) wrap = null;
    const w = wrap && wrap.getBoundingClientRect();
    tables.push({wide: t.getBoundingClientRect().width > W, wrapped: !!wrap,
                 box: wrap ? wrap.tagName.toLowerCase() + [...wrap.classList].map((c) => '.' + c).join('') : null,
                 scrolls: !!wrap && ['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX),
                 wrapFits: !!wrap && w.left >= -1 && w.right <= W + 1});
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: W, wide: wide.slice(0, 5), tables};
}"""


def _page_urls(site: Path, served_url: str) -> list[str]:
    urls = served_pages(site, served_url)
    assert len(urls) > MIN_PAGES, f"seulement {len(urls)} pages à vérifier"
    return urls


def _format_violations(found: list[tuple[str, dict[str, Any]]]) -> str:
    lines = [f"{len(found)} violation(s) axe :"]
    for page, v in found:
        lines.append(f"  {page} : {v['id']} ({v['impact']}) {v['help']}")
        for node in v["nodes"][:10]:
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            lines.append(f"      {' '.join(map(str, node['target']))} — {summary[:220]}")
        if len(v["nodes"]) > 10:
            lines.append(f"      … et {len(v['nodes']) - 10} autre(s)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- every page, desktop


@pytest.fixture(scope="module")
def desktop_audit(browser, site: Path, served_url: str) -> dict[str, Any]:
    """Every page at 1280 px: axe-core, then one Tab to reach the skip link."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    urls = _page_urls(site, served_url)
    name = labeller(served_url)
    context = browser.new_context(viewport=DESKTOP)
    result: dict[str, Any] = {"pages": 0, "violations": [], "skip": [], "fewest_rules_passed": 10**6}
    try:
        # Two tabs: the next page loads while axe runs on the current one.
        for url, tab in loaded_pages(context, urls):
            tab.add_style_tag(content=NO_ANIMATION)
            tab.keyboard.press("Tab")
            focus = tab.evaluate(FOCUS_JS)
            problem = _skip_link_problem(tab, focus)
            if problem:
                result["skip"].append(f"{name(url)} : {problem}")
            response = axe.run(tab, options=AXE_OPTIONS).response
            for violation in response["violations"]:
                result["violations"].append((name(url), violation))
            result["fewest_rules_passed"] = min(result["fewest_rules_passed"], len(response["passes"]))
            result["pages"] += 1
    finally:
        context.close()
    return result


def _skip_link_problem(tab: Any, focus: dict[str, Any] | None) -> str | None:
    if focus is None:
        return "après une tabulation, rien n'a le focus"
    if not focus["isSkip"]:
        return f"la première tabulation mène à {focus['id']} et non au lien d'évitement .md-skip"
    if not (focus["onScreen"] and focus["topmost"] and focus["opacity"] >= 0.99 and not focus["hidden"]):
        return f"le lien d'évitement a le focus mais ne se voit pas ({focus})"
    if not focus["indicator"]:
        return "le lien d'évitement n'a ni contour ni ombre au focus"
    target = tab.evaluate("""(href) => {
        const t = href && href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        return t ? t.querySelectorAll('h1').length + (t.tagName === 'H1' ? 1 : 0) : -1;
    }""", focus["href"])
    if target < 0:
        return f"le lien d'évitement mène à {focus['href']}, absent de la page"
    if target == 0:
        return f"le lien d'évitement ({focus['href']}) saute le titre h1 de la page"
    return None


def test_axe_finds_no_violation_on_any_page(desktop_audit: dict[str, Any]) -> None:
    assert desktop_audit["pages"] > MIN_PAGES
    assert desktop_audit["fewest_rules_passed"] >= 10, "axe n'a presque rien vérifié sur une page"
    assert not desktop_audit["violations"], _format_violations(desktop_audit["violations"])


def test_every_page_has_a_skip_link_that_shows_on_focus(desktop_audit: dict[str, Any]) -> None:
    assert desktop_audit["pages"] > MIN_PAGES
    assert not desktop_audit["skip"], "\n".join(desktop_audit["skip"])


def test_every_page_is_in_french(site: Path, offline_site: Path) -> None:
    wrong = []
    checked = 0
    for root in (site, offline_site):
        for rel in html_pages(root) + ["404.html"]:
            html = BeautifulSoup((root / rel).read_text(encoding="utf-8"), "html.parser").html
            checked += 1
            if html is None or html.get("lang") != "fr":
                wrong.append(f"{root.name}/{rel} : lang={html.get('lang') if html else None!r}")
    assert checked > 2 * MIN_PAGES
    assert not wrong, "pages sans <html lang=\"fr\"> :\n" + "\n".join(wrong)


# --------------------------------------------------------------------------- every page, narrow


@pytest.fixture(scope="module")
def narrow_audit(browser, site: Path, served_url: str) -> dict[int, list[str]]:
    """Every page loaded at 320 px, then widened to 640 px (1280 px at 200 % zoom)."""
    urls = _page_urls(site, served_url)
    name = labeller(served_url)
    problems: dict[int, list[str]] = {320: [], 640: []}
    tables = {"seen": 0, "wide": 0}
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        for url, tab in loaded_pages(context, urls):
            for width in (320, 640):
                tab.set_viewport_size({"width": width, "height": 640})
                found = tab.evaluate(OVERFLOW_JS)
                if found["scrollWidth"] > found["innerWidth"]:
                    problems[width].append(
                        f"{name(url)} : la page défile en largeur ({found['scrollWidth']} px pour "
                        f"{found['innerWidth']} px) ; éléments qui dépassent : {found['wide']}")
                for n, table in enumerate(found["tables"], 1):
                    tables["seen"] += 1
                    tables["wide"] += table["wide"]
                    if table["wide"] and not (table["wrapped"] and table["scrolls"] and table["wrapFits"]):
                        problems[width].append(f"{name(url)} : le tableau n°{n}, plus large que l'écran, ne défile "
                                               f"pas dans son propre cadre ({table})")
            tab.set_viewport_size({"width": 320, "height": 640})
    finally:
        context.close()
    assert tables["seen"] > 0, "aucun tableau vu : la vérification des tableaux larges ne vérifie rien"
    return problems


def test_no_horizontal_scroll_at_320px(narrow_audit: dict[int, list[str]]) -> None:
    assert not narrow_audit[320], "\n".join(narrow_audit[320])


def test_no_horizontal_scroll_at_200_percent_zoom(narrow_audit: dict[int, list[str]]) -> None:
    assert not narrow_audit[640], "\n".join(narrow_audit[640])


# --------------------------------------------------------------------------- keyboard, key pages


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["bureau-1280", "telephone-390"])
def test_keyboard_focus_is_always_visible_on_key_pages(browser, served_url: str, viewport: dict[str, int]) -> None:
    """Tab through each key page from top to bottom: the focus is never lost nor invisible."""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    problems: list[str] = []
    stops_seen = 0
    try:
        for path in WALK_PAGES:
            tab.goto(served_url + path, wait_until="load")
            tab.add_style_tag(content=NO_ANIMATION)
            seen: set[str] = set()
            for stop in range(400):
                tab.keyboard.press("Tab")
                focus = _settled_focus(tab)
                if focus is None:
                    break  # past the last element: back to the browser
                key = f"{focus['id']}@{focus['name']}"
                if key in seen and stop > 5:
                    break  # wrapped around
                seen.add(key)
                stops_seen += 1
                where = f"/{path} arrêt {stop + 1} : {focus['id']} « {focus['name']} »"
                if not focus["onScreen"] or focus["hidden"] or focus["opacity"] < 0.99:
                    problems.append(f"{where} a le focus mais n'est pas visible (cadre {focus['rect']}, "
                                    f"opacité {focus['opacity']:.2f}, masqué={focus['hidden']})")
                elif not focus["topmost"]:
                    problems.append(f"{where} a le focus mais est recouvert par un autre élément")
                elif not focus["indicator"]:
                    problems.append(f"{where} : aucun contour ni ombre de focus")
                elif focus["ratio"] < 3:
                    problems.append(f"{where} : indicateur de focus ({focus['indicator']}) peu visible, "
                                    f"contraste {focus['ratio']}:1 avec le fond (3:1 requis)")
            else:
                problems.append(f"/{path} : plus de 400 arrêts de tabulation, boucle ?")
    finally:
        context.close()
    assert stops_seen > 3 * 10, f"seulement {stops_seen} arrêts de tabulation vus"
    assert not problems, f"{len(problems)} problème(s) de focus à {viewport['width']} px :\n" + "\n".join(problems)


def _visible(focus: dict[str, Any]) -> bool:
    return focus["onScreen"] and focus["topmost"] and not focus["hidden"] and focus["opacity"] >= 0.99


def _focus_ok(focus: dict[str, Any]) -> bool:
    return _visible(focus) and bool(focus["indicator"]) and focus["ratio"] >= 3


def _settled_focus(tab: Any) -> dict[str, Any] | None:
    """The focused element, given up to half a second to settle (animations of the drawer)."""
    focus = tab.evaluate(FOCUS_JS)
    for _ in range(10):
        if focus is None or _focus_ok(focus):
            break
        tab.wait_for_timeout(50)
        focus = tab.evaluate(FOCUS_JS)
    return focus


def test_phone_menu_works_with_the_keyboard(browser, served_url: str) -> None:
    """At phone width the drawer opens with Enter or Space, takes the focus, and Escape closes it."""
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    try:
        tab.goto(served_url + KEY_PAGES[1], wait_until="load")
        tab.add_style_tag(content=NO_ANIMATION)
        menu = tab.locator("button.md-header__button--drawer")
        drawer_links = tab.locator(".md-sidebar--primary a[href]")
        assert drawer_links.count() > 5
        assert not drawer_links.first.is_visible(), "tiroir fermé, ses liens ne doivent pas être atteignables"
        for key in ("Enter", "Space"):
            menu.focus()
            assert menu.get_attribute("aria-expanded") == "false"
            tab.keyboard.press(key)
            assert tab.locator("#__drawer").is_checked(), f"{key} sur le bouton Menu n'ouvre pas le tiroir"
            assert menu.get_attribute("aria-expanded") == "true"
            focus = _settled_focus(tab)
            assert focus and _visible(focus), f"{key} : le focus n'est pas visible dans le tiroir ouvert : {focus}"
            assert tab.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
            if key == "Enter":
                # Walk the open drawer: every stop visible, until the focus leaves it and it closes.
                for stop in range(60):
                    inside = tab.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
                    if not inside:
                        break
                    focus = _settled_focus(tab)
                    assert focus and _focus_ok(focus), \
                        f"tiroir ouvert, arrêt {stop + 1} : focus invisible ou sans contour : {focus}"
                    tab.keyboard.press("Tab")
                else:
                    pytest.fail("plus de 60 arrêts dans le tiroir")
                assert stop > 5, f"seulement {stop} arrêts dans le tiroir"
                assert not tab.locator("#__drawer").is_checked(), "le focus a quitté le tiroir, qui reste ouvert"
                continue
            tab.keyboard.press("Escape")
            assert not tab.locator("#__drawer").is_checked(), "Échap ne referme pas le tiroir"
            assert tab.evaluate("document.activeElement === document.querySelector(\"button.md-header__button--drawer\")"), \
                "Échap : le focus ne revient pas sur le bouton Menu"
    finally:
        context.close()


# --------------------------------------------------------------------------- other states


def test_axe_finds_no_violation_in_menus_and_search(browser, served_url: str) -> None:
    """The states every page can reach: phone layout, drawer open, search open with results, the search
    page with results, 404."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: list[tuple[str, dict[str, Any]]] = []
    states = 0
    for label, viewport in (("bureau", DESKTOP), ("téléphone", PHONE)):
        context = browser.new_context(viewport=viewport)
        tab = context.new_page()
        try:
            for path in KEY_PAGES:
                tab.goto(served_url + path, wait_until="load")
                tab.add_style_tag(content=NO_ANIMATION)
                for state in ("fermé", "tiroir", "recherche"):
                    if state == "tiroir":
                        if viewport is DESKTOP:
                            continue
                        tab.locator("button.md-header__button--drawer").click()
                    elif state == "recherche":
                        tab.keyboard.press("Escape")
                        tab.locator(".recherche__ouvrir").click() if viewport is PHONE \
                            else tab.locator("#recherche-champ").click()
                        tab.keyboard.type("commande publique")
                        tab.wait_for_selector(".recherche__panneau .recherche-resultat", timeout=10_000)
                    for violation in axe.run(tab, options=AXE_OPTIONS).response["violations"]:
                        found.append((f"/{path} ({label}, {state})", violation))
                    states += 1
            tab.goto(served_url + "recherche/?q=march%C3%A9s+r%C3%A9serv%C3%A9s", wait_until="load")
            tab.wait_for_selector(".recherche-page__resultats .recherche-resultat", timeout=10_000)
            for violation in axe.run(tab, options=AXE_OPTIONS).response["violations"]:
                found.append((f"/recherche/?q=… ({label}, résultats)", violation))
            tab.goto(served_url + "404.html", wait_until="load")
            for violation in axe.run(tab, options=AXE_OPTIONS).response["violations"]:
                found.append((f"/404.html ({label})", violation))
        finally:
            context.close()
    assert states == 3 * 2 + 3 * 3
    assert not found, _format_violations(found)


# --------------------------------------------------------------------------- the checks themselves


BAD_PAGE = """<!doctype html><html lang="fr"><head><title>Mauvaise page</title>
<style>#sans { outline: none; } :focus { outline: none; }</style></head><body><main>
<div class="md-search" role="dialog">recherche</div>
<p style="color: #aaa">Texte trop pâle.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<a id="sans" href="#">Lien sans contour</a>
<div style="width: 1000px">Trop large.</div>
</main></body></html>"""


def test_checks_catch_known_problems(browser) -> None:
    """The checks are not blind: a bad page fails each of them."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        tab.set_content(BAD_PAGE)
        rules = {v["id"] for v in Axe().run(tab, options=AXE_OPTIONS).response["violations"]}
        assert {"aria-dialog-name", "color-contrast", "image-alt"} <= rules, rules
        found = tab.evaluate(OVERFLOW_JS)
        assert found["scrollWidth"] > found["innerWidth"] and found["wide"], found
        tab.keyboard.press("Tab")
        focus = tab.evaluate(FOCUS_JS)
        assert focus and focus["id"] == "a#sans[href=\"#\"]" and not focus["indicator"], focus
        assert not _focus_ok(focus)
    finally:
        context.close()
