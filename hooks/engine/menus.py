"""What the awesome-pages plugin's ``.pages`` files say, where the build needs it."""
from __future__ import annotations

import posixpath
from pathlib import Path

import yaml


def folder_order(docs_dir: Path, folder: str) -> list[str]:
    """The page ids of ``folder`` in the order of its menu (``docs/<folder>/.pages``), [] if it has none."""
    try:
        entries = yaml.safe_load((docs_dir / folder / ".pages").read_text(encoding="utf-8")).get("nav", [])
    except (OSError, AttributeError, yaml.YAMLError):
        return []
    return [posixpath.splitext(e)[0] for e in entries if isinstance(e, str) and e.endswith(".md")]


def menu_orders(docs_dir: Path) -> dict[str, list[str]]:
    """The menu order of every folder of ``docs_dir`` that has a ``.pages`` file, by folder name."""
    return {folder.name: folder_order(docs_dir, folder.name)
            for folder in sorted(docs_dir.iterdir()) if (folder / ".pages").is_file()}
