"""The site's search: what is indexed, and the Pagefind index of the built site, online and offline.

One place decides what readers can find:

- :data:`EXCLUDED_PAGES`: pages left out of the index (the printable page repeats every guide;
  the search page has no content of its own), and every page whose front matter says
  ``search: {exclude: true}`` (the pages after the first of a long list, views/paging.py). Every
  other page's ``<article>`` carries :data:`BODY_ATTRIBUTE` (``overrides/main.html`` reads
  :func:`template_settings`), so Pagefind indexes the article only: not the menus, the header or
  the footer.
- In the article, the generated blocks mark with ``data-pagefind-ignore`` what every page
  repeats and what only points elsewhere: the labels of the case fact box (« Territoire : »…;
  its values, the region, themes, levers and sources of the case, are indexed), the « Sources »
  and « Voir aussi » lists at the end of a page, the lists of cases of list pages, the map's list and the panorama's
  counts. A word that generated blocks write on thousands of pages would make the index chunk
  of that word, which its first search downloads, grow with the site; each case is found on its
  own page. (Measured at 10,000 cases: benchmarks/results/search.md.)
- :data:`EXCLUDED_SELECTORS`: parts of an article that are not text (permalinks « ¶ »,
  the edit button).
- :data:`RANKING`: Pagefind's ranking options, passed to the browser by the templates.
- :func:`page_weight`: how much a page's words count. The pages for contributors (templates of
  front matter, forms: :data:`CONTRIBUTOR_FOLDER`, ``index: contribuer``) count for :data:`CONTRIBUTOR_WEIGHT`, so
  « code de la commande publique » finds the guide before a YAML template; the pages that list
  other pages (``index:`` in their front matter: every case, every source, « Nouveautés »…)
  repeat the titles and descriptions of the pages they list: their text counts for
  :data:`LIST_WEIGHT` (their title keeps a heading's weight), so the listed pages come first.
- :data:`OVERVIEW_PAGES`: the pages that give the whole picture (the guide
  that lays the bases, first of the guides' menu). Their article carries the Pagefind filter
  :data:`OVERVIEW_FILTER`; ``recherche.js`` reads which results they are and, for a basic question
  (a query made of words that most pages use: « qu'est-ce que l'ESS », « ESS et collectivités »),
  ranks them higher, the more so the more common the query's words are.
- Each page's description (its ``<meta name="description">``, written for readers who choose
  which page to open) is indexed right under its title, with a sub-heading's weight
  (:data:`DESCRIPTION_WEIGHT`): a basic question (« qu'est-ce que l'économie sociale et
  solidaire ») finds the page whose summary answers it.
- :func:`text_for_index`: Pagefind reads each indexed page reduced to what it indexes (the
  article), where « ’ » is written « ' ». Pagefind splits « l'achat » into « l » and « achat »
  (and keeps « lachat »), but reads « l’achat », with the typographic apostrophe the site
  prints, as one word « lachat »: « achat » would not find it. The results script prints « ’ »
  again.

The build hands each page to :func:`text_for_index` as it writes it (``on_post_page``) and writes
the text at once to a scratch folder (:class:`PageTexts`, in memory where the system has one: a
built page is never read back, and the build holds no text in memory); then :func:`build_index`
gives the folder to Pagefind (npm ``pagefind``, pinned in tools/pagefind/package-lock.json and installed by
``./run.sh``: engine/pagefind_binary.py), whose command line indexes it and writes the chunked index under
``pagefind/``; a reader's browser fetches only the chunks its query needs. (Pagefind's Python service
waited a tenth of a second per page: too slow for thousands of pages.)

A large site is indexed in parts (:data:`PAGES_PER_PART`): each part is a sample of every page (page n
goes to part n modulo the number of parts), indexed by its own Pagefind run, one after the other, and
``recherche.js`` merges them (Pagefind's ``mergeIndex``; :data:`PARTS_FILE` names them). Two costs of
Pagefind grow faster than the site, and parts cut both: its memory while indexing (every page's words,
about 300 kB a page of natural text), and, with Pagefind 1.5.2, its search of a word found on many pages,
which for each page found walked every page of the word (the square of their number; with 1.6.0 one part
is no slower than five). What parts cost: each part's index
chunk holding the word is at least Pagefind's minimum chunk (20,000 positions, fixed in Pagefind), so a
first search fetches more bytes, the more parts there are (measured at 10,000 cases:
benchmarks/results/scale_10000.md).

A browser cannot fetch files, import ES modules or start workers from ``file://`` addresses. So the
build for ``file://`` (no directory URLs: pages end in .html) turns every file of the index into a
classic script, ``pagefind/hors-ligne/<file>.js``, that hands its bytes (base64), or for Pagefind's two
scripts their source, to :data:`OFFLINE_REGISTER`; ``docs/assets/javascripts/recherche.js`` loads those
scripts in place of ``fetch``, imports ``pagefind.js`` from a ``blob:`` URL made of its source, and
starts Pagefind's worker from a ``blob:`` URL too, the worker asking the page for the index files.

No MkDocs import here: the hooks call :func:`template_settings` and :func:`build_index`.
"""
from __future__ import annotations

