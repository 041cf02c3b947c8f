"""``./run.sh importer FICHIER``: a spreadsheet of experiences becomes case pages, or French problems
naming the file, the row and the column, with nothing written.

Every file is a real ODS, XLSX or CSV written by a real library (tests/spreadsheets.py). The rows are
made from a real case page of the site, column by column from the schema: a field added to the case
record is in them too.
"""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

import importer
import spreadsheets
from helpers import ROOT

from guide_ess import kinds
from guide_ess.content.frontmatter import parse
from guide_ess.data import cells, opendata, rows
from guide_ess.data.columns import CASE_KIND, Column, columns_of

COLUMNS = columns_of(CASE_KIND)
BY_KEY = {c.key: c for c in COLUMNS}
FORMATS = (".ods", ".xlsx", ".csv")


def real_corpus(docs: Path = ROOT / "docs") -> Any:
    return kinds.load(rows.site_pages(docs), (docs / ".vocabulaires.yml").read_text(encoding="utf-8"),
                      (docs / ".glossaire.yml").read_text(encoding="utf-8"))


CORPUS = real_corpus()
MODEL = opendata.records(CORPUS, COLUMNS, lambda path: "")[0]  # a real case page, as a row of values


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the real site's docs/ (the import writes into it)."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def cell_of(column: Column, value: Any, labels: bool) -> Any:
    """What a person types in the cell: the labels of a vocabulary rather than its identifiers."""
    if isinstance(value, list):
        spec = column.spec
        if labels and spec is not None and spec.vocabulary:
            value = [CORPUS.vocabulary.of(spec.vocabulary).get(v, v) for v in value]
        return "\n".join(value)
    return value


def table(*changes: dict[str, Any], headers: str = "label", labels: bool = True) -> list[list[Any]]:
    """A header row and one row per ``changes`` (column key -> cell; None leaves the cell empty), made
    from the model row: a new identifier and title each."""
    header = [c.label if headers == "label" else c.key for c in COLUMNS]
    out: list[list[Any]] = [header]
    for n, change in enumerate(changes, start=1):
        values = dict(MODEL, id=f"essai-import-{n}", title=f"Essai d'import n° {n}")
        values.update(change)
        out.append(["" if values.get(c.key) is None else cell_of(c, values[c.key], labels) for c in COLUMNS])
    return out


