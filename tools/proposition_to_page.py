"""Turn an issue written with the form « Proposer une expérience » into a case-study page.

Usage: python3 tools/proposition_to_page.py BODY_FILE [--root DIR] [--issue N]
           [--comment FILE] [--pr-body FILE] [--github-output FILE]

BODY_FILE holds the issue's body as GitHub writes it for an issue form: for each question, a
``### Label`` line, a blank line, then the answer (``_No response_`` when left empty; the choices of
a multiple dropdown separated by ``, ``; checkboxes as ``- [X] label``). The labels and choices are
read from the committed form (.github/ISSUE_TEMPLATE/proposer-experience.yml).

Exit 0: docs/experiences/<id>.md is written (never over an existing file), and the pull request's
description if --pr-body is given. Exit 1: the proposal has mistakes; nothing is written under docs/;
the French comment listing what to fix, each point named by the form's question, goes to --comment (or
to the standard output). Exit 2: wrong use, or a fault of the script; never for what a contributor typed.

Invisible and control characters are removed from the answers (the build refuses them); every answer has
a maximum length (LIMITS); every value the comment repeats from the issue is literal text (a code span:
no link, image, mention or HTML can be made from it).

With --from-verification REPORT, writes instead (to --comment) the comment for a page that the full check
(``./run.sh verifier``, its output in REPORT) refused.
"""
from __future__ import annotations

import argparse
import difflib
import json
import posixpath
import re
import secrets
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent / "hooks"))
import make_issue_forms as forms  # noqa: E402  (the form's own definitions)
from guide_ess.content import policy  # noqa: E402  (the build's content policy)
from engine.links import close_page  # noqa: E402  (the build's suggestion of a page for a broken link)
from guide_ess.data.ids import MAX_ID_LENGTH, slugify  # noqa: E402  (the spreadsheet import makes identifiers the same way)
from guide_ess.text.folding import fold  # noqa: E402

ROOT = forms.ROOT
NO_RESPONSE = "_No response_"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_CHOICE = re.compile(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)$")
SNIPPET = "--8<--"  # pymdownx.snippets: would pull a file of the machine that builds into the page
YEARS = re.compile(r"^[0-9][0-9 -]*$")
CHECKBOX = re.compile(r"^- \[([ xX])\] (.*)$")
ACCEPT_LABEL = "proposition-acceptee"
# Maximum lengths, in characters: what the site's header and menus show well, and what GitHub accepts
# (a pull request title « Nouvelle expérience : <titre> » under 256 characters, a branch
# « proposition/<n>-<id> » and a file name « <id>.md » far under 255 bytes).
LIMITS = {"title": 150, "id": MAX_ID_LENGTH, "description": 300, "territoire": 120, "periode": 20, "acteurs": 2000,
          "source_nouvelle": 1000}
SECTION_LIMIT = 8000  # each text section of the page
MAX_ACTORS, ACTOR_LIMIT = 40, 150
SHOWN_LIMIT = 120  # a value repeated in a comment is cut after this many characters
NOT_FIELDS = {"source_nouvelle", "engagements", *(section_id for section_id, _, _ in forms.SECTIONS)}


@dataclass(frozen=True)
class Element:
    """One question of the form."""

    id: str
    type: str
    label: str
    required: bool
    multiple: bool = False
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One thing to fix, named by the form's question."""

    question: str
    message: str


