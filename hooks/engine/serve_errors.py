"""``./run.sh serve`` with a content error: the browser shows the French errors, and reloads once fixed.

``mkdocs serve`` stops at once when its first build fails, and when a later rebuild fails it logs a
traceback and leaves every request waiting (« The server will appear stuck until build errors are
resolved »). :func:`serve` runs MkDocs' own server with a builder that never fails: when the build
stops, the site is replaced by one page that lists the problems (``fichier:ligne : message``) and asks
the server, as MkDocs' live-reload script does (``/livereload/<epoch>/<id>``), to be told of the next
build, then reloads. MkDocs 1.6's ``mkdocs.commands.serve`` calls the module-level name ``build``:
that is the one name replaced, for this process only.
"""
from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any, Callable

from mkdocs.commands import serve as mkdocs_serve
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from guide_ess.core import Problem

from . import build as engine_build
from . import report

ERROR_TITLE = "Le site ne peut pas être construit"
# Ask the server for the current build number, then wait for a newer one and reload (livereload protocol).
_RELOAD = """<script>
(function () {
  function wait(epoch) {
    fetch("/livereload/" + epoch + "/" + Date.now()).then(function (r) { return r.text(); }).then(function (t) {
      if (epoch > 0 && parseFloat(t) > epoch) { location.reload(); } else { wait(parseFloat(t) || epoch); }
    }, function () { setTimeout(function () { wait(epoch); }, 2000); });
  }
  wait(0);
})();
</script>"""


def error_page(problems: list[Problem], other: str = "") -> str:
    """The page shown instead of the site: every problem, escaped (they quote what a contributor wrote)."""
    items = "\n".join(f"<li><code>{html.escape(p.where)}</code> : "
                      f"{html.escape((f'champ « {p.field} » : ' if p.field else '') + p.message)}</li>" for p in problems)
    if other:
        items += (f"\n<li>la construction s'est arrêtée sur une erreur qui n'est pas dans les pages (réglages, "
                  f"fichiers du projet) ; le terminal en dit plus : <code>{html.escape(other)}</code></li>")
    count = len(problems) + (1 if other else 0)
    return f"""<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{ERROR_TITLE}</title>
<style>body{{font:1.05rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
h1{{color:#a00000;font-size:1.5rem}} li{{margin:.6rem 0}} code{{background:#f3f3f3;padding:0 .2rem}}</style>
</head>
<body>
<main>
<h1>{ERROR_TITLE}</h1>
<p>{count} erreur{'s' if count > 1 else ''} à corriger dans le contenu. Corrigez chaque ligne ci-dessous puis
enregistrez le fichier : cette page se recharge toute seule, et le site revient dès qu'il se construit.</p>
<ol>
{items}
</ol>
<p>Les règles d'écriture sont dans CONTRIBUTING.md.</p>
</main>
{_RELOAD}
</body>
</html>
"""


def show_errors(config: MkDocsConfig, err: Exception) -> None:
    """Replace the built site by the error page (at its root, and for every other address as 404.html)."""
    try:
        problems = list(engine_build.of(config).problems)
    except MkDocsException:
        problems = []
    other = "" if problems else (str(err) or type(err).__name__)
    site = Path(config.site_dir)
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True, exist_ok=True)
    page = error_page(problems, other)
    for name in ("index.html", "404.html"):
        (site / name).write_text(page, encoding="utf-8")


def forgiving(build: Callable[..., None]) -> Callable[..., None]:
    """MkDocs' build, which shows the errors in the browser instead of failing."""

    failed = False  # the site was replaced by the error page: the next build is a full one (no dirty build)

    def run(config: MkDocsConfig, **kwargs: Any) -> None:
        nonlocal failed
        if failed:
            kwargs["dirty"] = False
        try:
            build(config, **kwargs)
            failed = False
        except (MkDocsException, OSError, UnicodeDecodeError) as err:
            failed = True
            show_errors(config, err)
            report.log.error("Le site ne se construit pas : les erreurs sont affichées dans le "
                                          "navigateur ; corrigez puis enregistrez.")

    return run


def serve(**options: Any) -> None:
    """``mkdocs serve`` (same options), with the errors in the browser."""
    mkdocs_serve.build = forgiving(mkdocs_serve.build)  # type: ignore[attr-defined]
    mkdocs_serve.serve(**options)
