"""Real spreadsheet files for the tests, written by real libraries: openpyxl (XLSX), odfpy (ODS), the
standard library (CSV). A cell is a text, a number, a date, or a :class:`Formula`; ``merged`` names
ranges of cells (first row, first column, last row, last column; 0-based) to merge."""
from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence


@dataclass(frozen=True)
class Formula:
    text: str  # without its « = »: « 1+2 »
    value: float = 0


Merge = tuple[int, int, int, int]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], merged: Sequence[Merge] = (),
               sheet_name: str = "Feuille1", before: Sequence[tuple[str, Sequence[Sequence[Any]]]] = ()) -> Path:
    """``rows`` in a sheet named ``sheet_name``, after the sheets ``before`` (name, rows)."""
    from openpyxl import Workbook
    book = Workbook()
    first = book.active
    assert first is not None
    for name, other in before:
        extra = book.create_sheet(name)
        for row in other:
            extra.append(list(row))
    book.remove(first)
    sheet = book.create_sheet(sheet_name)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, Formula):
                value = "=" + value.text
            if value != "" and value is not None:
                sheet.cell(row=r, column=c, value=value)
    for r0, c0, r1, c1 in merged:
        sheet.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    book.save(path)
    return path


def write_ods(path: Path, rows: Sequence[Sequence[Any]], merged: Sequence[Merge] = (),
              sheet_name: str = "Feuille1", before: Sequence[tuple[str, Sequence[Sequence[Any]]]] = ()) -> Path:
    """``rows`` in a sheet named ``sheet_name``, after the sheets ``before`` (name, rows)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merged}
    covered = {(r, c) for r0, c0, r1, c1 in merged for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - set(spans)
    doc = OpenDocumentSpreadsheet()
    for name, other in before:
        extra = Table(name=name)
        for row in other:
            element = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                element.addElement(cell)
            extra.addElement(element)
        doc.spreadsheet.addElement(extra)
    table = Table(name=sheet_name)
    for r, row in enumerate(rows):
        element = TableRow()
        for c, value in enumerate(row):
            if (r, c) in covered:
                element.addElement(CoveredTableCell())
                continue
            attributes: dict[str, Any] = {}
            if (r, c) in spans:
                attributes.update(numberrowsspanned=spans[r, c][0], numbercolumnsspanned=spans[r, c][1])
            if isinstance(value, Formula):
                cell = TableCell(valuetype="float", value=str(value.value), formula="of:=" + value.text, **attributes)
                cell.addElement(P(text=str(value.value)))
            elif isinstance(value, datetime.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attributes)
                cell.addElement(P(text=value.strftime("%d/%m/%Y")))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=str(value), **attributes)
                cell.addElement(P(text=str(value)))
            elif value in ("", None):
                cell = TableCell(**attributes)
            else:
                cell = TableCell(valuetype="string", **attributes)
                for line in str(value).split("\n"):
                    cell.addElement(P(text=line))
            element.addElement(cell)
        table.addElement(element)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "utf-8", delimiter: str = ",",
              line_end: str = "\r\n") -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerows(
        [["" if v is None else str(v) for v in row] for row in rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write(path: Path, rows: Sequence[Sequence[Any]], merged: Sequence[Merge] = ()) -> Path:
    """The file named by ``path``'s extension."""
    writer = {".xlsx": write_xlsx, ".ods": write_ods}.get(path.suffix)
    if writer is not None:
        return writer(path, rows, merged)
    return write_csv(path, rows)


def encrypted_xlsx(path: Path, rows: Sequence[Sequence[Any]], password: str = "secret") -> Path:
    """A password-protected workbook, encrypted by msoffcrypto-tool (ECMA-376 agile encryption, as Excel does)."""
    import msoffcrypto.format.ooxml

    plain = write_xlsx(path.with_name("clair-" + path.name), rows)
    with plain.open("rb") as source, path.open("wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt(password, target)
    plain.unlink()
    return path
