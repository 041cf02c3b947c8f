"""Pages to review: checked more than 12 months ago (a warning of ./run.sh verifier, not an error)."""
import datetime

from guide_ess_corpus import fixture_corpus
from helpers import fixture_text

from guide_ess.content.review import months_before, stale_pages
from guide_ess.text.dates import french_iso_date

TODAY = datetime.date(2026, 12, 2)


def test_twelve_months_before_keeps_the_day_or_takes_the_last_of_a_shorter_month() -> None:
    assert months_before(TODAY, 12) == datetime.date(2025, 12, 2)
    assert months_before(datetime.date(2028, 2, 29), 12) == datetime.date(2027, 2, 28)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)


def test_only_pages_checked_before_the_limit_are_listed_oldest_first_at_the_line_of_the_field() -> None:
    def corpus_with(lille: str) -> list[tuple[str, int]]:
        changed = fixture_text("experiences/cas-lille.md").replace('verifie_le: "2026-12-02"', f'verifie_le: "{lille}"')
        found = stale_pages(fixture_corpus({"experiences/cas-lille.md": changed}), TODAY)
        return [(p.path, p.line) for p in found]

    assert corpus_with("2025-12-02") == [("docs/experiences/cas-metz.md", 12)]  # exactly 12 months: not yet
    assert corpus_with("2025-12-01") == [("docs/experiences/cas-metz.md", 12), ("docs/experiences/cas-lille.md", 13)]
    assert corpus_with("2023-01-01")[0] == ("docs/experiences/cas-lille.md", 13)


def test_the_warning_says_when_and_what_to_do() -> None:
    (warning,) = stale_pages(fixture_corpus(), TODAY)
    assert warning.field == "verifie_le" and "15 mars 2024" in warning.message
    assert "Ce qui a changé depuis les sources" in warning.message and 'verifie_le: "2026-12-02"' in warning.message


def test_french_dates() -> None:
    assert french_iso_date("2026-12-02") == "2 décembre 2026"
    assert french_iso_date("2023-01-01") == "1er janvier 2023"
    assert french_iso_date("2019-04-01") == "1er avril 2019"

