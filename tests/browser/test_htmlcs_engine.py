"""A third accessibility engine: HTML_CodeSniffer (WCAG2AA) through pa11y, on every page of the real site.

pa11y (npm, pinned in ``tests/node/package-lock.json``, installed by ``./run.sh test``) drives
Debian's Chromium (``executablePath``) with its ``htmlcs`` runner; ``tests/node/pa11y-pages.js``
opens every page in one browser and prints the errors (warnings and notices need a human and
are not asserted). HTML_CodeSniffer reads the markup: it flags form controls without a name even
when they are ``display: none`` (Material's state checkboxes), and a form without a submit
button (the map's filters).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT
from pages import directory_url, html_pages

NODE_TOOLS = ROOT / "tests" / "node"
RUNNER = NODE_TOOLS / "pa11y-pages.js"


def _pa11y_installed() -> None:
    if not (NODE_TOOLS / "node_modules" / "pa11y").is_dir() or shutil.which("node") is None:
        message = "pa11y absent : ./run.sh test l'installe (npm ci dans tests/node)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def htmlcs_errors(base: str, pages: list[str]) -> dict[str, list[dict[str, str]]]:
    """The errors HTML_CodeSniffer finds on each page (``pages``: addresses relative to ``base``)."""
    proc = subprocess.run(["node", str(RUNNER), base, *pages], capture_output=True, text=True, timeout=1200,
                          env=dict(os.environ, CHROMIUM="/usr/bin/chromium"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    found: dict[str, list[dict[str, str]]] = json.loads(proc.stdout)
    return found


def test_htmlcs_finds_no_error_on_any_page_of_the_site(site: Path, served_url: str) -> None:
    _pa11y_installed()
    pages = [directory_url(rel) for rel in html_pages(site)]
    found = htmlcs_errors(served_url, pages)
    assert sorted(found) == sorted(pages), "pa11y n'a pas vérifié toutes les pages"
    report = [f"/{page} : {issue['code']} — {issue['selector']}\n    {issue['context'][:160]}"
              for page, issues in found.items() for issue in issues]
    assert report == [], "\n".join(report)


def test_htmlcs_does_report_an_unnamed_checkbox_and_a_form_without_submit(tmp_path: Path, served_url: str) -> None:
    """The engine is really running: a page with the two mistakes the site had is caught."""
    _pa11y_installed()
    page = tmp_path / "faute.html"
    page.write_text('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Faute</title></head><body>'
                    '<main><input type="checkbox" id="__drawer" style="display: none">'
                    '<form aria-label="Filtres"><label for="f">Thème</label><select id="f"><option>a</option></select>'
                    '</form></main></body></html>', encoding="utf-8")
    found = htmlcs_errors(page.parent.as_uri() + "/", [page.name])
    codes = [issue["code"] for issue in found[page.name]]
    assert any(".H91.InputCheckbox." in c for c in codes), codes
    assert any(c.endswith(".F68") for c in codes), codes
    assert any(".H32." in c for c in codes), codes
