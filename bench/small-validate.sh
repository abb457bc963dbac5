#!/usr/bin/env bash
# The small example's validation against the least a JVM can do with the same file, side by side in one run:
#   launcher  ./etom-kg validate examples/nordlicht-telecom.ttl   (as a user runs it: quick compiler, class archive)
#   plain     java -jar target/etom-kg.jar validate ...           (the JVM's defaults, no archive: as before)
#   parse     java -cp target/etom-kg.jar riotcmd.riot --count ... (start a JVM and parse the file)
# Runs alternate, so a busy machine weighs on all three alike. Prints wall seconds (min and median) and the
# ratios to the parse. Usage: bench/small-validate.sh [RUNS]   (default 10)
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
runs="${1:-10}"
file=examples/nordlicht-telecom.ttl
jar=target/etom-kg.jar
./etom-kg validate "$file" > /dev/null   # builds the jar if needed, and starts the class archive
for _ in $(seq 60); do [ -f target/etom-kg.jsa ] && [ target/etom-kg.jsa -nt "$jar" ] && break; sleep 1; done
[ -f target/etom-kg.jsa ] || echo "bench: no class archive yet; the launcher figures are without it" >&2

scratch="$(mktemp)"
trap 'rm -f "$scratch"' EXIT
declare -A times
measure() {   # $1: name; the rest: the command
  local name="$1"; shift
  /usr/bin/time -f '%e' -o "$scratch" "$@" > /dev/null 2>&1
  times[$name]+="$(tail -1 "$scratch") "
}
for i in $(seq "$runs"); do
  measure launcher ./etom-kg validate "$file"
  measure plain java -jar "$jar" validate "$file"
  measure parse java -cp "$jar" riotcmd.riot --count "$file"
done
stats() { tr ' ' '\n' <<< "$1" | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.2f %.2f", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
read -r pmin pmed <<< "$(stats "${times[parse]}")"
printf '%-10s %8s %8s %14s\n' "" "min s" "median s" "median/parse"
for name in launcher plain parse; do
  read -r mn md <<< "$(stats "${times[$name]}")"
  printf '%-10s %8s %8s %13.2fx\n' "$name" "$mn" "$md" "$(echo "$md / $pmed" | bc -l)"
done
echo "($runs runs each, alternating; load average $(cut -d' ' -f1-3 /proc/loadavg))"
