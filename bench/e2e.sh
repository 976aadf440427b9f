#!/usr/bin/env bash
# End-to-end benchmark: the same load generator drives a do-nothing "hello" endpoint, Canteen embedded (SQLite),
# Canteen on PostgreSQL and a naive one-transaction-per-order baseline, one after the other in one run, and checks
# the goals of the "write path at full speed" issue. Hello also runs open loop at the half-load rate, to show what
# the client and the shared cores add to any latency at that rate (the floor under the half-load p99). Everything
# listens on 127.0.0.1 only; every step is bounded in time. The load generator runs on the same cores as the server it
# measures (2 on the reference machine), so absolute numbers are a floor; the ratios are what compare across machines.
#
#   bash bench/e2e.sh                       # ~3 minutes: 10 s per measured run, 15 s priming per server
#   bash bench/e2e.sh --duration 30         # longer runs
#   bash bench/e2e.sh --soak                # adds ~10 minutes: 5 minutes at 0.4x peak on a server whose unpaid
#                                           # orders expire after 60 s, to check that memory stays flat
#   CANTEEN_TEST_POSTGRES='Host=127.0.0.1;Username=canteen;Password=canteen;Database=canteen' bash bench/e2e.sh
#
# Flags (environment variable in brackets): --duration S [CANTEEN_BENCH_DURATION=10], --warmup S [..._WARMUP=3],
# --prime S [..._PRIME=15, unmeasured load on each freshly started server; 0 = none],
# --connections N [..._CONNECTIONS=64], --half-connections N [..._HALF_CONNECTIONS=256], --overload-connections N
# [..._OVERLOAD_CONNECTIONS=1024], --soak [..._SOAK=1], --soak-seconds S [..._SOAK_SECONDS=300],
# --soak-share X [..._SOAK_SHARE=0.4, the soak's arrival rate as a share of the measured peak], --no-build,
# --out FILE [..._OUT=bench/results/e2e.md]; CANTEEN_BENCH_PORT_BASE (5390, four ports from it) and
# CANTEEN_BENCH_LIFT_ARGS (extra Canteen settings that lift limits, printed with the results).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMAND="bash bench/e2e.sh $*"

DURATION=${CANTEEN_BENCH_DURATION:-10}     # measured seconds per run
WARMUP=${CANTEEN_BENCH_WARMUP:-3}          # unmeasured seconds before each run (JIT, connection set-up)
# Unmeasured seconds of load on each freshly started server before its first measured run. .NET recompiles hot code
# with dynamic PGO during roughly the first 10-15 s of load (measured: a cold Canteen ran lunch rush at ~2,200
# orders/s for 12 s, then ~3,900/s), and a server runs for hours, so every server, hello included, is measured warm.
PRIME=${CANTEEN_BENCH_PRIME:-15}
CONNECTIONS=${CANTEEN_BENCH_CONNECTIONS:-64}
# In-flight caps of the open-loop runs: a request due while the cap is reached is dropped (and counted), which
# would hide the slowest moments, so the caps leave room for queueing: Little's law at 0.5x with 100 ms spikes,
# and at 3x the excess must reach the server for it to shed.
HALF_CONNECTIONS=${CANTEEN_BENCH_HALF_CONNECTIONS:-256}
OVERLOAD_CONNECTIONS=${CANTEEN_BENCH_OVERLOAD_CONNECTIONS:-1024}
SOAK=${CANTEEN_BENCH_SOAK:-0}
SOAK_SECONDS=${CANTEEN_BENCH_SOAK_SECONDS:-300}
# The soak measures memory in the steady state of the whole unpaid life cycle: orders placed, each expiring
# (cancelled, its hold released) when its payment window closes and forgotten by the stock ledger a retention later.
# With the defaults (15 minutes, 5 minutes) that state fills for 20 minutes, so the soak's server shortens both to
# SOAK_WINDOW and says so; its unmeasured warmup covers window + retention + a pruning scan, and the run is verified
# after every order expired (load tool --expire-wait). The soak offers a fixed SOAK_SHARE of the peak, open loop, so the
# number of orders inside their payment window stays constant and memory that grows is a leak, not a load that moved;
# at the peak the same server also expires as many orders as it places (bench/expiry.sh checks that; with 32 cancels
# in flight it could not, and unpaid orders piled up for as long as the rush lasted).
SOAK_SHARE=${CANTEEN_BENCH_SOAK_SHARE:-0.4}
SOAK_WINDOW=60
SOAK_WARMUP=$((2 * SOAK_WINDOW + 30))
BUILD=1
PG_CONN=${CANTEEN_TEST_POSTGRES:-Host=127.0.0.1;Username=canteen;Password=canteen;Database=canteen}
PG_SCHEMA=canteen_bench   # Canteen's tables for this benchmark, dropped and recreated each run; the naive baseline uses "naive"
PORT_BASE=${CANTEEN_BENCH_PORT_BASE:-5390}
OUT_MD=${CANTEEN_BENCH_OUT:-bench/results/e2e.md}
STOCK_TOTAL=1000000

