"""The core's one call (guide_ess.core.build_site): everything a build needs, and every generated link checked."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURE_DOCS, fixture_pages

from guide_ess import core
from guide_ess.content.history import Dates
from guide_ess.views.model import link_targets

DATA = {name: (FIXTURE_DOCS / name).read_text(encoding="utf-8") for name in core.DATA_FILES}
DATES = {"experiences/cas-lille.md": Dates(1_704_189_600, 1_709_632_800)}


def build(pages: list[tuple[str, bytes]] | None = None, **settings: object) -> core.Built:
    return core.build_site(pages if pages is not None else fixture_pages(), DATA, DATES,
                           core.Settings(**settings))  # type: ignore[arg-type]


def test_one_call_gives_pages_blocks_extra_files_and_link_targets() -> None:
    built = build(site_url="https://example.org/guide/")
    assert built.problems == [] and built.site is not None
    assert "guides/version-imprimable.md" in built.generated and "territoires/grand-est.md" in built.generated
    assert built.generated["territoires/grand-est.md"].startswith("---\ntitle: ")
    before, after = built.blocks["experiences/cas-metz.md"]
    assert before.startswith("<") and "../../territoires/grand-est/" in before and after
    assert "territoires/grand-est.md" in built.blocks  # a generated page's blocks too
    feed = built.extra_files["feed.xml"]
    assert isinstance(feed, str) and 'href="https://example.org/guide/experiences/cas-lille/"' in feed
    pages = {path for path, _ in fixture_pages()} | set(built.generated)
    assert built.link_targets and built.link_targets <= pages


def test_addresses_are_made_in_one_place_in_the_build_s_style() -> None:
    built = build(directory_urls=False, site_url="https://example.org/")
    assert built.site is not None and built.site.url("experiences/cas-lille.md") == "experiences/cas-lille.html"
    assert 'href="../territoires/grand-est.html"' in built.blocks["experiences/cas-metz.md"][0]
    assert "https://example.org/experiences/cas-lille.html" in str(built.extra_files["feed.xml"])


def test_content_problems_stop_before_anything_is_generated() -> None:
    pages = [(p, b.replace(b"leviers: [", b"leviers: [inconnu, ", 1) if p == "experiences/cas-metz.md" else b)
             for p, b in fixture_pages()]
    built = build(pages)
    assert [p.where for p in built.problems] == ["docs/experiences/cas-metz.md:10"]
    assert built.site is None and built.generated == {} and built.blocks == {} and built.extra_files == {}


def test_a_generated_link_to_a_missing_page_is_a_french_problem_naming_the_page_that_writes_it() -> None:
    pages = [(p, b) for p, b in fixture_pages() if p != "territoires/index.md"]
    built = build(pages)
    assert built.problems, "la page « Régions : toutes les valeurs » manque, les pages de région y renvoient"
    first = built.problems[0]
    assert first.path.startswith("docs/territoires/") and first.path != "docs/territoires/index.md"
    assert "facet_page.html" in first.message and "docs/territoires/index.md, une page qui n'existe pas" in first.message
    assert {p.path for p in built.problems} == {f"docs/{p}" for p in built.generated if p.startswith("territoires/")}


def test_the_themes_index_links_live_pages() -> None:
    built = build()
    themes_index = next(p for p, b in fixture_pages() if b"index: themes" in b)
    assert built.site is not None
    targets = set(link_targets(__import__("guide_ess.kinds", fromlist=["kinds"]).blocks_of(built.site, themes_index)))
    assert targets == {"guides/commande-publique.md", "guides/co-construction.md", "guides/cooperation.md"}


def test_adding_an_extra_file_or_a_page_check_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []

    def check(site: object, path: str, blocks: object, targets: object, pages: frozenset[str]) -> list[core.Problem]:
        checked.append(path)
        return [core.Problem(f"docs/{path}", "", "une vérification de plus", 1)] if path == "index.md" else []

    monkeypatch.setattr(core, "EXTRA_FILES", (*core.EXTRA_FILES, core.ExtraFiles(("essai/experiences.txt",), lambda site,
                        settings, renderer: {"essai/experiences.txt": "\n".join(sorted(site.corpus.cases))})))
    monkeypatch.setattr(core, "PAGE_CHECKS", (*core.PAGE_CHECKS, check))
    built = build()
    assert str(built.extra_files["essai/experiences.txt"]).startswith("cas-") and "feed.xml" in built.extra_files
    assert [p.path for p in built.problems] == ["docs/index.md"]
    assert sorted(checked) == sorted({path for path, _ in fixture_pages()} | set(built.generated))


def test_page_text_and_markdown_get_the_typography_and_settings() -> None:
    built = build(publisher="Ville d'Essai", repo_url="https://forge.example/depot")
    assert built.page_html("<p>ESS : oui</p>") == '<p><abbr title="économie sociale et solidaire">ESS</abbr>\u00a0: oui</p>'
    assert built.page_markdown("<!-- réglage:editeur -->") == "Ville d'Essai\n"
    assert "https://forge.example/depot" in built.page_markdown("<!-- réglage:depot -->")


def test_the_engine_imports_only_the_core_s_public_face() -> None:
    import re

    root = Path(__file__).resolve().parents[2] / "hooks" / "engine"
    imports = {m for p in root.glob("*.py") for m in re.findall(r"^\s*(?:from|import)\s+(guide_ess[\w.]*)",
                                                                 p.read_text(encoding="utf-8"), re.MULTILINE)}
    assert imports == {"guide_ess.core", "guide_ess"}


def test_a_dirty_build_prepares_the_pages_it_writes_and_renders_any_other_when_asked() -> None:
    full = build()
    checked: list[str] = []
    pages = fixture_pages()
    dirty = core.build_site(pages, DATA, DATES, core.Settings(),
                            written=lambda path: checked.append(path) is None and path == "experiences/cas-metz.md")
    assert dirty.problems == [] and "experiences/cas-metz.md" in dirty.blocks
    assert dirty.blocks["experiences/cas-lille.md"] == full.blocks["experiences/cas-lille.md"]  # asked for: rendered
    assert dirty.blocks.pop("experiences/cas-metz.md", ("", "")) == full.blocks["experiences/cas-metz.md"]
    assert dirty.blocks.pop("experiences/cas-metz.md", ("", "")) == ("", "")  # let go once written
    assert set(checked) == {path for path, _ in pages} | set(dirty.generated)
    assert dirty.link_targets < full.link_targets  # only the pages written again were checked


def test_an_extra_file_is_made_only_when_its_content_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []

    def produce(site: object, settings: object, renderer: object) -> dict[str, str]:
        made.append("x")
        return {"essai/a.txt": "a", "essai/b.txt": "b"}

    monkeypatch.setattr(core, "EXTRA_FILES", (core.ExtraFiles(("essai/a.txt", "essai/b.txt"), produce),))
    built = build()
    assert sorted(built.extra_files) == ["essai/a.txt", "essai/b.txt"] and made == []
    assert built.extra_files["essai/b.txt"] == "b" and built.extra_files["essai/a.txt"] == "a" and made == ["x"]


def test_an_extra_file_is_handed_once_then_made_again_when_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []

    def produce(site: object, settings: object, renderer: object) -> dict[str, str]:
        made.append("x")
        return {"essai/a.txt": "a"}

    monkeypatch.setattr(core, "EXTRA_FILES", (core.ExtraFiles(("essai/a.txt",), produce),))
    built = build()
    assert built.extra_files["essai/a.txt"] == "a" and built.extra_files["essai/a.txt"] == "a" and made == ["x", "x"]


def test_a_body_is_handed_once_and_the_open_data_is_made_before() -> None:
    built = build()
    written = {path: built.extra_files[path] for path in built.extra_files}  # the engine, at on_files
    body = built.take_body("experiences/cas-metz.md")
    assert body and body.strip().splitlines()[-1] == "Un conseil."
    assert "Un conseil." in written["donnees/experiences.csv"].decode()  # the open data has the case's text
    assert built.take_body("experiences/cas-metz.md") == "" and built.take_body("absente.md") is None
    with pytest.raises(RuntimeError, match="après la lecture des pages"):
        built.extra_files["donnees/experiences.json"]  # made now, the case's text would be missing


def test_a_dirty_build_checks_the_text_of_the_pages_it_writes_again_and_every_front_matter() -> None:
    breach = [(p, b + b"\n<script>alert(1)</script>\n" if p == "experiences/cas-metz.md" else b) for p, b in fixture_pages()]
    written_again = core.build_site(breach, DATA, DATES, core.Settings(), written=lambda path: path == "experiences/cas-metz.md")
    assert [p.where.split(":")[0] for p in written_again.problems] == ["docs/experiences/cas-metz.md"]
    kept = core.build_site(breach, DATA, DATES, core.Settings(), written=lambda path: path != "experiences/cas-metz.md")
    assert kept.problems == []  # its text was checked by the build that wrote it
    bad_meta = [(p, b.replace(b"leviers: [", b"leviers: [inconnu, ", 1) if p == "experiences/cas-metz.md" else b)
                for p, b in fixture_pages()]
    assert core.build_site(bad_meta, DATA, DATES, core.Settings(), written=lambda path: False).problems
