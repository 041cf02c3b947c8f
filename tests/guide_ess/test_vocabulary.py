"""The vocabulary file: every problem with its line."""
from guide_ess.content.vocabulary import KINDS, load_vocabulary

COMPLETE = "".join(f"{kind}: {{x: X}}\n" for kind in KINDS[1:])


def test_values_keep_the_file_order_and_their_lines() -> None:
    vocab, problems = load_vocabulary("themes:\n  b: Bé\n  a: A\n" + COMPLETE)
    assert problems == [] and list(vocab.themes) == ["b", "a"] and vocab.themes["b"] == "Bé"
    assert vocab.line_of("themes") == 1 and vocab.line_of("themes", "a") == 3


def test_problems_name_their_line() -> None:
    _, problems = load_vocabulary("themes:\n  a: A\n  b:\n" + COMPLETE + "autre: {}\n")
    assert [(p.field, p.line) for p in problems] == [("themes", 3), ("autre", 9)]
    assert "« b » n'a pas de libellé" in problems[0].message


def test_missing_vocabulary_and_invalid_yaml() -> None:
    _, problems = load_vocabulary(COMPLETE)
    assert [(p.field, p.line) for p in problems] == [("themes", 1)]
    _, invalid = load_vocabulary("themes: [\n")
    assert invalid[0].line == 2 and "YAML valide" in invalid[0].message
