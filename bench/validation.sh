#!/usr/bin/env bash
# Validation benchmark: for synthetic extensions of each size, side by side in one run,
#   - Jena SHACL end to end: ExtensionValidator.validate (graph assembly + both shape files +
#     per-process report) in a fresh JVM per run, with its peak RSS (/usr/bin/time -v);
#   - the floor: the same rules as plain SPARQL SELECTs (the shapes' target queries, plus
#     SELECTs for R01-Header's Core constraints) with Jena ARQ over the same data graph;
#   - TopBraid SHACL 1.4.4 (Jena 5.2.0, own JVM and class path) on the same shapes and data,
#     and whether its findings agree with Jena's as sets of (focus node, source shape, path).
# Prints one table. Details (per-run figures, differences, planted faults) go to $WORK/SIZE.*.
#
# Usage: bench/validation.sh [SIZE...]          sizes such as 10k 100k 1M or 25000; default 10k 100k 1M
# Environment:
#   RUNS=3            runs of each measurement (each in a fresh JVM); the table shows STAT of them
#   LARGE_RUNS=RUNS   runs for sizes above 100k (1M takes many minutes per run)
#   STAT=min          min or median (min by default: this machine may be shared, and interference only adds time)
#   JENA_HEAP         -Xmx for the Jena SHACL runs (default 1g up to 100k processes, 14g above)
#   HEAP              -Xmx for the floor and TopBraid runs (default 4g up to 100k, 14g above)
#   SKIP_TOPBRAID=1   leave TopBraid out
#   RUN_TIMEOUT=1800  seconds before one run is given up
#   WORK=DIR          keep generated files and logs there (default: a temporary folder, removed at the end)
#   SEED=20260101     generator seed
#   ETOM_JAR=FILE     measure this etom-kg jar instead of building target/etom-kg.jar
#   SHAPES=shapes     the shapes folder to validate with (both files), e.g. a rewrite to try
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
runs="${RUNS:-3}"
stat="${STAT:-min}"
seed="${SEED:-20260101}"
timeout_s="${RUN_TIMEOUT:-1800}"
shapes="${SHAPES:-shapes}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10k 100k 1M)
if [ -n "${WORK:-}" ]; then work="$WORK"; mkdir -p "$work"; keep=1; else work="$(mktemp -d)"; keep=0; fi
trap '[ "$keep" = 1 ] || rm -rf "$work"' EXIT

# ---- build: the product jar, the bench classes against it, the TopBraid runner
jar="$work/etom-kg.jar"           # a copy: target/ may be rebuilt while this runs
if [ -n "${ETOM_JAR:-}" ]; then
  cp "$ETOM_JAR" "$jar"
elif "$home/etom-kg" --help > /dev/null 2> "$work/build.log"; then
  cp "$home/target/etom-kg.jar" "$jar"
elif [ -f "$home/target/etom-kg.jar" ]; then
  echo "bench: building the jar failed (see $work/build.log); measuring the existing target/etom-kg.jar" >&2
  cp "$home/target/etom-kg.jar" "$jar"
else
  cat "$work/build.log" >&2; exit 1
