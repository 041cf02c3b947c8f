"""Build-time scaling of the site: synthetic corpora of 300, 1,000, 3,000 and 10,000 case studies.

Each corpus is the real project (config, hooks, overrides, every page of docs/) plus
synthetic sources (up to 30) and synthetic case studies (up to N in all). It is built
with the hooks (strict, as ./run.sh build does) and without them (same pages, a config
with no ``hooks:`` entry, non-strict: without hooks nothing links the case pages).
Every build runs in a fresh process; its peak memory comes from os.wait4 (the largest of the
build process and of Pagefind, which it starts), and the build process's own peak from
getrusage(RUSAGE_SELF) at its exit. The build with hooks ends with the search indexing
(hooks/engine/search.py runs Pagefind); its time alone is measured too, by running the indexing
again on the built site. The largest page built is named at each size.

Usage: .venv/bin/python benchmarks/build_scaling.py [--sizes 300 1000 3000 10000] [--keep] [--texte naturel]
Writes benchmarks/results/build_scaling.md.
"""
from __future__ import annotations

import argparse
import datetime
import functools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from common import machine, project_revision

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from engine import search as site_search  # noqa: E402  (the indexing the hooks run at the end of each build)

MKDOCS = Path(sys.executable).with_name("mkdocs")
RESULTS = ROOT / "benchmarks" / "results" / "build_scaling.md"
RUNS = {300: 3, 1000: 3, 3000: 1, 10000: 1}  # timed builds per configuration
BREAKDOWN_AT = 1000  # where the time of each plugin and hook event is reported
HOOK_TIMES_AT = (1000, 10000)  # where the hooks' own events are timed (issue 20 names 10,000 cases)
TOTAL_SOURCES = 30
PROBE_CASE = "cas-synthetique-00001"  # same front matter and body at every size

# Targets: at 1,000 case studies the whole build with hooks at most 1.25 × the build without them;
# the hooks' own events at most 1.5 ms of CPU per built page, at 1,000 and at 10,000 (issue 20).
MAX_BUILD_RATIO_AT_1000 = 1.25
MAX_HOOK_MS_PER_PAGE = 1.5
MAX_TIME_RATIO_3000_300 = 11.0
MAX_HTML_RATIO_3000_300 = 1.5
MAX_TIME_RATIO_10000_1000 = 10.5  # issue 20: linear build time
MAX_PEAK_MB_AT_10000 = 1000.0  # issue 20: a lean build
# The build in a process that writes its own peak memory (RUSAGE_SELF: Pagefind, its child, left out) at exit.
RSS_WRAPPER = """import atexit, os, resource, sys
atexit.register(lambda: open(os.environ["GUIDE_RSS_FILE"], "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
"""

PLACES = ["Lille", "Nantes", "Rennes", "Grenoble", "Bordeaux", "Strasbourg", "Metz", "Brest", "Tours",
          "Dijon", "Besançon", "Rouen", "Caen", "Limoges", "Poitiers", "Pau", "Nîmes", "Ajaccio",
          "Pointe-à-Pitre", "Cayenne", "Saint-Denis", "Mamoudzou", "Clermont-Ferrand", "Amiens"]
ACTIONS = ["un marché réservé", "une SCIC pour l'alimentation", "un conseil local de l'ESS",
           "des clauses sociales", "un appel à projets", "un pôle territorial de coopération",
           "des référents ESS", "une convention pluriannuelle", "un diagnostic partagé", "un tiers-lieu"]
ACTORS = ["Ville", "Métropole", "Département", "Région", "CRESS", "Chambre régionale", "Coopérative",
          "Association d'insertion", "Régie de quartier", "Structure d'insertion"]
WORDS = ("la collectivité accompagne les acteurs de l'ESS avec un service dédié qui réunit élus agents "
         "associations coopératives et entreprises d'insertion autour d'un projet de territoire partagé "
         "le marché public intègre une clause sociale et un critère environnemental mesuré chaque année "
         "la SCIC associe habitants producteurs et collectivité au capital pour gérer un bien commun "
         "le conseil de développement suit les indicateurs et propose des ajustements au budget annuel").split()
