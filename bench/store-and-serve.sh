#!/usr/bin/env bash
# Prints the figures the foundation promises: time to build the store from the shipped files
# (bench/store-load.sh: stage by stage, beside tdb2.tdbloader on the same quads), the store's size
# on disk, and the time from `./etom-kg serve` to the first answered query.
# Usage: bench/store-and-serve.sh [RUNS]   (default 3; uses a scratch data folder and port 3099)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
port=3099
scratch="$(mktemp -d)"
trap 'pkill -f "serve --data $scratch" 2>/dev/null || true; rm -rf "$scratch"' EXIT
"$home/etom-kg" --help > /dev/null   # build the jar first, so it is not timed

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

echo "== load: build the store from ontology/, beside tdb2.tdbloader on the same quads ($runs runs each)"
"$home/bench/store-load.sh" "$runs"
"$home/etom-kg" load --data "$scratch/data" > /dev/null   # the store the serve runs below start from
echo "store size on disk: $(du -sh "$scratch/data/store" | cut -f1) ($(du -sb "$scratch/data/store" | cut -f1) bytes apparent)"

first_answer() {   # $1: data folder; prints seconds from launch to the first answered query
  local t0 t1
  t0=$(now)
  "$home/etom-kg" serve --data "$1" --port "$port" > "$scratch/serve.log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/etom/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"; do
    kill -0 "$pid" 2>/dev/null || { cat "$scratch/serve.log"; exit 1; }
    sleep 0.05
  done
  t1=$(now)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  secs "$t0" "$t1"
}

echo "== serve: launch to first answered query"
for i in $(seq "$runs"); do echo "serve, store built, run $i: $(first_answer "$scratch/data") s"; done
for i in $(seq "$runs"); do rm -rf "$scratch/cold"; echo "serve, no store yet (builds it), run $i: $(first_answer "$scratch/cold") s"; done
