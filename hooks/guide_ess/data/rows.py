"""Import a spreadsheet of case studies: every row becomes a page's text, checked by the core among
the site's own pages (:func:`guide_ess.kinds.load`: schema, vocabularies, references, and every
other rule of the build's page loading), before anything is written.

Each problem names the file, the row as the spreadsheet shows it and the column as its header says
it. What the core cannot know — the header, merged and formula cells, dates, lengths, labels of the
vocabularies, two rows with one identifier — is checked here, cell by cell; a cell reported here is
not reported again from the core.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .. import kinds
from ..content.glossary import GLOSSARY_FILE
from ..content.problems import Problem
from ..content.schema import SLUG
from ..content.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary
from . import cells, sheets
from .columns import ADDRESS_COLUMN, CASE_KIND, Column, columns_of, fold, header_names
from ..text.folding import fold as fold_value
from .ids import slugify
from .page_text import PageText, render

PLACEHOLDER = "ligne-{}"  # the file name checked for a row whose identifier cannot be used


@dataclass(frozen=True, order=True)
class RowProblem:
    """One mistake in the spreadsheet: the file, its row (0: the whole file), its column, what to do."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f", ligne {self.row}" if self.row else "") + \
            (f", colonne « {self.column} »" if self.column else "")
        return f"{where} : {self.message}"


@dataclass
class Row:
    """One row of experience, as the page it becomes."""

    number: int  # as the spreadsheet shows it
    path: str  # relative to docs/: « experiences/<id>.md »
    page: PageText
    reported: set[str] = field(default_factory=set)  # columns with a problem found here
    dates: set[str] = field(default_factory=set)  # columns whose cell was a date


@dataclass
class Import:
    """The rows of a file and every problem found in them (none: the pages may be written)."""

    file: str
    rows: list[Row] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    site_problems: list[Problem] = field(default_factory=list)  # mistakes of the site itself
    headers: dict[str, str] = field(default_factory=dict)  # column key -> its header in the file

    @property
    def ok(self) -> bool:
        return not self.problems and not self.site_problems and bool(self.rows)


def site_pages(docs: Path) -> list[tuple[str, bytes]]:
    """Every page of ``docs`` (path relative to it, bytes), as the build reads them."""
    return [(p.relative_to(docs).as_posix(), p.read_bytes()) for p in sorted(docs.rglob("*.md"))]


def check(path: Path, docs: Path, aliases: Mapping[str, Iterable[str]] | None = None) -> Import:
    """Read ``path`` and check every row as a page of ``docs`` (the site's docs/ folder)."""
    result = Import(path.name)
    columns = columns_of(CASE_KIND)
    names = header_names([*columns, ADDRESS_COLUMN], aliases)
    try:
        sheet = sheets.read(path, lambda header: fold(header) in names)
    except sheets.SheetError as err:
        result.problems.append(RowProblem(path.name, 0, "", str(err)))
        return result
    vocab, vocab_problems = load_vocabulary((docs / VOCABULARY_FILE).read_text(encoding="utf-8"))
    if vocab_problems:
        result.site_problems += vocab_problems
        return result
    existing = site_pages(docs)
    _Reader(result, sheet, columns, names, vocab, {p for p, _ in existing}).read()
    if result.problems and not result.rows:
        return result
    corpus = kinds.load([*existing, *((row.path, row.page.text.encode("utf-8")) for row in result.rows)],
                        (docs / VOCABULARY_FILE).read_text(encoding="utf-8"),
                        (docs / GLOSSARY_FILE).read_text(encoding="utf-8"))
    map_core_problems(result, corpus.problems)
    if not result.rows and not result.problems:
        result.problems.append(RowProblem(path.name, 0, "", "aucune ligne d'expérience sous la ligne des titres de "
                                          "colonnes : remplissez au moins une ligne."))
    result.problems.sort()
    return result


