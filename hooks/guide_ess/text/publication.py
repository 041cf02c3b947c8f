"""Publication settings written into the text of the legal pages.

The accessibility statement and the « Mentions légales » page need two facts that only the
publisher knows, both set in ``mkdocs.yml`` (``extra.editeur`` from the environment variable
``GUIDE_EDITEUR``; ``repo_url`` from ``GUIDE_REPO_URL``). A page asks for one with a marker
on its own, ``<!-- réglage:editeur -->`` or ``<!-- réglage:depot -->``, replaced here in the
Markdown before it is converted. Nothing is invented: an unset publisher shows a clearly
marked placeholder that says which setting to fill in.

Pure functions on strings: no MkDocs import.
"""
from __future__ import annotations

PUBLISHER_MARKER = "<!-- réglage:editeur -->"
REPOSITORY_MARKER = "<!-- réglage:depot -->"

PUBLISHER_PLACEHOLDER = (
    '!!! warning "À compléter par l\'éditeur du site"\n'
    "\n"
    "    L'organisme qui publie ce guide n'est pas encore désigné. Avant la mise en ligne,\n"
    "    il indique ici son nom, son adresse, le nom du directeur ou de la directrice de la\n"
    "    publication, et le nom et l'adresse de l'hébergeur du site (réglage `GUIDE_EDITEUR`,\n"
    "    décrit dans le fichier README du dépôt).\n"
)


def publisher_markdown(publisher: str) -> str:
    """The publisher's identity as set, or the placeholder when the setting is empty."""
    text = publisher.strip()
    return text + "\n" if text else PUBLISHER_PLACEHOLDER


def repository_markdown(repo_url: str) -> str:
    """A link to the sources' repository, whose address is the configured one."""
    url = repo_url.strip()
    return f"[dépôt des sources du guide]({url})" if url else "dépôt des sources du guide (adresse à régler : `GUIDE_REPO_URL`)"


def fill_settings(markdown: str, publisher: str, repo_url: str) -> str:
    """Replace the setting markers of a page's Markdown; pages without markers are returned as they are."""
    if "<!-- réglage:" not in markdown:
        return markdown
    return (markdown.replace(PUBLISHER_MARKER, publisher_markdown(publisher))
            .replace(REPOSITORY_MARKER, repository_markdown(repo_url)))
