"""Shared helpers for the tests: paths, builds, and a tiny site for bad inputs."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")


@dataclass
class BuildResult:
    returncode: int
    output: str


def run_mkdocs(project: Path, site_dir: Path, strict: bool = True, env: dict[str, str] | None = None) -> BuildResult:
    """Build ``project`` with the real MkDocs command line and return its exit code and log."""
    args = [str(MKDOCS), "build", "--site-dir", str(site_dir)]
    if strict:
        args.append("--strict")
    full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    proc = subprocess.run(args, cwd=project, env=full_env, capture_output=True, text=True)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr)


MINI_VOCABULARY = """\
themes:
  commande-publique: "Commande publique responsable"
  co-construction: "Co-construction des politiques publiques"
leviers:
  marches-reserves: "Marchés réservés"
  instance-de-concertation: "Instance de concertation"
echelons:
  commune: "Commune"
  region: "Région"
regions:
  hauts-de-france: "Hauts-de-France"
  grand-est: "Grand Est"
types_source:
  fiche: "Fiche"
acces:
  public: "Public"
  adherents: "Réservé aux adhérents"
"""

MINI_GLOSSARY = """\
- sigle: ESS
  developpe: économie sociale et solidaire
- sigle: SPASER
  developpe: schéma de promotion des achats socialement et écologiquement responsables
  guide: commande-publique
"""

MINI_PAGES = {
    ".pages": "nav:\n  - index.md\n  - guides\n  - experiences\n  - territoires\n  - echelons\n  - leviers\n  - sources\n  - glossaire.md\n",
    "index.md": "# Accueil\n\nL'ESS en bref. Voir [les guides](guides/commande-publique.md).\n",
    "glossaire.md": "---\ntitle: Glossaire\nindex: glossaire\n---\n\nLes sigles.\n",
    "guides/.pages": "nav:\n  - ...\n",
    "guides/commande-publique.md": (
        "---\nid: commande-publique\ntitle: Commande publique responsable\n"
        "description: Acheter responsable.\nsources: [fiche-a]\n---\n\n## Pourquoi\n\nLe SPASER aide.\n"
    ),
    "guides/co-construction.md": (
        "---\nid: co-construction\ntitle: Co-construction\n"
        "description: Co-construire.\nsources: [fiche-a]\n---\n\n## Pourquoi\n\nEnsemble.\n"
    ),
    "experiences/.pages": "nav:\n  - index.md\n",
    "experiences/index.md": "---\ntitle: Toutes les expériences\nindex: experiences\n---\n\nListe.\n",
    "experiences/cas-lille.md": (
        "---\nid: cas-lille\ntitle: \"Lille : un marché réservé\"\ndescription: Un exemple.\n"
        "territoire: Lille\nregions: [hauts-de-france]\nechelons: [commune]\nperiode: \"2016-2017\"\n"
        "themes: [commande-publique]\nleviers: [marches-reserves]\nacteurs: [Ville de Lille]\n"
        "sources: [fiche-a]\n---\n\n## Ce qui a été fait\n\nUn marché.\n"
    ),
    "experiences/cas-metz.md": (
        "---\nid: cas-metz\ntitle: \"Metz : un conseil\"\ndescription: Un autre exemple.\n"
        "territoire: Metz\nregions: [grand-est]\nechelons: [commune]\nperiode: \"2018\"\n"
        "themes: [commande-publique, co-construction]\nleviers: [instance-de-concertation, marches-reserves]\n"
        "sources: [fiche-a]\n---\n\n## Ce qui a été fait\n\nUn conseil.\n"
    ),
    "sources/.pages": "nav:\n  - index.md\n",
    "sources/index.md": "---\ntitle: Sources\nindex: sources\n---\n\nToutes les sources.\n",
    "sources/fiche-a.md": (
        "---\nid: fiche-a\ntitle: Fiche A\ndescription: Une fiche.\nediteur: RTES\ndate: juin 2016\n"
        "type: fiche\nacces: public\n---\n\n## Ce que couvre la ressource\n\nUne fiche.\n"
    ),
    "territoires/.pages": "nav:\n  - index.md\n",
    "territoires/index.md": "---\ntitle: Par territoire\nindex: territoires\n---\n\nRégions.\n",
    "echelons/.pages": "nav:\n  - index.md\n",
    "echelons/index.md": "---\ntitle: Par échelon\nindex: echelons\n---\n\nÉchelons.\n",
    "leviers/.pages": "nav:\n  - index.md\n",
    "leviers/index.md": "---\ntitle: Par levier\nindex: leviers\n---\n\nLeviers.\n",
    ".vocabulaires.yml": MINI_VOCABULARY,
    ".glossaire.yml": MINI_GLOSSARY,
}


def make_mini_project(base: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """A small but complete project (real config and hooks) with ``changes`` applied to docs/.

    A value of None deletes the file; bytes are written as they are.
    """
    project = base / "projet"
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", project / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    pages: dict[str, str | bytes | None] = dict(MINI_PAGES)
    pages.update(changes or {})
    for rel, content in pages.items():
        if content is None:
            continue
        path = project / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return project
