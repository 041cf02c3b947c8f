"""The records of each page kind and their front-matter fields, declared once.

Each record is a frozen dataclass; every field that comes from the front matter
carries its :class:`FieldSpec` (shape, whether it is required, the vocabulary its
values come from, what it means in French). :func:`fields_of` reads them back, so
checks, page templates and proposal forms all follow the same declaration.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Literal, Protocol, TypeVar

from .problems import Problem, suggest, unknown_value
from .vocabulary import Vocabulary

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PERIOD = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REVIEW_FIELD = "verifie_le"  # the date a page's facts were last checked
_SPEC = "guide_ess.field"
# Fields MkDocs and Material understand on any page.
COMMON_FIELDS = ("title", "description", "index", "hide", "search", "template", "status")


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter field: its shape, whether it is required, and what it means."""

    name: str
    shape: Literal["text", "list"]
    help: str  # in French, for contributors: what to write
    required: bool = True
    vocabulary: str | None = None  # values must come from this vocabulary of docs/.vocabulaires.yml
    min_items: int = 0
    pattern: re.Pattern[str] | None = None
    pattern_hint: str = ""  # in French: what a valid value looks like
    pattern_name: str = ""  # in French: « un identifiant valide »
    check: Callable[[str], str | None] | None = None  # after the pattern: a French message when the value is wrong
    label: str = ""  # in French, short: the column of a spreadsheet (« Régions »); see :func:`label_of`
    refers_to: str | None = None  # values are ids of pages of this kind (« source »): a relation between pages


def text(help: str, *, required: bool = True, vocabulary: str | None = None,
         pattern: re.Pattern[str] | None = None, pattern_name: str = "", pattern_hint: str = "",
         check: Callable[[str], str | None] | None = None, label: str = "") -> Any:
    """A one-line text field of a record."""
    return dataclasses.field(metadata={_SPEC: FieldSpec("", "text", help, required, vocabulary, 0, pattern, pattern_hint,
                                                        pattern_name, check, label)})


def listing(help: str, *, required: bool = True, vocabulary: str | None = None, min_items: int = 1,
            label: str = "", refers_to: str | None = None) -> Any:
    """A list field of a record (« [a, b] » in the front matter); with ``refers_to``, its values are the ids
    of pages of that kind, checked to exist, and those pages list the pages that refer to them."""
    return dataclasses.field(metadata={_SPEC: FieldSpec("", "list", help, required, vocabulary,
                                                        min_items if required else 0, label=label,
                                                        refers_to=refers_to)})


@dataclass(frozen=True)
class Record:
    """What every guide, case study and source has: its path (relative to docs/) and three fields."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()  # set by @declared from the fields below
    # When set, each page's id is a value of this vocabulary, and each value has its page (a guide per theme).
    ID_VOCABULARY: ClassVar[str | None] = None
    path: str
    id: str = text("identifiant : le nom du fichier sans « .md » (minuscules sans accents, chiffres, tirets)",
                   pattern=SLUG, pattern_name="un identifiant valide",
                   pattern_hint="minuscules sans accents, chiffres et tirets seulement", label="Identifiant")
    title: str = text("titre de la page, tel qu'il s'affiche", label="Titre")
    description: str = text("une phrase qui dit ce que le lecteur trouvera sur la page", label="Résumé")


R = TypeVar("R", bound=Record)


def past_date(value: str, today: datetime.date | None = None) -> str | None:
    """Why an ISO date (« 2026-12-02 ») cannot be a review date: not a day of the calendar, or in the
    future; None when it can."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return f"« {value} » n'est pas une date du calendrier : vérifiez le mois (01 à 12) et le jour."
    if day > (today or datetime.date.today()):
        return (f"« {value} » est une date à venir : écrivez le jour où vous avez vérifié les faits de la page "
                "(aujourd'hui ou avant).")
    return None


def review_date(help: str) -> Any:
    """The date the page's facts were last checked against its sources and the law, as « AAAA-MM-JJ »."""
    return text(help, pattern=ISO_DATE, pattern_name="une date écrite « AAAA-MM-JJ »",
                pattern_hint="écrivez l'année, le mois et le jour séparés par des tirets, entre guillemets, "
                "par exemple « verifie_le: \"2026-12-02\" »", check=past_date, label="Date de vérification des faits")


REVIEW_HELP = ("date à laquelle les faits de la page ont été vérifiés pour la dernière fois, dans ses sources et "
               "dans la page « Ce qui a changé depuis les sources » (année-mois-jour, entre guillemets). "
               "Elle s'affiche « À jour au … » en tête de page ; au-delà de 12 mois, la vérification "
               "demande une relecture")


def declared(record: type[R]) -> type[R]:
    """Read once the front-matter fields a record class declares (see :func:`fields_of`)."""
    record.FIELDS = tuple(dataclasses.replace(f.metadata[_SPEC], name=f.name)
                          for f in dataclasses.fields(record) if _SPEC in f.metadata)
    return record


@declared
@dataclass(frozen=True)
class Guide(Record):
    """A thematic guide: one theme of the vocabulary."""

    ID_VOCABULARY: ClassVar[str | None] = "themes"
    sources: tuple[str, ...] = listing("identifiants des pages de docs/sources/ sur lesquelles le guide s'appuie",
                                       label="Sources", refers_to="source")
    verifie_le: str = review_date(REVIEW_HELP)


