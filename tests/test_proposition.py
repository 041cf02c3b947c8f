"""From an issue answered with « Proposer une expérience » to a page, or to a French comment.

Each body is written exactly as GitHub writes an issue form's answers: for each question, a
``### Label`` line, a blank line, the answer (``_No response_`` when empty, the choices of a multiple
dropdown joined by ``, ``, checkboxes as ``- [X] label``), questions separated by a blank line.
"""
from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

import make_issue_forms as forms
import proposition_to_page as prop
from helpers import ROOT, make_project, run_mkdocs

Answer = str | list[str] | dict[str, bool] | None


def issue_body(root: Path, answers: dict[str, Answer], line_end: str = "\n") -> str:
    """The body GitHub writes for these answers to the form committed under ``root``."""
    form = yaml.safe_load((root / forms.FORM_PATH).read_text(encoding="utf-8"))
    blocks = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        attributes = element["attributes"]
        value = answers.get(element["id"])
        if element["type"] == "checkboxes":
            ticked = value if isinstance(value, dict) else {}
            text = "\n".join(f"- [{'X' if ticked.get(o['label'], True) else ' '}] {o['label']}"
                             for o in attributes["options"])
        elif isinstance(value, list):
            text = ", ".join(value) if value else "_No response_"
        else:
            text = value or "_No response_"
        blocks.append(f"### {attributes['label']}\n\n{text}")
    return "\n\n".join(blocks).replace("\n", line_end)


GOOD: dict[str, Answer] = {
    "title": "Lyon : des repas bio et locaux dans les cantines",
    "description": "La Ville a revu ses marchés de restauration scolaire.",
    "territoire": "Lyon",
    "regions": ["Auvergne-Rhône-Alpes"],
    "echelons": ["Commune", "Métropole"],
    "periode": "2021-2026",
    "themes": ["Commande publique responsable", "Coopération économique : SCIC, PTCE, TZCLD"],
    "leviers": ["Clauses sociales et environnementales"],
    "acteurs": "Ville de Lyon\n- Une coopérative, « Les Repas »",
    "sources": ["Points de RepèrESS : Marchés publics & ESS (rtes-reperess-marches-publics-2022)"],
    "verifie_le": "2026-12-01",
    "qui_et_ou": "La Ville de Lyon et ses cantines.",
    "ce_qui_a_ete_fait": "Un marché en deux lots.\n\n- un lot bio\n- un lot local",
}


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((root / "docs").rglob("*")) if p.is_file()}


def run(root: Path, body: str, tmp_path: Path, issue: int = 12) -> tuple[int, str, str]:
    """The command line, as the workflow calls it; returns exit code, comment, outputs."""
    body_file, comment, outputs = tmp_path / "ticket.md", tmp_path / "commentaire.md", tmp_path / "sorties"
    body_file.write_bytes(body.encode("utf-8"))
    for f in (comment, outputs):
        f.unlink(missing_ok=True)
    code = prop.main([str(body_file), "--root", str(root), "--issue", str(issue), "--comment", str(comment),
                      "--pr-body", str(tmp_path / "pr.md"), "--github-output", str(outputs)])
    return (code, comment.read_text(encoding="utf-8") if comment.exists() else "",
            outputs.read_text(encoding="utf-8") if outputs.exists() else "")


def parse_outputs(text: str) -> dict[str, str]:
    """Read ``name<<DELIMITER`` blocks back, as the Actions runner does."""
    values, lines = {}, text.split("\n")
    i = 0
    while i < len(lines) and lines[i]:
        name, _, delimiter = lines[i].partition("<<")
        end = lines.index(delimiter, i + 1)
        values[name] = "\n".join(lines[i + 1:end])
        i = end + 1
    return values


