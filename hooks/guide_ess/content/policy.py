"""The content policy: what a page may hold, whoever wrote it (a page, a form, a spreadsheet row).

Nothing a contributor writes may run in a reader's browser, load anything from another host,
or pull a file of the machine that builds the site into a page. Every page read by the corpus
(:func:`guide_ess.content.corpus.load_corpus`, so :func:`guide_ess.kinds.load`) goes through
:func:`check_page`, which answers with French problems at the line to fix:

- **Invisible and control characters** (C0/C1 controls, bidirectional overrides, zero-width
  spaces, line separators, Unicode tag characters) are refused anywhere in the file.
- **Raw HTML** is refused, except the elements of :data:`RAW_ELEMENTS`, with the attributes of
  :data:`RAW_ATTRIBUTES`, and comments. They are there because Markdown cannot write them and a
  French text sometimes needs them: ``br`` (a line break in a table cell), ``sup``/``sub``
  (« 1<sup>er</sup> », « CO<sub>2</sub> »), ``abbr`` (an acronym the glossary lacks), ``kbd``, and
  ``span lang="en"`` (RGAA 8.7: a passage in another language is marked). None of them can run
  a script, load a resource or send a form.
- **Links and images**: a link goes to a relative path, an ``https:`` address or a ``mailto:``
  address; an image is a relative path only (the site loads nothing from another host). The
  address is read as a browser reads it (entities decoded, spaces and control characters
  dropped, case ignored), so ``JaVa&#83;cript:``, `` java script:`` or ``//hôte`` are refused.
- **Attribute lists** (``{: … }``) may only set ``#id``, ``.class`` and the attributes of
  :data:`LIST_ATTRIBUTES`: never an event handler, ``style``, ``src`` or ``href``.
- **File inclusion** (pymdownx.snippets, every spelling of its marker ``-8<-``): only the files of
  :data:`INCLUDABLE_FILES`, written ``--8<-- "FICHIER"`` (a line range may follow). mkdocs.yml gives
  the extension the same list as its ``base_path``, so the extension itself refuses any other file.

:func:`check_html` checks the HTML of a page as Markdown rendered it (the engine calls it for every
page): the same rules on what reached the output, whatever the Markdown parser made of the text.
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from html.parser import HTMLParser
from typing import Callable, Iterable, Mapping

from .problems import Problem

INCLUDABLE_FILES: tuple[str, ...] = ("CONTRIBUTING.md",)  # = pymdownx.snippets' base_path in mkdocs.yml
LINK_SCHEMES: tuple[str, ...] = ("https", "mailto")

# Raw HTML a page may hold, and the attributes each may carry (besides GLOBAL_ATTRIBUTES).
RAW_ELEMENTS: Mapping[str, frozenset[str]] = {
    "br": frozenset(),
    "sup": frozenset(),
    "sub": frozenset(),
    "kbd": frozenset(),
    "abbr": frozenset({"title"}),
    "span": frozenset({"lang"}),
}
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "lang", "title"})
LIST_ATTRIBUTES = frozenset({"title", "lang", "width", "height", "rel", "aria-label"})

# Characters refused in a page: not text a reader can see or type on purpose.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = "\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\ufff9\ufffa\ufffb\u2028\u2029"
_FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + _INVISIBLE + "\U000e0000-\U000e007f]")

# pymdownx.snippets' marker: any run of « - », « 8< », any run of « - » (see its RE_ALL_SNIPPETS).
_SNIPPET = re.compile(r"-+8<-+")
_SNIPPET_LINE = re.compile(r"""^[ \t]*-+8<-+[ \t]+(?P<quote>["'])(?P<target>.+?)(?P=quote)[ \t]*\r?$""")
_LINE_RANGES = re.compile(r"(?::-?[0-9]*){1,2}(?:,-?[0-9]*(?::-?[0-9]*)?)*")

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_BACKTICKS = re.compile(r"(?<!\\)`+")
_AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_AUTOMAIL = re.compile(r"<(?P<mail>[^<>\s!]+@[^@<>\s]+)>")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
# A Markdown link or image destination: « ](dest » or a reference « [x]: dest ».
_INLINE_DEST = re.compile(r"\]\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<bare>(?:[^\s()]|\([^\s()]*\))*))")
_REFERENCE = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<bare>\S+))", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<body>[^}\n]*?)[ \t]*\}")
_ATTR_TOKEN = re.compile(r"""(?P<key>[^\s=}]+)(?:=(?:"[^"]*"|'[^']*'|[^\s}]*))?""")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_ESCAPED_PUNCT = re.compile(r"\\([!-/:-@\[-`{-~])")


