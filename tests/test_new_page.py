"""./run.sh nouvelle: a new page from its kind's schema, never over an existing file, that builds once filled."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import make_project, run_mkdocs

import new_page
from guide_ess.content.placeholders import PLACEHOLDER_LINE


def test_a_case_page_lists_each_field_with_its_meaning_and_allowed_values(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    assert new_page.main(["experience", "lyon-cantine-bio"], root=project) == 0
    assert "docs/experiences/lyon-cantine-bio.md" in capsys.readouterr().out
    text = (project / "docs" / "experiences" / "lyon-cantine-bio.md").read_text(encoding="utf-8")
    assert "id: lyon-cantine-bio\n" in text and "\ntitle:\n" in text and "\nthemes: []\n" in text
    assert "#     cooperation = Coopération économique" in text and "#     la-reunion = La Réunion" in text
    assert "Pages « source » qui existent déjà (docs/sources/) : etude-b, fiche-a, source-seule." in text
    assert "Créez sa page : ./run.sh nouvelle source <identifiant>." in text
    assert "# acteurs (facultatif" in text and "## Ce qui a été fait" in text


def fill(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text, count = re.subn(rf"^{name}:.*$", f"{name}: {value}", text, flags=re.MULTILINE)
        assert count == 1, name
    return text


@pytest.mark.parametrize(("command", "page_id", "values"), [
    ("experience", "lyon-cantine-bio", {"title": '"Lyon : une cantine bio"', "description": "Une cantine.",
                                        "territoire": "Lyon", "regions": "[bretagne]", "echelons": "[commune]",
                                        "periode": '"2022"', "themes": "[cooperation]", "leviers": "[scic]",
                                        "sources": "[fiche-a]", "verifie_le": '"2026-12-01"'}),
    ("source", "rapport-c", {"title": "Rapport C", "description": "Un rapport.", "editeur": "RTES", "date": "2023",
                             "type": "etude", "acces": "public"}),
])
def test_the_new_page_stops_the_build_until_filled_then_builds(tmp_path: Path, command: str, page_id: str,
                                                              values: dict[str, str]) -> None:
    project = make_project(tmp_path)
    assert new_page.main([command, page_id], root=project) == 0
    path = next((project / "docs").rglob(f"{page_id}.md"))
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 1 and f"docs/{path.relative_to(project / 'docs').as_posix()}:" in result.output
    assert "champ obligatoire manquant ou vide" in result.output
    path.write_text(fill(path.read_text(encoding="utf-8"), values), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    # the fields are filled, the template's « À écrire » placeholders are not: each is an error at its line
    assert result.returncode == 1 and "« À écrire » : cette section n'est pas encore écrite" in result.output
    written = path.read_text(encoding="utf-8").replace(PLACEHOLDER_LINE, "Un texte réécrit d'après la source.")
    path.write_text(written, encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert (tmp_path / "site" / path.parent.name / page_id / "index.html").exists()


def test_a_guide_needs_a_theme_of_the_vocabulary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path, {"guides/cooperation.md": None})
    assert new_page.main(["guide", "cooperaton"], root=project) == 1
    assert "« cooperaton » n'en est pas une" in (err := capsys.readouterr().err) and "« themes »" in err
    assert new_page.main(["guide", "cooperation"], root=project) == 0
    assert "sources: []" in (project / "docs" / "guides" / "cooperation.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["experience", "cas-lille"], "docs/experiences/cas-lille.md existe déjà"),
    (["experience", "Lyon_Bio"], "« Lyon_Bio » n'est pas un identifiant valide"),
    (["experience", "lyon-"], "« lyon- » n'est pas un identifiant valide"),
    (["experiance", "lyon"], "Vouliez-vous dire « experience » ?"),
])
def test_refusals_write_nothing_and_say_why(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                            message: str) -> None:
    project = make_project(tmp_path)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert new_page.main(args, root=project) == 1
    err = capsys.readouterr().err
    assert err.startswith("Rien n'a été écrit : ") and message in err
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before
