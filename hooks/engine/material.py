"""The contract with MkDocs and Material: what the hooks and overrides rely on, checked by a test.

This is the checklist for an upgrade of MkDocs or Material. ``tests/engine/
test_material_contract.py`` fails when an installed version differs from the one
recorded here, when a template we copied has changed upstream, or when an event
priority no longer falls where the hooks need it. After an upgrade: re-read each
item below against the new version, re-apply our changes to the copied templates,
update the hashes and versions, and run the whole test suite (the search and
light-copy tests especially).
"""
from __future__ import annotations

from dataclasses import dataclass

MKDOCS_VERSION = "1.6.1"
MATERIAL_VERSION = "9.8.1"


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
    CopiedTemplate("main.html", "base.html",
                   "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
                   "blocks header (our skip link), container (the article gets id=\"contenu\", copied from "
                   "base.html) and scripts (the Menu button's keyboard behaviour) are replaced"),
)

# The plugins mkdocs.yml may list. Material's « search » and « offline » are not used: the site's
# search is Pagefind (engine/search.py), which works from file:// too; the offline build only turns
# directory URLs off (tools/build_offline.py). Both would fetch files from unpkg.com.
PLUGINS = ("awesome-pages",)
