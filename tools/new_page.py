"""Start a page: ``./run.sh nouvelle experience lyon-cantine-bio`` (or ``guide``, ``source``).

Writes ``docs/<folder>/<id>.md`` from the schema of its kind: every field of the
front matter, left empty, under a French comment that says what it means and, for
a field whose values come from ``docs/.vocabulaires.yml``, lists them; then the
usual headings of such a page. The page does not build until its fields are
filled: the build then says, field by field, what is missing. Never overwrites a
file; refuses a malformed identifier, or a guide whose theme is not in the
vocabularies.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import Mapping, NoReturn, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

import guide_ess.kinds as kinds  # noqa: E402
from guide_ess.content.placeholders import PLACEHOLDER_LINE  # noqa: E402
from guide_ess.content.problems import suggest  # noqa: E402
from guide_ess.content.schema import REVIEW_FIELD, SLUG, FieldSpec, fields_of  # noqa: E402
from guide_ess.content.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary  # noqa: E402

EXAMPLES = {"periode": '"2021-2026"', "regions": "[hauts-de-france]", "sources": "[identifiant-de-la-source]"}


class Refused(Exception):
    """A request that cannot be done, with the French reason and what to do."""


def _example(name: str) -> str | None:
    if name == REVIEW_FIELD:  # today's date, as the contributor who checks the facts today writes it
        return f'"{datetime.date.today().isoformat()}"'
    return EXAMPLES.get(name)


def _comment(spec: FieldSpec, vocab: Vocabulary, sources: Sequence[str]) -> list[str]:
    """The comment above a field of the new page (``sources``: the ids of the pages a reference field may name)."""
    example = _example(spec.name)
    need = "obligatoire" if spec.required else "facultatif"
    shape = "liste entre crochets, par exemple " + (example or "[valeur-a, valeur-b]") \
        if spec.shape == "list" else "texte sur une ligne" + (f", par exemple {example}" if example else "")
    lines = [f"# {spec.name} ({need}, {shape}) : {spec.help}."]
    if spec.vocabulary:
        values = vocab.of(spec.vocabulary)
        lines.append(f"#   Valeurs permises ({VOCABULARY_FILE}, « {spec.vocabulary} ») :")
        lines += [f"#     {value} = {label}" for value, label in values.items()]
    target = next((k for k in kinds.PAGE_KINDS if k.name == spec.refers_to), None)
    if target is not None:
        lines.append(f"#   Pages « {target.label} » qui existent déjà (docs/{target.folder}/) : "
                     + (", ".join(sources) or "aucune") + ".")
        lines.append(f"#   Il en manque une ? Créez sa page : ./run.sh nouvelle {target.command} <identifiant>.")
    return lines


def page_text(kind: kinds.PageKind, page_id: str, vocab: Vocabulary,
              existing: Mapping[str, Sequence[str]] | None = None) -> str:
    """The new page: commented empty fields, then the usual headings (``existing``: the ids of the pages of
    each kind that its reference fields may name)."""
    out = ["---", f"# Nouvelle page « {kind.label} » : remplissez chaque champ après les deux-points, puis lancez",
           "# « ./run.sh verifier ». Les lignes qui commencent par « # » sont des commentaires : vous pouvez",
           "# les effacer. Mettez entre guillemets une valeur qui contient « : » ou « # ».", ""]
    for spec in fields_of(kind.record):
        out += _comment(spec, vocab, (existing or {}).get(spec.refers_to or "", ()))
        value = page_id if spec.name == "id" else ("[]" if spec.shape == "list" else "")
        out += [f"{spec.name}: {value}".rstrip(), ""]
    out[-1] = "---"
    out.append("")
    for heading in kind.sections:
        out += [f"## {heading}", "", PLACEHOLDER_LINE, ""]
    return "\n".join(out)


def kind_of(command: str) -> kinds.PageKind:
    found = {k.command: k for k in kinds.PAGE_KINDS}
    if command not in found:
        raise Refused(f"sorte de page inconnue « {command} » : écrivez {', '.join(sorted(found))}."
                      + suggest(command, found))
    return found[command]


def create(root: Path, command: str, page_id: str) -> Path:
    """Write the new page and return its path; raise :class:`Refused` with a French message otherwise."""
    kind = kind_of(command)
    if not SLUG.match(page_id):
        raise Refused(f"« {page_id} » n'est pas un identifiant valide : minuscules sans accents, chiffres et tirets "
                      "seulement (par exemple « lyon-cantine-bio »).")
    docs = root / "docs"
    vocab, problems = load_vocabulary((docs / VOCABULARY_FILE).read_text(encoding="utf-8"))
    if problems:
        raise Refused(f"docs/{VOCABULARY_FILE} contient des erreurs : lancez « ./run.sh verifier ».")
    named_after = kind.record.ID_VOCABULARY
    if named_after and page_id not in vocab.of(named_after):
        values = vocab.of(named_after)
        raise Refused(f"une page « {kind.label} » porte le nom d'une valeur de « {named_after} » : « {page_id} » n'en est "
                      f"pas une dans docs/{VOCABULARY_FILE}. Ajoutez-la d'abord à « {named_after} » avec son libellé, ou "
                      f"choisissez une valeur existante : {', '.join(values)}." + suggest(page_id, values))
    path = docs / kind.folder / f"{page_id}.md"
    folders = {k.name: k.folder for k in kinds.PAGE_KINDS}
    existing = {spec.refers_to: sorted(p.stem for p in (docs / folders[spec.refers_to]).glob("*.md") if p.stem != "index")
               for spec in fields_of(kind.record) if spec.refers_to in folders}
    try:
        with path.open("x", encoding="utf-8") as page:
            page.write(page_text(kind, page_id, vocab, existing))
    except FileExistsError:
        raise Refused(f"docs/{kind.folder}/{page_id}.md existe déjà : choisissez un autre identifiant, "
                      "ou modifiez la page existante.") from None
    return path


class FrenchParser(argparse.ArgumentParser):
    """argparse, with its mistakes told in French (its own messages are in English)."""

    def error(self, message: str) -> NoReturn:
        kinds_list = "|".join(k.command for k in kinds.PAGE_KINDS)
        missing = "required" in message
        print(("Il manque " + ("la sorte de page et l'identifiant" if "sorte" in message else "l'identifiant")
               if missing else "Trop d'arguments") +
              f". Écrivez : ./run.sh nouvelle {kinds_list} IDENTIFIANT (par exemple : ./run.sh nouvelle experience "
              "lyon-cantine-bio ; l'identifiant est le nom du fichier, en minuscules sans accents, chiffres et "
              "tirets).", file=sys.stderr)
        raise SystemExit(2)


def main(argv: Sequence[str] | None = None, root: Path = ROOT) -> int:
    parser = FrenchParser(prog="./run.sh nouvelle", description="Commencer une page du guide.", add_help=False)
    parser.add_argument("-h", "--help", action="help", help="affiche cette aide")
    parser.add_argument("sorte", help="experience, guide ou source")
    parser.add_argument("identifiant", help="nom du fichier sans .md, par exemple lyon-cantine-bio")
    args = parser.parse_args(argv)
    try:
        path = create(root, args.sorte, args.identifiant)
    except Refused as refused:
        print(f"Rien n'a été écrit : {refused}", file=sys.stderr)
        return 1
    print(f"Page créée : {path.relative_to(root).as_posix()}. Remplissez ses champs, écrivez son texte, "
          "puis lancez « ./run.sh verifier ».")
    return 0


if __name__ == "__main__":
    sys.exit(main())
