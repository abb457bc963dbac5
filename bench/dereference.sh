#!/usr/bin/env bash
# Prints what dereferencing a process IRI as Turtle costs (303 followed, and the document alone)
# against the same DESCRIBE sent to /etom/sparql, at 1 and 8 concurrent clients, in one run on
# one server: requests/s and median/p95 latency. Client and server share the machine.
# Usage: bench/dereference.sh [DATA] [SECONDS]   (DATA: a built data folder, else one is built; SECONDS per cell, default 10)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -o -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.server.DereferenceBenchmark "${1:-}" "${2:-10}" 2>/dev/null
