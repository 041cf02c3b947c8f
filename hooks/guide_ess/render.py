"""Markdown for every generated block and index page.

Every value that comes from front matter goes through ``text()``, so that a
title holding ``<``, ``&``, ``"``, ``*`` or ``|`` renders as plain text.
"""
from __future__ import annotations

import html
import posixpath
import re
from typing import Iterable, Sequence

from .corpus import Corpus
from .graph import FACETS, LinkGraph, Ref
from .schema import Case, Guide, Source

NBSP = "\u00a0"  # before « : »
NNBSP = "\u202f"  # before « ; ! ? »
GUIDE_CASES_MAX = 30

# facet -> (folder of its generated pages, vocabulary, singular label, plural label)
FACET_PAGES = {
    "themes": ("themes", "themes", "Thème", "Thèmes"),
    "regions": ("territoires", "regions", "Région", "Régions"),
    "echelons": ("echelons", "echelons", "Échelon", "Échelons"),
    "leviers": ("leviers", "leviers", "Levier", "Leviers"),
}
FACET_TITLES = {
    "themes": "Expériences sur le thème « {} »",
    "regions": "Expériences : {}",
    "echelons": "Expériences à l'échelon « {} »",
    "leviers": "Expériences avec le levier « {} »",
}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!|~^=+])")


def text(value: str) -> str:
    """Front-matter text made safe for markdown: escaped HTML and markdown."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=True))


def link(label: str, from_path: str, to_path: str) -> str:
    """A markdown link from one page to another, relative to the first page."""
    target = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    return f"[{text(label)}]({target})"


def facet_path(facet: str, value: str) -> str:
    """Path of the generated page listing the cases of one facet value."""
    return f"{FACET_PAGES[facet][0]}/{value}.md"


def facet_link(corpus: Corpus, facet: str, value: str, from_path: str) -> str:
    """Themes link to their guide; other facet values to their generated page."""
    label = corpus.vocabulary.of(FACET_PAGES[facet][1])[value]
    if facet == "themes" and value in corpus.guides:
        return link(label, from_path, corpus.guides[value].path)
    return link(label, from_path, facet_path(facet, value))


def ref_path(corpus: Corpus, ref: Ref) -> str:
    return corpus.page_path(ref.kind, ref.id)


def ref_title(corpus: Corpus, ref: Ref) -> str:
    return corpus.table(ref.kind)[ref.id].title


def _field(label: str, value: str) -> str:
    return f"- **{label}{NBSP}:** {value}"


def case_header(corpus: Corpus, case: Case) -> str:
    """The box at the top of a case study: territory, level, period, themes, levers, sources."""
    here = case.path
    regions = ", ".join(facet_link(corpus, "regions", r, here) for r in case.regions)
    lines = [
        '<div class="fiche-experience" markdown>',
        "",
        _field("Territoire", f"{text(case.territoire)} ({regions})"),
        _field("Échelon" if len(case.echelons) == 1 else "Échelons",
               ", ".join(facet_link(corpus, "echelons", e, here) for e in case.echelons)),
        _field("Période", text(case.periode)),
        _field("Thèmes", ", ".join(facet_link(corpus, "themes", t, here) for t in case.themes)),
        _field("Leviers", ", ".join(facet_link(corpus, "leviers", lv, here) for lv in case.leviers)),
    ]
    if case.acteurs:
        lines.append(_field("Acteurs", ", ".join(text(a) for a in case.acteurs)))
    lines.append(_field("Sources", ", ".join(
        link(corpus.sources[s].title, here, corpus.sources[s].path) for s in case.sources)))
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def sources_section(corpus: Corpus, page_path: str, source_ids: Sequence[str]) -> str:
    items = [f"- {link(corpus.sources[s].title, page_path, corpus.sources[s].path)} "
             f"({text(corpus.sources[s].editeur)}, {text(corpus.sources[s].date)})" for s in source_ids]
    return "\n".join(["## Sources", "", *items, ""])


def related_section(corpus: Corpus, graph: LinkGraph, ref: Ref, page_path: str) -> str:
    refs = graph.related.get(ref, [])
    if not refs:
        return ""
    items = [f"- {link(ref_title(corpus, r), page_path, ref_path(corpus, r))}" for r in refs]
    return "\n".join(['## Voir aussi', "", *items, ""])


def case_item(corpus: Corpus, case: Case, from_path: str) -> str:
    return (f"- {link(case.title, from_path, case.path)} — {text(case.territoire)}{NBSP}: "
            f"{text(case.description)}")


def guide_footer(corpus: Corpus, graph: LinkGraph, guide: Guide) -> str:
    """Experiences naming the guide's theme, its sources, related guides."""
    here = guide.path
    case_ids = graph.cases_by["themes"].get(guide.id, [])
    parts = ["## Expériences", ""]
    if case_ids:
        parts += [case_item(corpus, corpus.cases[c], here) for c in case_ids[:GUIDE_CASES_MAX]]
        if len(case_ids) > GUIDE_CASES_MAX:
            parts += ["", f"{link(f'Les {len(case_ids)} expériences sur ce thème', here, facet_path('themes', guide.id))}"]
    else:
        parts.append("Aucune expérience ne porte encore sur ce thème.")
    parts.append("")
    parts.append(sources_section(corpus, here, guide.sources))
    parts.append(related_section(corpus, graph, Ref("guide", guide.id), here))
    return "\n".join(parts)


def case_footer(corpus: Corpus, graph: LinkGraph, case: Case) -> str:
    return "\n".join([sources_section(corpus, case.path, case.sources),
                      related_section(corpus, graph, Ref("case", case.id), case.path)])


