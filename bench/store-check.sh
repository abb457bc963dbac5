#!/usr/bin/env bash
# Prints what trusting the store costs: the check at open (counts, checksums, indexes compared,
# nodes looked up again), the cheap part that /api/health repeats, and a search index rebuild.
# Usage: bench/store-check.sh [RUNS]   (default 3)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.store.StoreCheckBenchmark "${1:-3}" 2>/dev/null