# --- characters --------------------------------------------------------------------------------

def character_name(char: str) -> str:
    """« U+202E (RIGHT-TO-LEFT OVERRIDE) »: how a contributor can find the character."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def forbidden_characters(path: str, text: str, first_line: int = 1) -> list[Problem]:
    """One problem per line holding an invisible or control character."""
    problems: list[Problem] = []
    if not _FORBIDDEN_CHARS.search(text):
        return problems
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = _FORBIDDEN_CHARS.search(line.rstrip("\r"))
        if found:
            problems.append(Problem(path, "", f"caractère invisible ou de contrôle {character_name(found.group())} "
                                    f"(colonne {found.start() + 1}) : il n'apparaît pas à l'écran mais change le "
                                    "texte ou son sens de lecture. Supprimez-le (retapez le passage).", number))
    return problems


def strip_forbidden(text: str) -> str:
    """``text`` without the characters :func:`forbidden_characters` refuses (line separators become
    line ends, tabs stay)."""
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    return _FORBIDDEN_CHARS.sub("", text)


# --- addresses ---------------------------------------------------------------------------------

def url_problem(raw: str, image: bool = False) -> str:
    """Why the address ``raw`` (as written in the page, entities and escapes included) is refused, or ''.
    It is read both with Markdown's backslash escapes applied and without: either reading must pass."""
    if not any(c in raw for c in ":/\\&%\t\n\r") and raw.isprintable():
        return ""  # a plain relative path: nothing to decode
    return _url_problem(raw, html.unescape(_ESCAPED_PUNCT.sub(r"\1", raw)), image) \
        or _url_problem(raw, html.unescape(raw), image)


def _url_problem(raw: str, url: str, image: bool) -> str:
    # As the WHATWG URL parser: leading and trailing C0 controls and spaces trimmed, tabs and line
    # ends removed anywhere; then the scheme is what comes before the first « : », in any case.
    url = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
                                              "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \x7f")
    url = re.sub(r"\s", "", url)
    scheme = _SCHEME.match(url)
    if scheme is None:
        if url[:2] in ("//", "\\\\", "/\\", "\\/"):
            return (f"l'adresse « {raw} » désigne un autre site sans dire comment y aller : écrivez-la en entier, "
                    "en commençant par « https:// »." if not image else
                    f"l'image « {raw} » serait chargée depuis un autre site : déposez-la dans docs/assets/ et "
                    "écrivez son chemin relatif.")
        if ":" in url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
            return f"l'adresse « {raw} » n'est pas lisible : écrivez un chemin relatif ou une adresse « https:// »."
        return ""
    name = scheme.group(1).lower()
    if image:
        return (f"l'image « {raw} » serait chargée depuis une autre adresse que le site (« {name}: ») : déposez "
                "l'image dans docs/assets/ et écrivez son chemin relatif (par exemple « ../assets/carte.png »).")
    if name in LINK_SCHEMES:
        return ""
    if name == "http":
        return f"l'adresse « {raw} » n'est pas chiffrée : écrivez « https:// » au lieu de « http:// »."
    return (f"l'adresse « {raw} » commence par « {name}: », qui n'est pas permis : un lien mène à une page du "
            "site (chemin relatif), à une adresse « https:// » ou à une adresse électronique (« mailto: »).")


# --- the Markdown source -----------------------------------------------------------------------

