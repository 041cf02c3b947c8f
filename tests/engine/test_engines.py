"""A second engine: ProperDocs builds the same site from the same mkdocs.yml, hooks and overrides."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT, fixture_text, make_project, run_mkdocs

COMPARE = ROOT / "tools" / "compare_sites.py"


def compare(old: Path, new: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(COMPARE), str(old), str(new), "--sauf-generateur"],
                          capture_output=True, text=True)


def test_properdocs_builds_the_real_site_as_mkdocs_does_but_for_the_generator_tag(site: Path, tmp_path: Path) -> None:
    result = run_mkdocs(ROOT, tmp_path / "properdocs", engine="properdocs")
    assert result.returncode == 0, result.output
    compared = compare(site, tmp_path / "properdocs")
    assert compared.returncode == 0, compared.stdout
    assert "modifiés : 0" in compared.stdout and "seulement dans le nouveau : 0 []" in compared.stdout
    assert 'content="mkdocs-ProperDocs ' in (tmp_path / "properdocs" / "index.html").read_text(encoding="utf-8")


def test_the_comparison_sees_a_real_difference_between_two_builds(site: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copie"
    shutil.copytree(site, copy)
    page = copy / "glossaire" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<p>ajout</p></article>", 1), encoding="utf-8")
    compared = compare(site, copy)
    assert compared.returncode == 1 and "modifiés : 1 — glossaire/index.html" in compared.stdout


def test_properdocs_stops_on_a_content_error_with_the_french_message(tmp_path: Path) -> None:
    broken = fixture_text("experiences/cas-metz.md").replace("leviers: [", "leviers: [inconnu, ", 1)
    project = make_project(tmp_path, {"experiences/cas-metz.md": broken})
    result = run_mkdocs(project, tmp_path / "site", engine="properdocs")
    assert result.returncode == 1
    assert "docs/experiences/cas-metz.md:" in result.output and "valeur inconnue « inconnu »" in result.output
    assert "Traceback" not in result.output


def test_run_sh_names_the_engines_it_knows() -> None:
    proc = subprocess.run([str(ROOT / "run.sh"), "build", "--moteur", "zensical"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Moteur inconnu « zensical »" in proc.stderr
