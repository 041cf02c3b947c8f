"""The glossary of acronyms: one data file, checked."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from . import yaml_data
from .problems import Problem, unknown_value

GLOSSARY_FILE = ".glossaire.yml"


@dataclass(frozen=True)
class Term:
    """An acronym, its expansion and, optionally, the theme of the guide to read."""

    sigle: str
    developpe: str
    guide: str | None = None
    line: int = 0  # where the entry starts in the glossary file


def load_glossary(text: str, themes: Mapping[str, str], path: str = f"docs/{GLOSSARY_FILE}") -> tuple[tuple[Term, ...], list[Problem]]:
    """Parse and check the glossary; every problem is returned, never raised."""
    problems: list[Problem] = []
    try:
        data, lines = yaml_data.load(text)
    except yaml_data.YamlError as err:
        where = f" ligne {err.line}" if err.line else ""
        return (), [Problem(path, "", f"ce fichier n'est pas du YAML valide{where}.", err.line)]
    data = data or []
    if not isinstance(data, list):
        return (), [Problem(path, "", "ce fichier doit être une liste : chaque sigle commence par « - sigle: … ».", 1)]
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(data, 1):
        where = f"sigle n° {number}"
        entry_line = lines.get((number - 1,), 0)

        def line(key: str, _index: int = number - 1, _entry: int = entry_line) -> int:
            return lines.get((_index, key), _entry)

        if not isinstance(item, dict):
            problems.append(Problem(path, where, "chaque entrée doit avoir « sigle: », « developpe: » et, si besoin, « guide: ».",
                                    entry_line))
            continue
        sigle = str(item.get("sigle") or "").strip()
        developpe = str(item.get("developpe") or "").strip()
        guide = item.get("guide")
        if not sigle:
            problems.append(Problem(path, f"{where} : sigle", "champ obligatoire manquant : ajoutez « sigle: … ».", line("sigle")))
            continue
        if not developpe:
            problems.append(Problem(path, f"{sigle} : developpe", "champ obligatoire manquant : ajoutez la forme développée du sigle.",
                                    line("developpe")))
        for key in sorted(str(k) for k in set(item) - {"sigle", "developpe", "guide"}):
            problems.append(Problem(path, f"{sigle} : {key}", "champ inconnu. Champs permis : sigle, developpe, guide.", line(key)))
        if guide is not None and str(guide) not in themes:
            problems.append(unknown_value(path, f"{sigle} : guide", str(guide), themes, "thèmes de docs/.vocabulaires.yml",
                                          line("guide")))
            guide = None
        if sigle in seen:
            problems.append(Problem(path, f"{sigle}", f"ce sigle est défini deux fois (entrées n° {seen[sigle]} et n° {number}) : "
                                    "gardez une seule définition.", line("sigle")))
            continue
        seen[sigle] = number
        terms.append(Term(sigle, developpe, str(guide) if guide else None, entry_line))
    return tuple(sorted(terms, key=lambda t: t.sigle.casefold())), problems