# Limits the benchmark lifts, passed to Canteen on its command line and printed with the results. Daily portions
# are lifted through the stock API below (PUT /stock), so lunch-rush measures placing orders, not selling out. The
# load tool reuses a few guest tokens per store for thousands of orders, so the per-guest and per-store order rate
# limits and the per-guest cap on unpaid orders are lifted (0 = off); the instance-wide concurrency limit stays on.
read -r -a LIFT_ARGS <<<"--Canteen:Limits:PerCaller:TokenLimit=0 --Canteen:Limits:PerStore:TokenLimit=0 \
--Canteen:Limits:Auth:TokenLimit=0 --Canteen:Limits:MaxUnpaidOrdersPerGuest=0 ${CANTEEN_BENCH_LIFT_ARGS:-}"

# Identity is on: a bootstrap admin (created on the empty database) signs in for the stock API and the invariant
# check; orders are placed with guest tokens the load tool obtains itself (--guest-tokens, default 16 per store).
ADMIN_USER=bench-admin
ADMIN_PASSWORD=bench-admin-password
AUTH_ARGS=("--Canteen:Auth:BootstrapAdmin:Username=$ADMIN_USER" "--Canteen:Auth:BootstrapAdmin:Password=$ADMIN_PASSWORD")
ADMIN_LOAD_ARGS=(--admin-user "$ADMIN_USER" --admin-password "$ADMIN_PASSWORD")

while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --prime) PRIME=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --half-connections) HALF_CONNECTIONS=$2; shift 2 ;;
    --overload-connections) OVERLOAD_CONNECTIONS=$2; shift 2 ;;
    --soak) SOAK=1; shift ;;
    --soak-seconds) SOAK=1; SOAK_SECONDS=$2; shift 2 ;;
    --soak-share) SOAK=1; SOAK_SHARE=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT_MD=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$ROOT/bench/e2e.sh"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT_DIR="$ROOT/bench/out/e2e-$STAMP"   # raw JSON reports and logs (git-ignored)
WORK=$(mktemp -d /tmp/canteen-e2e.XXXXXX)
mkdir -p "$OUT_DIR" "$(dirname "$OUT_MD")"
PIDS=()

log() { printf '\n==> %s\n' "$*"; }

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- helpers ---------------------------------------------------------------------------------------------------
declare -A SERVER_PID=() RUN_RC=() SERVER_HWM=()

calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
# Comparisons that fail on a missing value ("-"), so a run that did not happen never passes a goal.
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a ~ /^-?[0-9.]+$/ && a + 0 >= b + 0) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a ~ /^-?[0-9.]+$/ && a + 0 <= b + 0) }'; }
verdict() { if "$@"; then echo PASS; else echo FAIL; fi; }

# A number from a run's JSON report (0 when the run or the field is missing).
jnum() { jq -r "($2) // 0" "$OUT_DIR/$1.json" 2>/dev/null || echo 0; }
# A latency field of one operation/outcome of a run ("-" when it never happened).
lat() {
  jq -r --arg op "$2" --arg oc "$3" --arg f "$4" \
    '([.latency[] | select(.operation == $op and .outcome == $oc)][0][$f]) // "-"' "$OUT_DIR/$1.json" 2>/dev/null || echo -
}
have() { [[ -s "$OUT_DIR/$1.json" ]]; }

# Starts an app from its own folder (so it reads its own appsettings.json, as deployed) on 127.0.0.1:PORT and
# waits until READY answers; fails if the process exits or is not ready within 60 s.
start_server() {
  local name=$1 dir=$2 dll=$3 port=$4 ready=$5 pid
  shift 5
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    echo "port $port is already in use; set CANTEEN_BENCH_PORT_BASE" >&2
    exit 1
  fi
  (cd "$dir" && exec dotnet "$dll" --urls "http://127.0.0.1:$port" "$@") >"$OUT_DIR/$name.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  SERVER_PID[$name]=$pid
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$port$ready"; then
      echo "$name is up (pid $pid, port $port)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up (log: ${OUT_DIR#"$ROOT"/}/$name.log)"
      return 1
    fi
    sleep 0.5
  done
  echo "$name was not ready within 60 s"
  kill "$pid" 2>/dev/null || true
  return 1
}

