"""The « Rechercher » page: its form and the places its results go (docs/assets/javascripts/recherche.js
fills them). Written by a template, not in the page's Markdown: pages hold no form (content policy)."""
from __future__ import annotations

from .model import Block, Blocks, Site


def search_form(site: Site, here: str) -> Blocks:
    """The search form, after the page's introduction."""
    return Blocks(after=Block("recherche.html", {}))
