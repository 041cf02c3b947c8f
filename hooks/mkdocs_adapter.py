"""MkDocs hooks: the thin adapter between MkDocs and the ``guide_ess`` core.

Each event only delegates: the checks and the link graph live in ``guide_ess``.
"""
from __future__ import annotations

import html
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from guide_ess import blocks, feed, map_page, news, overview, printable, render
from guide_ess.corpus import Corpus, load_corpus
from guide_ess.glossary import GLOSSARY_FILE, Abbreviations
from guide_ess.graph import LinkGraph, build_graph
from guide_ess.history import Dates, page_dates
from guide_ess.problems import Problem
from guide_ess.search_index import fold_search_index
from guide_ess.typography import french_spacing, french_spacing_text
from guide_ess.vocabulary import VOCABULARY_FILE
from publication import fill_settings
from theme_markup import theme_markup

log = logging.getLogger("mkdocs.hooks.guide_ess")
FEED_FILE = "feed.xml"
_HREF = re.compile(r'<a\s[^>]*?href="([^"#?]*)[^"]*"', re.IGNORECASE)


@dataclass
class _State:
    """Everything the hooks keep between events of one build."""

    corpus: Corpus | None = None
    graph: LinkGraph | None = None
    abbreviations: Abbreviations | None = None
    html: render.Html = field(default_factory=render.Html)
    dates: dict[str, Dates] = field(default_factory=dict)
    in_nav: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)  # pages (site paths) linked to from the pages' own text
    facet_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (facet, value)
    pending: dict[str, blocks.RealPage] = field(default_factory=dict)  # the real pages, back after the search plugin
    permalink: tuple[str, str] = ("", "")  # the toc extension's permalink symbol and title
    feed: str = ""


_state = _State()


OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"


@event_priority(100)  # before the offline plugin, which would add the shim from unpkg.com
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start each build afresh (hooks load once per process: ``mkdocs serve``, tests), and give
    the offline build the vendored iframe-worker shim its search needs under file://."""
    global _state
    _state = _State()
    toc = config.mdx_configs.get("toc", {})
    symbol = toc.get("permalink", False)
    _state.permalink = ("&para;" if symbol is True else str(symbol or ""),
                        html.escape(str(toc.get("permalink_title", "Permanent link")), quote=True))
    offline = config.plugins.get("material/offline")
    if offline is not None and getattr(offline, "config", {}).get("enabled"):
        polyfills = list(config.extra.get("polyfills", []))
        if OFFLINE_SHIM not in polyfills:
            config.extra["polyfills"] = [*polyfills, OFFLINE_SHIM]
    return config


def _read_data_file(docs_dir: Path, name: str) -> str:
    path = docs_dir / name
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PluginError(f"docs/{name} : fichier introuvable ; il est nécessaire à la construction du site.") from None
    except UnicodeDecodeError:
        raise PluginError(f"docs/{name} : le fichier n'est pas enregistré en UTF-8.") from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read and check every page's front matter, then add the generated listing pages."""
    docs_dir = Path(config.docs_dir)
    pages = [(f.src_uri, Path(f.abs_src_path).read_bytes())
             for f in files.documentation_pages() if f.abs_src_path]
    corpus = load_corpus(pages, _read_data_file(docs_dir, VOCABULARY_FILE), _read_data_file(docs_dir, GLOSSARY_FILE))
    _stop_on(corpus.problems)
    graph = build_graph(corpus)
    _state.corpus, _state.graph = corpus, graph
    _state.abbreviations = Abbreviations(corpus.glossary)
    _state.html = render.Html(config.use_directory_urls, _state.abbreviations)
    _state.dates = page_dates(Path(config.config_file_path).parent, docs_dir)
    for facet, value in render.facet_pages_needed(graph):
        path = render.facet_path(facet, value)
        files.append(File.generated(config, path, content=render.facet_page_markdown(corpus, graph, facet, value)))
        _state.facet_pages[path] = (facet, value)
    if corpus.guides:
        bodies = {g.path: corpus.front_matter[g.path].body for g in corpus.guides.values()}
        files.append(File.generated(config, printable.PRINTABLE_PATH, content=printable.printable_guides(
            corpus, bodies, _guides_order(docs_dir))))
    return files


