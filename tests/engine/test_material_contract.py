"""The contract with MkDocs and Material (hooks/engine/material.py): the upgrade checklist holds."""
from __future__ import annotations

import ast
import hashlib
import json
import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from helpers import ROOT

from engine import material as contract
from engine import pagefind_binary

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


def test_installed_versions_are_the_ones_the_hooks_were_written_for() -> None:
    assert version("mkdocs") == contract.MKDOCS_VERSION, "MkDocs a changé : suivez la liste de hooks/engine/material.py"
    assert version("mkdocs-material") == contract.MATERIAL_VERSION, \
        "Material a changé : suivez la liste de hooks/engine/material.py"
    locked = json.loads((ROOT / "tools" / "pagefind" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = json.loads((ROOT / "tools" / "pagefind" / "package.json").read_text(encoding="utf-8"))
    assert (pagefind_binary.installed_version() == locked["packages"]["node_modules/pagefind"]["version"]
            == pinned["dependencies"]["pagefind"] == contract.PAGEFIND_VERSION), \
        "Pagefind a changé : suivez la liste de hooks/engine/material.py"
    said = subprocess.run([pagefind_binary.executable(), "--version"], capture_output=True, text=True, check=True)
    assert said.stdout.split() == ["pagefind", contract.PAGEFIND_VERSION]
    platform_packages = [p for p in locked["packages"] if p.startswith("node_modules/@pagefind/")]
    assert f"node_modules/{pagefind_binary.platform_package()}" in platform_packages
    assert all(locked["packages"][p]["integrity"].startswith("sha512-") for p in platform_packages)


@pytest.mark.parametrize("copied", contract.COPIED_TEMPLATES, ids=lambda c: c.ours)
def test_each_copied_template_still_matches_its_upstream_file(copied: contract.CopiedTemplate) -> None:
    upstream = MATERIAL_TEMPLATES / copied.upstream
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == copied.upstream_sha256, (
        f"{copied.upstream} a changé dans Material : reportez dans overrides/{copied.ours} la nouvelle version "
        f"et notre changement ({copied.change}), puis mettez à jour l'empreinte.")
    ours = (ROOT / "overrides" / copied.ours).read_text(encoding="utf-8")
    assert f"Material {contract.MATERIAL_VERSION}" in ours[:600], f"overrides/{copied.ours} doit dire de quelle version il vient"


def test_every_template_of_the_overrides_folder_is_in_the_checklist() -> None:
    listed = {c.ours for c in contract.COPIED_TEMPLATES} | set(contract.OWN_TEMPLATES)
    assert not {c.ours for c in contract.COPIED_TEMPLATES} & set(contract.OWN_TEMPLATES)
    assert all(not (MATERIAL_TEMPLATES / own).exists() for own in contract.OWN_TEMPLATES), "une copie de Material"
    found = {p.relative_to(ROOT / "overrides").as_posix() for p in (ROOT / "overrides").rglob("*.html")
             if not p.relative_to(ROOT / "overrides").as_posix().startswith("guide_ess/")}
    assert found == listed


def test_the_site_uses_only_the_plugins_of_the_checklist() -> None:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names == list(contract.PLUGINS)
    assert "search" not in names and "offline" not in names


def test_the_hooks_file_uses_the_recorded_priorities_and_delegates_in_one_line() -> None:
    source = (ROOT / "hooks" / "mkdocs_hooks.py").read_text(encoding="utf-8")
    events = [node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)]
    assert {e.name for e in events} >= {"on_config", "on_files", "on_page_content", "on_post_build"}
    for event in events:
        assert event.name.startswith("on_") and len(event.body) == 1, f"{event.name} : une seule ligne"
        statement = event.body[0]
        assert isinstance(statement, (ast.Return, ast.Expr)) and isinstance(statement.value, ast.Call), event.name
        # on_build_error is given no config: it hands the work to the engine's module (build.stopped)
        delegates = ("build.stopped()",) if event.name == "on_build_error" else ("build.of(config).", "build.start(config).")
        assert ast.unparse(statement.value).startswith(delegates), event.name
        for decorator in event.decorator_list:
            assert ast.unparse(decorator).startswith("event_priority(Priority."), event.name


def test_the_core_imports_nothing_from_mkdocs_or_material() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "hooks" / "guide_ess").rglob("*.py")
                 if re.search(r"^\s*(?:from|import)\s+(?:mkdocs|material)\b", p.read_text(encoding="utf-8"), re.MULTILINE)]
    assert offenders == []


def test_run_sh_prints_the_end_of_life_once_when_it_is_near() -> None:
    import datetime
    import os
    import subprocess

    assert contract.MATERIAL_END_OF_LIFE == datetime.date(2027, 5, 5)
    assert contract.NOTICE_FROM == datetime.date(2026, 11, 5)  # six months before
    assert contract.end_of_life_notice(datetime.date(2026, 11, 4)) is None
    assert contract.end_of_life_notice(datetime.date(2026, 11, 5)) is not None
    near = contract.end_of_life_notice(datetime.date(2026, 12, 2))
    assert near is not None and "5 mai 2027 (dans 154 jours)" in near and contract.MATERIAL_VERSION in near
    assert "date dépassée" in str(contract.end_of_life_notice(datetime.date(2027, 6, 1)))
    run = [str(ROOT / "run.sh"), "verifier", "--help"]
    for today, shown in (("2026-12-02", 1), ("2026-01-01", 0)):
        proc = subprocess.run(run, capture_output=True, text=True, env=dict(os.environ, GUIDE_DATE=today))
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.count("Material for MkDocs") == shown, proc.stderr
