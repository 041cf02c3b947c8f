"""The open data published at every build: the case studies as a CSV file, a JSON file, and the
Table Schema (frictionless, in the conventions of schema.data.gouv.fr) that documents their columns,
all made from the checked corpus and the record's declaration; plus the template spreadsheets.

:func:`site_files` returns path (in the built site) → bytes; the engine writes them. The same
columns as the import (:mod:`guide_ess.data.columns`), plus each page's address.
"""
from __future__ import annotations

import csv
import json
import re
from typing import Any, Callable, Mapping, Sequence

from ..content.corpus import Corpus
from ..content.schema import SLUG
from ..content.vocabulary import Vocabulary
from . import cells, template
from .columns import ADDRESS, CASE_KIND, Column, columns_of
from .page_text import split_body

FOLDER = "donnees"
CSV_FILE = f"{FOLDER}/experiences.csv"
JSON_FILE = f"{FOLDER}/experiences.json"
SCHEMA_FILE = f"{FOLDER}/schema.json"
TEMPLATE_FILES = {f"{FOLDER}/modele-experiences.ods": template.ods, f"{FOLDER}/modele-experiences.xlsx": template.xlsx}
FILES = (CSV_FILE, JSON_FILE, SCHEMA_FILE, *TEMPLATE_FILES)  # every file site_files writes
SCHEMA_NAME = "experiences-ess-collectivites"


def records(corpus: Corpus, columns: Sequence[Column], address_of: Callable[[str], str]) -> list[dict[str, Any]]:
    """One mapping per case study, in identifier order: each column's value (lists as lists), its address."""
    out = []
    for case_id in sorted(corpus.cases):
        case = corpus.cases[case_id]
        parsed = corpus.front_matter.get(case.path)
        parts = split_body(parsed.body, columns) if parsed is not None else {}
        item: dict[str, Any] = {}
        for column in columns:
            if column.is_field:
                value = getattr(case, column.key)
                item[column.key] = list(value) if isinstance(value, tuple) else value
            else:
                item[column.key] = parts.get(column.key, "")
        item[ADDRESS] = address_of(case.path)
        out.append(item)
    return out


class _EncodedRows:
    """Where ``csv.writer`` writes: each row encoded to UTF-8 at once. A ``StringIO`` of 10,000 cases'
    texts would hold four bytes a character, then a copy as text, then the bytes."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, text: str) -> int:
        self.parts.append(text.encode("utf-8"))
        return len(text)


def csv_bytes(items: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> bytes:
    """UTF-8, comma-separated, a header of column names; lists one value per line; no cell a spreadsheet
    would run as a formula."""
    out = _EncodedRows()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [c.key for c in columns] + [ADDRESS]
    writer.writerow(names)
    for item in items:
        writer.writerow([cells.safe_for_spreadsheet(cells.join_list(v) if isinstance(v, list) else str(v))
                         for v in (item[name] for name in names)])
    return b"".join(out.parts)


def json_bytes(items: Sequence[Mapping[str, Any]]) -> bytes:
    """A JSON array, one case per line (a change to a case is one line of a diff). Each line is made by
    json's C encoder: an indented whole (``indent=2``) goes through its Python encoder, three times slower.
    The lines are encoded one by one and joined once (no copy of the whole as text)."""
    if not items:
        return b"[]\n"
    parts = [b"[\n"]
    for item in items:
        parts += (json.dumps(item, ensure_ascii=False).encode("utf-8"), b",\n")
    parts[-1] = b"\n]\n"
    return b"".join(parts)


def _alternatives(values: Sequence[str]) -> str:
    return "(?:" + "|".join(v if SLUG.match(v) else re.escape(v) for v in values) + ")"


def field_descriptor(column: Column, vocab: Vocabulary) -> dict[str, Any]:
    """One column in Table Schema: French title and description, type, constraints."""
    spec = column.spec
    descriptor: dict[str, Any] = {"name": column.key, "title": column.label, "type": "string"}
    description = column.help[:1].upper() + column.help[1:] + "."
    constraints: dict[str, Any] = {"required": column.required}
    if spec is not None:
        if spec.shape == "list":
            description += " Plusieurs valeurs : une par ligne dans la cellule."
        if spec.vocabulary:
            allowed = vocab.of(spec.vocabulary)
            description += " Valeurs permises (identifiant : libellé) : " + " ; ".join(
                f"`{id_}` : {label}" for id_, label in allowed.items()) + "."
            if spec.shape == "list":
                one = _alternatives(list(allowed))
                constraints["pattern"] = f"{one}(?:\\n{one})*"
            else:
                constraints["enum"] = list(allowed)
        elif spec.pattern is not None and spec.shape == "text":
            constraints["pattern"] = spec.pattern.pattern.removeprefix("^").removesuffix("$")
    if column.key == "id":
        constraints["unique"] = True
    descriptor["description"] = description
    descriptor["constraints"] = constraints
    return descriptor


def table_schema(columns: Sequence[Column], vocab: Vocabulary, site_url: str, licence: str) -> dict[str, Any]:
    """The Table Schema of the CSV file, in the conventions of schema.data.gouv.fr."""
    base = site_url.rstrip("/") + "/"
    schema: dict[str, Any] = {
        "$schema": "https://frictionlessdata.io/schemas/table-schema.json",
        "name": SCHEMA_NAME,
        "title": "Expériences de collectivités en faveur de l'ESS",
        "description": "Les expériences de territoires du Guide ESS & collectivités : une ligne par expérience, "
                       "les champs de l'en-tête de sa page et le texte de ses rubriques (Markdown). Fichier "
                       "regénéré à chaque publication du guide.",
        "countryCode": "FR",
        "homepage": base,
        "path": base + SCHEMA_FILE,
        "resources": [{"title": "Les expériences du guide", "path": base + CSV_FILE}],
        "missingValues": [""],
    }
    if licence.strip():
        schema["licenses"] = [{"title": licence.strip()}]
    schema["fields"] = [field_descriptor(c, vocab) for c in columns] + [{
        "name": ADDRESS, "title": "Adresse de la page", "type": "string", "format": "uri",
        "description": "L'adresse de la page de l'expérience sur le site du guide.",
        "constraints": {"required": True}}]
    schema["primaryKey"] = ["id"]
    return schema


def site_files(corpus: Corpus, url_of: Callable[[str], str | None], site_url: str, licence: str = "",
               epoch: int = 0) -> dict[str, bytes]:
    """Every open-data file of the built site, path → bytes (``url_of``: a page's address in the site)."""
    columns = columns_of(CASE_KIND)
    base = site_url.rstrip("/") + "/"

    def address_of(path: str) -> str:
        return base + (url_of(path) or "")

    items = records(corpus, columns, address_of)
    files = {CSV_FILE: csv_bytes(items, columns), JSON_FILE: json_bytes(items),
             SCHEMA_FILE: (json.dumps(table_schema(columns, corpus.vocabulary, site_url, licence), ensure_ascii=False,
                                      indent=2) + "\n").encode("utf-8")}
    for path, make in TEMPLATE_FILES.items():
        files[path] = make(columns, corpus.vocabulary, epoch)
    return files

