"""MkDocs' link warnings, parsed in the format MkDocs 1.6 writes and told in French at the link's line."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from engine.links import LOGGER, LinkWarnings, line_of_link, parse_warning

WARNINGS = {
    "not_found": "Doc file 'guides/a.md' contains a link 'b.md', but the target 'guides/b.md' is not found among "
                 "documentation files. Did you mean 'c.md'?",
    "unrecognized": "Doc file 'guides/a.md' contains an unrecognized relative link 'b', it was left as is.",
    "absolute": "Doc file 'guides/a.md' contains an absolute link '/b.md', it was left as is.",
    "anchor_here": "Doc file 'guides/a.md' contains a link '#x', but there is no such anchor on this page.",
    "anchor_there": "Doc file 'guides/a.md' contains a link 'c.md#x', but the doc 'guides/c.md' does not contain "
                    "an anchor '#x'.",
}


@pytest.mark.parametrize("kind", sorted(WARNINGS))
def test_each_warning_of_mkdocs_is_recognised(kind: str) -> None:
    parsed = parse_warning(WARNINGS[kind])
    assert parsed is not None and parsed[0] == kind and parsed[1]["src"] == "guides/a.md"


def test_other_messages_are_left_alone() -> None:
    assert parse_warning("Doc file 'a.md' contains a link to 'b.md' which is excluded from the built site.") is None


def test_the_line_is_that_of_the_link_as_written() -> None:
    text = "---\ntitle: t\n---\n\nVoir b.md ici.\n\nUn [lien](b.md#x) et [autre](b.md).\n"
    assert line_of_link(text, "b.md#x") == 7 and line_of_link(text, "b.md") == 7 and line_of_link(text, "z.md") == 0


def test_the_filter_takes_warnings_out_of_the_log_and_keeps_french_problems(tmp_path: Path,
                                                                             caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "a.md").write_bytes("\ufeff---\r\ntitle: a\r\n---\r\n\r\nVoir [c](c.md#x).\r\n".encode())
    warnings = LinkWarnings(tmp_path)
    warnings.attach()
    try:
        with caplog.at_level(logging.INFO, logger=LOGGER):
            logging.getLogger(LOGGER).warning(WARNINGS["anchor_there"])
            logging.getLogger(LOGGER).warning("Un autre avertissement.")
            logging.getLogger(LOGGER).info(WARNINGS["absolute"])  # below WARNING: not a problem
    finally:
        warnings.detach()
    assert [r.getMessage() for r in caplog.records] == ["Un autre avertissement.", WARNINGS["absolute"]]
    [problem] = warnings.problems
    assert problem.path == "docs/guides/a.md" and problem.line == 5
    assert str(problem).startswith("docs/guides/a.md:5 : le lien « c.md#x » vise l'intertitre « #x », absent de docs/guides/c.md")


def test_a_new_build_takes_off_a_filter_left_behind() -> None:
    old, new = LinkWarnings(Path(".")), LinkWarnings(Path("."))
    old.attach()
    new.attach()
    try:
        assert [f for f in logging.getLogger(LOGGER).filters if isinstance(f, LinkWarnings)] == [new]
    finally:
        new.detach()
