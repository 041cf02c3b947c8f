"""What the content check shows on GitHub: annotations, job summaries, the pages a pull request changes.

Pure functions (no MkDocs import) that the verifier calls when ``GITHUB_ACTIONS=true``:

- ``annotation``: one workflow command ``::error file=…,line=…,title=…::…``, escaped as the
  Actions runner unescapes it (actions/runner, ``ActionCommand.cs``): ``%``, ``\\r``, ``\\n``
  everywhere, and also ``:`` and ``,`` in properties;
- ``summary_errors`` / ``summary_pages`` / ``summary_preview``: French markdown for
  ``$GITHUB_STEP_SUMMARY``;
- ``changed_pages``: the pages a pull request adds, changes, renames or deletes, with their
  future address under ``SITE_URL``.

Run as a script, it writes the preview summary of the ``site`` workflow:
``python3 tools/github_report.py apercu --pr N --site-url URL --offline-url URL``.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol, Sequence
from urllib.parse import quote

DOCS = "docs/"
MAX_LISTED = 200  # a job summary holds at most 1 MiB: past this, the log has the rest


class ContentProblem(Protocol):
    """A content error as the checker reports it: file (``docs/…``), line (None if unknown), field, message."""

    @property
    def path(self) -> str: ...

    @property
    def line(self) -> int | None: ...

    @property
    def field(self) -> str: ...

    @property
    def message(self) -> str: ...


@dataclass(frozen=True)
class PageChange:
    """One file under docs/ that a pull request touches, and where it will be read once merged."""

    status: str  # "ajoutée", "modifiée", "renommée", "supprimée"
    path: str  # docs/…, the new path for a rename
    url: str | None  # future address; None for a deleted page or a file that is not a page
    old_path: str | None = None  # the former path of a renamed page


# --- workflow commands -------------------------------------------------------------------------

def escape_data(text: str) -> str:
    """Escape the message of a workflow command (after the second ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command (``file=``, ``title=``…)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, line: int | None, title: str, message: str, level: str = "error") -> str:
    """``::error file=PATH,line=N,title=TITLE::MESSAGE``: GitHub shows it on that line of the pull request."""
    if level not in ("error", "warning", "notice"):
        raise ValueError(f"unknown annotation level: {level}")
    props = [f"file={escape_property(path)}"]
    if line is not None and line > 0:
        props.append(f"line={line}")
    if title:
        props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


# --- job summaries -----------------------------------------------------------------------------