def rejected(root: Path, answers: dict[str, Answer], tmp_path: Path) -> str:
    """Convert a bad proposal: exit 1, a comment, and nothing at all changed under docs/."""
    before = snapshot(root)
    code, comment, outputs = run(root, issue_body(root, answers), tmp_path)
    assert code == 1, comment
    assert snapshot(root) == before
    assert parse_outputs(outputs) == {"resultat": "erreurs"}
    assert comment.startswith("Merci pour cette proposition !")
    assert "Rien n'a été écrit sur le site" in comment and "proposition-acceptee" in comment
    return comment


def front_matter(page: Path) -> tuple[dict[str, Any], str]:
    text = page.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict)
    return meta, body


def test_good_proposal_becomes_a_page(repo: Path, tmp_path: Path) -> None:
    code, comment, outputs = run(repo, issue_body(repo, GOOD), tmp_path)
    assert code == 0, comment
    page = repo / "docs" / "experiences" / "lyon-repas-bio-locaux-cantines.md"
    meta, body = front_matter(page)
    assert meta == {
        "id": "lyon-repas-bio-locaux-cantines",
        "title": "Lyon : des repas bio et locaux dans les cantines",
        "description": "La Ville a revu ses marchés de restauration scolaire.",
        "territoire": "Lyon", "regions": ["auvergne-rhone-alpes"], "echelons": ["commune", "metropole"],
        "periode": "2021-2026", "themes": ["commande-publique", "cooperation-economique"],
        "leviers": ["clauses-sociales-environnementales"],
        "acteurs": ["Ville de Lyon", "Une coopérative, « Les Repas »"],
        "sources": ["rtes-reperess-marches-publics-2022"], "verifie_le": "2026-12-01",
    }
    assert 'periode: "2021-2026"' in page.read_text(encoding="utf-8")
    assert 'verifie_le: "2026-12-01"' in page.read_text(encoding="utf-8")
    assert body.index("## Qui et où\n\nLa Ville de Lyon") < body.index("## Ce qui a été fait\n\nUn marché en deux lots.")
    assert "## Les leviers utilisés" not in body  # left empty: no empty section
    assert "- Le guide [Commande publique responsable](../guides/commande-publique.md)." in body
    assert parse_outputs(outputs) == {"resultat": "page", "page": "docs/experiences/lyon-repas-bio-locaux-cantines.md",
                                      "id": "lyon-repas-bio-locaux-cantines",
                                      "titre": "Lyon : des repas bio et locaux dans les cantines"}
    pr_body = (tmp_path / "pr.md").read_text(encoding="utf-8")
    assert "`docs/experiences/lyon-repas-bio-locaux-cantines.md`" in pr_body and pr_body.endswith("Closes #12\n")
    assert "fermez-la puis rouvrez-la" in pr_body
    # the build's own checker has nothing to say about the page among the real pages
    assert prop.check_with_core(repo, "experiences/lyon-repas-bio-locaux-cantines.md",
                                page.read_text(encoding="utf-8")) == []


def test_the_written_page_builds_with_the_real_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert forms.main(["--root", str(project)]) == 0  # the form of this small site, from its own lists
    answers = dict(GOOD, title="Metz : une cantine coopérative", regions=["Grand Est"], echelons=["Commune"],
                   themes=["Commande publique responsable", "Co-construction des politiques publiques"],
                   leviers=["Marchés réservés"], sources=["Fiche A : l'ESS & les achats (fiche-a)"],
                   a_retenir="Voir aussi [la fiche A](../sources/fiche-a.md).")
    code, comment, _ = run(project, issue_body(project, answers), tmp_path)
    assert code == 0, comment
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    html = (tmp_path / "site" / "experiences" / "metz-cantine-cooperative" / "index.html").read_text(encoding="utf-8")
    assert "une cantine coopérative" in html and "Ce que l" in html
    listing = (tmp_path / "site" / "experiences" / "index.html").read_text(encoding="utf-8")
    assert "metz-cantine-cooperative/" in listing