def source_footer(corpus: Corpus, graph: LinkGraph, source: Source) -> tuple[str, str]:
    """Facts about the source, then every page that relies on it."""
    here = source.path
    vocab = corpus.vocabulary
    facts = [
        '<div class="fiche-source" markdown>',
        "",
        _field("Éditeur", text(source.editeur)),
        _field("Date", text(source.date)),
        _field("Type", text(vocab.types_source[source.type])),
        _field("Accès", text(vocab.acces[source.acces])),
        "",
        "</div>",
        "",
    ]
    refs = graph.citing.get(source.id, [])
    items = [f"- {link(ref_title(corpus, r), here, ref_path(corpus, r))}"
             f"{' (guide)' if r.kind == 'guide' else ''}" for r in refs]
    using = ["## Pages qui s'appuient sur cette source", "", *(items or ["Aucune page ne cite encore cette source."]), ""]
    return "\n".join(facts), "\n".join(using)


def cases_table(corpus: Corpus, case_ids: Iterable[str], from_path: str) -> str:
    """A table of cases: title, territory, level, period, themes."""
    vocab = corpus.vocabulary
    rows = ["| Expérience | Territoire | Échelon | Période | Thèmes |", "|---|---|---|---|---|"]
    for case_id in case_ids:
        case = corpus.cases[case_id]
        rows.append("| " + " | ".join([
            link(case.title, from_path, case.path),
            text(case.territoire),
            ", ".join(text(vocab.echelons[e]) for e in case.echelons),
            text(case.periode),
            ", ".join(text(vocab.themes[t]) for t in case.themes),
        ]) + " |")
    return "\n".join(rows) + "\n"


def facet_pages_needed(graph: LinkGraph) -> list[tuple[str, str]]:
    """Facet values that get a generated page: every region, level and lever with
    cases; a theme only when its guide cannot list all its cases."""
    return [(facet, value) for facet in FACETS for value, ids in graph.cases_by[facet].items()
            if facet != "themes" or len(ids) > GUIDE_CASES_MAX]


def facet_page(corpus: Corpus, graph: LinkGraph, facet: str, value: str) -> str:
    """A generated page: every case of one region, level, lever or theme."""
    label = corpus.vocabulary.of(FACET_PAGES[facet][1])[value]
    here = facet_path(facet, value)
    case_ids = graph.cases_by[facet].get(value, [])
    title = FACET_TITLES[facet].format(label)
    count = len(case_ids)
    intro = f"{count} expérience{'s' if count > 1 else ''}."
    back = link(f"{FACET_PAGES[facet][3]} : toutes les valeurs".replace(" :", NBSP + ":"), here,
                f"{FACET_PAGES[facet][0]}/index.md")
    guide = ""
    if facet == "themes" and value in corpus.guides:
        guide = f"Lire le guide : {link(corpus.guides[value].title, here, corpus.guides[value].path)}.\n\n".replace(" :", NBSP + ":")
    return (f"---\ntitle: {_yaml_str(title)}\ndescription: {_yaml_str(title + ' — ' + intro)}\n---\n\n"
            f"{intro} {back}.\n\n{guide}{cases_table(corpus, case_ids, here)}")


def facet_index(corpus: Corpus, graph: LinkGraph, facet: str, page_path: str) -> str:
    """The list of every value of a facet that has cases, with counts."""
    folder, vocab_name, _, plural = FACET_PAGES[facet]
    vocab = corpus.vocabulary.of(vocab_name)
    items = []
    for value, label in vocab.items():
        count = len(graph.cases_by[facet].get(value, []))
        if count:
            items.append(f"- {link(label, page_path, facet_path(facet, value))} ({count})")
    return "\n".join(items or ["Aucune expérience pour l'instant."]) + "\n"


def sources_table(corpus: Corpus, page_path: str) -> str:
    vocab = corpus.vocabulary
    rows = ["| Source | Éditeur | Date | Type | Accès |", "|---|---|---|---|---|"]
    for source in sorted(corpus.sources.values(), key=lambda s: s.title.casefold()):
        rows.append("| " + " | ".join([
            link(source.title, page_path, source.path), text(source.editeur), text(source.date),
            text(vocab.types_source[source.type]), text(vocab.acces[source.acces])]) + " |")
    return "\n".join(rows) + "\n"


def glossary_list(corpus: Corpus, page_path: str) -> str:
    """Definition list of every acronym, with the guide to read."""
    lines: list[str] = []
    for term in corpus.glossary:
        lines += [f"{text(term.sigle)}", f":   {text(term.developpe)}"]
        if term.guide and term.guide in corpus.guides:
            guide = corpus.guides[term.guide]
            lines[-1] += f". À lire{NBSP}: {link(guide.title, page_path, guide.path)}"
        lines.append("")
    return "\n".join(lines)


def index_content(corpus: Corpus, graph: LinkGraph, kind: str, page_path: str) -> str:
    """Content appended to a hand-written index page, by its ``index:`` kind."""
    if kind == "experiences":
        ordered = [c.id for c in sorted(corpus.cases.values(), key=lambda c: (c.title.casefold(), c.id))]
        return cases_table(corpus, ordered, page_path)
    if kind == "sources":
        return sources_table(corpus, page_path)
    if kind == "glossaire":
        return glossary_list(corpus, page_path)
    facet = {"territoires": "regions", "echelons": "echelons", "leviers": "leviers", "themes": "themes"}[kind]
    return facet_index(corpus, graph, facet, page_path)


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
