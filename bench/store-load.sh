#!/usr/bin/env bash
# Prints how fast `etom-kg load` builds the store from ontology/, beside Apache Jena's own bulk
# loader, tdb2.tdbloader, on the same quads (issue 14, aim 4). The runs alternate, one of each in
# turn, each into a fresh folder. For `load`: wall, CPU and peak resident memory, and the time of
# each of its stages (parse, write, index, fingerprint), read from the progress lines the run
# itself prints. The text index is reported apart: "without index" is the total less that stage.
# (Stages a load of this version does not have show "-": since the files are parsed straight into
# the loader, as tdb2.tdbloader parses its input, "stream" is parse and write together and "finish"
# the loader's last indexing; older loads showed "parse" and "write", and once "fingerprint".)
# The quads are the store's own, dumped to N-Quads by tdb2.tdbdump before any timing. Printed: the
# medians, and the fastest run of each side (on a shared machine, the one least disturbed).
# Usage: bench/store-load.sh [RUNS]   (default 3; a scratch folder; tdb2.tdbloader from bench/tdbloader)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$home/etom-kg" --help > /dev/null   # build the jar first, so it is not timed
jar="$home/target/etom-kg.jar"

# Jena's command-line tools on a class path of their own (not the product's), offline when possible.
tdbloader_cp() {
  local dir="$home/bench/tdbloader" log
  if [ ! -s "$dir/target/classpath.txt" ]; then
    if ! log="$(cd "$dir" && { mvn -q -o -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 2>&1 \
          || mvn -q -B -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/classpath.txt 2>&1; })"; then
      printf '%s\n' "$log" >&2; echo "bench: cannot resolve jena-cmds in bench/tdbloader" >&2; exit 1
    fi
  fi
  cat "$dir/target/classpath.txt"
}
cp_jena="$(tdbloader_cp)"

# One `load` as the launcher runs it (no JVM options for load unless ETOM_KG_JAVA_OPTS), with the
# progress lines on, as on a terminal, so that each stage reports "done in".
load_once() {   # $1: data folder
  rm -rf "$1"
  # shellcheck disable=SC2086  # the options are words
  /usr/bin/time -o "$scratch/time" -f '%e %U %S %M' \
    java ${ETOM_KG_JAVA_OPTS:-} -Detomkg.home="$home" -Detomkg.progress=true -jar "$jar" load --data "$1" > /dev/null 2> "$scratch/progress" \
    || { tr '\r' '\n' < "$scratch/progress" >&2; echo "bench: load failed" >&2; exit 1; }
}

# The stages' seconds from the progress lines, as "stream=.. finish=.. index=.." (or an older load's names).
stages() {
  tr '\r' '\n' < "$scratch/progress" | grep 'done in' | sed -E 's/^etom-kg: //' | while IFS= read -r line; do
    s="$(sed -E 's/.*done in ([0-9.]+) s.*/\1/' <<< "$line")"
    case "$line" in
      "loading the "*"ontology files in "*) echo -n "stream=$s " ;;
      "writing the last"*) echo -n "finish=$s " ;;
      "reading the ontology files"*|"parsing"*) echo -n "parse=$s " ;;
      "writing"*|"loading"*) echo -n "write=$s " ;;
      "indexing"*) echo -n "index=$s " ;;
      *manifest*|*fingerprint*) echo -n "fingerprint=$s " ;;
      *) echo -n "other=$s " ;;
    esac
  done
}

timed() {   # prints "wall=.. cpu=.. rss_mb=.." from $scratch/time
  awk '{ printf "wall=%.2f cpu=%.2f rss_mb=%d", $1, $2 + $3, $4 / 1024 }' "$scratch/time"
}

echo "== the same quads as N-Quads (not timed)"
load_once "$scratch/data"
java -cp "$cp_jena" tdb2.tdbdump --loc "$scratch/data/store" > "$scratch/all.nq" 2> /dev/null
echo "$(wc -l < "$scratch/all.nq") quads, $(du -h "$scratch/all.nq" | cut -f1)"

echo "== $runs runs each, alternating (seconds; cpu = user + system)"
: > "$scratch/load.runs"; : > "$scratch/tdb.runs"
for i in $(seq "$runs"); do
  load_once "$scratch/data"
  line="$(timed) $(stages)"
  echo "$line" >> "$scratch/load.runs"
  echo "run $i  etom-kg load     $line"
  rm -rf "$scratch/tdb"
  /usr/bin/time -o "$scratch/time" -f '%e %U %S %M' java -cp "$cp_jena" tdb2.tdbloader --loc "$scratch/tdb" "$scratch/all.nq" > /dev/null 2>&1
  line="$(timed)"
  echo "$line" >> "$scratch/tdb.runs"
  echo "run $i  tdb2.tdbloader   $line"
done

median() {   # $1: key, $2: runs file; the median of key=value over the runs, or "-"
  grep -o "\b$1=[0-9.]*" "$2" | cut -d= -f2 | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
fastest() {   # $1: runs file; its run of least wall time (on a shared machine, the run least disturbed)
  awk '{ match($0, /wall=[0-9.]+/); w = substr($0, RSTART + 5, RLENGTH - 5) + 0; if (NR == 1 || w < best) { best = w; line = $0 } } END { print line }' "$1"
}
report() {   # $1: title, $2: load runs file, $3: tdbloader runs file
  local lw lc li tw tc
  lw=$(median wall "$2"); lc=$(median cpu "$2"); li=$(median index "$2")
  tw=$(median wall "$3"); tc=$(median cpu "$3")
  echo "== $1"
  printf '%-16s %8s %8s %10s   %s\n' "" wall cpu rss_mb stages
  printf '%-16s %8s %8s %10s   stream %s  finish %s  index %s  (parse %s  write %s  fingerprint %s)\n' "etom-kg load" "$lw" "$lc" "$(median rss_mb "$2")" \
    "$(median stream "$2")" "$(median finish "$2")" "$li" "$(median parse "$2")" "$(median write "$2")" "$(median fingerprint "$2")"
  printf '%-16s %8s %8s %10s\n' "tdb2.tdbloader" "$tw" "$tc" "$(median rss_mb "$3")"
  awk -v lw="$lw" -v lc="$lc" -v li="$li" -v tw="$tw" -v tc="$tc" 'BEGIN {
    printf "load without the text index: %.2f s wall\n", lw - li
    printf "speed of load against tdb2.tdbloader (its time / ours; 1 or more is at least as fast):\n"
    printf "  wall %.2fx with the text index, %.2fx without it; cpu %.2fx with it\n", tw / lw, tw / (lw - li), tc / lc
  }'
}
report "medians over $runs runs" "$scratch/load.runs" "$scratch/tdb.runs"
fastest "$scratch/load.runs" > "$scratch/load.best"; fastest "$scratch/tdb.runs" > "$scratch/tdb.best"
report "the fastest run of each (least disturbed by other work on the machine)" "$scratch/load.best" "$scratch/tdb.best"
