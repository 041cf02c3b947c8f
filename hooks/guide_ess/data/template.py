"""The template spreadsheet, ODS (odfpy) and XLSX (openpyxl), made from the columns and vocabularies.

Sheet « Expériences »: one header per column (fields, then sections), and drop-down lists holding the
French labels of each vocabulary (a list cell may hold several: the list is a help, not a limit).
Sheet « Mode d'emploi »: each column explained in French. Sheet « Listes »: the allowed values.
The bytes are reproducible: fixed dates in the documents' properties and in their zip entries.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Callable, Mapping, Sequence

from ..content.vocabulary import Vocabulary
from .columns import Column

SHEET = "Expériences"
HELP_SHEET = "Mode d'emploi"
LISTS_SHEET = "Listes"
ROWS = 500  # rows that carry the drop-down lists
FIXED_TIME = datetime.datetime(2020, 1, 1)
HELP_HEADER = ("Colonne", "Nom du champ", "Obligatoire", "Ce qu'il faut écrire", "Valeurs permises")
INTRO = ("Une ligne par expérience, dans la feuille « Expériences » ; les colonnes peuvent être dans n'importe quel ordre.",
         "Les colonnes des rubriques (le texte de la page, en Markdown) sont facultatives.",
         "Plusieurs valeurs dans une cellule : une par ligne (Alt+Entrée dans Excel, Ctrl+Entrée dans LibreOffice), "
         "ou séparées par des virgules.",
         "Pas de formule, pas de cellule fusionnée ; les années s'écrivent comme du texte, sans guillemets.",
         "Puis : ./run.sh importer FICHIER, ou envoyez le fichier à un mainteneur du guide.")
HELP_WIDTHS = (28, 24, 12, 70, 70)  # characters, in the sheet « Mode d'emploi »


def help_rows(columns: Sequence[Column], vocab: Vocabulary) -> list[tuple[str, str, str, str, str]]:
    """One line per column for the sheet « Mode d'emploi »."""
    out = []
    for column in columns:
        spec = column.spec
        required = "oui" if column.required and column.key != "id" else "non"
        # The help is written for a page's front matter, where a year is quoted; a cell needs no quotes.
        what = re.sub(r",? entre guillemets", "", column.help)
        what = what[:1].upper() + what[1:] + "."
        if column.key == "id":
            what += " Laissez vide : il est tiré du titre."
        if spec is not None and spec.shape == "list":
            what += " Plusieurs valeurs : une par ligne, ou séparées par des virgules."
        allowed = " ; ".join(vocab.of(spec.vocabulary).values()) if spec is not None and spec.vocabulary else ""
        out.append((column.label, column.key, required, what, allowed))
    return out


def vocabularies_of(columns: Sequence[Column]) -> list[tuple[Column, str]]:
    return [(c, c.spec.vocabulary) for c in columns if c.spec is not None and c.spec.vocabulary]


def _fixed_modified(xml: bytes) -> bytes:
    """openpyxl writes the time of saving as the workbook's modification date: the fixed one instead."""
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), xml)