def run(project: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    before = sorted(p.name for p in (project / "docs" / "experiences").iterdir())
    code = importer.main([str(path)], root=project)
    out, err = capsys.readouterr()
    if code != 0:
        assert sorted(p.name for p in (project / "docs" / "experiences").iterdir()) == before, "rien ne doit être écrit"
    return code, out, err


def front_matter(path: Path) -> dict[str, Any]:
    return parse(str(path), path.read_text(encoding="utf-8")).meta


@pytest.mark.parametrize("suffix", FORMATS)
def test_rows_become_pages_with_identifiers_for_labels(project: Path, tmp_path: Path, suffix: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = spreadsheets.write(tmp_path / f"experiences{suffix}",
                              table({}, {"id": "", "title": "Essai d'import sans identifiant"}))
    code, out, err = run(project, path, capsys)
    assert code == 0, err
    first = project / "docs" / "experiences" / "essai-import-1.md"
    made = project / "docs" / "experiences" / "essai-import-sans-identifiant.md"  # made from the title, as the form does
    assert "docs/experiences/essai-import-1.md" in out and "docs/experiences/essai-import-sans-identifiant.md" in out
    meta = front_matter(first)
    for column in COLUMNS:
        if column.is_field and column.key not in ("id", "title"):
            assert meta.get(column.key) == MODEL[column.key] or (not MODEL[column.key] and column.key not in meta)
    assert meta["title"] == "Essai d'import n° 1" and front_matter(made)["id"] == made.stem
    body = parse(str(first), first.read_text(encoding="utf-8")).body
    for column in COLUMNS:
        if column.heading and MODEL[column.key]:
            assert f"## {column.heading}\n\n{MODEL[column.key]}" in body
    assert real_corpus(project / "docs").problems == []


def test_headers_by_name_label_or_form_question_any_order_case_and_accents_ignored(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows_ = table({})
    header = [column.key.upper() if index % 2 else column.label.lower() for index, column in enumerate(COLUMNS)]
    header[[c.key for c in COLUMNS].index("regions")] = "REGIONS"
    header[[c.key for c in COLUMNS].index("title")] = "Titre de l'expérience"  # the issue form's question
    order = list(reversed(range(len(COLUMNS))))
    shuffled = [[row[i] for i in order] for row in [header, rows_[1]]]
    path = spreadsheets.write_csv(tmp_path / "experiences.csv", shuffled, delimiter=";")
    code, _, err = run(project, path, capsys)
    assert code == 0, err
    assert front_matter(project / "docs" / "experiences" / "essai-import-1.md")["regions"] == MODEL["regions"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_as_excel_writes_it(project: Path, tmp_path: Path, encoding: str, delimiter: str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    title = "Île-de-France : « Œuvres » d'été, n° 2"
    rows_ = table({"title": title, "introduction": ""})
    for column in COLUMNS:  # Windows-1252 holds no « ’ » or « … » the real text may have
        if not column.is_field:
            rows_[1][COLUMNS.index(column)] = "Un texte court, accentué : éàçœ."
    path = spreadsheets.write_csv(tmp_path / "experiences.csv", rows_, encoding=encoding, delimiter=delimiter)
    code, _, err = run(project, path, capsys)
    assert code == 0, err
    assert front_matter(project / "docs" / "experiences" / "essai-import-1.md")["title"] == title


def test_excel_s_separator_line_is_read_and_hidden_as_excel_hides_it(project: Path, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = spreadsheets.write_csv(tmp_path / "e.csv", table({}, {"regions": ["Bretagn"]}), encoding="cp1252",
                                  delimiter=";")
    path.write_bytes(b"sep=;\r\n" + path.read_bytes())
    code, _, err = run(project, path, capsys)
    assert code == 1 and "e.csv, ligne 3, colonne « Régions » : « Bretagn » n'existe pas" in err


def test_blank_rows_are_skipped_and_rows_keep_their_numbers(project: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    rows_ = table({}, {"regions": ["Nouvelle Aquitaine"]})
    rows_.insert(2, [""] * len(COLUMNS))
    rows_.insert(2, ["   "] * len(COLUMNS))
    path = spreadsheets.write_xlsx(tmp_path / "experiences.xlsx", rows_)
    code, _, err = run(project, path, capsys)
    assert code == 1
    assert "experiences.xlsx, ligne 5, colonne « Régions » : « Nouvelle Aquitaine » n'existe pas ; vouliez-vous " \
           "dire « Nouvelle-Aquitaine » ?" in err


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_table_further_down_and_right_keeps_the_rows_and_columns_the_sheet_shows(
        project: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    width = len(COLUMNS) + 1
    rows_ = [[""] * width, [""] * width] + [[""] + row for row in table({}, {}, {"regions": ["Bretagn"]})]
    territory = 1 + [c.key for c in COLUMNS].index("territoire")
    rows_[4][territory] = spreadsheets.Formula('"Ren"&"nes"', 0)
    path = spreadsheets.write(tmp_path / f"e{suffix}", rows_)
    code, _, err = run(project, path, capsys)
    assert code == 1
    assert f"e{suffix}, ligne 5, colonne « Territoire » : la cellule contient une formule" in err
    assert f"e{suffix}, ligne 6, colonne « Régions » : « Bretagn » n'existe pas ; vouliez-vous dire « Bretagne » ?" in err
    assert err.count(f"e{suffix}, ligne") == 2


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_the_sheet_named_experiences_is_read_wherever_it_is(project: Path, tmp_path: Path, suffix: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    territory = [c.key for c in COLUMNS].index("territoire")
    notes = ("Notes", [["Ceci n'est pas le tableau"], ["x"] * territory + ["=1+1"]])  # a formula where « Territoire » is
    rows_ = table({"territoire": spreadsheets.Formula("1+1", 2)})
    path = getattr(spreadsheets, f"write_{suffix[1:]}")(tmp_path / f"e{suffix}", rows_, sheet_name="Expériences",
                                                        before=[notes])
    code, _, err = run(project, path, capsys)
    assert code == 1 and f"e{suffix}, ligne 2, colonne « Territoire » : la cellule contient une formule" in err
    path = getattr(spreadsheets, f"write_{suffix[1:]}")(tmp_path / f"f{suffix}", table({}), sheet_name="Expériences",
                                                        before=[notes])
    code, _, err = run(project, path, capsys)
    assert code == 0, err


def test_a_date_cell_becomes_an_iso_date_the_schema_accepts_or_not(project: Path, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A spreadsheet's date type: an ISO date, as a field whose pattern is a date accepts it (the review date)."""
    from guide_ess.content.schema import ISO_DATE
    dated = [c for c in COLUMNS if c.spec is not None and c.spec.pattern is ISO_DATE]
    if not dated:
        pytest.skip("aucun champ date dans le schéma des expériences")
    day = datetime.date.today() - datetime.timedelta(days=3)
    path = spreadsheets.write_xlsx(tmp_path / "e.xlsx", table({c.key: day for c in dated}))
    code, _, err = run(project, path, capsys)
    assert code == 0, err
    meta = front_matter(project / "docs" / "experiences" / "essai-import-1.md")
    assert all(meta[c.key] == day.isoformat() for c in dated)


def test_trailing_spaces_and_whole_numbers(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = int(str(MODEL["periode"])[:4])
    path = spreadsheets.write_xlsx(tmp_path / "experiences.xlsx",
                                   table({"title": "  Un titre  ", "territoire": "Lille   ", "periode": year}))
    code, _, err = run(project, path, capsys)
    assert code == 0, err
    meta = front_matter(project / "docs" / "experiences" / "essai-import-1.md")
    assert (meta["title"], meta["territoire"], meta["periode"]) == ("Un titre", "Lille", str(year))


def _raw(rows_: list[list[Any]], key: str, value: Any, row: int = 1) -> list[list[Any]]:
    rows_[row][[c.key for c in COLUMNS].index(key)] = value
    return rows_


BIG = "a" * 100_000
Make = Callable[[Path], Path]
# (case, file maker, the fragment of the expected message: file, row and column named)
BAD: list[tuple[str, Make, str]] = [
    ("région inconnue", lambda d: spreadsheets.write_ods(d / "experiences.ods", table({"regions": ["Nouvelle Aquitaine"]})),
     "experiences.ods, ligne 2, colonne « Régions » : « Nouvelle Aquitaine » n'existe pas ; vouliez-vous dire "
     "« Nouvelle-Aquitaine » ?"),
    ("thème inconnu", lambda d: spreadsheets.write_xlsx(d / "experiences.xlsx",
                                                        table({"themes": ["Commande publique responsabe"]})),
     "experiences.xlsx, ligne 2, colonne « Thèmes » : « Commande publique responsabe » n'existe pas ; vouliez-vous "
     "dire « Commande publique responsable » ?"),
    ("titre manquant", lambda d: spreadsheets.write_xlsx(d / "experiences.xlsx", table({}, {"title": None})),
     "experiences.xlsx, ligne 3, colonne « Titre » : cellule vide : cette colonne est obligatoire"),
    ("même identifiant", lambda d: spreadsheets.write_ods(d / "experiences.ods", table({"id": "double"}, {"id": "double"})),
     "experiences.ods, ligne 3, colonne « Identifiant » : l'identifiant « double » est déjà celui de la ligne 2"),
    ("identifiant du site", lambda d: spreadsheets.write_csv(d / "experiences.csv", table({"id": MODEL["id"]})),
     f"experiences.csv, ligne 2, colonne « Identifiant » : l'identifiant « {MODEL['id']} » est déjà celui de la page "
     f"docs/experiences/{MODEL['id']}.md"),
    ("titre déjà pris", lambda d: spreadsheets.write_csv(d / "experiences.csv", table({"id": "", "title": "Lille enercoop"})),
     "experiences.csv, ligne 2, colonne « Titre » : l'identifiant « lille-enercoop » (tiré du titre) est déjà celui"),
    ("période en mois", lambda d: spreadsheets.write_ods(d / "experiences.ods", table({"periode": "mars 2021"})),
     "experiences.ods, ligne 2, colonne « Période » : « mars 2021 » n'est pas une période valide"),
    ("période en date", lambda d: spreadsheets.write_ods(d / "experiences.ods",
                                                         table({"periode": datetime.date(2021, 3, 1)})),
     "experiences.ods, ligne 2, colonne « Période » : « 2021-03-01 » n'est pas une période valide : écrivez une "
     "année"),
    ("cellule de 100 000 caractères", lambda d: spreadsheets.write_ods(d / "experiences.ods",  # XLSX: 32,767 at most
                                                                        table({"ce_qui_a_ete_fait": BIG})),
     "experiences.ods, ligne 2, colonne « Ce qui a été fait » : la cellule contient 100\u202f000 caractères ; au plus "
     "50\u202f000"),
    ("titre de 2 000 caractères", lambda d: spreadsheets.write_csv(d / "experiences.csv", table({"title": "t" * 2000})),
     "experiences.csv, ligne 2, colonne « Titre » : la cellule contient 2\u202f000 caractères"),
    ("formule", lambda d: spreadsheets.write_xlsx(d / "experiences.xlsx",
                                                  _raw(table({}), "territoire", spreadsheets.Formula('"Li"&"lle"'))),
     "experiences.xlsx, ligne 2, colonne « Territoire » : la cellule contient une formule"),
    ("formule ODS", lambda d: spreadsheets.write_ods(d / "experiences.ods",
                                                     _raw(table({}), "periode", spreadsheets.Formula("2000+18", 2018))),
     "experiences.ods, ligne 2, colonne « Période » : la cellule contient une formule"),
    ("cellule fusionnée", lambda d: spreadsheets.write_xlsx(d / "experiences.xlsx", table({}, {}),
                                                            merged=[(1, 3, 2, 3)]),
     "experiences.xlsx, ligne 3, colonne « Territoire » : la cellule est fusionnée"),
    ("cellule fusionnée ODS", lambda d: spreadsheets.write_ods(d / "experiences.ods", table({}, {}),
                                                               merged=[(1, 3, 2, 3)]),
     "experiences.ods, ligne 3, colonne « Territoire » : la cellule est fusionnée"),
    ("colonne inconnue", lambda d: spreadsheets.write_csv(d / "experiences.csv", _raw(table({}), "id", "Numéro", 0)),
     "experiences.csv, ligne 1 : colonne inconnue : « Numéro ». Colonnes attendues : « Identifiant »"),
    ("valeur sans titre de colonne", lambda d: spreadsheets.write_csv(d / "experiences.csv",
                                                                      [r + [""] for r in table({})[:1]]
                                                                      + [r + ["x"] for r in table({})[1:]]),
     f"experiences.csv, ligne 2 : une valeur est dans une colonne sans titre (colonne n° {len(COLUMNS) + 1})"),
    ("deux colonnes pour un champ", lambda d: spreadsheets.write_csv(
        d / "experiences.csv", [r + [r[1]] for r in _raw(table({}), "title", "title", 0)[:1]] + [r + [r[1]] for r in table({})[1:]]),
     "experiences.csv, ligne 1, colonne « title » : deux colonnes pour « Titre » : gardez-en une seule."),
    ("colonne obligatoire absente", lambda d: spreadsheets.write_csv(
        d / "experiences.csv", [r[:1] + r[2:] for r in table({})]),
     "experiences.csv, ligne 1 : colonne obligatoire absente : « Titre »"),
    ("pas un tableur", lambda d: _bytes(d / "experiences.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
     "experiences.xlsx : ce n'est pas un fichier .xlsx"),
    ("zip qui n'est pas un classeur", lambda d: _zip(d / "experiences.ods"),
     "experiences.ods : le fichier ne se lit pas comme un tableur .ods"),
    ("format inconnu", lambda d: _bytes(d / "experiences.pdf", b"%PDF-1.4\n"),
     "experiences.pdf : « .pdf » n'est pas un format de tableur pris en charge"),
    ("fichier vide", lambda d: _bytes(d / "experiences.ods", b""), "experiences.ods : le fichier est vide"),
    ("CSV vide", lambda d: _bytes(d / "experiences.csv", b"\r\n \r\n"), "experiences.csv : le fichier est vide"),
    ("que des titres", lambda d: spreadsheets.write_ods(d / "experiences.ods", table()),
     "experiences.ods : aucune ligne d'expérience sous la ligne des titres"),
    ("protégé par mot de passe", lambda d: spreadsheets.encrypted_xlsx(d / "experiences.xlsx", table({})),
     "experiences.xlsx : le fichier est protégé par un mot de passe"),
    ("ODS protégé par mot de passe", lambda d: _encrypted_ods(d / "experiences.ods"),
     "experiences.ods : le fichier est protégé par un mot de passe"),
    ("ODS protégé par LibreOffice", lambda d: Path(shutil.copy(Path(__file__).parent / "data" / "protege-libreoffice.ods",
                                                               d / "protege.ods")),
     "protege.ods : le fichier est protégé par un mot de passe"),
    ("CSV en encodage inconnu", lambda d: _bytes(d / "experiences.csv", "Titre;Régions\r\nA;B\r\n".encode("utf-8")
                                                 .replace(b"\xc3\xa9", b"\x81\x8d")),
     "experiences.csv : l'encodage du fichier CSV n'est pas reconnu"),
    ("CSV en UTF-16 sans marque", lambda d: _bytes(d / "experiences.csv", "Titre;Régions\r\n".encode("utf-16-le")),
     "experiences.csv : l'encodage du fichier CSV n'est pas reconnu"),
    ("source inconnue", lambda d: spreadsheets.write_csv(d / "experiences.csv", table({"sources": ["source-absente"]})),
     "experiences.csv, ligne 2, colonne « Sources » : valeur inconnue « source-absente »"),
    ("identifiant mal formé", lambda d: spreadsheets.write_csv(d / "experiences.csv", table({"id": "../../etc/passwd"})),
     "experiences.csv, ligne 2, colonne « Identifiant » : « ../../etc/passwd » n'est pas un identifiant valide"),
    ("valeur logique", lambda d: spreadsheets.write_xlsx(d / "experiences.xlsx", _raw(table({}), "territoire", True)),
     "experiences.xlsx, ligne 2, colonne « Territoire » : la cellule est une valeur logique"),
    ("retour à la ligne dans un titre", lambda d: spreadsheets.write_ods(d / "experiences.ods",
                                                                          table({"title": "Deux\nlignes"})),
     "experiences.ods, ligne 2, colonne « Titre » : la valeur doit tenir sur une ligne"),
    ("caractère invisible", lambda d: spreadsheets.write_csv(d / "experiences.csv", table({"territoire": "Li\x07lle"})),
     "experiences.csv, ligne 2, colonne « Territoire » : la cellule contient un caractère invisible (U+0007)"),
]


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path) -> Path:
    import zipfile
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("bonjour.txt", "ceci n'est pas un classeur")
    return path


def _encrypted_ods(path: Path) -> Path:
    """An ODS whose parts are encrypted, as LibreOffice writes one saved with a password: its manifest
    declares ``manifest:encryption-data`` (crafted here: no LibreOffice on this machine)."""
    import zipfile
    spreadsheets.write_ods(path, table({}))
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["META-INF/manifest.xml"] = parts["META-INF/manifest.xml"].replace(
        b'manifest:full-path="content.xml"', b'manifest:full-path="content.xml"><manifest:encryption-data '
        b'manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"/></manifest:file-entry><manifest:file-entry '
        b'manifest:media-type="" manifest:full-path="x"', 1)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.mark.parametrize("case, make, expected", BAD, ids=[case for case, _, _ in BAD])
def test_bad_input_is_refused_naming_file_row_and_column(project: Path, tmp_path: Path, case: str, make: Make,
                                                        expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "entree"
    source.mkdir()
    code, out, err = run(project, make(source), capsys)
    assert code == 1, out
    assert expected in err, err
    assert "rien n'a été écrit" in err
    assert not list((project / "docs").rglob("ligne-*.md"))


def test_unknown_columns_are_named_with_the_expected_ones(project: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    rows_ = table({})
    rows_[0][0] = "Identifiant de la fiche"
    rows_[0][4] = "Regionz"
    code, _, err = run(project, spreadsheets.write_xlsx(tmp_path / "e.xlsx", rows_), capsys)
    assert code == 1
    assert "e.xlsx, ligne 1 : colonnes inconnues : « Identifiant de la fiche », « Regionz ». Colonnes attendues : " \
           + ", ".join(f"« {c.label} »" for c in COLUMNS) + "." in err
    assert "Pour « Regionz », vouliez-vous dire « Régions » ?" in err


def test_every_problem_of_every_row_is_reported_at_once(project: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = spreadsheets.write_ods(tmp_path / "e.ods", table({"regions": ["Bretagn"]}, {}, {"periode": "vers 2020",
                                                                                        "echelons": ["Comune"]}))
    code, _, err = run(project, path, capsys)
    assert code == 1
    assert "e.ods, ligne 2, colonne « Régions »" in err and "ligne 3" not in err
    assert "e.ods, ligne 4, colonne « Période »" in err and "e.ods, ligne 4, colonne « Échelons »" in err
    assert "Import refusé : 3 erreurs" in err


def test_a_formula_looking_cell_from_the_published_csv_reads_back_as_its_text() -> None:
    for text in ["=HYPERLINK(\"x\")", "+33 1 23", "-1", "@SUM(A1)", "\tx", "'=x", "''+x", "'ok", "ok"]:
        safe = cells.safe_for_spreadsheet(text)
        assert safe[:1] not in cells.FORMULA_START
        assert cells.as_text(safe, 100)[0] == text.strip()


def test_a_row_text_goes_through_the_core_page_loading(project: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A cell's Markdown is checked as a page's text is: whatever the core refuses in a page (raw HTML,
    scripts, snippet includes: the content policy), the import refuses at its row and column."""
    probe = kinds.load([("index.md", b"<script>alert(1)</script>\n")], "", "")
    if not any(p.path == "docs/index.md" for p in probe.problems):
        pytest.skip("le cœur n'a pas encore de règle sur le HTML brut des pages (branche safety)")
    path = spreadsheets.write_ods(tmp_path / "e.ods", table(
        {"ce_qui_a_ete_fait": "Bien.\n\n<script>alert(1)</script>"},
        {"qui_et_ou": '--8<-- "/etc/passwd"'},
        {"les_leviers_utilises": "Voir [ici](javascript:alert(1))."}))
    code, _, err = run(project, path, capsys)
    assert code == 1
    assert "e.ods, ligne 2, colonne « Ce qui a été fait » : la balise HTML « <script> » n'est pas permise" in err
    assert "e.ods, ligne 3, colonne « Qui et où » : « /etc/passwd » ne peut pas être inclus dans une page" in err
    assert "e.ods, ligne 4, colonne « Les leviers utilisés » : l'adresse « javascript:alert(1) »" in err


def test_the_text_s_parts_are_at_the_lines_core_problems_name() -> None:
    from guide_ess.data.page_text import render
    parts = {c.key: f"Texte de {c.label}.\n\nSuite." for c in COLUMNS if not c.is_field}
    page = render(COLUMNS, {k: v for k, v in MODEL.items() if BY_KEY.get(k, None) and BY_KEY[k].is_field}, parts)
    lines = page.text.split("\n")
    for key, (first, last) in page.lines.items():
        column = BY_KEY[key]
        if column.is_field:
            assert lines[first - 1].startswith(f"{key}: ")
        else:
            assert lines[last - 1] == "Suite." and (not column.heading or lines[first - 1] == f"## {column.heading}")


def test_headings_in_a_cell_do_not_break_the_page_outline(project: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = spreadsheets.write_csv(tmp_path / "e.csv", table({"qui_et_ou": "# Grand titre\n\n## Autre\n\nTexte."}))
    code, _, err = run(project, path, capsys)
    assert code == 0, err
    text = (project / "docs" / "experiences" / "essai-import-1.md").read_text(encoding="utf-8")
    assert "### Grand titre" in text and "### Autre" in text and "\n# " not in text


def test_ten_thousand_rows_are_checked_and_written(project: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = spreadsheets.write_csv(tmp_path / "e.csv", table(*({} for _ in range(10_000))))
    code, out, err = run(project, path, capsys)
    assert code == 0, err
    assert "10000 pages écrites" in out.replace("\u202f", "")
    assert len(list((project / "docs" / "experiences").glob("essai-import-*.md"))) == 10_000


def test_no_page_is_written_outside_docs_experiences(project: Path, tmp_path: Path) -> None:
    path = spreadsheets.write_csv(tmp_path / "e.csv", table({}))
    result = rows.check(path, project / "docs")
    assert result.ok
    result.rows[0].path = "experiences/../../evade.md"
    with pytest.raises(OSError):
        rows.write(result, project / "docs")
    assert not (project / "evade.md").exists() and not list((project / "docs" / "experiences").glob("essai-*"))


def test_a_case_folder_linked_out_of_docs_is_refused(project: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "ailleurs"
    shutil.move(project / "docs" / "experiences", outside)
    (project / "docs" / "experiences").symlink_to(outside, target_is_directory=True)
    before = sorted(p.name for p in outside.iterdir())
    code = importer.main([str(spreadsheets.write_csv(tmp_path / "e.csv", table({})))], root=project)
    assert code == 1 and "mène hors de docs/" in capsys.readouterr().err
    assert sorted(p.name for p in outside.iterdir()) == before


def test_without_a_file_the_command_says_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    assert importer.main([]) == 2
    assert "./run.sh importer experiences.ods" in capsys.readouterr().err


def test_front_matter_values_read_back_as_written() -> None:
    from guide_ess.data.page_text import front_matter_line
    samples = {str(v) for record in opendata.records(CORPUS, COLUMNS, lambda p: "") for k, v in record.items()
               if BY_KEY.get(k) is not None and BY_KEY[k].is_field and isinstance(v, str)}
    samples |= {item for record in opendata.records(CORPUS, COLUMNS, lambda p: "") for v in record.values()
                if isinstance(v, list) for item in v}
    samples |= {"yes", "No", "2018", "a: b", "a #b", "- x", "[x]", "{x}", "x:", "'x", '"x"', "@x", "`x`", "%x",
                "!x", "&x", "*x", "|x", ">x", "~", "null", ".inf", "0x1F", "1e3", "12:30", "a, b", "é, à"}
    for value in samples:
        for written in (value, [value, "b"]):
            assert yaml.safe_load(front_matter_line("k", written))["k"] == written, written


@pytest.fixture()
def full_project(tmp_path: Path) -> Path:
    """A copy of the whole project (configuration, hooks, theme, pages): the import builds it."""
    project = tmp_path / "projet"
    for folder in ("hooks", "overrides", "docs", "tools"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, project / name)
    return project


def test_the_site_builds_strictly_with_the_imported_pages(full_project: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = spreadsheets.write_ods(tmp_path / "e.ods", table({}, {"id": ""}))
    code, out, err = run(full_project, path, capsys)
    assert code == 0, err
    assert "2 pages écrites" in out and "le site se construit avec elles" in out
    from helpers import run_mkdocs
    built = run_mkdocs(full_project, tmp_path / "site")
    assert built.returncode == 0, built.output
    assert (tmp_path / "site" / "experiences" / "essai-import-1" / "index.html").is_file()


def test_a_broken_link_in_a_cell_stops_the_build_at_its_row_and_column(full_project: Path, tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    cell = "Voir [le guide](../guides/absent.md)."
    path = spreadsheets.write_xlsx(tmp_path / "e.xlsx", table({}, {"les_leviers_utilises": cell}))
    code, _, err = run(full_project, path, capsys)
    assert code == 1
    assert "e.xlsx, ligne 3, colonne « Les leviers utilisés » : le lien « ../guides/absent.md » mène à une page " \
           "qui n'existe pas" in err
    assert "les pages ont été retirées" in err and not list((full_project / "docs").rglob("essai-import-*.md"))