def check_page(path: str, text: str, body: str | None = None) -> list[Problem]:
    """Every breach of the policy in the file ``path``: characters and inclusions in its whole text,
    markup in its ``body`` (the text after its front matter, a suffix of ``text``; the front matter's
    values are text, escaped wherever they are shown)."""
    body = text if body is None or not text.endswith(body) else body
    offset = text.count("\n", 0, len(text) - len(body))
    problems = forbidden_characters(path, text)
    problems += _check_snippets(path, text)
    masked = "\n" * offset + mask_code(body)
    problems += _check_raw_html(path, masked)
    problems += _check_links(path, masked)
    problems += _check_attribute_lists(path, masked)
    return sorted(set(problems), key=lambda p: (p.line, p.message))


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _check_snippets(path: str, text: str) -> list[Problem]:
    """Snippet markers: read on every line (code blocks included: the extension runs before Markdown)."""
    problems: list[Problem] = []
    if "8<" not in text:
        return problems
    allowed = ", ".join(f"« {name} »" for name in INCLUDABLE_FILES)
    for number, line in enumerate(text.split("\n"), start=1):
        if not _SNIPPET.search(line):
            continue
        include = _SNIPPET_LINE.match(line)
        if include is not None:
            target = include.group("target").strip()
            ranges = target.find(":")
            name, spec = (target, "") if ranges < 0 else (target[:ranges], target[ranges:])
            if name in INCLUDABLE_FILES and (not spec or _LINE_RANGES.fullmatch(spec)):
                continue
            if name in INCLUDABLE_FILES:
                message = (f"« {target} » : après le nom du fichier, seules des lignes peuvent être choisies "
                           f"(« {name}:3: » pour tout le fichier à partir de la ligne 3).")
            else:
                message = (f"« {target} » ne peut pas être inclus dans une page : seuls le sont {allowed}. "
                           "Recopiez plutôt le texte voulu, réécrit, dans la page.")
        else:
            message = (f"« {_SNIPPET.search(line).group()} » (inclusion de fichier, pymdownx.snippets) "  # type: ignore[union-attr]
                       f"n'est permis que sous la forme --8<-- \"FICHIER\", pour {allowed} seulement : "
                       "retirez-le.")
        problems.append(Problem(path, "", message, number))
    return problems


def includes(text: str) -> list[tuple[int, str]]:
    """The files a text includes, as the extension reads them: (line, file name)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        include = _SNIPPET_LINE.match(line) if "8<" in line else None
        if include is not None:
            target = include.group("target").strip()
            found.append((number, target.split(":", 1)[0]))
    return found


def mask_code(text: str) -> str:
    """``text`` with fenced code blocks and inline code spans blanked out (same length, same lines)."""
    if "`" not in text and "~~~" not in text:  # most pages: no code at all
        return text
    out = list(text)
    lines = text.split("\n")
    at, fence = 0, ""
    for line in lines:
        opening = _FENCE.match(line)
        if fence:
            closes = opening is not None and opening.group("fence")[0] == fence[0] \
                and len(opening.group("fence")) >= len(fence) and not line[opening.end():].strip()
            _blank(out, at, at + len(line))
            if closes:
                fence = ""
        elif opening is not None:
            fence = opening.group("fence")
            _blank(out, at, at + len(line))
        at += len(line) + 1
    masked = "".join(out)
    if "`" not in masked:
        return masked
    # Inline code: a run of n backticks up to the next run of exactly n, within one paragraph.
    position = 0
    while True:
        run = _BACKTICKS.search(masked, position)
        if run is None:
            break
        size = len(run.group())
        closing = re.compile(r"(?<!`)`{%d}(?!`)" % size).search(masked, run.end())
        paragraph_end = masked.find("\n\n", run.end())
        if closing is None or (paragraph_end >= 0 and closing.start() > paragraph_end):
            position = run.end()
            continue
        _blank(out, run.start(), closing.end())  # later searches start after it: « masked » stays as it is
        position = closing.end()
    return "".join(out)


def _blank(chars: list[str], start: int, end: int) -> None:
    chars[start:end] = ["\n" if c == "\n" else " " for c in chars[start:end]]


def harmless_comment(data: str) -> bool:
    """Whether a comment's text ends where every browser ends it: « <!--> », « <!---> » and « --!> » close
    a comment early in HTML (what follows would be markup), and no comment needs « < » or « > »."""
    return not re.search(r"[<>]|--!|^-?$", data) and not data.startswith((">", "->"))


class _SourceTags(HTMLParser):
    """The tags of raw HTML in a page, with their line (entities in attribute values decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list[tuple[str, str | None]]]] = []
        self.declarations: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos()[0], tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_decl(self, decl: str) -> None:
        self.declarations.append((self.getpos()[0], f"<!{decl}>"))

    def handle_comment(self, data: str) -> None:
        if not harmless_comment(data):
            self.declarations.append((self.getpos()[0], f"<!--{data[:30]}-->"))

    def unknown_decl(self, data: str) -> None:
        self.declarations.append((self.getpos()[0], f"<![{data}]>"))

    def handle_pi(self, data: str) -> None:
        self.declarations.append((self.getpos()[0], f"<?{data}>"))


