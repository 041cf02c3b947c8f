"""The issue forms: valid for GitHub, and « Proposer une expérience » in step with the site's own lists."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import make_issue_forms as forms
from guide_ess.content.schema import Case, fields_of
from helpers import ROOT

FORMS_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
# The keys GitHub's documentation gives for an issue form and its elements ("Syntax for issue forms",
# "Syntax for GitHub's form schema").
TOP_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
ATTRIBUTES = {
    "markdown": {"value"},
    "input": {"label", "description", "placeholder", "value"},
    "textarea": {"label", "description", "placeholder", "value", "render"},
    "dropdown": {"label", "description", "multiple", "options", "default"},
    "checkboxes": {"label", "description", "options"},
}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def form_problems(form: dict[str, Any]) -> list[str]:
    """What GitHub would refuse in an issue form, after its documented rules."""
    problems = [f"clé inconnue : {k}" for k in set(form) - TOP_KEYS]
    problems += [f"clé manquante : {k}" for k in ("name", "description", "body") if not form.get(k)]
    ids: set[str] = set()
    labels: set[str] = set()
    for element in form.get("body", []):
        kind = element.get("type")
        if kind not in ELEMENT_TYPES:
            problems.append(f"type inconnu : {kind}")
            continue
        attributes = element.get("attributes", {})
        problems += [f"{kind} : attribut inconnu {a}" for a in set(attributes) - ATTRIBUTES[kind]]
        problems += [f"{kind} : clé inconnue {k}" for k in set(element) - {"type", "id", "attributes", "validations"}]
        if kind == "markdown":
            if not attributes.get("value"):
                problems.append("markdown sans texte")
            continue
        element_id = element.get("id", "")
        if not re.fullmatch(r"[A-Za-z0-9_-]+", element_id) or element_id in ids:
            problems.append(f"id invalide ou répété : {element_id!r}")
        ids.add(element_id)
        label = attributes.get("label", "")
        if not isinstance(label, str) or not label.strip() or label in labels:
            problems.append(f"libellé vide ou répété : {label!r}")
        labels.add(label)
        if set(element.get("validations", {})) - {"required"}:
            problems.append(f"{element_id} : validation inconnue")
        options = attributes.get("options")
        if kind == "dropdown":
            if not options or not all(isinstance(o, str) and o.strip() for o in options) \
                    or len(set(options)) != len(options):
                problems.append(f"{element_id} : choix vides ou répétés")
        if kind == "checkboxes":
            if not options or not all(isinstance(o, dict) and set(o) <= {"label", "required"} and o.get("label")
                                      for o in options):
                problems.append(f"{element_id} : cases à cocher mal formées")
    return problems


@pytest.mark.parametrize("name", ["proposer-experience.yml", "signaler-erreur.yml"])
def test_issue_forms_follow_githubs_schema(name: str) -> None:
    assert form_problems(load(FORMS_DIR / name)) == []


def test_schema_check_itself_catches_mistakes() -> None:
    form = load(FORMS_DIR / "proposer-experience.yml")
    form["body"][1]["attributes"]["colour"] = "rouge"
    form["body"][2]["id"] = form["body"][1]["id"]
    form["body"].append({"type": "dropdown", "id": "vide", "attributes": {"label": "Vide", "options": ["a", "a"]}})
    assert len(form_problems(form)) == 3


def test_error_form_asks_for_page_error_and_source() -> None:
    form = load(FORMS_DIR / "signaler-erreur.yml")
    questions = {e["id"]: e for e in form["body"] if e["type"] != "markdown"}
    assert form["name"] == "Signaler une erreur"
    for required in ("page", "erreur", "source"):
        assert questions[required]["validations"]["required"] is True


def test_committed_proposal_form_is_what_the_script_writes(capsys: pytest.CaptureFixture[str]) -> None:
    assert forms.main(["--check"]) == 0, capsys.readouterr().err


def test_every_case_field_is_asked_with_the_vocabulary_as_choices() -> None:
    form = load(FORMS_DIR / "proposer-experience.yml")
    elements = {e["id"]: e for e in form["body"] if e["type"] != "markdown"}
    vocab = yaml.safe_load((ROOT / "docs" / ".vocabulaires.yml").read_text(encoding="utf-8"))
    for spec in fields_of(Case):
        element = elements[spec.name]
        assert element["validations"]["required"] is (spec.required and spec.name != "id"), spec.name
        if spec.vocabulary:
            assert element["type"] == "dropdown"
            assert element["attributes"]["multiple"] is (spec.shape == "list")
            assert element["attributes"]["options"] == list(vocab[spec.vocabulary].values())
    sources = elements["sources"]["attributes"]["options"]
    pages = sorted(p.stem for p in (ROOT / "docs" / "sources").glob("*.md") if p.stem != "index")
    assert sorted(re.search(r"\(([a-z0-9-]+)\)$", o).group(1) for o in sources[:-1]) == pages  # type: ignore[union-attr]
    assert sources[-1] == forms.NEW_SOURCE


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "depot"
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / ".github", root / ".github")
    return root


def test_a_new_vocabulary_value_makes_the_check_fail_until_the_form_is_written_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path)
    assert forms.main(["--check", "--root", str(root)]) == 0
    vocab = root / "docs" / ".vocabulaires.yml"
    vocab.write_text(vocab.read_text(encoding="utf-8").replace(
        '  locaux-foncier: "Locaux et foncier"\n',
        '  locaux-foncier: "Locaux et foncier"\n  tiers-lieux: "Tiers-lieux"\n'), encoding="utf-8")
    assert forms.main(["--check", "--root", str(root)]) == 1
    assert "n'est plus à jour" in capsys.readouterr().err
    assert forms.main(["--root", str(root)]) == 0
    levers = next(e for e in load(root / forms.FORM_PATH)["body"] if e.get("id") == "leviers")
    assert levers["attributes"]["options"][-1] == "Tiers-lieux"
    assert forms.main(["--check", "--root", str(root)]) == 0


def test_a_new_source_page_makes_the_check_fail(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    source = (root / "docs" / "sources" / "rtes-sieg.md").read_text(encoding="utf-8")
    (root / "docs" / "sources" / "rtes-sieg-bis.md").write_text(
        source.replace("id: rtes-sieg", "id: rtes-sieg-bis").replace("title: ", "title: Bis "), encoding="utf-8")
    assert forms.main(["--check", "--root", str(root)]) == 1


def test_a_case_field_without_a_question_stops_the_script() -> None:
    fields = tuple(forms.FieldSpec(f.name, f.shape, f.required, f.vocabulary) for f in fields_of(Case))
    site = forms.Site(fields + (forms.FieldSpec("budget", "text", True, None),), {}, {})
    with pytest.raises(SystemExit, match="sans question : budget"):
        forms.proposal_form(site)
