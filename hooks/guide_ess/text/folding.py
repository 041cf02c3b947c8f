"""How two spellings of a word are compared: lower case, without accents (« Région » = « region »)."""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """``text`` in lower case, its accents and other combining marks removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
