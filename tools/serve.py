"""Serve the site while it is written: ``./run.sh serve`` (options: --dev-addr, --config-file).

The site is rebuilt at every save; when the content has errors, the browser shows them in French
(fichier:ligne : message) and reloads by itself once they are fixed (hooks/engine/serve_errors.py).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

# The engine (./run.sh serve --moteur properdocs sets GUIDE_MOTEUR): ProperDocs answers every « mkdocs »
# import with its own modules once properdocs.replacement is imported, before anything imports MkDocs.
if os.environ.get("GUIDE_MOTEUR") == "properdocs":
    import properdocs.replacement  # noqa: E402, F401

from engine import serve_errors  # noqa: E402


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run.sh serve", description="Sert le site sur http://127.0.0.1:8000/.")
    parser.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", help="adresse et port (127.0.0.1:8000)")
    parser.add_argument("--config-file", "-f", default=str(ROOT / "mkdocs.yml"), help="fichier de configuration")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    # build_type="dirty": after the first build, a save rebuilds only what changed (hooks/engine/serve.py)
    serve_errors.serve(config_file=args.config_file, dev_addr=args.dev_addr, strict=True, livereload=True,
                       build_type="dirty")
    return 0


if __name__ == "__main__":
    sys.exit(main())
