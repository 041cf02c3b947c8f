"""guide_ess/data/page_text.py: a case page's body split into its sections, as the open data and the import read it."""
from __future__ import annotations

from guide_ess.data.columns import CASE_KIND, INTRODUCTION, columns_of
from guide_ess.data.page_text import render, split_body

COLUMNS = columns_of(CASE_KIND)
HEADINGS = [c.heading for c in COLUMNS if c.heading]


def test_a_rendered_page_splits_back_into_its_parts() -> None:
    parts = {c.key: f"Texte de {c.label}.\n\n```\n## {HEADINGS[0]}\n```\n\nSuite." for c in COLUMNS if not c.is_field}
    page = render(COLUMNS, {}, parts)
    body = page.text.split("---\n", 2)[2]
    assert split_body(body, COLUMNS) == parts


def test_headings_in_code_out_of_order_or_unknown_stay_in_their_part() -> None:
    first, second = HEADINGS[0], HEADINGS[1]
    body = (f"Intro.\n\n## {second}\n\nDeux.\n\n## {first}\n\nPas une section : l'ordre est passé.\n"
            f"~~~\n## {second}\n~~~\n## Autre titre\nFin.\n")
    parts = split_body(body, COLUMNS)
    assert list(parts) == [INTRODUCTION, COLUMNS[[c.heading for c in COLUMNS].index(second)].key]
    assert parts[INTRODUCTION] == "Intro."
    assert parts[list(parts)[1]].startswith("Deux.") and parts[list(parts)[1]].endswith("## Autre titre\nFin.")
