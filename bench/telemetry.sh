#!/usr/bin/env bash
# Telemetry overhead: order throughput of Canteen (embedded, SQLite) with tracing and metrics off and on, in one
# run, alternating the settings so that drift of the machine hits all alike:
#   off      Canteen:Telemetry:Enabled=false (nothing listens);
#   metrics  the default without an OTLP endpoint: metrics, /metrics scraped every 5 s, no spans recorded;
#   on       metrics plus every trace sampled (Canteen:Telemetry:Tracing=true, parent-based, ratio 1.0);
#   otlp     an OTLP exporter sending traces, metrics and logs to a local stand-in collector (which runs on the same
#            cores, so it also takes CPU from the server); an endpoint turns spans on, so this is "on" plus export.
# Goal: "on" costs at most 10 % of orders placed per second. Results go to bench/results/telemetry.md (raw reports
# to bench/out/).
#
#   bash bench/telemetry.sh                  # 2 rounds of 15 s per setting (~5 minutes)
#   bash bench/telemetry.sh --rounds 3 --duration 30
#
# Flags: --rounds N [CANTEEN_BENCH_ROUNDS=2], --duration S [CANTEEN_BENCH_DURATION=15], --warmup S [..._WARMUP=3],
# --connections N [..._CONNECTIONS=64], --prime S [..._PRIME=15, unmeasured load on each freshly started server, as in
# bench/e2e.sh: a cold server measures the JIT, not the setting; 0 = none], --no-build,
# --out FILE [..._OUT=bench/results/telemetry.md].
# Everything listens on 127.0.0.1 only; every step is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMAND="bash bench/telemetry.sh $*"
ROUNDS=${CANTEEN_BENCH_ROUNDS:-2}
DURATION=${CANTEEN_BENCH_DURATION:-15}
WARMUP=${CANTEEN_BENCH_WARMUP:-3}
PRIME=${CANTEEN_BENCH_PRIME:-15}
CONNECTIONS=${CANTEEN_BENCH_CONNECTIONS:-64}
OUT_MD=${CANTEEN_BENCH_OUT:-bench/results/telemetry.md}
PORT=${CANTEEN_BENCH_PORT:-5480}
SINK_PORT=${CANTEEN_BENCH_OTLP_PORT:-5481}
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --prime) PRIME=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT_MD=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$ROOT/bench/telemetry.sh"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR="$ROOT/bench/out/telemetry-$STAMP"
WORK=$(mktemp -d /tmp/canteen-telemetry.XXXXXX)
mkdir -p "$OUT_DIR" "$(dirname "$OUT_MD")"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf '\n==> %s\n' "$*"; }

if [[ $BUILD == 1 ]]; then
  log "building Release"
  for project in src/Canteen.Server tools/Canteen.LoadTest; do
    timeout 600 dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly
  done
fi
LOADTEST="$ROOT/tools/Canteen.LoadTest/bin/Release/net10.0/Canteen.LoadTest.dll"
CANTEEN_DIR="$ROOT/src/Canteen.Server/bin/Release/net10.0"

# As in bench/e2e.sh: the load tool reuses a few guest tokens per store for thousands of orders, so the per-guest and
# per-store rate limits and the unpaid-order cap are lifted (0 = off); a bootstrap admin raises the daily portions.
read -r -a LIFT_ARGS <<<"--Canteen:Limits:PerCaller:TokenLimit=0 --Canteen:Limits:PerStore:TokenLimit=0 \
--Canteen:Limits:Auth:TokenLimit=0 --Canteen:Limits:MaxUnpaidOrdersPerGuest=0"
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-admin-password
AUTH_ARGS=("--Canteen:Auth:BootstrapAdmin:Username=$ADMIN_USER" "--Canteen:Auth:BootstrapAdmin:Password=$ADMIN_PASSWORD")

# A stand-in OTLP/HTTP collector: accepts every export and counts the bytes, so the exporter does its real work
# (serialise, batch, send) without a collector installed.
cat >"$WORK/sink.py" <<'PY'
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    received = 0
    def do_POST(self):
        Sink.received += int(self.headers.get("Content-Length", 0))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf"); self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
