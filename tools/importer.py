"""Import a spreadsheet of case studies: ``./run.sh importer FICHIER`` (.ods, .xlsx or .csv).

One row per experience; the header row names the columns by their field name (``title``,
``regions``…), their French label (« Titre », « Régions »…) or the question of the issue form; one
column per usual section of a case page (« Ce qui a été fait »…). Every row is checked by the build's
own page loading, all before anything is written. Exit 0: one page per row is written into
docs/experiences/ (never over a file), the site is built strictly with them (links and anchors
included; ``--sans-construction`` skips it) and they are listed. Exit 1: the French problems, each naming the file,
the row and the column; nothing is written. See CONTRIBUTING.md, « Ajouter des expériences en nombre ».
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from guide_ess.data import rows  # noqa: E402

import make_issue_forms as forms  # noqa: E402  (the form's questions, accepted as column headers)


def form_aliases() -> dict[str, list[str]]:
    """The questions of the issue form « Proposer une expérience », by field or section."""
    aliases = {name: [question.label, re.sub(r"\s*\(facultatif\)$", "", question.label)]
               for name, question in forms.QUESTIONS.items()}
    return aliases


def built_problems(result: rows.Import, root: Path) -> list[str]:
    """The strict build of the site with the written pages (``./run.sh verifier``): its problems, those of
    the written pages at their row and column. Links and anchors are checked there, not by the core."""
    from engine.verify import check

    findings, _, _ = check((root / "mkdocs.yml").resolve())
    mapped = rows.Import(result.file, result.rows, headers=result.headers)
    rows.map_core_problems(mapped, findings)
    return [str(p) for p in mapped.problems] + [f"  {p}" for p in mapped.site_problems]


def run(path: Path, root: Path = ROOT, build: bool = True) -> int:
    """Check, then write, then (``build``, when ``root`` has the site's configuration) build the site
    strictly with the new pages, removing them if it fails; print what was written or every problem.
    Returns the exit code."""
    docs = root / "docs"
    start = time.monotonic()
    result = rows.check(path, docs, form_aliases())
    if not result.ok:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        if result.site_problems:
            print("Le site lui-même a des erreurs, à corriger avant l'import (./run.sh verifier) :", file=sys.stderr)
            for site_problem in result.site_problems:
                print(f"  {site_problem}", file=sys.stderr)
        count = len(result.problems) + len(result.site_problems)
        print(f"Import refusé : {count} erreur{'s' if count > 1 else ''} ; rien n'a été écrit.", file=sys.stderr)
        return 1
    try:
        written = rows.write(result, docs)
    except OSError as err:
        print(f"Import interrompu : {err} ; rien n'a été écrit.", file=sys.stderr)
        return 1
    checked = ""
    if build and (root / "mkdocs.yml").is_file():
        print(f"{len(written)} pages vérifiées ; construction du site avec elles (./run.sh verifier)…", flush=True)
        problems = built_problems(result, root)
        if problems:
            for page in written:
                page.unlink(missing_ok=True)
            for line in problems:
                print(line, file=sys.stderr)
            print(f"Import refusé : le site ne se construit pas avec ces pages ({len(problems)} erreur"
                  f"{'s' if len(problems) > 1 else ''}) ; les pages ont été retirées, rien n'a été écrit.",
                  file=sys.stderr)
            return 1
        checked = " ; le site se construit avec elles"
    for page in written:
        print(f"  {page.relative_to(root.resolve()).as_posix()}")
    print(f"{len(written)} page{'s' if len(written) > 1 else ''} écrite{'s' if len(written) > 1 else ''} "
          f"({time.monotonic() - start:.1f} s){checked}." + ("" if checked else " Vérifiez le site : ./run.sh verifier"))
    return 0


def main(argv: Sequence[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="./run.sh importer", description="Importer un tableau d'expériences.")
    parser.add_argument("fichier", type=Path, help="tableau .ods, .xlsx ou .csv (une ligne par expérience)")
    parser.add_argument("--sans-construction", action="store_true",
                        help="ne pas construire le site avec les pages écrites (plus rapide ; lancez alors ./run.sh verifier)")
    if not (sys.argv[1:] if argv is None else argv):
        print("Indiquez le tableau à importer : ./run.sh importer experiences.ods (ou .xlsx, ou .csv).", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    return run(args.fichier, root, build=not args.sans_construction)


if __name__ == "__main__":
    sys.exit(main())
