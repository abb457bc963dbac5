#!/usr/bin/env bash
# Prints the latency (p50 and p99) of the search named query over the API for one-, two- and
# three-word queries, one client, against a real server on a store built from ontology/.
# Usage: bench/search.sh [DATA] [ROUNDS]   (DATA: a data folder, built or brought up to date; ROUNDS default 20)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -o -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.server.SearchBenchmark "${1:-}" "${2:-20}" 2>/dev/null
