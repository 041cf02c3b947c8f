"""Jinja rendering of the views: one environment per build, every template compiled once.

A block ends with exactly one line end, whatever its template ends with. Autoescape is on
(HTML and XML templates; a markdown template, which makes a page's source, prepares its values):
every value a template writes is escaped unless it is markup made by one of the filters below,
which escape what they are given themselves. A template found in one of ``override_dirs``
(``overrides/guide_ess/``) replaces ours.

Filters, for the templates:

- ``text``: French spacing, escaping, acronyms in ``<abbr>``; ``plain``: the same without acronyms;
- ``a``: one :class:`Link`, rendered by ``_link.html`` once per build (a large site repeats the
  same links, to a region, a lever, a source, on thousands of pages); ``a_list``: several links,
  separated by commas; ``parts``: a table cell, links and texts separated by commas;
- ``permalink``: the permalink of a generated heading (``_permalink.html``), given its id;
- ``review_line``: « À jour au … » (``_review.html``), once per distinct date of a build;
- ``xml``: the text of an XML element.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Mapping, Sequence, Union
from xml.sax.saxutils import escape as xml_escape

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from ..text.abbreviations import Abbreviations
from ..text.typography import french_spacing_text
from .model import NBSP, Block, Link

TEMPLATES = Path(__file__).resolve().parent / "templates"
NNBSP = "\u202f"  # before « ; »


class Permalink:
    """The permalink that generated headings carry, as Python-Markdown's toc extension writes it."""

    def __init__(self, symbol: str = "", title: str = "") -> None:
        self.symbol = Markup(symbol)  # HTML (« &para; »)
        self.title = title  # plain text


class Renderer:
    """Renders :class:`Block` values to HTML."""

    def __init__(self, abbreviations: Abbreviations | None = None, override_dirs: Sequence[Path] = (),
                 permalink: Permalink | None = None) -> None:
        loaders = [FileSystemLoader(str(d)) for d in override_dirs if d.is_dir()]
        self.environment = Environment(
            loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
            autoescape=select_autoescape(("html", "xml"), disabled_extensions=("md",), default=True),
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            undefined=StrictUndefined, auto_reload=False, cache_size=-1)
        self._abbreviations = abbreviations
        self._texts: dict[str, Markup] = {}
        self._plain: dict[str, Markup] = {}
        self._links: dict[Link, Markup] = {}
        self._templates: dict[str, Template] = {}
        self._permalinks: dict[str, Markup] = {}
        self._reviews: dict[Any, Markup] = {}
        self.environment.filters.update(text=self.text, plain=self.plain, a=self.link, a_list=self.links,
                                        parts=self.parts, permalink=self.permalink, review_line=self.review_line,
                                        xml=lambda value: Markup(xml_escape(str(value))))
        self.environment.tests["link"] = lambda value: isinstance(value, Link)
        self.environment.globals.update(nbsp=NBSP, nnbsp=NNBSP, permalink=permalink or Permalink())
        self._globals = dict(self.environment.globals)  # every template's globals, for _render
        self._link_template = self.template("_link.html")
        self._permalink_template = self.template("_permalink.html")

    def template(self, name: str) -> Template:
        found = self._templates.get(name)
        if found is None:
            found = self._templates[name] = self.environment.get_template(name)
        return found

    def _render(self, template: Template, data: Mapping[str, Any]) -> str:
        """``template.render(data)``, its context made of the globals and ``data`` in one dictionary: Jinja's
        own ``render`` merges them anew on every call (a large site renders blocks and links hundreds of
        thousands of times; this is twice as fast). The context is made directly: ``template.new_context``
        also copies the names of the template's globals (a ChainMap, slow to list), which only a template
        imported as a module (``{% import %}`` of its exported names) reads."""
        context = self.environment.context_class(self.environment, {**self._globals, **data}, template.name,
                                                 template.blocks)
        try:
            return self.environment.concat(template.root_render_func(context))
        except Exception:
            return self.environment.handle_exception()

    def text(self, value: Any) -> Markup:
        """Text with French spacing, escaped, its acronyms in <abbr> (once per distinct text)."""
        value = value if type(value) is str else str(value)
        done = self._texts.get(value)
        if done is None:
            escaped = html.escape(french_spacing_text(value), quote=False)
            done = self._texts[value] = Markup(self._abbreviations.wrap(escaped) if self._abbreviations else escaped)
        return done

    def plain(self, value: Any) -> Markup:
        """Text with French spacing, escaped, acronyms left as they are."""
        value = value if type(value) is str else str(value)
        done = self._plain.get(value)
        if done is None:
            done = self._plain[value] = Markup(html.escape(french_spacing_text(value), quote=False))
        return done

    def link(self, link: Link) -> Markup:
        """The HTML of one link, rendered by ``_link.html`` the first time it is met."""
        done = self._links.get(link)
        if done is None:
            done = self._links[link] = Markup(self._render(self._link_template, {"link": link}).strip())
        return done

    def permalink(self, anchor: str) -> Markup:
        """The permalink of the heading ``anchor`` (``_permalink.html``), once per distinct anchor."""
        done = self._permalinks.get(anchor)
        if done is None:
            done = self._permalinks[anchor] = Markup(self._render(self._permalink_template, {"anchor": anchor}).strip())
        return done

    def review_line(self, review: Any) -> Markup:
        """« À jour au … » for ``review`` (a hashable value with ``iso`` and ``shown``), rendered by
        ``_review.html`` once per distinct date: thousands of case studies share a few dates, and an
        include makes a new template context on every page."""
        done = self._reviews.get(review)
        if done is None:
            done = self._reviews[review] = Markup(self._render(self.template("_review.html"), {"review": review}).rstrip("\n"))
        return done

    def links(self, links: Sequence[Link]) -> Markup:
        """The HTML of several links, separated by commas (each is markup already: joined as text, not
        escaped once more one by one, as ``Markup.join`` would)."""
        return Markup(", ".join([self.link(link) for link in links]))

    def parts(self, cell: Sequence[Union[Link, str]]) -> Markup:
        """A table cell: links and texts (markup, both), separated by commas."""
        return Markup(", ".join([self.link(p) if type(p) is Link else self.text(p) for p in cell]))

    def render(self, block: Block | None) -> str:
        """The HTML of ``block``, ending with one line end ('' for no block or an empty one)."""
        if block is None:
            return ""
        out = self._render(self.template(block.template), block.data).rstrip("\n")
        return out + "\n" if out else ""
