"""The law since the sources: a rule that has changed is never stated alone.

The sources date from 2017 to 2023. Wherever a page uses the vocabulary of a rule that has changed since
(the SPASER's 100-million threshold, articles 36, 37 and 38 of the 2015 ordinance, the national targets
« d'ici 2025 », the 25 000 € threshold of 2018 and the 40 000 € one of 2020), the current reference must be nearby: in the same paragraph, list
item or table, or in the one right after. Titles and descriptions, shown without their context (lists,
search results), must not use that vocabulary at all. Every such page links the page « Ce qui a changé
depuis les sources », which links it back.

The rules describe the vocabulary and what counts as a current reference, not today's sentences: a new
page that says « au-delà de 100 M€ » without the 50 M€ of 2023 fails.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

import pytest
from guide_ess_corpus import real_corpus
from helpers import ROOT

from guide_ess.content.frontmatter import parse

DOCS = ROOT / "docs"
CHANGES_PAGE = "ce-qui-a-change.md"
_NUMBER_SPACE = r"[\s\u00a0\u202f]?"  # « 25 000 », « 25 000 » (no-break), « 25000 »


@dataclass(frozen=True)
class ChangedRule:
    """The vocabulary of a rule that has changed since the sources, and what names its present state."""

    name: str
    old: re.Pattern[str]
    current: re.Pattern[str]


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


CHANGED_RULES = (
    ChangedRule("le seuil du SPASER de 2014 (100 millions d'euros)",
                _words(r"\b100\s*(?:millions?|M\s?€|M\s?d'euros)"),
                _words(r"\b50\s*(?:millions?|M\s?€)", r"D\.?\s?2111-3", r"2022-767")),
    ChangedRule("les articles 36, 37 et 38 de l'ordonnance de 2015",
                _words(r"\b(?:articles?|art\.)\s*3[678](?:[.\s-]*I{1,2}\b)?(?!\s*(?:de la loi|du code))\b",
                       r"\b3[678](?:[.\s-]*I{1,2})?\s+(?:et|ou)\s+3[678]\b"),
                _words(r"\bL\.?\s?2113-\d+", r"code de la commande publique")),
    ChangedRule("les objectifs nationaux « d'ici 2025 » du plan 2020-2025",
                _words(r"d['’]ici\s+(?:à\s+)?2025", r"\b2020\s?-\s?2025\b"),
                _words(r"\bPNAD\b", r"\b2022\s?-\s?2025\b", r"achats durables 2022")),
    # Since the décret n° 2025-1386 of 29 December 2025 (article R2122-8): 60 000 € HT for supplies and services
    # (from 1 April 2026), 100 000 € HT for works (from 1 January 2026). The article's number did not change: it
    # alone does not say the present threshold.
    ChangedRule("le seuil des marchés sans publicité ni mise en concurrence (25 000 € en 2018, 40 000 € en 2020)",
                _words(rf"\b(?:25|40){_NUMBER_SPACE}000\s*(?:€|euros|EUR)"),
                _words(rf"\b60{_NUMBER_SPACE}000\s*(?:€|euros|EUR)", r"2025-1386")),
)

_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
_TABLE_ROW = re.compile(r"^\s*\|")
_BLOCK_START = re.compile(r"^ {0,3}(?:#{1,6}\s|!!!|\?\?\?)")


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the page's markdown body where the block starts
    text: str


def blocks(body: str) -> list[Block]:
    """Paragraphs, list items (each on its own), tables (whole), headings and admonitions, in order.

    An indented line continues the block above it (a wrapped list item, an admonition's text)."""
    found: list[Block] = []
    current: list[str] = []
    start = 0
    in_table = False

    def close() -> None:
        nonlocal current
        if current:
            found.append(Block(start, "\n".join(current)))
        current = []

    for number, line in enumerate(body.split("\n"), 1):
        if not line.strip():
            close()
            in_table = False
            continue
        table_row = bool(_TABLE_ROW.match(line))
        new_block = (_LIST_ITEM.match(line) or _BLOCK_START.match(line)) and not line.startswith("    ")
        if (new_block and not (in_table and table_row)) or (table_row and not in_table):
            close()
        if not current:
            start = number
        current.append(line)
        in_table = table_row
    close()
    return found


@dataclass(frozen=True)
class Finding:
    where: str
    rule: str
    text: str

    def __str__(self) -> str:
        return (f"{self.where} : « {self.text.strip()[:160]} » cite {self.rule} sans sa référence actuelle à "
                f"côté (même paragraphe ou le suivant) : ajoutez l'état du droit et sa référence, d'après "
                f"docs/{CHANGES_PAGE}.")


def outdated_statements(path: str, text: str) -> list[Finding]:
    """Every place of the page where a changed rule is stated without its current reference nearby."""
    parsed = parse(path, text)
    findings = []
    for field in ("title", "description"):
        value = str(parsed.meta.get(field) or "")
        for rule in CHANGED_RULES:
            if rule.old.search(value):
                findings.append(Finding(f"{path}:{parsed.line_of(field)} (champ « {field} »)", rule.name, value))
    offset = text[: len(text) - len(parsed.body)].count("\n")
    body_blocks = blocks(parsed.body)
    for index, block in enumerate(body_blocks):
        nearby = block.text + "\n" + (body_blocks[index + 1].text if index + 1 < len(body_blocks) else "")
        for rule in CHANGED_RULES:
            if rule.old.search(block.text) and not rule.current.search(nearby):
                findings.append(Finding(f"{path}:{block.line + offset}", rule.name, block.text))
    return findings


def uses_changed_vocabulary(text: str) -> bool:
    return any(rule.old.search(text) for rule in CHANGED_RULES)


def _pages() -> dict[str, str]:
    return {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))}


