"""French spacing on rendered HTML: prose only, never tags, entities or code."""
import pytest

from guide_ess.text.typography import french_spacing, french_spacing_text

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>Qui : quoi</p>", f"<p>Qui{NBSP}: quoi</p>"),
    ("<p>Qui: quoi</p>", f"<p>Qui{NBSP}: quoi</p>"),
    ("<p><strong>Qui</strong> :</p>", f"<p><strong>Qui</strong>{NBSP}:</p>"),
    ("<p>Oui ; non ! Vraiment ?</p>", f"<p>Oui{NNBSP}; non{NNBSP}! Vraiment{NNBSP}?</p>"),
    ("<p>Oui; non!</p>", f"<p>Oui{NNBSP}; non{NNBSP}!</p>"),
    ("<p>« Agir »</p>", f"<p>«{NBSP}Agir{NBSP}»</p>"),
    ("<p>«Agir»</p>", f"<p>«{NBSP}Agir{NBSP}»</p>"),
    ("<p>l'ESS d'abord</p>", "<p>l’ESS d’abord</p>"),
    ("<p>l'<abbr>ESS</abbr></p>", "<p>l’<abbr>ESS</abbr></p>"),
    ("<p>n° 4 et n°5</p>", f"<p>n°{NBSP}4 et n°{NBSP}5</p>"),
    ("<p>le 1er mars, la 1re fois</p>", "<p>le 1<sup>er</sup> mars, la 1<sup>re</sup> fois</p>"),
    # Numbers: digit groups, « % », « € ».
    ("<p>25 000 € et 30 %</p>", f"<p>25{NNBSP}000{NBSP}€ et 30{NNBSP}%</p>"),
    ("<p>1 200 000 habitants, 200%, 3 M€, 40 k€</p>",
     f"<p>1{NNBSP}200{NNBSP}000 habitants, 200{NNBSP}%, 3{NBSP}M€, 40{NBSP}k€</p>"),
    (f"<p>12{NBSP}345,5 € ; « 10 000 »</p>", f"<p>12{NNBSP}345,5{NBSP}€{NNBSP}; «{NBSP}10{NNBSP}000{NBSP}»</p>"),
    ("<p><strong>30 %</strong> des marchés</p>", f"<p><strong>30{NNBSP}%</strong> des marchés</p>"),
    # Not digit groups: years, article numbers, references, phone-like pairs, decimals, addresses.
    ("<p>en 2014 200 communes, de 2018 à 2020</p>", "<p>en 2014 200 communes, de 2018 à 2020</p>"),
    ("<p>article L2113-12, décret n° 2022-767</p>", f"<p>article L2113-12, décret n°{NBSP}2022-767</p>"),
    ("<p>01 23 45 67 89 ou 1,5 000 ou 12 3456</p>", "<p>01 23 45 67 89 ou 1,5 000 ou 12 3456</p>"),
    ("<p>rtes.fr/a1%C3%A9 et 25%20</p>", "<p>rtes.fr/a1%C3%A9 et 25%20</p>"),
    ('<p data-x="25 000 €">x</p><code>30 %</code>', '<p data-x="25 000 €">x</p><code>30 %</code>'),
    # Left alone: times and addresses, entities, attributes, code.
    ("<p>10:30 et https://rtes.fr</p>", "<p>10:30 et https://rtes.fr</p>"),
    ("<p>R&amp; D et &lt; 3</p>", "<p>R&amp; D et &lt; 3</p>"),
    ('<a href="?a=1;b" title="l\'ESS : oui">x</a>', '<a href="?a=1;b" title="l\'ESS : oui">x</a>'),
    ("<code>a : b; l'c</code> et <pre>x ?\n</pre>", "<code>a : b; l'c</code> et <pre>x ?\n</pre>"),
    ("<script>if (a) { b ? c : d; }</script>", "<script>if (a) { b ? c : d; }</script>"),
    (f"<p>Déjà{NBSP}: fait{NNBSP}!</p>", f"<p>Déjà{NBSP}: fait{NNBSP}!</p>"),
])
def test_french_spacing(html: str, expected: str) -> None:
    assert french_spacing(html) == expected


def test_plain_text_has_the_same_rules_without_superscripts() -> None:
    assert french_spacing_text("Lille : l'ESS a 1er rang ?") == f"Lille{NBSP}: l’ESS a 1er rang{NNBSP}?"
    assert french_spacing_text("a > b : c") == f"a > b{NBSP}: c"
    assert french_spacing_text("Marchés de moins de 25 000 € : 30 %") == f"Marchés de moins de 25{NNBSP}000{NBSP}€{NBSP}: 30{NNBSP}%"
