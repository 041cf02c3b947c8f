"""Corpora loaded with the core: the real docs/ (content tests) and the fixture site (code tests)."""
from __future__ import annotations

from functools import lru_cache

from helpers import FIXTURE_DOCS, ROOT, fixture_pages

from guide_ess import kinds
from guide_ess.content.corpus import Corpus


@lru_cache(maxsize=1)
def real_corpus() -> Corpus:
    docs = ROOT / "docs"
    pages = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in docs.rglob("*.md")]
    corpus = kinds.load(pages, (docs / ".vocabulaires.yml").read_text(encoding="utf-8"),
                        (docs / ".glossaire.yml").read_text(encoding="utf-8"))
    assert corpus.problems == [], corpus.problems
    return corpus


def fixture_corpus(pages: dict[str, str | None] | None = None) -> Corpus:
    """The fixture site's corpus, with ``pages`` (path -> text, or None to remove it) added or replaced."""
    all_pages = dict(fixture_pages())
    for path, text in (pages or {}).items():
        if text is None:
            all_pages.pop(path, None)
        else:
            all_pages[path] = text.encode("utf-8")
    return kinds.load(sorted(all_pages.items()), (FIXTURE_DOCS / ".vocabulaires.yml").read_text(encoding="utf-8"),
                      (FIXTURE_DOCS / ".glossaire.yml").read_text(encoding="utf-8"))
