#!/usr/bin/env bash
# Remote-store benchmark: the same service, `./etom-kg serve`, over three stores, measured the same
# way through its API in one run, with a plain-Java load generator in a separate JVM
# (bench/remote/src/org/etomkg/bench/remote/RemoteBench.java):
#   (a) embedded: `serve --data DIR`, the store built from ontology/;
#   (b) fuseki:   `serve --store URL` over a second Fuseki 5.6 (TDB2, union default graph) in a
#                 process of its own (StoreServer, as RemoteFuseki in the tests), loaded with
#                 `./etom-kg load --store URL`;
#   (c) virtuoso: `serve --store FILE` over a private Virtuoso 7 (/usr/bin/virtuoso-t, set up as
#                 VirtuosoStore in the tests: /sparql, /sparql-auth, /sparql-graph-crud-auth, a user
#                 with SPARQL_UPDATE), loaded with `./etom-kg load --store FILE`.
# It prints:
#   1. the named-query suite (every named query with the parameters of RemoteStoreSuite, through
#      GET /api/queries/NAME?..., Accept: application/sparql-results+json): one warm-up pass, then
#      ROUNDS rounds, the stores in turn within each round; per query the median time on each store
#      (its parameter sets summed), the row counts, the ratios remote/embedded, and the totals. A
#      query that fails or times out (TIMEOUT) in the warm-up is reported as such and not asked
#      again on that store;
#   2. storing a 1,000-process extension (SyntheticExtension) through PUT /api/extensions/NAME on
#      each store (first store, then PUTS replacements; median) beside POST /api/validate of the
#      same body, so the store's share shows;
#   3. requests per second and p50/p99 of named queries at CLIENTS closed-loop clients: the
#      embedded service for reference, ONE `serve --store` replica over the Fuseki, and TWO replicas
#      over the same Fuseki (clients split round-robin across them), with the ratio. Virtuoso and
#      its service are stopped before this part.
# Client, services and stores all share this machine's cores; the output says how many.
# Prints tables and key=value lines; every process it starts is stopped on exit.
#
# Usage: bench/remote-store.sh
# Environment:
#   ROUNDS=3              measured rounds of the suite, after one warm-up pass
#   TIMEOUT=30            seconds a suite query may take (serve --timeout; the client waits 5 s more)
#   PUTS=3                replacements of the stored extension to time, per store
#   PROCESSES=1000        processes in the generated extension
#   CLIENTS=32            concurrent clients in part 3
#   SECONDS_PER_CELL=15   measured seconds per cell in part 3
#   WARMUP=5              seconds of warm-up before each cell in part 3
#   QUERIES="process?id=1.3.3.10.2;path-to-root?id=1.3.3.10.2&release=26.0"   named queries of part 3
#   SKIP_VIRTUOSO=1       leave Virtuoso out (also when /usr/bin/virtuoso-t is not installed)
#   SKIP_FUSEKI=1         leave the second Fuseki out, and with it part 3
#   ETOMKG_BUILD=DIR      build the jar in DIR (mvn -Detomkg.build=DIR) and run it the way ./etom-kg does,
#                         for a checkout where other builds use target/; by default ./etom-kg builds target/
#   ETOM_KG_JAVA_OPTS     JVM options for the services, as for ./etom-kg
#   WORK=DIR              keep the scratch folder (stores, users, store file, every log) there; an embedded
#                         store already in DIR/data is served as it is, not built again
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
if [ -n "${WORK:-}" ]; then work="$WORK"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
pids=()
stop() {   # stop one process we started, by its id
  local p="$1"
  if kill -0 "$p" 2>/dev/null; then kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi
}
cleanup() {
  local p
  for p in "${pids[@]}"; do stop "$p"; done
  [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rounds="${ROUNDS:-3}"; timeout="${TIMEOUT:-30}"
virtuoso=1
if [ -n "${SKIP_VIRTUOSO:-}" ] || [ ! -x /usr/bin/virtuoso-t ] || [ ! -x /usr/bin/isql-vt ]; then virtuoso=0; fi

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
javac -nowarn -d "$classes" -cp "$jar" bench/service/src/org/etomkg/bench/service/SyntheticExtension.java bench/remote/src/org/etomkg/bench/remote/*.java

free_port() {   # a free port on 127.0.0.1 (another process may take it before ours binds it: then that start fails)
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# serve NAME ARGS...: starts `etom-kg serve ARGS --port 0` in the background, logging to $work/serve-NAME.log;
# sets $served to its base URL and $served_pid to its process id; returns 1 (with the log's last line in
# $served_failure) when the service exits or does not answer within 300 s
serve() {
  local name="$1"; shift
  "${etomkg[@]}" serve "$@" --port 0 --users "$work/users" --timeout "$timeout" > "$work/serve-$name.log" 2>&1 &
  served_pid=$!
  pids+=("$served_pid")
  served=""; served_failure=""
  for _ in $(seq 1200); do
    served="$(sed -n 's#^SPARQL endpoint: \(http://[^/]*\)/etom/sparql$#\1#p' "$work/serve-$name.log" | head -1)"
    [ -n "$served" ] && break
    if ! kill -0 "$served_pid" 2>/dev/null; then served_failure="$(tail -n 1 "$work/serve-$name.log")"; return 1; fi
    sleep 0.25
  done
  if [ -z "$served" ]; then stop "$served_pid"; served_failure="it did not answer in 300 s"; return 1; fi
  until curl -sf -o /dev/null "$served/api/health"; do sleep 0.2; done
}
must_serve() {   # serve, or stop the benchmark with the service's log
  serve "$@" || { cat "$work/serve-$1.log" >&2; echo "bench: serve ($1) did not start: $served_failure" >&2; exit 1; }
}

# ---- a user who may write
password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$password" | "${etomkg[@]}" user add bench --users "$work/users" --password-stdin > /dev/null

echo "== etom-kg on a remote store: $(nproc) cores shared by the client, every service and every store; $(java -version 2>&1 | head -1); load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== services: ${ETOM_KG_JAVA_OPTS:-the service options of ./etom-kg}, serve --timeout $timeout; client in a separate JVM"
echo

# ---- (a) the embedded store, built from ontology/ by serve
t0=$(date +%s%N)
must_serve embedded --data "$work/data"
embedded="$served"
echo "embedded: serve --data (store built from ontology/ and opened) answering after $(ms_since "$t0") ms at $embedded"

# ---- (b) a second Fuseki in a process of its own, loaded by etom-kg
stores="embedded=$embedded"
if [ -z "${SKIP_FUSEKI:-}" ]; then
  java -Xmx1g -cp "$jar:$classes" org.etomkg.bench.remote.StoreServer "$work/fuseki-db" 0 > "$work/fuseki.log" 2>&1 &
  pids+=("$!"); fuseki_pid=$!
  fport=""
  for _ in $(seq 600); do
    fport="$(sed -n 's/^READY \([0-9]*\)$/\1/p' "$work/fuseki.log" | head -1)"
    [ -n "$fport" ] && break
    kill -0 "$fuseki_pid" 2>/dev/null || { cat "$work/fuseki.log" >&2; echo "bench: Fuseki did not start" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$fport" ] || { echo "bench: Fuseki did not start in 120 s" >&2; exit 1; }
  fuseki_url="http://127.0.0.1:$fport/ds"
  t0=$(date +%s%N)
  "${etomkg[@]}" load --store "$fuseki_url" > "$work/load-fuseki.log" 2>&1 || { cat "$work/load-fuseki.log" >&2; echo "bench: load --store (Fuseki) failed" >&2; exit 1; }
  echo "fuseki:   load --store $fuseki_url in $(ms_since "$t0") ms ($(tail -1 "$work/load-fuseki.log"))"
  t0=$(date +%s%N)
  must_serve fuseki --store "$fuseki_url"
  replica1="$served"
  echo "fuseki:   serve --store answering after $(ms_since "$t0") ms at $replica1"
  stores="$stores,fuseki=$replica1"
fi

# ---- (c) a private Virtuoso, set up as VirtuosoStore in the tests, loaded by etom-kg through a store file
if [ "$virtuoso" = 1 ]; then
  vdir="$work/virtuoso"; mkdir -p "$vdir"
  vsql="$(free_port)"; vhttp="$(free_port)"
  cat > "$vdir/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $vdir/virtuoso.db
ErrorLogFile       = $vdir/virtuoso.log
LockFile           = $vdir/virtuoso.lck
TransactionFile    = $vdir/virtuoso.trx
xa_persistent_file = $vdir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = $vdir/virtuoso-temp.db
TransactionFile = $vdir/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort           = 127.0.0.1:$vsql
DisableUnixSocket    = 1
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
MaxQueryMem          = 256M
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 4
MaxClientConnections = 10
CheckpointInterval   = 0
DirsAllowed          = $vdir
MaxSortedTopRows     = 1000000

[HTTPServer]
ServerPort           = 127.0.0.1:$vhttp
ServerRoot           = $vdir
ServerThreads        = 10
MaxClientConnections = 10
MaxKeepAlives        = 10
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 0
INI
  t0=$(date +%s%N)
  (cd "$vdir" && exec /usr/bin/virtuoso-t +foreground +configfile "$vdir/virtuoso.ini") > "$vdir/stdout.log" 2>&1 &
  pids+=("$!"); virtuoso_pid=$!
  for _ in $(seq 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$vhttp/sparql?query=ASK%20%7B%7D" && break
    kill -0 "$virtuoso_pid" 2>/dev/null || { tail -30 "$vdir/virtuoso.log" "$vdir/stdout.log" >&2; echo "bench: Virtuoso did not start" >&2; exit 1; }
    sleep 0.1
  done
  vpassword="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  cat > "$vdir/setup.sql" <<SQL
DB.DBA.USER_CREATE('etomkg', '$vpassword');
GRANT SPARQL_UPDATE TO "etomkg";
DB.DBA.USER_CHANGE_PASSWORD('dba', 'dba', '$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')');
DB.DBA.VHOST_REMOVE(lpath=>'/sparql-auth');
DB.DBA.VHOST_DEFINE(lpath=>'/sparql-auth', ppath=>'/!sparql/', is_dav=>1, vsp_user=>'dba',
  opts=>vector('noinherit', 1), auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'basic');
DB.DBA.VHOST_REMOVE(lpath=>'/sparql-graph-crud-auth');
DB.DBA.VHOST_DEFINE(lpath=>'/sparql-graph-crud-auth', ppath=>'/!sparql-graph-crud/', is_dav=>1, vsp_user=>'dba',
  opts=>vector('noinherit', 1, 'exec_as_get', 1), auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', realm=>'SPARQL', sec=>'basic');
SQL
  /usr/bin/isql-vt "127.0.0.1:$vsql" dba dba "$vdir/setup.sql" > "$vdir/setup.log" 2>&1 || true
  if grep -q '\*\*\* Error' "$vdir/setup.log"; then cat "$vdir/setup.log" >&2; echo "bench: Virtuoso's setup failed" >&2; exit 1; fi
  rm -f "$vdir/setup.sql"
  ( umask 077; printf 'query = http://127.0.0.1:%s/sparql\nupdate = http://127.0.0.1:%s/sparql-auth\ndata = http://127.0.0.1:%s/sparql-graph-crud-auth\nuser = etomkg\npassword = %s\nupdate-size = 1000\n' \
      "$vhttp" "$vhttp" "$vhttp" "$vpassword" > "$work/virtuoso.store" )
  echo "virtuoso: Virtuoso $( (/usr/bin/virtuoso-t -? 2>&1 || true) | grep -m1 -o 'Version [^ ]*' || true) started and set up in $(ms_since "$t0") ms on 127.0.0.1:$vhttp"
  t0=$(date +%s%N)
  "${etomkg[@]}" load --store "$work/virtuoso.store" > "$work/load-virtuoso.log" 2>&1 || { cat "$work/load-virtuoso.log" >&2; echo "bench: load --store (Virtuoso) failed" >&2; exit 1; }
  echo "virtuoso: load --store FILE in $(ms_since "$t0") ms ($(tail -1 "$work/load-virtuoso.log"))"
  t0=$(date +%s%N)
  if serve virtuoso --store "$work/virtuoso.store"; then
    virtuoso_serve_pid="$served_pid"
    echo "virtuoso: serve --store answering after $(ms_since "$t0") ms at $served"
    stores="$stores,virtuoso=$served"
  else   # reported, and the benchmark goes on with the other stores
    echo "virtuoso: serve --store FAILED to start after $(ms_since "$t0") ms: $served_failure"
    echo "virtuoso: left out of parts 1 and 2"
    stop "$virtuoso_pid"; virtuoso=0
  fi
else
  echo "virtuoso: left out (SKIP_VIRTUOSO, or /usr/bin/virtuoso-t not installed)"
fi

bench() { BENCH_PASSWORD="$password" java -cp "$jar:$classes" org.etomkg.bench.remote.RemoteBench "$@"; }

echo
echo "== 1. the named-query suite"
bench suite --home "$home" --stores "$stores" --rounds "$rounds" --timeout "$timeout" --user bench
echo
echo "== 2. storing an extension of ${PROCESSES:-1000} processes"
bench put --home "$home" --stores "$stores" --user bench --puts "${PUTS:-3}" --processes "${PROCESSES:-1000}"

if [ "$virtuoso" = 1 ]; then   # not needed for part 3: its service and Virtuoso leave the cores to the rest
  stop "$virtuoso_serve_pid"; stop "$virtuoso_pid"
fi
if [ -z "${SKIP_FUSEKI:-}" ]; then
  t0=$(date +%s%N)
  must_serve fuseki-2 --store "$fuseki_url"
  replica2="$served"
  echo
  echo "== 3. requests per second at ${CLIENTS:-32} clients; a second serve --store over the same Fuseki answering after $(ms_since "$t0") ms at $replica2"
  echo "== client ($((${CLIENTS:-32})) threads), services and Fuseki share $(nproc) cores: two replicas add no hardware here, only processes; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  bench rps --groups "embedded (reference)=$embedded;fuseki, 1 replica=$replica1;fuseki, 2 replicas=$replica1+$replica2" \
    --queries "${QUERIES:-process?id=1.3.3.10.2;path-to-root?id=1.3.3.10.2&release=26.0}" \
    --clients "${CLIENTS:-32}" --seconds "${SECONDS_PER_CELL:-15}" --warmup "${WARMUP:-5}"
fi
echo
echo "== logs: $(ls "$work"/*.log | wc -l) files$([ "$keep" = 1 ] && echo ", in $work")"
