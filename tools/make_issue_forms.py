"""Write the issue form « Proposer une expérience » from the site's own lists, so that it cannot drift.

Usage: python3 tools/make_issue_forms.py [--check] [--root DIR]

One question per front-matter field of a case study (the fields of Case in the build's schema), in the same
order; the choices of regions, levels, themes and levers come from docs/.vocabulaires.yml (their French
labels, in the file's order), the choices of sources from the pages of docs/sources/. Run it after
changing one of those; ``--check`` only says whether the committed form is up to date (exit 1 if not).
tools/proposition_to_page.py reads the same form to turn an answered issue into a page.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
FORM_PATH = ".github/ISSUE_TEMPLATE/proposer-experience.yml"
NEW_SOURCE = "Nouvelle source (décrivez-la plus bas)"
PROPOSAL_LABEL = "proposition"
HEADER = ("# Généré par tools/make_issue_forms.py depuis hooks/guide_ess/content/schema.py (Case),\n"
          "# docs/.vocabulaires.yml et docs/sources/ : ne pas modifier à la main, relancez le script.\n")


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter field of a case study, as the build's schema declares it."""

    name: str
    shape: str  # "text" or "list"
    required: bool
    vocabulary: str | None
    refers_to: str | None = None  # the kind of page its values name (« source »), as the schema declares it


@dataclass(frozen=True)
class Site:
    """What the form is made from: the case fields, the vocabularies, the pages a reference field may name
    (kind -> id -> title)."""

    fields: tuple[FieldSpec, ...]
    vocabularies: dict[str, dict[str, str]]
    pages: dict[str, dict[str, str]]


def read_site(root: Path) -> Site:
    """The ONE place that uses the build's core (hooks/guide_ess): fields, vocabularies, source pages."""
    sys.path.insert(0, str(ROOT / "hooks"))
    import guide_ess.kinds as kinds
    from guide_ess.content.schema import Case, fields_of
    from guide_ess.content.vocabulary import KINDS

    docs = root / "docs"
    pages = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in sorted(docs.rglob("*.md"))]
    corpus = kinds.load(pages, (docs / ".vocabulaires.yml").read_text(encoding="utf-8"),
                        (docs / ".glossaire.yml").read_text(encoding="utf-8"))
    fields = tuple(FieldSpec(f.name, f.shape, f.required, f.vocabulary, f.refers_to) for f in fields_of(Case))
    vocabularies = {kind: dict(corpus.vocabulary.of(kind)) for kind in KINDS}
    referenced = {f.refers_to: {id_: r.title for id_, r in corpus.table(f.refers_to).items()}
                  for f in fields if f.refers_to}
    return Site(fields, vocabularies, referenced)


def reference_folders() -> dict[str, str]:
    """Each field of a case study that names other pages (the schema's ``refers_to``) -> the folder of docs/
    those pages are in."""
    sys.path.insert(0, str(ROOT / "hooks"))
    import guide_ess.kinds as kinds
    from guide_ess.content.schema import Case, references

    folders = {k.name: k.folder for k in kinds.PAGE_KINDS}
    return {f.name: folders[f.refers_to] for f in references(Case) if f.refers_to in folders}


@dataclass(frozen=True)
class Question:
    """How the form asks for one field: label, help text, example."""

    label: str
    description: str
    placeholder: str = ""


