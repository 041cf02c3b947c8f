"""GitHub output of the content check: annotations, job summaries, pages a pull request changes."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from github_report import (MAX_LISTED, PageChange, annotation, changed_pages, main, page_url, parse_name_status,
                           preview_artifact_names, run_url, summary_errors, summary_pages, summary_preview)


@dataclass(frozen=True)
class FakeProblem:
    """Shaped like the checker's problems (path, line, field, message)."""

    path: str
    line: int | None
    field: str
    message: str


def runner_parse(command: str) -> tuple[str, dict[str, str], str]:
    """The Actions runner's own reading of a ``::name k=v,k=v::data`` line (actions/runner, ActionCommand.cs,
    TryParseV2, UnescapeProperty, UnescapeData), ported line for line as a reference."""
    assert command.startswith("::")
    end = command.index("::", 2)
    info, data = command[2:end], command[end + 2:]
    name, _, props_text = info.partition(" ")
    props: dict[str, str] = {}
    for prop in filter(None, props_text.strip().split(",")):
        key, sep, value = prop.partition("=")
        if sep and key and value:
            for token, escaped in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")):
                value = value.replace(escaped, token)
            props[key] = value
    for token, escaped in (("\r", "%0D"), ("\n", "%0A"), ("%", "%25")):
        data = data.replace(escaped, token)
    return name, props, data


def test_annotation_format() -> None:
    line = annotation("docs/experiences/x.md", 8, "Contenu", "champ « themes » : valeur inconnue.")
    assert line == "::error file=docs/experiences/x.md,line=8,title=Contenu::champ « themes » : valeur inconnue."
    assert "\n" not in line


def test_annotation_without_line_or_title() -> None:
    assert annotation("docs/a.md", None, "", "message") == "::error file=docs/a.md::message"
    assert annotation("docs/a.md", 0, "", "m", level="warning") == "::warning file=docs/a.md::m"
    with pytest.raises(ValueError):
        annotation("docs/a.md", 1, "", "m", level="fatal")


def test_annotation_escapes_as_the_runner_unescapes() -> None:
    path = "docs/expériences/a,b:c%d.md"
    title = "Erreur : champ « id », ligne 3 (100 %)"
    message = "ligne 1\r\nligne 2 : « a, b » 50 % %0A littéral :: fin"
    line = annotation(path, 12, title, message)
    assert "\n" not in line and "\r" not in line
    name, props, data = runner_parse(line)
    assert name == "error"
    assert props == {"file": path, "line": "12", "title": title}
    assert data == message


def test_annotation_property_escapes_are_the_documented_ones() -> None:
    line = annotation("a:b,c%", 1, "t:i,t", "m%\r\n:,")
    assert line == "::error file=a%3Ab%2Cc%25,line=1,title=t%3Ai%2Ct::m%25%0D%0A:,"


PROBLEMS = [
    FakeProblem("docs/experiences/b.md", 12, "leviers", "valeur inconnue « x »."),
    FakeProblem("docs/experiences/a.md", 8, "themes", "valeur inconnue « commande-publiqe ». "
                "Vouliez-vous dire « commande-publique » ?"),
    FakeProblem("docs/experiences/a.md", 3, "", "l'en-tête n'est pas du YAML valide."),
    FakeProblem("docs/experiences/a.md", None, "", "le fichier n'est pas en UTF-8 <b>*gras*</b> | tube"),
]


def test_summary_errors_lists_every_error_by_file_and_line_in_french() -> None:
    text = summary_errors(PROBLEMS)
    assert text.startswith("### Vérification du contenu : 4 erreurs à corriger")
    assert "« Files changed »" in text
    a, b = text.index("#### `docs/experiences/a.md`"), text.index("#### `docs/experiences/b.md`")
    assert a < b
    section_a = text[a:b]
    assert section_a.index("fichier entier") < section_a.index("ligne 3 :") < section_a.index("ligne 8 :")
    assert "- ligne 8 : champ « themes » : valeur inconnue « commande-publiqe ». Vouliez-vous dire" in text
    assert "- ligne 12 : champ « leviers » : valeur inconnue « x »." in text
    # markup in a message is shown as text, and cannot break the list
    assert "\\<b\\>\\*gras\\*\\</b\\> \\| tube" in text


def test_summary_errors_singular_and_none() -> None:
    assert "1 erreur à corriger" in summary_errors(PROBLEMS[:1])
    assert summary_errors([]).startswith("### Vérification du contenu : aucune erreur")


def test_summary_errors_is_capped_for_huge_runs() -> None:
    many = [FakeProblem(f"docs/experiences/c{i:04}.md", 2, "id", "mauvais.") for i in range(MAX_LISTED + 30)]
    text = summary_errors(many)
    assert text.count("\n- ligne 2") == MAX_LISTED
    assert "… et 30 autres erreurs : voir le journal" in text
    assert len(text.encode()) < 1024 * 1024


