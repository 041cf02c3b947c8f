"""The page kinds, their front-matter fields, and the checks on each field."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from .problems import Problem, suggest, unknown_value
from .vocabulary import Vocabulary

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
INDEX_KINDS = ("experiences", "themes", "territoires", "echelons", "leviers", "sources", "glossaire",
               "panorama", "nouveautes", "carte")


@dataclass(frozen=True)
class Guide:
    """A thematic guide: one theme of the vocabulary."""

    path: str
    id: str
    title: str
    description: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """A case study: one territorial experience."""

    path: str
    id: str
    title: str
    description: str
    territoire: str
    regions: tuple[str, ...]
    echelons: tuple[str, ...]
    periode: str
    themes: tuple[str, ...]
    leviers: tuple[str, ...]
    acteurs: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """A source page crediting one RTES or Avise resource."""

    path: str
    id: str
    title: str
    description: str
    editeur: str
    date: str
    type: str
    acces: str


@dataclass(frozen=True)
class Field:
    """One front-matter field: its name, whether it is required, and its shape."""

    name: str
    shape: str  # "text" or "list"
    required: bool = True
    vocabulary: str | None = None  # for values that must come from a vocabulary
    min_items: int = 0


GUIDE_FIELDS = (
    Field("id", "text"),
    Field("title", "text"),
    Field("description", "text"),
    Field("sources", "list", min_items=1),
)
CASE_FIELDS = (
    Field("id", "text"),
    Field("title", "text"),
    Field("description", "text"),
    Field("territoire", "text"),
    Field("regions", "list", vocabulary="regions", min_items=1),
    Field("echelons", "list", vocabulary="echelons", min_items=1),
    Field("periode", "text"),
    Field("themes", "list", vocabulary="themes", min_items=1),
    Field("leviers", "list", vocabulary="leviers", min_items=1),
    Field("acteurs", "list", required=False),
    Field("sources", "list", min_items=1),
)
SOURCE_FIELDS = (
    Field("id", "text"),
    Field("title", "text"),
    Field("description", "text"),
    Field("editeur", "text"),
    Field("date", "text"),
    Field("type", "text", vocabulary="types_source"),
    Field("acces", "text", vocabulary="acces"),
)
# Fields MkDocs and Material understand on any page.
COMMON_FIELDS = ("title", "description", "index", "hide", "search", "template", "status")

KIND_NAMES = {"guide": "guide", "case": "expérience", "source": "source"}
FIELDS_BY_KIND = {"guide": GUIDE_FIELDS, "case": CASE_FIELDS, "source": SOURCE_FIELDS}


def _as_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    return None


def check_fields(path: str, kind: str, meta: dict[str, Any], vocab: Vocabulary) -> tuple[dict[str, Any], list[Problem]]:
    """Check every field of a page of ``kind``; return clean values and all problems."""
    fields = FIELDS_BY_KIND[kind]
    problems: list[Problem] = []
    clean: dict[str, Any] = {}
    known = {f.name for f in fields}
    for name in sorted(set(meta) - known - set(COMMON_FIELDS)):
        problems.append(Problem(path, name, f"champ inconnu pour une page « {KIND_NAMES[kind]} ». "
                                f"Champs permis : {', '.join(f.name for f in fields)}."
                                + suggest(name, known)))
    for spec in fields:
        value = meta.get(spec.name)
        if value is None or value == "" or value == []:
            if spec.required:
                problems.append(Problem(path, spec.name, _missing(spec)))
            clean[spec.name] = () if spec.shape == "list" else ""
            continue
        if spec.shape == "text":
            text = _as_text(value)
            if text is None:
                problems.append(Problem(path, spec.name, f"doit être un texte sur une ligne, pas {_describe(value)}."))
                continue
            clean[spec.name] = text
            items = [text]
        else:
            if not isinstance(value, list):
                problems.append(Problem(path, spec.name, f"doit être une liste entre crochets, par exemple "
                                        f"« {spec.name}: [{_describe_example(value)}] », pas {_describe(value)}."))
                continue
            texts = [_as_text(v) for v in value]
            if any(t is None or t == "" for t in texts):
                problems.append(Problem(path, spec.name, "chaque élément de la liste doit être un texte non vide."))
                continue
            items = [t for t in texts if t]
            if len(set(items)) != len(items):
                problems.append(Problem(path, spec.name, "une valeur est répétée dans la liste : gardez-la une fois."))
            if len(items) < spec.min_items:
                problems.append(Problem(path, spec.name, _missing(spec)))
            clean[spec.name] = tuple(items)
        if spec.vocabulary:
            allowed = vocab.of(spec.vocabulary)
            for item in items:
                if item not in allowed:
                    problems.append(unknown_value(path, spec.name, item, allowed, f"docs/.vocabulaires.yml, « {spec.vocabulary} »"))
    if "id" in clean and clean["id"] and not SLUG.match(clean["id"]):
        problems.append(Problem(path, "id", f"« {clean['id']} » n'est pas un identifiant valide : "
                                "minuscules sans accents, chiffres et tirets seulement."))
    if kind == "case" and clean.get("periode") and not PERIOD.match(clean["periode"]):
        problems.append(Problem(path, "periode", f"« {clean['periode']} » n'est pas une période valide : "
                                "écrivez une année (\"2018\") ou deux années séparées par un tiret (\"2021-2026\")."))
    return clean, problems


def _missing(spec: Field) -> str:
    if spec.shape == "list":
        return f"champ obligatoire manquant ou vide : ajoutez « {spec.name}: [valeur] » (au moins {max(spec.min_items, 1)} valeur)."
    return f"champ obligatoire manquant ou vide : ajoutez « {spec.name}: … » dans l'en-tête."


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "une liste"
    if isinstance(value, dict):
        return "un groupe de champs"
    if isinstance(value, bool):
        return "oui/non"
    if isinstance(value, str):
        return f"le texte « {value} »"
    return f"« {value} »"


def _describe_example(value: Any) -> str:
    return str(value) if isinstance(value, (str, int)) else "valeur"


Record = Guide | Case | Source
Builder = Callable[..., Any]
BUILDERS: dict[str, Builder] = {"guide": Guide, "case": Case, "source": Source}


def build(kind: str, path: str, clean: dict[str, Any]) -> Record:
    """Make the typed record of a page whose fields have been checked."""
    names = [f.name for f in FIELDS_BY_KIND[kind]]
    record: Record = BUILDERS[kind](path=path, **{n: clean[n] for n in names})
    return record