@declared
@dataclass(frozen=True)
class Case(Record):
    """A case study: one territorial experience."""

    territoire: str = text("le lieu, tel qu'un lecteur le cherche (commune, métropole, département…)",
                           label="Territoire")
    regions: tuple[str, ...] = listing("région(s) concernée(s)", vocabulary="regions", label="Régions")
    echelons: tuple[str, ...] = listing("échelon(s) de collectivité", vocabulary="echelons", label="Échelons")
    periode: str = text("une année (\"2018\") ou deux années séparées par un tiret (\"2021-2026\"), entre guillemets",
                        pattern=PERIOD, pattern_name="une période valide", pattern_hint="écrivez une année (\"2018\") ou deux années séparées par un tiret "
                        "(\"2021-2026\")", label="Période")
    themes: tuple[str, ...] = listing("thème(s) : chacun a son guide", vocabulary="themes", label="Thèmes")
    leviers: tuple[str, ...] = listing("levier(s) d'action publique utilisé(s)", vocabulary="leviers",
                                        label="Leviers")
    acteurs: tuple[str, ...] = listing("collectivités, associations, entreprises qui ont agi (facultatif)", required=False,
                                       label="Acteurs")
    sources: tuple[str, ...] = listing("identifiants des pages de docs/sources/ qui racontent l'expérience",
                                       label="Sources", refers_to="source")
    verifie_le: str = review_date(REVIEW_HELP)


@declared
@dataclass(frozen=True)
class Source(Record):
    """A source page crediting one RTES or Avise resource."""

    editeur: str = text("qui publie la ressource (RTES, Avise…) ; « non précisé » si elle ne le dit pas",
                       label="Éditeur")
    date: str = text("la date telle que la ressource la donne (« juin 2016, actualisée en 2017 »), ou « non datée »",
                     label="Date")
    type: str = text("type de ressource", vocabulary="types_source", label="Type")
    acces: str = text("accès à la ressource", vocabulary="acces", label="Accès")


class FieldLines(Protocol):
    """Where each field is in the file (see :class:`guide_ess.content.frontmatter.Parsed`)."""

    def line_of(self, name: str) -> int: ...


def fields_of(record: type[Record]) -> tuple[FieldSpec, ...]:
    """The front-matter fields of a record type, in declaration order."""
    return record.FIELDS


def label_of(spec: FieldSpec) -> str:
    """The field's short French label (« Régions »), or its name when it declares none."""
    return spec.label or spec.name


def references(record: type[Record]) -> tuple[FieldSpec, ...]:
    """The fields of a record type whose values are ids of other pages (``refers_to``)."""
    return tuple(spec for spec in record.FIELDS if spec.refers_to)


def referenced_values(record: Record, spec: FieldSpec) -> tuple[str, ...]:
    """The ids a record's reference field names (a text field names one)."""
    value = getattr(record, spec.name)
    return (value,) if isinstance(value, str) and value else tuple(value) if not isinstance(value, str) else ()


def _as_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime.date):  # a date written without quotes: YAML reads it as a date
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    return None


def check_fields(path: str, record: type[Record], label: str, meta: dict[str, Any], vocab: Vocabulary,
                 lines: FieldLines | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Check every field of a page whose record type is ``record`` (``label``: its kind, in French);
    return clean values and all problems, each at the line of its field (``lines.line_of(name)``)."""
    fields = fields_of(record)
    problems: list[Problem] = []
    clean: dict[str, Any] = {}
    known = {f.name for f in fields}

    def at(name: str) -> int:
        return lines.line_of(name) if lines is not None else 0

    for name in sorted(set(meta) - known - set(COMMON_FIELDS)):
        problems.append(Problem(path, name, f"champ inconnu pour une page « {label} ». "
                                f"Champs permis : {', '.join(f.name for f in fields)}."
                                + suggest(name, known), at(name)))
    for spec in fields:
        value = meta.get(spec.name)
        line = at(spec.name)
        if value is None or value == "" or value == []:
            if spec.required:
                problems.append(Problem(path, spec.name, _missing(spec), line))
            clean[spec.name] = () if spec.shape == "list" else ""
            continue
        if spec.shape == "text":
            text_value = _as_text(value)
            if text_value is None:
                problems.append(Problem(path, spec.name, f"doit être un texte sur une ligne, pas {_describe(value)}.", line))
                continue
            clean[spec.name] = text_value
            items = [text_value]
        else:
            if not isinstance(value, list):
                problems.append(Problem(path, spec.name, f"doit être une liste entre crochets, par exemple "
                                        f"« {spec.name}: [{_describe_example(value)}] », pas {_describe(value)}.", line))
                continue
            texts = [_as_text(v) for v in value]
            if any(t is None or t == "" for t in texts):
                problems.append(Problem(path, spec.name, "chaque élément de la liste doit être un texte non vide.", line))
                continue
            items = [t for t in texts if t]
            if len(set(items)) != len(items):
                problems.append(Problem(path, spec.name, "une valeur est répétée dans la liste : gardez-la une fois.", line))
            if len(items) < spec.min_items:
                problems.append(Problem(path, spec.name, _missing(spec), line))
            clean[spec.name] = tuple(items)
        if spec.vocabulary:
            allowed = vocab.of(spec.vocabulary)
            for item in items:
                if item not in allowed:
                    problems.append(unknown_value(path, spec.name, item, allowed,
                                                  f"docs/.vocabulaires.yml, « {spec.vocabulary} »", line))
        if spec.pattern is not None and not spec.pattern.match(items[0]):
            what = spec.pattern_name or f"une valeur valide pour « {spec.name} »"
            problems.append(Problem(path, spec.name, f"« {items[0]} » n'est pas {what} : {spec.pattern_hint}.", line))
        elif spec.check is not None and (wrong := spec.check(items[0])) is not None:
            problems.append(Problem(path, spec.name, wrong, line))
    return clean, problems


def build(record: type[R], path: str, clean: dict[str, Any]) -> R:
    """Make the typed record of a page whose fields have been checked."""
    return record(path=path, **{f.name: clean[f.name] for f in fields_of(record)})


def _missing(spec: FieldSpec) -> str:
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
