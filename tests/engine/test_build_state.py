"""Each build starts clean: its state lives on its own config object, never in a module."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import fixture_text, make_project
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError


def build_in_process(project: Path, site: Path) -> object:
    old = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        build(config)
        return config
    finally:
        os.chdir(old)


def test_repeated_builds_in_one_process_start_clean(tmp_path: Path) -> None:
    from engine import build as engine_build

    broken = make_project(tmp_path / "a", {"guides/co-construction.md": fixture_text("guides/co-construction.md")
                                           + "\n[lien](absente.md)\n", "perdue.md": "# Perdue\n"})
    with pytest.raises(Abort):
        build_in_process(broken, tmp_path / "a" / "site")
    clean = make_project(tmp_path / "b", {"experiences/cas-national.md": None})
    config = build_in_process(clean, tmp_path / "b" / "site")
    state = engine_build.of(config)  # type: ignore[arg-type]
    assert state.problems == [] and state.orphans == []
    assert "experiences/cas-national.md" not in state.built.front_matter
    assert not (tmp_path / "b" / "site" / "experiences" / "cas-national").exists()
    html = (tmp_path / "b" / "site" / "territoires" / "france-entiere").exists()
    assert not html  # the case of the first build, the only one in France entière, left no page behind


def test_a_config_without_on_config_has_no_build() -> None:
    from engine import build as engine_build

    with pytest.raises(PluginError):
        engine_build.of(load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml")))
