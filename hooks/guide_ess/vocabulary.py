"""The controlled vocabularies: themes, levers, levels, regions, source types, access."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

import yaml

from .problems import Problem

VOCABULARY_FILE = ".vocabulaires.yml"
KINDS = ("themes", "leviers", "echelons", "regions", "types_source", "acces")


@dataclass(frozen=True)
class Vocabulary:
    """Each kind maps an identifier to its French label, in the file's order."""

    themes: Mapping[str, str]
    leviers: Mapping[str, str]
    echelons: Mapping[str, str]
    regions: Mapping[str, str]
    types_source: Mapping[str, str]
    acces: Mapping[str, str]

    def of(self, kind: str) -> Mapping[str, str]:
        """The vocabulary named ``kind`` (one of KINDS)."""
        value: Mapping[str, str] = getattr(self, kind)
        return value


def load_vocabulary(text: str, path: str = f"docs/{VOCABULARY_FILE}") -> tuple[Vocabulary, list[Problem]]:
    """Parse the vocabulary file; every problem is returned, never raised."""
    problems: list[Problem] = []
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        data = {}
        problems.append(Problem(path, "", f"ce fichier n'est pas du YAML valide ({err})."))
    if not isinstance(data, dict):
        problems.append(Problem(path, "", "ce fichier doit associer chaque vocabulaire à ses valeurs."))
        data = {}
    tables: dict[str, Mapping[str, str]] = {}
    for kind in KINDS:
        entries = data.get(kind)
        if not isinstance(entries, dict) or not entries:
            problems.append(Problem(path, kind, "vocabulaire absent ou vide : ajoutez « identifiant: Libellé » par valeur."))
            entries = {}
        clean: dict[str, str] = {}
        for key, label in entries.items():
            if not isinstance(label, str) or not label.strip():
                problems.append(Problem(path, kind, f"la valeur « {key} » n'a pas de libellé en français."))
                continue
            clean[str(key)] = label.strip()
        tables[kind] = MappingProxyType(clean)
    unknown = sorted(set(data) - set(KINDS))
    for kind in unknown:
        problems.append(Problem(path, str(kind), f"vocabulaire inconnu. Vocabulaires permis : {', '.join(KINDS)}."))
    return Vocabulary(**tables), problems
