#!/usr/bin/env bash
# Service benchmark: starts `./etom-kg serve` on a scratch data folder, then measures, with a
# plain-Java load generator (java.net.http, a fixed number of closed-loop client threads):
#   - requests per second and p50/p99 latency of named queries through the API
#     (path-to-root?id=1.3.3.10.2&release=26.0, and process?id=1.3.3.10.2, a lookup that costs
#     the store little, so the API's own cost shows) at 1, 8 and 32 concurrent clients, against the same SPARQL (the query file with the parameters substituted) sent
#     straight to /etom/sparql in the same run, interleaved; the API layer's overhead as ratios;
#   - the time to store a generated, conforming extension of 1000 processes through
#     PUT /api/extensions/NAME (first store and replacements), beside validating it alone.
# Prints the tables (and key=value lines for scripts). Client and server share the machine.
#
# Usage: bench/service.sh
# Environment:
#   SECONDS_PER_CELL=15   measured seconds per (clients, path) cell
#   WARMUP=10             seconds of warm-up before measuring (half on each path)
#   ROUNDS=2              each cell is measured in this many interleaved rounds (API first, then SPARQL first, ...)
#   CLIENTS=1,8,32        numbers of concurrent clients
#   PUTS=5                replacements of the stored extension to time
#   PROCESSES=1000        processes in the generated extension
#   QUERIES="path-to-root?id=1.3.3.10.2&release=26.0;process?id=1.3.3.10.2"   named queries to load (every parameter given)
#   ETOMKG_BUILD=DIR      build the jar in DIR (mvn -Detomkg.build=DIR) and run it the way ./etom-kg does,
#                         for a checkout where other builds use target/; by default ./etom-kg builds target/
#   ETOM_KG_JAVA_OPTS     JVM options for the server, as for ./etom-kg
#   WORK=DIR              keep the scratch folder (data, users, server log) there
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
if [ -n "${WORK:-}" ]; then work="$WORK"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# ---- build: the product jar, then the benchmark's classes against it
if [ -n "${ETOMKG_BUILD:-}" ]; then
  if ! log="$(mvn -q -B -Dstyle.color=never -DskipTests -Detomkg.build="$ETOMKG_BUILD" package 2>&1)"; then
    printf '%s\n' "$log" >&2; echo "bench: the build failed" >&2; exit 1
  fi
  jar="$ETOMKG_BUILD/etom-kg.jar"
  etomkg=(java ${ETOM_KG_JAVA_OPTS:-} -Detomkg.home="$home" -jar "$jar")   # what ./etom-kg runs once the jar is built
else
  "$home/etom-kg" --help > /dev/null
  jar="$home/target/etom-kg.jar"
  etomkg=("$home/etom-kg")
fi
classes="$work/classes"
rm -rf "$classes"
javac -nowarn -d "$classes" -cp "$jar" bench/service/src/org/etomkg/bench/service/*.java

# ---- a user who may write, and the server on a free port over a scratch data folder
password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" | "${etomkg[@]}" user add bench --users "$work/users" --password-stdin > /dev/null
"${etomkg[@]}" serve --data "$work/data" --port 0 --users "$work/users" > "$work/serve.log" 2>&1 &
server=$!
base=""
for _ in $(seq 600); do
  base="$(sed -n 's#^SPARQL endpoint: \(http://[^/]*\)/etom/sparql$#\1#p' "$work/serve.log" | head -1)"
  [ -n "$base" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "bench: the server did not start" >&2; exit 1; }
  sleep 0.5
done
[ -n "$base" ] || { cat "$work/serve.log" >&2; echo "bench: the server did not start in 300 s" >&2; exit 1; }
until curl -sf -o /dev/null "$base/api/health"; do sleep 0.2; done

echo "== etom-kg service benchmark: $(nproc) cores, $(java -version 2>&1 | head -1), server at $base"
echo "== server JVM: ${ETOM_KG_JAVA_OPTS:-default options}; client in a separate JVM on the same machine"
BENCH_PASSWORD="$password" java -cp "$jar:$classes" org.etomkg.bench.service.ServiceLoad \
  --base "$base" --home "$home" --user bench \
  --seconds "${SECONDS_PER_CELL:-15}" --warmup "${WARMUP:-10}" --rounds "${ROUNDS:-2}" \
  --clients "${CLIENTS:-1,8,32}" --puts "${PUTS:-5}" --processes "${PROCESSES:-1000}" \
  --queries "${QUERIES:-path-to-root?id=1.3.3.10.2&release=26.0;process?id=1.3.3.10.2}"
echo "== server log: $(wc -l < "$work/serve.log") lines (one per request)$([ "$keep" = 1 ] && echo ", in $work/serve.log")"
