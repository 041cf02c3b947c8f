"""Content problems, told to the contributor: one line each, then the build stops."""
from __future__ import annotations

import logging
from typing import Iterable

from mkdocs.exceptions import PluginError

from guide_ess.core import Problem

log = logging.getLogger("mkdocs.hooks.guide_ess")


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, by file, line, field and message."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message))


def stop_on(problems: Iterable[Problem]) -> None:
    """Log every problem and stop the build, if there is any."""
    unique = ordered(problems)
    if not unique:
        return
    for problem in unique:
        log.error(str(problem))
    raise PluginError(summary(len(unique)))


def summary(count: int) -> str:
    """The message the build stops with, after the problems it lists."""
    return (f"{count} erreur(s) dans le contenu : corrigez chaque ligne ci-dessus (voir CONTRIBUTING.md), "
            "puis relancez la construction.")
