"""Overview tables: themes × case studies, and levers × levels of government."""
from __future__ import annotations

from collections import Counter

from .corpus import Corpus
from .render import Html, facet_path, table


def theme_matrix(h: Html, corpus: Corpus, page_path: str) -> str:
    """One row per case study, one column per theme; a « oui » cell links to the theme's guide."""
    themes = list(corpus.vocabulary.themes)
    head = ["Expérience"] + [h.a(corpus.vocabulary.themes[t], page_path, corpus.guides[t].path) for t in themes]
    rows = []
    for case in sorted(corpus.cases.values(), key=lambda c: (c.title.casefold(), c.id)):
        cells = [h.a("oui", page_path, corpus.guides[t].path) if t in case.themes else "" for t in themes]
        rows.append([h.a(case.title, page_path, case.path), *cells])
    return table(head, rows)


def lever_level_matrix(h: Html, corpus: Corpus, page_path: str) -> str:
    """How many case studies use each lever at each level; a count links to the lever's page."""
    counts: Counter[tuple[str, str]] = Counter()
    for case in corpus.cases.values():
        for lever in case.leviers:
            for level in case.echelons:
                counts[(lever, level)] += 1
    vocab = corpus.vocabulary
    levels = [lv for lv in vocab.echelons if any(counts[(x, lv)] for x in vocab.leviers)]
    levers = [x for x in vocab.leviers if any(counts[(x, lv)] for lv in levels)]
    rows = []
    for lever in levers:
        here = facet_path("leviers", lever)
        cells = [h.a(str(counts[(lever, lv)]), page_path, here) if counts[(lever, lv)] else "" for lv in levels]
        rows.append([h.a(vocab.leviers[lever], page_path, here), *cells])
    return table(["Levier"] + [h.text(vocab.echelons[lv]) for lv in levels], rows)
