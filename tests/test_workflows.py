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
# a third-party action pinned by commit, its version in a comment: « actions/checkout@<40 hex> # v6.1.0 »
USES = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


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


def test_actions_are_pinned_by_commit_with_their_version() -> None:
    count = 0
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(?:- )?uses:", line):
                count += 1
                assert USES.match(line), f"{path.name} : {line.strip()}"
    assert count >= 10


def test_the_token_is_given_only_to_steps_that_call_gh() -> None:
    for path in WORKFLOWS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert "GH_TOKEN" not in (data.get("env") or {})
        for name, job in data["jobs"].items():
            assert "GH_TOKEN" not in (job.get("env") or {}), f"{path.name} : {name}"
            for step in job.get("steps", []):
                if "github.token" in str(step.get("env", {})) or "secrets." in str(step):
                    assert "gh " in step.get("run", ""), f"{path.name} : {name} : {step.get('name')}"
                    assert "./run.sh" not in step["run"] and "python" not in step["run"]
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, f"{path.name} : {name}"


def test_jobs_that_build_cannot_write() -> None:
    for path in WORKFLOWS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["permissions"] == {"contents": "read"}
        for name, job in data["jobs"].items():
            runs = "\n".join(s.get("run", "") for s in job.get("steps", []))
            if "./run.sh" in runs or "python" in runs:
                assert set((job.get("permissions") or {"contents": "read"}).values()) == {"read"}, \
                    f"{path.name} : {name}"


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
    assert jobs["publication"]["needs"] == "test" and jobs["deploy"]["needs"] == "publication"
    assert jobs["deploy"]["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert [s.get("uses", "").split("@")[0] for s in steps_of(jobs["deploy"])] == ["actions/deploy-pages"]


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
    assert job["permissions"] == {"contents": "read"} and "github.token" not in str(job)
    answer = data["jobs"]["reponse"]
    assert answer["needs"] == "page" and answer["if"].startswith("always()")
    assert not any("./run.sh" in s.get("run", "") or "python" in s.get("run", "") for s in steps_of(answer))
    text = (ROOT / ".github" / "workflows" / "proposition.yml").read_text(encoding="utf-8")
    # the text reaches the script through the environment and a file, never inside a script
    for step in steps_of(job):
        assert "github.event.issue.body" not in step.get("run", "")
    assert text.count("${{ github.event.issue.body }}") == 1
    runs = "\n".join(s.get("run", "") for s in steps_of(job))
    assert "tools/proposition_to_page.py" in runs and (ROOT / "tools" / "proposition_to_page.py").exists()
    assert runs.count("./run.sh verifier") == 2 and "--from-verification" in runs
    answers = "\n".join(s.get("run", "") for s in steps_of(answer))
    assert "git push --force" not in answers and "git ls-remote --exit-code --heads" in answers
    assert all(s.get("with", {}).get("persist-credentials") is False for s in [*steps_of(job), *steps_of(answer)]
               if s.get("uses", "").startswith("actions/checkout@"))


@pytest.mark.parametrize("item", ["sources", "copié", "inventé", "./run.sh verifier"])
def test_pull_request_template_has_the_authors_checklist(item: str) -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert any(item in line for line in checklist), item
