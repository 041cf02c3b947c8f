"""`./run.sh serve` rebuilds only what changed (MkDocs' dirty builds, hooks/engine/serve.py): a saved edit
shows at once, strictly, and the search index of the full build stays."""
from __future__ import annotations

import os
import time
from pathlib import Path

from helpers import MKDOCS, make_project

import subprocess


def dirty_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(MKDOCS), "build", "--strict", "--dirty", "--site-dir", str(site)], cwd=project,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)


def test_a_dirty_rebuild_renders_the_changed_page_and_the_lists_and_keeps_the_index(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    site = tmp_path / "site"
    first = dirty_build(project, site)  # an empty site folder: every page is built, the index too
    assert first.returncode == 0, first.stdout + first.stderr
    entry = site / "pagefind" / "pagefind-entry.json"
    index_time = entry.stat().st_mtime_ns
    untouched = site / "guides" / "cooperation" / "index.html"
    untouched_time = untouched.stat().st_mtime_ns
    time.sleep(1.1)
    source = project / "docs" / "experiences" / "cas-lille.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase témoin zorglub.\n", encoding="utf-8")
    again = dirty_build(project, site)
    log = again.stdout + again.stderr
    assert again.returncode == 0, log  # strict: MkDocs' notice of a dirty build is no warning here
    assert "WARNING" not in log and "A 'dirty' build" in log
    assert "zorglub" in (site / "experiences" / "cas-lille" / "index.html").read_text(encoding="utf-8")
    assert untouched.stat().st_mtime_ns == untouched_time  # not rendered again
    assert (site / "territoires" / "hauts-de-france" / "index.html").stat().st_mtime_ns > untouched_time  # a list is
    assert entry.stat().st_mtime_ns == index_time  # the index of the full build stays
