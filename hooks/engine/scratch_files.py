"""Scratch folders of the build, and the files the core generates beside the pages (the feed, the open
data, the template spreadsheets) written to one as soon as they are made and handed to MkDocs by their path.

MkDocs copies those files into the site with its other files. Handed over as content instead, each would
stay in memory until the build ends, Pagefind's run included: at 10,000 case studies the open data alone
weighs about a hundred megabytes (benchmarks/results/scale_10000.md). The pages' texts for the search
index go to a scratch folder too (``search.PageTexts``). A folder goes when the build is done with it
(``close``), or with its object if the build stops before.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def scratch_folder() -> str | None:
    """Where scratch folders are made: memory (/dev/shm) when the system has it, as a build writes
    thousands of small files there; None for the system's usual temporary folder."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


class ScratchFolder:
    """A temporary folder, made when first asked for (:meth:`path`), removed by :meth:`close`."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    @property
    def made(self) -> bool:
        return self._folder is not None

    def path(self) -> Path:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix=self._prefix, dir=scratch_folder())
        return Path(self._folder.name)

    def close(self) -> None:
        """Remove the folder and what it holds."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


class ScratchFiles:
    """Generated files written to a scratch folder, for MkDocs to copy."""

    def __init__(self) -> None:
        self._folder = ScratchFolder("guide-fichiers-")

    def file(self, config: MkDocsConfig, path: str, content: str | bytes) -> File:
        """The generated file ``path`` (relative to docs/), its content written at once to the folder."""
        target = self._folder.path().joinpath(*path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return File.generated(config, path, abs_src_path=str(target))

    def close(self) -> None:
        """Remove the folder (MkDocs has copied the files into the site)."""
        self._folder.close()
