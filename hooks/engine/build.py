"""One build: its state, created by on_config and carried by the config object, and its steps.

MkDocs loads a hooks file once per configuration and keeps the modules it imports
for the whole process (``mkdocs serve`` rebuilds, in-process builds in tests):
nothing here is kept in a module. Each build gets its own :class:`Build`, stored
on its own config object, which every event receives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from guide_ess import kinds
from guide_ess.content.glossary import GLOSSARY_FILE
from guide_ess.content.problems import Problem
from guide_ess.content.history import page_dates
from guide_ess.content.vocabulary import VOCABULARY_FILE
from guide_ess.links.graph import build_graph
from guide_ess.text import publication
from guide_ess.text.abbreviations import Abbreviations
from guide_ess.text.typography import french_spacing
from guide_ess.views import feed, lists, printable
from guide_ess.views.model import Site, link_targets
from guide_ess.views.news import FEED_FILE
from guide_ess.views.renderer import Renderer

from . import front_matter, headings, links, menus, orphans, report, search, serve, theme_markup

_ATTRIBUTE = "_guide_ess_build"
NO_SEARCH_INDEX = "guide_ess_sans_index"  # config.extra key: a check that needs no search index (tools/verifier.py)
OVERRIDES_FOLDER = "guide_ess"  # templates of the views that overrides/ may replace


def start(config: MkDocsConfig) -> Build:
    """A new build for ``config``."""
    build = Build(config)
    setattr(config, _ATTRIBUTE, build)
    return build


def of(config: MkDocsConfig) -> Build:
    """The build that ``config`` belongs to."""
    build = getattr(config, _ATTRIBUTE, None)
    if not isinstance(build, Build):
        raise PluginError("guide_ess : on_config n'a pas été appelé pour cette construction.")
    return build


@dataclass
class Content:
    """What on_files reads and computes once: the checked corpus, its graph, and how to render views."""

    site: Site
    renderer: Renderer
    abbreviations: Abbreviations
    rendered: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> HTML before and after the page's own


class Build:
    """The state of one build and the step each MkDocs event runs."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.docs_dir = Path(config.docs_dir)
        self.reached = orphans.Reached()
        self.link_warnings = links.LinkWarnings(self.docs_dir)
        self.problems: list[Problem] = []  # every content problem reported, for the contributors' check
        self.feed = ""
        self.search_pages = search.PageTexts()  # each page's text for the search index, written as it is finished
        self.orphans: list[Problem] = []
        self.partial = False  # a dirty build (./run.sh serve): engine/serve.py
        self._content: Content | None = None

    @property
    def content(self) -> Content:
        if self._content is None:
            raise PluginError("guide_ess : le contenu n'a pas été lu (on_files n'a pas été appelé).")
        return self._content

    # on_config ---------------------------------------------------------------------------------

    def configure(self) -> MkDocsConfig:
        """What the templates need from the search (where its index is, which pages it reads); listen
        to MkDocs' link warnings."""
        self.config.extra["recherche"] = search.template_settings(self.config.use_directory_urls)
        self.link_warnings.attach()
        serve.allow_dirty_builds()
        return self.config

    def stop_on(self, problems: list[Problem]) -> None:
        """Report ``problems`` and stop the build, if there is any."""
        self.problems.extend(report.ordered(problems))
        if problems:
            self.link_warnings.detach()
        report.stop_on(problems)

    # on_files ----------------------------------------------------------------------------------

    def read_content(self, files: Files) -> Files:
        """Read and check every page's front matter, then add the generated pages."""
        pages = [(f.src_uri, Path(f.abs_src_path).read_bytes()) for f in files.documentation_pages() if f.abs_src_path]
        corpus = kinds.load(pages, self._data_file(VOCABULARY_FILE), self._data_file(GLOSSARY_FILE))
        self.stop_on(corpus.problems)
        abbreviations = Abbreviations(corpus.glossary)
        site = Site(corpus, build_graph(corpus), self.config.use_directory_urls,
                    page_dates(Path(self.config.config_file_path).parent, self.docs_dir), self.config.repo_url or "")
        custom_dir = self.config.theme.custom_dir
        overrides = [Path(custom_dir) / OVERRIDES_FOLDER] if custom_dir else []
        self._content = Content(site, Renderer(abbreviations, overrides, headings.permalink_of(self.config)), abbreviations)
        for path, source in lists.generated_pages(site):
            files.append(File.generated(self.config, path, content=source))
        if corpus.guides:
            bodies = {g.path: corpus.front_matter[g.path].body for g in corpus.guides.values()}
            page = printable.printable_guides(corpus, bodies, menus.folder_order(self.docs_dir, "guides"))
            files.append(File.generated(self.config, printable.PRINTABLE_PATH, content=self._content.renderer.render(page)))
        self._render_blocks([f.src_uri for f in files.documentation_pages()])
        return files

    def _render_blocks(self, paths: list[str]) -> None:
        """Every page's generated blocks, rendered in one pass (the templates and their caches stay warm),
        and the pages they link to, for the orphan check."""
        content = self.content
        render = content.renderer.render
        for path in paths:
            blocks = kinds.blocks_of(content.site, path)
            self.reached.note_targets(link_targets(blocks))
            if blocks.before is not None or blocks.after is not None:
                content.rendered[path] = (render(blocks.before), render(blocks.after))

    def _data_file(self, name: str) -> str:
        path = self.docs_dir / name
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PluginError(f"docs/{name} : fichier introuvable ; il est nécessaire à la construction du site.") from None
        except UnicodeDecodeError:
            raise PluginError(f"docs/{name} : le fichier n'est pas enregistré en UTF-8.") from None

    # on_nav, on_page_read_source, on_page_markdown ---------------------------------------------

    def note_nav(self, nav: Navigation) -> Navigation:
        self.reached.note_nav(nav.pages)
        return nav

    def page_source(self, page: Page) -> str | None:
        return front_matter.source_without_fields(page, self.content.site.corpus.front_matter)

    def page_meta(self, markdown: str, page: Page) -> str:
        """page.meta from the core's parse; the publication settings written into the legal pages."""
        front_matter.set_meta(page, self.content.site.corpus.front_matter)
        return publication.fill_settings(markdown, str(self.config.extra.get("editeur") or ""), self.config.repo_url or "")

    # on_page_content ---------------------------------------------------------------------------

    def page_content(self, html: str, page: Page) -> str:
        """The page's own HTML with French spacing and its acronyms in <abbr>, between its generated
        blocks (which have both already, from their templates)."""
        html = self.content.abbreviations.wrap_page(french_spacing(html))
        headings.space_toc(page.toc)
        before, after = headings.join_blocks(page, *self.content.rendered.pop(page.file.src_uri, ("", "")))
        self.reached.note_html(page, html)
        return before + html + ("\n" if after else "") + after

    # on_post_page, on_post_template ------------------------------------------------------------

    def finish_page(self, output: str, page: Page) -> str:
        """Valid markup where Material hard-codes it (engine/theme_markup.py); the page's text for the
        search index, written to a scratch folder at once. The page's Markdown and HTML, which MkDocs
        keeps for the whole build, are let go: nothing reads them once the page is written."""
        output = theme_markup.theme_markup(output)
        text = search.text_for_index(output)
        if text is not None:
            self.search_pages.add(search.page_url(page.file.url), text)
        page.markdown = page.content = None
        return output

    def finish_template(self, output: str, name: str) -> str:
        """The same for the pages made from a template alone (404.html)."""
        return theme_markup.theme_markup(output) if name.endswith(".html") else output

    # on_env, on_post_build ---------------------------------------------------------------------

    def check_reached(self, env: Any, files: Files) -> Any:
        """Note the pages that nothing reaches; prepare the feed (page addresses are known now)."""
        self.partial = serve.partial(files.documentation_pages())
        self.orphans = [] if self.partial else self.reached.orphans(files)

        def url_of(path: str) -> str | None:
            file = files.get_file_from_path(path)
            return None if file is None else file.url

        block = feed.site_feed(self.content.site, self.config.site_name, self.config.site_url or "http://127.0.0.1:8000/",
                               url_of)
        self.feed = self.content.renderer.render(block)
        return env

    def write_outputs(self) -> None:
        """Stop on broken links and anchors and on orphan pages; else write the feed and index the
        built site for the search."""
        self.link_warnings.detach()
        self.stop_on([*self.link_warnings.reported(), *self.orphans])
        site_dir = Path(self.config.site_dir)
        (site_dir / FEED_FILE).write_text(self.feed, encoding="utf-8")
        if self.config.extra.get(NO_SEARCH_INDEX) or (self.partial and search.index_exists(site_dir)):
            return
        try:
            search.build_index(site_dir, self.config.use_directory_urls, self.search_pages)
        except search.SearchIndexError as err:
            raise PluginError(str(err)) from None
