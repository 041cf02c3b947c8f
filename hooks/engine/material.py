"""The contract with MkDocs and Material: what the hooks and overrides rely on, checked by a test.

This is the checklist for an upgrade of MkDocs or Material. ``tests/engine/
test_material_contract.py`` fails when an installed version differs from the one
recorded here, when a template we copied has changed upstream, or when an event
priority no longer falls where the hooks need it. After an upgrade: re-read each
item below against the new version, re-apply our changes to the copied templates,
update the hashes and versions, and run the whole test suite (the search and
light-copy tests especially).

End of life, and the plan (README, « Versions figées ») — as of December 2026:

- **Material for MkDocs** 9.7.0 was its last feature release; its SECURITY.md promises security
  fixes for the latest stable release only, until its end of life on :data:`MATERIAL_END_OF_LIFE`
  (5 May 2027). After that date nothing is fixed upstream: the site keeps the last 9.8.x, pinned,
  whose templates it already overrides where it matters (:data:`COPIED_TEMPLATES`), and fixes what
  it must in ``overrides/`` and ``theme_markup.py``.
- **MkDocs** 1.6.1 has had no release since; MkDocs 2.0 has no plugin system and reads no existing
  mkdocs.yml. **ProperDocs** (:data:`PROPERDOCS_VERSION`) continues MkDocs 1.x: the same site builds
  with it from the same mkdocs.yml, hooks and overrides (``./run.sh build --moteur properdocs``,
  tested, and a CI job); ``benchmarks/results/engines.md`` lists what differs. If MkDocs stops
  installing or working, switch the commands of run.sh to ProperDocs.
- **Zensical** (Material's successor) reads mkdocs.yml but runs no hooks today: tried and written
  down in ``benchmarks/results/engines.md``; the core (``guide_ess/``, one call:
  ``guide_ess.core.build_site``) is what a move would keep.

``./run.sh`` prints :func:`end_of_life_notice` once per command from :data:`NOTICE_FROM` on (six
months before the end of life). Material's own banner is silenced (``NO_MKDOCS_2_WARNING=1``): it prints
at every build, in English, and points at a migration that cannot run this site's hooks.
"""
from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass

MKDOCS_VERSION = "1.6.1"
MATERIAL_VERSION = "9.8.2"
MATERIAL_END_OF_LIFE = datetime.date(2027, 5, 5)  # Material's SECURITY.md and its build banner
PROPERDOCS_VERSION = "1.6.7"  # the second engine (PyPI properdocs), a continuation of MkDocs 1.x
# ./run.sh prints the notice from six months before the end of life (5 November 2026).
NOTICE_FROM = datetime.date(MATERIAL_END_OF_LIFE.year - (MATERIAL_END_OF_LIFE.month <= 6),
                            (MATERIAL_END_OF_LIFE.month - 7) % 12 + 1, MATERIAL_END_OF_LIFE.day)
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
# The search engine. docs/assets/javascripts/recherche.js loads it from file:// by standing in
# for fetch() under its index folder and importing pagefind.js from a blob: address with an
# explicit basePath, and starts its worker from a blob: address; engine/search.py reads which files it
# writes. The npm package is pinned in tools/pagefind/package.json and package-lock.json (an upgrade:
# `npm install --package-lock-only --ignore-scripts pagefind@X` there, then this line). After an upgrade,
# run tests/browser/test_offline_smoke.py, test_offline_worker.py and test_search_quality.py.
PAGEFIND_VERSION = "1.6.0"


class Priority:
    """Event priorities of the hooks, relative to the plugins (MkDocs runs higher first; default 0)."""

    # page.meta set from our parse of the front matter before any plugin reads it.
    PAGE_MARKDOWN = 100


@dataclass(frozen=True)
class CopiedTemplate:
    """A template of Material we copied into overrides/ and changed: the upstream file and its hash."""

    ours: str  # under overrides/
    upstream: str  # under material/templates/
    upstream_sha256: str  # of the upstream file in MATERIAL_VERSION
    change: str  # what we changed, and why


