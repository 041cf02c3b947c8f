"""The site's own scripts and stylesheet (``docs/assets/``), minified as the build copies them.

They are written to be read: long French comments, one statement a line. A reader's browser needs
none of that: minified (PyPI rjsmin and rcssmin, which only drop comments and spaces), they weigh
about 40 % less gzipped, on every page view (7.7 kB of the 100 kB a page may weigh at 10,000 cases,
benchmarks/results/scale_10000.md). The sources in ``docs/assets/`` stay as they are; the built site
holds the minified copies, online and offline. Material's own files are minified already.
"""
from __future__ import annotations

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

OWN_ASSETS = "assets/"  # under docs/: the site's own scripts and stylesheets


def minified(text: str, path: str) -> str:
    """``text`` of the script or stylesheet at ``path``, minified (anything else as it is)."""
    if path.endswith(".js"):
        return str(rjsmin.jsmin(text)) + "\n"
    if path.endswith(".css"):
        return str(rcssmin.cssmin(text)) + "\n"
    return text


def minify_assets(files: Files, config: MkDocsConfig) -> None:
    """Replace each script and stylesheet of ``docs/assets/`` by its minified copy."""
    for file in list(files):
        if file.src_uri.startswith(OWN_ASSETS) and file.src_uri.endswith((".js", ".css")) and file.abs_src_path:
            with open(file.abs_src_path, encoding="utf-8") as source:
                text = source.read()
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=minified(text, file.src_uri)))
