"""The glossary of acronyms: one data file, checked, turned into abbreviations."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Mapping

import yaml

from .problems import Problem, unknown_value
from .typography import IN_TEXT, prose_parts

GLOSSARY_FILE = ".glossaire.yml"


@dataclass(frozen=True)
class Term:
    """An acronym, its expansion and, optionally, the theme of the guide to read."""

    sigle: str
    developpe: str
    guide: str | None = None


def load_glossary(text: str, themes: Mapping[str, str], path: str = f"docs/{GLOSSARY_FILE}") -> tuple[tuple[Term, ...], list[Problem]]:
    """Parse and check the glossary; every problem is returned, never raised."""
    problems: list[Problem] = []
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" ligne {mark.line + 1}" if mark is not None else ""
        return (), [Problem(path, "", f"ce fichier n'est pas du YAML valide{line}.")]
    if not isinstance(data, list):
        return (), [Problem(path, "", "ce fichier doit être une liste : chaque sigle commence par « - sigle: … ».")]
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(data, 1):
        where = f"sigle n° {number}"
        if not isinstance(item, dict):
            problems.append(Problem(path, where, "chaque entrée doit avoir « sigle: », « developpe: » et, si besoin, « guide: »."))
            continue
        sigle = str(item.get("sigle") or "").strip()
        developpe = str(item.get("developpe") or "").strip()
        guide = item.get("guide")
        if not sigle:
            problems.append(Problem(path, f"{where} : sigle", "champ obligatoire manquant : ajoutez « sigle: … »."))
            continue
        if not developpe:
            problems.append(Problem(path, f"{sigle} : developpe", "champ obligatoire manquant : ajoutez la forme développée du sigle."))
        for key in sorted(set(item) - {"sigle", "developpe", "guide"}):
            problems.append(Problem(path, f"{sigle} : {key}", "champ inconnu. Champs permis : sigle, developpe, guide."))
        if guide is not None and str(guide) not in themes:
            problems.append(unknown_value(path, f"{sigle} : guide", str(guide), themes, "thèmes de docs/.vocabulaires.yml"))
            guide = None
        if sigle in seen:
            problems.append(Problem(path, f"{sigle}", f"ce sigle est défini deux fois (entrées n° {seen[sigle]} et n° {number}) : "
                                    "gardez une seule définition."))
            continue
        seen[sigle] = number
        terms.append(Term(sigle, developpe, str(guide) if guide else None))
    return tuple(sorted(terms, key=lambda t: t.sigle.casefold())), problems


class Abbreviations:
    """Acronyms wrapped in <abbr title="expansion">, in generated text and in rendered pages."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self._titles = {t.sigle: html.escape(t.developpe, quote=True) for t in terms if t.developpe}
        names = sorted(self._titles, key=len, reverse=True)
        self._pattern: re.Pattern[str] | None = None
        self._in_page: re.Pattern[str] | None = None
        if names:
            # The lookahead on first letters lets the regex engine skip most positions quickly.
            firsts = "".join(sorted({re.escape(n[0]) for n in names}))
            alternatives = "|".join(map(re.escape, names))
            self._pattern = re.compile(rf"(?=[{firsts}])(?<!\w)({alternatives})(?!\w)")
            self._in_page = re.compile(rf"(?=[{firsts}])(?<!\w)({alternatives})(?!\w|</abbr>){IN_TEXT}")

    def _abbr(self, match: re.Match[str]) -> str:
        return f'<abbr title="{self._titles[match.group(1)]}">{match.group(1)}</abbr>'

    def wrap(self, escaped_html_text: str) -> str:
        """Wrap each acronym of already-escaped text (no tags) in <abbr title="expansion">."""
        if self._pattern is None:
            return escaped_html_text
        return self._pattern.sub(self._abbr, escaped_html_text)

    def wrap_page(self, page_html: str) -> str:
        """Wrap each acronym in the prose of a rendered page: not in tags, code, or an <abbr> already."""
        pattern = self._in_page
        if pattern is None:
            return page_html
        return prose_parts(page_html, lambda part: pattern.sub(self._abbr, part))