COPIED_TEMPLATES = (
    CopiedTemplate("partials/actions.html", "partials/actions.html",
                   "1bcd66d6f428194e9b9842764f0a5f7a5b3679d008e9d2e5b75b5ba344c39073",
                   "the edit link reads « Modifier cette page » (Material's French has no accent)"),
    CopiedTemplate("partials/header.html", "partials/header.html",
                   "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
                   "the Menu control is a real <button> (a <label> cannot take role=button); the search is ours"),
    CopiedTemplate("partials/search.html", "partials/search.html",
                   "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
                   "replaced by the site's own search form and results panel (Pagefind, docs/assets/javascripts/"
                   "recherche.js): Material's needs its search plugin"),
    CopiedTemplate("partials/source.html", "partials/source.html",
                   "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
                   "the repository link is left out: Material would query the forge's API from the reader's browser"),
    CopiedTemplate("partials/nav-item.html", "partials/nav-item.html",
                   "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
                   "sub-menu and table-of-contents toggles are <button>s (aria-expanded), not <label for> a hidden box"),
    CopiedTemplate("partials/nav.html", "partials/nav.html",
                   "af33f6e032f632eb055c365eb5f1a975bf8456152fa768e69a1aad6d470b843f",
                   "the drawer's title is a <div> (data-guide-close), not a <label for> a hidden box"),
    CopiedTemplate("partials/toc.html", "partials/toc.html",
                   "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
                   "the « Table des matières » title: a <button> in the drawer, a <div> in the sidebar"),
    CopiedTemplate("partials/footer.html", "partials/footer.html",
                   "50c2a75f013b7b03fb97f381860c77df8fd5d13d68f90d3281754b68f69ec894",
                   "« Précédent » / « Suivant » names escaped once (titles are escaped already)"),
    CopiedTemplate("partials/copyright.html", "partials/copyright.html",
                   "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
                   "the legal links of every page: accessibility, legal notice, personal data"),
    CopiedTemplate("main.html", "base.html",
                   "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
                   "blocks header (our skip link), container (the article gets id=\"contenu\" and the search "
                   "index attribute, copied from base.html) and scripts (menu buttons, drawer) are replaced; what "
                   "base.html hard-codes is fixed after rendering (engine/theme_markup.py)"),
)

# Templates of overrides/ that are ours, not copies of Material's (nothing to re-apply at an upgrade; they
# are included by a copied template: check that the include still sits where it should).
OWN_TEMPLATES = (
    "partials/impression.html",  # the running header and footer of printed pages, included by main.html
)

# The plugins mkdocs.yml may list. Material's « search » and « offline » are not used: the site's
# search is Pagefind (engine/search.py), which works from file:// too; the offline build only turns
# directory URLs off (tools/build_offline.py). Both would fetch files from unpkg.com.
PLUGINS = ("awesome-pages",)


def end_of_life_notice(today: datetime.date) -> str | None:
    """The French notice ./run.sh prints when Material's end of life is less than six months away (or past)."""
    if today < NOTICE_FROM:
        return None
    days = (MATERIAL_END_OF_LIFE - today).days
    eol = MATERIAL_END_OF_LIFE
    date = f"{eol.day}{'er' if eol.day == 1 else ''} {MONTHS[eol.month - 1]} {eol.year}"
    when = f"dans {days} jour{'s' if days > 1 else ''}" if days > 0 else "date dépassée"
    return (f"Avis : Material for MkDocs {MATERIAL_VERSION} ne reçoit plus de correctifs de sécurité après le "
            f"{date} ({when}). Le plan est dans README.md, section « Versions figées » ; "
            "le second moteur : ./run.sh build --moteur properdocs.")


def _today(environ: dict[str, str]) -> datetime.date:
    """Today, or GUIDE_DATE (AAAA-MM-JJ) when set (tests)."""
    given = environ.get("GUIDE_DATE", "")
    return datetime.date.fromisoformat(given) if given else datetime.date.today()


if __name__ == "__main__":  # ./run.sh: python hooks/engine/material.py
    notice = end_of_life_notice(_today(dict(os.environ)))
    if notice:
        print(notice, file=sys.stderr)