@dataclass
class Proposal:
    """What the form's answers become: front matter, text sections, and what is wrong."""

    meta: dict[str, Any] = field(default_factory=dict)
    sections: list[tuple[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


class WrongUse(Exception):
    """The script itself is misused or out of step with the form: not the contributor's mistake."""


# --- the form ----------------------------------------------------------------------------------

def load_form(root: Path) -> list[Element]:
    """The questions of the committed form, in order (markdown blocks left out)."""
    path = root / forms.FORM_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise WrongUse(f"{forms.FORM_PATH} illisible : {err}") from None
    elements = []
    for item in data.get("body", []):
        if item.get("type") == "markdown":
            continue
        attributes = item.get("attributes", {})
        options = attributes.get("options", ())
        if item.get("type") == "checkboxes":
            options = [o["label"] for o in options]
        elements.append(Element(item["id"], item["type"], normalize(attributes["label"]),
                                bool(item.get("validations", {}).get("required", False)),
                                bool(attributes.get("multiple", False)), tuple(normalize(o) for o in options)))
    return elements


def normalize(text: str) -> str:
    """NFC text with LF line ends, without byte-order mark, invisible or control characters (the build
    refuses them: bidirectional overrides, zero-width spaces, C0 and C1 controls; line separators become
    spaces, tabs four spaces)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").lstrip("\ufeff")
    text = re.sub("[\u2028\u2029\x85]", " ", text)  # pasted line separators: a space, as the form shows them
    return unicodedata.normalize("NFC", policy.strip_forbidden(text))


def literal(value: str) -> str:
    """``value`` as literal text in a GitHub comment: a code span whose fence no backtick of the value can
    close, on one line, cut when long. Nothing in it becomes a link, an image, a mention or HTML."""
    value = " ".join(value.split())
    if len(value) > SHOWN_LIMIT:
        value = value[:SHOWN_LIMIT] + "…"
    if not value:
        return "(vide)"
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value[0] in "` " or value[-1] in "` " else ""
    return f"{fence}{pad}{value}{pad}{fence}"


_QUOTED = re.compile(r"«\s?(.*?)\s?»")


def inert(text: str) -> str:
    """A message of the build, for a comment: each « value » it quotes becomes literal (:func:`literal`);
    the rest, written by the build, has its Markdown punctuation escaped and no mention."""
    out, at = [], 0
    for quoted in _QUOTED.finditer(text):
        out.append(_escape(text[at:quoted.start()]) + "« " + literal(quoted.group(1)) + " »")
        at = quoted.end()
    out.append(_escape(text[at:]))
    return "".join(out)


def _escape(text: str) -> str:
    text = re.sub(r"([\\`*_\[\]()<>!#|~&\{\}])", r"\\\1", re.sub(r"\s+", " ", text))
    return text.replace("@", "@\u2060").replace("://", ":\u2060//")


def parse_body(body: str, elements: list[Element]) -> tuple[dict[str, str], list[Finding]]:
    """Split the body at the ``### Label`` lines of the form's own questions.

    A ``###`` line that is not one of the form's labels stays inside the answer it is in; a label
    that appears twice (someone typed it in an answer) is reported, since the answers can no longer
    be told apart.
    """
    by_label = {e.label: e for e in elements}
    answers: dict[str, list[str]] = {}
    findings: list[Finding] = []
    current: str | None = None
    for line in normalize(body).split("\n"):
        heading = line[4:].strip() if line.startswith("### ") else None
        element = by_label.get(heading) if heading is not None else None
        if element is not None:
            if element.id in answers:
                findings.append(Finding(element.label, f"la question apparaît deux fois dans le ticket : retirez "
                                        f"la ligne « ### {element.label} » que contient une de vos réponses."))
            answers[element.id] = []
            current = element.id
        elif current is not None:
            answers[current].append(line)
    texts = {}
    for element in elements:
        if element.id not in answers:
            if element.required:
                findings.append(Finding(element.label, "la question manque dans le ticket : ajoutez une ligne "
                                        f"« ### {element.label} », puis votre réponse en dessous."))
            texts[element.id] = ""
            continue
        text = "\n".join(answers[element.id]).strip()
        if not any(unicodedata.category(c)[0] in "LNPS" for c in text):
            text = ""  # nothing visible: joiners, spaces
        empty = text == NO_RESPONSE or (element.type == "dropdown" and text == "None")
        texts[element.id] = "" if empty else text
    return texts, findings


def split_choices(answer: str, options: tuple[str, ...]) -> list[str]:
    """The choices of a multiple dropdown; a choice may itself hold commas (« SCIC, PTCE, TZCLD »)."""
    if not answer:
        return []
    parts = [p.strip() for p in re.split(r",", answer)]
    known = set(options)
    chosen, i = [], 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            candidate = ", ".join(parts[i:j])
            if candidate in known:
                chosen.append(candidate)
                i = j
                break
        else:
            if parts[i]:
                chosen.append(parts[i])
            i += 1
    return chosen


def closest(value: str, choices: dict[str, str]) -> str:
    """' Vouliez-vous dire « x » ?' for the closest allowed choice, or ''.

    ``choices`` maps what may be typed (a label, an identifier) to the choice to propose.
    """
    folded = {fold(typed): shown for typed, shown in choices.items()}
    typed = fold(value)
    match = difflib.get_close_matches(typed, list(folded), n=1, cutoff=0.6)
    if not match and len(typed) >= 4:  # the start of a longer label: « Auvergne »
        match = sorted(f for f in folded if f.startswith(typed))[:1]
    return f" Vouliez-vous dire « {folded[match[0]]} » ?" if match else ""


# --- from answers to a page --------------------------------------------------------------------

def read_vocabularies(root: Path) -> dict[str, dict[str, str]]:
    """docs/.vocabulaires.yml: each kind maps an identifier to its French label."""
    data = yaml.safe_load((root / "docs" / ".vocabulaires.yml").read_text(encoding="utf-8")) or {}
    return {str(kind): {str(k): normalize(str(v)) for k, v in (values or {}).items()}
            for kind, values in data.items()}


def _one_line(element: Element, text: str, proposal: Proposal) -> str:
    if "\n" in text:
        proposal.findings.append(Finding(element.label, "la réponse doit tenir sur une seule ligne."))
        return " ".join(text.split())
    return text


def _dropdown(element: Element, text: str, root: Path, vocabularies: dict[str, dict[str, str]],
              proposal: Proposal) -> list[str]:
    """Identifiers of the chosen values; unknown ones are reported with the closest allowed choice."""
    chosen = split_choices(text, element.options)
    ids: list[str] = []
    folders = forms.reference_folders()
    if element.id in folders:
        for choice in chosen:
            match = SOURCE_CHOICE.search(choice)
            source_id = match.group(1) if match else choice
            if choice == forms.NEW_SOURCE:
                continue
            if SLUG.match(source_id) and (root / "docs" / folders[element.id] / f"{source_id}.md").is_file():
                ids.append(source_id)
            else:
                allowed = {o: o for o in element.options if o != forms.NEW_SOURCE}
                allowed.update({m.group(1): o for o in allowed if (m := SOURCE_CHOICE.search(o))})
                proposal.findings.append(Finding(element.label, f"source inconnue « {literal(choice)} » : choisissez une "
                                                 "source de la liste." + closest(choice, allowed)))
        return ids
    vocabulary = vocabularies.get(element.id)
    if vocabulary is None:
        raise WrongUse(f"la question « {element.label} » ({element.id}) n'a pas de vocabulaire dans "
                       "docs/.vocabulaires.yml : le formulaire et le script ne vont plus ensemble.")
    by_label = {label: id_ for id_, label in vocabulary.items()}
    for choice in chosen:
        if choice in by_label:
            ids.append(by_label[choice])
        elif choice in vocabulary:
            ids.append(choice)
        else:
            typed = {**{label: label for label in vocabulary.values()}, **vocabulary}
            proposal.findings.append(Finding(element.label, f"valeur inconnue « {literal(choice)} »."
                                             + closest(choice, typed)))
    return ids


def read_answers(texts: dict[str, str], elements: list[Element], root: Path,
                 vocabularies: dict[str, dict[str, str]]) -> Proposal:
    """Check each answer and turn it into front matter, text sections or findings."""
    proposal = Proposal()
    sections = {section_id: question.label for section_id, question, _ in forms.SECTIONS}
    folders = forms.reference_folders()
    sources_label = next((e.label for e in elements if e.id in folders), "Sources")
    for element in elements:
        text = texts.get(element.id, "")
        refused = policy_findings(element, text, element.id in sections, root)
        if refused or too_long(element, text, element.id in sections, proposal):
            proposal.findings += refused
            continue
        if element.type == "checkboxes":
            ticked = {m.group(2).strip() for line in text.split("\n") if (m := CHECKBOX.match(line.strip()))
                      and m.group(1) in "xX"}
            for option in element.options:
                if normalize(option) not in ticked:
                    proposal.findings.append(Finding(element.label, f"cochez « {option} »."))
            continue
        if not text:
            if element.required:
                proposal.findings.append(Finding(element.label, "réponse obligatoire : elle est vide."))
            if element.type == "dropdown" and element.multiple:
                proposal.meta[element.id] = []
            continue
        if element.id in sections:
            proposal.sections.append((sections[element.id], demote_headings(text)))
        elif element.id == "source_nouvelle":
            proposal.findings.append(Finding(
                sources_label, f"la source décrite (« {literal(text)} ») n'a pas encore de page sur le "
                "site. Un mainteneur crée d'abord sa page dans docs/sources/ ; choisissez-la ensuite dans la "
                f"liste « Sources » (modifiez le ticket : remplacez « {forms.NEW_SOURCE} » par le titre de la "
                "source suivi de son identifiant entre parenthèses)."))
        elif element.type == "dropdown":
            values = _dropdown(element, text, root, vocabularies, proposal)
            if forms.NEW_SOURCE in split_choices(text, element.options) and not texts.get("source_nouvelle"):
                proposal.findings.append(Finding(element.label, f"vous avez choisi « {forms.NEW_SOURCE} » : "
                                                 "décrivez cette source dans la question suivante."))
            proposal.meta[element.id] = values if element.multiple else (values[0] if values else "")
        elif element.type == "textarea":
            items = [re.sub(r"^[-*•](?:\s+|$)", "", line.strip()).strip() for line in text.split("\n")]
            proposal.meta[element.id] = [item for item in items if item]
        else:
            proposal.meta[element.id] = _one_line(element, text, proposal)
    return proposal


def policy_findings(element: Element, text: str, markdown: bool, root: Path) -> list[Finding]:
    """What the build's content policy refuses in one answer (an answer that becomes text of the page is
    Markdown: HTML, links, attribute lists, inclusions; any other answer, inclusions), and the links of
    a text answer to pages of the site that do not exist."""
    if not text:
        return []
    if SNIPPET in text or "8<" in text and policy.check_page("", text, ""):
        return [Finding(element.label, "« -8<- » inclut un fichier du serveur dans la page : ce n'est pas permis "
                        "dans une proposition, retirez-le.")]
    problems = policy.check_page("", text, text if markdown else "")
    several = "\n" in text
    findings = [Finding(element.label, inert(p.message) + (f" (ligne {p.line} de votre réponse)" if several else ""))
                for p in problems]
    if markdown and not findings:
        findings = link_findings(element, text, root)
    return findings


def link_findings(element: Element, text: str, root: Path) -> list[Finding]:
    """A link of an answer to a page of the site must reach it (the page is written in docs/experiences/),
    and its « #ancre », a heading of that page."""
    docs = root / "docs"
    findings = []
    for line, dest, _image in policy.link_destinations(text):
        path, _, anchor = dest.partition("#")
        if not path or policy.url_problem(dest) or ":" in path.split("/")[0]:
            continue
        target = posixpath.normpath(posixpath.join("experiences", path))
        where = f" (ligne {line} de votre réponse)" if "\n" in text else ""
        if target.startswith("..") or not (docs / target).is_file():
            pages = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
            close = close_page("experiences/page.md", dest, pages)
            findings.append(Finding(element.label, f"le lien « {literal(dest)} » mène à une page qui n'existe pas{where}. "
                                    "Écrivez le chemin du fichier .md à partir du dossier docs/experiences/ (par "
                                    "exemple « ../guides/commande-publique.md »), ou l'adresse complète d'une page "
                                    "d'un autre site (« https://… »)." + (f" Vouliez-vous dire « {literal(close)} » ?"
                                                                        if close else "")))
        elif anchor and target.endswith(".md"):
            anchors = heading_anchors((docs / target).read_text(encoding="utf-8", errors="replace"))
            if anchor not in anchors:
                shown = ", ".join(f"#{a}" for a in anchors) or "aucune"
                findings.append(Finding(element.label, f"le lien « {literal(dest)} » vise un intertitre absent de "
                                        f"docs/{target}{where}. Ancres de cette page : {literal(shown)}."))
    return findings


def heading_anchors(markdown: str) -> list[str]:
    """The anchors of a page's « ## » headings, as the build's table of contents makes them (Python-Markdown's
    ``toc.slugify``: accents dropped, punctuation removed, lower case, words joined by « - »)."""
    def slug(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_text).strip().lower())

    return [slug(m.group(1).strip()) for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*\s*$", markdown, re.MULTILINE)]


def too_long(element: Element, text: str, section: bool, proposal: Proposal) -> bool:
    """Whether an answer is longer than the site and GitHub allow (a finding says by how much)."""
    limit = SECTION_LIMIT if section else LIMITS.get(element.id)
    if element.id == "acteurs":
        items = [line for line in text.split("\n") if line.strip()]
        if len(items) > MAX_ACTORS or any(len(item) > ACTOR_LIMIT for item in items):
            proposal.findings.append(Finding(element.label, f"au plus {MAX_ACTORS} acteurs, de {ACTOR_LIMIT} "
                                             "caractères chacun au plus : gardez les principaux, un par ligne."))
            return True
    if limit is not None and len(text) > limit:
        proposal.findings.append(Finding(element.label, f"réponse trop longue : {len(text)} caractères, {limit} au "
                                         "plus. Raccourcissez-la."))
        return True
    return False


def demote_headings(text: str) -> str:
    """Headings of level 1 or 2 in an answer become level 3: the page's own sections stay its outline."""
    lines, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"^#{1,2}\s", line):
            line = "### " + line.lstrip("#").strip()
        lines.append(line)
    return "\n".join(lines)