stop_server() {
  local pid=${SERVER_PID[$1]}
  SERVER_HWM[$1]=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo -)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Once a second while SERVER runs, "epoch-seconds rss-kB cpu-ticks" as PROBE prints "rss-kB cpu-ticks" for the
# server's pid (nothing when the process is gone), into OUT_DIR/FILE.
sample_while() {
  local pid=${SERVER_PID[$1]} file=$2 probe=$3 sample
  (
    while kill -0 "$pid" 2>/dev/null; do
      sample=$("$probe" "$pid")
      [[ -n $sample ]] && printf '%s %s\n' "$(date +%s.%N)" "$sample"
      sleep 1
    done
  ) >"$OUT_DIR/$file" &
  PIDS+=("$!")
}

# VmRSS and CPU time of the server itself.
server_probe() {
  local rss cpu
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true)
  cpu=$(awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || true)
  [[ -n $rss && -n $cpu ]] && echo "$rss $cpu"
  return 0
}

# CPU time of the database server's own processes (PostgreSQL runs as user postgres), RSS 0: on a shared machine the
# database's cost per order decides as much as Canteen's. A backend that exits takes its ticks with it, so this is a
# floor; pooled connections live through a run.
database_probe() {
  local cpu=0 p
  for p in $(pgrep -u postgres); do cpu=$((cpu + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "0 $cpu"
}

sample_rss() { sample_while "$1" "$1.rss" server_probe; }

# In sample_rss's format, so that server_window gives the database's cores over a run's measured part.
sample_database() { sample_while "$1" "$1-database.rss" database_probe; }

# "X cores, Y µs per order placed" of the database during RUN's measured part, from sample_database's samples.
database_cost() {
  local cores
  cores=$(server_window "$1-database" "$2" | awk '{ print $4 }')
  awk -v c="$cores" -v r="$(jnum "$2" .ordersPlacedPerSecond)" \
    'BEGIN { if (c ~ /^[0-9.]+$/ && r > 0) printf "%.2f cores, %.0f µs per order placed", c, c * 1e6 / r; else print "-" }'
}

# Over the measured part of RUN (after its warmup, WARMUP unless given), from SERVER's samples: "rss-start rss-end rss-peak cores",
# RSS in MB and cores = CPU seconds the server used per second.
server_window() {
  local s e
  [[ -s "$OUT_DIR/$2.window" && -s "$OUT_DIR/$1.rss" ]] || { echo "- - - -"; return; }
  read -r s e _ <"$OUT_DIR/$2.window"
  awk -v s="$s" -v w="${3:-$WARMUP}" -v e="$e" -v hz="$(getconf CLK_TCK)" '$1 >= s + w && $1 <= e {
      if (!n++) { first = $2; t0 = $1; c0 = $3 } last = $2; t1 = $1; c1 = $3; if ($2 > peak) peak = $2 }
    END {
      if (!n) { print "- - - -"; exit }
      cores = (t1 > t0) ? (c1 - c0) / hz / (t1 - t0) : 0
      printf "%.0f %.0f %.0f %.2f\n", first / 1024, last / 1024, peak / 1024, cores }' "$OUT_DIR/$1.rss"
}

# One load-generator run against 127.0.0.1:PORT; later arguments override the defaults given first.
# Open-loop runs start the client with its thread pool's spinning off: waiting for work by spinning, its idle workers
# took 0.55 of the 2 cores at 3,500 orders/s (0.30 without), CPU the server under test then lacked. Every open-loop
# run gets it, the hello floor at the half rate included; closed loop keeps the workers busy and gained nothing from it
# (tools/Canteen.LoadTest/README.md), so it stays as it was, hello and the ratios to it included.
run_load() {
  local label=$1 port=$2 rc start spin=()
  shift 2
  [[ " $* " == *" --mode open "* ]] && spin=(env DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)
  log "run: $label ($*)"
  start=$(date +%s.%N)
  set +e
  timeout $((WARMUP + DURATION + SOAK_SECONDS + SOAK_WARMUP + SOAK_WINDOW + 300)) "${spin[@]}" dotnet "$LOADTEST" --url "http://127.0.0.1:$port" \
    --duration "$DURATION" --warmup "$WARMUP" --json "$OUT_DIR/$label.json" "$@" 2>&1 | tee "$OUT_DIR/$label.log"
  rc=${PIPESTATUS[0]}
  set -e
  echo "$start $(date +%s.%N) $rc" >"$OUT_DIR/$label.window"
  RUN_RC[$label]=$rc
}

# The outbox relay's publish delays so far (time from an order change to its event's publication), from Canteen's
# histogram: "events delay-sum-seconds published-later-than-1-s". Throughput is only honest if the events of the
# orders placed went out with them: a relay that falls behind defers work (inbox rows, marks) the run never pays for
# (it did: at 7,000 orders/s events were 6 s late and growing). Read before and after a run; the difference covers
# the run and whatever backlog drained after it.
outbox_delays() {
  curl -sf --max-time 5 "http://127.0.0.1:$1/metrics" | awk '
    /^canteen_outbox_publish_delay_seconds_count/ { c += $NF }
    /^canteen_outbox_publish_delay_seconds_sum/ { s += $NF }
    /^canteen_outbox_publish_delay_seconds_bucket/ && /le="1"/ { within += $NF }
    END { printf "%d %.3f %d\n", c, s, c - within }' || echo "0 0 0"
}

# "N events, mean X ms, Y later than 1 s" between two outbox_delays snapshots.
outbox_summary() {
  awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); n = y[1] - x[1]
    if (n <= 0) { print "-"; exit }
    printf "%d events, mean delay %.0f ms, %d later than 1 s", n, 1000 * (y[2] - x[2]) / n, y[3] - x[3] }'
}

