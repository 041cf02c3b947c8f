from guide_ess.content.glossary import Term, load_glossary
from guide_ess.text.abbreviations import Abbreviations

THEMES = {"commande-publique": "Commande publique"}


def test_terms_are_sorted_and_become_abbreviations() -> None:
    terms, problems = load_glossary("- sigle: SCIC\n  developpe: société\n- sigle: ESS\n  developpe: économie\n"
                                    "  guide: commande-publique\n", THEMES)
    assert problems == [] and [t.sigle for t in terms] == ["ESS", "SCIC"]
    assert Abbreviations(terms).wrap("La SCIC et l’ESS, pas la SCICO.") == (
        'La <abbr title="société">SCIC</abbr> et l’<abbr title="économie">ESS</abbr>, pas la SCICO.')
    assert Abbreviations(terms).wrap("Rien ici.") == "Rien ici."


ABBREVIATIONS = Abbreviations((Term("ESS", "économie « sociale » & solidaire"), Term("SCIC", "société")))


def test_acronyms_in_a_page_are_wrapped_in_its_prose_only() -> None:
    page = ('<h2 id="ess">L’ESS</h2><p><a href="ess/" title="ESS">Voir ESS</a>, <code>ESS</code>, '
            '<abbr title="x">SCIC</abbr>, ESSOR, <pre>SCIC\n</pre>SCIC.</p>')
    assert ABBREVIATIONS.wrap_page(page) == (
        '<h2 id="ess">L’<abbr title="économie «\u00a0sociale\u00a0» &amp; solidaire">ESS</abbr></h2>'
        '<p><a href="ess/" title="ESS">Voir <abbr title="économie «\u00a0sociale\u00a0» &amp; solidaire">ESS</abbr></a>, '
        '<code>ESS</code>, <abbr title="x">SCIC</abbr>, ESSOR, <pre>SCIC\n</pre><abbr title="société">SCIC</abbr>.</p>')


def test_expansions_carry_french_spacing_and_apostrophes() -> None:
    terms = (Term("SIEG", "service d'intérêt économique général : 30 %"),)
    assert Abbreviations(terms).wrap("Les SIEG") == (
        'Les <abbr title="service d’intérêt économique général\u00a0: 30\u202f%">SIEG</abbr>')


def test_no_glossary_leaves_pages_alone() -> None:
    assert Abbreviations(()).wrap_page("<p>ESS</p>") == "<p>ESS</p>" and Abbreviations(()).wrap("ESS") == "ESS"


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


def test_glossary_problems_name_their_line() -> None:
    _, problems = load_glossary("- sigle: ESS\n  developpe: a\n- sigle: SCIC\n  developpe: b\n  guide: x\n"
                                "- sigle: ESS\n  developpe: c\n", THEMES)
    assert sorted((p.line, p.field) for p in problems) == [(5, "SCIC : guide"), (6, "ESS")]
    _, invalid = load_glossary("- sigle: ESS\n  developpe: a: b\n", THEMES)
    assert invalid[0].line == 2 and "ligne 2" in invalid[0].message


def test_an_acronym_after_a_letter_or_a_digit_is_left_alone_with_or_without_other_characters() -> None:
    """The acronyms of letters only are found by a faster pattern that checks the character before each
    match; a glossary with an acronym such as « S.C.O.P » keeps the general pattern: both give the same page."""
    page = "<p>ESS, xESS, 3ESS, _ESS, éESS, ESSOR, (ESS) et SCICESS.</p>"
    wrapped = ("<p>{e}, xESS, 3ESS, _ESS, éESS, ESSOR, ({e}) et SCICESS.</p>"
               .format(e='<abbr title="économie «\u00a0sociale\u00a0» &amp; solidaire">ESS</abbr>'))
    assert ABBREVIATIONS.wrap_page(page) == wrapped
    with_other = Abbreviations((*[Term("ESS", "économie « sociale » & solidaire"), Term("SCIC", "société")],
                                Term("S.C.O.P", "coopérative")))
    assert with_other.wrap_page(page) == wrapped
    assert with_other.wrap_page("<p>La S.C.O.P, pas xS.C.O.P.</p>") == '<p>La <abbr title="coopérative">S.C.O.P</abbr>, pas xS.C.O.P.</p>'
