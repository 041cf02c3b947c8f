"""Unit tests of the engine's small modules: menus, orphans, front matter, and the order of our events."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from helpers import fixture_text, make_project, run_mkdocs
from mkdocs.structure.files import File, Files

from engine import front_matter, menus, orphans
from guide_ess.content.frontmatter import parse


def test_menu_order_comes_from_each_folder_s_pages_file(tmp_path: Path) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / ".pages").write_text("nav:\n  - b.md\n  - a.md\n  - Lien: https://x.example/\n  - sous-dossier\n",
                                                encoding="utf-8")
    (tmp_path / "vide").mkdir()
    (tmp_path / "casse").mkdir()
    (tmp_path / "casse" / ".pages").write_text("nav: [\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# Accueil\n", encoding="utf-8")
    assert menus.folder_order(tmp_path, "guides") == ["b", "a"]
    assert menus.folder_order(tmp_path, "vide") == [] and menus.folder_order(tmp_path, "casse") == []
    assert menus.menu_orders(tmp_path) == {"casse": [], "guides": ["b", "a"]}


def _files(tmp_path: Path, *paths: str) -> Files:
    for path in paths:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# T\n", encoding="utf-8")
    return Files([File(p, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for p in paths])


def _page(files: Files, path: str) -> Any:
    return SimpleNamespace(file=files.get_file_from_path(path))


def test_a_page_reached_by_nothing_is_an_orphan(tmp_path: Path) -> None:
    files = _files(tmp_path, "index.md", "guides/a.md", "guides/b.md", "guides/c.md", "perdue.md", "cible.md")
    reached = orphans.Reached()
    reached.note_nav([_page(files, "guides/a.md")])
    reached.note_html(_page(files, "guides/a.md"), '<a href="../b/">B</a> <a href="https://x.example/perdue/">x</a>'
                                                  ' <a href="/perdue/">absolu</a> <a href="#haut">ici</a>')
    reached.note_targets(["guides/c.md"])
    found = reached.orphans(files)
    assert [(p.path, p.line) for p in found] == [("docs/perdue.md", 1), ("docs/cible.md", 1)]
    assert found[0].message == orphans.MESSAGE
    reached.note_html(_page(files, "index.md"), '<a href="perdue/">P</a><a href="cible/index.html">C</a>')
    assert reached.orphans(files) == []


def test_mkdocs_gets_the_core_s_front_matter_and_never_parses_it(tmp_path: Path) -> None:
    text = "---\ntitle: \"L'ESS & vous : un guide\"\nsources: [a]\n---\nContexte: du texte\n"
    parsed = {"guides/a.md": parse("docs/guides/a.md", text)}
    page: Any = SimpleNamespace(file=SimpleNamespace(src_uri="guides/a.md"), meta={})
    assert front_matter.source_without_fields(page, lambda path: parsed[path].body if path in parsed else None) == \
        front_matter.NO_FIELDS + "Contexte: du texte\n"
    front_matter.set_meta(page, parsed)
    assert page.meta["sources"] == ["a"]
    assert page.meta["title"] == "L’ESS &amp; vous\u00a0: un guide"  # spaced, escaped once
    other: Any = SimpleNamespace(file=SimpleNamespace(src_uri="autre.md"), meta={"title": "A & B"})
    assert front_matter.source_without_fields(other, lambda path: None) is None
    front_matter.set_meta(other, parsed)
    assert other.meta == {"title": "A &amp; B"}


PROBE = '''"""A hook at the default priority, as a plugin would be: what page.meta holds when it runs."""
import json
from pathlib import Path


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "experiences/cas-metz.md":
        Path(config.config_file_path).with_name("meta.json").write_text(json.dumps(page.meta), encoding="utf-8")
    return markdown
'''


def test_plugins_read_page_meta_from_the_core_parse(tmp_path: Path) -> None:
    """Our on_page_markdown runs before any plugin's (Priority.PAGE_MARKDOWN): MkDocs itself only sees an empty
    front matter, so a plugin running first would find no field at all."""
    project = make_project(tmp_path)
    (project / "hooks" / "probe.py").write_text(PROBE, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - hooks/mkdocs_hooks.py\n",
                                                       "  - hooks/mkdocs_hooks.py\n  - hooks/probe.py\n"), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    meta = json.loads((project / "meta.json").read_text(encoding="utf-8"))
    assert meta["id"] == "cas-metz" and meta["leviers"] and "sources" in meta
    assert "leviers: [instance-de-concertation" in fixture_text("experiences/cas-metz.md")