# Unmeasured load on a freshly started server (see PRIME); later arguments are the run's own load options.
prime() {
  local label=$1 port=$2
  shift 2
  [[ $PRIME -gt 0 ]] || return 0
  log "priming $label: ${PRIME} s of unmeasured load"
  timeout $((PRIME + 120)) dotnet "$LOADTEST" --url "http://127.0.0.1:$port" --duration "$PRIME" --warmup 0 \
    --no-verify --json "$OUT_DIR/prime-$label.json" "$@" >"$OUT_DIR/prime-$label.log" 2>&1 \
    || echo "priming $label failed (see prime-$label.log); measuring anyway"
}

# raise_stock URL USER PASSWORD TOTAL (lifts every limited dish so a lunch rush does not sell out).
# shellcheck source=bench/lib/raise-stock.sh
source "$ROOT/bench/lib/raise-stock.sh"

# Memory trend over a long measured run: "first-minute-mean last-minute-mean peak" RSS in MB; means, because RSS
# moves by tens of MB around each garbage collection and two single samples could show growth that is not there.
rss_trend() {
  local s e
  [[ -s "$OUT_DIR/$2.window" && -s "$OUT_DIR/$1.rss" ]] || { echo "- - -"; return; }
  read -r s e _ <"$OUT_DIR/$2.window"
  awk -v s="$s" -v w="$3" -v e="$e" '$1 >= s + w && $1 <= e {
      t = $1 - s - w; if (t < 60) { a += $2; na++ } if ($1 > e - 60) { b += $2; nb++ } if ($2 > peak) peak = $2 }
    END {
      if (!na || !nb) { print "- - -"; exit }
      printf "%.0f %.0f %.0f\n", a / na / 1024, b / nb / 1024, peak / 1024 }' "$OUT_DIR/$1.rss"
}

# Starts Canteen's PostgreSQL runs from an empty schema (only the benchmark's own schema; psql is optional).
pg_drop_schema() {
  local host port
  if ! command -v psql >/dev/null; then
    echo "psql not found: schema $2 is reused as it is"
    return
  fi
  host=$(conn_value "$1" host)
  port=$(conn_value "$1" port)
  PGPASSWORD=$(conn_value "$1" password) psql -qAt -h "${host:-127.0.0.1}" -p "${port:-5432}" \
    -U "$(conn_value "$1" username)" -d "$(conn_value "$1" database)" -c "DROP SCHEMA IF EXISTS $2 CASCADE" >/dev/null 2>&1 \
    || echo "could not drop schema $2; continuing with it as it is"
}

conn_value() { tr ';' '\n' <<<"$1" | awk -F= -v k="$2" '{ key = tolower($1); gsub(/ /, "", key) } key == k { print $2; exit }'; }

# "ok" when the PostgreSQL of CONN is on loopback and accepts connections, else why not.
postgres_status() {
  local host port
  host=$(conn_value "$1" host)
  port=$(conn_value "$1" port)
  host=${host:-127.0.0.1}
  port=${port:-5432}
  case "$host" in
    localhost | 127.* | ::1 | '[::1]') ;;
    *) echo "PostgreSQL host '$host' is not loopback"; return ;;
  esac
  [[ $host == localhost ]] && host=127.0.0.1
  if timeout 3 bash -c "exec 3<>/dev/tcp/${host//[\[\]]/}/$port" 2>/dev/null; then
    echo ok
  else
    echo "PostgreSQL not reachable at $host:$port"
  fi
}

