"""Overview tables: themes × case studies, and levers × levels of government."""
from __future__ import annotations

from collections import Counter

from .corpus import Corpus
from .render import facet_path, link, text


def theme_matrix(corpus: Corpus, page_path: str) -> str:
    """One row per case study, one column per theme; a « oui » cell links to the theme's guide."""
    themes = list(corpus.vocabulary.themes)
    header = "| Expérience | " + " | ".join(
        link(corpus.vocabulary.themes[t], page_path, corpus.guides[t].path) for t in themes) + " |"
    rows = [header, "|---|" + "---|" * len(themes)]
    for case in sorted(corpus.cases.values(), key=lambda c: (c.title.casefold(), c.id)):
        cells = [link("oui", page_path, corpus.guides[t].path) if t in case.themes else "" for t in themes]
        rows.append(f"| {link(case.title, page_path, case.path)} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def lever_level_matrix(corpus: Corpus, page_path: str) -> str:
    """How many case studies use each lever at each level; a count links to the lever's page."""
    counts: Counter[tuple[str, str]] = Counter()
    for case in corpus.cases.values():
        for lever in case.leviers:
            for level in case.echelons:
                counts[(lever, level)] += 1
    levels = [lv for lv in corpus.vocabulary.echelons if any(counts[(x, lv)] for x in corpus.vocabulary.leviers)]
    levers = [x for x in corpus.vocabulary.leviers if any(counts[(x, lv)] for lv in levels)]
    rows = ["| Levier | " + " | ".join(text(corpus.vocabulary.echelons[lv]) for lv in levels) + " |",
            "|---|" + "---:|" * len(levels)]
    for lever in levers:
        cells = [link(str(counts[(lever, lv)]), page_path, facet_path("leviers", lever)) if counts[(lever, lv)] else ""
                 for lv in levels]
        rows.append(f"| {link(corpus.vocabulary.leviers[lever], page_path, facet_path('leviers', lever))} | "
                    + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
