"""./run.sh answers in French: a mistyped command gets the closest one, « nouvelle » without its arguments
says what to write."""
from __future__ import annotations

import subprocess

from helpers import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ROOT / "run.sh"), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_mistyped_command_is_answered_in_french_with_the_closest_one() -> None:
    result = run("serv")
    assert result.returncode == 2
    assert "Commande inconnue : « serv »." in result.stderr and "Vouliez-vous dire « ./run.sh serve » ?" in result.stderr
    assert "./run.sh verifier" in result.stderr and "usage" not in result.stderr.lower()
    result = run("verifer")
    assert "Vouliez-vous dire « ./run.sh verifier » ?" in result.stderr
    result = run()
    assert result.returncode == 2 and "Indiquez une commande." in result.stderr


def test_nouvelle_without_its_arguments_says_what_to_write() -> None:
    result = run("nouvelle")
    assert result.returncode == 2
    assert result.stderr.startswith("Il manque la sorte de page et l'identifiant. Écrivez : ./run.sh nouvelle ")
    assert "required" not in result.stderr and "usage" not in result.stderr
    result = run("nouvelle", "experience")
    assert result.returncode == 2 and result.stderr.startswith("Il manque l'identifiant.")