# One row of the results table: RUN measured against SERVER.
row() {
  local label=$1 server=$2 what=$3 mode ratio verify cores cost
  if ! have "$label"; then
    local why=${4:-not run}
    [[ -n ${RUN_RC[$label]:-} ]] && why="failed (exit ${RUN_RC[$label]}, see $label.log)"
    printf '| %s | %s | - | - | - | - | - | - | - | - | %s |\n' "$label" "$what" "$why"
    return
  fi
  mode=$(jq -r '.mode + (if .ratePerSecond then " \(.ratePerSecond | floor)/s" else " \(.connections) conn" end)' "$OUT_DIR/$label.json")
  ratio=$(awk -v p="$(jnum "$label" .ordersPlacedPerSecond)" -v h="$HELLO_RPS" 'BEGIN { if (h > 0) printf "%.2f", p / h; else print "-" }')
  [[ $label == flash ]] && ratio="-"   # a sold-out run: its throughput is mostly refusals
  [[ $label == hello-half ]] && ratio="-"   # the client's floor, not a capacity
  verify=$(jq -r 'if .verification.performed then (if .verification.passed then "PASS" else "FAIL" end) else "-" end' "$OUT_DIR/$label.json")
  cores=$(server_window "$server" "$label" "$([[ $label == soak ]] && echo "$SOAK_WARMUP")" | awk '{ print $4 }')
  cost=$(awk -v c="$cores" -v r="$(jnum "$label" .requestsPerSecond)" 'BEGIN { if (c ~ /^[0-9.]+$/ && r > 0) printf "%.0f", c * 1e6 / r; else print "-" }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$what" "$mode" \
    "$(jnum "$label" .requestsPerSecond)" "$(jnum "$label" .ordersPlacedPerSecond)" \
    "$(lat "$label" order ok p50Ms)" "$(lat "$label" order ok p99Ms)" "$ratio" "$cores" "$cost" "$verify"
}

goal() { printf '| %s | %s | %s | %s |\n' "$@"; }

write_summary() {
  local peak_placed over_placed over_503 shed_p99 dropped pg naive growth_run growth_how growth_why s e p
  peak_placed=$(jnum peak .ordersPlacedPerSecond)
  over_placed=$(jnum overload .ordersPlacedPerSecond)
  over_503=$(jnum overload '.statusCodes["503"]')
  shed_p99=$(lat overload order shed p99Ms)
  dropped=$(jnum overload .dropped)
  pg=$(jnum pg .ordersPlacedPerSecond)
  naive=$(jnum naive .ordersPlacedPerSecond)
  if [[ $SOAK == 1 ]]; then
    growth_run=soak growth_how='mean of the first minute -> of the last: '
    growth_why=", after ${SOAK_WARMUP} s unmeasured; unpaid orders expire after ${SOAK_WINDOW} s there"
    read -r s e p <<<"$(rss_trend soak soak "$SOAK_WARMUP")"
  else
    growth_run=peak growth_how='' growth_why=', short run: indicative, use --soak'
    read -r s e p _ <<<"$(server_window embedded peak)"
  fi

  echo "# End-to-end benchmark"
  echo
  echo "- run: $(date -u +%Y-%m-%dT%H:%MZ), command: \`$COMMAND\`"
  echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r)"
  echo "- .NET runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }') (SDK $(dotnet --version)); load average at start: $LOAD_AT_START, at end: $(cut -d" " -f1-3 /proc/loadavg)"
  echo "- load generator: tools/Canteen.LoadTest on the same machine and the same cores as the server under test, so"
  echo "  every number here is the server's share of a machine it splits with its client; ratios to hello are the comparable figure."
  echo "- every server gets ${PRIME} s of unmeasured lunch rush after it starts (the flash sale runs before, on the cold"
  echo "  embedded server, as a correctness row), so what is measured is a warm server, as in production and as for hello."
  echo "- each run: ${WARMUP} s warmup, then ${DURATION} s or its request bound; closed loop with $CONNECTIONS connections;"
  echo "  open loop latencies count from each request's intended send time (no coordinated omission)."
  echo "- lifted for the benchmark: $LIFTED"
  if [[ $SOAK == 1 ]]; then
    echo "- soak: ${SOAK_SHARE}x the peak rate, open loop, on a fresh embedded server where unpaid orders expire after ${SOAK_WINDOW} s (default 15 min) and the stock ledger"
    echo "  forgets released holds ${SOAK_WINDOW} s later (default 5 min), so the whole unpaid life cycle reaches its steady state in"
    echo "  the ${SOAK_WARMUP} s unmeasured warmup; verified once every order expired (each read back cancelled, no portion still held)."
  fi
  echo
  echo "| run | what | mode | req/s | orders placed/s | order p50 ms | order p99 ms | ratio to hello | server cores | server CPU µs/req | verify |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  row hello hello "minimal JSON endpoint (ceiling)"
  row flash embedded "embedded, flash sale of 50 portions"
  row peak embedded "embedded, lunch rush at capacity"
  row half embedded "embedded, 0.5x peak offered"
  row overload embedded "embedded, 3x peak offered"
  row hello-half hello-half "hello at the half-load rate (the client's and machine's own latency floor)"
  [[ $SOAK == 1 ]] && row soak soak "embedded, ${SOAK_SECONDS} s soak at ${SOAK_SHARE}x peak, every order expiring unpaid after ${SOAK_WINDOW} s"
  row pg postgres "PostgreSQL, lunch rush at capacity" "${PG_CANTEEN_SKIP:-not run}"
  row naive naive "naive: 1 transaction per order" "${PG_CANTEEN_SKIP:+skipped}"
  echo
  echo "server cores = CPU seconds per second the server process used during the measured part (from /proc/<pid>/stat);"
  echo "server CPU µs/req = its CPU cost per request, which moves less than throughput when other work shares the machine."
  echo "outbox relay (events published during the run and its verification; a relay that keeps up publishes within tens of"
  echo "milliseconds): peak run ${OUTBOX_PEAK:--}; PostgreSQL run ${OUTBOX_PG:--}."
  echo "PostgreSQL's own processes during the measured part: Canteen's run $(database_cost postgres pg); naive run"
  echo "$(database_cost naive naive)."
  echo
  echo "| goal | target | measured | result |"
  echo "| --- | --- | --- | --- |"
  goal "embedded: orders placed/s vs hello req/s" ">= 0.35x" "$peak_placed vs $HELLO_RPS" \
    "$(verdict ge "$peak_placed" "$(calc "$HELLO_RPS * 0.35")")"
  # Drops hide the slowest moments of an open-loop run, so more than 0.1% of them fails the goal too.
  local half_dropped half_offered
  half_dropped=$(jnum half .dropped)
  half_offered=$(calc "$(jnum half .requests) + $half_dropped")
  local half_result=FAIL shed_result=FAIL
  if le "$(lat half order ok p99Ms)" 10 && le "$half_dropped" "$(calc "$half_offered * 0.001")"; then half_result=PASS; fi
  if ge "$over_503" 1 && le "$shed_p99" 50; then shed_result=PASS; fi
  goal "embedded p99 at half load" "<= 10 ms, <= 0.1% dropped" \
    "$(lat half order ok p99Ms) ms, $half_dropped of $half_offered dropped by client cap (hello at that rate: p99 $(lat hello-half order ok p99Ms) ms)" "$half_result"
  goal "3x overload: throughput" ">= 90% of peak" "$over_placed vs $peak_placed placed/s" \
    "$(verdict ge "$over_placed" "$(calc "$peak_placed * 0.9")")"
  goal "3x overload: accepted p99" "<= 50 ms" "$(lat overload order ok p99Ms) ms" "$(verdict le "$(lat overload order ok p99Ms)" 50)"
  goal "3x overload: excess gets 503 quickly" "503s, p99 <= 50 ms" "$over_503 x 503, p99 $shed_p99 ms, $dropped dropped by client cap" \
    "$shed_result"
  if have pg && have naive; then
    goal "PostgreSQL vs naive" ">= 10x" "$pg vs $naive placed/s" "$(verdict ge "$pg" "$(calc "$naive * 10")")"
    goal "PostgreSQL vs hello" ">= 0.15x" "$pg vs $HELLO_RPS" "$(verdict ge "$pg" "$(calc "$HELLO_RPS * 0.15")")"
  else
    goal "PostgreSQL vs naive / hello" ">= 10x / >= 0.15x" "${PG_CANTEEN_SKIP:-not run}" SKIP
  fi
  local peak_rss
  peak_rss=$(server_window embedded peak | awk '{ print $3 }')
  goal "memory: RSS under peak load (embedded)" "<= 256 MB" \
    "max $peak_rss MB during the peak run; VmHWM over the whole process (3x run included) ${SERVER_HWM[embedded]:--} MB" \
    "$(verdict le "$peak_rss" 256)"
  local growth=SKIP
  [[ $s == - ]] || growth=$(verdict le "$(calc "$e - $s")" "$(calc "$s * 0.10")")
  goal "memory: growth over the $growth_run run" "none (<= 10%)" \
    "${growth_how}$s MB -> $e MB (peak $p MB)${growth_why}" "$growth"
}

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ $BUILD == 1 ]]; then
  log "building Release"
  for project in src/Canteen.Server tools/Canteen.LoadTest bench/Canteen.Bench.Hello bench/Canteen.Bench.Naive; do
    timeout 600 dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly
  done
