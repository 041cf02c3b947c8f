"""The documents say what is true: every command they name exists, every field and list they describe is the code's."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT

from guide_ess import kinds
from guide_ess.content.schema import fields_of

DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "hooks" / "README.md",
             ROOT / ".github" / "pull_request_template.md", *sorted((ROOT / "docs").rglob("*.md"))]
RUN_TASK = re.compile(r"\./run\.sh\s+([a-z-]+)")
SCRIPT = re.compile(r"(?<![\w/.])((?:tools|benchmarks|hooks)/[\w/.-]+\.py)")


def run_tasks() -> set[str]:
    script = (ROOT / "run.sh").read_text(encoding="utf-8")
    return set(re.findall(r"^    ([a-z-]+)\)$", script, re.MULTILINE))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_command_a_document_names_exists(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    missing = [f"./run.sh {task}" for task in RUN_TASK.findall(text) if task not in run_tasks()]
    missing += [path for path in SCRIPT.findall(text) if not (ROOT / path).is_file()]
    assert not re.search(r"\bmake\s+(?:test|build|serve|check)\b", text), "il n'y a pas de Makefile"
    assert missing == []


def test_the_task_list_of_run_sh_names_every_task() -> None:
    header = (ROOT / "run.sh").read_text(encoding="utf-8").split("set -euo", 1)[0]
    assert set(re.findall(r"\./run\.sh (\w+)", header)) == run_tasks()


def test_the_readme_gives_the_two_commands_of_a_newcomer() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "./run.sh serve" in readme and "./run.sh test" in readme


def table_after(text: str, heading: str) -> str:
    section = text.split(heading, 1)[1]
    return section.split("\n\n|", 1)[1].split("\n\n", 1)[0]


@pytest.mark.parametrize("kind", kinds.PAGE_KINDS, ids=lambda k: k.name)
def test_contributing_lists_exactly_the_fields_of_each_kind(kind: kinds.PageKind) -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("### ") and f"docs/{kind.folder}/" in line)
    listed = re.findall(r"^\| `(\w+)` \|", table_after(text, heading), re.MULTILINE)
    assert listed == [f.name for f in fields_of(kind.record)]


def test_contributing_lists_every_generated_list() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = table_after(text, "### Pages de listes générées")
    listed = {name for cell in re.findall(r"^\| ([^|]+) \|", table, re.MULTILINE) for name in re.findall(r"`(\w+)`", cell)}
    assert listed == set(kinds.INDEX_KIND_BY_NAME)