import base64
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Final, Mapping, Sequence

from . import pagefind_binary
from .scratch_files import ScratchFolder

BUNDLE: Final = "pagefind"  # Pagefind's folder, under the site root
OFFLINE_FOLDER: Final = "hors-ligne"  # wrapped files of the offline build, under BUNDLE
OFFLINE_REGISTER: Final = "GuideRecherche"  # global object the wrapped files hand their bytes to
LANGUAGE: Final = "fr"  # the whole site is in French: one index, French stemming
SEARCH_PAGE: Final = "recherche.md"
PRINTABLE_PAGE: Final = "guides/version-imprimable.md"
EXCLUDED_PAGES: Final = frozenset({SEARCH_PAGE, PRINTABLE_PAGE})
BODY_ATTRIBUTE: Final = "data-pagefind-body"
EXCLUDED_SELECTORS: Final = (".headerlink", ".md-content__button")
# Ranking options of Pagefind's search API (pagefind.options({ranking})). pageLength (0 to 1,
# Pagefind's default 0.75) is how much a long page is penalised: here the long pages are the
# guides, which answer most questions. Measured on tests/search_queries.py (93 queries): top-3
# rate 94.6 % with the default, 95.7 % from 0.2 to 0.3, 94.6 % from 0.4 to 0.6.
RANKING: Final[Mapping[str, float]] = {"pageLength": 0.25}
CONTRIBUTOR_FOLDER: Final = "contribuer/"
CONTRIBUTOR_INDEX: Final = "contribuer"  # the « index: » of the page that links the forms
CONTRIBUTOR_WEIGHT: Final = 0.1  # Pagefind's weights: 1 for body text, 7 for a page's h1
LIST_WEIGHT: Final = 0.4
TITLE_WEIGHT: Final = 7.0  # Pagefind's own weight for <h1>, given back to the title of a list page
DESCRIPTION_WEIGHT: Final = 4.0  # between Pagefind's <h3> (5) and <h4> (3)
WEIGHT_ATTRIBUTE: Final = "data-pagefind-weight"
OVERVIEW_PAGES: Final = frozenset({"guides/ess-et-collectivites.md"})
OVERVIEW_FILTER: Final = "apercu"  # Pagefind filter « apercu:oui » on the overview pages' article
# Files Pagefind writes that the site never loads: its own UIs (the site has its own), the
# highlighting script, and the WebAssembly for pages of unknown language (the language is forced).
UNUSED_FILES: Final = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind",
)
LICENCE: Final = Path(__file__).resolve().parent / "data" / "LICENCE-pagefind.txt"  # MIT; shipped with the index
LICENCE_FILE: Final = "LICENCE-pagefind.txt"  # its name under BUNDLE
MODULE_FILE: Final = "pagefind.js"  # the search API, an ES module
WORKER_FILE: Final = "pagefind-worker.js"  # the worker that searches off the page's main thread
SOURCE_FILES: Final = frozenset({MODULE_FILE, WORKER_FILE})  # wrapped as source text, not as bytes
# Pages per part of the index (the module's docstring says why parts). Measured at 10,000 cases with Pagefind
# 1.5.2, 5 parts against 1 (benchmarks/results/scale_10000.md): Pagefind 0.6 GB instead of 3 GB (natural
# text); a first search of a word on most pages 2 to 3 times faster on a slowed-down main thread (with
# recherche.js's combiner); 1.2 to 1.9 times more bytes. Parts of 1,000 pages were no faster and fetched
# more; parts of 3,700 fetched less for two common words at the same speed but need 1 GB a part on natural
# text. With Pagefind 1.6.0 (repetitive text): 1 part takes 1.3 GB and is no faster than 5 (1.2 s against
# 1.3 s with every step slowed down), for 1.07 to 1.15 times fewer bytes; 3 parts 0.49 GB: memory decides.
PAGES_PER_PART: Final = 2500
PART_PREFIX: Final = "partie-"  # the parts after the first: BUNDLE/partie-2/, BUNDLE/partie-3/…
# In an index in parts, each part has one more page, at this address: every word of the site, with a
# weight of nought (Pagefind's score 0, which recherche.js leaves out). Where Pagefind does not find a
# word, it searches the longest word it has that begins the query's (« en » for « Enercoop »): a part
# without the word would answer with pages that do not have it.
VOCABULARY_PAGE: Final = "vocabulaire-de-la-recherche"
PARTS_FILE: Final = "parties.json"  # {"pages": every part's pages, "parties": ["partie-2/", …]}, read by recherche.js
# What a part after the first keeps: the merged instance uses the first part's script and WebAssembly.
PART_KEEPS: Final = ("pagefind-entry.json", "index", "fragment", "filter")