def test_missing_required_answers_are_listed(repo: Path, tmp_path: Path) -> None:
    answers = dict(GOOD, title="", regions=[], ce_qui_a_ete_fait=None, periode="",
                   engagements={forms.PLEDGES[1]: False})
    comment = rejected(repo, answers, tmp_path)
    for label in ("Titre de l'expérience", "Régions", "Ce qui a été fait", "Période"):
        assert f"- **{label}** : réponse obligatoire : elle est vide." in comment
    assert f"- **Avant d'envoyer** : cochez « {forms.PLEDGES[1]} »." in comment
    assert forms.PLEDGES[0] not in comment


def test_a_question_removed_from_the_body_is_reported(repo: Path, tmp_path: Path) -> None:
    body = issue_body(repo, GOOD).replace("### Territoire\n\nLyon\n\n", "")
    code, comment, _ = run(repo, body, tmp_path)
    assert code == 1
    assert "- **Territoire** : la question manque dans le ticket : ajoutez une ligne « ### Territoire »" in comment


def test_unknown_values_get_the_closest_allowed_one(repo: Path, tmp_path: Path) -> None:
    answers = dict(GOOD, regions=["Haut-de-France", "Auvergne"], themes=["commande-publiqe"], echelons=["Ville"],
                   sources=["Points de RepèrESS : Marchés publics & ESS (rtes-reperess-marches-publics-2021)"])
    comment = rejected(repo, answers, tmp_path)
    assert "- **Régions** : valeur inconnue « `Haut-de-France` ». Vouliez-vous dire « Hauts-de-France » ?" in comment
    assert ("- **Thèmes** : valeur inconnue « `commande-publiqe` ». "
            "Vouliez-vous dire « Commande publique responsable » ?") in comment
    assert "- **Échelons** : valeur inconnue « `Ville` »." in comment
    assert "- **Régions** : valeur inconnue « `Auvergne` ». Vouliez-vous dire « Auvergne-Rhône-Alpes » ?" in comment
    assert ("source inconnue « `Points de RepèrESS : Marchés publics & ESS (rtes-reperess-marches-publics-2021)` » : "
            "choisissez une source de la liste. Vouliez-vous dire « Points de RepèrESS : Marchés publics & ESS "
            "(rtes-reperess-marches-publics-2022) » ?") in comment


def test_an_identifier_already_used_is_refused_and_the_page_is_untouched(repo: Path, tmp_path: Path) -> None:
    comment = rejected(repo, dict(GOOD, id="lille-enercoop"), tmp_path)
    assert ("- **Identifiant de la page (facultatif)** : l'identifiant « lille-enercoop » (donné) est déjà celui de "
            "la page docs/experiences/lille-enercoop.md.") in comment
    assert "par exemple « lille-enercoop-2 »" in comment
    # the same when the identifier is made from the title
    comment = rejected(repo, dict(GOOD, title="Lille : Enercoop"), tmp_path)
    assert "l'identifiant « lille-enercoop » (tiré du titre) est déjà celui" in comment


@pytest.mark.parametrize("given, proposed", [("Lyon Cantine", "lyon-cantine"), ("lyon_cantine--bio", "lyon-cantine-bio"),
                                             ("cantine-été", "cantine-ete")])
def test_a_malformed_identifier_is_refused_with_a_proposal(repo: Path, tmp_path: Path, given: str,
                                                           proposed: str) -> None:
    comment = rejected(repo, dict(GOOD, id=given), tmp_path)
    assert (f"« `{given}` » n'est pas un identifiant valide : minuscules sans accents, chiffres et tirets seulement. "
            f"Vouliez-vous dire « {proposed} » ?") in comment


def test_a_given_identifier_is_used(repo: Path, tmp_path: Path) -> None:
    code, comment, _ = run(repo, issue_body(repo, dict(GOOD, id="lyon-cantines")), tmp_path)
    assert code == 0, comment
    assert front_matter(repo / "docs" / "experiences" / "lyon-cantines.md")[0]["id"] == "lyon-cantines"


