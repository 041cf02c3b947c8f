"""Hostile input, tried as an attacker would, through every way in: the proposal converter, the verifier
and the build. Each is refused with a French answer that names where to fix it, never a traceback; what is
accepted builds a site without any script, event handler, dangerous link or included file of the machine.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import proposition_to_page as prop
from helpers import ROOT, fixture_text, make_project, run_mkdocs
from test_proposition import GOOD, issue_body

MARK = "XSS_GUIDE"  # in every payload: it must never reach an attribute, a script or a style
PAYLOAD = f"alert('{MARK}')"
# Text of files a page might try to include: none may appear in a built page.
LEAKS = ("repositoryformatversion", "site_name: Guide", "--hash=sha256:", "markdown_extensions", "root:x:0:0")
CASE = fixture_text("experiences/cas-lille.md").replace("\r\n", "\n")


# --- what a built site must not hold --------------------------------------------------------------

_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|data|vbscript|file|blob):", re.IGNORECASE)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href", "background")


def _scheme_of(value: str) -> str:
    value = html.unescape(value)
    return re.sub(r"[\x00-\x20\x7f]", "", value)


def threats(site: Path) -> list[str]:
    """Everything in the built pages that could run, load or leak: one line each."""
    found = []
    for page in sorted(site.rglob("*.html")):
        raw = page.read_text(encoding="utf-8", errors="replace")
        name = page.relative_to(site).as_posix()
        doc = BeautifulSoup(raw, "html.parser")
        for element in doc.find_all(True):
            for attribute, value in element.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                if attribute.lower().startswith("on"):
                    found.append(f"{name}: <{element.name} {attribute}>")
                if MARK in text and attribute.lower() in ("style", *_URL_ATTRIBUTES):
                    found.append(f"{name}: {MARK} in <{element.name} {attribute}>")
                if attribute.lower() in _URL_ATTRIBUTES and _DANGEROUS_SCHEME.match(_scheme_of(text)):
                    found.append(f"{name}: <{element.name} {attribute}={text[:40]}>")
            if element.name in ("iframe", "object", "embed", "base", "frame", "frameset", "applet"):
                found.append(f"{name}: <{element.name}>")
            if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
                found.append(f"{name}: <meta http-equiv=refresh>")
            if element.name == "form" and re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", str(element.get("action", "")), re.I):
                found.append(f"{name}: <form action={element.get('action')}>")
            if element.name in ("script", "style") and MARK in element.get_text():
                found.append(f"{name}: {MARK} in <{element.name}>")
            if element.name == "script" and re.match(r"^(?:[a-z]+:|//)", str(element.get("src", "")), re.I):
                found.append(f"{name}: <script src={element.get('src')}>")
        text = doc.get_text()
        found += [f"{name}: leaked « {leak} »" for leak in LEAKS if leak in text]
    return found


def test_the_site_scan_does_catch_each_threat(tmp_path: Path) -> None:
    """The scan is not blind: a page holding each threat is caught, a clean page is not."""
    (tmp_path / "ok.html").write_text("<p>&lt;script&gt;alert('XSS_GUIDE')&lt;/script&gt; <a href='page/' "
                                      "aria-label=\"&lt;script&gt;XSS_GUIDE\">x</a></p>", encoding="utf-8")
    assert threats(tmp_path) == []
    bad = ["<img src=x onerror=y>", "<a href=' JaVa\tscript:x'>a</a>", f"<script>{PAYLOAD}</script>",
           "<iframe></iframe>", "<meta http-equiv='Refresh' content='0'>", "<form action='https://x.example'>",
           "<a href='data:text/html,x'>a</a>", "<p>[core] repositoryformatversion = 0</p>",
           "<script src='https://x.example/a.js'></script>", f"<p style=\"background:url({MARK})\">a</p>"]
    for number, markup in enumerate(bad):
        (tmp_path / f"bad{number}.html").write_text(markup, encoding="utf-8")
    assert len({line.split(":")[0] for line in threats(tmp_path)}) == len(bad)


# --- the converter ---------------------------------------------------------------------------------

def convert(root: Path, answers: dict[str, object], tmp_path: Path) -> tuple[int, str]:
    """The converter's command line, in this process (as the workflow calls it): exit code and comment."""
    body = tmp_path / "ticket.md"
    body.write_bytes(issue_body(root, answers).encode("utf-8"))  # type: ignore[arg-type]
    comment = tmp_path / "commentaire.md"
    comment.unlink(missing_ok=True)
    code = prop.main([str(body), "--root", str(root), "--comment", str(comment)])
    return code, comment.read_text(encoding="utf-8") if comment.exists() else ""


