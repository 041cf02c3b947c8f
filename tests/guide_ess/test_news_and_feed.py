"""Dates from git history, « Nouveautés » and the Atom feed."""
import xml.etree.ElementTree as ET

from guide_ess_corpus import fixture_corpus

from guide_ess.content.history import Dates, parse_log
from guide_ess.links.graph import build_graph
from guide_ess.views.feed import Entry, feed_block, site_feed
from guide_ess.views.model import Site
from guide_ess.views.news import french_date, recent_changes
from guide_ess.views.renderer import Renderer

LOG = "\x00300\ndocs/a.md\ndocs/b.md\nREADME.md\n\x00200\ndocs/a.md\n\x00100\ndocs/c.md\n"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_git_log_gives_first_and_last_dates() -> None:
    assert parse_log(LOG, "docs") == {"a.md": Dates(200, 300), "b.md": Dates(300, 300), "c.md": Dates(100, 100)}


def test_french_dates() -> None:
    assert french_date(0) == "1er janvier 1970"
    assert french_date(1_700_000_000) == "14 novembre 2023"


def test_atom_feed_is_well_formed_and_complete() -> None:
    xml = Renderer().render(feed_block("Guide & co", "https://ex.org", [Entry("Titre <b> & \"x\"", "https://ex.org/a/?b=1&c=2",
                                                                            "Résumé & l'ESS", 100, 200)]))
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed" and root.findtext(f"{ATOM}id") == "https://ex.org/feed.xml"
    for tag in ("title", "id", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == "Titre <b> & \"x\""
    assert entry.findtext(f"{ATOM}summary") == "Résumé & l'ESS"
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href") == "https://ex.org/a/?b=1&c=2"
    assert entry.findtext(f"{ATOM}updated") == "1970-01-01T00:03:20Z"
    assert root.findtext(f"{ATOM}updated") == "1970-01-01T00:03:20Z"


def test_recent_changes_newest_first_and_only_built_pages_in_the_feed() -> None:
    corpus = fixture_corpus()
    dates = {"experiences/cas-lille.md": Dates(100, 300), "guides/cooperation.md": Dates(200, 200),
             "experiences/cas-metz.md": Dates(100, 200), "index.md": Dates(50, 400)}
    changes = recent_changes(corpus, dates)
    assert [c.path for c in changes] == ["experiences/cas-lille.md", "experiences/cas-metz.md", "guides/cooperation.md"]
    site = Site(corpus, build_graph(corpus), True, dates)
    xml = Renderer().render(site_feed(site, "Essai", "https://ex.org/x/",
                                      lambda path: None if "metz" in path else path[:-3] + "/"))
    urls = [e.findtext(f"{ATOM}id") for e in ET.fromstring(xml).iter(f"{ATOM}entry")]
    assert urls == ["https://ex.org/x/experiences/cas-lille/", "https://ex.org/x/guides/cooperation/"]
