"""The files the core generates beside the pages (the feed, the open data, the template spreadsheets),
written to a scratch folder as soon as they are made and handed to MkDocs by their path.

MkDocs copies them into the site with its other files. Handed over as content instead, each would stay
in memory until the build ends, Pagefind's run included: at 10,000 case studies the open data alone
weighs about a hundred megabytes (benchmarks/results/scale_10000.md). The folder goes when the build
is done with it (:meth:`ScratchFiles.close`, after MkDocs has copied every file), or with this object.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .search import scratch_folder


class ScratchFiles:
    """A scratch folder of generated files, made at the first one."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def file(self, config: MkDocsConfig, path: str, content: str | bytes) -> File:
        """The generated file ``path`` (relative to docs/), its content written at once to the folder."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="guide-fichiers-", dir=scratch_folder())
        target = Path(self._folder.name, *path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return File.generated(config, path, abs_src_path=str(target))

    def close(self) -> None:
        """Remove the folder and what it holds (MkDocs has copied them into the site)."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