def choose_id(proposal: Proposal, id_label: str, root: Path) -> str:
    """The page's identifier: the one given, or one made from the title; never that of an existing page."""
    given = str(proposal.meta.pop("id", "") or "")
    title = str(proposal.meta.get("title", ""))
    if len(given) > MAX_ID_LENGTH:
        proposal.findings.append(Finding(id_label, f"identifiant trop long : {len(given)} caractères, "
                                         f"{MAX_ID_LENGTH} au plus."))
        return ""
    if given:
        if not SLUG.match(given):
            proposal.findings.append(Finding(id_label, f"« {literal(given)} » n'est pas un identifiant valide : minuscules "
                                             "sans accents, chiffres et tirets seulement."
                                             + (f" Vouliez-vous dire « {slugify(given, False)} » ?"
                                                if slugify(given, False) else "")))
            return ""
        page_id = given
    else:
        page_id = slugify(title)
        if not page_id:
            if title:
                proposal.findings.append(Finding(id_label, f"le titre « {literal(title)} » ne contient ni lettre "
                                                 "latine ni chiffre : le nom de la page ne peut pas en être tiré. "
                                                 "Donnez un identifiant (minuscules sans accents, chiffres et tirets, "
                                                 "par exemple « lyon-cantine-bio »)."))
            return ""
    if (root / "docs" / "experiences" / f"{page_id}.md").exists():
        free = next(f"{page_id}-{n}" for n in range(2, 1000)
                    if not (root / "docs" / "experiences" / f"{page_id}-{n}.md").exists())
        origin = "tiré du titre" if not given else "donné"
        proposal.findings.append(Finding(id_label, f"l'identifiant « {page_id} » ({origin}) est déjà celui de la page "
                                         f"docs/experiences/{page_id}.md. S'il s'agit de la même expérience, "
                                         "signalez plutôt ce qu'il faut y changer ; sinon, donnez un autre "
                                         f"identifiant, par exemple « {free} »."))
        return ""
    return page_id