def _fixed_zip(data: bytes, fix: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same archive with fixed timestamps and permissions (entries kept in order, « mimetype » stored)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            content = source.read(info.filename)
            change = (fix or {}).get(info.filename)
            target.writestr(fixed, change(content) if change is not None else content)
    return out.getvalue()


def _lines(text: str, width: int) -> int:
    """Lines a wrapped cell of ``width`` characters needs (a little margin: letters are not all as wide)."""
    return max(1, -(-len(text) * 11 // (width * 10)))


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx(columns: Sequence[Column], vocab: Vocabulary, epoch: int = 0) -> bytes:
    """The template as an Excel workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append([c.label for c in columns])
    for index, column in enumerate(columns):
        cell = sheet.cell(row=1, column=index + 1)
        cell.font = Font(bold=True)
        sheet.column_dimensions[_column_letter(index)].width = 18 if column.is_field else 40
    sheet.freeze_panes = "A2"
    lists = book.create_sheet(LISTS_SHEET)
    for list_index, (column, name) in enumerate(vocabularies_of(columns)):
        labels = list(vocab.of(name).values())
        letter = _column_letter(list_index)
        lists.cell(row=1, column=list_index + 1, value=column.label).font = Font(bold=True)
        for row, label in enumerate(labels, start=2):
            lists.cell(row=row, column=list_index + 1, value=label)
        lists.column_dimensions[letter].width = 40
        target = _column_letter(columns.index(column))
        validation = DataValidation(type="list", formula1=f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(labels) + 1}",
                                    allow_blank=True, showErrorMessage=False, showInputMessage=True,
                                    promptTitle=column.label[:32],
                                    prompt="Choisissez dans la liste ; plusieurs valeurs : une par ligne."[:255])
        validation.add(f"{target}2:{target}{ROWS + 1}")
        sheet.add_data_validation(validation)
    guide = book.create_sheet(HELP_SHEET, 1)
    for sentence in INTRO:
        guide.append([sentence])
    guide.append([])
    guide.append(list(HELP_HEADER))
    header_row = len(INTRO) + 2
    for cell in guide[header_row]:
        cell.font = Font(bold=True)
    for line in help_rows(columns, vocab):
        guide.append(list(line))
        guide.row_dimensions[guide.max_row].height = 15 * max(_lines(v, w) for v, w in zip(line, HELP_WIDTHS))
    for letter, width in zip("ABCDE", HELP_WIDTHS):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.creator = "Guide ESS & collectivités"
    book.properties.title = "Modèle : expériences à importer"
    book.properties.created = book.properties.modified = FIXED_TIME
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip(out.getvalue(), {"docProps/core.xml": _fixed_modified})


def ods(columns: Sequence[Column], vocab: Vocabulary, epoch: int = 0) -> bytes:
    """The template as an OpenDocument spreadsheet (LibreOffice Calc)."""
    from odf.element import Element
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableCellProperties, TableColumnProperties, TextProperties
    from odf.table import (ContentValidation, ContentValidations, ErrorMessage, HelpMessage, Table, TableCell,
                           TableColumn, TableRow)
    from odf.text import P

    Element.namespaces.clear()  # odfpy keeps the namespaces of every document made in the process: start afresh
    doc = OpenDocumentSpreadsheet()
    bold = Style(name="titre", family="table-cell")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    wrapped = Style(name="texte", family="table-cell")
    wrapped.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    doc.automaticstyles.addElement(wrapped)
    widths = {}
    for name, width in (("etroite", "3.5cm"), ("moyenne", "5cm"), ("large", "8cm"), ("tres-large", "13cm")):
        style = Style(name=name, family="table-column")
        style.addElement(TableColumnProperties(columnwidth=width))
        doc.automaticstyles.addElement(style)
        widths[name] = style

    def cell(value: str, style: Style | None = None) -> TableCell:
        element = TableCell(valuetype="string", stylename=style) if style else TableCell(valuetype="string")
        for line in value.split("\n"):
            element.addElement(P(text=line))
        return element

    validations = ContentValidations()
    names: dict[str, str] = {}
    for column, vocabulary in vocabularies_of(columns):
        labels = ";".join('"' + label.replace('"', '""') + '"' for label in vocab.of(vocabulary).values())
        name = f"liste-{column.key}"
        validation = ContentValidation(name=name, condition=f"of:cell-content-is-in-list({labels})",
                                       allowemptycell="true", displaylist="unsorted")
        help_message = HelpMessage(title=column.label, display="true")
        help_message.addElement(P(text="Choisissez dans la liste ; plusieurs valeurs : une par ligne."))
        validation.addElement(help_message)
        validation.addElement(ErrorMessage(display="false", messagetype="information"))
        validations.addElement(validation)
        names[column.key] = name
    doc.spreadsheet.addElement(validations)

    table = Table(name=SHEET)
    for column in columns:
        table.addElement(TableColumn(stylename=widths["etroite" if column.is_field else "large"]))
    header = TableRow()
    for column in columns:
        header.addElement(cell(column.label, bold))
    table.addElement(header)
    empty = TableRow(numberrowsrepeated=ROWS)
    for column in columns:
        validation_name = names.get(column.key)
        empty.addElement(TableCell(contentvalidationname=validation_name) if validation_name else TableCell())
    table.addElement(empty)
    doc.spreadsheet.addElement(table)

    guide = Table(name=HELP_SHEET)
    for width in ("moyenne", "moyenne", "etroite", "tres-large", "tres-large"):
        guide.addElement(TableColumn(stylename=widths[width]))
    for values, style in [*(((sentence,), None) for sentence in INTRO), ((), None), (HELP_HEADER, bold),
                          *((line, wrapped) for line in help_rows(columns, vocab))]:
        row = TableRow()
        for value in values:
            row.addElement(cell(value, style))
        guide.addElement(row)
    doc.spreadsheet.addElement(guide)

    lists = Table(name=LISTS_SHEET)
    vocabularies = vocabularies_of(columns)
    longest = max((len(vocab.of(v)) for _, v in vocabularies), default=0)
    for _ in vocabularies:
        lists.addElement(TableColumn(stylename=widths["large"]))
    title_row = TableRow()
    for column, _ in vocabularies:
        title_row.addElement(cell(column.label, bold))
    lists.addElement(title_row)
    for index in range(longest):
        row = TableRow()
        for _, vocabulary in vocabularies:
            allowed = list(vocab.of(vocabulary).values())
            row.addElement(cell(allowed[index]) if index < len(allowed) else TableCell())
        lists.addElement(row)
    doc.spreadsheet.addElement(lists)
    out = io.BytesIO()
    doc.write(out)
    return _fixed_zip(out.getvalue())
