"""MkDocs hooks (named in mkdocs.yml): every event is one line handing the work to this build's engine.

The steps, their order and their state are in ``engine/build.py``; what each one
does, in the module it calls. See hooks/README.md for the whole picture.
"""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from engine import build
from engine.material import Priority


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return build.start(config).configure()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return build.of(config).read_content(files)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return build.of(config).note_nav(nav)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return build.of(config).page_source(page)


@event_priority(Priority.PAGE_MARKDOWN)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return build.of(config).page_meta(markdown, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return build.of(config).page_content(html, page)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return build.of(config).finish_page(output, page)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return build.of(config).finish_template(output_content, template_name)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    return build.of(config).check_reached(env, files)


def on_post_build(config: MkDocsConfig) -> None:
    build.of(config).write_outputs()


def on_build_error(error: Exception) -> None:
    build.stopped()
