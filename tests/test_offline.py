"""The offline bundle: a reproducible zip that needs nothing from the network."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import ROOT


def test_bundle_has_the_site_and_the_search_index_wrapped_for_file_urls(offline_site: Path) -> None:
    """file:// blocks fetch, module imports and workers from file: addresses: every file of the index is a
    classic script under pagefind/hors-ligne/, and nothing else of Pagefind's bundle is left but its licence."""
    assert (offline_site / "index.html").exists()
    bundle = offline_site / "pagefind"
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert "LICENCE-pagefind.txt" in files and "MIT License" in (bundle / "LICENCE-pagefind.txt").read_text(encoding="utf-8")
    files.remove("LICENCE-pagefind.txt")
    assert files and all(f.startswith("hors-ligne/") and f.endswith(".js") for f in files), files[:5]
    names = {f.removeprefix("hors-ligne/") for f in files}
    assert {"pagefind.js.js", "pagefind-worker.js.js", "pagefind-entry.json.js", "wasm.fr.pagefind.js"} <= names
    assert any(n.startswith("index/") for n in names) and any(n.startswith("fragment/") for n in names)
    assert not any("-ui" in n for n in names), names
    for script in ("pagefind.js", "pagefind-worker.js"):  # their source, which recherche.js runs from blob: addresses
        source = (bundle / "hors-ligne" / f"{script}.js").read_text(encoding="utf-8")
        assert source.startswith(f'GuideRecherche.source("{script}",') and "pagefind_version" in source
    entry = (bundle / "hors-ligne" / "pagefind-entry.json.js").read_text(encoding="utf-8")
    assert entry.startswith('GuideRecherche.file("pagefind-entry.json","')
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "data-hors-ligne" in home and "iframe-worker" not in home
    assert "guides/commande-publique.html" in home  # file:// needs explicit .html links


def test_no_page_or_stylesheet_names_unpkg_or_google_fonts(offline_site: Path) -> None:
    """Material's own bundle keeps two lazy fallbacks on unpkg.com (a ResizeObserver polyfill for
    browsers older than 2020, and Mermaid, which no page uses); the browser tests prove they are never
    requested. Pages and stylesheets must not name those hosts at all."""
    offenders = [str(p.relative_to(offline_site)) for p in offline_site.rglob("*")
                 if p.is_file() and p.suffix in {".html", ".css"}
                 and re.search(r"unpkg\.com|fonts\.googleapis|fonts\.gstatic", p.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []


def test_two_builds_give_byte_identical_zips(offline_zip: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.zip"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_offline.py"), "--site-dir", str(tmp_path / "site"),
                    "--output", str(again)], check=True, capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert again.read_bytes() == offline_zip.read_bytes()


def test_zip_entries_are_sorted_with_fixed_dates(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert len({i.date_time for i in infos}) == 1
