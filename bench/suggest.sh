#!/usr/bin/env bash
# Prints how well and how fast `suggest` ranks eTOM parents on the labelled sets: bench/suggest/activities.csv
# (the set the ranking is tuned on) and bench/suggest/held-out.csv (written before the later tuning, never
# tuned on): top-1 and top-5 accuracy per domain and overall, index build time, time per suggestion (median, p95).
# Usage: bench/suggest.sh [-v]   (-v lists the activities not ranked first)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.suggest.SuggestBenchmark "$@" 2>/dev/null
