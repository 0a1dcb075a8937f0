#!/usr/bin/env bash
# Benchmark of the /api/v1 backend on loopback with wrk: load N tickets (default 1,000,000), then
# measure create, read by service number and the staff queue's first page; then the same read and
# create workload against json-server (npm) with the same number of records, and print the ratio.
# Not a test: it prints a table for docs/benchmarks.md.
#
#   scripts/bench-api.sh                 # full run (1M tickets, ~10 min on 2 cores)
#   TICKETS=100000 DURATION=10 scripts/bench-api.sh
#   SKIP_JSON_SERVER=1 scripts/bench-api.sh
#
# Needs: a native build (aftercare-server, aftercare-bench-load), wrk, node + npm (json-server is
# installed into the bench dir with npm, never into the repo).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build/native}"
BENCH_DIR="${BENCH_DIR:-/tmp/aftercare-bench}"
TICKETS="${TICKETS:-1000000}"
JS_TICKETS="${BENCH_JS_TICKETS:-$TICKETS}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-32}"
# The staff queue is read by a handful of consoles, not by dozens at once: it is measured at a
# lower concurrency (and its page is ~40 KB, so wrk's own parsing would dominate at 32).
QUEUE_CONNECTIONS="${QUEUE_CONNECTIONS:-4}"
WRK_THREADS="${WRK_THREADS:-2}"
SERVER="$BUILD/serve/aftercare-server"
LOADER="$BUILD/serve/aftercare-bench-load"
LUA="$ROOT/scripts/bench-api"
DATA="$BENCH_DIR/data-$TICKETS"
TOKENS="$BENCH_DIR/tokens-$TICKETS.txt"

for tool in wrk "$SERVER" "$LOADER"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (build with: cmake --build build/native --target aftercare-server aftercare-bench-load)" >&2; exit 1; }
done
mkdir -p "$BENCH_DIR"
WRK_NICE=""
nice -n -10 true 2>/dev/null && WRK_NICE="nice -n -10"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# --- data ---------------------------------------------------------------------------------------
if [[ ! -f "$DATA/aftercare.db" || ! -s "$TOKENS" ]]; then
    rm -rf "$DATA"
    echo "loading $TICKETS tickets into $DATA ..." >&2
    start=$(date +%s)
    "$LOADER" --data-dir "$DATA" --tickets "$TICKETS" --tokens-out "$TOKENS" --token-count 20000 \
        --policy "$ROOT/assets/policy.json" 2>&1 | tail -1 >&2
    echo "loaded in $(( $(date +%s) - start )) s" >&2
    # A throwaway admin for the queue workload; the password never leaves this run.
    head -c 24 /dev/urandom | base64 > "$BENCH_DIR/admin-password"
    "$SERVER" create-admin --data-dir "$DATA" --username bench < "$BENCH_DIR/admin-password" >/dev/null
fi