class SearchIndexError(RuntimeError):
    """The index could not be built; the message is in French, for the person building the site."""


def page_weight(src_path: str, index_kind: object = None) -> float | None:
    """How much the words of the page from ``docs/<src_path>`` count (None: as Pagefind weighs them);
    ``index_kind`` is the page's ``index:`` value, if it has one."""
    if src_path.startswith(CONTRIBUTOR_FOLDER) or index_kind == CONTRIBUTOR_INDEX:
        return CONTRIBUTOR_WEIGHT
    if index_kind:
        return LIST_WEIGHT
    return None


def search_page_url(directory_urls: bool) -> str:
    """The address of the search page, from the site root."""
    stem = SEARCH_PAGE.removesuffix(".md")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def template_settings(directory_urls: bool) -> dict[str, object]:
    """What the templates need: where the index and the search page are, whether the build is the
    offline one, which pages carry :data:`BODY_ATTRIBUTE` and with which weight, and the ranking options."""
    return {
        "index": f"{BUNDLE}/",
        "page": search_page_url(directory_urls),
        "hors_ligne": not directory_urls,
        "pages_exclues": sorted(EXCLUDED_PAGES),
        "attribut": BODY_ATTRIBUTE,
        "classement": json.dumps(dict(RANKING), sort_keys=True),
        "attribut_poids": WEIGHT_ATTRIBUTE,
        "pages_apercu": sorted(OVERVIEW_PAGES),
        "filtre_apercu": OVERVIEW_FILTER,
        "poids": page_weight,  # called by the template with the page's source path and its « index: »
    }


_ATTRIBUTE = f" {BODY_ATTRIBUTE}"
_TYPOGRAPHIC_APOSTROPHE = "\u2019"
# A heading's permalink (its text a symbol, « ¶ »): Pagefind leaves it out (EXCLUDED_SELECTORS), but the
# search's vocabulary, which reads the text as Pagefind would without its selectors, would join the
# symbol to the heading's last word (« Sources¶ »): words no page has, on every part's vocabulary page.
_PERMALINK = re.compile(r'<a class="headerlink"[^<>]*>[^<>]*</a>')
_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
_WEIGHTED_ARTICLE = re.compile(rf'<article[^>]*\s{WEIGHT_ATTRIBUTE}="([0-9.]+)"')


