"""hooks/engine/theme_markup.py: Material 9.8.2's hard-coded markup, made valid and accessible."""
from __future__ import annotations

from pathlib import Path

from engine.theme_markup import (decorative_icons, drop_toggle_autocomplete, numbered_code_blocks, overlay_without_label,
                                 theme_markup)

MATERIAL = Path(__import__("material").__file__).parent / "templates"

# What Material 9.8.2's base.html writes (checked against the installed theme below).
BASE_TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
    '<label class="md-overlay" for="__drawer"></label>\n'
)
ICON = '<a class="md-content__button md-icon" title="Modifier"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0"/></svg></a>'


def test_the_markup_looked_for_is_materials() -> None:
    """If Material changes these lines, the rewrites below would silently stop: fail here first."""
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    for line in BASE_TOGGLES.splitlines():
        assert line in base, line
    icon = (MATERIAL / ".icons" / "material" / "menu.svg").read_text(encoding="utf-8")
    assert icon.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'), icon[:80]


def test_checkboxes_lose_autocomplete_and_get_a_name_keeping_what_drives_them() -> None:
    out = drop_toggle_autocomplete(BASE_TOGGLES)
    assert "autocomplete" not in out
    assert ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" aria-label="Menu du site">'
            in out)
    assert '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" aria-label="Recherche">' in out
    text_field = '<input type="text" name="q" autocomplete="off">'
    assert drop_toggle_autocomplete(text_field) == text_field


def test_overlay_becomes_a_hidden_div_that_still_closes_the_drawer() -> None:
    out = overlay_without_label(BASE_TOGGLES)
    assert "<label" not in out
    assert '<div class="md-overlay" data-guide-close aria-hidden="true"></div>' in out


def test_icons_are_decorative_other_svgs_untouched() -> None:
    out = decorative_icons(ICON + ICON)
    assert out.count('aria-hidden="true" focusable="false"') == 2
    map_svg = '<svg xmlns="http://www.w3.org/2000/svg" class="carte-france" viewBox="0 0 600 630" aria-labelledby="t">'
    assert decorative_icons(map_svg) == map_svg


def test_whole_page_and_idempotence() -> None:
    page = "<body>" + BASE_TOGGLES + ICON + "</body>"
    once = theme_markup(page)
    assert theme_markup(once) == once
    assert "autocomplete" not in once and "<label" not in once and 'aria-hidden="true" focusable' in once


def test_unknown_markup_is_left_alone() -> None:
    page = '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'  # not Material's order
    assert theme_markup(page) == page


def test_each_code_block_gets_its_own_id_once() -> None:
    page = ('<article id="contenu"><div class="highlight"><pre><span></span><code>a</code></pre></div>'
            '<pre class="x"><code>b</code></pre><pre id="deja"><code>c</code></pre><p>pre</p><prefix></article>')
    out = numbered_code_blocks(page)
    assert out.count('<pre id="bloc-code-1">') == 1 and '<pre id="bloc-code-2" class="x">' in out
    assert '<pre id="deja">' in out and "<prefix>" in out and "bloc-code-3" not in out
    assert numbered_code_blocks(out) == out and theme_markup(out) == out
