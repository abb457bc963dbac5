#!/usr/bin/env bash
# Slow-upload benchmark: starts `./etom-kg serve` on a scratch data folder, opens N connections
# that each announce a 100 kB extension for POST /api/validate and then send it one byte per
# second, and meanwhile asks GET /api/health twice a second. Prints health's latency
# (median, p99, max, failures) and what became of the slow uploads (answered 408, or still open).
# Client and server share the machine; python3 is the client.
#
# Usage: bench/slow-uploads.sh
# Environment:
#   UPLOADS=64        slow uploads at once
#   SECONDS_RUN=30    how long they trickle
#   DATA=DIR          an existing data folder to serve (else a scratch one is built)
#   ETOM_KG_JAVA_OPTS JVM options for the server, as for ./etom-kg
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
cd "$home"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
data="${DATA:-$work/data}"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
./etom-kg serve --data "$data" --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 1
done

python3 - "$port" "${UPLOADS:-64}" "${SECONDS_RUN:-30}" <<'PY'
import socket, statistics, sys, threading, time, urllib.request
port, n, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
head = b"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/turtle\r\nContent-Length: 100000\r\n\r\n"
uploads = []
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(head)
    uploads.append(s)
refused = []
def trickle():
    start = time.time()
    while time.time() - start < duration:
        for s in list(uploads):
            try:
                s.sendall(b" ")
            except OSError:
                uploads.remove(s)
                refused.append(s)
        time.sleep(1)
t = threading.Thread(target=trickle)
t.start()
latencies, failures, start = [], 0, time.time()
while time.time() - start < duration:
    t0 = time.time()
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10).read()
        latencies.append(time.time() - t0)
    except Exception:
        failures += 1
    time.sleep(0.5)
t.join()
answers = {}
for s in refused + uploads:
    s.settimeout(1)
    try:
        line = s.recv(64).split(b"\r\n")[0].decode() or "closed"
    except OSError:
        line = "closed"
    answers[line] = answers.get(line, 0) + 1
    s.close()
lat = sorted(latencies) or [float("nan")]
p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
print(f"slow uploads: {n} for {duration:.0f} s")
print(f"health: {len(latencies)} answered, {failures} failed or over 10 s; "
      f"median {statistics.median(lat)*1000:.1f} ms, p99 {p99*1000:.1f} ms, max {lat[-1]*1000:.1f} ms")
print("uploads: " + ", ".join(f"{v} {k}" for k, v in sorted(answers.items())))
PY