def _with_description(article: str, head: str) -> str:
    """The article with the page's description as a paragraph right after its title."""
    found = _DESCRIPTION.search(head)
    if not found or not found.group(1).strip():
        return article
    paragraph = f'<p {WEIGHT_ATTRIBUTE}="{DESCRIPTION_WEIGHT:g}">{found.group(1)}</p>'
    title_end = article.find("</h1>")
    at = title_end + len("</h1>") if title_end != -1 else article.find(">") + 1
    return article[:at] + paragraph + article[at:]


def _with_title_weight(article: str) -> str:
    """A list page's title keeps a heading's weight, whatever weight its article has."""
    if not _WEIGHTED_ARTICLE.match(article) or "<h1" not in article:
        return article
    return article.replace("<h1", f'<h1 {WEIGHT_ATTRIBUTE}="{TITLE_WEIGHT:g}"', 1)


def text_for_index(html: str) -> str | None:
    """The page as Pagefind reads it, or None for a page left out of the index: the page's
    language and the article that carries :data:`BODY_ATTRIBUTE` (Pagefind reads nothing else of
    a page that has it), its description under its title, with typographic apostrophes written
    « ' », which Pagefind splits on, and without the headings' permalinks. An article weighted :data:`LIST_WEIGHT` (``overrides/main.html``
    from :func:`page_weight`) gives its title back a heading's weight."""
    mark = html.find(_ATTRIBUTE)
    if mark == -1:
        return None
    start, end = html.rfind("<article", 0, mark), html.rfind("</article>")
    if start == -1 or end < mark:
        return None
    language = html[:start].partition("<html")[2].partition(">")[0]
    article = html[start:end + len("</article>")]
    if f'{WEIGHT_ATTRIBUTE}="{LIST_WEIGHT:g}"' in article[:article.find(">")]:
        article = _with_title_weight(article)
    article = _with_description(article, html[:start]).replace(_TYPOGRAPHIC_APOSTROPHE, "'")
    if '<a class="headerlink"' in article:
        article = _PERMALINK.sub("", article)
    return "<!doctype html>\n<html" + language + ">\n<body>\n" + article + "\n</body>\n</html>\n"


def page_url(site_path: str) -> str:
    """The address Pagefind gives a page, from its built file's path in the site (« experiences/x/index.html »
    gives « /experiences/x/ »; the offline build, whose pages end in .html, keeps « /experiences/x.html »).
    MkDocs writes the home page's address « ./ »."""
    return "/" + site_path.removeprefix("./").removeprefix(".")


