"""The blocks around the text of a guide, a case study and a source page."""
from __future__ import annotations

from typing import NamedTuple, Sequence

from ..content.schema import Case, Guide, Record, Source
from ..links.graph import Ref
from ..text.dates import french_iso_date
from .facets import GUIDE_CASES_MAX, facet_link, facet_path
from .model import Block, Blocks, Link, Site


class SourceItem(NamedTuple):
    link: Link
    editeur: str
    date: str


class CaseItem(NamedTuple):
    link: Link
    case: Case


class Review(NamedTuple):
    """« À jour au 2 décembre 2026 »: the date the page's facts were last checked."""

    iso: str  # « 2026-12-02 », for <time datetime>
    shown: str  # « 2 décembre 2026 »


def review_of(record: Case | Guide) -> Review:
    return Review(record.verifie_le, french_iso_date(record.verifie_le))


class Citing(NamedTuple):
    link: Link
    mark: str  # what the list shows after the link: the kind of page, « guide », or nothing (a case study)


def ref_link(site: Site, ref: Ref, here: str) -> Link:
    record = site.corpus.table(ref.kind)[ref.id]
    return site.link(record.title, here, record.path)


def _sources(site: Site, source_ids: Sequence[str], here: str) -> list[SourceItem]:
    sources = site.corpus.sources
    return [SourceItem(site.link(sources[s].title, here, sources[s].path), sources[s].editeur, sources[s].date)
            for s in source_ids]


def _related(site: Site, ref: Ref, here: str) -> list[Link]:
    return [ref_link(site, r, here) for r in site.graph.related.get(ref, [])]


def case_blocks(site: Site, record: Record) -> Blocks:
    """The box at the top of a case study (territory, level, period, themes, levers, sources);
    its sources and related cases at the end."""
    assert isinstance(record, Case)
    case, here, sources = record, record.path, site.corpus.sources
    header = {
        "case": case,
        "regions": [facet_link(site, "regions", r, here) for r in case.regions],
        "echelons": [facet_link(site, "echelons", e, here) for e in case.echelons],
        "themes": [facet_link(site, "themes", t, here) for t in case.themes],
        "leviers": [facet_link(site, "leviers", lv, here) for lv in case.leviers],
        "sources": [site.link(sources[s].title, here, sources[s].path) for s in case.sources],
        "review": review_of(case),
    }
    footer = {"sources": _sources(site, case.sources, here), "related": _related(site, Ref("case", case.id), here)}
    return Blocks(Block("case_header.html", header), Block("case_footer.html", footer))


def guide_blocks(site: Site, record: Record) -> Blocks:
    """The date its facts were checked, at the top; the cases naming the guide's theme, its sources, related guides."""
    assert isinstance(record, Guide)
    guide, here, cases = record, record.path, site.corpus.cases
    case_ids = site.graph.cases_by["themes"].get(guide.id, [])
    more = (site.link(f"Les {len(case_ids)} expériences sur ce thème", here, facet_path("themes", guide.id))
            if len(case_ids) > GUIDE_CASES_MAX else None)
    return Blocks(Block("guide_header.html", {"review": review_of(guide)}), Block("guide_footer.html", {
        "cases": [CaseItem(site.link(cases[c].title, here, cases[c].path), cases[c]) for c in case_ids[:GUIDE_CASES_MAX]],
        "more": more,
        "sources": _sources(site, guide.sources, here),
        "related": _related(site, Ref("guide", guide.id), here),
    }))


def source_blocks(site: Site, record: Record) -> Blocks:
    """The facts about a source (publisher, date, type, access); every page that relies on it."""
    assert isinstance(record, Source)
    source, vocab = record, site.corpus.vocabulary
    citing = [Citing(ref_link(site, r, source.path), site.corpus.kinds[r.kind].mark)
              for r in site.graph.citing("source", source.id)]
    return Blocks(
        Block("source_header.html", {"source": source, "type": vocab.types_source[source.type],
                                     "acces": vocab.acces[source.acces]}),
        Block("source_footer.html", {"citing": citing}))
