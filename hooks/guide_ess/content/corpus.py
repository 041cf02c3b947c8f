"""Load every page's front matter, check it, and hold the typed records.

The corpus is read once, before any page renders; all problems are collected.
Which folder holds which kind of page, and which ``index:`` values exist, comes
from the registry (:mod:`guide_ess.kinds`), passed in by the caller.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Callable, Collection, Iterable, Mapping, Protocol, cast

from . import frontmatter, placeholders, policy
from .glossary import GLOSSARY_FILE, Term, load_glossary
from .problems import Problem, unknown_value
from .schema import Case, Guide, Record, Source, build, check_fields, fields_of, referenced_values, references
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
    @property
    def mark(self) -> str: ...  # in lists of pages of several kinds, after a link to such a page (« guide »)


@dataclass
class Corpus:
    """Every checked page of the site, by kind and id."""

    vocabulary: Vocabulary
    glossary: tuple[Term, ...] = ()
    tables: dict[str, dict[str, Record]] = field(default_factory=dict)  # kind name -> id -> record
    index_pages: dict[str, str] = field(default_factory=dict)  # path -> index kind
    front_matter: dict[str, frontmatter.Parsed] = field(default_factory=dict)  # path -> meta and body, if valid
    problems: list[Problem] = field(default_factory=list)
    kinds: dict[str, PageSchema] = field(default_factory=dict)  # kind name -> its folder, label and schema

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
                kinds: Collection[PageSchema], index_kinds: Collection[str],
                written: Callable[[str], bool] | None = None) -> Corpus:
    """Check all pages (path relative to docs/, raw bytes) and cross-check their references.

    ``written``: in a dirty build (``./run.sh serve``), whether a page is written again; the text of the
    others (content policy, placeholders) was checked by the build that wrote them and is not read
    again (their front matter is: the lists and cross-checks need every page's)."""
    vocab, problems = load_vocabulary(vocabulary_text)
    terms, glossary_problems = load_glossary(glossary_text, vocab.themes)
    corpus = Corpus(vocabulary=vocab, glossary=terms, problems=problems + glossary_problems,
                    tables={kind.name: {} for kind in kinds}, kinds={kind.name: kind for kind in kinds})
    for path, data in sorted(pages):
        _load_page(corpus, path, data, kinds, index_kinds, written is None or written(path))
    _cross_check(corpus)
    return corpus


def _load_page(corpus: Corpus, path: str, data: bytes, kinds: Collection[PageSchema], index_kinds: Collection[str],
               check_text: bool = True) -> None:
    shown = f"docs/{path}"
    text, problems = frontmatter.decode(shown, data)
    corpus.problems.extend(problems)
    if text is None:
        return
    parsed = frontmatter.parse(shown, text)
    if check_text:
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
    """References between pages, as the schema declares them: ids that are vocabulary values (a guide per
    theme), reference fields naming pages that exist (an empty one is answered with the pages there are),
    the glossary's guides."""
    _list_available_pages(corpus)
    for kind in corpus.kinds.values():
        if kind.record.ID_VOCABULARY:
            _check_ids_from_vocabulary(corpus, kind, kind.record.ID_VOCABULARY)
    for kind in corpus.kinds.values():
        for spec in references(kind.record):
            target = corpus.kinds.get(spec.refers_to or "")
            if target is None:
                continue
            allowed = corpus.table(target.name)
            for record in corpus.table(kind.name).values():
                for value in referenced_values(record, spec):
                    if value not in allowed:
                        corpus.problems.append(unknown_value(f"docs/{record.path}", spec.name, value, allowed,
                                                             f"pages de docs/{target.folder}/",
                                                             corpus.line_of(record.path, spec.name)))
    for term in corpus.glossary:
        if term.guide and term.guide not in corpus.guides and corpus.guides:
            corpus.problems.append(Problem(f"docs/{GLOSSARY_FILE}", f"{term.sigle} : guide",
                                           f"aucun guide docs/guides/{term.guide}.md.", term.line))


def _list_available_pages(corpus: Corpus) -> None:
    """A missing or empty reference field (« sources: [] ») is answered with the pages it may name."""
    targets: dict[tuple[str, str], PageSchema] = {}
    for kind in corpus.kinds.values():
        for spec in references(kind.record):
            target = corpus.kinds.get(spec.refers_to or "")
            if target is not None and corpus.table(target.name):
                targets[(kind.folder, spec.name)] = target
    if not targets:
        return

    def hinted(p: Problem) -> Problem:
        target = targets.get((p.path.removeprefix("docs/").partition("/")[0], p.field))
        if target is None or not p.message.startswith("champ obligatoire manquant"):
            return p
        ids = sorted(corpus.table(target.name))
        listing = ", ".join(ids[:40]) + (", …" if len(ids) > 40 else "")
        available = f"{target.label[:1].upper()}{target.label[1:]}s disponibles (pages de docs/{target.folder}/)"
        return Problem(p.path, p.field, f"{p.message} {available} : {listing}.", p.line)

    corpus.problems[:] = [hinted(p) for p in corpus.problems]


def _check_ids_from_vocabulary(corpus: Corpus, kind: PageSchema, vocabulary: str) -> None:
    """Each page of ``kind`` is named after a value of ``vocabulary``, and each value has its page, once the
    site has pages that use the vocabulary."""
    values = corpus.vocabulary.of(vocabulary)
    table = corpus.table(kind.name)
    for record in table.values():
        if record.id not in values:
            corpus.problems.append(unknown_value(f"docs/{record.path}", "id", record.id, values,
                                                 f"une page « {kind.label} » porte le nom d'une valeur de "
                                                 f"« {vocabulary} » de docs/{VOCABULARY_FILE}",
                                                 corpus.line_of(record.path, "id")))
    users = [k.name for k in corpus.kinds.values()
             if k.record.ID_VOCABULARY == vocabulary or any(f.vocabulary == vocabulary for f in fields_of(k.record))]
    if not any(corpus.table(name) for name in users):
        return
    for value in values:
        if value not in table:
            corpus.problems.append(Problem(f"docs/{VOCABULARY_FILE}", vocabulary,
                                           f"la valeur « {value} » n'a pas de {kind.label} : créez "
                                           f"docs/{kind.folder}/{value}.md ou retirez-la de « {vocabulary} ».",
                                           corpus.vocabulary.line_of(vocabulary, value)))
