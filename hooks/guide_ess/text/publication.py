"""Publication settings written into the text of the legal pages.

The accessibility statement and the « Mentions légales » page need two facts that only the
publisher knows, both set in ``mkdocs.yml`` (``extra.editeur`` from the environment variable
``GUIDE_EDITEUR``; ``repo_url`` from ``GUIDE_REPO_URL``; ``extra.licence_donnees``, the licence of
the open data, from ``GUIDE_LICENCE_DONNEES``). A page asks for one with a marker
on its own, ``<!-- réglage:editeur -->``, ``<!-- réglage:depot -->`` or ``<!-- réglage:licence-donnees -->``, replaced here in the
Markdown before it is converted. Nothing is invented: an unset publisher shows a clearly
marked placeholder that says which setting to fill in.

Pure functions on strings: no MkDocs import.
"""
from __future__ import annotations

PUBLISHER_MARKER = "<!-- réglage:editeur -->"
REPOSITORY_MARKER = "<!-- réglage:depot -->"
DATA_LICENCE_MARKER = "<!-- réglage:licence-donnees -->"

PUBLISHER_PLACEHOLDER = (
    '!!! warning "À compléter par l\'éditeur du site"\n'
    "\n"
    "    L'organisme qui publie ce guide n'est pas encore désigné. Avant la mise en ligne,\n"
    "    il indique ici son nom, son adresse, le nom du directeur ou de la directrice de la\n"
    "    publication, et le nom et l'adresse de l'hébergeur du site (réglage `GUIDE_EDITEUR`,\n"
    "    décrit dans le fichier README du dépôt).\n"
)


DATA_LICENCE_PLACEHOLDER = (
    '!!! warning "Licence à choisir par l\'éditeur du site"\n'
    "\n"
    "    La licence de ces données n'est pas encore choisie : tant que l'éditeur du guide ne l'a pas\n"
    "    indiquée (réglage `GUIDE_LICENCE_DONNEES`, décrit dans le fichier README du dépôt), demandez-lui\n"
    "    l'autorisation avant de les réutiliser.\n"
)


def data_licence_markdown(licence: str) -> str:
    """The licence of the open data as set, or the placeholder when the setting is empty."""
    text = licence.strip()
    return f"Licence des données : {text}\n" if text else DATA_LICENCE_PLACEHOLDER


def publisher_markdown(publisher: str) -> str:
    """The publisher's identity as set, or the placeholder when the setting is empty."""
    text = publisher.strip()
    return text + "\n" if text else PUBLISHER_PLACEHOLDER


def repository_markdown(repo_url: str) -> str:
    """A link to the sources' repository, whose address is the configured one."""
    url = repo_url.strip()
    return f"[dépôt des sources du guide]({url})" if url else "dépôt des sources du guide (adresse à régler : `GUIDE_REPO_URL`)"


def fill_settings(markdown: str, publisher: str, repo_url: str, data_licence: str = "") -> str:
    """Replace the setting markers of a page's Markdown; pages without markers are returned as they are."""
    if "<!-- réglage:" not in markdown:
        return markdown
    return (markdown.replace(PUBLISHER_MARKER, publisher_markdown(publisher))
            .replace(REPOSITORY_MARKER, repository_markdown(repo_url))
            .replace(DATA_LICENCE_MARKER, data_licence_markdown(data_licence)))
