#!/usr/bin/env bash
# Prints the time import bpmn takes for generated models (default 1,000 and 100,000 activities):
# reading and checking the model, drafting the extension, validating the draft.
# Usage: bench/bpmn-import.sh [SIZES]   (comma-separated, default 1000,100000)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -Xmx4g -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.bpmn.BpmnImportBenchmark "${1:-1000,100000}" 2>/dev/null
