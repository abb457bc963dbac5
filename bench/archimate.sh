#!/usr/bin/env bash
# Prints the time export archimate takes (model built from the graph and written; best of three
# after a warm-up) and the file size, for each shipped release at levels 1-3 and 1-7, alone and
# with the Nordlicht example extension (release 25.5); then the time import archimate takes over the
# largest exports (26.0 at levels 1-7 with the frameworks; 25.5 likewise with Nordlicht), reading and
# building apart from validating.
# Usage: bench/archimate.sh
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -Xmx2g -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.archimate.ArchimateExportBenchmark 2>/dev/null
echo
java -Xmx2g -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.archimate.ArchimateImportBenchmark 2>/dev/null
