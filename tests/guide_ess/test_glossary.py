from guide_ess.glossary import Abbreviations, load_glossary

THEMES = {"commande-publique": "Commande publique"}


def test_terms_are_sorted_and_become_abbreviations() -> None:
    terms, problems = load_glossary("- sigle: SCIC\n  developpe: société\n- sigle: ESS\n  developpe: économie\n"
                                    "  guide: commande-publique\n", THEMES)
    assert problems == [] and [t.sigle for t in terms] == ["ESS", "SCIC"]
    assert Abbreviations(terms).for_text("La SCIC et l'ESS, pas la SCICO.") == "*[ESS]: économie\n*[SCIC]: société"
    assert Abbreviations(terms).for_text("Rien ici.") == ""


def test_duplicate_acronym_is_reported_with_both_entries() -> None:
    _, problems = load_glossary("- sigle: ESS\n  developpe: a\n- sigle: ESS\n  developpe: b\n", THEMES)
    assert len(problems) == 1 and "n° 1 et n° 2" in problems[0].message


def test_unknown_guide_and_missing_expansion_are_reported() -> None:
    _, problems = load_glossary("- sigle: ESS\n  guide: commande-publiqe\n", THEMES)
    messages = " ".join(str(p) for p in problems)
    assert "developpe" in messages and "Vouliez-vous dire « commande-publique » ?" in messages


def test_glossary_must_be_a_list() -> None:
    _, problems = load_glossary("ESS: économie\n", THEMES)
    assert "liste" in problems[0].message
