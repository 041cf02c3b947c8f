"""Open data at every build: donnees/experiences.csv, experiences.json and schema.json (Table Schema,
validated by frictionless), the template spreadsheets; and the round trip (the published CSV imported
into a site without its case pages writes them back)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

import importer
import spreadsheets
from helpers import ROOT
from test_importer import COLUMNS, CORPUS, MODEL, cell_of

from guide_ess.content.frontmatter import parse
from guide_ess.data import opendata, rows, template
from guide_ess.data.columns import ADDRESS
from guide_ess.text import publication

NAMES = [c.key for c in COLUMNS] + [ADDRESS]


def published(site: Path, name: str) -> Path:
    path = site / opendata.FOLDER / name
    assert path.is_file(), f"{path} manque dans le site construit"
    return path


def csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_the_csv_has_one_row_per_case_with_the_import_columns_and_its_address(site: Path) -> None:
    path = published(site, "experiences.csv")
    assert path.read_bytes().split(b"\r\n", 1)[0].decode() == ",".join(NAMES)
    table = csv_rows(path)
    assert [row["id"] for row in table] == sorted(CORPUS.cases)
    for row in table:
        case = CORPUS.cases[row["id"]]
        assert row["title"] == case.title and row["regions"].split("\n") == list(case.regions)
        page = row[ADDRESS].removeprefix("http://127.0.0.1:8000/")
        assert (site / page / "index.html").is_file(), row[ADDRESS]


def test_the_json_holds_the_same_records_with_lists(site: Path) -> None:
    items = json.loads(published(site, "experiences.json").read_text(encoding="utf-8"))
    table = csv_rows(published(site, "experiences.csv"))
    assert [item["id"] for item in items] == [row["id"] for row in table]
    for item, row in zip(items, table):
        assert set(item) == set(NAMES)
        for column in COLUMNS:
            value = item[column.key]
            if isinstance(value, list):
                assert value == list(getattr(CORPUS.cases[item["id"]], column.key))
            else:
                assert row[column.key].lstrip("'") == value.lstrip("'")


def test_frictionless_validates_the_published_files_and_catches_a_wrong_value(site: Path, tmp_path: Path) -> None:
    from frictionless import Resource, Schema

    schema_path = published(site, "schema.json")
    descriptor = json.loads(schema_path.read_text(encoding="utf-8"))
    schema = Schema.from_descriptor(descriptor)
    report = Resource(path="experiences.csv", basepath=str(schema_path.parent), schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    table = csv_rows(published(site, "experiences.csv"))
    table[0]["regions"] = "nouvelle aquitaine"
    table[1]["id"] = table[0]["id"]
    table[2]["periode"] = "mars 2021"
    table[3]["title"] = ""
    broken = tmp_path / "experiences.csv"
    with broken.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, NAMES)
        writer.writeheader()
        writer.writerows(table)
    errors = Resource(path=broken.name, basepath=str(tmp_path), schema=schema).validate().flatten(
        ["rowNumber", "fieldName", "type"])
    assert [2, "regions", "constraint-error"] in errors and [3, "id", "unique-error"] in errors
    assert [4, "periode", "constraint-error"] in errors and [5, "title", "constraint-error"] in errors


def test_the_schema_describes_every_column_in_french(site: Path) -> None:
    schema = json.loads(published(site, "schema.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in schema["fields"]] == NAMES
    assert schema["primaryKey"] == ["id"] and schema["countryCode"] == "FR" and "licenses" not in schema
    for field, column in zip(schema["fields"], COLUMNS):
        assert field["title"] == column.label and field["type"] == "string" and field["description"]
        assert field["constraints"]["required"] == column.required
        spec = column.spec
        if spec is not None and spec.vocabulary:
            for id_, label in CORPUS.vocabulary.of(spec.vocabulary).items():
                assert f"`{id_}` : {label}" in field["description"]
                assert id_ in field["constraints"].get("pattern", "") + " ".join(field["constraints"].get("enum", []))


def test_the_data_licence_is_the_publisher_s_setting_never_invented(site: Path) -> None:
    page = (site / "donnees-ouvertes" / "index.html").read_text(encoding="utf-8")
    assert "Licence à choisir par l" in page and "GUIDE_LICENCE_DONNEES" in page
    schema = opendata.table_schema(COLUMNS, CORPUS.vocabulary, "https://exemple.fr/", "Licence Ouverte 2.0")
    assert schema["licenses"] == [{"title": "Licence Ouverte 2.0"}]
    filled = publication.fill_settings(publication.DATA_LICENCE_MARKER, "", "", "Licence Ouverte 2.0")
    assert "Licence Ouverte 2.0" in filled and "à choisir" not in filled


def test_the_open_data_page_links_every_file_and_the_menu_reaches_it(site: Path) -> None:
    page = (site / "donnees-ouvertes" / "index.html").read_text(encoding="utf-8")
    for name in ("experiences.csv", "experiences.json", "schema.json", "modele-experiences.ods",
                 "modele-experiences.xlsx"):
        assert f'href="../donnees/{name}"' in page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="donnees-ouvertes/"' in home
    contribute = (site / "contribuer" / "index.html").read_text(encoding="utf-8")
    assert 'href="../donnees/modele-experiences.ods"' in contribute


def test_no_published_cell_starts_like_a_formula(site: Path) -> None:
    for row in csv_rows(published(site, "experiences.csv")):
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r")
    items = [dict(MODEL, title="=HYPERLINK(\"http://x\")", acteurs=["-1", "@x"])]
    text = opendata.csv_bytes(items, COLUMNS).decode("utf-8")
    assert "'=HYPERLINK" in text and "'-1" in text


def test_round_trip_the_published_csv_writes_back_every_case_page(site: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    cases = sorted(CORPUS.cases.values(), key=lambda c: c.id)
    for case in cases:
        (tmp_path / "docs" / case.path).unlink()
    assert importer.main([str(published(site, "experiences.csv"))], root=tmp_path) == 0, capsys.readouterr().err
    for case in cases:
        original = parse(case.path, (ROOT / "docs" / case.path).read_text(encoding="utf-8"))
        written = parse(case.path, (tmp_path / "docs" / case.path).read_text(encoding="utf-8"))
        assert written.meta == original.meta, case.path
        assert written.body.split() == original.body.split(), case.path


def test_the_template_spreadsheets_are_made_from_the_schema(site: Path) -> None:
    assert published(site, "modele-experiences.ods").read_bytes() == template.ods(COLUMNS, CORPUS.vocabulary)
    assert published(site, "modele-experiences.xlsx").read_bytes() == template.xlsx(COLUMNS, CORPUS.vocabulary)
    import python_calamine
    for name in ("modele-experiences.ods", "modele-experiences.xlsx"):
        book = python_calamine.CalamineWorkbook.from_path(str(published(site, name)))
        assert book.sheet_names == [template.SHEET, template.HELP_SHEET, template.LISTS_SHEET]
        assert book.get_sheet_by_index(0).to_python()[0] == [c.label for c in COLUMNS]
        help_rows = book.get_sheet_by_name(template.HELP_SHEET).to_python()
        first = len(template.INTRO) + 2  # the introduction, a blank row, the header
        assert help_rows[first - 1][:len(template.HELP_HEADER)] == list(template.HELP_HEADER)
        assert [r[0] for r in help_rows[first:]] == [c.label for c in COLUMNS]
        assert [r[1] for r in help_rows[first:]] == [c.key for c in COLUMNS]


def test_the_template_has_a_drop_down_of_french_labels_for_each_vocabulary(site: Path) -> None:
    from openpyxl import load_workbook
    book = load_workbook(published(site, "modele-experiences.xlsx"))
    sheet, lists = book[template.SHEET], book[template.LISTS_SHEET]
    vocabularies = [(c, c.spec.vocabulary) for c in COLUMNS if c.spec is not None and c.spec.vocabulary]
    assert vocabularies
    validations = sheet.data_validations.dataValidation
    assert len(validations) == len(vocabularies)
    for validation, (column, vocabulary) in zip(validations, vocabularies):
        letter = template._column_letter(COLUMNS.index(column))
        assert str(validation.sqref) == f"{letter}2:{letter}{template.ROWS + 1}" and validation.type == "list"
        area = validation.formula1.split("!", 1)[1].replace("$", "")
        assert [c.value for row in lists[area] for c in row] == list(CORPUS.vocabulary.of(vocabulary).values())
    from xml.etree import ElementTree
    with zipfile.ZipFile(published(site, "modele-experiences.ods")) as archive:
        content = ElementTree.fromstring(archive.read("content.xml"))
    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    conditions = {v.get(f"{table}name"): v.get(f"{table}condition") for v in content.iter(f"{table}content-validation")}
    sheet = next(t for t in content.iter(f"{table}table") if t.get(f"{table}name") == template.SHEET)
    cells = list(sheet.iter(f"{table}table-row"))[1].findall(f"{table}table-cell")
    assert len(cells) == len(COLUMNS)
    for column, vocabulary in vocabularies:
        labels = ";".join(f'"{label}"' for label in CORPUS.vocabulary.of(vocabulary).values())
        assert conditions[f"liste-{column.key}"] == f"of:cell-content-is-in-list({labels})"
        assert cells[COLUMNS.index(column)].get(f"{table}content-validation-name") == f"liste-{column.key}"


def test_the_template_bytes_do_not_depend_on_time_or_on_earlier_documents(tmp_path: Path) -> None:
    first = template.ods(COLUMNS, CORPUS.vocabulary), template.xlsx(COLUMNS, CORPUS.vocabulary)
    spreadsheets.write_ods(tmp_path / "autre.ods", [["a", 1]])  # odfpy keeps state between documents
    assert (template.ods(COLUMNS, CORPUS.vocabulary), template.xlsx(COLUMNS, CORPUS.vocabulary)) == first
    with zipfile.ZipFile(io.BytesIO(first[0])) as archive:
        assert archive.namelist()[0] == "mimetype" and archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert {info.date_time for info in archive.infolist()} == {template.FIXED_TIME.timetuple()[:6]}


def _filled_row() -> list[Any]:
    values = dict(MODEL, id="", title="Rempli à la main dans le modèle")
    return [cell_of(c, values[c.key], labels=True) for c in COLUMNS]


def test_the_xlsx_template_filled_in_by_hand_imports_cleanly(site: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook
    book = load_workbook(published(site, "modele-experiences.xlsx"))
    for index, value in enumerate(_filled_row(), start=1):
        book[template.SHEET].cell(row=2, column=index, value=value or None)
    book.save(tmp_path / "rempli.xlsx")
    _imports_cleanly(tmp_path / "rempli.xlsx", tmp_path, capsys)


def test_the_ods_template_filled_in_by_hand_imports_cleanly(site: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = load(str(published(site, "modele-experiences.ods")))
    sheet = next(t for t in doc.spreadsheet.getElementsByType(Table) if t.getAttribute("name") == template.SHEET)
    header = sheet.getElementsByType(TableRow)[0]
    row = TableRow()
    for value in _filled_row():
        cell = TableCell(valuetype="string") if value else TableCell()
        for line in str(value).split("\n") if value else []:
            cell.addElement(P(text=line))
        row.addElement(cell)
    sheet.insertBefore(row, header.nextSibling)
    doc.save(str(tmp_path / "rempli.ods"))
    _imports_cleanly(tmp_path / "rempli.ods", tmp_path, capsys)


def _imports_cleanly(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    assert importer.main([str(path)], root=tmp_path) == 0, capsys.readouterr().err
    page = tmp_path / "docs" / "experiences" / "rempli-main-modele.md"
    meta = parse(str(page), page.read_text(encoding="utf-8")).meta
    assert meta["title"] == "Rempli à la main dans le modèle" and meta["regions"] == MODEL["regions"]
    assert rows.site_pages(tmp_path / "docs")
