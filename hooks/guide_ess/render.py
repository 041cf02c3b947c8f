"""HTML for every generated block and index page.

Generated blocks are HTML, joined to the page after its markdown is rendered
(see :mod:`guide_ess.blocks`): a thousand-row table costs a string join instead of
a thousand passes of Python-Markdown. Headings carry the id the toc extension
would give them; :func:`guide_ess.blocks.place_headings` makes them unique and
adds them to the table of contents. Every value that comes from front matter is escaped by :class:`Html`, so that a
title holding ``<``, ``&`` or ``"`` renders as plain text; links are computed the
way MkDocs computes page addresses, from the pages' paths relative to docs/.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from .corpus import Corpus
from .glossary import Abbreviations
from .graph import FACETS, LinkGraph, Ref
from .schema import Case, Guide, Source
from .typography import french_spacing_text

NBSP = "\u00a0"  # before « : »
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


def md_text(value: str) -> str:
    """Front-matter text made safe inside markdown (headings): escaped HTML and markdown."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(value, quote=False))


@lru_cache(maxsize=65536)
def page_url(path: str, directory_urls: bool) -> str:
    """The address MkDocs gives the page ``path`` (relative to docs/)."""
    stem = path[:-3] if path.endswith(".md") else path
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def relative_url(from_path: str, to_path: str, directory_urls: bool) -> str:
    """The href, from page ``from_path``, of page ``to_path`` (pure string work: no file system)."""
    source, target = page_url(from_path, directory_urls), page_url(to_path, directory_urls)
    if not directory_urls:
        return _from_folder(posixpath.dirname(source), target, False)
    base = source.rstrip("/")
    if not base or target.startswith(source):  # the page itself, or below it
        return _from_folder(base, target, True)
    # Elsewhere: one level up from the page's folder, then as from its parent folder, which
    # every page of that folder shares (one cached answer for a thousand case studies).
    rel = _from_folder(posixpath.dirname(base), target, True)
    return "../" + ("" if rel == "./" else rel)


