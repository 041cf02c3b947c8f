"""Accessibility statement, legal notice and personal data pages: present, linked from every
page's footer, consistent with each other and with the publication settings."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, fixture_text, make_project, run_mkdocs
from guide_ess.text.publication import PUBLISHER_MARKER, REPOSITORY_MARKER, fill_settings

LEGAL = {"accessibilite": "Accessibilité : ", "mentions-legales": "Mentions légales",
         "donnees-personnelles": "Données personnelles"}
STATES = ("totalement conforme", "partiellement conforme", "non conforme")


def _page(root: Path, name: str, directory_urls: bool) -> Path:
    return root / name / "index.html" if directory_urls else root / f"{name}.html"


def _plain(text: str) -> str:
    """Text without the site's typography (non-breaking spaces, curly apostrophes)."""
    return " ".join(text.replace("\u2019", "'").split())


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def statement_state(root: Path, directory_urls: bool = True) -> str:
    """The state the statement concludes, from its « État de conformité » section."""
    text = _soup(_page(root, "accessibilite", directory_urls)).select_one("article").get_text(" ")
    found = re.search(r"Le site est\s+(totalement conforme|partiellement conforme|non conforme)\s+au RGAA", text)
    assert found, "la déclaration ne dit pas « Le site est … conforme au RGAA »"
    return found.group(1)


@pytest.mark.parametrize("build", ["en ligne", "hors ligne"])
def test_every_page_footer_links_the_three_legal_pages(build: str, request: pytest.FixtureRequest) -> None:
    root: Path = request.getfixturevalue("site" if build == "en ligne" else "offline_site")
    directory_urls = build == "en ligne"
    state = statement_state(root, directory_urls)
    pages = sorted(root.rglob("*.html"))
    problems = []
    for page in pages:
        links = _soup(page).select(".md-footer .md-copyright__legal a")
        texts = [a.get_text(strip=True) for a in links]
        expected = [LEGAL["accessibilite"] + state, LEGAL["mentions-legales"], LEGAL["donnees-personnelles"]]
        if texts != expected:
            problems.append(f"{page.relative_to(root)} : liens du pied de page {texts}, attendu {expected}")
            continue
        for a, name in zip(links, LEGAL):
            href = a["href"]  # 404.html links from the site root (site_url's path is "/")
            target = (root / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            if target != _page(root, name, directory_urls).resolve():
                problems.append(f"{page.relative_to(root)} : « {a.get_text(strip=True)} » mène à {a['href']}")
    assert len(pages) > 50
    assert not problems, "\n".join(problems[:20])


def test_statement_is_honest_and_complete(site: Path) -> None:
    article = _soup(_page(site, "accessibilite", True)).select_one("article")
    text = _plain(article.get_text(" "))
    assert statement_state(site) in STATES
    for needed in ("article 47 de la loi n° 2005-102", "RGAA", "autoévaluation", "axe-core",
                   "validateur HTML du W3C", "IBM Equal Access", "320 pixels", "clavier",
                   "ne vérifient pas", "Défenseur des droits", "établie le 28 novembre 2026"):
        assert needed in text, f"la déclaration ne dit pas « {needed} »"
    # Without a valid audit, the RGAA allows no other mention than « non conforme ».
    assert statement_state(site) == "non conforme" or "audit" in text
    # The way to report a problem is the repository the site is configured with (its edit links).
    edit = _soup(site / "guides" / "commande-publique" / "index.html").select_one("a[rel=edit]")["href"]
    report = article.find("a", string=re.compile("dépôt des sources"))
    assert report is not None and edit.startswith(report["href"].rstrip("/") + "/"), (report, edit)


def test_no_setting_marker_is_left_in_any_page(site: Path) -> None:
    leftovers = [p.relative_to(site) for p in site.rglob("*.html") if "réglage:" in p.read_text(encoding="utf-8")]
    assert not leftovers


def test_publisher_placeholder_until_set(site: Path, tmp_path: Path) -> None:
    """Unset, the publisher is a visible placeholder; set, the setting's text takes its place."""
    notice = _plain(_soup(_page(site, "mentions-legales", True)).select_one("article").get_text())
    assert "À compléter par l'éditeur du site" in notice and "GUIDE_EDITEUR" in notice
    legal = {f"{name}.md": (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8") for name in LEGAL}
    legal["mentions-legales.md"] = legal["mentions-legales.md"].replace("](contribuer/index.md)", "](contribuer.md)")
    pages: dict[str, str | bytes | None] = dict(legal, **{"index.md": fixture_text("index.md") + "\n[a](accessibilite.md) "
                                                          "[m](mentions-legales.md) [d](donnees-personnelles.md)\n"})
    project = make_project(tmp_path, pages)
    out = tmp_path / "site"
    result = run_mkdocs(project, out, env={"GUIDE_EDITEUR": "Ville d'Essai, 1 rue de l'Exemple. Hébergeur : Essai SA.",
                                           "GUIDE_REPO_URL": "https://forge.invalid/essai/guide"})
    assert result.returncode == 0, result.output
    notice = _plain(_soup(out / "mentions-legales" / "index.html").select_one("article").get_text())
    assert "Ville d'Essai, 1 rue de l'Exemple. Hébergeur : Essai SA." in notice
    assert "À compléter" not in notice
    report = _soup(out / "accessibilite" / "index.html").find("a", string=re.compile("dépôt des sources"))
    assert report["href"] == "https://forge.invalid/essai/guide"


def test_fill_settings() -> None:
    page = f"# T\n\n{PUBLISHER_MARKER}\n\nVoir le {REPOSITORY_MARKER}.\n"
    filled = fill_settings(page, "", "https://forge.invalid/x")
    assert "!!! warning" in filled and "[dépôt des sources du guide](https://forge.invalid/x)" in filled
    assert "réglage:" not in filled
    assert "Ville" in fill_settings(page, "  Ville de Test  ", "")
    assert "GUIDE_REPO_URL" in fill_settings(page, "x", "")
    assert fill_settings("rien à remplacer", "", "") == "rien à remplacer"