def test_page_url() -> None:
    site = "https://org.github.io/guide/"
    assert page_url(site, "docs/experiences/lyon.md") == "https://org.github.io/guide/experiences/lyon/"
    assert page_url(site, "docs/experiences/index.md") == "https://org.github.io/guide/experiences/"
    assert page_url(site, "docs/index.md") == "https://org.github.io/guide/"
    assert page_url("http://127.0.0.1:8000", "docs/glossaire.md") == "http://127.0.0.1:8000/glossaire/"
    assert page_url(site, "docs/experiences/é t.md") == "https://org.github.io/guide/experiences/%C3%A9%20t/"
    assert page_url(site, "docs/.vocabulaires.yml") is None
    assert page_url(site, "README.md") is None


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def test_changed_pages_reads_a_real_pull_request_branch(tmp_path: Path) -> None:
    repo = tmp_path / "depot"
    (repo / "docs" / "experiences").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "Test")
    files = {"docs/index.md": "Accueil\n", "docs/experiences/metz.md": "Metz\n" * 20,
             "docs/experiences/vieux.md": "Vieux\n", "docs/experiences/ancien-nom.md": "Texte stable\n" * 20,
             "docs/.vocabulaires.yml": "themes: {}\n", "README.md": "Lisez-moi\n"}
    for rel, text in files.items():
        (repo / rel).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "proposition")
    (repo / "docs/experiences/lyon-cantine-été.md").write_text("Nouvelle\n", encoding="utf-8")
    (repo / "docs/experiences/metz.md").write_text("Metz\n" * 20 + "Ajout\n", encoding="utf-8")
    (repo / "docs/experiences/vieux.md").unlink()
    git(repo, "mv", "docs/experiences/ancien-nom.md", "docs/experiences/nouveau-nom.md")
    (repo / "docs/.vocabulaires.yml").write_text("themes: {a: A}\n", encoding="utf-8")
    (repo / "README.md").write_text("Changé hors de docs\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "proposition")
    # main moves on after the branch left it: its own changes are not the pull request's
    git(repo, "checkout", "-q", "main")
    (repo / "docs/index.md").write_text("Accueil changé sur main\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main avance")
    git(repo, "checkout", "-q", "proposition")

    changes = changed_pages("main", "https://org.github.io/guide/", repo)
    assert changes == [
        PageChange("modifiée", "docs/.vocabulaires.yml", None),
        PageChange("ajoutée", "docs/experiences/lyon-cantine-été.md",
                   "https://org.github.io/guide/experiences/lyon-cantine-%C3%A9t%C3%A9/"),
        PageChange("modifiée", "docs/experiences/metz.md", "https://org.github.io/guide/experiences/metz/"),
        PageChange("renommée", "docs/experiences/nouveau-nom.md", "https://org.github.io/guide/experiences/nouveau-nom/",
                   "docs/experiences/ancien-nom.md"),
        PageChange("supprimée", "docs/experiences/vieux.md", None),
    ]
    text = summary_pages(changes)
    assert text.startswith("### Pages ajoutées ou modifiées")
    assert ("| `docs/experiences/lyon-cantine-été.md` | ajoutée | "
            "<https://org.github.io/guide/experiences/lyon-cantine-%C3%A9t%C3%A9/> |") in text
    assert "| `docs/experiences/nouveau-nom.md` | renommée (était `docs/experiences/ancien-nom.md`) |" in text
    assert "| `docs/experiences/vieux.md` | supprimée | — |" in text
    assert "Autres fichiers du dossier `docs/` : `docs/.vocabulaires.yml` (modifiée)." in text
    assert "README" not in text and "index.md" not in text


def test_summary_pages_without_pages() -> None:
    assert "ne change aucune page" in summary_pages([])
    assert parse_name_status("", "https://x/") == []


def test_preview_summary_names_and_links() -> None:
    page = run_url("https://github.com", "org/guide", "123")
    assert page == "https://github.com/org/guide/actions/runs/123"
    assert preview_artifact_names(7) == ("apercu-site-pr-7", "apercu-hors-ligne-pr-7.zip")
    text = summary_preview(7, page, "https://github.com/org/guide/actions/runs/123/artifacts/9", None)
    assert text.startswith("### Aperçu de la demande de fusion n° 7")
    assert "[cette exécution](https://github.com/org/guide/actions/runs/123)" in text
    assert "[apercu-site-pr-7](https://github.com/org/guide/actions/runs/123/artifacts/9)" in text
    assert "« apercu-hors-ligne-pr-7.zip »" in text and "guide-ess-collectivites/index.html" in text


def test_command_line_appends_to_the_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("Avant\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com",
           "GITHUB_REPOSITORY": "org/guide", "GITHUB_RUN_ID": "42"}
    assert main(["apercu", "--pr", "5", "--offline-url", "https://example.org/a"], env) == 0
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("Avant\n### Aperçu de la demande de fusion n° 5")
    assert "https://github.com/org/guide/actions/runs/42" in text
    assert "[apercu-hors-ligne-pr-5.zip](https://example.org/a)" in text
