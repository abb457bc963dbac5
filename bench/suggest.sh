#!/usr/bin/env bash
# Prints how well and how fast `suggest` ranks eTOM parents on the labelled sets: bench/suggest/activities.csv
# (the set the weights are tuned on), held-out.csv and fresh.csv (never tuned on), and fresh-2.csv (written by
# another labeller who never ran the tool): top-1 and top-5 accuracy per domain and overall, each change's worth
# on the tuning set, index build time, time per suggestion (median, p95).
# Usage: bench/suggest.sh [-v]   (-v lists the activities not ranked first)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cd "$home"
mvn -q -B -Detomkg.build="$build" test-compile dependency:build-classpath -Dmdep.outputFile="$build/cp.txt" -Dmdep.includeScope=test
java -cp "$build/test-classes:$build/classes:$(cat "$build/cp.txt")" org.etomkg.suggest.SuggestBenchmark "$@" 2>/dev/null