# One question per field of Case (a field without a question stops the script).
QUESTIONS = {
    "title": Question("Titre de l'expérience", "Le territoire, deux-points, puis ce qui a été fait, en quelques mots.",
                      "Ville de Lille : une électricité renouvelable achetée à une coopérative"),
    "id": Question("Identifiant de la page (facultatif)",
                   "Il forme l'adresse de la page : minuscules sans accents, chiffres et tirets. "
                   "Laissez vide pour le tirer du titre.", "lille-electricite-cooperative"),
    "description": Question("Résumé en une phrase", "Ce que le lecteur apprendra : il s'affiche sous le titre "
                            "et dans les listes."),
    "territoire": Question("Territoire", "Le nom du lieu, tel qu'un lecteur le chercherait.", "Lille"),
    "regions": Question("Régions", "Une ou plusieurs. « France entière » pour une démarche nationale, "
                        "« Hors de France » pour une expérience à l'étranger."),
    "echelons": Question("Échelons", "Qui porte l'action : un ou plusieurs échelons."),
    "periode": Question("Période", "Une année, ou deux années séparées par un tiret.", "2021-2026"),
    "themes": Question("Thèmes", "Un ou plusieurs : chaque thème a son guide sur le site."),
    "leviers": Question("Leviers", "Les outils que la collectivité a utilisés : un ou plusieurs."),
    "acteurs": Question("Acteurs (facultatif)", "Collectivités, associations, entreprises : un nom par ligne.",
                        "Ville de Lille\nEnercoop"),
    "sources": Question("Sources", "Les ressources, déjà présentées sur le site, d'où viennent les faits. "
                        f"Si la vôtre n'y est pas, choisissez « {NEW_SOURCE} »."),
    "verifie_le": Question("Date de vérification des faits",
                           "Le jour où vous avez vérifié les faits dans les sources (et, pour une règle de droit, "
                           "dans la page « Ce qui a changé depuis les sources »), écrit année-mois-jour. "
                           "Il s'affiche « À jour au … » en tête de page ; les pages vérifiées il y a plus de "
                           "12 mois sont signalées pour relecture.", "2026-12-02"),
}
NEW_SOURCE_QUESTION = Question(
    "Nouvelle source (si vous l'avez choisie)",
    "Titre, éditeur, date de publication et, si elle existe, l'adresse web de la ressource. "
    "Un mainteneur crée sa page sur le site avant de transformer votre proposition en page.")
# The text of the page: one section per question, in this order (the sections of every case page).
SECTIONS = (
    ("qui_et_ou", Question("Qui et où", "Qui a agi, où, avec qui."), False),
    ("ce_qui_a_ete_fait", Question("Ce qui a été fait", "Les faits, dans l'ordre, chacun tiré des sources. "
                                   "Vous pouvez faire des listes avec « - » en début de ligne."), True),
    ("leviers_utilises", Question("Les leviers utilisés", "Comment chaque levier a servi."), False),
    ("a_retenir", Question("Ce que l'on peut en retenir", "Ce qu'une autre collectivité peut en tirer."), False),
)
PLEDGES = (
    "J'ai écrit ce texte avec mes mots : rien n'est copié des sources (une courte citation est entre « » "
    "et dit de qui elle est).",
    "Chaque fait, nom, date et chiffre vient des sources indiquées : rien n'est inventé.",
)
PLEDGES_LABEL = "Avant d'envoyer"
INTRO = (
    "Merci de partager une expérience ! Remplissez ce formulaire : pas besoin de connaître Git.\n\n"
    "Un mainteneur relit votre proposition. S'il l'accepte, la page est écrite automatiquement à partir de "
    "vos réponses et proposée au site ; s'il manque quelque chose, un commentaire vous dit quoi corriger "
    "(modifiez alors votre ticket).\n\n"
    "Deux règles : **réécrire, ne jamais copier** les sources, et **ne rien inventer** : chaque fait vient "
    "d'une source indiquée plus bas."
)


def source_option(source_id: str, title: str) -> str:
    """The choice shown for a source page; tools/proposition_to_page.py reads the id back."""
    return f"{title} ({source_id})"


def _sort_key(text: str) -> str:
    from guide_ess.text.folding import fold  # the core is on the path once read_site has run
    return fold(text)


