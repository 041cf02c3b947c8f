"""Every page of both builds loads cleanly in a real browser.

Served on 127.0.0.1 and opened from the unzipped offline bundle (file://), each
page must load with no console error, no uncaught exception, no failed request
and no request to anywhere but the site itself (data: and blob: allowed).
All pages of a build are opened in one browser context, a few tabs at a time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pages import (
    Recorder,
    file_pages,
    file_policy,
    html_pages,
    labeller,
    page_has_content,
    served_pages,
    served_policy,
    sitemap_pages,
    visit_all,
)

MIN_PAGES = 50


def test_every_page_is_listed(site: Path, offline_site: Path) -> None:
    """The pages walked on disk are the pages of the sitemap, and both builds have the same pages."""
    walked = html_pages(site)
    assert len(walked) > MIN_PAGES, f"seulement {len(walked)} pages dans le site construit"
    in_sitemap = {p + "index.html" if (p == "" or p.endswith("/")) else p for p in sitemap_pages(site)}
    assert in_sitemap == set(walked), (
        f"pages hors du plan du site : {sorted(set(walked) - in_sitemap)} ; "
        f"plan du site sans page : {sorted(in_sitemap - set(walked))}")
    offline = html_pages(offline_site)
    # Same pages, other names (guides/x.html offline, guides/x/index.html online): same count.
    assert len(offline) == len(walked), f"{len(offline)} pages hors ligne contre {len(walked)} en ligne"


def _check_every_page(browser, urls: list[str], recorder: Recorder, build: str) -> None:
    assert len(urls) > MIN_PAGES, f"seulement {len(urls)} pages à vérifier ({build})"
    context = browser.new_context()
    try:
        visit_all(context, urls, recorder, check=page_has_content)
    finally:
        context.close()
    assert len(recorder.visited) == len(urls)
    assert recorder.requests >= 5 * len(urls), f"trop peu de requêtes vues ({recorder.requests}) : écoute inopérante ?"
    assert not recorder.offences, recorder.report(build)


def test_served_site_every_page_is_clean(browser, site: Path, served_url: str) -> None:
    recorder = Recorder(served_policy(served_url), labeller(served_url))
    _check_every_page(browser, served_pages(site, served_url), recorder, f"Site servi ({served_url})")


def test_offline_bundle_every_page_is_clean(browser, offline_site: Path) -> None:
    base = offline_site.resolve().as_uri() + "/"
    recorder = Recorder(file_policy(offline_site), labeller(base))
    _check_every_page(browser, file_pages(offline_site), recorder, f"Paquet hors ligne ({base})")


# --------------------------------------------------------------------------- the checker itself


BAD_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Mauvaise page</title>
<link rel="stylesheet" href="absente.css"></head>
<body><article><h1>Mauvaise page</h1></article>
<img src="https://tiers.invalid/pixel.png" alt="">
<script>console.error("erreur volontaire");</script>
<script>throw new Error("exception volontaire");</script>
</body></html>
"""


def test_checker_reports_every_kind_of_offence(browser, tmp_path: Path, served_url: str) -> None:
    """The recorder is not blind: a bad page yields each kind of offence, with its page."""
    (tmp_path / "mauvaise.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "bonne.html").write_text(
        '<!doctype html><html lang="fr"><head><title>Bonne</title></head>'
        "<body><article><h1>Bonne</h1></article></body></html>", encoding="utf-8")
    context = browser.new_context()
    context.route("https://tiers.invalid/**", lambda route: route.abort())
    try:
        base = tmp_path.resolve().as_uri() + "/"
        recorder = visit_all(context, file_pages(tmp_path), Recorder(file_policy(tmp_path), labeller(base)))
        served = visit_all(context, [served_url + "page-inexistante/"],
                           Recorder(served_policy(served_url), labeller(served_url)))
    finally:
        context.close()
    kinds = {(o.page, o.kind) for o in recorder.offences}
    for kind in ("requête hors site", "requête échouée", "erreur console", "exception JavaScript"):
        assert ("/mauvaise.html", kind) in kinds, recorder.report("contrôle")
    assert all(o.page == "/mauvaise.html" for o in recorder.offences), recorder.report("contrôle")
    assert any("HTTP 404" in o.detail for o in served.offences), served.report("contrôle 404")
    assert not file_policy(tmp_path)("file:///etc/passwd")
    assert not served_policy("http://127.0.0.1:8000/")("http://127.0.0.1:8001/x")
    assert served_policy("http://127.0.0.1:8000/")("data:image/png;base64,AAAA")
