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


def test_a_dirty_rebuild_renders_the_changed_page_with_its_blocks_and_keeps_the_rest(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    site = tmp_path / "site"
    first = dirty_build(project, site)  # an empty site folder: every page is built, the index too
    assert first.returncode == 0, first.stdout + first.stderr
    entry = site / "pagefind" / "pagefind-entry.json"
    kept = {path: path.stat().st_mtime_ns for path in (
        entry,
        site / "guides" / "cooperation" / "index.html",  # a page whose source did not change
        site / "territoires" / "hauts-de-france" / "index.html",  # a generated list
        site / "donnees" / "experiences.csv",  # an extra file of the core (open data)
        site / "feed.xml",
    )}
    missing = site / "territoires" / "grand-est" / "index.html"  # a generated page the previous build did not write
    missing.unlink()
    time.sleep(1.1)
    source = project / "docs" / "experiences" / "cas-lille.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase témoin zorglub.\n", encoding="utf-8")
    again = dirty_build(project, site)
    log = again.stdout + again.stderr
    assert again.returncode == 0, log  # strict: MkDocs' notice of a dirty build is no warning here
    assert "WARNING" not in log and "A 'dirty' build" in log
    page = (site / "experiences" / "cas-lille" / "index.html").read_text(encoding="utf-8")
    assert "zorglub" in page
    assert 'class="fiche-experience' in page and "Hauts-de-France" in page  # its generated blocks are rendered
    assert "Voir aussi" in page
    assert {path: path.stat().st_mtime_ns for path in kept} == kept  # kept as the full build wrote them
    assert "Grand Est" in missing.read_text(encoding="utf-8")  # written, with its list


def test_a_dirty_rebuild_still_stops_on_a_content_error(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    site = tmp_path / "site"
    assert dirty_build(project, site).returncode == 0
    time.sleep(1.1)
    source = project / "docs" / "experiences" / "cas-lille.md"
    source.write_text(source.read_text(encoding="utf-8").replace("leviers: [", "leviers: [inconnu, ", 1), encoding="utf-8")
    again = dirty_build(project, site)
    assert again.returncode != 0 and "docs/experiences/cas-lille.md" in again.stdout + again.stderr