def outside_code_spans(markdown: str) -> str:
    """A comment's Markdown without its code spans (what GitHub would render as Markdown)."""
    out, at = [], 0
    for run in re.finditer(r"`+", markdown):
        if run.start() < at:
            continue
        closing = re.compile(r"(?<!`)%s(?!`)" % re.escape(run.group())).search(markdown, run.end())
        if closing is None:
            continue
        out.append(markdown[at:run.start()])
        at = closing.end()
    out.append(markdown[at:])
    return "".join(out)


def assert_inert(comment: str) -> None:
    """Nothing in the comment, outside code spans, makes a link, an image, a mention or HTML."""
    rest = outside_code_spans(comment).replace("\\[", "").replace("\\]", "").replace("\\(", "").replace("\\<", "")
    assert "](" not in rest and not re.search(r"<[A-Za-z/!]", rest), rest
    assert not re.search(r"(?<![\w`])@[A-Za-z0-9]", rest), rest
    assert not re.search(r"https?://(?!\u2060)", rest.replace("« https://… »", "")), rest


# name -> (answers changed, the question the comment must name, a fragment of its message)
REFUSED: dict[str, tuple[dict[str, object], str, str]] = {
    "script": ({"ce_qui_a_ete_fait": f"Un marché.\n\n<script>{PAYLOAD}</script>"}, "Ce qui a été fait",
               "« `<script>` » n'est pas permise"),
    "img-onerror": ({"qui_et_ou": f"<img src=x onerror=\"{PAYLOAD}\">"}, "Qui et où", "« `<img>` »"),
    "iframe": ({"a_retenir": "<iframe src=\"https://x.example/\"></iframe>"}, "Ce que l'on peut en retenir",
               "« `<iframe>` »"),
    "meta-refresh": ({"leviers_utilises": "<meta http-equiv=\"refresh\" content=\"0;url=https://x.example\">"},
                     "Les leviers utilisés", "« `<meta>` »"),
    "style": ({"a_retenir": "<style>body{display:none}</style>"}, "Ce que l'on peut en retenir", "« `<style>` »"),
    "form": ({"a_retenir": "<form action=\"https://x.example/\"><input name=\"mdp\"></form>"},
             "Ce que l'on peut en retenir", "« `<form>` »"),
    "svg-onload": ({"a_retenir": f"<svg/onload={PAYLOAD}>"}, "Ce que l'on peut en retenir", "« `<svg>` »"),
    "span-handler": ({"a_retenir": f"Un <span onmouseover=\"{PAYLOAD}\">mot</span>."},
                     "Ce que l'on peut en retenir", "« `onmouseover` »"),
    "javascript-link": ({"a_retenir": f"[clic](javascript:{PAYLOAD})"}, "Ce que l'on peut en retenir",
                        "« `javascript:` »"),
    "javascript-entities": ({"a_retenir": f"[clic](&#x6A;avascript&colon;{PAYLOAD})"}, "Ce que l'on peut en retenir",
                            "« `javascript:` »"),
    "javascript-reference": ({"a_retenir": f"[clic][r]\n\n[r]: JAVASCRIPT:{PAYLOAD}"}, "Ce que l'on peut en retenir",
                             "« `javascript:` »"),
    "javascript-spaced": ({"a_retenir": f"[clic](< java\u0009script:{PAYLOAD}>)"}, "Ce que l'on peut en retenir",
                          "« `javascript:` »"),
    "data-link": ({"a_retenir": "[clic](data:text/html;base64,PHNjcmlwdD4=)"}, "Ce que l'on peut en retenir",
                  "« `data:` »"),
    "vbscript-link": ({"a_retenir": "[clic](vbscript:msgbox)"}, "Ce que l'on peut en retenir", "« `vbscript:` »"),
    "outside-image": ({"a_retenir": "![suivi](https://x.example/pixel.png)"}, "Ce que l'on peut en retenir",
                      "l'image"),
    "protocol-relative": ({"a_retenir": "[clic](//x.example/)"}, "Ce que l'on peut en retenir", "autre site"),
    "attribute-list": ({"a_retenir": f"Un paragraphe.\n{{: onclick=\"{PAYLOAD}\" }}"}, "Ce que l'on peut en retenir",
                       "« `onclick` »"),
    "attribute-list-href": ({"a_retenir": "[a](../guides/commande-publique.md){: href=\"javascript:x\" }"},
                            "Ce que l'on peut en retenir", "« `href` »"),
    "snippet": ({"a_retenir": "--8<-- \".git/config\""}, "Ce que l'on peut en retenir", "inclut un fichier"),
    "snippet-short": ({"a_retenir": "-8<- 'mkdocs.yml'"}, "Ce que l'on peut en retenir", "inclut un fichier"),
    "snippet-block": ({"qui_et_ou": "---8<---\nrequirements.lock\n---8<---"}, "Qui et où", "inclut un fichier"),
    "snippet-absolute": ({"qui_et_ou": "    --8<-- \"/etc/passwd\""}, "Qui et où", "inclut un fichier"),
    "snippet-in-title": ({"title": "Lyon --8<-- \"mkdocs.yml\""}, "Titre de l'expérience", "inclut un fichier"),
    "broken-link": ({"a_retenir": "Voir [le guide](../guides/commande-publiqe.md)."}, "Ce que l'on peut en retenir",
                    "Vouliez-vous dire « `../guides/commande-publique.md` » ?"),
    "broken-anchor": ({"a_retenir": "Voir [le guide](../guides/commande-publique.md#nulle-part)."},
                      "Ce que l'on peut en retenir", "Ancres de cette page"),
    "emoji-title": ({"title": "🌱🌍✨"}, "Identifiant de la page (facultatif)", "ni lettre latine ni chiffre"),
    "greek-title": ({"title": "Ωμέγα συνεργασία"}, "Identifiant de la page (facultatif)", "ni lettre latine"),
    "zero-width-title": ({"title": "\u200b\u200c\u2060\ufeff"}, "Titre de l'expérience", "réponse obligatoire"),
    "long-id": ({"id": "a" * 300}, "Identifiant de la page (facultatif)", "300 caractères, 50 au plus"),
    "long-title": ({"title": "Lyon " * 60}, "Titre de l'expérience", "150 au plus"),
    "long-description": ({"description": "x" * 1000}, "Résumé en une phrase", "300 au plus"),
    "long-answer": ({"ce_qui_a_ete_fait": "Un marché. " * 1500}, "Ce qui a été fait", "au plus"),
    "many-actors": ({"acteurs": "\n".join(f"Acteur {n}" for n in range(100))}, "Acteurs (facultatif)", "au plus 40"),
    "mention-and-link-in-a-choice": ({"regions": [f"@octocat [x](https://x.example/) ![i](https://x.example/i.png) "
                                                  f"<img src=x onerror={PAYLOAD}>"]}, "Régions", "valeur inconnue"),
    "backticks-in-a-choice": ({"echelons": ["``` @octocat `x` ``"]}, "Échelons", "valeur inconnue"),
    "html-id": ({"id": "<b>lyon</b>"}, "Identifiant de la page (facultatif)", "n'est pas un identifiant valide"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_proposals_are_answered_in_french_by_question(repo: Path, tmp_path: Path, name: str) -> None:
    changes, question, fragment = REFUSED[name]
    before = sorted(p.name for p in (repo / "docs" / "experiences").iterdir())
    code, comment = convert(repo, dict(GOOD, **changes), tmp_path)
    assert code == 1, comment
    points = [line for line in comment.splitlines() if line.startswith(f"- **{question}** : ")]
    assert any(fragment in line for line in points), comment
    assert_inert(comment)
    assert sorted(p.name for p in (repo / "docs" / "experiences").iterdir()) == before


def test_the_comment_check_catches_markdown_that_would_render(tmp_path: Path) -> None:
    for bad in ("voir [x](https://x.example)", "![i](a.png)", "bonjour @octocat", "<img src=x>", "https://x.example"):
        with pytest.raises(AssertionError):
            assert_inert(bad)
    assert_inert("valeur « `[x](https://x.example) @octocat <img>` »")


# Accepted: odd but harmless, and invisible characters that copy-paste brings (removed).
ACCEPTED: dict[str, dict[str, object]] = {
    "code-block": {"title": "Lyon : du code", "a_retenir": f"Exemple :\n\n```html\n<script>{PAYLOAD}</script>\n```"},
    "code-span": {"title": "Lyon : du code en ligne", "a_retenir": f"Le code `<img src=x onerror={PAYLOAD}>` est refusé."},
    "html-in-fields": {"title": f"Lyon <script>{PAYLOAD}</script>", "territoire": "Lyon <b onclick=x>",
                       "acteurs": f"<img src=x onerror={PAYLOAD}>\n[x](javascript:y)"},
    "invisible-characters": {"title": "Lyon\u200b : des \u202erepas\u202c bio\u2028ici",
                             "ce_qui_a_ete_fait": "Un\x85marché\u2029en deux lots \x07\x1b[31m."},
    "allowed-html-and-links": {"title": "Lyon : liens", "a_retenir": "Le 1<sup>er</sup> janvier, <span lang=\"en\">"
                               "empowerment</span>, [le RTES](https://www.rtes.fr/), [écrire](mailto:a@example.org), "
                               "[le guide](../guides/commande-publique.md#le-cadre-juridique)."},
}


def test_what_is_accepted_passes_the_verifier_and_builds_a_clean_site(tmp_path: Path) -> None:
    project = tmp_path / "projet"
    for name in ("docs", ".github", "hooks", "overrides", "tools"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, project / name)
    written = []
    for number, (name, changes) in enumerate(sorted(ACCEPTED.items())):
        code, comment = convert(project, dict(GOOD, id=f"essai-{number}", **changes), tmp_path)
        assert code == 0, (name, comment)
        page = project / "docs" / "experiences" / f"essai-{number}.md"
        text = page.read_text(encoding="utf-8")
        assert not re.search("[\u200b\u202e\u202c\u2028\u2029\x85\x07\x1b]", text), name
        written.append(page)
    # every new page is reached from the site (no orphan): from the home page
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n" + "\n".join(
        f"- [Essai {n}](experiences/essai-{n}.md)" for n in range(len(written))) + "\n", encoding="utf-8")
    verified = subprocess.run([sys.executable, str(project / "tools" / "verifier.py")], cwd=project,
                              capture_output=True, text=True, env=_env())
    assert verified.returncode == 0, verified.stdout + verified.stderr
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert threats(tmp_path / "site") == []
    built = (tmp_path / "site" / "experiences" / "essai-0" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in built  # the code block is shown as text


def _env() -> dict[str, str]:
    import os

    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


# --- pages written by hand, through the verifier and the build --------------------------------------

def case_page(page_id: str, body: str) -> tuple[str, int]:
    """A valid case page of the fixture site, ``body`` as its text; and the line where ``body`` starts."""
    head = CASE.replace("id: cas-lille", f"id: {page_id}").split("\n## ")[0].rstrip("\n") + "\n\n"
    return head + body + "\n", head.count("\n") + 1


# name -> (body, line within the body, fragment)
PAGES: dict[str, tuple[str, int, str]] = {
    "script": (f"Texte.\n\n<script>{PAYLOAD}</script>", 3, "« <script> » n'est pas permise"),
    "script-in-a-list": (f"- un point\n\n    <script>{PAYLOAD}</script>", 3, "« <script> »"),
    "img-onerror": (f"<img src=x onerror=\"{PAYLOAD}\">", 1, "« <img> »"),
    "iframe": ("<iframe src=\"https://x.example/\"></iframe>", 1, "« <iframe> »"),
    "meta-refresh": ("<meta http-equiv=refresh content=\"0;url=https://x.example\">", 1, "« <meta> »"),
    "style": ("<style>body{display:none}</style>", 1, "« <style> »"),
    "form": ("<form action=\"https://x.example/\"><button>OK</button></form>", 1, "« <form> »"),
    "details-handler": (f"<details ontoggle=\"{PAYLOAD}\" open>x</details>", 1, "« <details> »"),
    "span-style": ("<span style=\"position:fixed;top:0\">x</span>", 1, "« style »"),
    "javascript-link": (f"[clic](javascript:{PAYLOAD})", 1, "« javascript: »"),
    "javascript-entities": (f"[clic](&#106;&#97;vascript:{PAYLOAD})", 1, "« javascript: »"),
    "javascript-autolink": (f"<javascript:{PAYLOAD}>", 1, "« javascript: »"),
    "data-image": ("![x](data:image/svg+xml;base64,PHN2Zz4=)", 1, "l'image"),
    "reference": ("[clic][r]\n\n[r]: vbscript:msgbox", 3, "« vbscript: »"),
    "attribute-list": (f"Texte.\n{{: onclick=\"{PAYLOAD}\" }}", 2, "« onclick »"),
    "attribute-list-heading": ("### Titre {: style=\"display:none\" }", 1, "« style »"),
    "snippet-config": ("--8<-- \"mkdocs.yml\"", 1, "« mkdocs.yml » ne peut pas être inclus"),
    "snippet-git": ("-8<- '.git/config'", 1, "« .git/config » ne peut pas être inclus"),
    "snippet-absolute": ("--8<-- \"/etc/passwd\"", 1, "ne peut pas être inclus"),
    "snippet-parent": ("--8<-- \"../requirements.lock\"", 1, "ne peut pas être inclus"),
    "snippet-in-fence": ("```\n----8<---- \"mkdocs.yml\"\n```", 2, "ne peut pas être inclus"),
    "snippet-block": ("--8<--\nmkdocs.yml\n--8<--", 1, "n'est permis que sous la forme"),
    "snippet-section": ("--8<-- \"CONTRIBUTING.md:start\"", 1, "seules des lignes"),
    "bidi": ("Un texte \u202eelliL\u202c ici.", 1, "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "c1-control": ("Un\x9btexte.", 1, "U+009B"),
    "placeholder": ("## Ce qui a été fait\n\nÀ écrire (voir les règles d'écriture dans CONTRIBUTING.md).", 3,
                    "« À écrire »"),
}


def hostile_project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The fixture project with one page per hostile text; returns it and, by case, « docs/…:line »."""
    changes: dict[str, str | bytes | None] = {}
    where = {}
    for number, (name, (body, line, _fragment)) in enumerate(sorted(PAGES.items())):
        text, start = case_page(f"piege-{number}", body)
        changes[f"experiences/piege-{number}.md"] = text
        where[name] = f"docs/experiences/piege-{number}.md:{start + line - 1}"
    project = make_project(tmp_path, changes)
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    return project, where


def test_hostile_pages_stop_the_verifier_and_the_build_at_their_line(tmp_path: Path) -> None:
    project, where = hostile_project(tmp_path)
    verified = subprocess.run([sys.executable, str(ROOT / "tools" / "verifier.py"), "-f", str(project / "mkdocs.yml")],
                              capture_output=True, text=True, env=_env())
    built = run_mkdocs(project, tmp_path / "site")
    for tool, code, output in (("verifier", verified.returncode, verified.stdout + verified.stderr),
                               ("build", built.returncode, built.output)):
        assert code == 1, f"{tool}:\n{output}"
        assert "Traceback" not in output, f"{tool}:\n{output}"
        for name, (_body, _line, fragment) in PAGES.items():
            lines = [line for line in output.splitlines() if f"{where[name]} : " in line]
            assert any(fragment in line for line in lines), f"{tool}, {name}: « {fragment} » at {where[name]}\n{output}"
    assert threats(tmp_path / "site") == []


def test_the_rendered_html_is_checked_even_if_the_source_check_missed_it(tmp_path: Path) -> None:
    """Belt and braces: with the core's check of the Markdown taken out, the engine's check of the HTML
    that Markdown made still stops the build, before the page is written."""
    body = (f"Texte.\n\n<img src=x onerror=\"{PAYLOAD}\">\n\n[clic](javascript:{PAYLOAD})\n\n"
            f"Un paragraphe.\n{{: onclick=\"{PAYLOAD}\" }}\n")
    text, start = case_page("cas-lille", body)
    project = make_project(tmp_path, {"experiences/cas-lille.md": text})
    corpus = project / "hooks" / "guide_ess" / "content" / "corpus.py"
    source = corpus.read_text(encoding="utf-8")
    assert "policy.check_page(" in source
    corpus.write_text(source.replace("policy.check_page(", "(lambda *a: [])("), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.output, result.output
    assert "docs/experiences/cas-lille.md:" in result.output and "une fois la page convertie en HTML" in result.output
    for fragment in ("« onerror »", "« javascript: »", "« onclick »"):
        assert fragment in result.output, result.output
    assert threats(tmp_path / "site") == []


def test_the_snippets_extension_itself_refuses_other_files(tmp_path: Path) -> None:
    """mkdocs.yml sets pymdownx.snippets to the allow-list; a build with any other setting is stopped."""
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    [snippets] = [e["pymdownx.snippets"] for e in config["markdown_extensions"]
                  if isinstance(e, dict) and "pymdownx.snippets" in e]
    assert snippets["base_path"] == ["CONTRIBUTING.md"] and snippets["restrict_base_path"] == "true"
    assert snippets["url_download"] == "false" and snippets["check_paths"] == "true"
    project = make_project(tmp_path)
    path = project / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("base_path: [CONTRIBUTING.md]", "base_path: [.]"),
                    encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "l'extension pymdownx.snippets doit avoir base_path: [CONTRIBUTING.md]" in result.output


# --- any body at all ------------------------------------------------------------------------------

PIECES = ["<script>", "</b>", "[x](", "javascript:", "](", "`", "```", "~~~", "{: onclick=x }", "-8<-", "--8<--",
          "\"", "'", ":", "#", "### ", "- [X] ", "_No response_", "None", "\n", "\n\n", "\u202e", "\u200b", "\u2028",
          "\x00", "\x1b", "\x85", "\ufeff", "é", "Œ", "🌱", "Ω", "@octocat", "<!--", "-->", "&#x6A;", "\\", "|", "*",
          "{", "}", "%", "a" * 200, "Lyon", "2021-2026", "Commune", "Commande publique responsable", "---", "...",
          "!", "[", "]", "(", ")", "<", ">", "&"]


def random_body(root: Path, seed: int) -> str:
    """An issue body: the form's questions, or some of them, with random text; on even seeds, random
    text only added to the answers that become the page's text (so that some pages are written)."""
    import random

    rng = random.Random(seed)
    sections = {question.label for _id, question, _required in prop.forms.SECTIONS}
    blocks = []
    for block in issue_body(root, dict(GOOD, id=f"hasard-{seed}")).split("\n\n### "):
        label, _, answer = block.partition("\n\n")
        noise = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        if seed % 2 == 0:
            if label.lstrip("# ") in sections and rng.random() < 0.7:
                answer = (answer.replace("_No response_", "") + " " + noise).strip() or "Texte."
        elif rng.random() < 0.15:
            continue
        elif rng.random() < 0.6:
            answer = noise
        blocks.append(f"{label}\n\n{answer}")
    if seed % 2 and rng.random() < 0.1:
        rng.shuffle(blocks)
    return "\n\n### ".join(blocks)


@pytest.mark.parametrize("seed", range(40))
def test_any_body_gets_a_page_or_a_french_comment(repo: Path, tmp_path: Path, seed: int) -> None:
    body = tmp_path / "ticket.md"
    body.write_bytes(random_body(repo, seed).encode("utf-8", errors="surrogatepass"))
    comment = tmp_path / "commentaire.md"
    code = prop.main([str(body), "--root", str(repo), "--comment", str(comment)])
    assert code in (0, 1)
    if code == 1:
        text = comment.read_text(encoding="utf-8")
        assert re.search(r"^- \*\*[^*]+\*\* : \S", text, re.MULTILINE), text
        assert_inert(text)
    else:
        page = repo / "docs" / "experiences" / f"hasard-{seed}.md"
        rel = f"experiences/{page.name}"
        assert prop.check_with_core(repo, rel, page.read_text(encoding="utf-8")) == []


def test_the_verifiers_report_is_relayed_as_literal_text(tmp_path: Path) -> None:
    report = tmp_path / "verification.txt"
    report.write_text("docs/experiences/x.md:3 : « ````\n@octocat [x](https://x.example) <img src=x> »\n"
                      "::error file=docs/x.md::annotation\nVérification échouée : 1 erreur à corriger (3 s).\n",
                      encoding="utf-8")
    comment = tmp_path / "commentaire.md"
    assert prop.main(["--from-verification", str(report), "--comment", str(comment)]) == 0
    text = comment.read_text(encoding="utf-8")
    assert "`````text\n" in text and "::error" not in text and "@octocat [x](https://x.example)" in text
    assert_inert(text)