# --- writing the page --------------------------------------------------------------------------

def _reads_back(source: str, expected: Any) -> bool:
    try:
        return bool(yaml.safe_load(source) == expected)
    except yaml.YAMLError:
        return False


def yaml_text(text: str) -> str:
    """A front-matter value: plain when YAML reads it back unchanged, else double-quoted (years always are)."""
    plain = text and not YEARS.match(text) and _reads_back(f"k: {text}", {"k": text})
    return text if plain else json.dumps(text, ensure_ascii=False)


def yaml_list(items: list[str]) -> str:
    """A list in brackets, as the site's pages write them: ``[a, b]``."""
    shown = [item if _reads_back(f"[{item}]", [item]) else json.dumps(item, ensure_ascii=False) for item in items]
    return "[" + ", ".join(shown) + "]"


def render_page(page_id: str, proposal: Proposal, field_order: list[str],
                vocabularies: dict[str, dict[str, str]]) -> str:
    """The markdown file: front matter in the schema's order, the answered sections, links to the guides."""
    meta = dict(proposal.meta, id=page_id)
    lines = ["---"]
    for name in ["id", *[n for n in field_order if n != "id"]]:
        value = meta.get(name)
        if value in (None, "", []):
            continue
        lines.append(f"{name}: {yaml_list(value) if isinstance(value, list) else yaml_text(str(value))}")
    lines.append("---")
    if not _reads_back("\n".join(lines[1:-1]), {k: v for k, v in meta.items() if v not in (None, "", [])}):
        raise WrongUse("l'en-tête écrit ne se relit pas à l'identique : signalez ce ticket aux mainteneurs.")
    parts = ["\n".join(lines)]
    for heading, text in proposal.sections:
        parts.append(f"## {heading}\n\n{text}")
    themes = vocabularies.get("themes", {})
    guides = [f"- Le guide [{themes[t]}](../guides/{t}.md)." for t in meta.get("themes", []) if t in themes]
    if guides:
        parts.append("## Pour aller plus loin\n\n" + "\n".join(guides))
    return "\n\n".join(parts) + "\n"


