"""The offline build: Material's search worker needs the iframe-worker shim under file://.

The offline plugin loads it from unpkg.com unless a polyfill whose path holds
« iframe-worker » is listed in ``extra.polyfills``: the vendored copy is listed,
for the offline build only, before the plugin's own on_config runs.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from .material import OFFLINE_PLUGIN

OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"


def is_offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get(OFFLINE_PLUGIN)
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled"))


def add_search_shim(config: MkDocsConfig) -> None:
    """List the vendored iframe-worker shim among the polyfills of an offline build."""
    if is_offline(config):
        polyfills = list(config.extra.get("polyfills", []))
        if OFFLINE_SHIM not in polyfills:
            config.extra["polyfills"] = [*polyfills, OFFLINE_SHIM]
