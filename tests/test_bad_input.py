"""Every mistake a contributor can make stops the build with a plain-French message.

Each test builds a small project (the real config and hooks) with one mistake,
through the real ``mkdocs build`` command line, and checks the exit code and the
message: file, field, wrong value, and what to do.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINI_PAGES, make_mini_project, run_mkdocs

CASE = MINI_PAGES["experiences/cas-lille.md"]
assert isinstance(CASE, str)


def build(tmp_path: Path, changes: dict[str, str | bytes | None], strict: bool = True) -> tuple[int, str]:
    project = make_mini_project(tmp_path, changes)
    result = run_mkdocs(project, tmp_path / "site", strict=strict)
    return result.returncode, result.output


def test_the_mini_project_itself_builds(tmp_path: Path) -> None:
    code, output = build(tmp_path, {})
    assert code == 0, output


BAD_INPUTS = {
    "invalid-yaml": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille", "territoire: Lille: centre\n  x")},
        ["docs/experiences/cas-lille.md", "YAML valide", "ligne"],
    ),
    "not-a-mapping": (
        {"experiences/cas-lille.md": "---\n- une\n- liste\n---\n\nTexte.\n"},
        ["docs/experiences/cas-lille.md", "champ: valeur", "liste"],
    ),
    "unclosed-front-matter": (
        {"experiences/cas-lille.md": "---\nid: cas-lille\ntitle: Lille\n\nTexte.\n"},
        ["docs/experiences/cas-lille.md", "jamais fermé"],
    ),
    "missing-required-field": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille\n", "")},
        ["docs/experiences/cas-lille.md : champ « territoire »", "obligatoire"],
    ),
    "string-instead-of-list": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: commande-publique")},
        ["docs/experiences/cas-lille.md : champ « themes »", "liste entre crochets", "themes: [commande-publique]"],
    ),
    "unknown-theme-with-suggestion": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: [commande-publiqe]")},
        ["champ « themes »", "valeur inconnue « commande-publiqe »", "Vouliez-vous dire « commande-publique » ?",
         "Valeurs permises"],
    ),
    "unknown-lever": (
        {"experiences/cas-lille.md": CASE.replace("leviers: [marches-reserves]", "leviers: [marche-reserve]")},
        ["champ « leviers »", "« marche-reserve »", "Vouliez-vous dire « marches-reserves » ?"],
    ),
    "unknown-level": (
        {"experiences/cas-lille.md": CASE.replace("echelons: [commune]", "echelons: [ville]")},
        ["champ « echelons »", "valeur inconnue « ville »", "commune"],
    ),
    "unknown-region": (
        {"experiences/cas-lille.md": CASE.replace("regions: [hauts-de-france]", "regions: [haut-de-france]")},
        ["champ « regions »", "Vouliez-vous dire « hauts-de-france » ?"],
    ),
    "unknown-source": (
        {"experiences/cas-lille.md": CASE.replace("sources: [fiche-a]", "sources: [fiche-b]")},
        ["champ « sources »", "valeur inconnue « fiche-b »", "Vouliez-vous dire « fiche-a » ?"],
    ),
    "duplicate-id": (
        {"experiences/cas-lille-bis.md": CASE},
        ["docs/experiences/cas-lille-bis.md : champ « id »", "identique au nom du fichier",
         "l'identifiant « cas-lille » est déjà utilisé"],
    ),
    "case-without-theme": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: []")},
        ["champ « themes »", "obligatoire manquant ou vide"],
    ),
    "glossary-acronym-twice": (
        {".glossaire.yml": MINI_PAGES[".glossaire.yml"] + "- sigle: ESS\n  developpe: encore\n"},  # type: ignore[operator]
        ["docs/.glossaire.yml", "« ESS »", "défini deux fois"],
    ),
    "not-utf8": (
        {"experiences/cas-lille.md": CASE.replace("Un marché.", "Un marché é.").encode("latin-1")},
        ["docs/experiences/cas-lille.md", "UTF-8", "ligne"],
    ),
    "bad-period": (
        {"experiences/cas-lille.md": CASE.replace('periode: "2016-2017"', "periode: depuis longtemps")},
        ["champ « periode »", "« depuis longtemps »", "2021-2026"],
    ),
    "unknown-field": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille", "territoire: Lille\nthemse: [x]")},
        ["champ « themse »", "champ inconnu", "Vouliez-vous dire « themes » ?"],
    ),
    "broken-link": (
        {"guides/co-construction.md": MINI_PAGES["guides/co-construction.md"] + "\nVoir [ceci](../experiences/absent.md).\n"},  # type: ignore[operator]
        ["guides/co-construction.md", "absent.md"],
    ),
    "broken-anchor": (
        {"guides/co-construction.md": MINI_PAGES["guides/co-construction.md"] + "\nVoir [ceci](commande-publique.md#nulle-part).\n"},  # type: ignore[operator]
        ["guides/co-construction.md", "nulle-part"],
    ),
    "orphan-page": (
        {"perdue.md": "---\ntitle: Perdue\n---\n\nPersonne ne me lie.\n"},
        ["docs/perdue.md", "ni par le menu ni par un lien"],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_stops_the_build(tmp_path: Path, name: str) -> None:
    changes, expected = BAD_INPUTS[name]
    code, output = build(tmp_path, changes)
    assert code == 1, f"the build should stop with exit code 1:\n{output}"
    for fragment in expected:
        assert fragment in output, f"missing « {fragment} » in:\n{output}"


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    changes = {
        "experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: [inconnu]"),
        "experiences/cas-metz.md": "---\nid: [\n---\n",
        ".glossaire.yml": MINI_PAGES[".glossaire.yml"] + "- sigle: ESS\n  developpe: encore\n",  # type: ignore[operator]
    }
    code, output = build(tmp_path, changes)
    assert code == 1
    assert "« inconnu »" in output and "cas-metz.md" in output and "défini deux fois" in output
    assert "3 erreur(s) dans le contenu" in output


def test_content_errors_stop_the_build_even_without_strict(tmp_path: Path) -> None:
    code, output = build(tmp_path, {"experiences/cas-lille.md": "---\n: : :\n---\n"}, strict=False)
    assert code == 1
    assert "docs/experiences/cas-lille.md" in output
