"""Relations are declared once, in the schema: a new kind of page with sources needs its schema, its registry
entry, a view and a template, and nothing else: its unknown sources are French errors at their line, and the
source pages it cites list it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import FIXTURE_DOCS, fixture_pages

from guide_ess import core, kinds
from guide_ess.content.schema import Record, declared, listing, references, text
from guide_ess.views.model import Block, Blocks, Site


@declared
@dataclass(frozen=True)
class Outil(Record):
    """A « fiche outil » (a test kind): a tool, and the sources that describe it."""

    usage: str = text("à quoi sert l'outil")
    sources: tuple[str, ...] = listing("identifiants des pages de docs/sources/ qui décrivent l'outil", refers_to="source")


def outil_blocks(site: Site, record: Record) -> Blocks:
    assert isinstance(record, Outil)
    sources = site.corpus.sources
    return Blocks(after=Block("outil_footer.html", {
        "sources": [site.link(sources[s].title, record.path, sources[s].path) for s in record.sources]}))


OUTIL = kinds.PageKind("outil", "outils", "fiche outil", Outil, outil_blocks, ("outil_footer.html",), "outil",
                       ("À quoi sert l'outil",), mark="fiche outil")
PAGE = ("---\nid: grille\ntitle: Une grille d'analyse\ndescription: Pour lire un marché.\nusage: Lire un marché.\n"
        "sources: [{}]\n---\n\nLe texte.\n")


def build(tmp_path: Path, sources: str) -> core.Built:
    templates = tmp_path / "gabarits"
    templates.mkdir(exist_ok=True)
    (templates / "outil_footer.html").write_text("<ul>{% for s in sources %}<li>{{ s | a }}</li>{% endfor %}</ul>\n",
                                                encoding="utf-8")
    pages = [*fixture_pages(), ("outils/grille.md", PAGE.format(sources).encode("utf-8"))]
    data = {name: (FIXTURE_DOCS / name).read_text(encoding="utf-8") for name in core.DATA_FILES}
    return core.build_site(pages, data, {}, core.Settings(override_dirs=[templates]))


@pytest.fixture
def with_outil(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kinds, "PAGE_KINDS", (*kinds.PAGE_KINDS, OUTIL))


def test_the_schema_declares_which_fields_name_other_pages() -> None:
    from guide_ess.content.schema import Case, Guide, Source

    assert [(f.name, f.refers_to) for f in references(Case)] == [("sources", "source")]
    assert [(f.name, f.refers_to) for f in references(Guide)] == [("sources", "source")]
    assert references(Source) == ()
    assert Guide.ID_VOCABULARY == "themes" and Case.ID_VOCABULARY is None


def test_an_unknown_source_of_a_new_kind_is_a_french_error_at_its_line(tmp_path: Path, with_outil: None) -> None:
    built = build(tmp_path, "fiche-a, fiche-inconnue")
    assert [str(p) for p in built.problems] == [
        "docs/outils/grille.md:6 : champ « sources » : valeur inconnue « fiche-inconnue ». Valeurs permises "
        "(pages de docs/sources/) : etude-b, fiche-a, source-seule."]
    assert built.site is None


def test_the_source_page_lists_the_new_kind_with_its_mark(tmp_path: Path, with_outil: None) -> None:
    built = build(tmp_path, "fiche-a")
    assert built.problems == [] and built.site is not None
    outil = built.blocks["outils/grille.md"][1]
    assert outil.startswith('<ul><li><a href="../../sources/fiche-a/">Fiche A') and outil.endswith("</a></li></ul>\n")
    footer = built.blocks["sources/fiche-a.md"][1]
    assert '<li><a href="../../outils/grille/">Une grille d’analyse</a> (fiche outil)</li>' in footer
    assert footer.index("(guide)") < footer.index("cas-lille") < footer.index("(fiche outil)")  # registry order
    assert "outils/grille.md" in built.link_targets


def test_without_the_kind_the_page_is_a_plain_page(tmp_path: Path) -> None:
    built = build(tmp_path, "fiche-inconnue")
    assert built.problems == [] and "outils/grille.md" not in built.blocks
    assert "grille" not in built.blocks["sources/fiche-a.md"][1]
