"""The placeholder text of a new page (tools/new_page.py): a page that still holds it is not finished."""
from __future__ import annotations

from .problems import Problem

PLACEHOLDER = "À écrire"
PLACEHOLDER_LINE = f"{PLACEHOLDER} (voir les règles d'écriture dans CONTRIBUTING.md)."


def left_in(path: str, text: str) -> list[Problem]:
    """One problem per line that still starts with the placeholder (quoted or in code, it is text)."""
    if PLACEHOLDER not in text:
        return []
    return [Problem(path, "", f"« {PLACEHOLDER} » : cette section n'est pas encore écrite. Écrivez son texte à la "
                    "place, ou retirez la section (son titre « ## » compris).", number)
            for number, line in enumerate(text.split("\n"), start=1) if line.strip().startswith(PLACEHOLDER)]
