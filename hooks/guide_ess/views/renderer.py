"""Jinja rendering of the views: one environment per build, every template compiled once.

A block ends with exactly one line end, whatever its template ends with. Autoescape is on
(HTML and XML templates; a markdown template, which makes a page's source, prepares its values): every value a template writes is escaped unless it is markup
made by the ``text`` and ``plain`` filters, which escape it themselves. A template
found in one of ``override_dirs`` (``overrides/guide_ess/``) replaces ours.
"""
from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence
from xml.sax.saxutils import escape as xml_escape

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..text.abbreviations import Abbreviations
from ..text.typography import french_spacing_text
from .model import NBSP, Block, Link

TEMPLATES = Path(__file__).resolve().parent / "templates"
NNBSP = "\u202f"  # before « ; »


@lru_cache(maxsize=65536)
def _text(value: str, abbreviations: Abbreviations | None) -> Markup:
    escaped = html.escape(french_spacing_text(value), quote=False)
    return Markup(abbreviations.wrap(escaped) if abbreviations else escaped)


class Renderer:
    """Renders :class:`Block` values to HTML.

    Templates write a link as ``{{ link | a }}`` and a list of links as ``{{ links | a_list }}``:
    the link template (``_link.html``) renders each distinct link once per build; a large site
    repeats the same links (to a region, a lever, a source) on thousands of pages.
    """

    def __init__(self, abbreviations: Abbreviations | None = None, override_dirs: Sequence[Path] = ()) -> None:
        loaders = [FileSystemLoader(str(d)) for d in override_dirs if d.is_dir()]
        self.environment = Environment(
            loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
            autoescape=select_autoescape(("html", "xml"), disabled_extensions=("md",), default=True), trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            undefined=StrictUndefined, auto_reload=False, cache_size=-1)
        self.environment.filters["text"] = lambda value: _text(str(value), abbreviations)
        self.environment.filters["plain"] = lambda value: _text(str(value), None)
        self.environment.filters["xml"] = lambda value: Markup(xml_escape(str(value)))  # text of an XML element
        self.environment.tests["link"] = lambda value: isinstance(value, Link)
        self.environment.globals.update(nbsp=NBSP, nnbsp=NNBSP)
        self._links: dict[Link, Markup] = {}
        self._link_template = self.environment.get_template("_link.html")
        self.environment.filters["a"] = self.link
        self.environment.filters["a_list"] = self.links

    def link(self, link: Link) -> Markup:
        """The HTML of one link, rendered by ``_link.html`` the first time it is met."""
        html = self._links.get(link)
        if html is None:
            html = self._links[link] = Markup(self._link_template.render(link=link).strip())
        return html

    def links(self, links: Sequence[Link], separator: str = ", ") -> Markup:
        """The HTML of several links, separated by ``separator`` (plain text, escaped)."""
        return Markup(escape(separator)).join(self.link(link) for link in links)

    def render(self, block: Block | None) -> str:
        """The HTML of ``block``, ending with one line end ('' for no block or an empty one)."""
        if block is None:
            return ""
        out = self.environment.get_template(block.template).render(block.data).rstrip("\n")
        return out + "\n" if out else ""

    def render_template(self, name: str, data: dict[str, Any]) -> str:
        return self.environment.get_template(name).render(data)
