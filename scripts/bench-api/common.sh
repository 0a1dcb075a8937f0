# Shared by scripts/bench-api.sh and scripts/bench-scale.sh (sourced, not run): settings, the
# 1M-ticket data set, starting a server, the wrk runs and the table they print. One place, so both
# benchmarks measure the same workloads the same way.
#
# Settings (environment): BUILD, BENCH_DIR, TICKETS, DURATION, CONNECTIONS, QUEUE_CONNECTIONS,
# WRK_THREADS. After sourcing: SERVER, LOADER, LUA, DATA, TOKENS, ROWS (the table's rows so far).

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
BUILD="${BUILD:-$ROOT/build/native}"
BENCH_DIR="${BENCH_DIR:-/tmp/aftercare-bench}"
TICKETS="${TICKETS:-1000000}"
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

PIDS=()          # every process a benchmark started, stopped on exit
SERVER_PIDS=()   # the processes whose CPU time a row charges (servers, and nginx in front of them)
CPU_PARENTS=()   # processes whose children's CPU time a row charges too (nginx workers, PostgreSQL backends)
CLEANUPS=()      # further commands to run on exit (stopping a database cluster)
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    PIDS=()
    local command
    for command in "${CLEANUPS[@]}"; do eval "$command" || true; done
    CLEANUPS=()
}
trap cleanup EXIT

# --- data ---------------------------------------------------------------------------------------
# TICKETS tickets in a SQLite data dir through core and the real store (aftercare-bench-load), the
# (service number, customer token) pairs of the read workload, and a throwaway admin for the queue.
# Made once per TICKETS and reused by later runs of either benchmark.
ensure_sqlite_data() {
    [[ -f "$DATA/aftercare.db" && -s "$TOKENS" ]] && return 0
    rm -rf "$DATA"
    echo "loading $TICKETS tickets into $DATA ..." >&2
    local start
    start=$(date +%s)
    "$LOADER" --data-dir "$DATA" --tickets "$TICKETS" --tokens-out "$TOKENS" --token-count 20000 \
        --policy "$ROOT/assets/policy.json" 2>&1 | tail -1 >&2
    echo "loaded in $(( $(date +%s) - start )) s" >&2
    # The password never leaves the bench dir.
    head -c 24 /dev/urandom | base64 > "$BENCH_DIR/admin-password"
    "$SERVER" create-admin --data-dir "$DATA" --username bench < "$BENCH_DIR/admin-password" >/dev/null
}

# --- servers ------------------------------------------------------------------------------------
# Starts aftercare-server on a free loopback port with the per-address budgets off (all load comes
# from one address: wrk's). Usage: start_server NAME [server args...] (its output and log go to
# $BENCH_DIR/NAME.out and NAME.log); sets STARTED_BASE (http://127.0.0.1:PORT), STARTED_PORT and
# STARTED_PID (also added to PIDS).
start_server() {
    local name="$1"; shift
    "$SERVER" --port 0 --seed-demo false --threads 64 \
        --rate-lookup 0 --rate-create 0 --rate-login 0 --rate-lookup-failures 0 --storage-per-address-mb 0 \
        --policy "$ROOT/assets/policy.json" --faq-dir "$ROOT/assets/faq" --calendar-dir "$ROOT/assets/calendar" \
        "$@" >"$BENCH_DIR/$name.out" 2>"$BENCH_DIR/$name.log" &
    STARTED_PID=$!
    PIDS+=($STARTED_PID)
    local _
    for _ in $(seq 600); do grep -q "Aftercare portal" "$BENCH_DIR/$name.out" 2>/dev/null && break; sleep 0.1; done
    grep -q "Aftercare portal" "$BENCH_DIR/$name.out" || { echo "server $name did not start:" >&2; tail -5 "$BENCH_DIR/$name.log" >&2; exit 1; }
    STARTED_BASE=$(sed -E 's#Aftercare portal: (http://[^/]+)/.*#\1#' "$BENCH_DIR/$name.out")
    STARTED_PORT=${STARTED_BASE##*:}
}

stop_started() {  # stops everything in PIDS (servers, nginx), keeps CLEANUPS for the end
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    PIDS=()
    SERVER_PIDS=()
    CPU_PARENTS=()
}

staff_token() {  # BASE: signs the throwaway admin in and prints its access token
    curl -sf -X POST "$1/api/v1/staff/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench\",\"password\":\"$(tr -d '\n' < "$BENCH_DIR/admin-password")\"}" |
        sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# --- wrk ----------------------------------------------------------------------------------------
to_ms() {  # "1.23ms" | "850.00us" | "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
ROWS=()
cpu_ticks() {  # user + system clock ticks of the processes under test (SERVER_PIDS, CPU_PARENTS' children)
    local total=0 pid ticks parent children=()
    for parent in "${CPU_PARENTS[@]}"; do children+=($(pgrep -P "$parent" || true)); done
    for pid in "${SERVER_PIDS[@]}" "${children[@]}"; do
        if [[ -r "/proc/$pid/stat" ]]; then
            ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
            total=$(( total + ticks ))
        fi
    done
    echo "$total"
}
# Runs wrk for DURATION and appends a row to ROWS; sets LAST_RPS, LAST_P99, LAST_ERRORS. wrk's
# output goes to $BENCH_DIR/wrk-N.txt (N counts the runs of this script).
run_wrk() {  # name target connections url [wrk args...]
    local name="$1" target="$2" connections="$3" url="$4"; shift 4
    local threads=$(( connections < WRK_THREADS ? connections : WRK_THREADS ))
    local out ticks_before ticks_after
    ticks_before=$(cpu_ticks)
    # The load generator shares the 2 cores with the server's threads; at equal priority the
    # scheduler gives wrk's 2 threads a small share, and the latency it records is mostly its own
    # wait to run. A higher priority (when allowed) lets it read each response when it arrives.
    out=$($WRK_NICE wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$@" "$url")
    ticks_after=$(cpu_ticks)
    # wrk's own report (socket errors by kind, non-2xx count), kept beside the table.
    WRK_RUNS=$(( ${WRK_RUNS:-0} + 1 ))
    printf '%s (%s)\n%s\n' "$name" "$target" "$out" > "$BENCH_DIR/wrk-$WRK_RUNS.txt"
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
    LAST_RPS=$rps
    LAST_P99=$p99
    LAST_ERRORS=$errors
}

# The three Aftercare workloads against BASE; sets READ_RPS, QUEUE_P99, CREATE_RPS (and *_ERRORS).
run_aftercare_workloads() {  # target base
    local target="$1" base="$2" staff
    staff=$(staff_token "$base")
    [[ -n "$staff" ]] || { echo "staff login failed on $base" >&2; exit 1; }
    export BENCH_TOKENS="$TOKENS"
    run_wrk "read by service number" "$target" "$CONNECTIONS" "$base" -s "$LUA/read.lua"
    READ_RPS=$LAST_RPS READ_ERRORS=$LAST_ERRORS
    run_wrk "staff queue first page" "$target" "$QUEUE_CONNECTIONS" "$base/api/v1/staff/queue" -H "Authorization: Bearer $staff"
    QUEUE_P99=$LAST_P99 QUEUE_ERRORS=$LAST_ERRORS
    run_wrk "create ticket" "$target" "$CONNECTIONS" "$base/api/v1/tickets" -s "$LUA/create.lua"
    CREATE_RPS=$LAST_RPS CREATE_ERRORS=$LAST_ERRORS
}

print_rows() {
    echo "| workload | server | connections | requests/s | p50 (ms) | p99 (ms) | server CPU per request (ms) | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
}