fi
classes="$work/classes"
rm -rf "$classes"
javac -nowarn -d "$classes" -cp "$jar" bench/validation/src/org/etomkg/bench/*.java
cp_etom="$jar:$classes"
if [ "${SKIP_TOPBRAID:-0}" != 1 ]; then
  if ! log="$(cd bench/topbraid && mvn -q -B -Dstyle.color=never package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 2>&1)"; then
    printf '%s\n' "$log" >&2; echo "bench: building bench/topbraid failed" >&2; exit 1
  fi
  cp_topbraid="$home/bench/topbraid/target/classes:$(cat bench/topbraid/target/classpath.txt)"
fi

count() {   # 10k -> 10000, 1M -> 1000000
  case "$1" in
    *[kK]) echo $(( ${1%[kK]} * 1000 )) ;;
    *[mM]) echo $(( ${1%[mM]} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}
value() { grep -o "\b$1=[^ ]*" "$2" 2>/dev/null | head -1 | cut -d= -f2; }
pick() {    # STAT of the numbers on stdin
  sort -g | awk -v stat="$stat" '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    if (stat == "median") print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2); else print v[1] }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }

# run NAME LOGDIR HEAP CLASSPATH MAIN ARGS...: one fresh JVM under /usr/bin/time -v; appends its figures line
# (and max RSS in MB) to LOGDIR/NAME.runs, or a line "failed=..." when it fails or times out.
run() {
  local name="$1" dir="$2" heap="$3" cp="$4"; shift 4
  local out="$dir/$name.out" tv="$dir/$name.time"
  if timeout "$timeout_s" /usr/bin/time -v -o "$tv" java "-Xmx$heap" -cp "$cp" "$@" > "$out" 2> "$dir/$name.err"; then
    local rss; rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$tv")
    echo "$(tail -1 "$out") rss_mb=$rss" >> "$dir/$name.runs"
  else
    local rc=$?
    local why="exit-$rc"; [ "$rc" = 124 ] && why="timeout-${timeout_s}s"
    grep -q OutOfMemoryError "$dir/$name.err" && why="OutOfMemoryError"
    echo "failed=$why" >> "$dir/$name.runs"
    echo "  $name: $why (see $dir/$name.err)" >&2
  fi
}

rows=()
cpu_rows=()
fmt='%-6s | %11s | %23s | %4s | %10s | %11s | %12s | %11s | %14s | %10s | %10s | %13s | %s'
cfmt='%-6s | %12s | %11s | %10s | %10s | %13s'

version="commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(git status --porcelain -- "$shapes" src/main 2>/dev/null || true)" ]; then version="$version, with uncommitted changes in $shapes or src/main"; fi
echo "etom-kg validation benchmark: sizes ${sizes[*]}; $runs run(s) each in a fresh JVM, $stat shown; shapes $shapes; $version; work folder $work" >&2
for size in "${sizes[@]}"; do
  n=$(count "$size")
  dir="$work/$size"
  mkdir -p "$dir"
  rm -f "$dir"/*.runs
  small=$([ "$n" -le 100000 ] && echo 1 || echo 0)
  jena_heap="${JENA_HEAP:-$([ "$small" = 1 ] && echo 1g || echo 14g)}"
  heap="${HEAP:-$([ "$small" = 1 ] && echo 4g || echo 14g)}"
  ext="$dir/extension.nt"
  echo "== $size ($n processes): generating" >&2
  java -cp "$cp_etom" org.etomkg.bench.GenerateExtension "$n" "$ext" --seed "$seed" 2> "$dir/generate.log"
  size_runs=$([ "$small" = 1 ] && echo "$runs" || echo "${LARGE_RUNS:-$runs}")
  for i in $(seq "$size_runs"); do
    echo "   run $i/$size_runs: floor" >&2
    if [ "$i" = 1 ]; then
      run floor "$dir" "$heap" "$cp_etom" org.etomkg.bench.SparqlFloor "$ext" --quiet --violators "$dir/floor.tsv" --write-data "$dir/data.nt" --shapes "$shapes"
    else
      run floor "$dir" "$heap" "$cp_etom" org.etomkg.bench.SparqlFloor "$ext" --quiet --shapes "$shapes"
    fi
    echo "   run $i/$size_runs: Jena SHACL (-Xmx$jena_heap)" >&2
    if [ "$i" = 1 ]; then
      run jena "$dir" "$jena_heap" "$cp_etom" org.etomkg.bench.JenaShaclRun "$ext" --findings "$dir/jena.tsv" --shapes "$shapes"
    else
      run jena "$dir" "$jena_heap" "$cp_etom" org.etomkg.bench.JenaShaclRun "$ext" --shapes "$shapes"
    fi
    if [ "${SKIP_TOPBRAID:-0}" != 1 ] && [ -f "$dir/data.nt" ]; then
      echo "   run $i/$size_runs: TopBraid" >&2
      if [ "$i" = 1 ]; then
        run topbraid "$dir" "$heap" "$cp_topbraid" org.etomkg.bench.topbraid.TopBraidRun "$ext" "$dir/data.nt" "$shapes/extension-file.ttl" "$shapes/extension.ttl" "$dir/topbraid.tsv"
      else
        run topbraid "$dir" "$heap" "$cp_topbraid" org.etomkg.bench.topbraid.TopBraidRun "$ext" "$dir/data.nt" "$shapes/extension-file.ttl" "$shapes/extension.ttl"
      fi
    fi
  done
  agree="-"
  if [ -f "$dir/jena.tsv" ] && [ -f "$dir/floor.tsv" ]; then
    tb="-"; [ -f "$dir/topbraid.tsv" ] && tb="$dir/topbraid.tsv"
    java -cp "$cp_etom" org.etomkg.bench.Compare "$dir/jena.tsv" "$tb" "$dir/floor.tsv" "$ext.planted.tsv" --shapes "$shapes" > "$dir/compare.txt"
    agree=$(value agree "$dir/compare.txt")
    [ "$agree" = n/a ] && agree="-"
    [ "$agree" = no ] && agree="NO (see below)"
  fi

  nums() { grep -o "\b$1=[0-9.]*" "$dir/$2.runs" 2>/dev/null | cut -d= -f2 | pick; }
  triples=$(grep -o 'ext_triples=[0-9]*' "$dir/jena.runs" 2>/dev/null | head -1 | cut -d= -f2); triples=${triples:-"-"}
  jena=$(nums validate_s jena); jena_cpu=$(nums validate_cpu_s jena); read_s=$(nums read_s jena)
  rss=$(nums rss_mb jena); heap_peak=$(nums heap_peak_mb jena)
  floor=$(nums floor_s floor); floor_cpu=$(nums floor_cpu_s floor)
  topb=$(nums topbraid_s topbraid); topb_cpu=$(nums topbraid_cpu_s topbraid)
  grep -q failed "$dir/jena.runs" 2>/dev/null && jena="$jena ($(grep -o 'failed=[^ ]*' "$dir/jena.runs" | head -1 | cut -d= -f2))"
  per_proc=$(awk -v s="${jena%% *}" -v n="$n" 'BEGIN { if (s == "-") print "-"; else printf "%.0f", s / n * 1e6 }')
  rows+=("$(printf "$fmt" "$size" "$triples" "$jena" "$jena_heap" "$per_proc" "$rss" "$heap_peak" "$read_s" "$floor" \
    "$(ratio "${jena%% *}" "$floor")" "$topb" "$(ratio "$topb" "${jena%% *}")" "$agree")")
  cpu_rows+=("$(printf "$cfmt" "$size" "$jena_cpu" "$floor_cpu" "$(ratio "$jena_cpu" "$floor_cpu")" "$topb_cpu" "$(ratio "$topb_cpu" "$jena_cpu")")")
done

echo
echo "Validation benchmark, shapes from $shapes/, $version"
echo "($stat of $runs fresh-JVM run(s) per cell, ${LARGE_RUNS:-$runs} above 100k; wall-clock seconds; -Xmx is Jena's heap, the floor and TopBraid get ${HEAP:-4g, or 14g above 100k})"
printf "$fmt\n" size "ext triples" "Jena SHACL end-to-end s" "-Xmx" "us/process" "peak RSS MB" "heap peak MB" \
  "read file s" "SPARQL floor s" "Jena/floor" "TopBraid s" "TopBraid/Jena" "findings agree"
for r in "${rows[@]}"; do echo "$r"; done
echo
echo "Same runs, CPU time of the working thread (less disturbed by other load on the machine):"
printf "$cfmt\n" size "Jena SHACL s" "floor s" "Jena/floor" "TopBraid s" "TopBraid/Jena"
for r in "${cpu_rows[@]}"; do echo "$r"; done
echo
echo "Jena SHACL end-to-end = ExtensionValidator.validate: assembly of extension + release 25.5 + meta-model, both"
echo "shape files, merged report and per-process findings (reading the file is the separate 'read file' column)."
echo "SPARQL floor = the shapes' own target queries and R01-Header's Core checks as plain SELECTs (queries only)."
echo "TopBraid = ValidationUtil.validateModel for both shape files on the same graphs (reading not timed)."
for size in "${sizes[@]}"; do
  if [ -f "$work/$size/compare.txt" ]; then echo; echo "-- $size: findings"; cat "$work/$size/compare.txt"; fi
done
[ "$keep" = 1 ] && echo && echo "logs and data: $work"
exit 0
