#!/usr/bin/env bash
# Prints the time of each quality check of queries/checks/ and of the whole check run, on a store
# built from ontology/ (or another ontology folder, such as a copy with statements added).
# Usage: bench/quality-checks.sh [ONTOLOGY-DIR] [RUNS]   (defaults: ontology 3)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
ontology="$(cd "${1:-$home/ontology}" && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.check.QualityChecksBenchmark "$ontology" "${2:-3}" 2>/dev/null