THEMES_INDEX = "---\ntitle: Expériences par thème\ndescription: Les expériences classées par thème.\nindex: themes\n---\n\nLes thèmes.\n"
SECTIONS = ["Qui et où", "Ce qui a été fait", "Les leviers utilisés", "Ce que l'on peut en retenir"]


# --- corpus generation -----------------------------------------------------------------------

def yaml_list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


Sentence = Callable[[random.Random], str]


def sentence(rng: random.Random) -> str:
    """A sentence of the repetitive text: 9 to 18 of the 75 :data:`WORDS`. Every case then writes each of
    them about ten times (« collectivité » about 20): the worst case for the index chunk of a common word."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(9, 18))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


_MARKUP = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images: their text
    (re.compile(r"\[\^[^\]]*\]"), ""),  # footnote references
    (re.compile(r"\{[:#.][^}]*\}"), ""),  # attribute lists
    (re.compile(r"[*_`]+"), ""),  # emphasis, code
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")
_SKIPPED_LINE = re.compile(r"\s*(?:#|\||!!!|\?\?\?|\*\[|--8<--|<|```|~~~|:|\[\^)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")


def site_sentences(docs: Path) -> list[str]:
    """The sentences of the site's own case studies and guides, Markdown removed (headings, tables,
    admonitions, code and HTML left out): 6 to 60 words, no bracket, brace or web address left."""
    sentences: list[str] = []
    for folder in ("experiences", "guides"):
        for page in sorted((docs / folder).glob("*.md")):
            body = page.read_text(encoding="utf-8").split("\n---", 1)[-1]
            lines = [_LIST_MARKER.sub("", line, count=1) for line in body.splitlines() if not _SKIPPED_LINE.match(line)]
            for block in "\n".join(lines).split("\n\n"):
                text = " ".join(block.split())
                for pattern, replacement in _MARKUP:
                    text = pattern.sub(replacement, text)
                sentences.extend(s for s in _SENTENCE_END.split(text)
                                 if 6 <= len(s.split()) <= 60 and not re.search(r"[\[\]{}<>|]|https?:|\.md\b", s))
    return sentences


def natural_text(docs: Path) -> Sentence:
    """Sentences drawn from :func:`site_sentences`: a synthetic case then uses the site's own vocabulary at
    about its frequencies (a content word found on most case pages appears one to three times on each)."""
    pool = [s[0].upper() + s[1:] for s in site_sentences(docs)]
    return lambda rng: rng.choice(pool)


TEXTS = ("repetitif", "naturel")


def paragraph(rng: random.Random, source_id: str | None = None, sentence: Sentence = sentence) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(3, 5)))
    if source_id:
        text += f" ([source](../sources/{source_id}.md))"
    return text


def source_page(index: int, vocab: dict[str, dict[str, str]]) -> tuple[str, str]:
    rng = random.Random(f"source-{index}")
    source_id = f"source-synthetique-{index:02d}"
    kind = rng.choice(list(vocab["types_source"]))
    access = "adherents" if kind == "ressource-adherents" else "public"
    body = "\n\n".join([f"## Ce que couvre la ressource\n\n{paragraph(rng)}", f"## Où la trouver\n\n{paragraph(rng)}"])
    text = (f"---\nid: {source_id}\ntitle: {quoted(f'Ressource synthétique n° {index}')}\n"
            f"description: {quoted(sentence(rng))}\nediteur: RTES\ndate: juin {2010 + index % 14}\n"
            f"type: {kind}\nacces: {access}\n---\n\n{body}\n")
    return source_id, text


def case_page(index: int, vocab: dict[str, dict[str, str]], source_ids: list[str],
              sentence: Sentence = sentence) -> tuple[str, str]:
    """One synthetic case study; its content depends only on ``index`` and the kind of text."""
    rng = random.Random(f"case-{index}")
    case_id = f"cas-synthetique-{index:05d}"
    place = rng.choice(PLACES)
    title = f"{place} : {rng.choice(ACTIONS)} ({index})"
    start = rng.randint(2010, 2022)
    period = str(start) if rng.random() < 0.4 else f"{start}-{start + rng.randint(1, 4)}"
    sources = rng.sample(source_ids, rng.randint(1, 2))
    meta = [
        f"id: {case_id}",
        f"title: {quoted(title)}",
        f"description: {quoted(sentence(rng))}",
        f"territoire: {quoted(place)}",
        f"regions: {yaml_list(rng.sample(list(vocab['regions']), rng.choice([1, 1, 1, 2])))}",
        f"echelons: {yaml_list(rng.sample(list(vocab['echelons']), rng.choice([1, 1, 2])))}",
        f"periode: {quoted(period)}",
        f"themes: {yaml_list(rng.sample(list(vocab['themes']), rng.randint(1, 3)))}",
        f"leviers: {yaml_list(rng.sample(list(vocab['leviers']), rng.randint(1, 4)))}",
        f"acteurs: {yaml_list([f'{actor} de {place}' for actor in rng.sample(ACTORS, rng.randint(1, 3))])}",
        f"sources: {yaml_list(sources)}",
        f"verifie_le: {quoted(f'{rng.randint(2024, 2026)}-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}')}",
    ]
    body = []
    for title_ in SECTIONS:
        paragraphs = [paragraph(rng, rng.choice(sources) if rng.random() < 0.5 else None, sentence)
                      for _ in range(rng.randint(1, 3))]
        body.append(f"## {title_}\n\n" + "\n\n".join(paragraphs))
    body.append("- " + "\n- ".join(sentence(rng) for _ in range(3)))
    return case_id, "---\n" + "\n".join(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"


def snapshot(base: Path) -> Path:
    """One copy of the project for the whole run, so that every size builds the same hooks and pages."""
    template = base / "template"
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / folder, template / folder, ignore=ignore)
    for name in ("mkdocs.yml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, template / name)
    return template


def make_corpus(base: Path, template: Path, n_cases: int, text: str = TEXTS[0]) -> Path:
    """The project snapshot plus synthetic sources and cases: ``n_cases`` case studies in all, their text
    :func:`sentence` (``repetitif``) or :func:`natural_text` (``naturel``)."""
    project = base / (f"corpus-{n_cases}" if text == TEXTS[0] else f"corpus-{n_cases}-{text}")
    shutil.copytree(template, project)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs-nohooks.yml").write_text(without_hooks(config), encoding="utf-8")

    docs = project / "docs"
    vocab = yaml.safe_load((docs / ".vocabulaires.yml").read_text(encoding="utf-8"))
    real_sources = [p.stem for p in (docs / "sources").glob("*.md") if p.name != "index.md"]
    real_cases = [p for p in (docs / "experiences").glob("*.md") if p.name != "index.md"]
    writer = sentence if text == TEXTS[0] else natural_text(docs)
    synthetic_sources = []
    for i in range(1, TOTAL_SOURCES - len(real_sources) + 1):
        source_id, text = source_page(i, vocab)
        (docs / "sources" / f"{source_id}.md").write_text(text, encoding="utf-8")
        synthetic_sources.append(source_id)
    for i in range(1, n_cases - len(real_cases) + 1):
        case_id, page = case_page(i, vocab, sorted(real_sources) + synthetic_sources, writer)
        (docs / "experiences" / f"{case_id}.md").write_text(page, encoding="utf-8")
    return project


def without_hooks(config: str) -> str:
    """The same configuration, with no ``hooks:`` entry and not strict."""
    lines = config.splitlines(keepends=True)
    out, skipping = [], False
    for line in lines:
        if line.startswith("hooks:"):
            skipping = True
            continue
        if skipping and line.startswith((" ", "\t", "-")):
            continue
        skipping = False
        out.append("strict: false\n" if line.startswith("strict:") else line)
    return "".join(out)


# --- measuring -------------------------------------------------------------------------------

class BuildFailed(RuntimeError):
    pass


NOTES: list[str] = []  # workarounds applied to the corpus, for the report


def first_build(project: Path, site: Path) -> Build:
    """The first build with hooks; adds docs/themes/index.md once if the generated theme pages need it."""
    try:
        return timed_build(project, "mkdocs.yml", site, strict=True)
    except BuildFailed as err:
        target = "'themes/index.md' is not found"
        if target not in str(err):
            raise
    # Past 30 cases a theme gets a generated page; some versions of the hooks link it back to
    # themes/index.md, which the site lacks: a strict build then fails.
    (project / "docs" / "themes").mkdir(exist_ok=True)
    (project / "docs" / "themes" / "index.md").write_text(THEMES_INDEX, encoding="utf-8")
    note = (f"{project.name}: the strict build failed on a link to the missing `themes/index.md` (generated theme "
            "pages link back to it); `docs/themes/index.md` (`index: themes`) was added to the corpus.")
    if note not in NOTES:
        NOTES.append(note)
    return timed_build(project, "mkdocs.yml", site, strict=True)


@dataclass
class Build:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the build process
    peak_mb: float  # the largest of the build process and of Pagefind
    own_mb: float = 0.0  # the build process alone
    tree_mb: float = 0.0  # the build process and Pagefind together, at their sampled peak (TreeMemory)


class TreeMemory:
    """The resident memory of a process and of its descendants together (what the machine must hold),
    sampled from /proc every :data:`SAMPLE_S` seconds in a thread while the process runs; its peak."""

    SAMPLE_S = 0.05

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def tree_kb(pid: int) -> int:
        total, stack = 0, [pid]
        while stack:
            current = stack.pop()
            try:
                status = Path(f"/proc/{current}/status").read_text()
                total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
                for task in Path(f"/proc/{current}/task").iterdir():
                    stack += [int(child) for child in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue  # the process ended meanwhile
        return total

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, self.tree_kb(self.pid))
            self._done.wait(self.SAMPLE_S)

    def stop(self) -> float:
        """The peak in MB."""
        self._done.set()
        self._thread.join()
        return self.peak_kb / 1024


def timed_build(project: Path, config: str, site: Path, strict: bool) -> Build:
    """One build in a fresh process: wall-clock seconds and peak resident memory."""
    args = [sys.executable, "-c", RSS_WRAPPER, "build", "-f", config, "--site-dir", str(site)] + (["--strict"] if strict else [])
    log_path = site.parent / f"{site.name}.log"
    rss_path = site.parent / f"{site.name}.rss"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_RSS_FILE=str(rss_path))
    with log_path.open("w") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        tree = TreeMemory(proc.pid)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        tree_mb = tree.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise BuildFailed(f"build failed ({project.name}, {config}):\n" + log_path.read_text(errors="replace")[-3000:])
    own = int(rss_path.read_text()) / 1024 if rss_path.is_file() else 0.0
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, own, tree_mb)  # ru_maxrss: KiB


@dataclass
class EventTimes:
    total: float  # CPU seconds of the whole build
    events: dict[str, float]  # "event plugin" -> CPU seconds


def event_times(project: Path, config: str, site: Path) -> EventTimes:
    """CPU seconds of each plugin and hook event in one build (benchmarks/event_times.py, fresh process)."""
    args = [sys.executable, str(ROOT / "benchmarks" / "event_times.py"), config, str(site)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildFailed(f"event timing failed ({project.name}, {config}):\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return EventTimes(float(result["total"]), {str(k): float(v) for k, v in result["events"].items()})


@dataclass
class Row:
    cases: int
    pages: int
    hooks_s: float
    plain_s: float
    hooks_cpu: float
    plain_cpu: float
    hooks_mb: float
    plain_mb: float
    case_html: int
    runs: int
    index_s: float  # the search indexing alone, wall clock (part of hooks_s)
    breakdown: tuple[EventTimes, EventTimes] | None = None  # (hooks, no hooks)
    own_mb: float = 0.0  # the build process with hooks alone, Pagefind left out
    largest: tuple[int, str] = (0, "")  # the largest page built (bytes, path)
    tree_mb: float = 0.0  # the build process and Pagefind together (TreeMemory)
    hook_times: EventTimes | None = None  # the events of one build with hooks, where HOOK_TIMES_AT says

    @property
    def overhead(self) -> float:
        return self.hooks_s / self.plain_s - 1

    @property
    def cpu_overhead(self) -> float:
        return self.hooks_cpu / self.plain_cpu - 1


def measure(base: Path, template: Path, n_cases: int, runs: int, text: str = TEXTS[0]) -> Row:
    project = make_corpus(base, template, n_cases, text)
    hooks, plain = [], []
    for run in range(runs):  # interleaved, so drift hits both configurations alike
        build: Callable[..., Build] = first_build if run == 0 else functools.partial(timed_build, config="mkdocs.yml", strict=True)
        hooks.append(build(project, site=base / f"site-{n_cases}-hooks"))
        plain.append(timed_build(project, "mkdocs-nohooks.yml", base / f"site-{n_cases}-plain", strict=False))
        print(f"  {n_cases} cases, run {run + 1}/{runs}: hooks {hooks[-1].seconds:.1f} s, "
              f"without {plain[-1].seconds:.1f} s", flush=True)
    site = base / f"site-{n_cases}-hooks"
    index_s = []
    texts = site_search.pages_on_disk(site, True)  # what the build hands the indexing, page by page
    for _ in range(min(runs, 3)):
        start = time.perf_counter()
        site_search.build_index(site, True, texts)
        index_s.append(time.perf_counter() - start)
    pages = sum(1 for _ in site.rglob("index.html"))
    case_html = (site / "experiences" / PROBE_CASE / "index.html").stat().st_size
    largest = max((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(site_search.BUNDLE + "/"))
    breakdown = None
    if n_cases == BREAKDOWN_AT:
        breakdown = (event_times(project, "mkdocs.yml", base / "site-events-hooks"),
                     event_times(project, "mkdocs-nohooks.yml", base / "site-events-plain"))
    hook_times = breakdown[0] if breakdown else None
    if hook_times is None and n_cases in HOOK_TIMES_AT:
        hook_times = event_times(project, "mkdocs.yml", base / "site-events-hooks")
    return Row(n_cases, pages, statistics.median(b.seconds for b in hooks), statistics.median(b.seconds for b in plain),
               statistics.median(b.cpu for b in hooks), statistics.median(b.cpu for b in plain),
               max(b.peak_mb for b in hooks), max(b.peak_mb for b in plain), case_html, runs,
               statistics.median(index_s), breakdown, max(b.own_mb for b in hooks), largest,
               max(b.tree_mb for b in hooks), hook_times)


# --- report ----------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def report(rows: list[Row], load: tuple[float, float], revision: str, text: str = TEXTS[0]) -> str:
    by_size = {r.cases: r for r in rows}
    lines = [
        "# Build scaling",
        "",
        f"- Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- Machine: {machine()}",
        f"- Project: commit {revision}",
        f"- Load average (1 min) at start / end: {load[0]:.2f} / {load[1]:.2f}. Other work on the machine inflates "
        "wall-clock times; CPU seconds (user + system of the build process) are given in parentheses as a steadier "
        "second measure.",
        "- Corpus: the real project (8 guides, real sources and cases, index pages, glossary) plus synthetic "
        f"sources ({TOTAL_SOURCES} sources in all) and synthetic case studies (N in all), seeded; their text: "
        + ("75 words, each repeated (the worst case for a common word)." if text == TEXTS[0]
           else "sentences of the site's own cases and guides."),
        *[f"- Workaround: {note}" for note in NOTES],
        "- With hooks: the real mkdocs.yml, `--strict`, the search index included (Pagefind, run by the hooks at "
        "the end of the build). Without hooks: same pages, no `hooks:` entry, not strict (no generated facet "
        "pages, blocks or index lists, and no search index: the site has no other search).",
        "- Search indexing: `hooks/engine/search.py (build_index)` run again on the built site (median of up to 3 runs), "
        "wall clock; it is part of the build with hooks.",
        "- Each build runs in a fresh process; time is the median over the runs; peak memory is the maximum "
        "resident set size of the build process and of Pagefind, which it starts (os.wait4); « build process "
        "alone » leaves Pagefind out (getrusage(RUSAGE_SELF) at its exit); « together » is the peak of the build "
        "process and Pagefind's resident memory added up (what the machine must hold while Pagefind runs), "
        f"sampled from /proc every {TreeMemory.SAMPLE_S * 1000:.0f} ms.",
        f"- Case page: `experiences/{PROBE_CASE}/index.html` (identical source at every size), built with hooks.",
        "",
        "| Case studies | HTML pages (with hooks) | Runs | Build s, hooks (CPU s) | of which search indexing, s | "
        "Build s, no hooks (CPU s) | Hook overhead (CPU) | Peak MB, hooks: together (largest process; build process "
        "alone) | Peak MB, no hooks | "
        "Case page HTML bytes | Largest page, bytes |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r.cases:,} | {r.pages:,} | {r.runs} | {r.hooks_s:.2f} ({r.hooks_cpu:.2f}) | {r.index_s:.2f} | "
                     f"{r.plain_s:.2f} ({r.plain_cpu:.2f}) | {r.overhead:+.0%} ({r.cpu_overhead:+.0%}) | "
                     f"{r.tree_mb:.0f} ({r.hooks_mb:.0f}; {r.own_mb:.0f}) | {r.plain_mb:.0f} | {r.case_html:,} | "
                     f"{r.largest[0]:,} (`{r.largest[1]}`) |")
    lines += ["", "## Targets", ""]
    if 1000 in by_size:
        row = by_size[1000]
        ratio = row.hooks_s / row.plain_s
        without_index = (row.hooks_s - row.index_s) / row.plain_s
        lines.append(f"- Build with hooks / without at 1,000 cases, the search indexing left out (the build without "
                     f"hooks has no search at all): {without_index:.2f} × wall clock "
                     f"(target ≤ {MAX_BUILD_RATIO_AT_1000:g} ×) — {verdict(without_index <= MAX_BUILD_RATIO_AT_1000)}")
        lines.append(f"- The same, search indexing included: {ratio:.2f} × wall clock "
                     f"({row.hooks_cpu / row.plain_cpu:.2f} × CPU, Pagefind's process counted)")
    for row in rows:
        if row.hook_times is not None:
            per_page = hooks_seconds(row.hook_times) / row.pages * 1000
            lines.append(f"- Hooks' own events at {row.cases:,} cases: {per_page:.2f} ms CPU per page "
                         f"({hooks_seconds(row.hook_times):.2f} s for {row.pages:,} pages) "
                         f"(target ≤ {MAX_HOOK_MS_PER_PAGE:g} ms) — {verdict(per_page <= MAX_HOOK_MS_PER_PAGE)}")
    if 300 in by_size and 3000 in by_size:
        small, big = by_size[300], by_size[3000]
        ratio = big.hooks_s / small.hooks_s
        lines.append(f"- Build time at 3,000 / at 300 (with hooks): {big.hooks_s:.2f} / {small.hooks_s:.2f} = "
                     f"{ratio:.2f} × wall clock ({big.hooks_cpu / small.hooks_cpu:.2f} × CPU) (target ≤ {MAX_TIME_RATIO_3000_300:g} ×) — {verdict(ratio <= MAX_TIME_RATIO_3000_300)}")
        html_ratio = big.case_html / small.case_html
        lines.append(f"- Case page HTML at 3,000 / at 300: {big.case_html:,} / {small.case_html:,} = "
                     f"{html_ratio:.2f} × (target ≤ {MAX_HTML_RATIO_3000_300:g} ×) — "
                     f"{verdict(html_ratio <= MAX_HTML_RATIO_3000_300)}")
    if 1000 in by_size and 10000 in by_size:
        small, big = by_size[1000], by_size[10000]
        ratio = big.hooks_s / small.hooks_s
        cpu_ratio = big.hooks_cpu / small.hooks_cpu
        lines.append(f"- Build time at 10,000 / at 1,000 (with hooks): {big.hooks_s:.2f} / {small.hooks_s:.2f} = "
                     f"{ratio:.2f} × wall clock ({cpu_ratio:.2f} × CPU) (target ≤ {MAX_TIME_RATIO_10000_1000:g} ×) — "
                     f"{verdict(ratio <= MAX_TIME_RATIO_10000_1000)}")
    if 10000 in by_size:
        big = by_size[10000]
        lines.append(f"- Peak memory at 10,000 cases, the build process and Pagefind together: {big.tree_mb:.0f} MB "
                     f"(target ≤ {MAX_PEAK_MB_AT_10000:g} MB) — {verdict(big.tree_mb <= MAX_PEAK_MB_AT_10000)}; the "
                     f"largest process: {big.hooks_mb:.0f} MB; the build process alone: {big.own_mb:.0f} MB")
    for r in rows:
        if r.breakdown is not None:
            lines += breakdown_table(r)
    return "\n".join(lines) + "\n"


def hooks_seconds(times: EventTimes) -> float:
    """CPU seconds spent in the hooks' own events."""
    return sum(v for k, v in times.events.items() if k.endswith(" hooks"))