def _links(path: str, text: str) -> set[str]:
    """The pages a page links to (relative to docs/), from its markdown links."""
    here = posixpath.dirname(path)
    targets = set()
    for href in re.findall(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)", text):
        targets.add(posixpath.normpath(posixpath.join(here, href)))
    return targets


# --- the real content -------------------------------------------------------------------------------------

def test_no_page_states_a_changed_rule_without_its_current_reference() -> None:
    published = {f"docs/{path}": text for path, text in _pages().items()}
    published["CONTRIBUTING.md"] = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")  # the « Contribuer » page
    findings = [f for path, text in published.items() for f in outdated_statements(path, text)]
    assert findings == [], "\n".join(map(str, findings))


def test_pages_citing_a_changed_rule_and_the_changes_page_link_each_other() -> None:
    pages = _pages()
    assert CHANGES_PAGE in pages
    citing = {path for path, text in pages.items() if path != CHANGES_PAGE and uses_changed_vocabulary(parse(path, text).body)}
    assert citing, "aucune page ne cite de règle changée : le test ne vérifie plus rien"
    not_linking = sorted(p for p in citing if CHANGES_PAGE not in _links(p, pages[p]))
    assert not_linking == [], f"ces pages citent une règle changée sans lien vers docs/{CHANGES_PAGE}"
    not_linked = sorted(citing - _links(CHANGES_PAGE, pages[CHANGES_PAGE]))
    assert not_linked == [], f"docs/{CHANGES_PAGE} ne renvoie pas à ces pages qui citent une règle changée"


def test_the_changes_page_gives_each_change_what_the_sources_say_now_since_when_and_the_reference() -> None:
    body = parse(CHANGES_PAGE, (DOCS / CHANGES_PAGE).read_text(encoding="utf-8")).body
    sections = [s for s in re.split(r"^## ", body, flags=re.MULTILINE)[1:] if "**Ce que disent les sources.**" in s]
    assert len(sections) >= 6
    for section in sections:
        title = section.splitlines()[0]
        for part in ("**Ce que disent les sources.**", "**Ce que dit le droit aujourd'hui.**", "**Depuis**",
                     "**Référence.**", "**Pages concernées.**"):
            assert part in section, (title, part)
        assert re.search(r"\]\((?:sources/)[^)]+\.md\)", section), f"« {title} » : la source n'est pas liée"
    for rule in CHANGED_RULES:
        assert rule.old.search(body) and rule.current.search(body), rule.name


YEAR = re.compile(r"\b(?:19|20)\d\d\b")
SOURCE_LINK = re.compile(r"\[([^\]]+)\]\((?:\.\./)*sources/([a-z0-9-]+)\.md(?:#[^)]*)?\)")


def test_every_link_to_a_dated_source_says_its_year() -> None:
    """A reader tells a fact of 2017 from one of 2023 by the link that credits it (« Avise, 2023 »)."""
    corpus = real_corpus()
    dated = {id_: YEAR.findall(source.date) for id_, source in corpus.sources.items() if YEAR.search(source.date)}
    assert len(dated) >= 10
    undated_links = []
    for record in [*corpus.guides.values(), *corpus.cases.values()]:
        text = (DOCS / record.path).read_text(encoding="utf-8")
        for match in SOURCE_LINK.finditer(text):
            label, source_id = match.groups()
            if source_id in dated and not YEAR.search(label):
                undated_links.append(f"docs/{record.path} : [{label}] ({source_id}, {corpus.sources[source_id].date})")
    assert undated_links == [], "\n".join(undated_links)


