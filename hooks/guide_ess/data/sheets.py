"""Read the sheet « Expériences » (else the first sheet) of an ODS, XLSX or CSV file into rows of cell values, with what the values
alone do not say: which cells hold a formula, which are part of a merged range.

Files are recognised by their content, not only their name: a password-protected workbook, a file
that is not a spreadsheet, an empty file, a CSV in an unknown encoding each raise :class:`SheetError`
with a French message. ODS and XLSX are read by calamine (PyPI ``python-calamine``: Rust, fast on
ten thousand rows); CSV by the standard library, UTF-8 (with or without a byte-order mark) or
Windows-1252, separated by « ; », « , » or tabulations (detected from the header row).
"""
from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union
from xml.etree import ElementTree

import python_calamine

Value = Union[str, int, float, bool, datetime.date, datetime.datetime, datetime.time, datetime.timedelta]
Position = tuple[int, int]  # (row, column), 0-based, in the whole sheet

MAX_BYTES = 200 * 1024 * 1024
EXTENSIONS = (".ods", ".xlsx", ".csv")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a Compound File: old .xls, or an encrypted OOXML workbook
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
_XLSX_FORMULA = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b')
_SEP_LINE = re.compile(r"sep=([;,\t|])[ \t]*\r?\n")
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


SHEET_NAMES = ("expériences", "experiences")  # the sheet read when a workbook has one so named; else the first


class SheetError(Exception):
    """The file cannot be read as a sheet: the French reason and what to do."""


@dataclass
class Sheet:
    """The used area of a file's first sheet."""

    rows: list[list[Value]]
    first_row: int = 0  # 0-based row of rows[0] in the sheet (the spreadsheet shows first_row + 1)
    first_column: int = 0
    formulas: set[Position] = field(default_factory=set)
    merged: set[Position] = field(default_factory=set)


