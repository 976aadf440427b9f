#!/usr/bin/env bash
# Same-sitting A/B of two Canteen builds at the embedded peak. This VM's speed moves by tens of percent from one
# minute to the next (bench/RESULTS.md), so two full runs of bench/e2e.sh taken apart cannot show a 10 % change; pairs
# of short runs, alternating the builds, can. Each run: a fresh server (own data directory), daily portions raised,
# PRIME s of unmeasured closed-loop lunch rush, then DURATION s measured on 64 connections. Per run it prints orders/s,
# the server's CPU per order (from /proc/<pid>/stat over the measured window), bytes allocated per order (the server's
# own dotnet_gc_heap_total_allocated_bytes_total over canteen_orders_placed_total, same window) and the client's p99.
# Loopback only, bounded in time (about (PRIME + DURATION + 15) s per run).
#
#   bash bench/ab.sh --baseline /tmp/canteen-old            # a checkout of the other build (Release is built here)
#   bash bench/ab.sh --baseline /tmp/canteen-old --pairs 5 --no-build
#   CANTEEN_BENCH_ARGS="--Canteen:Storage=postgres --Canteen:Postgres:ConnectionString=…" bash bench/ab.sh --baseline …
#
# Flags: --baseline DIR (required; a Canteen checkout), --pairs N (3), --prime S (15), --duration S (10),
# --port P (5496), --no-build. Extra server settings for both builds in CANTEEN_BENCH_ARGS. With PostgreSQL, give each
# run its own schema yourself if the builds' migrations differ (both use the one in the settings).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BASELINE=""
PAIRS=3
PRIME=15
DURATION=10
PORT=5496
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) BASELINE=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --prime) PRIME=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
[[ -n "$BASELINE" && -d "$BASELINE/src/Canteen.Server" ]] || { echo "--baseline must be a Canteen checkout (it has src/Canteen.Server)" >&2; exit 2; }
BASELINE=$(cd "$BASELINE" && pwd)
for n in "$PAIRS" "$PRIME" "$DURATION" "$PORT"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "expected a whole number, got '$n'" >&2; exit 2; }
done

if [[ $BUILD == 1 ]]; then
  for dir in "$ROOT" "$BASELINE"; do
    echo "building Release in $dir..."
    dotnet build -c Release "$dir/src/Canteen.Server" -v q -nologo >/dev/null
  done
  dotnet build -c Release "$ROOT/tools/Canteen.LoadTest" -v q -nologo >/dev/null
fi

URL=http://127.0.0.1:$PORT
ADMIN=(--admin-user bench-admin --admin-password bench-admin-password)
LOADTEST=(dotnet "$ROOT/tools/Canteen.LoadTest/bin/Release/net10.0/Canteen.LoadTest.dll" --url "$URL" "${ADMIN[@]}"
  --scenario lunch-rush --mode closed --connections 64 --no-verify)
# As bench/e2e.sh: one client's 64 connections must not be refused as one caller.
LIFT=(--Canteen:Limits:PerCaller:TokenLimit=0 --Canteen:Limits:PerStore:TokenLimit=0 --Canteen:Limits:Auth:TokenLimit=0
  --Canteen:Limits:MaxUnpaidOrdersPerGuest=0)
DATA=""
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n "$DATA" ]] && rm -rf "$DATA"
  return 0
}
trap cleanup EXIT

# shellcheck source=bench/lib/raise-stock.sh
source "$ROOT/bench/lib/raise-stock.sh"

# "allocated-bytes orders-placed" from the server's metrics.
counters() {
  curl -sf "$URL/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ {a = $2}
    /^canteen_orders_placed_total/ {p += $2} END {printf "%.0f %d", a, p}'
}

