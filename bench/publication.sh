#!/usr/bin/env bash
# Prints what describing and handing out the data costs on a served store: the service
# description, the VoID description, each kind of download and the union read of ?default,
# each fetched RUNS times (the first on a cold server), with its size.
# Usage: bench/publication.sh [DATA] [RUNS]   (default: a store built from ontology/ in a temporary folder; 3)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
data="${1:-$work/data}"
runs="${2:-3}"
[ -d "$data/store" ] || "$home/etom-kg" load --data "$data" >/dev/null
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$home/etom-kg" serve --data "$data" --port "$port" >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
until curl -sf -o /dev/null "$base/etom/sparql?query=ASK%7B%7D"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 1
done

printf '%-44s %12s %9s %9s\n' "GET" "bytes" "first s" "best s"
fetch() {   # path [accept]
  local first="" best="" size t
  for _ in $(seq "$runs"); do
    read -r t size < <(curl -s -o /dev/null -H "Accept: ${2:-*/*}" -w '%{time_total} %{size_download}\n' "$base$1")
    [ -z "$first" ] && first="$t"
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$t"; fi
  done
  printf '%-44s %12s %9s %9s\n' "$1${2:+ ($2)}" "$size" "$first" "$best"
}
fetch /etom/sparql
fetch /etom/sparql application/ld+json
fetch /.well-known/void
fetch /.well-known/void application/rdf+xml
for f in ttl jsonld nt csv; do fetch "/download/release/26.0.$f"; done
fetch /download/release/25.5.ttl
fetch /download/etom-kg.nq.gz
fetch "/etom/get?default" application/n-triples
fetch "/etom/get?default" text/turtle
