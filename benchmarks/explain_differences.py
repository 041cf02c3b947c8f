"""Classify the differences between two builds of the real site: what the engine work (issue 19) changed on purpose.

Usage: python benchmarks/explain_differences.py OLD_SITE NEW_SITE
Counts the HTML pages that differ, and for each known change (the generator tag, the names of Material's
state checkboxes, the code block ids, the map's submit button) how many pages it explains; prints the
first lines of any difference left unexplained.
"""
from __future__ import annotations

import difflib
import pathlib
import re
import sys

a=pathlib.Path(sys.argv[1]); b=pathlib.Path(sys.argv[2])
GEN=re.compile(r'<meta name="generator" content="[^"]*">')
subs={'checkbox names': (re.compile(r'(<input class="md-(?:nav__)?toggle[^>]*?) aria-label="[^"]*"'), r'\1'),
      'code block ids': (re.compile(r'<pre id="bloc-code-\d+"'), '<pre'),
      'map submit button': (re.compile(r'<p><button type="submit" class="md-button">Filtrer</button></p>\n'), '')}
count={k:0 for k in subs}; gen=0; rest=[]; n=0
for f in sorted(b.rglob('*.html')):
    rel=f.relative_to(b); old=(a/rel).read_text(); new=f.read_text()
    if old==new: continue
    n+=1
    o=GEN.sub('',old); m=GEN.sub('',new)
    if o!=old: gen+=1
    for k,(r,t) in subs.items():
        m2=r.sub(t,m)
        if m2!=m: count[k]+=1
        m=m2
    if o!=m: rest.append(str(rel))
print(f"{n} HTML pages changed; generator tag: {gen}; " + "; ".join(f"{k}: {v}" for k,v in count.items()))
print(f"not explained: {len(rest)} {rest[:5]}")
if rest:
    old_lines=GEN.sub('',(a/rest[0]).read_text()).splitlines(); m=(b/rest[0]).read_text()
    m=GEN.sub('',m)
    for r,t in subs.values(): m=r.sub(t,m)
    print('\n'.join(list(difflib.unified_diff(old_lines,m.splitlines(),lineterm='',n=0))[:20]))
