"""Front-matter fields: declared once on the records, checked with plain-French messages and lines."""
import datetime

import pytest
from helpers import FIXTURE_DOCS

from guide_ess.content.frontmatter import parse
from guide_ess.content.schema import Case, Guide, Source, build, check_fields, fields_of, past_date
from guide_ess.content.vocabulary import load_vocabulary

VOCAB, _ = load_vocabulary((FIXTURE_DOCS / ".vocabulaires.yml").read_text(encoding="utf-8"))
GOOD_CASE = {
    "id": "cas-a", "title": "Cas A", "description": "Un cas.", "territoire": "Lille",
    "regions": ["hauts-de-france"], "echelons": ["commune"], "periode": "2018",
    "themes": ["commande-publique"], "leviers": ["marches-reserves"], "sources": ["fiche-a"],
    "verifie_le": "2026-12-02",
}
GOOD_SOURCE = {"id": "a", "title": "t", "description": "d", "editeur": "e", "date": "non datée",
               "type": "fiche", "acces": "public"}


def check(record: type, meta: dict[str, object]) -> tuple[dict[str, object], list[object]]:
    return check_fields("docs/p.md", record, "page", meta, VOCAB)  # type: ignore[arg-type]


def test_fields_are_declared_once_on_the_records() -> None:
    assert [f.name for f in fields_of(Guide)] == ["id", "title", "description", "sources", "verifie_le"]
    assert [f.name for f in fields_of(Case)] == ["id", "title", "description", "territoire", "regions", "echelons",
                                                 "periode", "themes", "leviers", "acteurs", "sources", "verifie_le"]
    assert [f.name for f in fields_of(Source)] == ["id", "title", "description", "editeur", "date", "type", "acces"]
    specs = {f.name: f for f in fields_of(Case)}
    assert specs["themes"].vocabulary == "themes" and specs["themes"].shape == "list" and specs["themes"].min_items == 1
    assert not specs["acteurs"].required and specs["periode"].pattern is not None
    assert all(f.help for f in fields_of(Case))


def test_a_good_case_gives_a_typed_record() -> None:
    clean, problems = check(Case, GOOD_CASE)
    assert problems == []
    record = build(Case, "experiences/cas-a.md", clean)
    assert isinstance(record, Case) and record.themes == ("commande-publique",) and record.acteurs == ()


def test_every_problem_of_a_page_is_reported() -> None:
    meta = dict(GOOD_CASE, themes="commande-publique", leviers=["x"], periode="bientôt")
    del meta["territoire"]
    _, problems = check(Case, meta)
    assert sorted(p.field for p in problems) == ["leviers", "periode", "territoire", "themes"]  # type: ignore[attr-defined]


def test_each_problem_names_the_line_of_its_field() -> None:
    text = ("---\nid: cas-a\ntitle: Cas A\ndescription: Un cas.\nterritoire: Lille\nregions: [hauts-de-france]\n"
            "echelons: [commune]\nperiode: bientôt\nthemes:\n  - commande-publiqe\nleviers: [marches-reserves]\n"
            "sources: [fiche-a]\nthemse: x\nverifie_le: \"2026-12-02\"\n---\n")
    parsed = parse("docs/p.md", text)
    _, problems = check_fields("docs/p.md", Case, "expérience", parsed.meta, VOCAB, parsed)
    lines = {p.field: p.line for p in problems}
    assert lines == {"periode": 8, "themes": 9, "themse": 13}
    assert str([p for p in problems if p.field == "themes"][0]).startswith("docs/p.md:9 : champ « themes »")
    _, missing = check_fields("docs/p.md", Case, "expérience", {**parsed.meta, "territoire": None}, VOCAB, parsed)
    assert [p.line for p in missing if p.field == "territoire"] == [5]


def test_numbers_are_accepted_as_text() -> None:
    clean, problems = check(Case, dict(GOOD_CASE, periode=2018))
    assert problems == [] and clean["periode"] == "2018"


def test_repeated_list_value_is_reported() -> None:
    _, problems = check(Case, dict(GOOD_CASE, themes=["commande-publique"] * 2))
    assert [p.field for p in problems] == ["themes"] and "répétée" in problems[0].message  # type: ignore[attr-defined]


def test_bad_identifier_is_reported() -> None:
    _, problems = check(Source, dict(GOOD_SOURCE, id="Fiche A"))
    assert [p.field for p in problems] == ["id"]  # type: ignore[attr-defined]
    assert "minuscules sans accents" in problems[0].message  # type: ignore[attr-defined]


def test_suggestion_for_a_close_value() -> None:
    _, problems = check(Source, dict(GOOD_SOURCE, type="fiches", acces="publique"))
    messages = " ".join(p.message for p in problems)  # type: ignore[attr-defined]
    assert "Vouliez-vous dire « fiche » ?" in messages and "Vouliez-vous dire « public » ?" in messages


def test_the_review_date_is_required_on_guides_and_cases_not_on_sources() -> None:
    for record, good in ((Case, GOOD_CASE), (Guide, {"id": "g", "title": "t", "description": "d", "sources": ["a"],
                                                     "verifie_le": "2026-12-02"})):
        assert check(record, good)[1] == []
        meta = dict(good)
        del meta["verifie_le"]
        problems = check(record, meta)[1]
        assert [p.field for p in problems] == ["verifie_le"]  # type: ignore[attr-defined]
        assert "champ obligatoire manquant" in problems[0].message  # type: ignore[attr-defined]
    assert "verifie_le" not in {f.name for f in fields_of(Source)}
    assert check(Source, dict(GOOD_SOURCE, verifie_le="2026-12-02"))[1][0].message.startswith("champ inconnu")  # type: ignore[attr-defined]


@pytest.mark.parametrize(("value", "says"), [
    ("02/12/2026", "AAAA-MM-JJ"), ("2026-12", "AAAA-MM-JJ"), ("décembre 2026", "AAAA-MM-JJ"),
    ("2026-02-30", "n'est pas une date du calendrier"), ("2026-13-01", "n'est pas une date du calendrier"),
    ("2999-01-01", "date à venir"),
])
def test_a_wrong_review_date_says_what_to_write(value: str, says: str) -> None:
    _, problems = check(Case, dict(GOOD_CASE, verifie_le=value))
    assert [p.field for p in problems] == ["verifie_le"]  # type: ignore[attr-defined]
    assert says in problems[0].message and f"« {value} »" in problems[0].message  # type: ignore[attr-defined]


def test_a_review_date_without_quotes_is_read_as_the_same_date() -> None:
    parsed = parse("docs/p.md", "---\nverifie_le: 2026-11-30\n---\n")
    assert isinstance(parsed.meta["verifie_le"], datetime.date)
    clean, problems = check(Case, dict(GOOD_CASE, verifie_le=parsed.meta["verifie_le"]))
    assert problems == [] and clean["verifie_le"] == "2026-11-30"


def test_today_is_a_valid_review_date_and_tomorrow_is_not() -> None:
    today = datetime.date(2026, 12, 2)
    assert past_date("2026-12-02", today) is None and past_date("2016-02-29", today) is None
    assert past_date("2026-12-03", today) is not None and past_date("2026-02-29", today) is not None