def md_text(text: str) -> str:
    """Plain text made safe for one markdown line: markup characters escaped, line breaks removed."""
    flat = " ".join(text.split())
    for char in "\\`*_[]<>|":
        flat = flat.replace(char, "\\" + char)
    return flat


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary_errors(problems: Sequence[ContentProblem]) -> str:
    """The errors of the content, in French, grouped by file, in line order."""
    if not problems:
        return "### Vérification du contenu : aucune erreur\n"
    by_file: dict[str, list[ContentProblem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.path].append(problem)
    lines = [
        f"### Vérification du contenu : {_plural(len(problems), 'erreur', 'erreurs')} à corriger",
        "",
        "Chaque erreur est aussi signalée sur sa ligne, dans l'onglet « Files changed » de la demande "
        "de fusion. Corrigez-les, enregistrez : la vérification se relance toute seule.",
    ]
    listed = 0
    for path in sorted(by_file):
        lines += ["", f"#### `{path}`", ""]
        for problem in sorted(by_file[path], key=lambda p: (p.line or 0, p.field, p.message)):
            if listed == MAX_LISTED:
                break
            where = f"ligne {problem.line}" if problem.line else "fichier entier"
            field = f"champ « {md_text(problem.field)} » : " if problem.field else ""
            lines.append(f"- {where} : {field}{md_text(problem.message)}")
            listed += 1
    if listed < len(problems):
        lines += ["", f"… et {_plural(len(problems) - listed, 'autre erreur', 'autres erreurs')} : "
                  "voir le journal de l'étape."]
    return "\n".join(lines) + "\n"


def summary_pages(changes: Sequence[PageChange]) -> str:
    """The pages a pull request adds or changes, each with the address it will have once merged."""
    lines = ["### Pages ajoutées ou modifiées", ""]
    pages = [c for c in changes if c.url is not None or c.status == "supprimée"]
    others = [c for c in changes if c not in pages]
    if not pages:
        lines.append("Cette demande de fusion ne change aucune page du dossier `docs/`.")
    else:
        lines += ["Après la fusion et la publication, chaque page sera en ligne à l'adresse indiquée.", "",
                  "| Page | Changement | Adresse après la fusion |", "|---|---|---|"]
        for change in pages:
            status = change.status
            if change.old_path:
                status += f" (était `{change.old_path}`)"
            address = f"<{change.url}>" if change.url else "—"
            lines.append(f"| `{change.path}` | {status} | {address} |")
    if others:
        names = ", ".join(f"`{c.path}` ({c.status})" for c in others)
        lines += ["", f"Autres fichiers du dossier `docs/` : {names}."]
    return "\n".join(lines) + "\n"


def run_url(server_url: str, repository: str, run_id: str) -> str:
    """The page of a workflow run; its artifacts are listed at the bottom."""
    return f"{server_url.rstrip('/')}/{repository}/actions/runs/{run_id}"


def preview_artifact_names(pr_number: int) -> tuple[str, str]:
    """Names of the two preview artifacts of a pull request: the site (a folder, zipped by GitHub), and
    the offline zip itself (uploaded unzipped-by-GitHub, so its file name is the artifact's name)."""
    return f"apercu-site-pr-{pr_number}", f"apercu-hors-ligne-pr-{pr_number}.zip"


def summary_preview(pr_number: int, run_page: str, site_url: str | None = None,
                    offline_url: str | None = None) -> str:
    """How a reviewer gets and opens the preview of a pull request."""
    site_name, offline_name = preview_artifact_names(pr_number)

    def link(name: str, url: str | None) -> str:
        return f"[{name}]({url})" if url else f"« {name} »"

    return "\n".join([
        f"### Aperçu de la demande de fusion n° {pr_number}",
        "",
        f"Le site construit avec cette demande est joint à [cette exécution]({run_page}) "
        "(rubrique « Artifacts », en bas de la page) :",
        "",
        f"- {link(offline_name, offline_url)} : la version hors ligne. Téléchargez-la, décompressez-la, "
        "puis ouvrez `guide-ess-collectivites/index.html` dans votre navigateur ; rien à installer.",
        f"- {link(site_name, site_url)} : le site tel qu'il sera publié. Décompressez-le, puis servez le "
        "dossier, par exemple avec `python3 -m http.server`, et ouvrez <http://127.0.0.1:8000/>.",
        "",
        "Il faut être connecté à GitHub pour télécharger un artefact.",
    ]) + "\n"


# --- pages changed by a pull request -----------------------------------------------------------

def page_url(site_url: str, path: str) -> str | None:
    """Future address of ``docs/…/x.md`` (directory URLs, as mkdocs.yml builds); None if not a page."""
    if not path.startswith(DOCS) or not path.endswith(".md"):
        return None
    rel = path[len(DOCS):-len(".md")]
    folder, _, name = rel.rpartition("/")
    if name in ("index", "README"):
        rel = f"{folder}/" if folder else ""
    else:
        rel += "/"
    return site_url.rstrip("/") + "/" + quote(rel, safe="/")


_STATUS = {"A": "ajoutée", "M": "modifiée", "T": "modifiée", "D": "supprimée", "R": "renommée", "C": "ajoutée"}


def parse_name_status(output: str, site_url: str) -> list[PageChange]:
    """Read ``git diff --name-status -z`` output (fields separated by NUL)."""
    fields = output.split("\0")
    changes: list[PageChange] = []
    i = 0
    while i < len(fields) and fields[i]:
        code = fields[i][0]
        if code in ("R", "C"):
            old, new = fields[i + 1], fields[i + 2]
            i += 3
        else:
            old, new = None, fields[i + 1]
            i += 2
        status = _STATUS.get(code, "modifiée")
        url = None if code == "D" else page_url(site_url, new)
        changes.append(PageChange(status, new, url, old if code == "R" else None))
    return sorted(changes, key=lambda c: c.path)


def changed_pages(base: str, site_url: str, repo_dir: Path) -> list[PageChange]:
    """Files under docs/ that HEAD adds or changes since it left ``base`` (``git diff base...HEAD``)."""
    proc = subprocess.run(["git", "diff", "--name-status", "-z", "-M", f"{base}...HEAD", "--", DOCS],
                          cwd=repo_dir, capture_output=True, text=True, check=True)
    return parse_name_status(proc.stdout, site_url)


# --- command line (used by .github/workflows/site.yml) -----------------------------------------

def _append_summary(text: str, env: dict[str, str]) -> None:
    target = env.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(text)
    else:
        sys.stdout.write(text)


def main(argv: Iterable[str] | None = None, env: dict[str, str] | None = None) -> int:
    """``apercu --pr N [--site-url URL] [--offline-url URL]``: add the preview to the job summary."""
    env = dict(os.environ) if env is None else env
    parser = argparse.ArgumentParser(description="Résumé de l'aperçu d'une demande de fusion.")
    sub = parser.add_subparsers(dest="command", required=True)
    preview = sub.add_parser("apercu")
    preview.add_argument("--pr", type=int, required=True)
    preview.add_argument("--site-url", default="")
    preview.add_argument("--offline-url", default="")
    args = parser.parse_args(list(argv) if argv is not None else None)
    page = run_url(env.get("GITHUB_SERVER_URL", "https://github.com"), env.get("GITHUB_REPOSITORY", ""),
                   env.get("GITHUB_RUN_ID", ""))
    _append_summary(summary_preview(args.pr, page, args.site_url or None, args.offline_url or None), env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
