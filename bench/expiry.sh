#!/usr/bin/env bash
# Expiry at capacity: can the sweeper cancel unpaid orders as fast as a lunch rush places them? Starts embedded
# Canteen with a short payment window, drives a closed-loop lunch rush whose guests never pay, and every 5 s prints
# orders placed and expired per second and how many placed orders are not yet expired. If the sweeper keeps up, that
# count levels off at about (placement rate x window) once the first orders expire; if it falls behind, the count
# keeps growing for as long as the rush lasts, and so do memory and the portions held for orders nobody will pay.
# After the load it waits for the last orders to expire and checks that none is left. relay-lag-s is the age of the
# oldest event the outbox relay has not published (every placement and expiry writes one; the live feed shows them).
# Loopback only, bounded in time.
#
#   bash bench/expiry.sh                    # ~2.5 minutes: 90 s of load with a 20 s payment window
#   bash bench/expiry.sh --duration 300 --window 60 --no-build
#
# Flags: --duration S (90, seconds of load), --window S (20, Canteen:Ordering:PaymentTimeout), --connections N (64),
# --port P (5480), --no-build; extra Canteen settings in CANTEEN_BENCH_ARGS (e.g.
# "--Canteen:Ordering:ExpiryConcurrency=32" to compare with the old default).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=90
WINDOW=20
CONNECTIONS=64
PORT=5480
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown argument: $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
for n in "$DURATION" "$WINDOW" "$CONNECTIONS" "$PORT"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "expected a whole number, got '$n'" >&2; exit 2; }
done
(( DURATION > WINDOW + 20 )) || { echo "--duration must exceed --window by more than 20 s to see the steady state" >&2; exit 2; }

if [[ $BUILD == 1 ]]; then
  echo "building Release..."
  dotnet build -c Release src/Canteen.Server -v q -nologo >/dev/null
  dotnet build -c Release tools/Canteen.LoadTest -v q -nologo >/dev/null
fi

DATA=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT

URL=http://127.0.0.1:$PORT
# Limits lifted so one client's 64 connections are not refused as one caller; the unpaid-orders cap is lifted because
# this benchmark is about unpaid orders (with the default cap a guest token could hold only 3).
LIFT=(--Canteen:Limits:PerCaller:TokenLimit=0 --Canteen:Limits:PerStore:TokenLimit=0 --Canteen:Limits:Auth:TokenLimit=0
  --Canteen:Limits:MaxUnpaidOrdersPerGuest=0)
# shellcheck disable=SC2086 # CANTEEN_BENCH_ARGS is a list of settings
dotnet src/Canteen.Server/bin/Release/net10.0/Canteen.Server.dll --urls "$URL" --Canteen:DataDirectory="$DATA" \
  --Canteen:Auth:BootstrapAdmin:Username=bench-admin --Canteen:Auth:BootstrapAdmin:Password=bench-admin-password \
  "${LIFT[@]}" --Canteen:Ordering:PaymentTimeout="$(printf '00:%02d:%02d' $((WINDOW / 60)) $((WINDOW % 60)))" \
  ${CANTEEN_BENCH_ARGS:-} >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "$URL/health/ready" && break; sleep 0.5; done
curl -sf -o /dev/null "$URL/health/ready" || { echo "the server did not become ready; its log:" >&2; tail -5 "$DATA/server.log" >&2; exit 1; }

echo "window ${WINDOW} s, ${DURATION} s of closed-loop lunch rush on ${CONNECTIONS} connections, guests never pay"
echo "lifted: ${LIFT[*]} ${CANTEEN_BENCH_ARGS:-}"
dotnet tools/Canteen.LoadTest/bin/Release/net10.0/Canteen.LoadTest.dll --url "$URL" --admin-user bench-admin \
  --admin-password bench-admin-password --scenario lunch-rush --mode closed --connections "$CONNECTIONS" \
  --duration "$DURATION" --warmup 0 --no-verify --json "$DATA/run.json" >"$DATA/run.log" 2>&1 &
LOAD_PID=$!

counts() {
  curl -sf "$URL/metrics" | awk '/^canteen_orders_placed_total/ {p += $2} /^canteen_stock_holds_total.*outcome="expired"/ {e += $2}
    /^canteen_outbox_lag_seconds/ {l = $2} END {printf "%d %d %.2f", p, e, l}'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
rss_mb() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$SERVER_PID/status"; }

printf '%6s %10s %10s %12s %12s %8s %12s\n' t placed/s expired/s not-expired server-cores rss-MB relay-lag-s
placed0=0; expired0=0; ticks0=$(cpu_ticks); hz=$(getconf CLK_TCK)
mid_t=$((WINDOW + 20)); mid_open=""; end_open=""; end_t=0; placed_mid=0
for t in $(seq 5 5 $((DURATION + WINDOW + 15))); do
  sleep 5
  read -r placed expired lag <<<"$(counts)"
  ticks=$(cpu_ticks)
  open=$((placed - expired))
  printf '%6d %10d %10d %12d %12s %8d %12s\n' "$t" $(((placed - placed0) / 5)) $(((expired - expired0) / 5)) "$open" \
    "$(awk -v d=$((ticks - ticks0)) -v hz="$hz" 'BEGIN {printf "%.2f", d / hz / 5}')" "$(rss_mb)" "$lag"
  if (( t == mid_t )); then mid_open=$open; placed_mid=$placed; fi
  if (( t <= DURATION )); then end_open=$open; end_t=$t; placed_end=$placed; fi
  placed0=$placed; expired0=$expired; ticks0=$ticks
done
wait "$LOAD_PID" || true

rate=$(( (placed_end - placed_mid) / (end_t - mid_t) ))
growth=$(( (end_open - mid_open) / (end_t - mid_t) ))
echo
echo "from t=${mid_t} to t=${end_t} s: placed ${rate}/s; orders not yet expired went ${mid_open} -> ${end_open} (${growth}/s)"
left=$((placed - expired))
# Level within a tenth of the placement rate: the count follows the placement rate of one window earlier, which moves.
if (( growth * 10 <= rate )); then verdict="KEEPS UP"; else verdict="FALLS BEHIND"; fi
echo "sweeper: ${verdict}; after the load and one window, ${left} placed orders not expired ($( ((left == 0)) && echo PASS || echo FAIL))"
