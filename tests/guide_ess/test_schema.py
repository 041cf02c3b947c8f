from helpers import MINI_VOCABULARY

from guide_ess.schema import Case, build, check_fields
from guide_ess.vocabulary import load_vocabulary

VOCAB, _ = load_vocabulary(MINI_VOCABULARY)
GOOD_CASE = {
    "id": "cas-a", "title": "Cas A", "description": "Un cas.", "territoire": "Lille",
    "regions": ["hauts-de-france"], "echelons": ["commune"], "periode": "2018",
    "themes": ["commande-publique"], "leviers": ["marches-reserves"], "sources": ["fiche-a"],
}


def test_a_good_case_gives_a_typed_record() -> None:
    clean, problems = check_fields("docs/experiences/cas-a.md", "case", GOOD_CASE, VOCAB)
    assert problems == []
    record = build("case", "experiences/cas-a.md", clean)
    assert isinstance(record, Case) and record.themes == ("commande-publique",) and record.acteurs == ()


def test_every_problem_of_a_page_is_reported() -> None:
    meta = dict(GOOD_CASE, themes="commande-publique", leviers=["x"], periode="bientôt")
    del meta["territoire"]
    _, problems = check_fields("docs/experiences/cas-a.md", "case", meta, VOCAB)
    assert sorted(p.field for p in problems) == ["leviers", "periode", "territoire", "themes"]


def test_numbers_are_accepted_as_text() -> None:
    clean, problems = check_fields("p", "case", dict(GOOD_CASE, periode=2018), VOCAB)
    assert problems == [] and clean["periode"] == "2018"


def test_repeated_list_value_is_reported() -> None:
    _, problems = check_fields("p", "case", dict(GOOD_CASE, themes=["commande-publique"] * 2), VOCAB)
    assert [p.field for p in problems] == ["themes"] and "répétée" in problems[0].message


def test_bad_identifier_is_reported() -> None:
    _, problems = check_fields("p", "source", {"id": "Fiche A", "title": "t", "description": "d", "editeur": "e",
                                                "date": "non datée", "type": "fiche", "acces": "public"}, VOCAB)
    assert [p.field for p in problems] == ["id"]


def test_suggestion_for_a_close_value() -> None:
    _, problems = check_fields("p", "source", {"id": "a", "title": "t", "description": "d", "editeur": "e",
                                                "date": "2017", "type": "fiches", "acces": "publique"}, VOCAB)
    messages = " ".join(p.message for p in problems)
    assert "Vouliez-vous dire « fiche » ?" in messages and "Vouliez-vous dire « public » ?" in messages