def _check_raw_html(path: str, masked: str) -> list[Problem]:
    if "<" not in masked:
        return []
    without_autolinks = _AUTOMAIL.sub(lambda m: " " * len(m.group()), masked)
    problems: list[Problem] = []
    for link in _AUTOLINK.finditer(without_autolinks):
        reason = url_problem(link.group("url"))
        if reason:
            problems.append(Problem(path, "", reason, _line(masked, link.start())))
    without_autolinks = _AUTOLINK.sub(lambda m: " " * len(m.group()), without_autolinks)
    if not _TAG_START.search(without_autolinks):
        return problems
    parser = _SourceTags()
    parser.feed(without_autolinks)
    parser.close()
    for line, tag, attrs in parser.found:
        problems += _element_problems(path, line, tag, attrs)
    for line, text in parser.declarations:
        problems.append(Problem(path, "", f"« {text[:40]} » n'est pas permis dans une page : retirez-le.", line))
    return problems


def _element_problems(path: str, line: int, tag: str, attrs: list[tuple[str, str | None]]) -> list[Problem]:
    if tag not in RAW_ELEMENTS:
        allowed = ", ".join(f"<{name}>" for name in RAW_ELEMENTS)
        return [Problem(path, "", f"la balise HTML « <{tag}> » n'est pas permise dans une page : écrivez en "
                        f"Markdown (titres ##, listes, liens [texte](adresse), tableaux). Seules {allowed} et les "
                        "commentaires <!-- … --> sont permis.", line)]
    problems: list[Problem] = []
    allowed_here = RAW_ELEMENTS[tag] | GLOBAL_ATTRIBUTES
    for name, _value in attrs:
        if name not in allowed_here:
            problems.append(Problem(path, "", f"l'attribut « {name} » de la balise « <{tag}> » n'est pas permis"
                                    f"{_why(name)} ; permis : {', '.join(sorted(allowed_here))}.", line))
    return problems


def _why(name: str) -> str:
    if name.startswith("on"):
        return " (il ferait exécuter un programme dans le navigateur du lecteur)"
    if name == "style":
        return " (la mise en forme vient de la feuille de style du site)"
    if name in ("src", "href", "srcset", "action", "formaction", "data", "poster", "background"):
        return " (il chargerait ou ouvrirait une adresse)"
    return ""


def _is_image(masked: str, closing: int) -> bool:
    """Whether the « ] » at ``closing`` ends the text of an image (« ![…] ») rather than of a link."""
    depth, at = 0, closing - 1
    start = max(masked.rfind("\n\n", 0, closing), closing - 2000)  # a link text is one paragraph, short
    while at > start:
        char = masked[at]
        if char == "]" and masked[at - 1] != "\\":
            depth += 1
        elif char == "[" and masked[at - 1] != "\\":
            if depth == 0:
                return at > 0 and masked[at - 1] == "!"
            depth -= 1
        at -= 1
    return False


