"""What the content policy costs: the check of each page's Markdown (core, every page read) and of each
page's rendered HTML (engine), on the real pages, against the time to render them with Python-Markdown.

Usage: .venv/bin/python benchmarks/content_policy.py  (writes benchmarks/results/content_policy.md)
Runs side by side, several rounds; medians per page; the load average is recorded.
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import markdown  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from common import machine, project_revision  # noqa: E402
from guide_ess.content import frontmatter, policy  # noqa: E402

ROUNDS = 7


def main() -> int:
    docs = ROOT / "docs"
    config = load_config(str(ROOT / "mkdocs.yml"))
    texts = [(f"docs/{p.relative_to(docs).as_posix()}", p.read_text(encoding="utf-8-sig")) for p in sorted(docs.rglob("*.md"))]
    bodies = [(path, text, frontmatter.parse(path, text).body) for path, text in texts]
    os.chdir(ROOT)
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    rendered = []
    for _path, _text, body in bodies:
        rendered.append(md.reset().convert(body))
    source_times, html_times, parser_times, render_times = [], [], [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for path, text, body in bodies:
            policy.check_page(path, text, body)
        source_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for (path, text, _body), html in zip(bodies, rendered):
            policy.check_html(path, html, text)
        html_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for (path, text, _body), html in zip(bodies, rendered):
            policy.parsed_html_problems(path, html, text)
        parser_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _path, _text, body in bodies:
            md.reset().convert(body)
        render_times.append(time.perf_counter() - start)
    n = len(bodies)
    per_page = {name: statistics.median(times) / n * 1000 for name, times in
                (("source", source_times), ("html", html_times), ("parser", parser_times),
                                 ("render", render_times))}
    size = sum(len(text) for _p, text, _b in bodies) / n
    load = os.getloadavg()
    report = f"""# Content policy: cost per page

Measured by `benchmarks/content_policy.py` at {project_revision()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())};
{machine(("mkdocs", "markdown", "pymdown-extensions"))}. Load average at the end: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}
(the machine is shared: compare the ratios, measured side by side, more than the times).

{n} real pages of docs/ (mean {size:,.0f} characters), {ROUNDS} rounds, median of the rounds divided by the pages:

| Step | ms per page | × Python-Markdown's rendering of the page |
|---|---|---|
| Markdown source checked (`policy.check_page`, core, every page read) | {per_page['source']:.3f} | {per_page['source'] / per_page['render']:.2f} |
| Rendered HTML checked (`policy.check_html`, engine, every page written) | {per_page['html']:.3f} | {per_page['html'] / per_page['render']:.2f} |
| … the same by `html.parser` alone (`policy.parsed_html_problems`: what it cost before the plain-tag reading) | {per_page['parser']:.3f} | {per_page['parser'] / per_page['render']:.2f} |
| Python-Markdown rendering of the page (mkdocs.yml's extensions), for scale | {per_page['render']:.3f} | 1.00 |

Both checks read each page once (linear in the number and size of pages).
"""
    out = ROOT / "benchmarks" / "results" / "content_policy.md"
    out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
