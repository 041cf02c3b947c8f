"""The contributors' check: a strict build into a scratch folder, its content problems as the core's Problems.

:func:`check` is the one function ``tools/verifier.py`` calls: it knows how to run the
engine (MkDocs' ``build`` in this process, no search index) and where the build keeps its
problems (:class:`engine.build.Build`), so the tool needs neither.
"""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from guide_ess.core import Problem

from . import build as engine_build
from . import report


class _Collect(logging.Handler):
    """The warnings and errors MkDocs itself logs during the build: the content problems are read from
    the build (engine/build.py), not from what the hooks log of them (engine/report.py)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        # « Error reading page 'x.md': » only says which page the hooks stopped on: they told why, in French
        stopped_on_page = message.startswith("Error reading page ") and message.endswith(":")
        if record.name != report.log.name and not message.startswith("Aborted with") and not stopped_on_page:
            self.problems.append(Problem("mkdocs", "", message))


def check(config_file: Path) -> tuple[list[Problem], int, list[Problem]]:
    """Build the site of ``config_file`` strictly into a temporary folder; return its problems (the content's,
    then any other warning of the engine), the number of pages built (0 when there are problems) and the
    pages to review (warnings, not errors: see ``guide_ess/content/review.py``)."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers, logger.propagate = [collect], False
    logger.setLevel(logging.INFO)
    findings: list[Problem] = []
    warnings: list[Problem] = []
    pages = 0
    old_cwd = Path.cwd()
    os.chdir(config_file.parent)
    try:
        with tempfile.TemporaryDirectory(prefix="verifier-") as site_dir:
            config = load_config(str(config_file), site_dir=site_dir, strict=True)
            config.extra[engine_build.NO_SEARCH_INDEX] = True  # the check needs no search index
            try:
                build(config)
            except (Abort, PluginError, ConfigurationError):
                pass
            findings = list(engine_build.of(config).problems)
            warnings = list(engine_build.of(config).warnings)
            pages = sum(1 for _ in Path(site_dir).rglob("*.html")) if not findings else 0
    finally:
        os.chdir(old_cwd)
        logger.handlers, logger.propagate, logger.level = saved
    stopped = report.summary(len(findings))  # MkDocs logs it again when the hooks stop the build
    return findings + [p for p in collect.problems if p.message != stopped], pages, warnings