def check_with_core(root: Path, rel_path: str, text: str) -> list[tuple[str, int, str]]:
    """The build's whole check of pages (hooks/guide_ess, kinds.load): the page is checked as the build will
    check it, among the site's own pages; returns (field, line, message) for this page's problems."""
    import guide_ess.kinds as kinds

    docs = root / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}
    pages[rel_path] = text.encode("utf-8")
    corpus = kinds.load(pages.items(), (docs / ".vocabulaires.yml").read_text(encoding="utf-8"),
                        (docs / ".glossaire.yml").read_text(encoding="utf-8"))
    return [(p.field, p.line, p.message) for p in corpus.problems if p.path == f"docs/{rel_path}"]


def question_at(text: str, line: int, field_name: str, labels: dict[str, str]) -> tuple[str, int]:
    """The form's question that wrote line ``line`` of the page ``text`` (by its field, or by the section
    the line is in), and the line within that answer (0 for a field)."""
    if field_name:
        return labels.get(field_name, "Page"), 0
    lines = text.split("\n")
    headings = {question.label: section_id for section_id, question, _ in forms.SECTIONS}
    in_front, current, start = False, "", 0
    for number, content in enumerate(lines[:max(line, 1)], start=1):
        if number == 1 and content == "---":
            in_front = True
            continue
        if in_front:
            if content == "---":
                in_front = False
            elif (key := re.match(r"^([a-z_]+):", content)):
                current, start = labels.get(key.group(1), "Page"), 0
            continue
        if content.startswith("## ") and content[3:] in headings:
            current, start = labels.get(headings[content[3:]], content[3:]), number + 1
    return current or "Page", (line - start if start and line > start else 0)


