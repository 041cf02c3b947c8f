"""Fast rebuilds for ``./run.sh serve``: MkDocs' dirty builds (``mkdocs serve --dirty``).

On a save, a dirty build renders again only the pages whose source changed since the site was
written (:func:`written_again`). Every front matter is still read and checked, so an error in any
front matter still stops the build; the text of the pages written again is checked (content policy),
and their generated blocks prepared, their links checked and rendered. The other pages' text was
checked by the build that wrote them. What a dirty build cannot know, it leaves as it was, until the
next full build (the first build of ``./run.sh serve``, ``./run.sh build``):

- the pages and files the hooks generate (the lists of experiences by region, level, lever, theme,
  their later pages, the printable guides; the feed and the open data), which MkDocs would count
  as changed at every build: those the previous build wrote are kept (:func:`generated_file`),
  and a new case appears in them at the next full build;

- the search index (Pagefind reads every page; it would index the changed pages only): the
  previous index stays, and finds the previous text of the changed page;
- the orphan check (the links of the pages not rendered again are not read): skipped;
- the blocks of the pages not rendered again (« Voir aussi » of other cases, a guide's list of
  cases, a source's citing pages) stay as the first build wrote them.

MkDocs warns at every dirty build that its navigation « may be inaccurate »; with ``--strict``
that warning alone would stop the build: :func:`allow_dirty_builds` lowers it to an information.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .scratch_files import ScratchFiles

DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGER = "mkdocs.commands.build"


class _DirtyNotice(logging.Filter):
    """Turns MkDocs' warning about dirty builds into an information (it is the purpose of ``serve``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and str(record.msg).startswith(DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def allow_dirty_builds() -> None:
    """Install :class:`_DirtyNotice` on MkDocs' build logger, once per process."""
    logger = logging.getLogger(BUILD_LOGGER)
    if not any(isinstance(f, _DirtyNotice) for f in logger.filters):
        logger.addFilter(_DirtyNotice())


def rewrites(site_dir: Path) -> bool:
    """Whether this build writes over the previous one (a dirty build), read at on_files: MkDocs empties
    the site folder before on_files (all but hidden entries), except in a dirty build."""
    return site_dir.is_dir() and any(not entry.startswith(".") for entry in os.listdir(site_dir))


class KeptFile(File):
    """A generated page or file that this dirty build keeps as the previous build wrote it."""

    def is_modified(self) -> bool:
        return False


def written_before(config: MkDocsConfig, path: str) -> bool:
    """Whether the previous build wrote the page or file ``path`` (relative to docs/)."""
    return os.path.isfile(KeptFile.generated(config, path, content=b"").abs_dest_path)


def generated_file(config: MkDocsConfig, path: str, contents: Mapping[str, "str | bytes"], dirty: bool,
                   scratch: ScratchFiles | None = None) -> File:
    """The generated page or file ``path``, its content ``contents[path]``, held by MkDocs or, given
    ``scratch``, written there at once; in a dirty build, kept if the previous build wrote it (its content
    is then never asked for: the core makes the open data on demand)."""
    if dirty and written_before(config, path):
        return KeptFile.generated(config, path, content=b"")
    if scratch is not None:
        return scratch.file(config, path, contents[path])
    return File.generated(config, path, content=contents[path])


def written_again(config: MkDocsConfig, files: Files) -> Callable[[str], bool]:
    """Whether this dirty build writes the page at a path (relative to docs/) again: its source changed
    since the previous build wrote it, or the previous build did not write it (a new generated page)."""
    changed = {f.src_uri for f in files.documentation_pages() if f.is_modified()}
    return lambda path: path in changed or not written_before(config, path)
