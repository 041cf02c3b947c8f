"""The hooks are typed: mypy --strict finds nothing (configured in pyproject.toml)."""
from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_hooks_pass_mypy_strict() -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "hooks"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
