"""The registry: every declared kind has a schema, a view and templates that exist."""
from __future__ import annotations

import dataclasses

import pytest
from guide_ess_corpus import fixture_corpus

from guide_ess import kinds
from guide_ess.content.schema import Record, fields_of
from guide_ess.links.graph import FACETS, build_graph
from guide_ess.views.facets import FACET_PAGES
from guide_ess.views.model import Blocks, Site
from guide_ess.views.renderer import TEMPLATES

SITE = Site(fixture_corpus(), build_graph(fixture_corpus()))


def problems_of(registry_pages: tuple[kinds.PageKind, ...], registry_indexes: tuple[kinds.IndexKind, ...]) -> list[str]:
    """What is missing in a registry: a view, a template, a schema."""
    missing = []
    for kind in [*registry_pages, *registry_indexes]:
        if not callable(getattr(kind, "view", None)):
            missing.append(f"{kind.name} : pas de vue")
        missing += [f"{kind.name} : gabarit {t} absent" for t in kind.templates if not (TEMPLATES / t).is_file()]
        if not kind.templates:
            missing.append(f"{kind.name} : aucun gabarit déclaré")
    for page_kind in registry_pages:
        if not (isinstance(page_kind.record, type) and issubclass(page_kind.record, Record) and fields_of(page_kind.record)):
            missing.append(f"{page_kind.name} : pas de schéma")
    names = [k.name for k in registry_pages] + [k.folder for k in registry_pages]
    if len(set(names)) != len(names):
        missing.append("nom ou dossier en double")
    return missing


def test_every_declared_kind_has_a_view_a_schema_and_its_templates() -> None:
    assert problems_of(kinds.PAGE_KINDS, kinds.INDEX_KINDS) == []


def test_a_kind_declared_without_its_view_or_template_is_caught() -> None:
    broken = dataclasses.replace(kinds.PAGE_KINDS[0], view=None, templates=("absent.html",))  # type: ignore[arg-type]
    assert problems_of((broken,), ()) == ["guide : pas de vue", "guide : gabarit absent.html absent"]


@pytest.mark.parametrize("kind", kinds.PAGE_KINDS, ids=lambda k: k.name)
def test_each_page_kind_view_renders_only_its_declared_templates(kind: kinds.PageKind) -> None:
    record = next(iter(SITE.corpus.table(kind.name).values()))
    blocks = kind.view(SITE, record)
    assert isinstance(blocks, Blocks)
    used = {b.template for b in (blocks.before, blocks.after) if b is not None}
    assert used and used <= set(kind.templates)


@pytest.mark.parametrize("kind", kinds.INDEX_KINDS, ids=lambda k: k.name)
def test_each_index_kind_view_renders_its_declared_template(kind: kinds.IndexKind) -> None:
    blocks = kind.view(SITE, "page.md")
    rendered = [b.template for b in (blocks.before, blocks.after) if b is not None]
    assert rendered == [kind.templates[0]]


def test_every_facet_value_with_cases_has_its_page_listing_exactly_its_cases() -> None:
    generated = {path for family in kinds.PAGE_FAMILIES for path in family.paths(SITE)}
    for facet in FACETS:
        for value, case_ids in SITE.graph.cases_by[facet].items():
            path = f"{FACET_PAGES[facet].folder}/{value}.md"
            if facet == "themes":  # the guide lists them (below GUIDE_CASES_MAX)
                assert path not in generated
                continue
            assert path in generated, path
            blocks = kinds.blocks_of(SITE, path)
            assert blocks.after is not None
            listed = [row.link.target for row in blocks.after.data["cases"]]
            assert listed == [SITE.corpus.cases[c].path for c in case_ids], path
    facet_folders = {p.partition("/")[0] for p in generated if p != "guides/version-imprimable.md"}
    assert facet_folders == {"territoires", "echelons", "leviers"}
    assert facet_folders.isdisjoint(k.folder for k in kinds.PAGE_KINDS)