def test_a_new_source_waits_for_its_page(repo: Path, tmp_path: Path) -> None:
    answers = dict(GOOD, sources=[forms.NEW_SOURCE], source_nouvelle="Délibération du conseil municipal,\n2022")
    comment = rejected(repo, answers, tmp_path)
    assert "- **Sources** : la source décrite (« `Délibération du conseil municipal, 2022` ») n'a pas encore de page" \
        in comment
    assert "champ obligatoire" not in comment  # the build's own message about empty sources is not repeated
    comment = rejected(repo, dict(GOOD, sources=[*GOOD["sources"], forms.NEW_SOURCE]), tmp_path)  # type: ignore[misc]
    assert "décrivez cette source dans la question suivante" in comment


def test_the_builds_own_checks_are_relayed_in_the_forms_words(repo: Path, tmp_path: Path) -> None:
    comment = rejected(repo, dict(GOOD, periode="2021/2026"), tmp_path)
    assert "- **Période** : « `2021/2026` » n'est pas une période valide" in comment


def test_a_wrong_review_date_is_sent_back_with_what_to_write(repo: Path, tmp_path: Path) -> None:
    comment = rejected(repo, dict(GOOD, verifie_le="1er décembre 2026"), tmp_path)
    assert "- **Date de vérification des faits** : « `1er décembre 2026` » n'est pas une date écrite « `AAAA-MM-JJ` »" \
        in comment
    assert "date à venir" in rejected(repo, dict(GOOD, verifie_le="2999-01-01"), tmp_path)


def test_multiple_choices_whose_labels_hold_commas(repo: Path, tmp_path: Path) -> None:
    answers = dict(GOOD, themes=["Coopération économique : SCIC, PTCE, TZCLD", "Commande publique responsable",
                                 "Modes de contractualisation"])
    assert run(repo, issue_body(repo, answers), tmp_path)[0] == 0
    meta, _ = front_matter(repo / "docs" / "experiences" / "lyon-repas-bio-locaux-cantines.md")
    assert meta["themes"] == ["cooperation-economique", "commande-publique", "contractualisation"]


def test_every_choice_of_every_list_is_understood(repo: Path, tmp_path: Path) -> None:
    form = yaml.safe_load((repo / forms.FORM_PATH).read_text(encoding="utf-8"))
    options = {e["id"]: e["attributes"]["options"] for e in form["body"] if e["type"] == "dropdown"}
    answers = dict(GOOD, **{k: [o for o in v if o != forms.NEW_SOURCE] for k, v in options.items()})
    code, comment, _ = run(repo, issue_body(repo, answers), tmp_path)
    assert code == 0, comment
    meta, _ = front_matter(repo / "docs" / "experiences" / "lyon-repas-bio-locaux-cantines.md")
    vocab = yaml.safe_load((repo / "docs" / ".vocabulaires.yml").read_text(encoding="utf-8"))
    for kind in ("regions", "echelons", "themes", "leviers"):
        assert meta[kind] == list(vocab[kind])
    assert len(meta["sources"]) == len(options["sources"]) - 1


def test_unicode_crlf_and_decomposed_accents(repo: Path, tmp_path: Path) -> None:
    answers = dict(GOOD, title="Île-de-France : « Œuvrer ensemble » — 100 % coopératif ✓",
                   regions=[unicodedata.normalize("NFD", "Île-de-France")], territoire="Saint-Denis (93)",
                   description="#Pas un commentaire : oui")
    body = "\ufeff" + issue_body(repo, answers, line_end="\r\n")
    code, comment, _ = run(repo, body, tmp_path)
    assert code == 0, comment
    page = repo / "docs" / "experiences" / "ile-france-oeuvrer-ensemble-100-cooperatif.md"
    raw = page.read_bytes()
    assert b"\r" not in raw
    meta, body_text = front_matter(page)
    assert meta["title"] == "Île-de-France : « Œuvrer ensemble » — 100 % coopératif ✓"
    assert meta["regions"] == ["ile-de-france"] and meta["description"] == "#Pas un commentaire : oui"
    assert "- un lot bio\n- un lot local" in body_text


