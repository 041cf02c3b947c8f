"""Acronyms as readers meet them: on a phone (touch), with a mouse, with the keyboard, with a screen reader.

The build writes each acronym of the glossary as <abbr title>; docs/assets/javascripts/sigles.js
turns each one of an article into a button whose bubble shows the expansion. Checked in Debian's
Chromium at 390 px (touch) and 1280 px (mouse, keyboard), online and from ``file://``, with axe-core
and IBM Equal Access while a bubble is open.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from test_ibm_engine import _engine, check

PAGE = "guides/ess-et-collectivites/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
BUTTONS = "article .sigle__bouton"
NO_ANIMATION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

# Expansions as the glossary gives them, read from the page's own markup before the script runs.
EXPANSIONS = """() => Object.fromEntries([...new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html')
  .querySelectorAll('abbr[title]')].map(a => [a.textContent, a.title]))"""


def bubble_of(tab: Any, button: Any) -> Any:
    return tab.locator("#" + button.get_attribute("aria-describedby"))


def open_bubbles(tab: Any) -> int:
    count: int = tab.evaluate("document.querySelectorAll('.sigle__bulle:not([hidden])').length")
    return count


def inside_viewport(tab: Any, box: dict[str, float]) -> bool:
    width: int = tab.evaluate("document.documentElement.clientWidth")
    return box["x"] >= 0 and box["x"] + box["width"] <= width


@pytest.fixture
def phone(browser: Any, served_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.goto(served_url + PAGE)
    tab.add_style_tag(content=NO_ANIMATION)
    yield tab
    context.close()


@pytest.fixture
def desktop(browser: Any, served_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    tab = context.new_page()
    tab.goto(served_url + PAGE)
    tab.add_style_tag(content=NO_ANIMATION)
    yield tab
    context.close()


def test_every_acronym_of_the_article_becomes_a_button_with_its_expansion(desktop: Any) -> None:
    buttons = desktop.locator(BUTTONS)
    assert buttons.count() >= 20
    for i in range(buttons.count()):
        button = buttons.nth(i)
        assert button.get_attribute("aria-expanded") == "false"
        assert button.locator("abbr").get_attribute("title") is None  # no second, native tooltip
        assert bubble_of(desktop, button).text_content()
    # The punctuation glued to an acronym stays glued to it: no line break between « (PTCE » and « ) ».
    loose = desktop.evaluate("""[...document.querySelectorAll('article .sigle')].filter(s =>
        (s.nextSibling && s.nextSibling.nodeType === 3 && /^[)\\].,;:!?»]/.test(s.nextSibling.data)) ||
        (s.previousSibling && s.previousSibling.nodeType === 3 && /[(\\[«’]$/.test(s.previousSibling.data))).length""")
    assert loose == 0
    assert desktop.locator("article .sigle").first.evaluate("s => getComputedStyle(s).whiteSpace") == "nowrap"
    # Acronyms inside links keep their title: a button cannot go inside a link.
    assert desktop.locator("article a abbr[title]").count() >= 1
    assert desktop.locator("article a .sigle__bouton").count() == 0


def test_screen_readers_get_the_expansion_as_the_buttons_description(desktop: Any, served_url: str) -> None:
    from playwright.sync_api import expect

    fresh = desktop.context.new_page()
    fresh.route("**/sigles.js", lambda route: route.abort())  # the page as the build wrote it
    fresh.goto(served_url + PAGE)
    expansions = fresh.evaluate(EXPANSIONS)
    fresh.close()
    assert expansions["ESS"] == "économie sociale et solidaire"
    for name in ("ESS", "SIEG"):
        button = desktop.get_by_role("button", name=name, exact=True).first
        expect(button).to_have_accessible_description(expansions[name])


def test_a_tap_shows_the_expansion_readable_on_a_phone_and_a_second_tap_hides_it(phone: Any) -> None:
    buttons = phone.locator(BUTTONS)
    widths = []
    for i in range(min(buttons.count(), 25)):
        button = buttons.nth(i)
        button.scroll_into_view_if_needed()
        button.tap()
        bubble = bubble_of(phone, button)
        assert button.get_attribute("aria-expanded") == "true"
        assert bubble.is_visible() and open_bubbles(phone) == 1
        box = bubble.bounding_box()
        assert inside_viewport(phone, box), (i, box)
        widths.append(box["width"])
        size = float(bubble.evaluate("b => parseFloat(getComputedStyle(b).fontSize)"))
        assert size >= 16, size  # as large as the body text at this width
        button.tap()
        assert button.get_attribute("aria-expanded") == "false" and not bubble.is_visible()
    assert max(widths) > 200  # long expansions wrap inside the screen, not in a sliver


def test_a_tap_elsewhere_or_on_another_acronym_closes_the_bubble(phone: Any) -> None:
    first, second = phone.locator(BUTTONS).nth(0), phone.locator(BUTTONS).nth(1)
    first.tap()
    assert bubble_of(phone, first).is_visible()
    second.scroll_into_view_if_needed()
    second.tap()
    assert not bubble_of(phone, first).is_visible() and bubble_of(phone, second).is_visible()
    phone.locator("article p").first.tap()
    assert open_bubbles(phone) == 0


def test_escape_closes_the_bubble_and_keeps_the_focus(desktop: Any) -> None:
    button = desktop.locator(BUTTONS).first
    button.click()
    assert bubble_of(desktop, button).is_visible()
    desktop.keyboard.press("Escape")
    assert open_bubbles(desktop) == 0
    assert desktop.evaluate("document.activeElement.classList.contains('sigle__bouton')")


def test_keyboard_focus_shows_the_expansion_and_leaving_hides_it(desktop: Any) -> None:
    tabbable = desktop.evaluate("[...document.querySelectorAll('article .sigle__bouton')].filter(b => b.tabIndex === 0)"
                                ".map(b => b.textContent)")
    assert tabbable and len(tabbable) == len(set(tabbable))  # the first of each acronym: few stops
    for _ in range(200):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.classList.contains('sigle__bouton')"):
            break
    else:
        raise AssertionError("aucun sigle atteint au clavier")
    described = desktop.evaluate("document.activeElement.getAttribute('aria-describedby')")
    bubble = desktop.locator("#" + described)
    assert bubble.is_visible() and desktop.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    desktop.keyboard.press("Enter")  # Enter toggles
    assert not bubble.is_visible()
    desktop.keyboard.press("Enter")
    assert bubble.is_visible()
    desktop.keyboard.press("Escape")
    assert not bubble.is_visible()
    desktop.keyboard.press("Space")
    assert bubble.is_visible()
    desktop.keyboard.press("Tab")
    assert not bubble.is_visible()


def test_mouse_hover_shows_the_expansion_until_the_pointer_leaves(desktop: Any) -> None:
    button = desktop.locator(BUTTONS).first
    button.scroll_into_view_if_needed()
    button.hover()
    bubble = bubble_of(desktop, button)
    assert bubble.is_visible()
    box = bubble.bounding_box()
    desktop.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # onto the bubble: it stays
    desktop.wait_for_timeout(500)
    assert bubble.is_visible()
    desktop.mouse.move(5, 400)
    desktop.wait_for_function("() => !document.querySelector('.sigle__bulle:not([hidden])')")
    button.click()  # a click opens it for good, a second click closes it
    desktop.mouse.move(5, 400)
    desktop.wait_for_timeout(500)
    assert bubble.is_visible()
    button.click()
    assert not bubble.is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_axe_and_ibm_find_nothing_with_a_bubble_open(browser: Any, served_url: str, viewport: dict[str, int]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport, has_touch=True)
    tab = context.new_page()
    try:
        tab.goto(served_url + PAGE)
        tab.add_style_tag(content=NO_ANIMATION)
        button = tab.locator(BUTTONS).nth(2)
        button.scroll_into_view_if_needed()
        button.tap()
        assert open_bubbles(tab) == 1
        result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        assert result.violations_count == 0, result.generate_report()
        ibm = check(tab, _engine())
        assert ibm["passed"] > 20 and not ibm["failures"], ibm["failures"]
    finally:
        context.close()


def test_acronyms_work_offline_from_file_urls(browser: Any, offline_site: Path) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    try:
        tab.goto((offline_site / "guides" / "ess-et-collectivites.html").as_uri())
        button = tab.locator(BUTTONS).first
        button.tap()
        assert bubble_of(tab, button).is_visible()
        assert all(u.startswith(("file:", "data:", "blob:")) for u in requests), requests
    finally:
        context.close()
