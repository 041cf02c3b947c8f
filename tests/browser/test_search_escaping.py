"""A front-matter title holding markup shows as text in search results, and runs nothing."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from helpers import fixture_text, make_project, run_mkdocs

TITLE = 'Lille "<img src=x onerror=alert(1)>" & <script>alert(2)</script>'


def test_search_result_shows_markup_as_text(browser: Any, tmp_path: Path) -> None:
    case = fixture_text("experiences/cas-lille.md").replace('title: "Lille : un marché réservé"', f"title: '{TITLE}'")
    project = make_project(tmp_path, {"experiences/cas-lille.md": case})
    site = tmp_path / "site"
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.output

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.click("#recherche-champ")
        page.keyboard.type("Lille")
        page.wait_for_selector(".recherche__resultats .recherche-resultat")
        titles = page.locator(".recherche-resultat__titre").all_inner_texts()
        assert any("<script>" in t and "<img" in t for t in titles), titles
        assert page.locator(".recherche__panneau img, .recherche__panneau script").count() == 0
        assert dialogs == []
        page.close()
    finally:
        server.shutdown()
