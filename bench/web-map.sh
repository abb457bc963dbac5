#!/usr/bin/env bash
# Prints how long the web page's eTOM map takes to appear, per release, in headless Chromium
# (Debian's chromium and chromium-driver, as the tests use) against a real server.
# Usage: bench/web-map.sh [RUNS]   (default 5 loads per release)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" -Detomkg.build="$build" \
  org.etomkg.web.MapRenderBenchmark "${1:-5}" 2>/dev/null
