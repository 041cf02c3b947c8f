"""Offline (file://), Pagefind searches in its worker, started from a blob: address by recherche.js.

A page opened from file:// may not start a worker from a file: address; recherche.js starts Pagefind's
worker from the wrapped source (pagefind/hors-ligne/pagefind-worker.js.js), and the worker asks the page
for the index files. Whether the search ran off the page's main thread is read from the page itself:
its main thread compiles Pagefind's WebAssembly only when it searches itself.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from header_search import panel_results

# A rare word, a word on most pages, two words.
QUERIES = ("Enercoop", "collectivité", "marchés réservés")

# Counts the WebAssembly modules the page's main thread compiles (Pagefind's, when it searches there).
COUNT_WASM = """(() => {
  window.__modulesWasm = 0;
  for (const name of ["instantiate", "compile", "instantiateStreaming", "compileStreaming"]) {
    const real = WebAssembly[name];
    if (real) WebAssembly[name] = function () { window.__modulesWasm += 1; return real.apply(this, arguments); };
  }
  const RealModule = WebAssembly.Module;
  WebAssembly.Module = function (bytes) { window.__modulesWasm += 1; return new RealModule(bytes); };
})();"""
# A browser that refuses every worker (the constructor throws, as for a file: address).
REFUSE_WORKERS = """window.Worker = function () { throw new DOMException("refusé", "SecurityError"); };"""


def search(browser: Any, start: str, *init_scripts: str) -> tuple[dict[str, tuple[str, list[str]]], list[str], int]:
    """For each query, the announcement and the results' addresses; the page's workers; the WebAssembly
    modules its main thread compiled."""
    context = browser.new_context()
    tab = context.new_page()
    for script in (COUNT_WASM, *init_scripts):
        tab.add_init_script(script)
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(start)
    found = panel_results(tab, QUERIES)
    workers = [worker.url for worker in tab.workers]
    compiled = tab.evaluate("window.__modulesWasm")
    context.close()
    assert errors == [], errors
    return found, workers, compiled


def test_offline_search_runs_in_a_worker_and_finds_what_the_main_thread_finds(browser: Any, offline_site: Path,
                                                                             tmp_path: Path) -> None:
    # Unzipped where a reader would: a folder whose name has a space and an accent (escaped in file: URLs).
    bundle = tmp_path / "Clé USB" / "guide ess"
    shutil.copytree(offline_site, bundle)
    start = (bundle / "experiences" / "lille-enercoop.html").as_uri()
    in_worker, workers, compiled = search(browser, start)
    assert len(workers) == 1 and workers[0].startswith("blob:"), workers
    assert compiled == 0, "la page a compilé le WebAssembly de Pagefind : la recherche n'est pas passée par le worker"
    on_page, workers_refused, compiled_refused = search(browser, start, REFUSE_WORKERS)
    assert workers_refused == [] and compiled_refused == 1, (workers_refused, compiled_refused)
    for query in QUERIES:
        assert in_worker[query][1], query
    assert in_worker == on_page