fi
LOADTEST="$ROOT/tools/Canteen.LoadTest/bin/Release/net10.0/Canteen.LoadTest.dll"
CANTEEN_DIR="$ROOT/src/Canteen.Server/bin/Release/net10.0"
HELLO_DIR="$ROOT/bench/Canteen.Bench.Hello/bin/Release/net10.0"
NAIVE_DIR="$ROOT/bench/Canteen.Bench.Naive/bin/Release/net10.0"
LIFTED="daily portions of every limited dish raised to $STOCK_TOTAL via PUT /stock${LIFT_ARGS[*]:+; server settings: ${LIFT_ARGS[*]}}"

# ---- 1. hello: the ceiling -------------------------------------------------------------------------------------
log "hello baseline (Kestrel answering the order route without doing anything)"
start_server hello "$HELLO_DIR" Canteen.Bench.Hello.dll "$((PORT_BASE))" /hello
sample_rss hello
prime hello "$((PORT_BASE))" --scenario lunch-rush --mode closed --connections "$CONNECTIONS"
run_load hello "$((PORT_BASE))" --scenario lunch-rush --mode closed --connections "$CONNECTIONS" --no-verify
stop_server hello
HELLO_RPS=$(jnum hello .requestsPerSecond)

# ---- 2. Canteen embedded ---------------------------------------------------------------------------------------
log "Canteen embedded (SQLite in $WORK/embedded); lifted: $LIFTED"
PORT=$((PORT_BASE + 1))
start_server embedded "$CANTEEN_DIR" Canteen.Server.dll "$PORT" /health/ready \
  "--Canteen:DataDirectory=$WORK/embedded" "${AUTH_ARGS[@]}" "${LIFT_ARGS[@]}"