# --- messages ----------------------------------------------------------------------------------

def comment_text(findings: list[Finding]) -> str:
    """The French comment posted on the issue when the proposal cannot become a page yet."""
    lines = ["Merci pour cette proposition ! Avant qu'elle devienne une page du guide, il faut corriger "
             f"{'ce point' if len(findings) == 1 else 'ces points'} :", ""]
    lines += [f"- **{f.question}** : {f.message}" for f in findings]
    lines += ["", "Pour corriger : menu « … » en haut de la description du ticket, puis « Edit » (ou "
              "« Modifier »). Gardez les titres « ### » des questions tels quels. Ensuite, un mainteneur remet "
              f"l'étiquette « {ACCEPT_LABEL} » pour relancer la création de la page.",
              "", "Rien n'a été écrit sur le site pour l'instant."]
    return "\n".join(lines) + "\n"


def verification_comment(report: str) -> str:
    """The comment for a page that the full check refused: its report as a block of literal text (a fence
    longer than any run of backticks in it), cut to fit in a GitHub comment."""
    lines = [line for line in normalize(report).split("\n") if not line.startswith("::")]
    text = "\n".join(lines).strip()
    if len(text) > 20000:
        text = text[:20000] + "\n[…]"
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return "\n".join(["Merci pour cette proposition ! La page écrite à partir de vos réponses ne passe pas encore "
                      "la vérification du site :", "", f"{fence}text", text, fence, "",
                      "Corrigez votre ticket (menu « … » de la description, puis « Edit »), puis un mainteneur "
                      f"remettra l'étiquette « {ACCEPT_LABEL} ».", "", "Rien n'a été écrit sur le site pour l'instant."]) + "\n"