@lru_cache(maxsize=65536)
def _from_folder(folder: str, target: str, directory_urls: bool) -> str:
    """The href of the page address ``target`` from the folder ``folder`` of the site."""
    base_parts = folder.split("/") if folder else []
    target_parts = target.rstrip("/").split("/") if target.rstrip("/") else []
    common = 0
    for a, b in zip(base_parts, target_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if directory_urls:
        return "./" if rel == "." else rel + "/"
    return rel


@dataclass(frozen=True)
class Html:
    """Escaping, acronyms and links for the HTML written into pages."""

    directory_urls: bool = True
    abbreviations: Abbreviations | None = field(default=None, compare=False)
    targets: set[str] = field(default_factory=set, compare=False)  # every page linked to, for the orphan check

    def text(self, value: str) -> str:
        """Text with French spacing, escaped, its acronyms wrapped in <abbr> with their expansion."""
        return _text(value, self.abbreviations)

    def a(self, label: str, from_path: str, to_path: str) -> str:
        self.targets.add(to_path)
        href = html.escape(relative_url(from_path, to_path, self.directory_urls), quote=True)
        return f'<a href="{href}">{self.text(label)}</a>'


@lru_cache(maxsize=65536)
def _text(value: str, abbreviations: Abbreviations | None) -> str:
    escaped = html.escape(french_spacing_text(value), quote=False)
    return abbreviations.wrap(escaped) if abbreviations else escaped


def facet_path(facet: str, value: str) -> str:
    """Path of the generated page listing the cases of one facet value."""
    return f"{FACET_PAGES[facet][0]}/{value}.md"


def facet_link(h: Html, corpus: Corpus, facet: str, value: str, from_path: str) -> str:
    """Themes link to their guide; other facet values to their generated page."""
    label = corpus.vocabulary.of(FACET_PAGES[facet][1])[value]
    if facet == "themes" and value in corpus.guides:
        return h.a(label, from_path, corpus.guides[value].path)
    return h.a(label, from_path, facet_path(facet, value))


def ref_path(corpus: Corpus, ref: Ref) -> str:
    return corpus.page_path(ref.kind, ref.id)


def ref_title(corpus: Corpus, ref: Ref) -> str:
    return corpus.table(ref.kind)[ref.id].title


def _facts(css_class: str, rows: Sequence[tuple[str, str]]) -> str:
    items = "".join(f"<li><strong>{label}{NBSP}:</strong> {value}</li>" for label, value in rows)
    return f'<div class="{css_class}">\n<ul>{items}</ul>\n</div>\n'


def heading(text_html: str, anchor: str, level: int = 2) -> str:
    """A heading of a generated block (its id is made unique when the block joins the page)."""
    return f'<h{level} id="{anchor}">{text_html}</h{level}>\n'


def paragraph(text_html: str) -> str:
    return f"<p>{text_html}</p>\n"


def _list(items: Sequence[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>\n"


def case_header(h: Html, corpus: Corpus, case: Case) -> str:
    """The box at the top of a case study: territory, level, period, themes, levers, sources."""
    here = case.path
    regions = ", ".join(facet_link(h, corpus, "regions", r, here) for r in case.regions)
    rows = [
        ("Territoire", f"{h.text(case.territoire)} ({regions})"),
        ("Échelon" if len(case.echelons) == 1 else "Échelons",
         ", ".join(facet_link(h, corpus, "echelons", e, here) for e in case.echelons)),
        ("Période", h.text(case.periode)),
        ("Thèmes", ", ".join(facet_link(h, corpus, "themes", t, here) for t in case.themes)),
        ("Leviers", ", ".join(facet_link(h, corpus, "leviers", lv, here) for lv in case.leviers)),
    ]
    if case.acteurs:
        rows.append(("Acteurs", ", ".join(h.text(a) for a in case.acteurs)))
    rows.append(("Sources", ", ".join(h.a(corpus.sources[s].title, here, corpus.sources[s].path) for s in case.sources)))
    return _facts("fiche-experience", rows)


def sources_section(h: Html, corpus: Corpus, page_path: str, source_ids: Sequence[str]) -> str:
    items = [f"{h.a(corpus.sources[s].title, page_path, corpus.sources[s].path)} "
             f"({h.text(corpus.sources[s].editeur)}, {h.text(corpus.sources[s].date)})" for s in source_ids]
    return heading("Sources", "sources") + _list(items)


def related_section(h: Html, corpus: Corpus, graph: LinkGraph, ref: Ref, page_path: str) -> str:
    refs = graph.related.get(ref, [])
    if not refs:
        return ""
    return heading("Voir aussi", "voir-aussi") + _list([h.a(ref_title(corpus, r), page_path, ref_path(corpus, r)) for r in refs])


def case_item(h: Html, case: Case, from_path: str) -> str:
    return f"{h.a(case.title, from_path, case.path)} — {h.text(case.territoire)}{NBSP}: {h.text(case.description)}"


def guide_footer(h: Html, corpus: Corpus, graph: LinkGraph, guide: Guide) -> str:
    """Experiences naming the guide's theme, its sources, related guides."""
    here = guide.path
    case_ids = graph.cases_by["themes"].get(guide.id, [])
    parts = [heading("Expériences", "experiences")]
    if case_ids:
        parts.append(_list([case_item(h, corpus.cases[c], here) for c in case_ids[:GUIDE_CASES_MAX]]))
        if len(case_ids) > GUIDE_CASES_MAX:
            parts.append(f"<p>{h.a(f'Les {len(case_ids)} expériences sur ce thème', here, facet_path('themes', guide.id))}</p>\n")
    else:
        parts.append(paragraph("Aucune expérience ne porte encore sur ce thème."))
    parts.append(sources_section(h, corpus, here, guide.sources))
    parts.append(related_section(h, corpus, graph, Ref("guide", guide.id), here))
    return "".join(parts)


def case_footer(h: Html, corpus: Corpus, graph: LinkGraph, case: Case) -> str:
    return "".join([sources_section(h, corpus, case.path, case.sources),
                    related_section(h, corpus, graph, Ref("case", case.id), case.path)])


def source_header(h: Html, corpus: Corpus, source: Source) -> str:
    """The facts about a source: publisher, date, type, access."""
    vocab = corpus.vocabulary
    return _facts("fiche-source", [
        ("Éditeur", h.text(source.editeur)),
        ("Date", h.text(source.date)),
        ("Type", h.text(vocab.types_source[source.type])),
        ("Accès", h.text(vocab.acces[source.acces])),
    ])


def source_footer(h: Html, corpus: Corpus, graph: LinkGraph, source: Source) -> str:
    """Every page that relies on the source."""
    refs = graph.citing.get(source.id, [])
    items = [f"{h.a(ref_title(corpus, r), source.path, ref_path(corpus, r))}{' (guide)' if r.kind == 'guide' else ''}"
             for r in refs]
    body = _list(items) if items else paragraph("Aucune page ne cite encore cette source.")
    return heading(h.text("Pages qui s'appuient sur cette source"), "pages-qui-sappuient-sur-cette-source") + body


def table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A raw HTML table (cells already escaped)."""
    thead = "".join(f"<th>{cell}</th>" for cell in head)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{thead}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"


def cases_table(h: Html, corpus: Corpus, case_ids: Iterable[str], from_path: str) -> str:
    """A table of cases: title, territory, level, period, themes."""
    vocab = corpus.vocabulary
    rows = []
    for case_id in case_ids:
        case = corpus.cases[case_id]
        rows.append([
            h.a(case.title, from_path, case.path),
            h.text(case.territoire),
            ", ".join(h.text(vocab.echelons[e]) for e in case.echelons),
            h.text(case.periode),
            ", ".join(h.text(vocab.themes[t]) for t in case.themes),
        ])
    return table(["Expérience", "Territoire", "Échelon", "Période", "Thèmes"], rows)


def cases_list(h: Html, corpus: Corpus, case_ids: Iterable[str], from_path: str) -> str:
    """A light list of cases (title, territory, period), readable on a phone."""
    return _list([f"{h.a(corpus.cases[c].title, from_path, corpus.cases[c].path)} — "
                  f"{h.text(corpus.cases[c].territoire)} ({h.text(corpus.cases[c].periode)})" for c in case_ids])


def facet_pages_needed(graph: LinkGraph) -> list[tuple[str, str]]:
    """Facet values that get a generated page: every region, level and lever with
    cases; a theme only when its guide cannot list all its cases."""
    return [(facet, value) for facet in FACETS for value, ids in graph.cases_by[facet].items()
            if facet != "themes" or len(ids) > GUIDE_CASES_MAX]


def facet_page_markdown(corpus: Corpus, graph: LinkGraph, facet: str, value: str) -> str:
    """The markdown file of a generated facet page: front matter only (its list is :func:`facet_page`)."""
    title = facet_title(corpus, facet, value)
    return f"---\ntitle: {_yaml_str(title)}\ndescription: {_yaml_str(title + ' — ' + _count(graph, facet, value))}\n---\n"


def facet_title(corpus: Corpus, facet: str, value: str) -> str:
    return FACET_TITLES[facet].format(corpus.vocabulary.of(FACET_PAGES[facet][1])[value])


def _count(graph: LinkGraph, facet: str, value: str) -> str:
    count = len(graph.cases_by[facet].get(value, []))
    return f"{count} expérience{'s' if count > 1 else ''}."


def facet_page(h: Html, corpus: Corpus, graph: LinkGraph, facet: str, value: str) -> str:
    """The body of a generated page: every case of one region, level, lever or theme."""
    here = facet_path(facet, value)
    if facet == "themes" and value in corpus.guides:
        back = "Lire le guide" + NBSP + ": " + h.a(corpus.guides[value].title, here, corpus.guides[value].path)
    else:
        back = h.a(f"{FACET_PAGES[facet][3]}{NBSP}: toutes les valeurs", here, f"{FACET_PAGES[facet][0]}/index.md")
    return paragraph(f"{_count(graph, facet, value)} {back}.") + cases_list(h, corpus, graph.cases_by[facet].get(value, []), here)


def facet_index(h: Html, corpus: Corpus, graph: LinkGraph, facet: str, page_path: str) -> str:
    """The list of every value of a facet that has cases, with counts."""
    vocab = corpus.vocabulary.of(FACET_PAGES[facet][1])
    items = [f"{h.a(label, page_path, facet_path(facet, value))} ({len(graph.cases_by[facet][value])})"
             for value, label in vocab.items() if graph.cases_by[facet].get(value)]
    return _list(items) if items else paragraph(h.text("Aucune expérience pour l'instant."))


def sources_table(h: Html, corpus: Corpus, page_path: str) -> str:
    vocab = corpus.vocabulary
    rows = [[h.a(s.title, page_path, s.path), h.text(s.editeur), h.text(s.date),
             h.text(vocab.types_source[s.type]), h.text(vocab.acces[s.acces])]
            for s in sorted(corpus.sources.values(), key=lambda s: s.title.casefold())]
    return table(["Source", "Éditeur", "Date", "Type", "Accès"], rows)


def glossary_list(h: Html, corpus: Corpus, page_path: str) -> str:
    """Definition list of every acronym, with the guide to read (acronyms written out, not wrapped)."""
    plain = Html(h.directory_urls)
    lines = ["<dl>"]
    for term in corpus.glossary:
        anchor = "sigle-" + re.sub(r"[^a-z0-9]+", "-", term.sigle.lower()).strip("-")
        lines.append(f'<dt id="{anchor}">{plain.text(term.sigle)}</dt>')
        definition = plain.text(term.developpe)
        if term.guide and term.guide in corpus.guides:
            guide = corpus.guides[term.guide]
            definition += f". À lire{NBSP}: {plain.a(guide.title, page_path, guide.path)}"
        lines.append(f"<dd>{definition}</dd>")
    lines.append("</dl>")
    return "\n".join(lines) + "\n"


def index_content(h: Html, corpus: Corpus, graph: LinkGraph, kind: str, page_path: str) -> str:
    """Content appended to a hand-written index page, by its ``index:`` kind."""
    if kind == "experiences":
        ordered = [c.id for c in sorted(corpus.cases.values(), key=lambda c: (c.title.casefold(), c.id))]
        return cases_table(h, corpus, ordered, page_path)
    if kind == "sources":
        return sources_table(h, corpus, page_path)
    if kind == "glossaire":
        return glossary_list(h, corpus, page_path)
    facet = {"territoires": "regions", "echelons": "echelons", "leviers": "leviers", "themes": "themes"}[kind]
    return facet_index(h, corpus, graph, facet, page_path)


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
