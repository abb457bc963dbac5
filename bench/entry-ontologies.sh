#!/usr/bin/env bash
# Prints the time the OWL API takes to open each per-release entry ontology (ontology/etom-R.ttl)
# and the whole closure (ontology/etom.ttl) through the catalog, offline, with axiom and
# individual counts. Usage: bench/entry-ontologies.sh [RUNS]   (default 3)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.ontology.EntryOntologyBenchmark "${1:-3}" 2>/dev/null
