"""Load every page's front matter, check it, and hold the typed records.

The corpus is read once, before any page renders; all problems are collected.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from . import frontmatter
from .glossary import GLOSSARY_FILE, Term, load_glossary
from .problems import Problem, unknown_value
from .schema import INDEX_KINDS, Case, Guide, Record, Source, build, check_fields
from .vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

FOLDER_KINDS = {"guides": "guide", "experiences": "case", "sources": "source"}


@dataclass
class Corpus:
    """Every checked page of the site, by kind and id."""

    vocabulary: Vocabulary
    glossary: tuple[Term, ...] = ()
    guides: dict[str, Guide] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    index_pages: dict[str, str] = field(default_factory=dict)  # path -> index kind
    front_matter: dict[str, frontmatter.Parsed] = field(default_factory=dict)  # path -> meta and body, if valid
    problems: list[Problem] = field(default_factory=list)

    def table(self, kind: str) -> Mapping[str, Record]:
        """The guides, cases or sources, by id."""
        tables: dict[str, Mapping[str, Record]] = {"guide": self.guides, "case": self.cases, "source": self.sources}
        return tables[kind]

    def records(self) -> list[Record]:
        """Every guide, case and source."""
        return [*self.guides.values(), *self.cases.values(), *self.sources.values()]

    def page_path(self, kind: str, id_: str) -> str:
        """Path (relative to docs/) of a guide, case or source."""
        return self.table(kind)[id_].path


def kind_of(path: str) -> str | None:
    """'guide', 'case' or 'source' from the page's folder; None for other pages."""
    folder, _, rest = path.partition("/")
    if not rest or posixpath.basename(path) == "index.md":
        return None
    return FOLDER_KINDS.get(folder)


def load_corpus(pages: Iterable[tuple[str, bytes]], vocabulary_text: str, glossary_text: str) -> Corpus:
    """Check all pages (path relative to docs/, raw bytes) and cross-check their references."""
    vocab, problems = load_vocabulary(vocabulary_text)
    terms, glossary_problems = load_glossary(glossary_text, vocab.themes)
    corpus = Corpus(vocabulary=vocab, glossary=terms, problems=problems + glossary_problems)
    for path, data in sorted(pages):
        _load_page(corpus, path, data)
    _cross_check(corpus)
    return corpus


def _load_page(corpus: Corpus, path: str, data: bytes) -> None:
    shown = f"docs/{path}"
    text, problems = frontmatter.decode(shown, data)
    corpus.problems.extend(problems)
    if text is None:
        return
    parsed = frontmatter.parse(shown, text)
    corpus.problems.extend(parsed.problems)
    if parsed.problems:
        return
    corpus.front_matter[path] = parsed
    meta = parsed.meta
    if "index" in meta:
        value = str(meta["index"])
        if value not in INDEX_KINDS:
            corpus.problems.append(unknown_value(shown, "index", value, INDEX_KINDS, "listes générées"))
        else:
            corpus.index_pages[path] = value
    kind = kind_of(path)
    if kind is None:
        return
    clean, field_problems = check_fields(shown, kind, meta, corpus.vocabulary)
    corpus.problems.extend(field_problems)
    if field_problems:
        return
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if clean["id"] != stem:
        corpus.problems.append(Problem(shown, "id", f"« {clean['id']} » doit être identique au nom du fichier, "
                                       f"« {stem} » : renommez le fichier ou corrigez l'identifiant."))
    record = build(kind, path, clean)
    table = corpus.table(kind)
    if record.id in table:
        corpus.problems.append(Problem(shown, "id", f"l'identifiant « {record.id} » est déjà utilisé par "
                                       f"docs/{table[record.id].path} : choisissez-en un autre."))
        return
    if isinstance(record, Guide):
        corpus.guides[record.id] = record
    elif isinstance(record, Case):
        corpus.cases[record.id] = record
    else:
        corpus.sources[record.id] = record


def _cross_check(corpus: Corpus) -> None:
    """References between pages: themes have guides, sources exist."""
    themes = corpus.vocabulary.themes
    for guide in corpus.guides.values():
        if guide.id not in themes:
            corpus.problems.append(unknown_value(f"docs/{guide.path}", "id", guide.id, themes,
                                                 "un guide porte le nom d'un thème de docs/.vocabulaires.yml"))
    if corpus.guides or corpus.cases:
        for theme in themes:
            if theme not in corpus.guides:
                corpus.problems.append(Problem(f"docs/{VOCABULARY_FILE}", "themes", f"le thème « {theme} » n'a pas de guide : "
                                               f"créez docs/guides/{theme}.md ou retirez le thème."))
    citing: list[Guide | Case] = [*corpus.guides.values(), *corpus.cases.values()]
    for record in citing:
        for source in record.sources:
            if source not in corpus.sources:
                corpus.problems.append(unknown_value(f"docs/{record.path}", "sources", source, corpus.sources,
                                                     "pages de docs/sources/"))
    for term in corpus.glossary:
        if term.guide and term.guide not in corpus.guides and corpus.guides:
            corpus.problems.append(Problem(f"docs/{GLOSSARY_FILE}", f"{term.sigle} : guide",
                                           f"aucun guide docs/guides/{term.guide}.md."))
