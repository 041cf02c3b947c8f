"""The front matter, read and checked by the core, handed to MkDocs so that it never parses it again."""
from __future__ import annotations

import html
from typing import Callable, Mapping

from mkdocs.structure.pages import Page

from guide_ess.core import Parsed, french_spacing_text

# An empty front matter: MkDocs finds no field in it, and does not read the first lines of the
# text as MultiMarkdown fields either (« Contexte: … » would vanish into page.meta).
NO_FIELDS = "---\n{}\n---\n"


def source_without_fields(page: Page, take_body: Callable[[str], str | None]) -> str | None:
    """The page's text without its front matter (None: MkDocs reads the file itself); ``take_body``
    gives the body the core read (:meth:`guide_ess.core.Built.take_body`)."""
    body = take_body(page.file.src_uri)
    return None if body is None else NO_FIELDS + body


def set_meta(page: Page, parsed: Mapping[str, Parsed]) -> None:
    """page.meta from the core's parse; titles and descriptions, which reach <title>, <meta> and the
    navigation unescaped, spaced and escaped once here."""
    found = parsed.get(page.file.src_uri)
    if found is not None:
        page.meta = dict(found.meta)
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = html.escape(french_spacing_text(value), quote=True)
