"""The columns of a table of case studies, read from the registry: the case record's fields (their
names and French labels), an optional introduction, then the case kind's usual sections.

Nothing here is a hand-written list of columns: a field added to the record, or a section added to
the kind, is a new column of the import, the template, the export and the Table Schema.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..content.schema import FieldSpec, fields_of, label_of
from ..text import folding
from ..kinds import PAGE_KINDS, PageKind

CASE_KIND = next(kind for kind in PAGE_KINDS if kind.name == "case")
ADDRESS = "adresse"  # the export's extra column: the page's public address
INTRODUCTION = "introduction"  # the text before the first section, when a page has one


@dataclass(frozen=True)
class Column:
    """One column: a front-matter field (``spec``) or a part of the page's text (``heading``)."""

    key: str  # the field's name, or the section's key (« ce_qui_a_ete_fait »)
    label: str  # the French header of the template (« Régions », « Ce qui a été fait »)
    spec: FieldSpec | None = None
    heading: str = ""  # the section's heading in the page; "" for a field and for the introduction

    @property
    def is_field(self) -> bool:
        return self.spec is not None

    @property
    def required(self) -> bool:
        return self.spec is not None and self.spec.required

    @property
    def help(self) -> str:
        if self.spec is not None:
            return self.spec.help
        if self.heading:
            return f"le texte de la rubrique « {self.heading} » de la page, en Markdown (facultatif)"
        return "texte placé avant la première rubrique (facultatif, rarement utile)"


ADDRESS_COLUMN = Column(ADDRESS, "Adresse de la page")  # in the published CSV; ignored by the import


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, no accents, words separated by one space: how headers are compared."""
    return " ".join(re.split(r"[^0-9a-z]+", folding.fold(text))).strip()


def section_key(heading: str) -> str:
    """« Ce que l'on peut en retenir » → « ce_que_l_on_peut_en_retenir »."""
    return fold(heading).replace(" ", "_")


def columns_of(kind: PageKind = CASE_KIND) -> tuple[Column, ...]:
    """Every column of the kind's table, in order: fields, introduction, sections."""
    fields = [Column(spec.name, label_of(spec), spec) for spec in fields_of(kind.record)]
    intro = [Column(INTRODUCTION, "Introduction")]
    sections = [Column(section_key(heading), heading, heading=heading) for heading in kind.sections]
    return (*fields, *intro, *sections)


def header_names(columns: Iterable[Column], aliases: Mapping[str, Iterable[str]] | None = None) -> dict[str, Column]:
    """What a header may say, folded, for each column: its key, its label, its heading, its aliases."""
    names: dict[str, Column] = {}
    for column in columns:
        for name in (column.key, column.label, column.heading, *((aliases or {}).get(column.key, ()))):
            if name:
                names.setdefault(fold(name), column)
    return names