def breakdown_table(row: Row) -> list[str]:
    """Where the CPU time of one build goes, by plugin and hook event, with and without the hooks."""
    assert row.breakdown is not None
    with_hooks, without = row.breakdown
    names = sorted(set(with_hooks.events) | set(without.events),
                   key=lambda k: -with_hooks.events.get(k, without.events.get(k, 0.0)))
    hooks_total = hooks_seconds(with_hooks)
    lines = [
        "",
        f"## Where the time goes at {row.cases:,} case studies",
        "",
        "One build of each configuration in a fresh process, every plugin and hook event timed in CPU seconds "
        "(`benchmarks/event_times.py`); the rest of the build is MkDocs, Markdown and the templates. CPU "
        "seconds of this process only: Pagefind, which the hooks start in `post_build`, runs in a process of its "
        "own (see the indexing column above). The hooks parse each front matter once for MkDocs, so part of "
        "their cost is won back outside their own events.",
        "",
        "| Event | With hooks (CPU s) | Without hooks (CPU s) |",
        "|---|---:|---:|",
    ]
    for name in names:
        lines.append(f"| {name} | {with_hooks.events.get(name, 0.0):.2f} | {without.events.get(name, 0.0):.2f} |")
    lines += [
        f"| **whole build** | **{with_hooks.total:.2f}** | **{without.total:.2f}** |",
        "",
        f"Time in the hooks' own events: {hooks_total:.2f} s.",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=sorted(RUNS))
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora and sites")
    parser.add_argument("--texte", choices=TEXTS, default=TEXTS[0],
                        help="the synthetic cases' text: 75 words repeated (the worst case) or the site's own sentences")
    parser.add_argument("--resultats", type=Path, default=RESULTS,
                        help=f"where the report is written (default: {RESULTS.relative_to(ROOT)})")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="build-scaling-"))
    rows = []
    load_start = os.getloadavg()[0]
    revision = project_revision()
    template = snapshot(base)
    try:
        for n in args.sizes:
            print(f"{n} case studies…", flush=True)
            rows.append(measure(base, template, n, RUNS.get(n, 1), args.texte))
    finally:
        if args.keep:
            print(f"kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    args.resultats.parent.mkdir(parents=True, exist_ok=True)
    text = report(rows, (load_start, os.getloadavg()[0]), revision, args.texte)
    args.resultats.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
