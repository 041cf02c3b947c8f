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


def test_when_pagefind_starts_the_build_holds_no_page_text_and_no_extra_file(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10,000 case studies, what the build still held while Pagefind ran made most of its memory
    (benchmarks/results/scale_10000.md): every page's HTML and Markdown, the bodies the core read, the
    open data. By the time the search indexing starts, all of it is let go or on disk."""
    import gc

    from engine import build as engine_build
    from engine import search
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    seen: dict[str, object] = {}
    index = search.build_index

    def look(site_dir: Path, directory_urls: bool, pages: search.PageTexts) -> None:
        frozen = gc.get_freeze_count()  # what the build set aside (engine/memory.py) counts too
        gc.unfreeze()
        alive = gc.get_objects()
        if frozen:
            gc.freeze()
        seen["pages"] = [(p.file.src_uri, p.content, p.markdown) for p in alive if isinstance(p, Page)]
        seen["extra"] = [(f.src_uri, f.abs_src_path) for f in alive
                         if isinstance(f, File) and f.src_uri.startswith("donnees/")]
        index(site_dir, directory_urls, pages)

    monkeypatch.setattr(search, "build_index", look)
    project = make_project(tmp_path)
    config = build_in_process(project, tmp_path / "site")
    pages = seen["pages"]
    assert isinstance(pages, list) and len(pages) > 20
    assert [p for p in pages if p[1] is not None or p[2]] == []  # no HTML, no Markdown
    bodies = engine_build.of(config).built.front_matter  # type: ignore[arg-type]
    assert len(bodies) > 20 and [path for path, parsed in bodies.items() if parsed.body] == []
    extra = seen["extra"]
    assert isinstance(extra, list) and len(extra) == 5  # CSV, JSON, schema, the two templates
    for uri, scratch in extra:  # copied from a scratch folder, which is gone
        assert scratch and not Path(scratch).exists() and (tmp_path / "site" / uri).stat().st_size > 100


def test_what_the_core_makes_is_set_aside_from_the_collector_during_the_pages_and_given_back_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The core reads every page with the cyclic collector paused; what it made is set aside (gc.freeze) while
    MkDocs writes the pages, and the collector's again when the build ends, stops on a content problem, or
    fails on a page (engine/memory.py): no build leaves objects out of the collector's reach."""
    import gc

    from engine import build as engine_build
    from engine import memory
    from guide_ess import core

    def nothing_set_aside() -> bool:
        return gc.isenabled() and gc.get_freeze_count() == 0 and memory._set_aside_survivors not in gc.callbacks

    enabled_while_reading: list[bool] = []
    set_aside_during_pages: list[int] = []
    read, content = core.build_site, engine_build.Build.page_content

    def watch_read(*args: object, **kwargs: object) -> object:
        enabled_while_reading.append(gc.isenabled())
        return read(*args, **kwargs)  # type: ignore[arg-type]

    def watch_content(self: engine_build.Build, html: str, page: object) -> str:
        set_aside_during_pages.append(gc.get_freeze_count())
        if "panne" in html:
            raise RuntimeError("a page that breaks a later step")
        return content(self, html, page)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "build_site", watch_read)
    monkeypatch.setattr(engine_build.Build, "page_content", watch_content)
    broken = make_project(tmp_path / "a", {"perdue.md": "---\ntitle: [\n---\n# Perdue\n"})
    with pytest.raises(Abort):
        build_in_process(broken, tmp_path / "a" / "site")
    assert nothing_set_aside()
    failing = make_project(tmp_path / "c", {"en-panne.md": "# En panne\n\nUne panne.\n"})
    with pytest.raises(RuntimeError):
        build_in_process(failing, tmp_path / "c" / "site")
    assert nothing_set_aside()  # on_build_error gave it back
    build_in_process(make_project(tmp_path / "b"), tmp_path / "b" / "site")
    assert enabled_while_reading == [False, False, False]
    assert set_aside_during_pages and min(set_aside_during_pages) > 10_000
    assert nothing_set_aside()
