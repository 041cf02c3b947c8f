"""Build the offline bundle: the site built for file:// and zipped reproducibly.

Usage: python tools/build_offline.py [--site-dir DIR] [--output ZIP]

Two runs on the same commit give byte-identical zips: SOURCE_DATE_EPOCH (the
last commit's date unless set) fixes every date MkDocs writes, and the zip has
sorted entries, fixed timestamps and fixed permissions.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP_NAME = "guide-ess-collectivites-hors-ligne.zip"
TOP_FOLDER = "guide-ess-collectivites"
FALLBACK_EPOCH = 315532800  # 1980-01-01, the earliest date a zip can hold


def source_date_epoch() -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's date, else 1980-01-01."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return FALLBACK_EPOCH


def build_site(site_dir: Path, epoch: int) -> None:
    env = dict(os.environ, DIRECTORY_URLS="false", SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run([str(mkdocs), "build", "--strict", "--clean", "--site-dir", str(site_dir)], cwd=ROOT, env=env, check=True)


def write_zip(site_dir: Path, output: Path, epoch: int) -> None:
    """Zip the site under one top folder, in a reproducible way."""
    import time
    stamp = time.gmtime(max(epoch, FALLBACK_EPOCH))[:6]
    output.parent.mkdir(parents=True, exist_ok=True)
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site_dir).as_posix())
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{TOP_FOLDER}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "build" / "hors-ligne")
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / ZIP_NAME)
    args = parser.parse_args()
    epoch = source_date_epoch()
    build_site(args.site_dir.resolve(), epoch)
    write_zip(args.site_dir.resolve(), args.output.resolve(), epoch)
    print(f"Paquet hors ligne : {args.output} (ouvrir {TOP_FOLDER}/index.html après décompression)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
