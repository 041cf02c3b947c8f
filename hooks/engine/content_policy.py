"""The content policy (guide_ess/content/policy.py) where MkDocs is: the snippets extension set to the
core's allow-list, and every page's HTML, as Markdown rendered it, checked again before it is written."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from guide_ess.core import Problem, policy

SNIPPETS = "pymdownx.snippets"
# The settings of pymdownx.snippets that keep it to the allow-list: only these files, under no other
# folder, never a web address, nothing appended to every page, and a missing file stops the build.
REQUIRED: dict[str, Any] = {"restrict_base_path": True, "check_paths": True, "url_download": False,
                            "auto_append": []}


def check_config(config: MkDocsConfig) -> None:
    """Stop, in French, if mkdocs.yml lets pymdownx.snippets include more than the core allows."""
    if SNIPPETS not in config.markdown_extensions:
        return
    settings = dict(config.mdx_configs.get(SNIPPETS, {}))
    base = settings.get("base_path", ["."])
    base = [base] if isinstance(base, str) else list(base)
    wrong = [name for name, value in REQUIRED.items() if settings.get(name) != value]
    if not policy.includable(base) or wrong:
        expected = ", ".join(f"{k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in REQUIRED.items())
        raise PluginError(f"mkdocs.yml : l'extension {SNIPPETS} doit avoir base_path: "
                          f"[{', '.join(policy.INCLUDABLE_FILES)}] (la liste INCLUDABLE_FILES de "
                          f"hooks/guide_ess/content/policy.py) et {expected}"
                          + (f" ; à corriger : {', '.join(wrong)}." if wrong else "."))


def missing_includes(page: Page, markdown: str) -> list[Problem]:
    """The files a page includes (the core allows them) that the extension would not find: it reads them
    from the folder the build runs in. Told in French at the line, instead of the extension's traceback."""
    if "8<" not in markdown:
        return []
    problems = []
    offset = _body_offset(page)
    for number, target in policy.includes(markdown):
        if not Path(target).is_file():
            problems.append(Problem(f"docs/{page.file.src_uri}", "", f"le fichier inclus « {target} » est introuvable "
                                    f"dans le dossier du projet ({Path.cwd()}) : lancez la construction depuis le "
                                    "dossier du projet (./run.sh build), ou retirez la ligne.", number + offset))
    return problems


def _body_offset(page: Page) -> int:
    """The lines of the file before the text MkDocs renders (its front matter, which the core removed)."""
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError):
        return 0
    body = page.markdown or ""
    first = body.split("\n", 1)[0] if body.strip() else ""
    at = source.find(first) if first else -1
    return source.count("\n", 0, at) if at > 0 else 0


def rendered_problems(page: Page, html: str) -> list[Problem]:
    """The breaches of the policy in a page's own HTML (before the site adds its blocks); the page's file
    is read again only to place a problem at its line."""
    def source() -> str:
        try:
            return page.file.content_string
        except (OSError, UnicodeDecodeError):
            return ""
    return policy.check_html(f"docs/{page.file.src_uri}", html, source)