# --- the check itself, on pages written for it --------------------------------------------------------------

PAGE = "---\ntitle: Essai\ndescription: Une page.\n---\n\n{}\n"


@pytest.mark.parametrize("sentence", [
    "Le SPASER est obligatoire au-delà de 100 millions d'euros d'achats par an.",
    "Au-delà de 100 M€ HT, un schéma est exigé.",
    "Un marché peut être réservé (art. 36 de l'ordonnance).",
    "Les articles 36 et 37 permettent de réserver des marchés.",
    "La FEI craint pour les marchés de l'article 38.",
    "L'article 36.II vise l'insertion.",
    "D'ici 2025, 30 % des marchés comporteront une clause sociale.",
    "Le plan national 2020-2025 fixe des objectifs.",
    "Sans publicité en dessous de 25 000 €.",
    "Sans publicité en dessous de 25\u202f000\u00a0€.",
    "Sans publicité en dessous de 40 000 € HT depuis 2020 (article R2122-8).",
])
def test_a_changed_rule_alone_is_found(sentence: str) -> None:
    findings = outdated_statements("docs/essai.md", PAGE.format(sentence))
    assert len(findings) == 1 and findings[0].where == "docs/essai.md:6", findings
    assert "sans sa référence actuelle" in str(findings[0])


@pytest.mark.parametrize("text", [
    "En 2023, l'Avise citait un seuil de 100 millions d'euros ; il est de 50 millions d'euros depuis 2023.",
    "En 2018, la conférence citait l'article 36.\n\nDepuis 2019, il s'agit de l'article L2113-12 du code.",
    "- En 2018, l'article 37 de l'ordonnance ;\n  aujourd'hui les articles L2113-15 et L2113-16.",
    "| 2018 | aujourd'hui |\n|---|---|\n| article 38 | code de la commande publique |",
    "L'Avise (2023) visait 30 % d'ici 2025 ; le PNAD 2022-2025 a pour horizon 2025.",
    "En 2018, moins de 25 000 € ; 60 000 € HT pour les fournitures et services depuis avril 2026 (article R2122-8).",
    "En 2018, moins de 25 000 €.\n\nCe seuil, de 40 000 € en 2020, a été relevé par le décret n° 2025-1386.",
    "L'article 35 de la loi Climat et résilience ; l'article 1 de la loi de 2014.",
])
def test_a_changed_rule_with_its_current_reference_nearby_passes(text: str) -> None:
    assert outdated_statements("docs/essai.md", PAGE.format(text)) == []


def test_the_current_reference_must_be_near_not_anywhere_on_the_page() -> None:
    text = ("L'article 36 permet de réserver un marché.\n\nUn paragraphe.\n\nUn autre.\n\n"
            "Depuis 2019 : article L2113-12 du code.")
    assert [f.where for f in outdated_statements("docs/essai.md", PAGE.format(text))] == ["docs/essai.md:6"]
    items = "- l'article 37 réserve un marché ;\n- un autre point ;\n- article L2113-15 du code."
    assert [f.where for f in outdated_statements("docs/essai.md", PAGE.format(items))] == ["docs/essai.md:6"]


def test_a_title_or_a_description_never_uses_the_vocabulary_of_a_changed_rule() -> None:
    page = "---\ntitle: Essai\ndescription: Des marchés de moins de 25 000 € (40 000 € depuis 2020).\n---\n\nTexte.\n"
    findings = outdated_statements("docs/essai.md", page)
    assert [f.where for f in findings] == ["docs/essai.md:3 (champ « description »)"]


def test_the_links_between_the_changes_page_and_the_pages_are_read_from_relative_links() -> None:
    assert _links("guides/commande-publique.md", "[a](../ce-qui-a-change.md#le-seuil) [b](../sources/x.md)") == {
        "ce-qui-a-change.md", "sources/x.md"}
    assert _links("ce-qui-a-change.md", "[a](guides/commande-publique.md)") == {"guides/commande-publique.md"}


def test_blocks_split_paragraphs_list_items_tables_and_admonitions() -> None:
    body = ("Un paragraphe\nsur deux lignes.\n\n- un point\n  qui continue\n- un autre\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
            "!!! note \"Titre\"\n    Texte de l'encadré.\n")
    assert [(b.line, b.text.split("\n")[0]) for b in blocks(body)] == [
        (1, "Un paragraphe"), (4, "- un point"), (6, "- un autre"), (8, "| a | b |"), (12, "!!! note \"Titre\"")]

