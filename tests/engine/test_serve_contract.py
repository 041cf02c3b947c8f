"""What hooks/engine/serve_errors.py relies on in MkDocs 1.6: ``mkdocs serve`` builds through the module-level
name ``build`` (replaced for this process), and a failed rebuild leaves the server waiting (what it avoids)."""
from __future__ import annotations

import inspect
from pathlib import Path

from mkdocs.commands import serve as mkdocs_serve

from engine import serve_errors
from guide_ess.core import Problem


def test_mkdocs_serve_builds_through_its_module_level_build() -> None:
    source = inspect.getsource(mkdocs_serve.serve)
    assert "build(config" in source and callable(mkdocs_serve.build)


def test_the_error_page_escapes_what_the_problems_quote() -> None:
    page = serve_errors.error_page([Problem("docs/x.md", "title", "« <script>alert(1)</script> » refusé", 3)])
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<code>docs/x.md:3</code>" in page and 'lang="fr"' in page and "/livereload/" in page


def test_a_failing_build_shows_the_error_page_instead_of_raising(tmp_path: Path) -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import Abort

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path)})

    def failing(_config: MkDocsConfig, **_kwargs: object) -> None:
        raise Abort("Aborted with a BuildError!")

    serve_errors.forgiving(failing)(config)
    shown = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Le site ne peut pas être construit" in shown and "Aborted with a BuildError!" in shown
    assert (tmp_path / "site" / "404.html").read_text(encoding="utf-8") == shown


def test_the_build_after_an_error_page_is_a_full_one(tmp_path: Path) -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import Abort

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path)})
    calls: list[object] = []

    def build(_config: MkDocsConfig, **kwargs: object) -> None:
        calls.append(kwargs.get("dirty"))
        if len(calls) == 2:
            raise Abort("x")

    run = serve_errors.forgiving(build)
    for _ in range(4):
        run(config, dirty=True)
    assert calls == [True, True, False, True]  # after the error page, every page is written again
