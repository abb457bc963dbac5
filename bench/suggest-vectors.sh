#!/usr/bin/env bash
# Writes src/main/resources/suggest/process-vectors.bin: the sentence vectors of every process text of every
# release in ontology/ (name, parent's name, CSP words), so that suggestions need not run the model over them
# in each JVM. Run it after ontology/suggest/process-words.txt or a release changes; ShippedVectorsTest fails
# until then. Takes about 5 ms per process text on one core.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.suggest.ShippedVectorsWriter "$@" 2>/dev/null