python3 "$WORK/sink.py" "$SINK_PORT" &
PIDS+=("$!")

# One measured run: a fresh data directory, limited dishes lifted so lunch-rush measures placing orders, not selling
# out, then the load generator. Leaves orders placed per second in $OUT_DIR/LABEL.rate.
run() {
  local label=$1 pid scraper=""
  shift
  local data="$WORK/data-$label"
  (cd "$CANTEEN_DIR" && exec env "$@" dotnet Canteen.Server.dll --urls "http://127.0.0.1:$PORT" \
    --Canteen:DataDirectory="$data" "${LIFT_ARGS[@]}" "${AUTH_ARGS[@]}") >"$OUT_DIR/$label.server.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 120); do curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/health/ready" && break; sleep 0.5; done
  local base="http://127.0.0.1:$PORT/api/v1" store dish token
  token=$(curl -sf -X POST "$base/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r .accessToken)
  for store in $(curl -sf "$base/stores" | jq -r '.[].id'); do
    for dish in $(curl -sf -H "Authorization: Bearer $token" "$base/stores/$store/stock" | jq -r '.[].dishId'); do
      curl -s -o /dev/null -X PUT "$base/stores/$store/stock/$dish" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{"total":1000000}'
    done
  done
  if curl -sf -o /dev/null "http://127.0.0.1:$PORT/metrics"; then
    (while kill -0 "$pid" 2>/dev/null; do curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/metrics"; sleep 5; done) &
    scraper=$!
    PIDS+=("$scraper")
  fi
  if [[ $PRIME -gt 0 ]]; then
    timeout $((PRIME + 120)) dotnet "$LOADTEST" --url "http://127.0.0.1:$PORT" --scenario lunch-rush --mode closed \
      --connections "$CONNECTIONS" --duration "$PRIME" --warmup 0 --no-verify >"$OUT_DIR/$label.prime.log" 2>&1 \
      || echo "priming $label failed (see $label.prime.log); measuring anyway" >&2
  fi
  # Server CPU over the measured window too: on a shared machine throughput swings with the neighbours, while CPU
  # time per order mostly does not.
  timeout $((WARMUP + DURATION + 120)) dotnet "$LOADTEST" --url "http://127.0.0.1:$PORT" --scenario lunch-rush \
    --mode closed --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" --no-verify \
    --json "$OUT_DIR/$label.json" >"$OUT_DIR/$label.load.log" 2>&1 &
  local load=$!
  sleep "$WARMUP"
  local cpu0 cpu1
  cpu0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  wait "$load" || echo "load run $label exited $?" >&2
  cpu1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n $scraper ]] && { kill "$scraper" 2>/dev/null || true; wait "$scraper" 2>/dev/null || true; }
  jq -r '.ordersPlacedPerSecond // 0' "$OUT_DIR/$label.json" >"$OUT_DIR/$label.rate" 2>/dev/null || echo 0 >"$OUT_DIR/$label.rate"
  awk -v d=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v r="$(cat "$OUT_DIR/$label.rate")" -v s="$DURATION" \
    'BEGIN { if (r > 0) printf "%.3f\n", d / hz * 1000 / (r * s); else print "-" }' >"$OUT_DIR/$label.cpu"
}

