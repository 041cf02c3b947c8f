"""./run.sh serve with a content error: the browser shows the French errors (not a request that hangs), and
the page reloads by itself into the site once the file is fixed."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from helpers import ROOT, fixture_text, make_project

BROKEN = fixture_text("experiences/cas-lille.md").replace("themes: [commande-publique]",
                                                          "themes: [<b>commande-publiqe</b>]")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (127.0.0.1)
                return str(response.read().decode("utf-8"))
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} ne répond pas")


def test_serve_shows_the_errors_then_the_site_once_fixed(browser: Any, tmp_path: Path) -> None:
    project = make_project(tmp_path, {"experiences/cas-lille.md": BROKEN})
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "tools" / "serve.py"), "--dev-addr", f"127.0.0.1:{port}",
                               "-f", str(project / "mkdocs.yml")], cwd=project, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        first = wait_for(f"http://127.0.0.1:{port}/")  # answers at once: no hanging request
        assert "Le site ne peut pas être construit" in first and "&lt;b&gt;commande-publiqe&lt;/b&gt;" in first
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/guides/co-construction/")  # any address shows the errors
        assert page.locator("h1").inner_text() == "Le site ne peut pas être construit"
        item = page.locator("li").first.inner_text()
        assert item.startswith("docs/experiences/cas-lille.md:9 : champ « themes » : valeur inconnue")
        assert "Vouliez-vous dire « commande-publique » ?" in item
        time.sleep(1)  # the page is waiting for the next build
        (project / "docs" / "experiences" / "cas-lille.md").write_text(BROKEN.replace("<b>commande-publiqe</b>",
                                                                                      "commande-publique"),
                                                                       encoding="utf-8")
        page.wait_for_function("() => document.title.includes('Guide ESS')", timeout=60_000)
        assert "Co-construire" in page.locator("h1").inner_text()
        page.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
