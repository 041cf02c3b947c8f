"""One build: its state, created by on_config and carried by the config object, and its steps.

MkDocs loads a hooks file once per configuration and keeps the modules it imports
for the whole process (``mkdocs serve`` rebuilds, in-process builds in tests):
nothing here is kept in a module. Each build gets its own :class:`Build`, stored
on its own config object, which every event receives.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from guide_ess import core

from . import (content_policy, front_matter, headings, links, memory, menus, minify, orphans, report, scratch_files,
               search, serve, theme_markup)

_ATTRIBUTE = "_guide_ess_build"
NO_SEARCH_INDEX = "guide_ess_sans_index"  # config.extra key: a check that needs no search index (tools/verifier.py)
OVERRIDES_FOLDER = "guide_ess"  # templates of the views that overrides/ may replace


def start(config: MkDocsConfig) -> Build:
    """A new build for ``config``."""
    memory.fresh()  # what an earlier build of this process left (engine/memory.py)
    build = Build(config)
    setattr(config, _ATTRIBUTE, build)
    return build


def stopped() -> None:
    """A build stopped (MkDocs' on_build_error, which names no config): what it set aside for the whole
    build is the collector's again (engine/memory.py)."""
    memory.release()


def of(config: MkDocsConfig) -> Build:
    """The build that ``config`` belongs to."""
    build = getattr(config, _ATTRIBUTE, None)
    if not isinstance(build, Build):
        raise PluginError("guide_ess : on_config n'a pas été appelé pour cette construction.")
    return build


class Build:
    """The state of one build and the step each MkDocs event runs."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.docs_dir = Path(config.docs_dir)
        self.reached = orphans.Reached()
        self.link_warnings = links.LinkWarnings(self.docs_dir)
        self.problems: list[core.Problem] = []  # every content problem reported, for the contributors' check
        self.warnings: list[core.Problem] = []  # pages to review: reported by the contributors' check, never an error
        self.search_pages = search.PageTexts()  # each page's text for the search index, written as it is finished
        self.scratch = scratch_files.ScratchFiles()  # the core's extra files, until MkDocs copies them
        self.orphans: list[core.Problem] = []
        self.partial = False  # a dirty build (./run.sh serve), known at on_files: engine/serve.py
        self._built: core.Built | None = None

    @property
    def built(self) -> core.Built:
        """What the core made of the content (on_files)."""
        if self._built is None:
            raise PluginError("guide_ess : le contenu n'a pas été lu (on_files n'a pas été appelé).")
        return self._built

    # on_config ---------------------------------------------------------------------------------

    def configure(self) -> MkDocsConfig:
        """What the templates need from the search (where its index is, which pages it reads); listen
        to MkDocs' link warnings."""
        self.config.extra["recherche"] = search.template_settings(self.config.use_directory_urls)
        content_policy.check_config(self.config)
        self.link_warnings.attach()
        serve.allow_dirty_builds()
        return self.config

    def stop_on(self, problems: list[core.Problem]) -> None:
        """Report ``problems`` and stop the build, if there is any."""
        self.problems.extend(report.ordered(problems))
        if problems:
            self.link_warnings.detach()
        report.stop_on(problems)

    # on_files ----------------------------------------------------------------------------------

    def read_content(self, files: Files) -> Files:
        """Hand every page to the core; stop on its problems, else add the pages it generates."""
        pages = [(f.src_uri, Path(f.abs_src_path).read_bytes()) for f in files.documentation_pages() if f.abs_src_path]
        data_files = {name: self._data_file(name) for name in core.DATA_FILES}
        dates = core.page_dates(Path(self.config.config_file_path).parent, self.docs_dir)
        self.partial = serve.rewrites(Path(self.config.site_dir))
        written = serve.written_again(self.config, files) if self.partial else None
        with memory.lasting():  # what the core makes lasts the whole build: no collection walks it
            built = core.build_site(pages, data_files, dates, self.settings(), written)
        self.warnings = built.warnings
        self.stop_on(built.problems)
        self._built = built
        for path in built.generated:
            files.append(serve.generated_file(self.config, path, built.generated, self.partial))
        for path in built.extra_files:  # the feed, the open data: pages may link to them; not kept in memory
            files.append(serve.generated_file(self.config, path, built.extra_files, self.partial, self.scratch))
        self.reached.note_targets(built.link_targets)
        return self.minify_assets(files)

    def minify_assets(self, files: Files) -> Files:
        """The site's own scripts and stylesheet, minified (engine/minify.py)."""
        minify.minify_assets(files, self.config)
        return files

    def settings(self) -> core.Settings:
        """What the core needs to know of this build's configuration."""
        config = self.config
        custom_dir = config.theme.custom_dir
        return core.Settings(
            directory_urls=config.use_directory_urls, site_name=config.site_name,
            site_url=config.site_url or "http://127.0.0.1:8000/", repo_url=config.repo_url or "",
            publisher=str(config.extra.get("editeur") or ""),
            data_licence=str(config.extra.get("licence_donnees") or ""),
            override_dirs=[Path(custom_dir) / OVERRIDES_FOLDER] if custom_dir else [],
            permalink=headings.permalink_of(config), menu_orders=menus.menu_orders(self.docs_dir))

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
        return front_matter.source_without_fields(page, self.built.take_body)

    def page_meta(self, markdown: str, page: Page) -> str:
        """page.meta from the core's parse; the publication settings written into the legal pages."""
        front_matter.set_meta(page, self.built.front_matter)
        self.stop_on(content_policy.missing_includes(page, markdown))
        return self.built.page_markdown(markdown)

    # on_page_content ---------------------------------------------------------------------------

    def page_content(self, html: str, page: Page) -> str:
        """The page's own HTML with French spacing and its acronyms in <abbr>, between its generated
        blocks (which have both already, from their templates). Stops on what the content policy refuses."""
        self.stop_on(content_policy.rendered_problems(page, html))
        html = self.built.page_html(html)
        headings.space_toc(page.toc)
        self.link_warnings.note_page(page)
        before, after = headings.join_blocks(page, *self.built.blocks.pop(page.file.src_uri, ("", "")))
        self.reached.note_html(page, html)
        page.markdown = ""  # rendered: let go (its title is in page.meta or came from the render; "", not None)
        return before + html + ("\n" if after else "") + after

    # on_post_page, on_post_template ------------------------------------------------------------

    def finish_page(self, output: str, page: Page) -> str:
        """Valid markup where Material hard-codes it (engine/theme_markup.py); the page's text for the
        search index, written to a scratch folder at once. The page's HTML, which MkDocs
        keeps for the whole build, is let go: nothing reads it once the page is written (its Markdown was let
        go once rendered, :meth:`page_content`)."""
        output = theme_markup.theme_markup(output)
        text = search.text_for_index(output)
        if text is not None:
            self.search_pages.add(search.page_url(page.file.url), text)
        page.content = None
        return output

    def finish_template(self, output: str, name: str) -> str:
        """The same for the pages made from a template alone (404.html)."""
        return theme_markup.theme_markup(output) if name.endswith(".html") else output

    # on_env, on_post_build ---------------------------------------------------------------------

    def check_reached(self, env: Any, files: Files) -> Any:
        """Note the pages that nothing reaches (every page is read now; not in a dirty build, engine/serve.py)."""
        self.orphans = [] if self.partial else self.reached.orphans(files)
        return env

    def write_outputs(self) -> None:
        """Stop on broken links and anchors and on orphan pages; else index the built site for the search
        (the core's extra files, the feed and the open data, are files of the build since on_files). What
        the build set aside from the collector is its own again at the end (engine/memory.py; a stop goes
        through on_build_error, which gives it back too)."""
        try:
            self.scratch.close()  # MkDocs has copied the extra files
            self.link_warnings.detach()
            self.stop_on([*self.link_warnings.reported(), *self.orphans])
            site_dir = Path(self.config.site_dir)
            if self.config.extra.get(NO_SEARCH_INDEX) or (self.partial and search.index_exists(site_dir)):
                return
            memory.hand_back()  # what the build freed, before Pagefind needs its own (not what is set aside)
            try:
                search.build_index(site_dir, self.config.use_directory_urls, self.search_pages)
            except search.SearchIndexError as err:
                raise PluginError(str(err)) from None
        finally:
            memory.release()
