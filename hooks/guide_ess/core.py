"""The core's public face: one call builds everything a site engine needs from the content.

:func:`build_site` takes the pages (path relative to docs/, raw bytes), the data files
(``docs/.vocabulaires.yml``, ``docs/.glossaire.yml``), the git dates and the
:class:`Settings`, and returns a :class:`Built`: the content problems, the pages the
site generates (facets, printable page: the registry's page families), the rendered
blocks of each page, the extra files (the Atom feed), and every page the generated
blocks link to. An engine (``hooks/engine/`` for MkDocs or ProperDocs) maps its own
objects to this call and back, and imports nothing else of the core: the names it
needs are re-exported here.

Two lists make the pipeline's extension points, one line each:

- :data:`EXTRA_FILES`: files written beside the pages (the feed, the open data and the
  template spreadsheets): their paths under the site's root and their producer (path →
  text or bytes), handed to the engine with the generated pages, so that its link checks
  know them. A producer runs when the engine first asks for one of its files' content:
  a dirty build (``./run.sh serve``) that keeps the files it wrote before never runs it;
- :data:`PAGE_CHECKS`: a check of each page's generated blocks, once every page is known.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from . import kinds
from .content import policy
from .content.frontmatter import Parsed
from .content.glossary import GLOSSARY_FILE
from .content.history import Dates, page_dates
from .content.problems import Problem
from .content.review import stale_pages
from .content.vocabulary import VOCABULARY_FILE
from .data import opendata
from .links.graph import build_graph
from .text import publication
from .text.abbreviations import Abbreviations
from .text.typography import french_spacing, french_spacing_text
from .views import feed
from .views.model import Blocks, Site, link_targets
from .views.news import FEED_FILE
from .views.renderer import Permalink, Renderer

__all__ = ["DATA_FILES", "EXTRA_FILES", "PAGE_CHECKS", "Built", "ExtraFiles", "Dates", "Parsed", "Permalink", "Problem", "Settings",
           "build_site", "french_spacing", "french_spacing_text", "page_dates", "policy"]

DATA_FILES = (VOCABULARY_FILE, GLOSSARY_FILE)  # under docs/: what build_site reads besides the pages


@dataclass(frozen=True)
class Settings:
    """What the engine knows that the content does not say."""

    directory_urls: bool = True  # « guides/x/ » (True) or « guides/x.html » (False): how addresses are made
    site_name: str = ""
    site_url: str = "http://127.0.0.1:8000/"
    repo_url: str = ""
    publisher: str = ""  # the publisher's identity for the legal pages (mkdocs.yml extra.editeur)
    data_licence: str = ""  # the open data's licence, as the publisher sets it (mkdocs.yml extra.licence_donnees)
    override_dirs: Sequence[Path] = ()  # folders whose templates replace the core's
    permalink: Permalink = field(default_factory=Permalink)  # the permalink written headings get
    menu_orders: Mapping[str, Sequence[str]] = field(default_factory=lambda: MappingProxyType({}))  # folder -> ids


class RenderedBlocks(Mapping[str, "tuple[str, str]"]):
    """Each page's generated blocks as HTML (before and after its text), rendered when the engine writes
    the page: nothing holds the HTML of 10,000 pages' blocks at once, and a dirty build (``./run.sh
    serve``) renders only the blocks of the pages it writes again. The blocks themselves (the prepared
    data, which the link checks read) are made by :func:`build_site`, for every page, or in a dirty
    build for the pages it writes again; another page's blocks are prepared when asked for."""

    def __init__(self, site: Site | None = None, renderer: Renderer | None = None,
                 prepared: Mapping[str, Blocks] | None = None, unprepared: Iterable[str] = ()) -> None:
        self._site, self._renderer = site, renderer
        # path -> its blocks; None: a known page whose blocks were not prepared yet (dirty build)
        self._blocks: dict[str, Blocks | None] = {**dict.fromkeys(unprepared), **(prepared or {})}

    def _prepared(self, path: object) -> Blocks | None:
        """The blocks of the page at ``path``, prepared now if they were not; None if it has none."""
        if not isinstance(path, str) or path not in self._blocks:
            return None
        found = self._blocks[path]
        if found is None and self._site is not None:
            found = self._blocks[path] = kinds.blocks_of(self._site, path)
        return found if found is not None and (found.before is not None or found.after is not None) else None

    def __getitem__(self, path: str) -> tuple[str, str]:
        blocks = self._prepared(path)
        if blocks is None or self._renderer is None:
            raise KeyError(path)
        return self._renderer.render(blocks.before), self._renderer.render(blocks.after)

    def __contains__(self, path: object) -> bool:
        return self._prepared(path) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([path for path in list(self._blocks) if self._prepared(path) is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def pop(self, path: str, default: tuple[str, str]) -> tuple[str, str]:
        """The page's blocks, rendered, and let go (a page is written once per build)."""
        try:
            rendered = self[path]
        except KeyError:
            return default
        del self._blocks[path]
        return rendered


@dataclass
class Built:
    """Everything one build needs from the core; ``site`` is None when the content has problems."""

    problems: list[Problem]
    site: Site | None = None
    warnings: list[Problem] = field(default_factory=list)  # not errors: the pages to review (content/review.py)
    front_matter: Mapping[str, Parsed] = field(default_factory=dict)  # path -> meta and body, as read
    generated: dict[str, str] = field(default_factory=dict)  # path -> markdown source of each generated page
    blocks: RenderedBlocks = field(default_factory=RenderedBlocks)  # path -> HTML before and after its text
    extra_files: Mapping[str, str | bytes] = field(default_factory=dict)  # path under the site root -> content (ExtraContents)
    link_targets: set[str] = field(default_factory=set)  # pages (relative to docs/) generated blocks link to
    settings: Settings = field(default_factory=Settings)
    abbreviations: Abbreviations | None = None

    def page_markdown(self, markdown: str) -> str:
        """A page's markdown, the publication settings written in."""
        return publication.fill_settings(markdown, self.settings.publisher, self.settings.repo_url,
                                         self.settings.data_licence)

    def take_body(self, path: str) -> str | None:
        """The text of the page at ``path`` after its front matter (None: not a page the core read), handed
        to the engine once, when it reads the page, and let go: at 10,000 case studies the bodies are tens of
        megabytes the build would hold until its end. What the core makes of them was made before: the
        printable guides by :func:`build_site`, the open data when the engine first asked for the extra
        files (asked for after a body is taken, they stop the build: :meth:`ExtraContents.close`)."""
        found = self.front_matter.get(path)
        if found is None:
            return None
        if isinstance(self.extra_files, ExtraContents):
            self.extra_files.close()
        body, found.body = found.body, ""
        return body

    def page_html(self, html: str) -> str:
        """A page's own HTML with French spacing and its acronyms in <abbr> (generated blocks have both)."""
        spaced = french_spacing(html)
        return self.abbreviations.wrap_page(spaced) if self.abbreviations is not None else spaced


Producer = Callable[[Site, Settings, Renderer], Mapping[str, "str | bytes"]]


@dataclass(frozen=True)
class ExtraFiles:
    """Files written beside the pages: their paths under the site's root, and what makes their content."""

    paths: tuple[str, ...]
    produce: Producer


class ExtraContents(Mapping[str, "str | bytes"]):
    """The content of every extra file, each producer run when one of its files is first asked for. Each
    content is handed out once and let go (asked for again, it is made again): the engine writes it, and
    the build does not hold the open data of thousands of case studies until its end."""

    def __init__(self, extras: Sequence[ExtraFiles], site: Site, settings: Settings, renderer: Renderer) -> None:
        self._by_path = {path: extra for extra in extras for path in extra.paths}
        self._made: dict[str, str | bytes] = {}
        self._context = (site, settings, renderer)
        self._closed = False

    def close(self) -> None:
        """No content is made any more: the pages' bodies, which the open data is made of, are let go."""
        self._closed = True

    def __getitem__(self, path: str) -> str | bytes:
        if path not in self._made:
            if self._closed:
                raise RuntimeError(f"guide_ess : le contenu de {path} est demandé après la lecture des pages ; "
                                   "le moteur doit le demander avant (à on_files).")
            extra = self._by_path[path]
            made = dict(extra.produce(*self._context))
            if set(made) != set(extra.paths):
                raise ValueError(f"guide_ess : le producteur de {', '.join(extra.paths)} a écrit {', '.join(sorted(made))}.")
            self._made.update(made)
        return self._made.pop(path)

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_path)

    def __len__(self) -> int:
        return len(self._by_path)


PageCheck = Callable[[Site, str, Blocks, Sequence[str], frozenset[str]], list[Problem]]


def feed_file(site: Site, settings: Settings, renderer: Renderer) -> dict[str, str | bytes]:
    """The Atom feed of recent changes (``feed.xml``), with the pages' absolute addresses."""
    block = feed.site_feed(site, settings.site_name, settings.site_url or "http://127.0.0.1:8000/", site.url)
    return {FEED_FILE: renderer.render(block)}


DEAD_LINK = ("le bloc généré par le site sur cette page ({}) contient un lien vers docs/{}, une page qui n'existe "
             "pas : rétablissez cette page, ou retirez ce qui y mène (la valeur de vocabulaire, la liste « index: »).")


def dead_links(site: Site, path: str, blocks: Blocks, targets: Sequence[str], pages: frozenset[str]) -> list[Problem]:
    """A link of a generated block (``targets``: the pages it links to) to a page neither written nor generated."""
    dead = sorted({target for target in targets if target not in pages})
    if not dead:
        return []
    templates = ", ".join(b.template for b in (blocks.before, blocks.after) if b is not None)
    line = site.corpus.line_of(path, "index") or 1
    return [Problem(f"docs/{path}", "", DEAD_LINK.format(templates, target), line) for target in dead]


def open_data_files(site: Site, settings: Settings, renderer: Renderer) -> dict[str, str | bytes]:
    """The case studies as open data (``donnees/``: CSV, JSON, Table Schema) and the import's template spreadsheets."""
    return dict(opendata.site_files(site.corpus, site.url, settings.site_url, settings.data_licence))


EXTRA_FILES: tuple[ExtraFiles, ...] = (ExtraFiles((FEED_FILE,), feed_file), ExtraFiles(opendata.FILES, open_data_files))
PAGE_CHECKS: tuple[PageCheck, ...] = (dead_links,)


def build_site(pages: Iterable[tuple[str, bytes]], data_files: Mapping[str, str], dates: Mapping[str, Dates],
               settings: Settings, written: Callable[[str], bool] | None = None) -> Built:
    """Read and check every page, generate the pages and blocks the site adds, and check their links.

    ``data_files``: the text of each of :data:`DATA_FILES`. ``dates``: git dates by path relative to docs/.
    ``written``: in a dirty build (``./run.sh serve``), whether the page at a path is written again: only
    those pages' text is checked again (content policy) and their blocks prepared and their links checked;
    every front matter is read and checked (None: every page, a full build)."""
    pages = list(pages)
    corpus = kinds.load(pages, data_files[VOCABULARY_FILE], data_files[GLOSSARY_FILE], written)
    warnings = stale_pages(corpus)
    if corpus.problems:
        return Built(list(corpus.problems), warnings=warnings, front_matter=corpus.front_matter, settings=settings)
    abbreviations = Abbreviations(corpus.glossary)
    site = Site(corpus, build_graph(corpus), settings.directory_urls, dates, settings.repo_url, settings.menu_orders)
    renderer = Renderer(abbreviations, settings.override_dirs, settings.permalink)
    built = Built([], site, warnings, corpus.front_matter, settings=settings, abbreviations=abbreviations)
    for family in kinds.PAGE_FAMILIES:
        for path in family.paths(site):
            source = family.source(site, path)
            built.generated[path] = source if isinstance(source, str) else renderer.render(source)
    known = frozenset([*(path for path, _ in pages), *built.generated])
    prepared: dict[str, Blocks] = {}
    unprepared: list[str] = []
    for path in sorted(known):
        if written is not None and not written(path):
            unprepared.append(path)
            continue
        blocks = kinds.blocks_of(site, path)
        targets = link_targets(blocks)
        for check in PAGE_CHECKS:
            built.problems.extend(check(site, path, blocks, targets, known))
        built.link_targets.update(targets)
        if blocks.before is not None or blocks.after is not None:
            prepared[path] = blocks
    built.blocks = RenderedBlocks(site, renderer, prepared, unprepared)
    built.extra_files = ExtraContents(EXTRA_FILES, site, settings, renderer)
    return built
