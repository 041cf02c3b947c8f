"""./run.sh verifier: the contributors' quick check (strict build, content errors only, GitHub annotations)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, fixture_text, make_project

VERIFIER = ROOT / "tools" / "verifier.py"


def verify(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    full_env.update(NO_MKDOCS_2_WARNING="1", **env)
    return subprocess.run([sys.executable, str(VERIFIER), "--config-file", str(project / "mkdocs.yml")],
                          cwd=project, env=full_env, capture_output=True, text=True)


def test_a_clean_site_gives_one_line_and_exit_code_0(tmp_path: Path) -> None:
    result = verify(make_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Vérification réussie : aucune erreur, ") and result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_each_content_error_is_one_line_with_file_and_line_then_the_verdict(tmp_path: Path) -> None:
    case = fixture_text("experiences/cas-lille.md").replace("echelons: [commune]", "echelons: [ville]")
    result = verify(make_project(tmp_path, {"experiences/cas-lille.md": case, ".glossaire.yml": "- sigle: [\n"}))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("docs/.glossaire.yml:2 : ce fichier n'est pas du YAML valide")
    assert lines[1].startswith("docs/experiences/cas-lille.md:7 : champ « echelons » : valeur inconnue « ville »")
    assert lines[2] == lines[-1] and lines[-1].startswith("Vérification échouée : 2 erreurs à corriger")
    assert "INFO" not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_link_and_orphan_errors_are_reported_too(tmp_path: Path) -> None:
    guide = fixture_text("guides/cooperation.md") + "\nVoir [ceci](absente.md).\n"
    result = verify(make_project(tmp_path, {"guides/cooperation.md": guide, "perdue.md": "# Perdue\n"}))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "docs/guides/cooperation.md:12 : le lien « absente.md » mène à une page qui n'existe pas. Écrivez le chemin "
        "du fichier .md visé à partir du dossier de cette page (par exemple « ../guides/commande-publique.md »).",
        "docs/perdue.md:1 : cette page n'est atteinte ni par le menu ni par un lien : ajoutez-la au fichier .pages "
        "de son dossier ou faites un lien vers elle depuis une autre page."]


def test_under_github_actions_errors_are_annotations_and_the_summary_lists_them(tmp_path: Path) -> None:
    case = fixture_text("experiences/cas-lille.md").replace("themes: [commande-publique]", "themes: [commande, x]")
    summary = tmp_path / "resume.md"
    result = verify(make_project(tmp_path, {"experiences/cas-lille.md": case}), GITHUB_ACTIONS="true",
                    GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 2
    assert annotations[0].startswith("::error file=docs/experiences/cas-lille.md,line=9,title=Erreur de contenu %3A champ « themes »::")
    text = summary.read_text(encoding="utf-8")
    assert "2 erreurs à corriger" in text and "#### `docs/experiences/cas-lille.md`" in text and "- ligne 9 : " in text


def test_when_all_is_well_the_summary_lists_the_pages_the_pull_request_changes(tmp_path: Path) -> None:
    project = make_project(tmp_path, history=True)
    first = subprocess.run(["git", "rev-list", "--max-parents=0", "HEAD"], cwd=project, capture_output=True, text=True,
                           check=True).stdout.strip()
    subprocess.run(["git", "update-ref", "refs/remotes/origin/main", first], cwd=project, check=True)
    summary = tmp_path / "resume.md"
    result = verify(project, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary), GITHUB_BASE_REF="main",
                    SITE_URL="https://exemple.org/guide/")
    assert result.returncode == 0, result.stdout
    text = summary.read_text(encoding="utf-8")
    assert "aucune erreur" in text and "docs/experiences/cas-lille.md" in text
    assert "https://exemple.org/guide/experiences/cas-lille/" in text


def test_run_sh_has_the_task() -> None:
    import subprocess

    proc = subprocess.run([str(ROOT / "run.sh"), "verifier", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--config-file" in proc.stdout, proc.stderr
