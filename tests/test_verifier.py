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


STALE = "docs/experiences/cas-metz.md:12 : avertissement, champ « verifie_le » : page à relire : ses faits ont été "


def test_a_clean_site_gives_one_line_and_exit_code_0(tmp_path: Path) -> None:
    metz = fixture_text("experiences/cas-metz.md").replace('verifie_le: "2024-03-15"', 'verifie_le: "2026-12-01"')
    result = verify(make_project(tmp_path, {"experiences/cas-metz.md": metz}))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Vérification réussie : aucune erreur, ") and result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_a_page_checked_more_than_12_months_ago_is_a_warning_not_an_error(tmp_path: Path) -> None:
    result = verify(make_project(tmp_path))  # the fixture's cas-metz.md was checked on 15 March 2024
    assert result.returncode == 0, result.stdout + result.stderr
    warning, verdict = result.stdout.splitlines()
    assert warning.startswith(STALE + "vérifiés le 15 mars 2024, il y a plus de 12 mois.")
    assert "Ce qui a changé depuis les sources" in warning and 'verifie_le: "' in warning
    assert verdict.startswith("Vérification réussie : aucune erreur, ")
    assert verdict.endswith("1 page à relire (faits vérifiés il y a plus de 12 mois) : un avertissement, pas une erreur.")
    guide = fixture_text("guides/cooperation.md").replace('verifie_le: "2026-12-02"', "verifie_le: 2025-01-31")
    summary = tmp_path / "resume.md"
    result = verify(make_project(tmp_path / "b", {"guides/cooperation.md": guide}), GITHUB_ACTIONS="true",
                    GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split(" : ")[0] for line in lines[:2]] == ["docs/experiences/cas-metz.md:12",
                                                             "docs/guides/cooperation.md:6"]  # the oldest first
    assert "vérifiés le 31 janvier 2025" in lines[1]
    notes = [line for line in lines if line.startswith("::")]
    assert len(notes) == 2 and all(n.startswith("::warning file=docs/") and "title=Page à relire::" in n for n in notes)
    assert "2 pages à relire (avertissement)" in summary.read_text(encoding="utf-8")


def test_each_content_error_is_one_line_with_file_and_line_then_the_verdict(tmp_path: Path) -> None:
    case = fixture_text("experiences/cas-lille.md").replace("echelons: [commune]", "echelons: [ville]")
    result = verify(make_project(tmp_path, {"experiences/cas-lille.md": case, ".glossaire.yml": "- sigle: [\n"}))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("docs/.glossaire.yml:2 : ce fichier n'est pas du YAML valide")
    assert lines[1].startswith("docs/experiences/cas-lille.md:7 : champ « echelons » : valeur inconnue « ville »")
    assert lines[2].startswith(STALE) and lines[3] == lines[-1]
    assert lines[-1].startswith("Vérification échouée : 2 erreurs à corriger")
    assert "INFO" not in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_link_and_orphan_errors_are_reported_too(tmp_path: Path) -> None:
    guide = fixture_text("guides/cooperation.md") + "\nVoir [ceci](absente.md).\n"
    result = verify(make_project(tmp_path, {"guides/cooperation.md": guide, "perdue.md": "# Perdue\n"}))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "docs/guides/cooperation.md:13 : le lien « absente.md » mène à une page qui n'existe pas. Écrivez le chemin "
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
