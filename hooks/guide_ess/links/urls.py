"""Page addresses, computed the way MkDocs computes them, from the pages' paths relative to docs/.

Pure string work (no file system): a thousand case studies linking to the same
pages cost one cached answer per folder.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache


@lru_cache(maxsize=65536)
def page_url(path: str, directory_urls: bool) -> str:
    """The address MkDocs gives the page ``path`` (relative to docs/)."""
    stem = path[:-3] if path.endswith(".md") else path
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        return folder + "/" if folder else ""
    return stem + "/"


def relative_url(from_path: str, to_path: str, directory_urls: bool) -> str:
    """The href, from page ``from_path``, of page ``to_path``."""
    source, target = page_url(from_path, directory_urls), page_url(to_path, directory_urls)
    if not directory_urls:
        return _from_folder(posixpath.dirname(source), target, False)
    base = source.rstrip("/")
    if not base or target.startswith(source):  # the page itself, or below it
        return _from_folder(base, target, True)
    # Elsewhere: one level up from the page's folder, then as from its parent folder, which
    # every page of that folder shares (one cached answer for a thousand case studies).
    rel = _from_folder(posixpath.dirname(base), target, True)
    return "../" + ("" if rel == "./" else rel)


def relative_file_url(from_path: str, file_path: str, directory_urls: bool) -> str:
    """The href, from page ``from_path``, of a file of the site that is not a page (``assets/x.js``, ``feed.xml``)."""
    url = page_url(from_path, directory_urls)
    folder = url.rstrip("/") if directory_urls else posixpath.dirname(url)
    return posixpath.relpath(file_path, folder or ".")


@lru_cache(maxsize=65536)
def _from_folder(folder: str, target: str, directory_urls: bool) -> str:
    """The href of the page address ``target`` from the folder ``folder`` of the site."""
    base_parts = folder.split("/") if folder else []
    target_parts = target.rstrip("/").split("/") if target.rstrip("/") else []
    common = 0
    for a, b in zip(base_parts, target_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + target_parts[common:]) or "."
    if directory_urls:
        return "./" if rel == "." else rel + "/"
    return rel
