"""Every page must be reached from the navigation or from a link: awesome-pages hides pages silently."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Iterable

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide_ess.core import Problem

_HREF = re.compile(r'<a\s[^>]*?href="([^"#?]*)[^"]*"', re.IGNORECASE)
MESSAGE = ("cette page n'est atteinte ni par le menu ni par un lien : ajoutez-la au fichier .pages "
           "de son dossier ou faites un lien vers elle depuis une autre page.")


@dataclass
class Reached:
    """The pages the menu and the links of one build reach."""

    in_nav: set[str] = field(default_factory=set)  # source paths (relative to docs/)
    linked: set[str] = field(default_factory=set)  # built files (dest paths) linked to from the pages' own HTML
    targets: set[str] = field(default_factory=set)  # source paths linked to from generated blocks

    def note_nav(self, pages: Iterable[Page]) -> None:
        self.in_nav = {page.file.src_uri for page in pages}

    def note_html(self, page: Page, html: str) -> None:
        """Every internal page the page's own HTML links to."""
        base = posixpath.dirname(page.file.dest_uri)
        for href in set(_HREF.findall(html)):
            if not href or "://" in href or href.startswith(("mailto:", "/")):
                continue
            target = posixpath.normpath(posixpath.join(base, href))
            if href.endswith("/") or target == ".":
                target = posixpath.join(target, "index.html") if target != "." else "index.html"
            self.linked.add(target)

    def note_targets(self, targets: Iterable[str]) -> None:
        """Pages a generated block links to (source paths, from the block's prepared data)."""
        self.targets.update(targets)

    def orphans(self, files: Files, home: str = "index.md") -> list[Problem]:
        return [Problem(f"docs/{f.src_uri}", "", MESSAGE, 1) for f in files.documentation_pages()
                if f.src_uri not in self.in_nav and f.dest_uri not in self.linked and f.src_uri not in self.targets
                and f.src_uri != home]
