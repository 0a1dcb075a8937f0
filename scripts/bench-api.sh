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
JS_TICKETS="${BENCH_JS_TICKETS:-${TICKETS:-1000000}}"
# Settings, the data set, the server start and the wrk runs are shared with bench-scale.sh.
source "$ROOT/scripts/bench-api/common.sh"

ensure_sqlite_data
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Aftercare ------------------------------------------------------------------------------------
start_server server --data-dir "$DATA"
SERVER_PIDS=("$STARTED_PID")
run_aftercare_workloads aftercare "$STARTED_BASE"
AFTERCARE_READ=$READ_RPS
AFTERCARE_CREATE=$CREATE_RPS
stop_started

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
    SERVER_PIDS=("$pid")
    for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/tickets/1" >/dev/null 2>&1 && break; sleep 0.5; done
    export BENCH_JS_TICKETS="$records"
    run_wrk "read by id ($records records)" json-server "$CONNECTIONS" "http://127.0.0.1:$port" -s "$LUA/json_server_read.lua" --timeout 30s
    local read_rps=$LAST_RPS
    run_wrk "create ($records records)" json-server "$CONNECTIONS" "http://127.0.0.1:$port/tickets" -s "$LUA/json_server_create.lua" --timeout 30s
    stop_started
    RATIO_LINES+=("Aftercare at $TICKETS tickets / json-server at $records records: reads $(ratio "$AFTERCARE_READ" "$read_rps"), creates $(ratio "$AFTERCARE_CREATE" "$LAST_RPS")")
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
print_rows
if (( ${#RATIO_LINES[@]} )); then echo; printf '%s\n' "${RATIO_LINES[@]}"; fi
exit 0
