"""The content policy of the core: each hostile text is refused at its line, in French; ordinary
Markdown, the allowed HTML and the allowed inclusion pass."""
from __future__ import annotations

import pytest

from guide_ess.content import policy

HEAD = "---\ntitle: Essai\n---\n\n"  # the body starts at line 5


def problems(body: str) -> list[str]:
    return [f"{p.line}|{p.message}" for p in policy.check_page("docs/x.md", HEAD + body, body)]


# name -> (body, line, fragment of the message)
HOSTILE: dict[str, tuple[str, int, str]] = {
    "script": ("Texte.\n\n<script>alert(1)</script>\n", 7, "« <script> » n'est pas permise"),
    "script-upper": ("<SCRIPT SRC=//x.example/a.js></SCRIPT>\n", 5, "« <script> »"),
    "img-onerror": ("Une image <img src=x onerror=alert(1)>.\n", 5, "« <img> »"),
    "iframe": ("<iframe src=\"https://x.example\"></iframe>\n", 5, "« <iframe> »"),
    "meta-refresh": ("<meta http-equiv=refresh content=\"0;url=https://x.example\">\n", 5, "« <meta> »"),
    "style": ("<style>body{display:none}</style>\n", 5, "« <style> »"),
    "form": ("<form action=\"https://x.example\"><input name=p></form>\n", 5, "« <form> »"),
    "svg": ("<svg onload=alert(1)>\n", 5, "« <svg> »"),
    "object": ("<object data=\"x.swf\"></object>\n", 5, "« <object> »"),
    "allowed-element-handler": ("Un <span onmouseover=\"alert(1)\">mot</span>.\n", 5, "« onmouseover »"),
    "allowed-element-style": ("<sup style=\"position:fixed\">1</sup>\n", 5, "« style »"),
    "tag-across-lines": ("Texte\n\n<a\nhref=\"javascript:alert(1)\">x</a>\n", 7, "« <a> »"),
    "comment-closed-early": ("<!--><script>alert(1)</script>-->\n", 5, "n'est pas permis"),
    "comment-closed-early-dash": ("<!---><img src=x onerror=alert(1)>-->\n", 5, "n'est pas permis"),
    "comment-bang-close": ("<!-- a --!><script>alert(1)</script> -->\n", 5, "n'est pas permis"),
    "doctype": ("<!DOCTYPE html>\n", 5, "n'est pas permis"),
    "cdata": ("<![CDATA[x]]>\n", 5, "n'est pas permis"),
    "javascript-link": ("[clic](javascript:alert(1))\n", 5, "« javascript: »"),
    "javascript-link-case": ("[clic](JaVaScRiPt:alert(1))\n", 5, "« javascript: »"),
    "javascript-entity": ("[clic](jav&#x61;script:alert(1))\n", 5, "« javascript: »"),
    "javascript-named-entity": ("[clic](javascript&colon;alert(1))\n", 5, "« javascript: »"),
    "javascript-tab": ("[clic](<java\tscript:alert(1)>)\n", 5, "« javascript: »"),
    "javascript-leading-space": ("[clic](< javascript:alert(1)>)\n", 5, "« javascript: »"),
    "javascript-control": ("[clic](\x01javascript:alert(1))\n", 5, "« javascript: »"),
    "data-link": ("[clic](data:text/html;base64,PHNjcmlwdD4=)\n", 5, "« data: »"),
    "vbscript-link": ("[clic](vbscript:msgbox(1))\n", 5, "« vbscript: »"),
    "reference-link": ("[clic][r]\n\n[r]: javascript:alert(1)\n", 7, "« javascript: »"),
    "reference-link-angled": ("[clic][r]\n\n[r]: <javascript:alert(1)>\n", 7, "« javascript: »"),
    "protocol-relative": ("[clic](//x.example/page)\n", 5, "autre site"),
    "backslashes": ("[clic](\\\\\\\\x.example/page)\n", 5, "autre site"),
    "http-link": ("[clic](http://x.example/)\n", 5, "« https:// »"),
    "autolink-http": ("<http://x.example/>\n", 5, "« https:// »"),
    "autolink-javascript": ("<javascript:alert(1)>\n", 5, "« javascript: »"),
    "image-https": ("![carte](https://x.example/carte.png)\n", 5, "autre adresse que le site"),
    "image-data": ("![carte](data:image/png;base64,AAAA)\n", 5, "l'image"),
    "attribute-list-handler": ("Un paragraphe.\n{: onclick=\"alert(1)\" }\n", 6, "« onclick »"),
    "attribute-list-style": ("## Titre { style=\"color:red\" }\n", 5, "« style »"),
    "attribute-list-src": ("![x](a.png){: src=\"https://x.example/a.png\" }\n", 5, "« src »"),
    "attribute-list-href": ("[x](a.md){: href=\"javascript:alert(1)\" }\n", 5, "« href »"),
    "attribute-list-upper": ("Un paragraphe.\n{: OnClick=alert(1) }\n", 6, "« OnClick »"),
    "snippet-other-file": ("--8<-- \"mkdocs.yml\"\n", 5, "« mkdocs.yml » ne peut pas être inclus"),
    "snippet-git": ("--8<-- \".git/config\"\n", 5, "ne peut pas être inclus"),
    "snippet-short-marker": ("-8<- 'requirements.lock'\n", 5, "ne peut pas être inclus"),
    "snippet-long-marker": ("-----8<----- \"/etc/passwd\"\n", 5, "ne peut pas être inclus"),
    "snippet-indented": ("- liste\n\n    --8<-- \"mkdocs.yml\"\n", 7, "ne peut pas être inclus"),
    "snippet-in-code-block": ("```\n--8<-- \"mkdocs.yml\"\n```\n", 6, "ne peut pas être inclus"),
    "snippet-block-form": ("--8<--\nmkdocs.yml\n--8<--\n", 5, "n'est permis que sous la forme"),
    "snippet-escaped": (";--8<-- \"mkdocs.yml\"\n", 5, "n'est permis que sous la forme"),
    "snippet-parent": ("--8<-- \"docs/../mkdocs.yml\"\n", 5, "ne peut pas être inclus"),
    "snippet-allowed-with-section": ("--8<-- \"CONTRIBUTING.md:intro\"\n", 5, "seules des lignes"),
    "right-to-left-override": ("Un texte \u202eépuoc\u202c ici.\n", 5, "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "zero-width-space": ("Un\u200bmot.\n", 5, "U+200B"),
    "c1-control": ("Un\x85texte.\n", 5, "U+0085"),
    "line-separator": ("Un\u2028texte.\n", 5, "U+2028"),
    "tag-character": ("Un texte\U000e0041.\n", 5, "U+E0041"),
    "escape-character": ("Un \x1b[31mtexte.\n", 5, "U+001B"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_markdown_is_refused_at_its_line(name: str) -> None:
    body, line, fragment = HOSTILE[name]
    found = problems(body)
    assert any(p.startswith(f"{line}|") and fragment in p for p in found), found


def test_control_characters_in_the_front_matter_are_refused_too() -> None:
    text = "---\ntitle: \"Lille \u202eelliL\"\n---\n\nTexte.\n"
    found = policy.check_page("docs/x.md", text, "Texte.\n")
    assert [(p.line, "U+202E" in p.message) for p in found] == [(2, True)]


def test_front_matter_values_are_text_not_markup() -> None:
    text = "---\ntitle: '<script>alert(1)</script>'\n---\n\nTexte.\n"
    assert policy.check_page("docs/x.md", text, "Texte.\n") == []


HARMLESS = [
    "Un [lien](../guides/commande-publique.md#comment-faire) et [un autre](autre.md).",
    "[Le site du RTES](https://www.rtes.fr/) et [écrire](mailto:contact@example.org).",
    "<https://www.rtes.fr/> et <contact@example.org>",
    "![Carte](../assets/carte.png)",
    "Le 1<sup>er</sup> janvier, le CO<sub>2</sub>, <kbd>Ctrl</kbd>, <br> et <abbr title=\"Très petite entreprise\">TPE</abbr>.",
    "Un mot <span lang=\"en\">empowerment</span>.",
    "<!-- une note pour les contributeurs -->",
    "Du code : `<script>alert(1)</script>` et ``[x](javascript:y)``.",
    "```html\n<script>alert(1)</script>\n[x](javascript:y)\n```",
    "## Titre {: #mon-ancre .classe }",
    "Un ensemble {a, b} et une accolade { seule.",
    "a < b et c > d, 3 <4",
    "--8<-- \"CONTRIBUTING.md\"",
    "--8<-- \"CONTRIBUTING.md:3:\"",
    "Une espace fine\u202f; une insécable\u00a0: du texte français ; un emoji 👩‍🌾.",
    "Un lien [relatif](page.md \"un titre\") et [vide]().",
    "Une note[^1].\n\n[^1]: Voir : la fiche de 2018.",
]


@pytest.mark.parametrize("body", HARMLESS)
def test_ordinary_markdown_passes(body: str) -> None:
    assert problems(body + "\n") == []


def test_html_as_rendered_is_checked_too() -> None:
    source = "Texte\n\n<p onclick=\"x\">a</p>\n"
    found = policy.check_html("docs/x.md", "<p>Texte</p>\n<p onclick=\"x\">a</p>", source)
    assert [(p.line, "« onclick »" in p.message) for p in found] == [(3, True)]
    assert policy.check_html("docs/x.md", "<p><a href=\"JAVASCRIPT:x\">a</a></p>")
    assert policy.check_html("docs/x.md", "<p><img src=\"https://x.example/a.png\" alt=\"\"></p>")
    assert policy.check_html("docs/x.md", "<p>&lt;script&gt; est du texte</p>") == []
    assert policy.check_html("docs/x.md", '<table><tr><th style="text-align: center;">a</th></tr></table>') == []
    assert policy.check_html("docs/x.md", '<td style="color: red">a</td>')
    assert policy.check_html("docs/x.md", '<input type="text" name="p">')


def test_the_source_is_read_only_to_place_a_problem() -> None:
    """The engine hands a reader of the page's file: called for a refused page (its line), never for a clean one."""
    reads: list[int] = []

    def source() -> str:
        reads.append(1)
        return "Texte\n\n<p onclick=\"x\">a</p>\n"

    assert policy.check_html("docs/x.md", "<p>Texte</p>", source) == []
    assert policy.check_html("docs/x.md", "<p>Texte &lt;b&gt;</p><!-- -->", source) == [] and reads == []
    found = policy.check_html("docs/x.md", "<p>Texte</p>\n<p onclick=\"x\">a</p>", source)
    assert [p.line for p in found] == [3] and reads == [1]


def test_strip_forbidden_keeps_the_text() -> None:
    assert policy.strip_forbidden("a\u200bb\u202ec\u2028d\x07e\te") == "abc\nde\te"


def test_a_problem_is_told_on_one_line_whatever_its_values_hold() -> None:
    from guide_ess.content.problems import Problem

    shown = str(Problem("docs/x.md", "periode", "« a\n::error file=x::faux\r\n » n'est pas valide", 3))
    assert "\n" not in shown and "\r" not in shown and shown.startswith("docs/x.md:3 : champ « periode » : « a ::error")


# Pieces of rendered HTML, plain and hostile, for the fast reading of check_html.
_PIECES = (
    "<p>", "</p>", "<p>Texte</p>", '<a href="../x.md">x</a>', '<a href="javascript:x">x</a>',
    '<a href="jav&#x61;script:x">x</a>', '<a href="https://example.org/">x</a>', '<a href=\'javascript:x\'>x</a>',
    '<a title="a>b">', '<abbr title="économie sociale">ESS</abbr>', '<img src="a.png" alt="">',
    '<img src="//x.example/a.png" alt="">', "<br>", "<br/>", "<br />", '<p onclick="x">', '<p ONCLICK="x">',
    "<P>", "<script>x</script>", "<style>p{}</style>", "<!-- x -->", "<!--> <p onclick=x>", "<!DOCTYPE html>",
    "<?php x ?>", "< p>", "a < b", "&lt;script&gt;", "<textarea><p onclick=x></textarea>", '<p id="a" class="b">',
    '<th style="text-align: left;">', '<td style="color:red">', '<input type="radio" name="x">',
    '<input type="text">', '<span lang="en">x</span>', "<iframe src=x>", "</p foo>", '<p title="x"onclick="y">',
    "<p\ntitle=\"x\">", '<a href="x" href="javascript:y">', "<svg><p>", "<math>", "<p", '<p title="<b>">',
    "é", "\n", " ", "<ul><li>a</li></ul>", '<p data-x="1">', "<details open>", '<label for="a">',
)


def test_the_fast_reading_of_rendered_html_agrees_with_the_parser() -> None:
    """check_html skips the parser when every « < » opens a plain, allowed tag: on 3,000 random pages made
    of plain and hostile pieces, it lets through only what the parser lets through."""
    import random

    rng = random.Random(20261202)
    plain = 0
    for _ in range(3000):
        page = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 8)))
        if policy._plainly_allowed(page):
            plain += 1
            assert policy.parsed_html_problems("docs/x.md", page) == [], page
    assert plain > 100  # the fast reading was taken often enough to be tested
    assert policy._plainly_allowed('<p>Un <a href="../a.md" title="A &amp; B">lien</a></p>\n<br />')
    assert not policy._plainly_allowed('<p><a href="jav&#x61;script:x">x</a></p>')
    assert not policy._plainly_allowed("<p>x</p><!-- -->")
