"""The content policy (guide_ess/content/policy.py) where MkDocs is: the snippets extension set to the
core's allow-list, and every page's HTML, as Markdown rendered it, checked again before it is written."""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from guide_ess.content import policy
from guide_ess.content.problems import Problem

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


def rendered_problems(page: Page, html: str) -> list[Problem]:
    """The breaches of the policy in a page's own HTML (before the site adds its blocks)."""
    try:
        source = page.file.content_string
    except (OSError, UnicodeDecodeError):
        source = ""
    return policy.check_html(f"docs/{page.file.src_uri}", html, source)