def _element(spec: FieldSpec, site: Site) -> dict[str, Any]:
    question = QUESTIONS[spec.name]
    attributes: dict[str, Any] = {"label": question.label, "description": question.description}
    if spec.vocabulary or spec.refers_to:
        if spec.vocabulary:
            options = list(site.vocabularies[spec.vocabulary].values())
        else:
            ordered = sorted(site.pages.get(spec.refers_to or "", {}).items(), key=lambda item: _sort_key(item[1]))
            options = [source_option(id_, title) for id_, title in ordered] + [NEW_SOURCE]
        if len(set(options)) != len(options):
            raise SystemExit(f"Deux choix identiques dans « {question.label} » : rendez les libellés distincts.")
        kind = "dropdown"
        attributes["multiple"] = spec.shape == "list"
        attributes["options"] = options
    else:
        kind = "input" if spec.shape == "text" else "textarea"
        if question.placeholder:
            attributes["placeholder"] = question.placeholder
    element: dict[str, Any] = {"type": kind, "id": spec.name, "attributes": attributes}
    element["validations"] = {"required": spec.required and spec.name != "id"}
    return element


def asked_order(fields: tuple[FieldSpec, ...]) -> list[FieldSpec]:
    """The schema's order, except that the page's identifier is asked right after its title."""
    ordered = [f for f in fields if f.name != "id"]
    position = next((i + 1 for i, f in enumerate(ordered) if f.name == "title"), 0)
    return ordered[:position] + [f for f in fields if f.name == "id"] + ordered[position:]


def proposal_form(site: Site) -> dict[str, Any]:
    """The issue form « Proposer une expérience », as data."""
    names = [f.name for f in site.fields]
    missing = [n for n in names if n not in QUESTIONS]
    extra = [n for n in QUESTIONS if n not in names]
    if missing or extra:
        raise SystemExit("Les questions du formulaire ne suivent plus les champs d'une expérience "
                         f"(hooks/guide_ess/content/schema.py) : sans question : {', '.join(missing) or 'aucun'} ; "
                         f"question sans champ : {', '.join(extra) or 'aucune'}. Mettez QUESTIONS à jour.")
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for spec in asked_order(site.fields):
        body.append(_element(spec, site))
        if spec.refers_to:
            body.append({"type": "textarea", "id": "source_nouvelle",
                         "attributes": {"label": NEW_SOURCE_QUESTION.label,
                                        "description": NEW_SOURCE_QUESTION.description},
                         "validations": {"required": False}})
    body.append({"type": "markdown", "attributes": {"value": "## Le texte de la page\n\nUne réponse par "
                                                    "partie de la page ; écrivez des phrases courtes."}})
    for element_id, question, required in SECTIONS:
        body.append({"type": "textarea", "id": element_id,
                     "attributes": {"label": question.label, "description": question.description},
                     "validations": {"required": required}})
    body.append({"type": "checkboxes", "id": "engagements",
                 "attributes": {"label": PLEDGES_LABEL, "options": [{"label": p, "required": True} for p in PLEDGES]}})
    return {
        "name": "Proposer une expérience",
        "description": "Racontez ce qu'un territoire a fait pour l'ESS : la page est écrite à partir de vos réponses.",
        "title": "Expérience : ",
        "labels": [PROPOSAL_LABEL],
        "body": body,
    }


class _Dumper(yaml.SafeDumper):
    """Multi-line texts as literal blocks, so that the committed form reads like the form."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render(form: dict[str, Any]) -> str:
    """The form as committed: a header, then YAML in a stable layout."""
    return HEADER + yaml.dump(form, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110,
                              default_flow_style=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Écrit le formulaire « Proposer une expérience ».")
    parser.add_argument("--check", action="store_true", help="vérifie seulement que le formulaire est à jour")
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier du projet (par défaut : ce dépôt)")
    args = parser.parse_args(argv)
    target = args.root / FORM_PATH
    text = render(proposal_form(read_site(args.root)))
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if args.check:
        if current != text:
            print(f"{FORM_PATH} n'est plus à jour (vocabulaires, sources ou champs ont changé) : "
                  "lancez « .venv/bin/python tools/make_issue_forms.py » (après une tâche de ./run.sh) et enregistrez le résultat.", file=sys.stderr)
            return 1
        print(f"{FORM_PATH} est à jour.")
        return 0
    if current != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"{FORM_PATH} écrit.")
    else:
        print(f"{FORM_PATH} déjà à jour.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