def _guides_order(docs_dir: Path) -> list[str]:
    """The guides in the order of their menu (docs/guides/.pages), for the printable page."""
    try:
        entries = yaml.safe_load((docs_dir / "guides" / ".pages").read_text(encoding="utf-8")).get("nav", [])
    except (OSError, AttributeError, yaml.YAMLError):
        return []
    return [posixpath.splitext(e)[0] for e in entries if isinstance(e, str) and e.endswith(".md")]


def _stop_on(problems: list[Problem]) -> None:
    if not problems:
        return
    unique = sorted(set(problems))
    for problem in unique:
        log.error(str(problem))
    raise PluginError(f"{len(unique)} erreur(s) dans le contenu : corrigez chaque ligne ci-dessus "
                      "(voir CONTRIBUTING.md), puis relancez la construction.")


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _state.in_nav = {page.file.src_uri for page in nav.pages}
    return nav


# An empty front matter: MkDocs finds no field in it, and does not read the first lines of the
# text as MultiMarkdown fields either (« Contexte: … » would vanish into page.meta).
_NO_FIELDS = "---\n{}\n---\n"


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The page's text without its front matter, which on_files has read and checked already:
    MkDocs would parse every front matter a second time."""
    assert _state.corpus is not None
    parsed = _state.corpus.front_matter.get(page.file.src_uri)
    return None if parsed is None else _NO_FIELDS + parsed.body


@event_priority(100)  # page.meta before any other plugin reads it
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _state.corpus is not None
    parsed = _state.corpus.front_matter.get(page.file.src_uri)
    if parsed is not None:
        page.meta = dict(parsed.meta)
    _escape_meta(page)
    return fill_settings(markdown, str(config.extra.get("editeur") or ""), config.repo_url or "")  # legal pages


def _blocks(page: Page) -> tuple[str, str]:
    """The generated HTML that goes before and after the page's own HTML."""
    corpus, graph, h = _state.corpus, _state.graph, _state.html
    assert corpus is not None and graph is not None
    path = page.file.src_uri
    kind = path.partition("/")[0]
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if path in corpus.index_pages:
        return "", _index_html(h, corpus, graph, corpus.index_pages[path], page.file)
    if kind == "experiences" and stem in corpus.cases:
        case = corpus.cases[stem]
        return render.case_header(h, corpus, case), render.case_footer(h, corpus, graph, case)
    if kind == "guides" and stem in corpus.guides:
        return "", render.guide_footer(h, corpus, graph, corpus.guides[stem])
    if kind == "sources" and stem in corpus.sources:
        source = corpus.sources[stem]
        return render.source_header(h, corpus, source), render.source_footer(h, corpus, graph, source)
    if path in _state.facet_pages:
        return "", render.facet_page(h, corpus, graph, *_state.facet_pages[path])
    return "", ""


def _index_html(h: render.Html, corpus: Corpus, graph: LinkGraph, kind: str, file: File) -> str:
    """The generated content of a hand-written index page, by its ``index:`` kind."""
    path = file.src_uri
    here = posixpath.dirname(file.dest_uri) or "."
    if kind == "carte":
        return map_page.map_page(h, corpus, graph, path, posixpath.relpath("assets/javascripts/carte.js", here))
    if kind == "panorama":
        return (render.heading("Thèmes de chaque expérience", "themes-de-chaque-experience")
                + overview.theme_matrix(h, corpus, path)
                + render.heading("Leviers utilisés à chaque échelon", "leviers-utilises-a-chaque-echelon")
                + overview.lever_level_matrix(h, corpus, path))
    if kind == "nouveautes":
        feed_href = posixpath.relpath(FEED_FILE, here)
        return (news.news_list(h, news.recent_changes(corpus, _state.dates), path)
                + f'\n<p><a href="{feed_href}" type="application/atom+xml">S\'abonner au flux Atom des nouveautés</a></p>\n')
    return render.index_content(h, corpus, graph, kind, path)