# --- wrk helpers ----------------------------------------------------------------------------------
to_ms() {  # "1.23ms" | "850.00us" | "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
ROWS=()
SERVER_PID=""
cpu_ticks() {  # user + system clock ticks of the server under test
    if [[ -n "$SERVER_PID" && -r "/proc/$SERVER_PID/stat" ]]; then
        awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"
    else
        echo 0
    fi
}
run_wrk() {  # name target connections url [wrk args...]
    local name="$1" target="$2" connections="$3" url="$4"; shift 4
    local threads=$(( connections < WRK_THREADS ? connections : WRK_THREADS ))
    local out ticks_before ticks_after
    ticks_before=$(cpu_ticks)
    # The load generator shares the 2 cores with the server's 64 threads; at equal priority the
    # scheduler gives wrk's 2 threads a small share, and the latency it records is mostly its own
    # wait to run. A higher priority (when allowed) lets it read each response when it arrives.
    out=$($WRK_NICE wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$@" "$url")
    ticks_after=$(cpu_ticks)
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' <<<"$out")
    # Server CPU per request: unlike latency, barely affected by other load on the machine.
    local requests cpu_ms
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    cpu_ms=$(awk -v t=$(( ticks_after - ticks_before )) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
        'BEGIN { if (n > 0) printf "%.3f", t * 1000 / hz / n; else print "-" }')
    ROWS+=("| $name | $target | $connections | $rps | $p50 | $p99 | $cpu_ms | $errors |")
    echo "$name ($target): $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors" >&2
    case "$name" in
        read*) LAST_READ=$rps ;;
        create*) LAST_CREATE=$rps ;;
    esac
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Aftercare ------------------------------------------------------------------------------------
"$SERVER" --port 0 --data-dir "$DATA" --seed-demo false --threads 64 \
    --rate-lookup 0 --rate-create 0 --rate-login 0 --rate-lookup-failures 0 \
    --policy "$ROOT/assets/policy.json" --faq-dir "$ROOT/assets/faq" --calendar-dir "$ROOT/assets/calendar" \
    >"$BENCH_DIR/server.out" 2>"$BENCH_DIR/server.log" &
PIDS+=($!)
SERVER_PID=$!
for _ in $(seq 100); do grep -q "Aftercare portal" "$BENCH_DIR/server.out" 2>/dev/null && break; sleep 0.1; done
BASE=$(sed -E 's#Aftercare portal: (http://[^/]+)/#\1#' "$BENCH_DIR/server.out")
STAFF=$(curl -sf -X POST "$BASE/api/v1/staff/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$(tr -d '\n' < "$BENCH_DIR/admin-password")\"}" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/')

export BENCH_TOKENS="$TOKENS"
run_wrk "read by service number" aftercare "$CONNECTIONS" "$BASE" -s "$LUA/read.lua"
READ_AFTERCARE=$LAST_READ
run_wrk "staff queue first page" aftercare "$QUEUE_CONNECTIONS" "$BASE/api/v1/staff/queue" -H "Authorization: Bearer $STAFF"
run_wrk "create ticket" aftercare "$CONNECTIONS" "$BASE/api/v1/tickets" -s "$LUA/create.lua"
AFTERCARE_READ=$READ_AFTERCARE
AFTERCARE_CREATE=$LAST_CREATE
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true; PIDS=()

# --- json-server ----------------------------------------------------------------------------------
# Run twice: with the same number of records (the like-for-like comparison), and with a small
# store (BENCH_JS_SMALL, 10,000), where json-server is at its best, so the ratio is not only a
# story about json-server's linear scans and whole-file rewrites at 1M records.
RATIO_LINES=()
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "x%.0f", a / b; else print "(json-server completed none)" }'; }
run_json_server() {  # records
    local records="$1" js="$BENCH_DIR/json-server"
    if [[ ! -x "$js/node_modules/.bin/json-server" ]]; then
        npm install --silent --prefix "$js" json-server@0.17.4 >&2
    fi
    echo "writing a json-server db with $records tickets ..." >&2
    /usr/bin/python3 "$LUA/make_json_server_db.py" "$records" "$BENCH_DIR/db.json"
    local port=$(( 20000 + RANDOM % 20000 ))
    node --max-old-space-size=8192 "$js/node_modules/.bin/json-server" --quiet --host 127.0.0.1 --port "$port" \
        "$BENCH_DIR/db.json" >"$BENCH_DIR/json-server.log" 2>&1 &
    local pid=$!
    PIDS+=($pid)
    SERVER_PID=$pid
    for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/tickets/1" >/dev/null 2>&1 && break; sleep 0.5; done
    export BENCH_JS_TICKETS="$records"
    run_wrk "read by id ($records records)" json-server "$CONNECTIONS" "http://127.0.0.1:$port" -s "$LUA/json_server_read.lua" --timeout 30s
    run_wrk "create ($records records)" json-server "$CONNECTIONS" "http://127.0.0.1:$port/tickets" -s "$LUA/json_server_create.lua" --timeout 30s
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    RATIO_LINES+=("Aftercare at $TICKETS tickets / json-server at $records records: reads $(ratio "$AFTERCARE_READ" "$LAST_READ"), creates $(ratio "$AFTERCARE_CREATE" "$LAST_CREATE")")
}
if [[ -z "${SKIP_JSON_SERVER:-}" ]]; then
    run_json_server "$JS_TICKETS"
    JS_SMALL="${BENCH_JS_SMALL:-10000}"
    [[ "$JS_SMALL" != "$JS_TICKETS" ]] && run_json_server "$JS_SMALL"
fi

# --- report ---------------------------------------------------------------------------------------
echo
echo "Tickets in the store: $TICKETS; wrk ${DURATION}s per row on loopback; $(nproc) cores; load average before: $LOAD_BEFORE"
echo
echo "| workload | server | connections | requests/s | p50 (ms) | p99 (ms) | server CPU per request (ms) | errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
if (( ${#RATIO_LINES[@]} )); then echo; printf '%s\n' "${RATIO_LINES[@]}"; fi
exit 0
