"""Load every page's front matter, check it, and hold the typed records.

The corpus is read once, before any page renders; all problems are collected.
Which folder holds which kind of page, and which ``index:`` values exist, comes
from the registry (:mod:`guide_ess.kinds`), passed in by the caller.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Collection, Iterable, Mapping, Protocol, cast

from . import frontmatter, placeholders, policy
from .glossary import GLOSSARY_FILE, Term, load_glossary
from .problems import Problem, unknown_value
from .schema import Case, Guide, Record, Source, build, check_fields
from .vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary


class PageSchema(Protocol):
    """What the corpus needs to know of a page kind (:class:`guide_ess.kinds.PageKind` is one)."""

    @property
    def name(self) -> str: ...
    @property
    def folder(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def record(self) -> type[Record]: ...


@dataclass
class Corpus:
    """Every checked page of the site, by kind and id."""

    vocabulary: Vocabulary
    glossary: tuple[Term, ...] = ()
    tables: dict[str, dict[str, Record]] = field(default_factory=dict)  # kind name -> id -> record
    index_pages: dict[str, str] = field(default_factory=dict)  # path -> index kind
    front_matter: dict[str, frontmatter.Parsed] = field(default_factory=dict)  # path -> meta and body, if valid
    problems: list[Problem] = field(default_factory=list)

    def table(self, kind: str) -> Mapping[str, Record]:
        """The records of one kind (« guide », « case », « source »…), by id."""
        return self.tables.get(kind, {})

    @property
    def guides(self) -> Mapping[str, Guide]:
        return cast(Mapping[str, Guide], self.table("guide"))

    @property
    def cases(self) -> Mapping[str, Case]:
        return cast(Mapping[str, Case], self.table("case"))

    @property
    def sources(self) -> Mapping[str, Source]:
        return cast(Mapping[str, Source], self.table("source"))

    def records(self) -> list[Record]:
        """Every record of every kind."""
        return [record for table in self.tables.values() for record in table.values()]

    def page_path(self, kind: str, id_: str) -> str:
        """Path (relative to docs/) of a record."""
        return self.table(kind)[id_].path

    def line_of(self, path: str, name: str) -> int:
        """The line of the field ``name`` in the page ``path`` (relative to docs/), 0 when unknown."""
        parsed = self.front_matter.get(path)
        return parsed.line_of(name) if parsed is not None else 0


def kind_of(path: str, kinds: Iterable[PageSchema]) -> PageSchema | None:
    """The kind of the page at ``path`` from its folder; None for other pages (index pages included)."""
    folder, _, rest = path.partition("/")
    if not rest or posixpath.basename(path) == "index.md":
        return None
    return next((k for k in kinds if k.folder == folder), None)


def load_corpus(pages: Iterable[tuple[str, bytes]], vocabulary_text: str, glossary_text: str,
                kinds: Collection[PageSchema], index_kinds: Collection[str]) -> Corpus:
    """Check all pages (path relative to docs/, raw bytes) and cross-check their references."""
    vocab, problems = load_vocabulary(vocabulary_text)
    terms, glossary_problems = load_glossary(glossary_text, vocab.themes)
    corpus = Corpus(vocabulary=vocab, glossary=terms, problems=problems + glossary_problems,
                    tables={kind.name: {} for kind in kinds})
    for path, data in sorted(pages):
        _load_page(corpus, path, data, kinds, index_kinds)
    _cross_check(corpus)
    return corpus


def _load_page(corpus: Corpus, path: str, data: bytes, kinds: Collection[PageSchema], index_kinds: Collection[str]) -> None:
    shown = f"docs/{path}"
    text, problems = frontmatter.decode(shown, data)
    corpus.problems.extend(problems)
    if text is None:
        return
    parsed = frontmatter.parse(shown, text)
    corpus.problems.extend(policy.check_page(shown, text, parsed.body))
    corpus.problems.extend(placeholders.left_in(shown, text))
    corpus.problems.extend(parsed.problems)
    if parsed.problems:
        return
    corpus.front_matter[path] = parsed
    meta = parsed.meta
    if "index" in meta:
        value = str(meta["index"])
        if value not in index_kinds:
            corpus.problems.append(unknown_value(shown, "index", value, index_kinds, "listes générées",
                                                 parsed.line_of("index")))
        else:
            corpus.index_pages[path] = value
    kind = kind_of(path, kinds)
    if kind is None:
        return
    clean, field_problems = check_fields(shown, kind.record, kind.label, meta, corpus.vocabulary, parsed)
    corpus.problems.extend(field_problems)
    if field_problems:
        return
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if clean["id"] != stem:
        corpus.problems.append(Problem(shown, "id", f"« {clean['id']} » doit être identique au nom du fichier, "
                                       f"« {stem} » : renommez le fichier ou corrigez l'identifiant.", parsed.line_of("id")))
    record = build(kind.record, path, clean)
    table = corpus.tables[kind.name]
    if record.id in table:
        corpus.problems.append(Problem(shown, "id", f"l'identifiant « {record.id} » est déjà utilisé par "
                                       f"docs/{table[record.id].path} : choisissez-en un autre.", parsed.line_of("id")))
        return
    table[record.id] = record


def _cross_check(corpus: Corpus) -> None:
    """References between pages: themes have guides, sources exist (an empty list of sources is answered
    with the sources there are)."""
    if corpus.sources:
        listing = ", ".join(sorted(corpus.sources)[:40]) + (", …" if len(corpus.sources) > 40 else "")
        corpus.problems[:] = [
            Problem(p.path, p.field, f"{p.message} Sources disponibles (pages de docs/sources/) : {listing}.", p.line)
            if p.field == "sources" and p.message.startswith("champ obligatoire manquant") else p
            for p in corpus.problems]
    themes = corpus.vocabulary.themes
    vocabulary_file = f"docs/{VOCABULARY_FILE}"
    for guide in corpus.guides.values():
        if guide.id not in themes:
            corpus.problems.append(unknown_value(f"docs/{guide.path}", "id", guide.id, themes,
                                                 "un guide porte le nom d'un thème de docs/.vocabulaires.yml",
                                                 corpus.line_of(guide.path, "id")))
    if corpus.guides or corpus.cases:
        for theme in themes:
            if theme not in corpus.guides:
                corpus.problems.append(Problem(vocabulary_file, "themes", f"le thème « {theme} » n'a pas de guide : "
                                               f"créez docs/guides/{theme}.md ou retirez le thème.",
                                               corpus.vocabulary.line_of("themes", theme)))
    citing: list[Guide | Case] = [*corpus.guides.values(), *corpus.cases.values()]
    for record in citing:
        for source in record.sources:
            if source not in corpus.sources:
                corpus.problems.append(unknown_value(f"docs/{record.path}", "sources", source, corpus.sources,
                                                     "pages de docs/sources/", corpus.line_of(record.path, "sources")))
    for term in corpus.glossary:
        if term.guide and term.guide not in corpus.guides and corpus.guides:
            corpus.problems.append(Problem(f"docs/{GLOSSARY_FILE}", f"{term.sigle} : guide",
                                           f"aucun guide docs/guides/{term.guide}.md.", term.line))