sample_rss embedded
# A flash sale first, on the seeded 50 portions: a correctness row (exactly 50 accepted, none oversold).
run_load flash "$PORT" --scenario flash-sale --store sh-jingan --dish braised-pork --mode closed \
  --connections "$CONNECTIONS" --duration 3 --warmup 0 "${ADMIN_LOAD_ARGS[@]}"
raise_stock "http://127.0.0.1:$PORT" "$ADMIN_USER" "$ADMIN_PASSWORD" "$STOCK_TOTAL"
prime embedded "$PORT" --scenario lunch-rush --mode closed --connections "$CONNECTIONS" "${ADMIN_LOAD_ARGS[@]}"
NOTE="Canteen embedded; lifted: $LIFTED"
OUTBOX_BEFORE=$(outbox_delays "$PORT")
run_load peak "$PORT" --scenario lunch-rush --mode closed --connections "$CONNECTIONS" --note "$NOTE" "${ADMIN_LOAD_ARGS[@]}"
OUTBOX_PEAK=$(outbox_summary "$OUTBOX_BEFORE" "$(outbox_delays "$PORT")")
PEAK_RPS=$(jnum peak .requestsPerSecond)
HALF_RATE=$(calc "$PEAK_RPS * 0.5")
OVER_RATE=$(calc "$PEAK_RPS * 3")
run_load half "$PORT" --scenario lunch-rush --mode open --rate "$HALF_RATE" --connections "$HALF_CONNECTIONS" --note "$NOTE" "${ADMIN_LOAD_ARGS[@]}"
run_load overload "$PORT" --scenario lunch-rush --mode open --rate "$OVER_RATE" \
  --connections "$OVERLOAD_CONNECTIONS" --note "$NOTE" "${ADMIN_LOAD_ARGS[@]}"
stop_server embedded

# The same open loop against hello: what the client and the shared cores add to any latency at that rate.
log "hello again, open loop at the half-load rate ($HALF_RATE/s): the latency floor of the client on this machine"
start_server hello-half "$HELLO_DIR" Canteen.Bench.Hello.dll "$((PORT_BASE))" /hello
sample_rss hello-half
prime hello-half "$((PORT_BASE))" --scenario lunch-rush --mode closed --connections "$CONNECTIONS"
run_load hello-half "$((PORT_BASE))" --scenario lunch-rush --mode open --rate "$HALF_RATE" --connections "$HALF_CONNECTIONS" --no-verify
stop_server hello-half

