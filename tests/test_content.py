"""Coverage of the content: every resource credited and used, every case linked."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide_ess_corpus import real_corpus
from helpers import ROOT

SHARED = ROOT.parent / "shared"
SOURCE_IDS = re.compile(r"^\| `([a-z0-9-]+)` \|", re.MULTILINE)


def test_every_resource_of_the_source_index_has_a_source_page() -> None:
    readme = SHARED / "sources" / "README.md"
    if not readme.exists():
        pytest.skip("../shared/sources absent : ce test vérifie les pages sources par rapport à son index.")
    expected = set(SOURCE_IDS.findall(readme.read_text(encoding="utf-8")))
    assert len(expected) == 14
    assert expected == set(real_corpus().sources)


def test_every_source_page_is_cited_by_a_guide_or_a_case() -> None:
    corpus = real_corpus()
    cited = {s for page in [*corpus.guides.values(), *corpus.cases.values()] for s in page.sources}
    assert set(corpus.sources) - cited == set()


def test_every_case_names_a_theme_a_lever_and_a_source() -> None:
    corpus = real_corpus()
    assert len(corpus.cases) >= 17
    for case in corpus.cases.values():
        assert case.themes and case.leviers and case.sources, case.id


def test_every_guide_has_at_least_one_case() -> None:
    corpus = real_corpus()
    assert len(corpus.guides) >= 8
    for guide in corpus.guides.values():
        assert any(guide.id in case.themes for case in corpus.cases.values()), guide.id


def test_guides_link_the_source_pages_they_rely_on() -> None:
    """A guide that states facts links the source page it comes from."""
    corpus = real_corpus()
    for guide in corpus.guides.values():
        body = (ROOT / "docs" / guide.path).read_text(encoding="utf-8")
        linked = set(re.findall(r"\]\(\.\./sources/([a-z0-9-]+)\.md", body))
        assert linked, f"{guide.path} ne renvoie à aucune page source"
        assert linked <= set(guide.sources), f"{guide.path} : sources liées mais absentes de l'en-tête : {linked - set(guide.sources)}"


def test_no_level_one_heading_in_pages_with_a_title() -> None:
    """The title comes from front matter; only the home page writes its own heading."""
    offenders = []
    for path in (ROOT / "docs").rglob("*.md"):
        if path == ROOT / "docs" / "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---") and "\ntitle:" in text.split("\n---", 2)[0] and re.search(r"^# ", text, re.MULTILINE):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_no_web_address_in_the_content() -> None:
    """The sources give no web address: the content must not invent any."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "docs").rglob("*.md")
                 if re.search(r"https?://|www\.", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_no_sentence_is_copied_from_the_sources() -> None:
    tool = SHARED / "tools" / "verbatim.py"
    if not tool.exists():
        pytest.skip("../shared/tools/verbatim.py absent.")
    proc = subprocess.run([sys.executable, str(tool), str(ROOT / "docs")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout
