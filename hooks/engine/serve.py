"""Fast rebuilds for ``./run.sh serve``: MkDocs' dirty builds (``mkdocs serve --dirty``).

On a save, a dirty build renders again only the pages whose source changed since the site was
written, and the generated pages (their content is made by the hooks, so MkDocs always counts them
as changed: the lists of experiences, by region, level, lever, theme, stay right). Every front matter
is still read and checked, and every generated block prepared, so a content error still stops the
build. What a dirty build cannot know, it leaves as it was, until the next full build (the first
build of ``./run.sh serve``, ``./run.sh build``):

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
from typing import Iterable

from mkdocs.structure.files import File

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


def partial(pages: Iterable[File]) -> bool:
    """Whether this build rendered only some pages (a dirty build): read at on_env, when every page
    this build renders has its HTML and the others have none."""
    return any(f.page is not None and f.page.content is None for f in pages)