class _Reader:
    """Reads the rows of one sheet into pages and cell problems."""

    def __init__(self, result: Import, sheet: sheets.Sheet, columns: Sequence[Column], names: Mapping[str, Column],
                 vocab: Vocabulary, existing: set[str]) -> None:
        self.result, self.sheet, self.columns, self.names = result, sheet, columns, names
        self.vocab, self.existing = vocab, existing
        self.headers: dict[int, Column] = {}  # index in a row -> column
        self.shown = result.headers
        self.shown.update({c.key: c.label for c in columns})
        self.ids: dict[str, int] = {}  # identifier -> first row using it
        self.by_name: dict[str, dict[str, str]] = {}  # vocabulary -> folded label or identifier -> identifier

    def problem(self, row: int, key_or_header: str, message: str) -> None:
        self.result.problems.append(RowProblem(self.result.file, row, self.shown.get(key_or_header, key_or_header),
                                               message))

    def read(self) -> None:
        rows = self.sheet.rows
        start = next((i for i, r in enumerate(rows) if any(_filled(v) for v in r)), None)
        if start is None:
            self.problem(0, "", "le fichier ne contient aucune valeur : remplissez la ligne des titres de colonnes "
                         "et au moins une ligne d'expérience.")
            return
        if not self.read_header(rows[start], self.sheet.first_row + start + 1):
            return
        for index in range(start + 1, len(rows)):
            values = rows[index]
            if any(_filled(v) for v in values):
                self.read_row(values, self.sheet.first_row + index + 1, self.sheet.first_row + index)

    def read_header(self, header: list[sheets.Value], number: int) -> bool:
        unknown: list[str] = []
        for index, value in enumerate(header):
            name = str(value).strip() if _filled(value) else ""
            if not name:
                continue
            column = self.names.get(fold(name))
            if column is None:
                unknown.append(name)
            elif column in self.headers.values():
                self.problem(number, name, f"deux colonnes pour « {column.label} » : gardez-en une seule.")
            else:
                self.headers[index] = column
                self.shown[column.key] = name
        if unknown:
            self.problem(number, "", "colonne" + ("s" if len(unknown) > 1 else "") + " inconnue"
                         + ("s" if len(unknown) > 1 else "") + " : " + ", ".join(f"« {u} »" for u in unknown)
                         + ". Colonnes attendues : " + ", ".join(f"« {c.label} »" for c in self.columns) + "."
                         + "".join(_suggest_header(u, self.columns) for u in unknown))
        present = set(self.headers.values())
        missing = [c for c in self.columns if c.required and c not in present and c.key != "id"]
        if missing:
            self.problem(number, "", "colonne" + ("s" if len(missing) > 1 else "") + " obligatoire"
                         + ("s" if len(missing) > 1 else "") + " absente" + ("s" if len(missing) > 1 else "")
                         + " : " + ", ".join(f"« {c.label} »" for c in missing) + ". Ajoutez-la au tableau "
                         "(le modèle modele-experiences.ods les contient toutes).")
        return not unknown and not missing and not any(p.row == number for p in self.result.problems)

    def read_row(self, values: list[sheets.Value], number: int, sheet_row: int) -> None:
        row = Row(number, "", PageText("", {}))
        meta: dict[str, Any] = {}
        parts: dict[str, str] = {}
        for index, value in enumerate(values):
            column = self.headers.get(index)
            if column is ADDRESS_COLUMN:
                continue  # the published CSV's address of each page: made by the build, not read back
            if column is None:
                if _filled(value):
                    self.problem(number, "", f"une valeur est dans une colonne sans titre (colonne n° {index + 1 + self.sheet.first_column}) : "
                                 "donnez un titre à la colonne ou videz-la.")
                continue
            position = (sheet_row, index + self.sheet.first_column)
            try:
                if position in self.sheet.formulas:
                    raise cells.CellError("la cellule contient une formule : remplacez-la par sa valeur (Copier, puis "
                                          "Collage spécial > Valeurs seulement).")
                if position in self.sheet.merged:
                    raise cells.CellError("la cellule est fusionnée avec sa voisine : défusionnez-la et écrivez la "
                                          "valeur dans chaque cellule.")
                limit = cells.MAX_LINE if column.is_field else cells.MAX_TEXT
                text, is_date = cells.as_text(value, limit) if _filled(value) else ("", False)
                if is_date:
                    row.dates.add(column.key)
                if column.spec is None:
                    parts[column.key] = text
                elif column.spec.shape == "list":
                    meta[column.key] = self.list_values(column, [cells.one_line(t) for t in cells.split_list(text)])
                else:
                    meta[column.key] = self.vocabulary_value(column, cells.unquoted(cells.one_line(text))) if text else ""
            except cells.CellError as err:
                row.reported.add(column.key)
                self.problem(number, column.key, str(err))
        for column in self.columns:
            if column.required and column.key != "id" and not meta.get(column.key) and column.key not in row.reported:
                row.reported.add(column.key)
                self.problem(number, column.key, f"cellule vide : cette colonne est obligatoire ({column.help}).")
        self.choose_path(row, meta)
        row.page = render(self.columns, meta, parts)
        self.result.rows.append(row)

    def vocabulary_value(self, column: Column, text: str) -> str:
        values = self.list_values(column, [text])
        return values[0] if values else ""

    def list_values(self, column: Column, items: list[str]) -> list[str]:
        """Identifiers for the labels or identifiers of a vocabulary; other lists as they are."""
        spec = column.spec
        if spec is None or not spec.vocabulary:
            return items
        allowed = self.vocab.of(spec.vocabulary)
        by_name = self.by_name.get(spec.vocabulary)
        if by_name is None:
            by_name = {fold_value(label): id_ for id_, label in allowed.items()}
            by_name.update({fold_value(id_): id_ for id_ in allowed})
            self.by_name[spec.vocabulary] = by_name
        ids: list[str] = []
        unknown: list[str] = []
        for item in items:
            found = by_name.get(fold_value(item))
            (ids if found else unknown).append(found or item)
        if unknown:
            shown = list(allowed.values())
            listing = ", ".join(f"« {v} »" for v in shown) if len(shown) <= 30 else ""
            said = " ; ".join(f"« {u} » n'existe pas" + _closest(u, allowed) for u in unknown)
            said += "" if said.endswith("?") else "."
            raise cells.CellError(said + (f" Valeurs permises : {listing}." if listing else ""))
        return ids

    def choose_path(self, row: Row, meta: dict[str, Any]) -> None:
        given = str(meta.get("id") or "")
        page_id = given or (slugify(str(meta["title"])) if meta.get("title") else "")
        key = "id" if given else "title"
        usable = bool(page_id) and bool(SLUG.match(page_id)) and "id" not in row.reported
        if usable and page_id in self.ids:
            row.reported.add(key)
            self.problem(row.number, key, f"l'identifiant « {page_id} »{'' if given else ' (tiré du titre)'} est déjà "
                         f"celui de la ligne {self.ids[page_id]} : deux expériences ne peuvent pas avoir le même "
                         "identifiant. Donnez-en un autre dans la colonne « Identifiant ».")
            usable = False
        elif usable and f"{CASE_KIND.folder}/{page_id}.md" in self.existing:
            row.reported.add(key)
            self.problem(row.number, key, f"l'identifiant « {page_id} »{'' if given else ' (tiré du titre)'} est déjà "
                         f"celui de la page docs/{CASE_KIND.folder}/{page_id}.md. S'il s'agit de la même expérience, "
                         "modifiez cette page ; sinon, donnez un autre identifiant dans la colonne « Identifiant ».")
            usable = False
        if usable:
            self.ids[page_id] = row.number
            meta["id"] = page_id
        else:
            meta["id"] = given or PLACEHOLDER.format(row.number)
            page_id = PLACEHOLDER.format(row.number)
        row.path = f"{CASE_KIND.folder}/{page_id}.md"


