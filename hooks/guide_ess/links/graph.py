"""The link graph computed from the corpus: who cites what, and what is related.

Every structure is built in one pass over the pages (cost linear in their number).
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from ..content.corpus import Corpus
from ..content.schema import Case, Record, referenced_values, references

FACETS = ("themes", "regions", "echelons", "leviers")
RELATED_MAX = 5
# Related cases are looked for among the WINDOW neighbours, on each side, of a
# case in each of its theme and lever lists: bounded work per page. Below
# 2 * WINDOW cases per list, every case sharing a theme or lever is considered.
WINDOW = 12


@dataclass(frozen=True, order=True)
class Ref:
    """A page of the corpus: its kind ('guide', 'case', 'source') and id."""

    kind: str
    id: str


@dataclass
class LinkGraph:
    """Cross-links between guides, cases and sources."""

    cases_by: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # facet -> value -> case ids
    cited_by: dict[Ref, list[Ref]] = field(default_factory=dict)  # page -> pages whose reference fields name it
    related: Mapping[Ref, list[Ref]] = field(default_factory=dict)  # page -> related pages (RelatedPages)

    def citing(self, kind: str, id_: str) -> list[Ref]:
        """The pages that name the page ``kind``/``id_`` in a reference field (its sources…), by kind in the
        registry's order, then by title."""
        return self.cited_by.get(Ref(kind, id_), [])


def case_sort_key(case: Case) -> tuple[str, str]:
    """Cases are listed by title (case-insensitive), then id."""
    return (case.title.casefold(), case.id)


def title_key(record: Record) -> tuple[str, str]:
    """Pages are listed by title (case-insensitive), then id."""
    return (record.title.casefold(), record.id)


def build_graph(corpus: Corpus) -> LinkGraph:
    """Compute every cross-link of the corpus."""
    graph = LinkGraph(cases_by={facet: defaultdict(list) for facet in FACETS})
    ordered = sorted(corpus.cases.values(), key=case_sort_key)
    for case in ordered:
        for facet in FACETS:
            for value in getattr(case, facet):
                graph.cases_by[facet][value].append(case.id)
    _cite(corpus, graph)
    related = graph.related = RelatedPages(corpus, graph)
    _relate_guides(corpus, related)
    graph.cases_by = {facet: dict(values) for facet, values in graph.cases_by.items()}
    return graph


def _cite(corpus: Corpus, graph: LinkGraph) -> None:
    """Every reference field the schema declares (``refers_to``), read backwards: who names each page."""
    cited_by: defaultdict[Ref, list[Ref]] = defaultdict(list)
    for kind in corpus.kinds.values():
        fields = references(kind.record)
        if not fields:
            continue
        for record in sorted(corpus.table(kind.name).values(), key=title_key):
            citing = Ref(kind.name, record.id)
            for spec in fields:
                for value in referenced_values(record, spec):
                    cited_by[Ref(spec.refers_to or "", value)].append(citing)
    graph.cited_by = dict(cited_by)


class RelatedPages(Mapping[Ref, "list[Ref]"]):
    """The related pages of each page: the guides' computed at once, each case's when first asked for (a
    build asks for those of the cases it writes: a dirty build of ``./run.sh serve``, one or two)."""

    def __init__(self, corpus: Corpus, graph: LinkGraph) -> None:
        self._known: dict[Ref, list[Ref]] = {}
        self._cases = corpus.cases
        self._lists = graph.cases_by
        self._positions: dict[tuple[str, str], dict[str, int]] = {}
        for facet in ("themes", "leviers"):
            for value, ids in graph.cases_by[facet].items():
                self._positions[(facet, value)] = {case_id: i for i, case_id in enumerate(ids)}
        # Themes and levers as bits of one number, regions of another: counting shared values
        # is then one « & » and one bit count per pair of cases.
        bits = {("themes", t): 1 << i for i, t in enumerate(corpus.vocabulary.themes)}
        bits.update({("leviers", lv): 1 << (len(bits) + i) for i, lv in enumerate(corpus.vocabulary.leviers)})
        region_bits = {r: 1 << i for i, r in enumerate(corpus.vocabulary.regions)}
        self._shared = {c.id: sum(bits.get(("themes", t), 0) for t in set(c.themes))
                        + sum(bits.get(("leviers", lv), 0) for lv in set(c.leviers)) for c in corpus.cases.values()}
        self._regions = {c.id: sum(region_bits.get(r, 0) for r in set(c.regions)) for c in corpus.cases.values()}
        # Each case's place in the order of titles (then ids): ties between candidates are broken by one
        # integer instead of a title folded again for every candidate of every case.
        self._by_title = [c.id for c in sorted(corpus.cases.values(), key=case_sort_key)]
        self._rank = {case_id: n for n, case_id in enumerate(self._by_title)}

    def __getitem__(self, ref: Ref) -> list[Ref]:
        found = self._known.get(ref)
        if found is None:
            if ref.kind != "case" or ref.id not in self._cases:
                raise KeyError(ref)
            found = self._known[ref] = self._related_cases(self._cases[ref.id])
        return found

    def __iter__(self) -> Iterator[Ref]:
        return iter([*(r for r in self._known if r.kind != "case"), *(Ref("case", i) for i in self._cases)])

    def __len__(self) -> int:
        return sum(1 for r in self._known if r.kind != "case") + len(self._cases)

    def set(self, ref: Ref, related: list[Ref]) -> None:
        self._known[ref] = related

    def _related_cases(self, case: Case) -> list[Ref]:
        candidates: set[str] = set()
        for facet in ("themes", "leviers"):
            for value in getattr(case, facet):
                ids = self._lists[facet][value]
                i = self._positions[(facet, value)][case.id]
                candidates.update(ids[max(0, i - WINDOW): i + WINDOW + 1])
        candidates.discard(case.id)
        mine, my_regions = self._shared[case.id], self._regions[case.id]
        shared, regions, rank = self._shared, self._regions, self._rank
        # Most shared themes and levers first, then most shared regions, then by title (the rank).
        scored = heapq.nsmallest(RELATED_MAX, ((-(mine & shared[other]).bit_count(), -(my_regions & regions[other]).bit_count(),
                                               rank[other]) for other in candidates))
        return [Ref("case", self._by_title[s[2]]) for s in scored]


def _relate_guides(corpus: Corpus, related: RelatedPages) -> None:
    """Guides are related when case studies name both themes."""
    together: Counter[tuple[str, str]] = Counter()
    for case in corpus.cases.values():
        for a, b in combinations(sorted(set(case.themes)), 2):
            together[(a, b)] += 1
            together[(b, a)] += 1
    for guide in corpus.guides.values():
        scored = sorted(
            (-together[(guide.id, other.id)], other.title.casefold(), other.id)
            for other in corpus.guides.values()
            if other.id != guide.id and together[(guide.id, other.id)] > 0
        )
        related.set(Ref("guide", guide.id), [Ref("guide", s[2]) for s in scored[:RELATED_MAX]])