if [[ $SOAK == 1 ]]; then
  SOAK_SPAN=$(printf '%02d:%02d:%02d' $((SOAK_WINDOW / 3600)) $((SOAK_WINDOW % 3600 / 60)) $((SOAK_WINDOW % 60)))
  SOAK_ARGS=("--Canteen:Ordering:PaymentTimeout=$SOAK_SPAN" "--Canteen:Inventory:ReleasedHoldRetention=$SOAK_SPAN")
  log "soak: a fresh embedded server, ${SOAK_ARGS[*]}; ${SOAK_WARMUP} s unmeasured, then ${SOAK_SECONDS} s measured"
  start_server soak "$CANTEEN_DIR" Canteen.Server.dll "$PORT" /health/ready \
    "--Canteen:DataDirectory=$WORK/soak" "${AUTH_ARGS[@]}" "${LIFT_ARGS[@]}" "${SOAK_ARGS[@]}"
  sample_rss soak
  raise_stock "http://127.0.0.1:$PORT" "$ADMIN_USER" "$ADMIN_PASSWORD" "$STOCK_TOTAL"
  run_load soak "$PORT" --scenario lunch-rush --mode open --rate "$(calc "$PEAK_RPS * $SOAK_SHARE")" \
    --connections "$HALF_CONNECTIONS" --warmup "$SOAK_WARMUP" \
    --duration "$SOAK_SECONDS" --requests 100000000 --verify-max 50000 --expire-wait $((SOAK_WINDOW + 15)) \
    --note "$NOTE; soak: ${SOAK_ARGS[*]}" "${ADMIN_LOAD_ARGS[@]}"
  stop_server soak
fi

# ---- 3. PostgreSQL: Canteen, then the naive baseline -----------------------------------------------------------
PG_STATUS=$(postgres_status "$PG_CONN")
if [[ $PG_STATUS == ok ]]; then
  log "Canteen on PostgreSQL (schema $PG_SCHEMA)"
  PORT=$((PORT_BASE + 2))
  pg_drop_schema "$PG_CONN" "$PG_SCHEMA"
  if start_server postgres "$CANTEEN_DIR" Canteen.Server.dll "$PORT" /health/ready \
      "--Canteen:DataDirectory=$WORK/pg" --Canteen:Storage=postgres "--Canteen:Postgres:ConnectionString=$PG_CONN" \
      "--Canteen:Postgres:Schema=$PG_SCHEMA" "${AUTH_ARGS[@]}" "${LIFT_ARGS[@]}"; then
    sample_rss postgres
    sample_database postgres
    raise_stock "http://127.0.0.1:$PORT" "$ADMIN_USER" "$ADMIN_PASSWORD" "$STOCK_TOTAL"
    prime postgres "$PORT" --scenario lunch-rush --mode closed --connections "$CONNECTIONS" "${ADMIN_LOAD_ARGS[@]}"
    OUTBOX_BEFORE=$(outbox_delays "$PORT")
    run_load pg "$PORT" --scenario lunch-rush --mode closed --connections "$CONNECTIONS" \
      --note "Canteen on PostgreSQL; lifted: $LIFTED" "${ADMIN_LOAD_ARGS[@]}"
    OUTBOX_PG=$(outbox_summary "$OUTBOX_BEFORE" "$(outbox_delays "$PORT")")
    stop_server postgres
  else
    PG_CANTEEN_SKIP="skipped: postgres mode not available ($(tail -n 3 "$OUT_DIR/postgres.log" | tr '\n' ' ' | cut -c1-200))"
    echo "$PG_CANTEEN_SKIP"
  fi

  log "naive baseline on the same PostgreSQL (one transaction per order, SELECT ... FOR UPDATE)"
  PORT=$((PORT_BASE + 3))
  start_server naive "$NAIVE_DIR" Canteen.Bench.Naive.dll "$PORT" /api/v1/stores/sh-jingan/stock \
    "--Naive:ConnectionString=$PG_CONN" "--Naive:InitialStock=$STOCK_TOTAL"
  sample_rss naive
  sample_database naive
  prime naive "$PORT" --scenario lunch-rush --mode closed --connections "$CONNECTIONS"
  run_load naive "$PORT" --scenario lunch-rush --mode closed --connections "$CONNECTIONS"
  stop_server naive
else
  PG_CANTEEN_SKIP="skipped: $PG_STATUS"
  echo "$PG_CANTEEN_SKIP"
fi

# ---- 4. summary ------------------------------------------------------------------------------------------------
write_summary | tee "$OUT_MD"
echo
echo "summary written to $OUT_MD; raw reports and logs in ${OUT_DIR#"$ROOT"/}"
# Goals are measurements and do not fail the script; a failed post-run verification (a lost order, stock that
# does not add up) is a correctness bug and does.
for label in "${!RUN_RC[@]}"; do
  if [[ ${RUN_RC[$label]} == 1 ]]; then
    echo "verification FAILED in run '$label' (see ${OUT_DIR#"$ROOT"/}/$label.log)" >&2
    exit 1
  fi
done
