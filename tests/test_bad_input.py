"""Every mistake a contributor can make stops the build with a plain-French message at its line.

Each test builds the fixture site (the real config and hooks) with one mistake,
through the real ``mkdocs build`` command line, and checks the exit code and the
message: file and line (``docs/x.md:8``), field, wrong value, and what to do.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import fixture_text, make_project, run_mkdocs

CASE = fixture_text("experiences/cas-lille.md")
GUIDE = fixture_text("guides/co-construction.md")
GLOSSARY = fixture_text(".glossaire.yml")
VOCABULARY = fixture_text(".vocabulaires.yml")


def build(tmp_path: Path, changes: dict[str, str | bytes | None], strict: bool = True) -> tuple[int, str]:
    project = make_project(tmp_path, changes)
    result = run_mkdocs(project, tmp_path / "site", strict=strict)
    return result.returncode, result.output


def test_the_fixture_project_itself_builds(tmp_path: Path) -> None:
    code, output = build(tmp_path, {})
    assert code == 0, output


# name -> (changes, where the message must point, fragments it must hold)
BAD_INPUTS: dict[str, tuple[dict[str, str | bytes | None], str, list[str]]] = {
    "invalid-yaml": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille", "territoire: Lille: centre\n  x")},
        "docs/experiences/cas-lille.md:5", ["YAML valide", "ligne 5"],
    ),
    "not-a-mapping": (
        {"experiences/cas-lille.md": "---\n- une\n- liste\n---\n\nTexte.\n"},
        "docs/experiences/cas-lille.md:1", ["champ: valeur", "liste"],
    ),
    "unclosed-front-matter": (
        {"experiences/cas-lille.md": "---\nid: cas-lille\ntitle: Lille\n\nTexte.\n"},
        "docs/experiences/cas-lille.md:1", ["jamais fermé"],
    ),
    "missing-required-field": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille\n", "")},
        "docs/experiences/cas-lille.md:1 : champ « territoire »", ["obligatoire"],
    ),
    "string-instead-of-list": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: commande-publique")},
        "docs/experiences/cas-lille.md:9 : champ « themes »", ["liste entre crochets", "themes: [commande-publique]"],
    ),
    "unknown-theme-with-suggestion": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: [commande-publiqe]")},
        "docs/experiences/cas-lille.md:9 : champ « themes »",
        ["valeur inconnue « commande-publiqe »", "Vouliez-vous dire « commande-publique » ?", "Valeurs permises"],
    ),
    "unknown-lever": (
        {"experiences/cas-lille.md": CASE.replace("leviers: [marches-reserves]", "leviers: [marche-reserve]")},
        "docs/experiences/cas-lille.md:10 : champ « leviers »", ["« marche-reserve »", "Vouliez-vous dire « marches-reserves » ?"],
    ),
    "unknown-level": (
        {"experiences/cas-lille.md": CASE.replace("echelons: [commune]", "echelons: [ville]")},
        "docs/experiences/cas-lille.md:7 : champ « echelons »", ["valeur inconnue « ville »", "commune"],
    ),
    "unknown-region": (
        {"experiences/cas-lille.md": CASE.replace("regions: [hauts-de-france]", "regions: [haut-de-france]")},
        "docs/experiences/cas-lille.md:6 : champ « regions »", ["Vouliez-vous dire « hauts-de-france » ?"],
    ),
    "unknown-source": (
        {"experiences/cas-lille.md": CASE.replace("sources: [fiche-a]", "sources: [fiche-b]")},
        "docs/experiences/cas-lille.md:12 : champ « sources »", ["valeur inconnue « fiche-b »", "Vouliez-vous dire « fiche-a » ?"],
    ),
    "duplicate-id": (
        {"experiences/cas-lille-bis.md": CASE},
        "docs/experiences/cas-lille.md:2 : champ « id »",
        ["l'identifiant « cas-lille » est déjà utilisé par docs/experiences/cas-lille-bis.md"],
    ),
    "case-without-theme": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: []")},
        "docs/experiences/cas-lille.md:9 : champ « themes »", ["obligatoire manquant ou vide"],
    ),
    "bad-identifier": (
        {"experiences/Cas_Lille.md": CASE.replace("id: cas-lille", "id: Cas_Lille")},
        "docs/experiences/Cas_Lille.md:2 : champ « id »", ["n'est pas un identifiant valide", "minuscules sans accents"],
    ),
    "glossary-acronym-twice": (
        {".glossaire.yml": GLOSSARY + "- sigle: ESS\n  developpe: encore\n"},
        "docs/.glossaire.yml:9 : champ « ESS »", ["défini deux fois"],
    ),
    "glossary-unknown-guide": (
        {".glossaire.yml": GLOSSARY.replace("guide: cooperation", "guide: cooperaton")},
        "docs/.glossaire.yml:8 : champ « SCIC : guide »", ["Vouliez-vous dire « cooperation » ?"],
    ),
    "vocabulary-value-without-label": (
        {".vocabulaires.yml": VOCABULARY.replace('  scic: "Société coopérative d\'intérêt collectif"', "  scic:")},
        "docs/.vocabulaires.yml:9 : champ « leviers »", ["« scic » n'a pas de libellé"],
    ),
    "theme-without-guide": (
        {"guides/cooperation.md": None},
        "docs/.vocabulaires.yml:5 : champ « themes »", ["« cooperation » n'a pas de guide"],
    ),
    "not-utf8": (
        {"experiences/cas-lille.md": CASE.replace("Un marché.", "Un marché é.").encode("latin-1")},
        "docs/experiences/cas-lille.md:3", ["UTF-8", "ligne 3"],
    ),
    "bad-period": (
        {"experiences/cas-lille.md": CASE.replace('periode: "2016-2017"', "periode: depuis longtemps")},
        "docs/experiences/cas-lille.md:8 : champ « periode »", ["« depuis longtemps »", "2021-2026"],
    ),
    "unknown-field": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille", "territoire: Lille\nthemse: [x]")},
        "docs/experiences/cas-lille.md:6 : champ « themse »", ["champ inconnu", "Vouliez-vous dire « themes » ?"],
    ),
    "unknown-index-kind": (
        {"panorama.md": fixture_text("panorama.md").replace("index: panorama", "index: panoramas")},
        "docs/panorama.md:4 : champ « index »", ["valeur inconnue « panoramas »", "Vouliez-vous dire « panorama » ?"],
    ),
    "broken-link": (
        {"guides/co-construction.md": GUIDE + "\nVoir [ceci](../experiences/absente.md).\n"},
        "docs/guides/co-construction.md:13", ["« ../experiences/absente.md »", "n'existe pas"],
    ),
    "broken-link-close-to-a-page": (
        {"guides/co-construction.md": GUIDE + "\n\nVoir [ceci](commande-publique).\n"},
        "docs/guides/co-construction.md:14", ["« commande-publique »", "Vouliez-vous dire « commande-publique.md » ?"],
    ),
    "absolute-link": (
        {"guides/co-construction.md": GUIDE + "\nVoir [ceci](/guides/commande-publique.md).\n"},
        "docs/guides/co-construction.md:13", ["commence par « / »"],
    ),
    "broken-anchor": (
        {"guides/co-construction.md": GUIDE + "\nVoir [ceci](commande-publique.md#nulle-part).\n"},
        "docs/guides/co-construction.md:13", ["« #nulle-part »", "docs/guides/commande-publique.md", "#ce-qui-a-ete-fait"],
    ),
    "broken-anchor-on-the-same-page": (
        {"guides/co-construction.md": GUIDE.replace("Ensemble,", "Ensemble ([plus bas](#ailleurs)),")},
        "docs/guides/co-construction.md:11", ["« #ailleurs »", "absent de cette page"],
    ),
    "label-instead-of-id": (
        {"experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: [Commande publique responsable]")},
        "docs/experiences/cas-lille.md:9 : champ « themes »",
        ["« Commande publique responsable » est le libellé", "écrivez « commande-publique »"],
    ),
    "label-instead-of-id-other-case": (
        {"experiences/cas-lille.md": CASE.replace("echelons: [commune]", "echelons: [COMMUNE]")},
        "docs/experiences/cas-lille.md:7 : champ « echelons »", ["écrivez « commune »"],
    ),
    "empty-sources-lists-the-sources": (
        {"experiences/cas-lille.md": CASE.replace("sources: [fiche-a]", "sources: []")},
        "docs/experiences/cas-lille.md:12 : champ « sources »",
        ["obligatoire manquant ou vide", "Sources disponibles (pages de docs/sources/) : etude-b, fiche-a, source-seule."],
    ),
    "yaml-error-in-french": (
        {"experiences/cas-lille.md": CASE.replace("territoire: Lille", "territoire: Lille: centre")},
        "docs/experiences/cas-lille.md:5", ["deux-points « : » inattendu"],
    ),
    "bracket-left-open-at-its-line": (
        {"experiences/cas-lille.md": CASE.replace("regions: [hauts-de-france]", "regions: [hauts-de-france")},
        "docs/experiences/cas-lille.md:6", ["crochet « [ » ouvert ici et jamais fermé", "ligne 6"],
    ),
    "quote-left-open-at-its-line": (
        {"experiences/cas-lille.md": CASE.replace('periode: "2016-2017"', 'periode: "2016-2017')},
        "docs/experiences/cas-lille.md:8", ["guillemet ouvert ici et jamais fermé"],
    ),
    "placeholder-left": (
        {"experiences/cas-lille.md": CASE + "\n## Pour aller plus loin\n\nÀ écrire (voir les règles d'écriture dans "
         "CONTRIBUTING.md).\n"},
        "docs/experiences/cas-lille.md:", ["« À écrire » : cette section n'est pas encore écrite"],
    ),
    "link-to-a-page-a-letter-off": (
        {"guides/co-construction.md": GUIDE + "\nVoir [ceci](../experiences/cas-lile.md).\n"},
        "docs/guides/co-construction.md:13", ["« ../experiences/cas-lile.md »", "Vouliez-vous dire « ../experiences/cas-lille.md » ?"],
    ),
    "wrong-anchor-lists-the-anchors": (
        {"guides/co-construction.md": GUIDE + "\nVoir [ceci](commande-publique.md#nulle-part).\n"},
        "docs/guides/co-construction.md:13", ["Ancres de cette page : #pourquoi, #comment."],
    ),
    "raw-html": (
        {"guides/co-construction.md": GUIDE + "\n<script>alert(1)</script>\n"},
        "docs/guides/co-construction.md:13", ["« <script> » n'est pas permise"],
    ),
    "orphan-page": (
        {"perdue.md": "---\ntitle: Perdue\n---\n\nPersonne ne me lie.\n"},
        "docs/perdue.md:1", ["ni par le menu ni par un lien"],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_stops_the_build_with_file_and_line(tmp_path: Path, name: str) -> None:
    changes, where, expected = BAD_INPUTS[name]
    code, output = build(tmp_path, changes)
    assert code == 1, f"the build should stop with exit code 1:\n{output}"
    lines = [line for line in output.splitlines() if line.startswith("ERROR") and where in line]
    assert lines, f"no error at « {where} » in:\n{output}"
    for fragment in expected:
        assert any(fragment in line for line in lines), f"missing « {fragment} » in:\n{output}"
    assert "WARNING" not in output  # link warnings are told once, in French, as errors


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    changes: dict[str, str | bytes | None] = {
        "experiences/cas-lille.md": CASE.replace("themes: [commande-publique]", "themes: [inconnu]"),
        "experiences/cas-metz.md": "---\nid: [\n---\n",
        ".glossaire.yml": GLOSSARY + "- sigle: ESS\n  developpe: encore\n",
    }
    code, output = build(tmp_path, changes)
    assert code == 1
    assert "« inconnu »" in output and "cas-metz.md:3" in output and "défini deux fois" in output
    assert "3 erreur(s) dans le contenu" in output


def test_link_problems_and_orphans_are_reported_together(tmp_path: Path) -> None:
    code, output = build(tmp_path, {"guides/co-construction.md": GUIDE + "\n[a](x.md) et [b](cooperation.md#z)\n",
                                    "perdue.md": "# Perdue\n"})
    assert code == 1 and "3 erreur(s) dans le contenu" in output


def test_content_errors_stop_the_build_even_without_strict(tmp_path: Path) -> None:
    code, output = build(tmp_path, {"experiences/cas-lille.md": "---\n: : :\n---\n"}, strict=False)
    assert code == 1
    assert "docs/experiences/cas-lille.md:2" in output
    code, output = build(tmp_path / "liens", {"guides/co-construction.md": GUIDE + "\n[a](x.md)\n"}, strict=False)
    assert code == 1 and "docs/guides/co-construction.md:13" in output