def _check_links(path: str, masked: str) -> list[Problem]:
    problems: list[Problem] = []
    if "](" in masked:
        for found in _INLINE_DEST.finditer(masked):
            dest = found.group("angled") if found.group("angled") is not None else found.group("bare") or ""
            reason = url_problem(dest, image=_is_image(masked, found.start()))
            if reason:
                problems.append(Problem(path, "", reason, _line(masked, found.start())))
    if "]:" in masked:
        for found in _REFERENCE.finditer(masked):
            dest = found.group("angled") if found.group("angled") is not None else found.group("bare") or ""
            reason = url_problem(dest)
            if reason:
                problems.append(Problem(path, "", reason, _line(masked, found.start())))
    return problems


def link_destinations(markdown: str) -> list[tuple[int, str, bool]]:
    """Each link or image of a Markdown text, outside code: (line, address as written, is an image)."""
    masked = mask_code(markdown)
    found = [(_line(masked, m.start()), m.group("angled") if m.group("angled") is not None else m.group("bare") or "",
              _is_image(masked, m.start())) for m in _INLINE_DEST.finditer(masked)]
    found += [(_line(masked, m.start()), m.group("angled") if m.group("angled") is not None else m.group("bare") or "",
               False) for m in _REFERENCE.finditer(masked)]
    return sorted(found)


def _check_attribute_lists(path: str, masked: str) -> list[Problem]:
    problems: list[Problem] = []
    if "{" not in masked:
        return problems
    for found in _ATTR_LIST.finditer(masked):
        body = found.group("body")
        if not (found.group().startswith("{:") or body.startswith(("#", ".")) or "=" in body):
            continue  # prose in braces, not an attribute list
        for token in _ATTR_TOKEN.finditer(body):
            key = token.group("key")
            if key.startswith(("#", ".")):
                continue
            name = key.lower()
            if name not in LIST_ATTRIBUTES:
                problems.append(Problem(path, "", f"la liste d'attributs « {found.group()} » donne l'attribut "
                                        f"« {key} », qui n'est pas permis{_why(name)} ; permis : #identifiant, "
                                        f".classe, {', '.join(sorted(LIST_ATTRIBUTES))}.",
                                        _line(masked, found.start())))
    return problems


# --- the rendered HTML -------------------------------------------------------------------------