# One run of the build in $1; prints "orders/s µs-per-order KB-per-order p99-ms".
run_one() {
  local dir=$1 a0 o0 a1 o1 t0 t1 load
  DATA=$(mktemp -d)
  # shellcheck disable=SC2086 # CANTEEN_BENCH_ARGS is a list of settings
  (cd "$dir/src/Canteen.Server/bin/Release/net10.0" && exec dotnet Canteen.Server.dll --urls "$URL" \
    --Canteen:DataDirectory="$DATA" --Canteen:Auth:BootstrapAdmin:Username=bench-admin \
    --Canteen:Auth:BootstrapAdmin:Password=bench-admin-password "${LIFT[@]}" ${CANTEEN_BENCH_ARGS:-}) >"$DATA/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$URL/health/ready" && break; sleep 0.5; done
  curl -sf -o /dev/null "$URL/health/ready" || { echo "the server in $dir did not become ready; its log:" >&2; tail -5 "$DATA/server.log" >&2; exit 1; }
  raise_stock "$URL" bench-admin bench-admin-password 1000000
  "${LOADTEST[@]}" --duration "$PRIME" --warmup 0 --json "$DATA/prime.json" >/dev/null 2>&1
  "${LOADTEST[@]}" --duration $((DURATION + 3)) --warmup 3 --json "$DATA/run.json" >"$DATA/run.log" 2>&1 &
  load=$!
  sleep 3
  read -r a0 o0 <<<"$(counters)"
  t0=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
  sleep "$DURATION"
  t1=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
  read -r a1 o1 <<<"$(counters)"
  wait "$load" || { echo "the load tool failed; its output:" >&2; tail -5 "$DATA/run.log" >&2; exit 1; }
  awk -v rps="$(jq .ordersPlacedPerSecond "$DATA/run.json")" -v p99="$(jq .overall.p99Ms "$DATA/run.json")" \
    -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v bytes=$((a1 - a0)) -v orders=$((o1 - o0)) 'BEGIN {
      printf "%.0f %.0f %.1f %.1f\n", rps, ticks / hz * 1e6 / (orders > 0 ? orders : 1), bytes / 1024 / (orders > 0 ? orders : 1), p99 }'
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  rm -rf "$DATA"; DATA=""
}

echo "A/B at the embedded peak: baseline $BASELINE ($(git -C "$BASELINE" rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "against this checkout ($(git rev-parse --short HEAD 2>/dev/null || echo '?')); ${PAIRS} pairs, alternating;" \
  "${PRIME} s primed, ${DURATION} s measured${CANTEEN_BENCH_ARGS:+; settings: $CANTEEN_BENCH_ARGS}"
printf '%5s %-9s %10s %14s %14s %8s\n' pair build orders/s 'server µs/ord' 'KB alloc/ord' 'p99 ms'
results=()
for pair in $(seq 1 "$PAIRS"); do
  # Alternating which goes first too, so a machine that speeds up or slows down over the pair favours neither.
  if (( pair % 2 )); then order=(baseline this); else order=(this baseline); fi
  for build in "${order[@]}"; do
    dir=$ROOT; [[ $build == baseline ]] && dir=$BASELINE
    read -r rps us kb p99 <<<"$(run_one "$dir")"
    printf '%5d %-9s %10s %14s %14s %8s\n' "$pair" "$build" "$rps" "$us" "$kb" "$p99"
    results+=("$build $rps $us $kb $p99")
  done
done
printf '%s\n' "${results[@]}" | awk '{n[$1]++; r[$1] += $2; u[$1] += $3; k[$1] += $4}
  END {
    printf "\nmeans: baseline %.0f orders/s, %.0f µs/order, %.1f KB/order; this %.0f orders/s, %.0f µs/order, %.1f KB/order\n",
      r["baseline"] / n["baseline"], u["baseline"] / n["baseline"], k["baseline"] / n["baseline"],
      r["this"] / n["this"], u["this"] / n["this"], k["this"] / n["this"]
    printf "this build against the baseline: orders/s %+.0f %%, CPU per order %+.0f %%, allocation per order %+.0f %%\n",
      (r["this"] / r["baseline"] - 1) * 100, (u["this"] / n["this"] / (u["baseline"] / n["baseline"]) - 1) * 100,
      (k["this"] / n["this"] / (k["baseline"] / n["baseline"]) - 1) * 100 }'