def test_tricky_values_stay_exactly_what_was_typed(repo: Path, tmp_path: Path) -> None:
    answers = dict(GOOD, territoire="[Lyon]", description="Oui", acteurs="yes\n42\nA: B\n« Coop », SCIC\n- ")
    assert run(repo, issue_body(repo, answers), tmp_path)[0] == 0
    meta, _ = front_matter(repo / "docs" / "experiences" / "lyon-repas-bio-locaux-cantines.md")
    assert meta["territoire"] == "[Lyon]" and meta["description"] == "Oui"
    assert meta["acteurs"] == ["yes", "42", "A: B", "« Coop », SCIC"]


def test_an_injected_heading(repo: Path, tmp_path: Path) -> None:
    # a heading that is not a question stays in the answer, as a sub-heading of the page
    answers = dict(GOOD, ce_qui_a_ete_fait="Un marché.\n\n### Le calendrier\n\nEn 2021.\n\n# Grand titre\n\nTexte.")
    assert run(repo, issue_body(repo, answers), tmp_path)[0] == 0
    _, body = front_matter(repo / "docs" / "experiences" / "lyon-repas-bio-locaux-cantines.md")
    assert "## Ce qui a été fait\n\nUn marché.\n\n### Le calendrier\n\nEn 2021.\n\n### Grand titre\n\nTexte." in body
    # a heading that repeats a question makes the answers ambiguous: reported, nothing written
    answers = dict(GOOD, id="lyon-autre", ce_qui_a_ete_fait="Un marché.\n\n### Thèmes\n\nTransversalité")
    comment = rejected(repo, answers, tmp_path)
    assert "- **Thèmes** : la question apparaît deux fois dans le ticket : retirez la ligne « ### Thèmes »" in comment


def test_a_file_inclusion_is_refused(repo: Path, tmp_path: Path) -> None:
    comment = rejected(repo, dict(GOOD, a_retenir='Voir :\n\n--8<-- ".git/config"'), tmp_path)
    assert "- **Ce que l'on peut en retenir** : « -8<- » inclut un fichier du serveur" in comment


def test_an_answer_on_several_lines_where_one_is_expected(repo: Path, tmp_path: Path) -> None:
    comment = rejected(repo, dict(GOOD, territoire="Lyon\nVilleurbanne"), tmp_path)
    assert "- **Territoire** : la réponse doit tenir sur une seule ligne." in comment


def test_an_issue_not_written_with_the_form(repo: Path, tmp_path: Path) -> None:
    code, comment, _ = run(repo, "Bonjour, voici une idée d'expérience à Lyon.", tmp_path)
    assert code == 1
    assert "n'a pas été rempli avec le formulaire « Proposer une expérience »" in comment


def test_the_script_refuses_to_run_without_the_form(tmp_path: Path) -> None:
    (tmp_path / "ticket.md").write_text("### Titre\n\nx\n", encoding="utf-8")
    assert prop.main([str(tmp_path / "ticket.md"), "--root", str(tmp_path)]) == 2


@pytest.mark.parametrize("title, slug", [
    ("Lyon : des repas bio et locaux dans les cantines", "lyon-repas-bio-locaux-cantines"),
    ("L'Île-d'Yeu, n° 1 : œuvres", "ile-yeu-oeuvres"),
    ("Un " + "très-long-mot " * 10, "tres-long-mot-tres-long-mot-tres-long-mot-tres"),
    ("« »", ""),
])
def test_identifiers_made_from_titles(title: str, slug: str) -> None:
    assert prop.slugify(title) == slug
