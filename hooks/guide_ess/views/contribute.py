"""The « Contribuer » page: links to the repository's forms, from the configured repository address."""
from __future__ import annotations

from .model import Block, Blocks, Site

PROPOSAL_FORM = "proposer-experience.yml"  # .github/ISSUE_TEMPLATE/
ERROR_FORM = "signaler-erreur.yml"


def forms(site: Site, here: str) -> Blocks:
    """The forms « Proposer une expérience » and « Signaler une erreur » (GitHub's new-issue address
    with a template), and the repository itself; a note instead when no repository is configured."""
    repo = site.repo_url.rstrip("/")
    data = {"repo": repo, "proposal": f"{repo}/issues/new?template={PROPOSAL_FORM}" if repo else "",
            "error": f"{repo}/issues/new?template={ERROR_FORM}" if repo else "",
            "pulls": f"{repo}/pulls" if repo else ""}
    return Blocks(before=Block("contribuer.html", data))