# What Markdown and the extensions of mkdocs.yml write, and the raw HTML allowed above.
RENDERED_ELEMENTS: Mapping[str, frozenset[str]] = {
    **{tag: frozenset() for tag in (
        "blockquote", "caption", "code", "dd", "del", "div", "dl", "dt", "em", "hr", "ins", "li", "mark",
        "p", "pre", "s", "small", "strong", "table", "tbody", "tfoot", "thead", "tr", "ul", "h1", "h2",
        "h3", "h4", "h5", "h6", "b", "i", "u")},
    **RAW_ELEMENTS,
    "a": frozenset({"href", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start"}),
    "details": frozenset({"open"}),
    "summary": frozenset(),
    "th": frozenset({"style", "align"}),
    "td": frozenset({"style", "align"}),
    "input": frozenset({"type", "name", "checked"}),  # pymdownx.tabbed: type="radio" only
    "label": frozenset({"for"}),
}
_RENDERED_GLOBAL = GLOBAL_ATTRIBUTES | frozenset({"width", "height", "rel", "aria-label", "markdown"})
_TABLE_ALIGN = re.compile(r"text-align:\s*(?:left|right|center);?")


def _start_tag_problems(tag: str, attrs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """What is refused in the start tag ``<tag attrs>`` of rendered HTML: (what, the text to find in the source)."""
    if tag not in RENDERED_ELEMENTS:
        return [(f"la balise « <{tag}> » n'est pas permise", f"<{tag}")]
    problems = []
    for name, value in attrs:
        value = value or ""
        if name not in RENDERED_ELEMENTS[tag] and name not in _RENDERED_GLOBAL:
            problems.append((f"l'attribut « {name} » de « <{tag}> » n'est pas permis{_why(name)}", name))
        elif name == "style" and not _TABLE_ALIGN.fullmatch(value.strip()):
            problems.append((f"l'attribut « style » de « <{tag}> » n'est pas permis{_why(name)}", "style"))
        elif name == "type" and tag == "input" and value != "radio":
            problems.append((f"« <input type=\"{value}\"> » n'est pas permis", "<input"))
        elif name in ("href", "src"):
            reason = url_problem(value, image=name == "src")
            if reason:
                problems.append((reason, value))
    return problems


# The HTML that Python-Markdown writes, read without a parser: tags in lower case, attribute values in
# double quotes, no « < » or « > » inside them. When every « < » of a page opens such a tag, the tags
# are exactly what HTMLParser would read (no comment, declaration, script or unreadable markup: each
# of these has a « < » that opens no such tag), and the parser is not needed.
_PLAIN_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9_:.-]*(?:="[^"<>]*")?)*)\s*/?>')
_PLAIN_ATTRIBUTE = re.compile(r'\s+([a-z][a-z0-9_:.-]*)(?:="([^"<>]*)")?')


def _plainly_allowed(rendered: str) -> bool:
    """Whether ``rendered`` is made of plain tags only (:data:`_PLAIN_TAG`) and none is refused: then the
    parser would find nothing either (tests/guide_ess: the same answer on thousands of random pages)."""
    tags = 0
    for tag in _PLAIN_TAG.finditer(rendered):
        tags += 1
        if not tag.group(1) and _plain_tag_refused(tag.group(2), tag.group(3)):
            return False
    return tags == rendered.count("<")


@functools.lru_cache(maxsize=8192)  # the same tags come back on every page (« <p> », « <h2 id="…"> », links)
def _plain_tag_refused(name: str, attributes: str) -> bool:
    """Whether the plain start tag ``<name attributes>`` (a match of :data:`_PLAIN_TAG`) holds anything refused."""
    attrs = [(m.group(1), None if m.group(2) is None else html.unescape(m.group(2)))
             for m in _PLAIN_ATTRIBUTE.finditer(attributes)]
    return bool(_start_tag_problems(name, attrs))


class _RenderedTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # text as written: « &lt; » is not a tag
        self.problems: list[tuple[str, str]] = []  # (what, the text to find in the source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.extend(_start_tag_problems(tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if _TAG_START.search(data):  # markup the parser could not read: a browser might
            self.problems.append(("du balisage HTML illisible (« < » suivi d'une lettre)", "<"))

    def handle_decl(self, decl: str) -> None:
        self.problems.append((f"« <!{decl[:30]}> » n'est pas permis", "<!"))

    def handle_comment(self, data: str) -> None:
        if not harmless_comment(data):
            self.problems.append(("un commentaire HTML mal formé", "<!--"))

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)

    def handle_pi(self, data: str) -> None:
        self.problems.append((f"« <?{data[:30]}> » n'est pas permis", "<?"))


def check_html(path: str, rendered: str, source: str | Callable[[], str] = "") -> list[Problem]:
    """The breaches of the policy in the HTML that Markdown made of the page ``path``; each problem is
    placed at the first line of ``source`` (the file's text, or what reads it: read only when there is
    something to place) holding what caused it, when found."""
    if _plainly_allowed(rendered):
        return []  # what Markdown writes: no parser needed (benchmarks/results/content_policy.md)
    return parsed_html_problems(path, rendered, source)


def parsed_html_problems(path: str, rendered: str, source: str | Callable[[], str] = "") -> list[Problem]:
    """:func:`check_html` by ``html.parser`` alone, whatever the HTML looks like."""
    parser = _RenderedTags()
    parser.feed(rendered)
    parser.close()
    problems: list[Problem] = []
    text = (source() if callable(source) else source) if parser.problems else ""
    for what, needle in dict.fromkeys(parser.problems):
        at = text.find(needle) if text and needle else -1
        problems.append(Problem(path, "", f"une fois la page convertie en HTML, ceci est refusé : {what}. Retirez "
                                "ce passage (seul le Markdown décrit dans CONTRIBUTING.md est permis).",
                                _line(text, at) if at >= 0 else 0))
    return problems


def includable(files: Iterable[str]) -> bool:
    """Whether a list of files (pymdownx.snippets' base_path) is exactly the allow-list."""
    return sorted(files) == sorted(INCLUDABLE_FILES)
