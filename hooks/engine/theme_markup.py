"""Valid, accessible markup for what Material for MkDocs 9.8.2 hard-codes outside its partials.

Material writes these pieces of every page itself, in ``base.html`` or in the icon files its
partials include, so no template override can reach them; this module rewrites them in the
finished HTML (called once per page from ``on_post_page``). Each change is exact: the markup it
looks for is Material 9.8.2's, byte for byte, and a page without it is left as it is (the
W3C checker test in ``tests/test_valid_html.py`` then says what a Material upgrade broke).

1. ``<input class="md-toggle" … type="checkbox" id="__drawer" autocomplete="off">`` and the same
   for ``__search``: ``autocomplete`` is not allowed on a checkbox (W3C Nu checker error, RGAA
   8.2). Material sets it so that Firefox does not restore a checked box when a page is reloaded
   or reached with « Précédent »; ``overrides/main.html`` unchecks both boxes on page show instead.
   Each box also gets a name (``aria-label``, :data:`TOGGLE_NAMES`): it is ``display: none``, so no
   reader meets it, but a checker that reads the markup (HTML_CodeSniffer: H91, F68) flags a form
   control without one. The box keeps its id, class and ``data-md-toggle``: Material's script and
   CSS (``:checked ~``) drive the drawer and the search through it as before.
2. ``<label class="md-overlay" for="__drawer"></label>``, the dark layer behind the open drawer:
   an empty label for a hidden checkbox has no name and no control for assistive technologies
   (IBM engine: ``label_content_exists``, ``label_ref_valid``). It becomes a ``<div>`` hidden
   from them; a click on it still closes the drawer (``data-guide-close``, script in main.html).
3. Material's icons (``<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">``) sit in
   links and buttons that carry their own name; the SVG itself has none (IBM engine:
   ``svg_graphics_labelled``). They get ``aria-hidden="true" focusable="false"``: decorative.
4. Material's script gives each code block (``<pre>``) the id ``__code_`` + the id of its closest
   element that has one, itself included. On this site that element is the article
   (``id="contenu"``, the skip link's target, ``overrides/main.html``): every code block of a page
   would get the same id, ``__code_contenu`` (HTML_CodeSniffer F77, duplicate id). Each ``<pre>``
   without an id gets its own, ``bloc-code-1``, ``bloc-code-2``… in page order, so the script
   makes ``__code_bloc-code-1``… and its copy button still finds its block.

Pure functions on strings: no MkDocs import.
"""
from __future__ import annotations

import itertools
import re

TOGGLES = ("drawer", "search")
TOGGLE_NAMES = {"drawer": "Menu du site", "search": "Recherche"}  # the names of the hidden boxes

_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
_DECORATIVE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'

_OVERLAY = '<label class="md-overlay" for="__drawer"></label>'
_OVERLAY_DIV = '<div class="md-overlay" data-guide-close aria-hidden="true"></div>'


def _toggle(name: str, autocomplete: bool) -> str:
    attribute = ' autocomplete="off"' if autocomplete else f' aria-label="{TOGGLE_NAMES[name]}"'
    return f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"{attribute}>'


def drop_toggle_autocomplete(html: str) -> str:
    """Material's drawer and search checkboxes: ``autocomplete="off"`` removed, a name given."""
    for name in TOGGLES:
        html = html.replace(_toggle(name, True), _toggle(name, False), 1)
    return html


def overlay_without_label(html: str) -> str:
    """Material's drawer overlay ``<label>`` becomes a ``<div>`` hidden from assistive technologies."""
    return html.replace(_OVERLAY, _OVERLAY_DIV, 1)


def decorative_icons(html: str) -> str:
    """Hide Material's icons (always inside a named link or button) from assistive technologies."""
    return html.replace(_ICON, _DECORATIVE_ICON)


_PRE = re.compile(r"<pre(?=[\s>])(?![^>]*\sid=)")


def numbered_code_blocks(html: str) -> str:
    """Give each ``<pre>`` without an id its own (``bloc-code-N``), for Material's code block ids."""
    if "<pre" not in html:
        return html
    count = itertools.count(1)
    return _PRE.sub(lambda _: f'<pre id="bloc-code-{next(count)}"', html)


def theme_markup(html: str) -> str:
    """All of the above, for one finished page."""
    return numbered_code_blocks(decorative_icons(overlay_without_label(drop_toggle_autocomplete(html))))
