"""One printable page holding every thematic guide, in the order of the guides' menu."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from .corpus import Corpus
from .render import md_text

PRINTABLE_PATH = "guides/version-imprimable.md"
_HEADING = re.compile(r"^(#{2,5}) ", re.MULTILINE)


def printable_guides(corpus: Corpus, bodies: Mapping[str, str], order: Sequence[str]) -> str:
    """Every guide body, its headings one level down, under the guide's title.

    The page lives in guides/, beside the guides, so their relative links stay valid.
    """
    ids = [g for g in order if g in corpus.guides] + sorted(set(corpus.guides) - set(order))
    parts = [
        "---",
        'title: "Version imprimable des guides"',
        'description: "Les guides thématiques réunis sur une seule page, à imprimer ou à enregistrer en PDF."',
        "search:",
        "  exclude: true",
        "---",
        "",
        "Cette page réunit les guides thématiques pour l'impression (menu du navigateur, "
        "« Imprimer », puis « Enregistrer au format PDF » si besoin). Les listes d'expériences "
        "de chaque guide sont sur sa page.",
        "",
    ]
    for guide_id in ids:
        guide = corpus.guides[guide_id]
        body = _HEADING.sub(lambda m: "#" + m.group(1) + " ", bodies.get(guide.path, ""))
        parts += [f"## {md_text(guide.title)} {{ .guide-imprimable }}", "", f"*{md_text(guide.description)}*", "", body.strip(), ""]
    return "\n".join(parts) + "\n"