def _escape_meta(page: Page) -> None:
    """Titles and descriptions reach <title>, <meta> and the nav unescaped: space and escape them once here."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(french_spacing_text(value), quote=True)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """French spacing on the page's own HTML, and the generated blocks around it; the search plugin
    reads a light copy of the whole (guide_ess.blocks), replaced by the real page in on_page_context."""
    html = french_spacing(html)  # generated blocks are spaced already (render.Html.text)
    _space_toc(page.toc)
    before, after = _blocks(page)
    if before or after:
        taken = page.present_anchor_ids if page.present_anchor_ids is not None else set()
        before, entries_before = blocks.place_headings(before, taken, *_state.permalink)
        after, entries_after = blocks.place_headings(after, taken, *_state.permalink)
        page.present_anchor_ids = taken
        _add_to_toc(page, entries_before, entries_after)
    _note_links(page, html)  # the blocks' links are in _state.html.targets
    light, _state.pending[page.file.src_uri] = blocks.for_search(before, html, after)
    return light


@event_priority(-50)  # after the search plugin (priority 0) has indexed the page
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    """The real page back, its own text's acronyms in <abbr> (the index needs only their text;
    the generated blocks have theirs already)."""
    assert _state.abbreviations is not None
    real = _state.pending.pop(page.file.src_uri, None)
    if real is not None and page.content is not None:
        page.content = blocks.restore(page.content, real, _state.abbreviations.wrap_page)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return theme_markup(output)  # valid markup where Material hard-codes it (hooks/theme_markup.py)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return theme_markup(output_content) if template_name.endswith(".html") else output_content  # 404.html


def _add_to_toc(page: Page, first: list[blocks.TocEntry], last: list[blocks.TocEntry]) -> None:
    """Headings of the block before the text open the table of contents; the others are nested
    after its last entry, as the toc extension nests markdown headings."""
    items = page.toc.items
    items[0:0] = [AnchorLink(e.title, e.anchor, e.level) for e in first]
    for entry in last:
        siblings = items
        while siblings and siblings[-1].level < entry.level:
            siblings = siblings[-1].children
        siblings.append(AnchorLink(entry.title, entry.anchor, entry.level))


def _note_links(page: Page, html: str) -> None:
    """Every internal page the HTML links to, for the orphan check."""
    base = posixpath.dirname(page.file.dest_uri)
    for href in set(_HREF.findall(html)):
        if not href or "://" in href or href.startswith(("mailto:", "/")):
            continue
        target = posixpath.normpath(posixpath.join(base, href))
        if href.endswith("/") or target == ".":
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
        _state.linked.add(target)


def _space_toc(items: Any) -> None:
    """The table of contents is built from the markdown: give its titles the same typography."""
    for item in items:
        item.title = french_spacing(item.title)  # titles hold escaped HTML (&amp;): the HTML-aware version
        _space_toc(item.children)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Every page must be reached from the navigation or from a link (awesome-pages hides pages silently)."""
    orphans = [
        Problem(f"docs/{f.src_uri}", "",
                "cette page n'est atteinte ni par le menu ni par un lien : ajoutez-la au fichier .pages "
                "de son dossier ou faites un lien vers elle depuis une autre page.")
        for f in files.documentation_pages()
        if f.src_uri not in _state.in_nav and f.dest_uri not in _state.linked and f.src_uri not in _state.html.targets
        and f.src_uri != "index.md"
    ]
    _stop_on(orphans)
    _state.feed = _atom(config, files)
    return env


def _atom(config: MkDocsConfig, files: Files) -> str:
    """The Atom feed of the most recent changes, with absolute addresses under site_url."""
    assert _state.corpus is not None
    site_url = (config.site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"
    entries = []
    for change in news.recent_changes(_state.corpus, _state.dates):
        file = files.get_file_from_path(change.path)
        if file is not None:
            entries.append(feed.Entry(change.title, site_url + file.url, change.description,
                                      change.dates.created, change.dates.updated))
    return feed.atom_feed(config.site_name, site_url, site_url + FEED_FILE, entries)


@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    """Add accent-folded words to the search index.

    Runs after the search plugin (priority 0) writes search/search_index.json and
    before the offline plugin (-100) copies it into search/search_index.js.
    """
    (Path(config.site_dir) / FEED_FILE).write_text(_state.feed, encoding="utf-8")
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        path.write_text(fold_search_index(path.read_text(encoding="utf-8")), encoding="utf-8")