def map_core_problems(result: Import, problems: Iterable[Problem]) -> None:
    """Each core problem of an imported page, at its row and column (a field's, or the part of the text
    holding its line); the others are the site's own."""
    by_path = {f"docs/{row.path}": row for row in result.rows}
    fields = {c.key for c in columns_of(CASE_KIND) if c.is_field}
    for problem in problems:
        row = by_path.get(problem.path)
        if row is None:
            result.site_problems.append(problem)
            continue
        key = problem.field if problem.field in fields else \
            next((k for k, (first, last) in row.page.lines.items() if first <= problem.line <= last), "")
        if key in row.reported:
            continue
        message = problem.message
        if key in row.dates:
            message += " (La cellule est au format date : saisissez la valeur comme du texte.)"
        result.problems.append(RowProblem(result.file, row.number, result.headers.get(key, key), message))


def _filled(value: sheets.Value) -> bool:
    return not (isinstance(value, str) and not value.strip())


def _closest(value: str, allowed: Mapping[str, str]) -> str:
    """« ; vouliez-vous dire « Nouvelle-Aquitaine » ? » for the closest label or identifier."""
    choices = {fold_value(label): label for label in allowed.values()}
    choices.update({fold_value(id_): label for id_, label in allowed.items()})
    match = difflib.get_close_matches(fold_value(value), list(choices), n=1, cutoff=0.6)
    return f" ; vouliez-vous dire « {choices[match[0]]} » ?" if match else ""


def _suggest_header(name: str, columns: Sequence[Column]) -> str:
    choices = {fold(c.label): c.label for c in columns}
    match = difflib.get_close_matches(fold(name), list(choices), n=1, cutoff=0.6)
    return f" Pour « {name} », vouliez-vous dire « {choices[match[0]]} » ?" if match else ""


def write(result: Import, docs: Path) -> list[Path]:
    """Write every row's page into docs/experiences/, never over a file; all or nothing."""
    if not result.ok:
        raise ValueError("les lignes ont des erreurs : rien n'est écrit")
    folder = (docs / CASE_KIND.folder).resolve()
    if not folder.is_relative_to(docs.resolve()):
        raise OSError(f"docs/{CASE_KIND.folder}/ mène hors de docs/ (lien symbolique) : rien n'est écrit")
    written: list[Path] = []
    try:
        for row in result.rows:
            target = (docs / row.path).resolve()
            if target.parent != folder or not SLUG.match(target.stem):
                raise OSError(f"{row.path} : chemin hors de docs/{CASE_KIND.folder}/")
            with open(target, "x", encoding="utf-8", newline="\n") as page:
                written.append(target)
                page.write(row.page.text)
    except OSError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written
