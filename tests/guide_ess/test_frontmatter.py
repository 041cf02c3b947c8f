from guide_ess.content.frontmatter import decode, parse


def test_page_without_front_matter_keeps_its_body() -> None:
    parsed = parse("docs/a.md", "# Titre\n\nTexte.\n")
    assert parsed.meta == {} and parsed.problems == [] and parsed.body.startswith("# Titre")


def test_front_matter_is_split_from_the_body() -> None:
    parsed = parse("docs/a.md", "---\ntitle: Bonjour\nthemes: [a, b]\n---\n\nTexte.\n")
    assert parsed.meta == {"title": "Bonjour", "themes": ["a", "b"]}
    assert parsed.body == "Texte.\n"


def test_invalid_yaml_names_the_line() -> None:
    parsed = parse("docs/a.md", "---\ntitle: ok\nterritoire: Lille: centre\n---\n")
    assert len(parsed.problems) == 1
    assert "docs/a.md" in str(parsed.problems[0]) and "ligne 3" in str(parsed.problems[0])


def test_a_list_is_not_a_front_matter() -> None:
    parsed = parse("docs/a.md", "---\n- a\n---\n")
    assert "liste" in parsed.problems[0].message


def test_unclosed_front_matter_is_reported() -> None:
    assert "jamais fermé" in parse("docs/a.md", "---\ntitle: a\n").problems[0].message


def test_invalid_utf8_gives_the_line() -> None:
    text, problems = decode("docs/a.md", "ligne 1\nligne é\n".encode("latin-1"))
    assert text is None and "ligne 2" in problems[0].message


def test_utf8_bom_is_accepted() -> None:
    text, problems = decode("docs/a.md", "\ufeffbonjour".encode("utf-8"))
    assert text == "bonjour" and problems == []


def test_field_lines_count_the_fences_bom_and_windows_line_ends() -> None:
    text = "\ufeff---\r\nid: a\r\n# un commentaire\r\ntitle: b\r\nthemes:\r\n  - x\r\n---\r\n\r\nTexte.\r\n"
    parsed = parse("docs/a.md", text)
    assert parsed.lines == {"id": 2, "title": 4, "themes": 5}
    assert parsed.line_of("title") == 4 and parsed.line_of("absent") == 1
    assert parsed.body.startswith("Texte.")


def test_problems_carry_their_line() -> None:
    assert parse("docs/a.md", "---\ntitle: ok\nterritoire: Lille: centre\n---\n").problems[0].line == 3
    assert parse("docs/a.md", "---\ntitle: a\n").problems[0].line == 1
    _, problems = decode("docs/a.md", "un\ndeux\ntrois é\n".encode("latin-1"))
    assert problems[0].line == 3 and str(problems[0]).startswith("docs/a.md:3 : ")
