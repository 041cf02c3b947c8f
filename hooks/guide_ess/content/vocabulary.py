"""The controlled vocabularies: themes, levers, levels, regions, source types, access."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from . import yaml_data
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
    lines: Mapping[tuple[str, ...], int] = field(default_factory=dict, compare=False)  # (kind[, id]) -> line

    def of(self, kind: str) -> Mapping[str, str]:
        """The vocabulary named ``kind`` (one of KINDS)."""
        value: Mapping[str, str] = getattr(self, kind)
        return value

    def line_of(self, kind: str, value: str | None = None) -> int:
        """The line of a vocabulary, or of one of its values, in the file (0 when unknown)."""
        key = (kind,) if value is None else (kind, value)
        return self.lines.get(key, 0)


def load_vocabulary(text: str, path: str = f"docs/{VOCABULARY_FILE}") -> tuple[Vocabulary, list[Problem]]:
    """Parse the vocabulary file; every problem is returned, never raised."""
    problems: list[Problem] = []
    lines: yaml_data.Lines = {}
    try:
        data, lines = yaml_data.load(text)
        data = data or {}
    except yaml_data.YamlError as err:
        data = {}
        problems.append(Problem(path, "", f"ce fichier n'est pas du YAML valide ({err.reason}).", err.line))
    if not isinstance(data, dict):
        problems.append(Problem(path, "", "ce fichier doit associer chaque vocabulaire à ses valeurs.", 1))
        data = {}
    tables: dict[str, Mapping[str, str]] = {}
    for kind in KINDS:
        entries = data.get(kind)
        if not isinstance(entries, dict) or not entries:
            problems.append(Problem(path, kind, "vocabulaire absent ou vide : ajoutez « identifiant: Libellé » par valeur.",
                                    lines.get((kind,), 1)))
            entries = {}
        clean: dict[str, str] = {}
        for key, label in entries.items():
            if not isinstance(label, str) or not label.strip():
                problems.append(Problem(path, kind, f"la valeur « {key} » n'a pas de libellé en français.",
                                        lines.get((kind, str(key)), 0)))
                continue
            clean[str(key)] = label.strip()
        tables[kind] = MappingProxyType(clean)
    unknown = sorted(str(k) for k in set(data) - set(KINDS))
    for kind in unknown:
        problems.append(Problem(path, kind, f"vocabulaire inconnu. Vocabulaires permis : {', '.join(KINDS)}.",
                                lines.get((kind,), 0)))
    kept: dict[tuple[str, ...], int] = {tuple(str(k) for k in key): line for key, line in lines.items() if len(key) <= 2}
    return Vocabulary(**tables, lines=MappingProxyType(kept)), problems