def pages_on_disk(site_dir: Path, directory_urls: bool) -> list[tuple[str, str]]:
    """Every built page of ``site_dir`` that is indexed, as (address, text for Pagefind): what the
    build hands :func:`build_index` page by page, read back from the files (for the benchmarks)."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(BUNDLE + "/"):
            continue
        text = text_for_index(path.read_text(encoding="utf-8"))
        if text is not None:
            if directory_urls:
                rel = rel.removesuffix("index.html")
            pages.append((page_url(rel), text))
    return pages


def _file_of(url: str) -> str:
    """The file Pagefind reads for the page at ``url``; it gives the page that address back."""
    rel = url.lstrip("/")
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def write_pages(pages: Sequence[tuple[str, str]], folder: Path) -> None:
    """The pages Pagefind reads, written under ``folder`` at the paths of their addresses."""
    for url, text in pages:
        write_page(folder, url, text)


def write_page(folder: Path, url: str, text: str, made: set[str] | None = None) -> None:
    """Write ``text`` where Pagefind reads the page at ``url``; ``made``: the folders already made under
    ``folder`` (a build writes thousands of pages: no folder is made twice)."""
    rel = _file_of(url)
    parent = os.path.join(folder, os.path.dirname(rel))
    if made is None or parent not in made:
        os.makedirs(parent, exist_ok=True)
        if made is not None:
            made.add(parent)
    with open(os.path.join(folder, rel), "w", encoding="utf-8") as out:
        out.write(text)


_WRITTEN, _ORDERED = "ecrites", "ordonnees"  # PageTexts' two folders


class PageTexts:
    """The pages Pagefind will read, written to a scratch folder as the build finishes each one: a build
    keeps none of them in memory (at 10,000 pages they weighed hundreds of megabytes). The folder goes
    when :func:`build_index` is done, or with this object if the build stops before."""

    def __init__(self, pages_per_part: int = PAGES_PER_PART) -> None:
        self._folder = ScratchFolder("guide-recherche-")
        self._made: set[str] = set()
        self._pages_per_part = pages_per_part
        # The words of the pages written, for the vocabulary page (:meth:`parts`): None until a second part is
        # needed, then read from the pages written so far and kept up to date from each page's text, which is
        # in memory (read back at the end, 10,000 pages took a second more).
        self._vocabulary: Vocabulary | None = None
        self.count = 0

    def add(self, url: str, text: str) -> None:
        """Write the page at ``url`` (its text from :func:`text_for_index`)."""
        write_page(self._folder.path() / _WRITTEN, url, text, self._made)
        self.count += 1
        if self._vocabulary is not None:
            self._vocabulary.add(text)
        elif self.count > self._pages_per_part:
            self._vocabulary = self._words_written()

    def _words_written(self) -> Vocabulary:
        vocabulary = Vocabulary()
        for path in (self._folder.path() / _WRITTEN).rglob("*.html"):
            vocabulary.add(path.read_text(encoding="utf-8"))
        return vocabulary

    def parts(self, pages_per_part: int = PAGES_PER_PART) -> list[Path]:
        """The folders Pagefind indexes, one per part of at most ``pages_per_part`` pages (none before the
        first page). Pagefind numbers pages in the order it finds them in a folder, which is the order the
        files were made there: the pages, written in the build's order, are moved in the order of their
        paths, so that an index does not depend on the order a build wrote its pages. The n-th page goes
        to part n modulo the number of parts: each part is a sample of the whole site, so the scores of
        its results (word frequencies, page lengths) compare with the other parts' ones."""
        if not self._folder.made:
            return []
        root = self._folder.path()
        written, ordered = root / _WRITTEN, root / _ORDERED
        if written.is_dir():
            paths = sorted(p for p in written.rglob("*") if p.is_file())
            count = max(1, -(-len(paths) // max(1, pages_per_part)))
            words = None
            if count > 1:  # read before the pages move
                words = (self._vocabulary if self._vocabulary is not None else self._words_written()).words()
            made: set[Path] = set()
            for number, path in enumerate(paths):
                target = ordered / f"{number % count}" / path.relative_to(written)
                if target.parent not in made:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    made.add(target.parent)
                path.rename(target)
            shutil.rmtree(written)
            if words is not None:
                page = vocabulary_page(words)
                for number in range(count):
                    write_page(ordered / f"{number}", f"/{VOCABULARY_PAGE}/", page)
        return sorted((p for p in ordered.iterdir() if p.is_dir()), key=lambda p: int(p.name))

    def close(self) -> None:
        self._folder.close()


def pagefind_arguments(pages_dir: Path, output: Path, directory_urls: bool) -> list[str]:
    """The Pagefind command line: index the pages in ``pages_dir``, write the bundle into ``output``
    (:class:`SearchIndexError` when Pagefind is not installed)."""
    try:
        program = pagefind_binary.executable()
    except pagefind_binary.PagefindMissing as missing:
        raise SearchIndexError(str(missing)) from None
    args = [str(program), "--site", str(pages_dir), "--output-path", str(output),
            "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDED_SELECTORS:
        args += ["--exclude-selectors", selector]
    if not directory_urls:  # file:// opens « experiences/index.html », not « experiences/ »
        args.append("--keep-index-url")
    return args


_TAG = re.compile(r"<[^>]*>")
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|del|em|i|ins|kbd|mark|s|small|span|strong|sub|sup|time|u)\b[^>]*>")


_MARK = "\x00"  # where an inline element was, in the words of a page
_WHOLE_TAG = re.compile(r"<[^<>]*>")


def _read_twice(text: str) -> set[str]:
    joined = _TAG.sub(" ", _INLINE_TAG.sub("", text))
    return set(html.unescape(joined).split()) | set(html.unescape(_TAG.sub(" ", text)).split())


def _pieces(text: str) -> list[str] | None:
    """The text split once at spaces, tags removed and each inline element replaced by a mark, entities
    left as written; None for a text where a « < » does not start a whole tag, or that holds the mark."""
    marked, inline = _INLINE_TAG.subn(_MARK, text)
    spaced = _WHOLE_TAG.sub(" ", marked)
    if _MARK in text or "<" in spaced or spaced.count(_MARK) != inline:
        return None
    return spaced.split()


def _words_of_piece(piece: str) -> list[str]:
    """The words of one piece in both readings: without its marks, and cut at them; entities read."""
    if "&" not in piece and _MARK not in piece:
        return [piece]
    parts = (piece.replace(_MARK, ""), *piece.split(_MARK)) if _MARK in piece else (piece,)
    return [word for part in parts for word in html.unescape(part).split()]


def words_of(text: str) -> set[str]:
    """The words of a page for Pagefind (its text split at spaces), read with a break at every tag and
    without one at an inline element's: Pagefind joins the text on either side of « <b>Ener</b>coop »
    (both readings: a weighted inline element, which Pagefind sets apart, breaks the word).

    The text is split once, each inline element replaced by a mark: a piece with a mark gives the word
    without it and the words between marks (:func:`_words_of_piece`). A text where a « < » does not start
    a whole tag (or that holds the mark) is read twice, as the two readings say."""
    vocabulary = Vocabulary()
    vocabulary.add(text)
    return vocabulary.words()


class Vocabulary:
    """The words of many pages (:func:`words_of` of each, joined): the pieces of every page are kept as they
    are and read once each at the end (a site repeats most of its words from page to page: twice as fast
    at 10,000 pages as reading each page's pieces)."""

    def __init__(self) -> None:
        self._pieces: set[str] = set()
        self._words: set[str] = set()  # of the pages read twice

    def add(self, text: str) -> None:
        pieces = _pieces(text)
        if pieces is None:
            self._words |= _read_twice(text)
        else:
            self._pieces.update(pieces)

    def words(self) -> set[str]:
        return self._words.union(*(_words_of_piece(piece) for piece in self._pieces))


def vocabulary_page(words: set[str]) -> str:
    """The page of :data:`VOCABULARY_PAGE`: ``words``, weighing nought."""
    return (f'<html lang="{LANGUAGE}"><body><article {BODY_ATTRIBUTE} {WEIGHT_ATTRIBUTE}="0"><p>'
            f"{html.escape(' '.join(sorted(words)))}</p></article></body></html>")


def build_index(site_dir: Path, directory_urls: bool, pages: PageTexts | Sequence[tuple[str, str]],
                pages_per_part: int = PAGES_PER_PART) -> None:
    """Index ``pages`` (written as the build went, or (address, text from :func:`text_for_index`)) into
    ``site_dir/pagefind``, in parts of at most ``pages_per_part`` pages; for the offline build (no
    directory URLs), wrap the index for ``file://``. Raises :class:`SearchIndexError` when Pagefind fails
    or finds nothing to index."""
    if not isinstance(pages, PageTexts):
        texts = PageTexts()
        for url, text in pages:
            texts.add(url, text)
        pages = texts
    try:
        _index(site_dir, directory_urls, pages.parts(pages_per_part))
    finally:
        pages.close()


_NO_PAGE = ("recherche : Pagefind n'a indexé aucune page. Vérifiez que l'article des pages porte "
            f"l'attribut {BODY_ATTRIBUTE} (overrides/main.html).")


def part_folder(number: int) -> str:
    """The folder, under BUNDLE, of the index part ``number`` (0 for the first, which is BUNDLE itself)."""
    return f"{PART_PREFIX}{number + 1}/" if number else ""


def _index(site_dir: Path, directory_urls: bool, parts: Sequence[Path]) -> None:
    bundle = site_dir / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    if not parts:
        raise SearchIndexError(_NO_PAGE)
    pages = 0
    for number, part in enumerate(parts):  # one after the other: Pagefind's memory is one part's
        output = bundle / part_folder(number)
        pages += _run_pagefind(part, output, directory_urls)
        shutil.rmtree(part)  # read: its texts are no longer needed
        if number:
            for path in output.iterdir():
                if path.name not in PART_KEEPS and not path.name.endswith(".pf_meta"):
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
    pages -= len(parts) if len(parts) > 1 else 0  # the vocabulary pages
    (bundle / PARTS_FILE).write_text(json.dumps({"pages": pages, "parties": [part_folder(n) for n in
                                                                            range(1, len(parts))]}), encoding="utf-8")
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    if not directory_urls:
        wrap_for_file_urls(bundle)
    shutil.copyfile(LICENCE, bundle / LICENCE_FILE)


def _run_pagefind(pages_dir: Path, output: Path, directory_urls: bool) -> int:
    """Index the pages in ``pages_dir`` into ``output``; the number of pages indexed."""
    try:
        done = subprocess.run(pagefind_arguments(pages_dir, output, directory_urls), capture_output=True, text=True)
    except OSError as err:
        raise SearchIndexError(f"recherche : impossible de lancer Pagefind ({err}). Lancez ./run.sh build, "
                               "qui l'installe (tools/pagefind/package-lock.json).") from None
    said = (done.stderr + done.stdout).strip()
    detail = " / ".join(list(dict.fromkeys(said.splitlines()))[-5:])  # its last lines, each once (not once a page)
    if done.returncode != 0:
        if "not able to build an index" in said:
            raise SearchIndexError(_NO_PAGE)
        raise SearchIndexError(f"recherche : Pagefind n'a pas pu indexer le site (code {done.returncode}) : {detail}")
    if said:  # with --quiet Pagefind says nothing unless it warns: it goes on without what it could not read
        raise SearchIndexError(f"recherche : Pagefind a indexé le site mais signale un problème, que la "
                               f"construction ne laisse pas passer : {detail}")
    entry = output / "pagefind-entry.json"
    if not entry.is_file() or not any((output / "fragment").glob("*.pf_fragment")):
        raise SearchIndexError(_NO_PAGE)
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return sum(int(language.get("page_count", 0)) for language in languages.values())


def index_exists(site_dir: Path) -> bool:
    """Whether ``site_dir`` holds an index written by an earlier build (online or offline)."""
    bundle = site_dir / BUNDLE
    return (bundle / "pagefind-entry.json").is_file() or (bundle / OFFLINE_FOLDER).is_dir()


def wrap_for_file_urls(bundle: Path) -> None:
    """Replace every file of the index by a classic script under ``hors-ligne/`` (see the module's
    docstring)."""
    target = bundle / OFFLINE_FOLDER
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    for path in files:
        rel = path.relative_to(bundle).as_posix()
        out = target / f"{rel}.js"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(wrapped(rel, path.read_bytes()), encoding="utf-8")
        path.unlink()
    for folder in sorted((p for p in bundle.iterdir() if p.is_dir() and p != target), reverse=True):
        shutil.rmtree(folder)


def wrapped(rel: str, data: bytes) -> str:
    """The classic script standing for the index file ``rel``: the source as a string for Pagefind's
    module and worker, the bytes in base64 for the others."""
    if rel in SOURCE_FILES:
        return f"{OFFLINE_REGISTER}.source({json.dumps(rel)},{json.dumps(data.decode('utf-8'))});\n"
    return f'{OFFLINE_REGISTER}.file({json.dumps(rel)},"{base64.b64encode(data).decode("ascii")}");\n'
