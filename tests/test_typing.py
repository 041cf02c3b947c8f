"""The hooks, the tools and the benchmarks are typed: mypy --strict finds nothing (files and settings in pyproject.toml)."""
from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_hooks_tools_and_benchmarks_pass_mypy_strict() -> None:
    proc = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    checked = int(proc.stdout.rsplit("in ", 1)[1].split()[0])  # « Success: no issues found in N source files »
    assert checked >= sum(len(list((ROOT / folder).rglob("*.py"))) for folder in ("hooks", "tools", "benchmarks"))
