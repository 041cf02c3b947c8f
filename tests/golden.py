"""Golden files: the expected output of a generated block, kept in tests/golden/, with a readable diff.

``./run.sh test --update-golden`` (or ``pytest --update-golden``) rewrites the files
from what the code renders now; read the diff (``git diff tests/golden``) before
committing them.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"


def check_golden(name: str, actual: str, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"tests/golden/{name} n'existe pas : lancez « ./run.sh test --update-golden », relisez le fichier "
                    "écrit, puis ajoutez-le au dépôt.")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                              f"attendu (tests/golden/{name})", "obtenu", lineterm="", n=2))
        pytest.fail(f"le rendu de {name} a changé (relancez avec --update-golden si c'est voulu) :\n{diff}", pytrace=False)
