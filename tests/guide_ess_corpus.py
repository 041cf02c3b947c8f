"""The real corpus of docs/, loaded with the core (for tests that compare HTML and front matter)."""
from __future__ import annotations

from functools import lru_cache

from helpers import ROOT

from guide_ess.corpus import Corpus, load_corpus


@lru_cache(maxsize=1)
def real_corpus() -> Corpus:
    docs = ROOT / "docs"
    pages = [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in docs.rglob("*.md")]
    corpus = load_corpus(pages, (docs / ".vocabulaires.yml").read_text(encoding="utf-8"),
                         (docs / ".glossaire.yml").read_text(encoding="utf-8"))
    assert corpus.problems == [], corpus.problems
    return corpus