def pr_body_text(page_path: str, title: str, issue: int | None) -> str:
    """The description of the pull request that adds the page."""
    origin = f"le ticket #{issue}" if issue else "un ticket"
    lines = [f"Page écrite automatiquement à partir du formulaire « Proposer une expérience » ({origin}).", "",
             f"- Page : `{page_path}`", f"- Titre : {literal(title)}", "",
             "### À vérifier avant de fusionner", "",
             "- [ ] Chaque fait, nom, date et chiffre de la page se trouve dans les sources citées.",
             "- [ ] Rien n'est copié des sources : les phrases sont réécrites.",
             "- [ ] Rien n'est inventé ; les sigles sont développés à leur première apparition.",
             "- [ ] Le fichier brut (bouton « Raw ») ne contient ni HTML, ni lien vers une adresse inattendue : "
             "GitHub masque `<script>`, `<iframe>` et les attributs `on…` quand il affiche un ticket ou une page. "
             "La vérification du site refuse ce qui s'exécuterait, mais un lien trompeur reste à repérer.",
             "- [ ] La vérification et les tests sont passés. Une demande ouverte par le robot de GitHub Actions "
             "ne les lance pas d'elle-même : fermez-la puis rouvrez-la (ou poussez une correction) pour les lancer.",
             ]
    if issue:
        lines += ["", f"Closes #{issue}"]
    return "\n".join(lines) + "\n"


def github_output(values: dict[str, str]) -> str:
    """``name<<DELIMITER`` blocks for $GITHUB_OUTPUT, safe whatever the values hold."""
    out = []
    for name, value in values.items():
        delimiter = f"FIN_{secrets.token_hex(8)}"
        out.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    return "".join(out)


# --- the whole conversion ----------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    """A written page, or the findings that stopped it."""

    page_path: str | None
    title: str
    findings: tuple[Finding, ...]