SETTINGS=(off metrics on otlp)
declare -A RATE=() CPU=() P99=() ENV=(
  [off]="Canteen__Telemetry__Enabled=false"
  [metrics]="Canteen__Telemetry__Enabled=true"
  [on]="Canteen__Telemetry__Tracing=true"
  [otlp]="OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"
)
for round in $(seq 1 "$ROUNDS"); do
  for setting in "${SETTINGS[@]}"; do
    label="$setting-$round"
    log "round $round: $setting"
    # shellcheck disable=SC2086 # ENV holds several NAME=value words on purpose
    run "$label" ${ENV[$setting]}
    RATE[$label]=$(cat "$OUT_DIR/$label.rate")
    CPU[$label]=$(cat "$OUT_DIR/$label.cpu")
    P99[$label]=$(jq -r '([.latency[] | select(.operation == "order" and .outcome == "ok")][0].p99Ms) // "-"' "$OUT_DIR/$label.json" 2>/dev/null || echo -)
    echo "$label: ${RATE[$label]} orders/s, ${CPU[$label]} server CPU ms/order"
  done
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# The median over the rounds of one setting in RATE or CPU.
med_of() {
  local -n table=$1
  local values=() round
  for round in $(seq 1 "$ROUNDS"); do values+=("${table[$2-$round]}"); done
  median "${values[@]}"
}
declare -A MED_RATE=() MED_CPU=() COST=() CPU_COST=()
for setting in "${SETTINGS[@]}"; do
  MED_RATE[$setting]=$(med_of RATE "$setting")
  MED_CPU[$setting]=$(med_of CPU "$setting")
  COST[$setting]=$(awk -v off="${MED_RATE[off]}" -v x="${MED_RATE[$setting]}" 'BEGIN { if (off > 0) printf "%.1f", (1 - x / off) * 100; else print "-" }')
  CPU_COST[$setting]=$(awk -v off="${MED_CPU[off]}" -v x="${MED_CPU[$setting]}" 'BEGIN { if (off > 0) printf "%.1f", (x / off - 1) * 100; else print "-" }')
done
VERDICT=$(awk -v c="${COST[on]}" 'BEGIN { print (c ~ /^-?[0-9.]+$/ && c + 0 <= 10) ? "PASS" : "FAIL" }')

{
  echo "# Telemetry overhead"
  echo
  echo "Generated by \`$COMMAND\` on $(date -u +%Y-%m-%d) ($(nproc) cores; the load generator shares them with the server)."
  echo "Canteen embedded (SQLite), \`lunch-rush\`, closed loop, $CONNECTIONS connections, ${DURATION} s measured after ${WARMUP} s warmup,"
  echo "each server first primed with ${PRIME} s of unmeasured lunch rush (a warm server, as in bench/e2e.sh);"
  echo "per run, the four settings alternated for $ROUNDS rounds. **off**: \`Canteen:Telemetry:Enabled=false\` (nothing listens).
**metrics**: the default without an OTLP endpoint: Canteen, ASP.NET Core, HttpClient and runtime metrics, /metrics
scraped every 5 s, no spans recorded. **on**: *metrics* plus every trace sampled (\`Canteen:Telemetry:Tracing=true\`,
parent-based, ratio 1.0). **otlp**: *on* plus OTLP/HTTP export of traces, metrics and logs to a local stand-in
collector that shares the cores. JSON console logs are on in all four. Server CPU per order is the
server process's CPU time over the measured window divided by the orders it placed: on a shared machine it moves
less than throughput does."
  echo
  echo "| run | orders/s | server CPU ms/order | p99 placed order ms |"
  echo "| --- | --- | --- | --- |"
  for round in $(seq 1 "$ROUNDS"); do
    for setting in "${SETTINGS[@]}"; do
      echo "| $setting $round | ${RATE[$setting-$round]} | ${CPU[$setting-$round]} | ${P99[$setting-$round]} |"
    done
  done
  echo
  echo "| setting | median orders/s | throughput cost vs off | median CPU ms/order | CPU cost vs off |"
  echo "| --- | --- | --- | --- | --- |"
  for setting in "${SETTINGS[@]}"; do
    echo "| $setting | ${MED_RATE[$setting]} | ${COST[$setting]} % | ${MED_CPU[$setting]} | ${CPU_COST[$setting]} % |"
  done
  echo
  echo "Goal, *on* costs at most 10 % of throughput: **$VERDICT**. Machine load (1-minute average) at the end: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores."
  if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    echo
    echo "**Caution:** the machine was busy with other work during the run (load above its core count), so runs of the"
    echo "same setting differ by more than the settings do; rerun on an idle machine before drawing conclusions."
  fi
} >"$OUT_MD"
cat "$OUT_MD"
