import xml.etree.ElementTree as ET

from guide_ess.feed import Entry, atom_feed
from guide_ess.history import Dates, parse_log
from guide_ess.news import french_date

LOG = "\x00300\ndocs/a.md\ndocs/b.md\nREADME.md\n\x00200\ndocs/a.md\n\x00100\ndocs/c.md\n"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_git_log_gives_first_and_last_dates() -> None:
    assert parse_log(LOG, "docs") == {"a.md": Dates(200, 300), "b.md": Dates(300, 300), "c.md": Dates(100, 100)}


def test_french_dates() -> None:
    assert french_date(0) == "1er janvier 1970"
    assert french_date(1_700_000_000) == "14 novembre 2023"


def test_atom_feed_is_well_formed_and_complete() -> None:
    xml = atom_feed("Guide & co", "https://ex.org/", "https://ex.org/feed.xml",
                    [Entry("Titre <b> & \"x\"", "https://ex.org/a/", "Résumé & plus", 100, 200)])
    root = ET.fromstring(xml)
    assert root.tag == f"{ATOM}feed"
    for tag in ("title", "id", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == "Titre <b> & \"x\""
    assert entry.findtext(f"{ATOM}updated") == "1970-01-01T00:03:20Z"
    assert root.findtext(f"{ATOM}updated") == "1970-01-01T00:03:20Z"
