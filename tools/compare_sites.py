"""Compare two built sites page by page: what changed for readers between two versions of the code.

Usage: python tools/compare_sites.py OLD_SITE NEW_SITE [--show N] [--sauf-generateur]

Every file is compared byte for byte; HTML, XML and JSON files that differ are
compared again once normalised (entities decoded and attributes re-quoted the
same way, JSON re-serialised), which separates a different spelling of the same
markup (« &#x27; » and « &#39; ») from a real change. Prints one line per kind of
result and, for the N first real changes, a short unified diff. With ``--sauf-generateur``
(two engines, MkDocs and ProperDocs, building the same commit), pages that differ only in their
``<meta name="generator">`` tag are counted apart: that tag names the engine.
"""
from __future__ import annotations

import argparse
import difflib
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

IGNORED = {"sitemap.xml.gz"}
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


class _Canonical(HTMLParser):
    """Re-serialise HTML with decoded text and attributes: one spelling for the same markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append("<" + tag + "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs) + ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")


def canonical(path: Path, data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".json":
        return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=0)
    if path.suffix in {".html", ".xml"}:
        parser = _Canonical()
        parser.feed(text)
        parser.close()
        return re.sub(r">\s*<", ">\n<", "".join(parser.out))
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show", type=int, default=5, help="how many real changes to show as diffs")
    parser.add_argument("--sauf-generateur", action="store_true", dest="engines",
                        help="count apart the pages whose only difference is the generator tag (two engines)")
    args = parser.parse_args()
    old = {p.relative_to(args.old).as_posix() for p in args.old.rglob("*") if p.is_file()} - IGNORED
    new = {p.relative_to(args.new).as_posix() for p in args.new.rglob("*") if p.is_file()} - IGNORED
    same, generator, spelling, changed = [], [], [], []
    for rel in sorted(old & new):
        a, b = (args.old / rel).read_bytes(), (args.new / rel).read_bytes()
        if a == b:
            same.append(rel)
        elif args.engines and GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b):
            generator.append(rel)
        elif canonical(Path(rel), a) == canonical(Path(rel), b):
            spelling.append(rel)
        else:
            changed.append(rel)
    print(f"identiques : {len(same)}")
    if args.engines:
        print(f"seule la balise generator diffère (le nom du moteur) : {len(generator)}")
    print(f"même contenu, autre écriture (entités, guillemets) : {len(spelling)}" + (f" — {', '.join(spelling[:8])}" + (" …" if len(spelling) > 8 else "") if spelling else ""))
    print(f"modifiés : {len(changed)}" + (f" — {', '.join(changed[:12])}" + (" …" if len(changed) > 12 else "") if changed else ""))
    print(f"seulement dans l'ancien : {len(old - new)} {sorted(old - new)[:10]}")
    print(f"seulement dans le nouveau : {len(new - old)} {sorted(new - old)[:10]}")
    for rel in changed[: args.show]:
        a = canonical(Path(rel), (args.old / rel).read_bytes()).splitlines()
        b = canonical(Path(rel), (args.new / rel).read_bytes()).splitlines()
        diff = list(difflib.unified_diff(a, b, f"ancien/{rel}", f"nouveau/{rel}", n=1, lineterm=""))
        print("\n".join(line[:300] for line in diff[:40]))
    return 0 if not changed and not (old ^ new) else 1


if __name__ == "__main__":
    sys.exit(main())