def read(path: Path, known_header: Callable[[str], bool] = lambda _: False) -> Sheet:
    """The first sheet of ``path``; ``known_header`` tells a CSV's separator from its header row."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise SheetError(f"« {suffix or name} » n'est pas un format de tableur pris en charge : enregistrez le "
                         "tableau en .ods (LibreOffice), .xlsx (Excel) ou .csv.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SheetError(f"le fichier pèse {size // (1024 * 1024)} Mo : au plus {MAX_BYTES // (1024 * 1024)} Mo ; "
                             "découpez-le en plusieurs fichiers.")
        data = path.read_bytes()
    except OSError as err:
        raise SheetError(f"le fichier ne peut pas être lu ({err.strerror or err}).") from None
    if not data.strip():
        raise SheetError("le fichier est vide : il doit contenir au moins la ligne des titres de colonnes et une "
                         "ligne d'expérience.")
    if data.startswith(_OLE):
        if _ENCRYPTED_OOXML in data:
            raise SheetError("le fichier est protégé par un mot de passe : enregistrez-en une copie sans mot de "
                             "passe (Fichier > Propriétés ou Enregistrer sous), puis relancez l'import.")
        raise SheetError("c'est un classeur d'un ancien format (.xls) : enregistrez-le au format .xlsx ou .ods.")
    if suffix == ".csv":
        return _read_csv(data, known_header)
    if not data.startswith(b"PK"):
        raise SheetError(f"ce n'est pas un fichier {suffix} : son contenu n'est pas celui d'un tableur. Ouvrez-le "
                         "dans LibreOffice Calc ou Excel et enregistrez-le au format .ods, .xlsx ou .csv.")
    return _read_workbook(data, suffix)


def _read_workbook(data: bytes, suffix: str) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = set(archive.namelist())
    except zipfile.BadZipFile:
        raise SheetError(f"le fichier {suffix} est abîmé ou incomplet : enregistrez-le à nouveau depuis votre "
                         "tableur.") from None
    with archive:
        if suffix == ".ods" and "META-INF/manifest.xml" in parts and \
                b"encryption-data" in archive.read("META-INF/manifest.xml"):
            raise SheetError("le fichier est protégé par un mot de passe : enregistrez-en une copie sans mot de "
                             "passe (Fichier > Enregistrer sous, sans cocher « Enregistrer avec mot de passe »).")
        try:
            workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            if not workbook.sheet_names:
                raise SheetError("le classeur ne contient aucune feuille.")
            sheet_names = [str(n) for n in workbook.sheet_names]
            index = next((i for i, n in enumerate(sheet_names) if n.strip().casefold() in SHEET_NAMES), 0)
            sheet = workbook.get_sheet_by_index(index)
            rows: list[list[Value]] = sheet.to_python(skip_empty_area=True)
        except SheetError:
            raise
        except Exception as err:  # calamine raises several types for a damaged file
            raise SheetError(f"le fichier ne se lit pas comme un tableur {suffix} ({type(err).__name__}) : "
                             "ouvrez-le dans votre tableur et enregistrez-le à nouveau.") from None
        first_row, first_column = sheet.start or (0, 0)
        result = Sheet(rows, first_row, first_column)
        if suffix == ".xlsx":
            result.merged = {(r, c) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
                             for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
            result.formulas = _xlsx_formulas(archive, index)
        elif "content.xml" in parts:
            result.formulas, result.merged = _ods_marks(archive.read("content.xml"), index)
    return result


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def _xlsx_formulas(archive: zipfile.ZipFile, index: int) -> set[Position]:
    """The cells of the sheet ``index`` that hold a formula (``<f>`` in the sheet's XML)."""
    target = _sheet_part(archive, index)
    if target is None or target not in archive.namelist():
        return set()
    data = archive.read(target)
    if b"<f" not in data and b":f" not in data:
        return set()
    return {(int(row) - 1, _column_index(col)) for col, row in _XLSX_FORMULA.findall(data)}


def _sheet_part(archive: zipfile.ZipFile, index: int) -> str | None:
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return None
    sheets = [e for e in workbook.iter() if e.tag.endswith("}sheet")]
    if index >= len(sheets):
        return None
    sheet = sheets[index]
    rel_id = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
    for rel in rels:
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _ods_marks(content: bytes, index: int = 0) -> tuple[set[Position], set[Position]]:
    """Formula cells and merged cells (spanning or covered) of the table ``index`` of an ODS file."""
    if b"table:formula" not in content and b"spanned" not in content and b"covered-table-cell" not in content:
        return set(), set()
    formulas: set[Position] = set()
    merged: set[Position] = set()
    depth = 0  # tables entered: only the top-level table number ``index`` is read
    tables = 0
    wanted = index + 1
    row = -1
    column = 0
    for event, element in ElementTree.iterparse(io.BytesIO(content), events=("start", "end")):
        tag = element.tag
        if tag == f"{_TABLE}table":
            if event == "start":
                depth += 1
                tables += depth == 1
            else:
                depth -= 1
                if depth == 0 and tables == wanted:
                    break
            continue
        if depth != 1 or tables != wanted:
            continue
        if tag == f"{_TABLE}table-row":
            if event == "start":
                row += 1
                column = 0
            else:
                row += int(element.get(f"{_TABLE}number-rows-repeated", "1")) - 1
                element.clear()
        elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell") and event == "start":
            repeat = int(element.get(f"{_TABLE}number-columns-repeated", "1"))
            if element.get(f"{_TABLE}formula"):
                formulas.update((row, column + i) for i in range(min(repeat, 1024)))
            spanned = max(int(element.get(f"{_TABLE}number-columns-spanned", "1")),
                          int(element.get(f"{_TABLE}number-rows-spanned", "1")))
            if tag.endswith("covered-table-cell") or spanned > 1:
                merged.update((row, column + i) for i in range(min(repeat, 1024)))
            column += repeat
    return formulas, merged


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or Windows-1252 (French Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise SheetError("l'encodage du fichier CSV n'est pas reconnu (ni UTF-8, ni Windows-1252) : "
                                 "enregistrez-le en « CSV UTF-8 » depuis votre tableur.") from None
    if "\x00" in text:
        raise SheetError("l'encodage du fichier CSV n'est pas reconnu (il contient des octets nuls : UTF-16 sans "
                         "marque, ou un fichier qui n'est pas du texte) : enregistrez-le en « CSV UTF-8 ».")
    return text


def _read_csv(data: bytes, known_header: Callable[[str], bool]) -> Sheet:
    text = decode_csv(data)
    declared = _SEP_LINE.match(text)  # « sep=; »: Excel's hint, which Excel hides when it opens the file
    if declared:
        text = text[declared.end():]
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    best, best_score = declared.group(1) if declared else ",", (-1, -1)
    for delimiter in () if declared else (";", ",", "\t"):
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        score = (sum(1 for name in header if known_header(name)), len(header))
        if score > best_score:
            best, best_score = delimiter, score
    try:
        rows: list[list[Value]] = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=best)]
    except csv.Error as err:
        raise SheetError(f"le fichier CSV est mal formé ({err}) : vérifiez les guillemets.") from None
    return Sheet(rows)
