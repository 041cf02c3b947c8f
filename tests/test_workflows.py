"""The GitHub workflows are valid (actionlint, with shellcheck on every run: script) and do what the
contributors' path needs: a fast check first, a preview of each pull request, proposals turned into pages."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import proposition_to_page as prop
from github_report import preview_artifact_names
from helpers import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
USES = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@(?:v\d+(?:\.\d+){0,2}|[0-9a-f]{40})$")


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    """actionlint from the test environment, with its shellcheck first on the PATH."""
    binary = BIN / "actionlint"
    assert binary.exists(), "actionlint absent : ./run.sh test installe le paquet PyPI du fichier de verrouillage."
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    assert shutil.which("shellcheck", path=env["PATH"]), "shellcheck absent : actionlint ne vérifierait pas les scripts."
    return subprocess.run([str(binary), "-no-color", *map(str, paths)], cwd=ROOT, env=env, capture_output=True,
                          text=True)


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def test_every_workflow_passes_actionlint() -> None:
    assert [p.name for p in WORKFLOWS] == ["proposition.yml", "site.yml"]
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_and_shellcheck_do_catch_mistakes(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "mauvais.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text("on: [push]\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - uses: actions/checkout@v6\n        with:\n          fetch-detph: 0\n"
                   "      - run: echo $HOME\n", encoding="utf-8")
    result = actionlint(bad)
    assert result.returncode == 1
    assert 'input "fetch-detph" is not defined' in result.stdout
    assert "SC2086" in result.stdout


def test_actions_are_pinned_at_least_by_major_version() -> None:
    for path in WORKFLOWS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in data["jobs"].values():
            for step in job.get("steps", []):
                if "uses" in step:
                    assert USES.match(step["uses"]), f"{path.name} : {step['uses']}"


def test_site_runs_the_fast_check_first_then_tests_and_preview() -> None:
    data = load("site.yml")
    jobs = data["jobs"]
    assert list(jobs)[0] == "verifier"
    runs = [s.get("run", "") for s in steps_of(jobs["verifier"])]
    assert "./run.sh verifier" in runs and not any("run.sh test" in r or "chromium" in r for r in runs)
    assert jobs["verifier"]["timeout-minutes"] <= 10
    assert any(s.get("with", {}).get("fetch-depth") == 0 for s in steps_of(jobs["verifier"]))
    assert "SITE_URL" in jobs["verifier"]["env"]
    assert jobs["test"]["needs"] == "verifier"
    assert "./run.sh test" in [s.get("run") for s in steps_of(jobs["test"])]
    assert jobs["deploy"]["needs"] == "test"
    assert jobs["deploy"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps_of(jobs["deploy"]))


def test_preview_artifacts_are_named_for_the_pull_request_and_linked() -> None:
    apercu = load("site.yml")["jobs"]["apercu"]
    assert apercu["if"] == "github.event_name == 'pull_request'" and apercu["needs"] == "verifier"
    uploads = {s["id"]: s["with"] for s in steps_of(apercu) if s.get("uses", "").startswith("actions/upload-artifact@")}
    number = "${{ github.event.pull_request.number }}"
    site_name, offline_name = (n.replace("7", number) for n in preview_artifact_names(7))
    assert uploads["site"]["name"] == site_name
    # the offline zip is uploaded as it is, so that its file name is the artifact's name
    assert uploads["hors_ligne"]["archive"] is False
    assert uploads["hors_ligne"]["path"].endswith("/" + offline_name)
    runs = "\n".join(s.get("run", "") for s in steps_of(apercu))
    assert '--output "$RUNNER_TEMP/apercu/apercu-hors-ligne-pr-$PR.zip"' in runs
    summary = next(s for s in steps_of(apercu) if "github_report.py apercu" in s.get("run", ""))
    assert summary["env"] == {"SITE_ARTIFACT": "${{ steps.site.outputs.artifact-url }}",
                              "OFFLINE_ARTIFACT": "${{ steps.hors_ligne.outputs.artifact-url }}"}


def test_proposals_become_pull_requests_on_the_acceptance_label() -> None:
    data = load("proposition.yml")
    assert data[True] == {"issues": {"types": ["labeled"]}}  # YAML 1.1 reads the key « on » as true
    job = data["jobs"]["page"]
    assert job["if"] == f"github.event.label.name == '{prop.ACCEPT_LABEL}'"
    assert job["env"]["LABEL"] == prop.ACCEPT_LABEL
    text = (ROOT / ".github" / "workflows" / "proposition.yml").read_text(encoding="utf-8")
    # the text reaches the script through the environment and a file, never inside a script
    for step in steps_of(job):
        assert "github.event.issue.body" not in step.get("run", "")
    assert text.count("${{ github.event.issue.body }}") == 1
    runs = "\n".join(s.get("run", "") for s in steps_of(job))
    assert "tools/proposition_to_page.py" in runs and (ROOT / "tools" / "proposition_to_page.py").exists()
    assert runs.count("./run.sh verifier") == 2
    assert "git push --force" not in runs and "git ls-remote --exit-code --heads" in runs
    assert all(s.get("with", {}).get("persist-credentials") is False for s in steps_of(job)
               if s.get("uses", "").startswith("actions/checkout@"))


@pytest.mark.parametrize("item", ["sources", "copié", "inventé", "./run.sh verifier"])
def test_pull_request_template_has_the_authors_checklist(item: str) -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert any(item in line for line in checklist), item
