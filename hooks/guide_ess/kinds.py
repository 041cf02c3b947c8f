"""The registry: every kind of page and of generated list, in one place.

- A **page kind** is a folder of ``docs/`` whose pages share a schema (the record
  type, whose fields are the front matter) and a view (the blocks around their text).
- An **index kind** is a value of ``index:`` in a hand-written page's front matter:
  its view adds a generated list to that page.
- A **page family** is a set of pages the site generates from the graph (one per
  region, level, lever, and theme when its guide cannot list all its cases; the
  printable guides): its paths, each page's source and blocks. See
  :mod:`guide_ess.views.lists` (facets, and the later pages of long lists: :mod:`guide_ess.views.paging`) and :mod:`guide_ess.views.printable`.

:func:`blocks_of` is the one dispatch: a page's index list, its kind's blocks, or the
blocks of a generated page.

Adding a kind: one entry here, its record (``content/schema.py``) or view function
(``views/``) and its template (``views/templates/``). ``tests/guide_ess/test_kinds.py``
fails if a declared kind has no view or template.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from .content.corpus import Corpus, load_corpus
from .content.schema import Case, Guide, Record, Source
from .views import contribute, indexes, lists, map_page, news, overview, pages, printable, search_form
from .views.model import Block, Blocks, Site

PageView = Callable[[Site, Record], Blocks]
IndexView = Callable[[Site, str], Blocks]


@dataclass(frozen=True)
class PageKind:
    """A folder of pages sharing a schema and a view."""

    name: str  # used in code and in the link graph: « case »
    folder: str  # under docs/: « experiences »
    label: str  # in messages to contributors: « expérience »
    record: type[Record]  # the schema: the record's fields are the page's front matter
    view: PageView  # the blocks around the page's text
    templates: tuple[str, ...]  # the templates its view renders
    command: str  # the word of « ./run.sh nouvelle <command> <id> » that starts such a page
    sections: tuple[str, ...]  # the usual headings of its text, in a new page
    mark: str = ""  # shown after a link to such a page in a list of pages of several kinds (« guide »)


@dataclass(frozen=True)
class IndexKind:
    """A generated list added to a hand-written page by ``index: <name>``."""

    name: str
    summary: str  # in French, for contributors: what the site adds to the page
    view: IndexView
    templates: tuple[str, ...]


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind("guide", "guides", "guide", Guide, pages.guide_blocks,
             ("guide_header.html", "_review.html", "guide_footer.html", "_sources_and_related.html"), "guide",
             ("Pourquoi c'est important pour une collectivité", "Comment faire", "Points de vigilance",
              "Des exemples"), mark="guide"),
    PageKind("case", "experiences", "expérience", Case, pages.case_blocks,
             ("case_header.html", "_review.html", "case_footer.html", "_sources_and_related.html", "_link.html"),
             "experience", ("Qui et où", "Ce qui a été fait", "Les leviers utilisés", "Ce que l'on peut en retenir",
                            "Pour aller plus loin")),
    PageKind("source", "sources", "source", Source, pages.source_blocks, ("source_header.html", "source_footer.html"),
             "source", ("Ce que couvre la ressource", "Où la trouver", "Ce que nous n'avons pas lu")),
)

INDEX_KINDS: tuple[IndexKind, ...] = (
    IndexKind("experiences", "le tableau de toutes les expériences, par pages de cent", indexes.experiences,
              ("experiences.html", "table.html", "_pager.html")),
    IndexKind("themes", "la liste des thèmes, chacun avec ses expériences", indexes.themes, ("facet_index.html",)),
    IndexKind("territoires", "la liste des régions, chacune avec sa page", indexes.regions, ("facet_index.html",)),
    IndexKind("echelons", "la liste des échelons, chacun avec sa page", indexes.levels, ("facet_index.html",)),
    IndexKind("leviers", "la liste des leviers, chacun avec sa page", indexes.levers, ("facet_index.html",)),
    IndexKind("sources", "le tableau des sources", indexes.sources, ("table.html",)),
    IndexKind("glossaire", "la liste des sigles", indexes.glossary, ("glossary.html",)),
    IndexKind("carte", "la carte de France des expériences, ses filtres et la liste des régions avec leur nombre "
              "d'expériences", map_page.map_page,
              ("carte.html", "carte_svg.html")),
    IndexKind("panorama", "les tableaux régions × thèmes et leviers × échelons (nombres d'expériences)", overview.panorama,
              ("panorama.html", "table.html")),
    IndexKind("nouveautes", "les pages récemment ajoutées ou modifiées (historique git) et le lien du flux Atom",
              news.news, ("news.html",)),
    IndexKind("contribuer", "en tête de page, les liens vers les formulaires du dépôt (proposer une expérience, "
              "signaler une erreur)", contribute.forms, ("contribuer.html",)),
    IndexKind("recherche", "après le texte, le formulaire de recherche et la place de ses résultats",
              search_form.search_form, ("recherche.html",)),
)

INDEX_KIND_BY_NAME: Mapping[str, IndexKind] = {kind.name: kind for kind in INDEX_KINDS}


@dataclass(frozen=True)
class PageFamily:
    """Pages the site generates from the graph: which, the source of each, and its blocks."""

    name: str
    paths: Callable[[Site], list[str]]  # the pages of the family this site needs (relative to docs/)
    source: Callable[[Site, str], str | Block]  # a page's markdown, or the block that renders it
    view: Callable[[Site, str], Blocks | None]  # a page's blocks; None when ``path`` is not one of the family's


PAGE_FAMILIES: tuple[PageFamily, ...] = (
    PageFamily("listes", lists.paths_needed, lists.source_at, lists.blocks_at),
    PageFamily("version-imprimable", printable.paths_needed, printable.source_at, printable.blocks_at),
)


def load(pages: Iterable[tuple[str, bytes]], vocabulary_text: str, glossary_text: str,
         written: Callable[[str], bool] | None = None) -> Corpus:
    """Read and check every page (path relative to docs/, raw bytes) with the kinds declared here
    (``written``: see :func:`guide_ess.content.corpus.load_corpus`)."""
    return load_corpus(pages, vocabulary_text, glossary_text, PAGE_KINDS, INDEX_KIND_BY_NAME, written)


def record_at(corpus: Corpus, path: str) -> tuple[PageKind, Record] | None:
    """The kind and record of the page at ``path``, if it holds one."""
    folder = path.partition("/")[0]
    for kind in PAGE_KINDS:
        if kind.folder == folder:
            record = corpus.table(kind.name).get(path.rsplit("/", 1)[-1][:-3])
            return (kind, record) if record is not None and record.path == path else None
    return None


def blocks_of(site: Site, path: str) -> Blocks:
    """The generated blocks of the page at ``path``: its index list, its kind's blocks, or the list
    of a generated facet page."""
    index = site.corpus.index_pages.get(path)
    if index is not None:
        return INDEX_KIND_BY_NAME[index].view(site, path)
    found = record_at(site.corpus, path)
    if found is not None:
        kind, record = found
        return kind.view(site, record)
    for family in PAGE_FAMILIES:
        blocks = family.view(site, path)
        if blocks is not None:
            return blocks
    return Blocks()
