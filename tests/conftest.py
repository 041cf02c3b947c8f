"""Session fixtures: the real site is built once (online and offline) per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Iterator

import pytest

from helpers import ROOT, BuildResult, make_project, run_mkdocs, served

CHROMIUM = Path("/usr/bin/chromium")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="réécrire les fichiers de tests/golden/ à partir du rendu actuel")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """The real site, built strictly with directory URLs, as served online."""
    site = tmp_path_factory.mktemp("site")
    return run_mkdocs(ROOT, site), site


@pytest.fixture(scope="session")
def site(site_build: tuple[BuildResult, Path]) -> Path:
    result, path = site_build
    assert result.returncode == 0, result.output
    return path


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    """The fixture site (tests/fixture/docs, with a git history of two commits), built strictly like the real one."""
    base = tmp_path_factory.mktemp("fixture")
    project = make_project(base, history=True)
    return run_mkdocs(project, base / "site"), base / "site"


@pytest.fixture(scope="session")
def fixture_site(fixture_build: tuple[BuildResult, Path]) -> Path:
    result, path = fixture_build
    assert result.returncode == 0, result.output
    return path


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle, built by the same command the README gives."""
    out = tmp_path_factory.mktemp("dist") / "guide-hors-ligne.zip"
    work = tmp_path_factory.mktemp("offline-build")
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_offline.py"), "--site-dir", str(work / "site"),
                    "--output", str(out)], check=True, capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return out


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle unzipped somewhere else, as a reader would."""
    target = tmp_path_factory.mktemp("clef-usb")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / "guide-ess-collectivites"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the site's content and forms, where a tool (the proposal converter) may write."""
    root = tmp_path / "depot"
    shutil.copytree(ROOT / "docs", root / "docs")
    shutil.copytree(ROOT / ".github", root / ".github")
    return root


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium est absent : .ci/run doit installer le paquet Debian « chromium ».")
        pytest.skip("Chromium absent : lancez ./run.sh test, qui installe le paquet Debian « chromium ».")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1 (a free port), as a reader meets it online."""
    with served(site) as url:
        yield url