def convert(body: str, root: Path) -> Result:
    """Read the answers, check them with the form and the build's own checker, write the page if all is well."""
    elements = load_form(root)
    labels = {e.id: e.label for e in elements}
    vocabularies = read_vocabularies(root)
    texts, findings = parse_body(body, elements)
    if not any(texts.values()):
        return Result(None, "", (Finding("Formulaire", "ce ticket n'a pas été rempli avec le formulaire « "
                                         "Proposer une expérience » : aucune de ses questions n'y figure."),))
    proposal = read_answers(texts, elements, root, vocabularies)
    proposal.findings[:0] = findings
    page_id = choose_id(proposal, labels.get("id", "Identifiant"), root)
    field_order = [e.id for e in elements if e.id not in NOT_FIELDS]
    title = str(proposal.meta.get("title", ""))
    rel_path = f"experiences/{page_id or 'proposition'}.md"
    text = render_page(page_id or "proposition", proposal, field_order, vocabularies)
    already = {f.question for f in proposal.findings}
    for field_name, line, message in check_with_core(root, rel_path, text):
        question, answer_line = question_at(text, line, field_name, labels)
        if question not in already and not (field_name == "id" and not page_id):
            where = f" (ligne {answer_line} de votre réponse)" if answer_line else ""
            proposal.findings.append(Finding(question, inert(message) + where))
    if not page_id and not proposal.findings:
        proposal.findings.append(Finding(labels.get("id", "Identifiant"), "le nom de la page n'a pas pu être tiré "
                                         "du titre : donnez un identifiant (minuscules sans accents, chiffres et "
                                         "tirets)."))
    if proposal.findings or not page_id:
        return Result(None, title, tuple(proposal.findings))
    target = root / "docs" / rel_path
    with open(target, "x", encoding="utf-8", newline="\n") as page:  # "x": never over an existing file
        page.write(text)
    return Result(f"docs/{rel_path}", title, ())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Écrit la page d'une expérience proposée par le formulaire.")
    parser.add_argument("body", type=Path, nargs="?", help="fichier contenant la description du ticket")
    parser.add_argument("--from-verification", type=Path, help="rapport de ./run.sh verifier : écrire le "
                        "commentaire qui le transmet (dans --comment)")
    parser.add_argument("--root", type=Path, default=ROOT, help="dossier du projet (par défaut : ce dépôt)")
    parser.add_argument("--issue", type=int, default=None, help="numéro du ticket")
    parser.add_argument("--comment", type=Path, help="où écrire le commentaire en cas d'erreurs")
    parser.add_argument("--pr-body", type=Path, help="où écrire la description de la demande de fusion")
    parser.add_argument("--github-output", type=Path, help="fichier $GITHUB_OUTPUT de l'étape")
    args = parser.parse_args(argv)
    if args.from_verification is not None:
        try:
            text = verification_comment(args.from_verification.read_bytes().decode("utf-8", errors="replace"))
            if args.comment:
                args.comment.write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
        except OSError as err:
            print(f"Erreur : {err}", file=sys.stderr)
            return 2
        return 0
    if args.body is None:
        parser.error("le fichier du ticket manque")
    try:
        body = args.body.read_bytes().decode("utf-8", errors="replace")
        result = convert(body, args.root)
    except (OSError, WrongUse) as err:
        print(f"Erreur : {err}", file=sys.stderr)
        return 2
    outputs: dict[str, str] = {}
    if result.page_path is None:
        text = comment_text(list(result.findings))
        if args.comment:
            args.comment.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        outputs["resultat"] = "erreurs"
        code = 1
    else:
        page_id = Path(result.page_path).stem
        if args.pr_body:
            args.pr_body.write_text(pr_body_text(result.page_path, result.title, args.issue), encoding="utf-8")
        outputs.update(resultat="page", page=result.page_path, id=page_id, titre=result.title)
        print(f"Page écrite : {result.page_path}")
        code = 0
    if args.github_output:
        with open(args.github_output, "a", encoding="utf-8") as out:
            out.write(github_output(outputs))
    return code


if __name__ == "__main__":
    sys.exit(main())
