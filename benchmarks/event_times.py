"""CPU seconds spent in each plugin and hook event during one MkDocs build.

Runs the build in this process with every event handler timed (time.process_time),
then prints a JSON object: {"total": seconds, "events": {"page_content hooks": seconds, …}}.
build_scaling.py runs it in a fresh process, with and without the hooks, to show where
the hooks' time goes and what they save elsewhere (the search plugin reads lighter pages).

Usage: .venv/bin/python benchmarks/event_times.py path/to/mkdocs.yml site_dir
"""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from typing import Any, Callable

from mkdocs.commands.build import build
from mkdocs.config import load_config


def owner(method: Callable[..., Any]) -> str:
    """A short name for the plugin or hook file that registered ``method``."""
    plugin = getattr(method, "__self__", None)
    if plugin is None:
        return "hooks"
    parts = type(plugin).__module__.split(".")  # material.plugins.search.plugin -> search
    return parts[-2] if len(parts) > 1 else parts[0]


def main() -> None:
    config_file, site_dir = sys.argv[1], sys.argv[2]
    config = load_config(config_file, site_dir=site_dir)
    spent: defaultdict[str, float] = defaultdict(float)
    for event, methods in config.plugins.events.items():
        timed = []
        for method in methods:
            label = f"{event} {owner(method)}"

            def run(*args: Any, _method: Callable[..., Any] = method, _label: str = label, **kwargs: Any) -> Any:
                start = time.process_time()
                try:
                    return _method(*args, **kwargs)
                finally:
                    spent[_label] += time.process_time() - start
            timed.append(run)
        config.plugins.events[event] = timed
    start = time.process_time()
    build(config)
    total = time.process_time() - start
    print(json.dumps({"total": round(total, 3),
                      "events": {k: round(v, 3) for k, v in sorted(spent.items(), key=lambda kv: -kv[1]) if v >= 0.005}}))


if __name__ == "__main__":
    main()
