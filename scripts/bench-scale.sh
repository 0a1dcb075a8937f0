#!/usr/bin/env bash
# Scale-out benchmark (issue #15): the bench-api.sh workloads (read by service number, staff queue
# first page, durable create) at N tickets (default 1,000,000) on
#   1. SQLite, one instance (the embedded default; the same data set bench-api.sh uses);
#   2. PostgreSQL, one instance;
#   3. PostgreSQL, one instance behind nginx (what the proxy itself costs);
#   4. PostgreSQL, three instances behind nginx (deploy/nginx's proxy snippet, least_conn).
# The PostgreSQL database is a copy of the SQLite data set made with `aftercare-server migrate`, in
# a throwaway cluster under BENCH_DIR (tests/api/pg_cluster.sh: socket only, fsync on), kept for
# later runs. Not a test: it prints tables for docs/benchmarks.md.
#
#   scripts/bench-scale.sh                        # 1M tickets, 15 s per row
#   TICKETS=100000 DURATION=5 scripts/bench-scale.sh
#   PREPARE_ONLY=1 scripts/bench-scale.sh         # load and copy the data set only (no measuring)
#
# Needs: a native build (aftercare-server, aftercare-bench-load), wrk, nginx, PostgreSQL 15
# (postgresql-15: initdb, pg_ctl, psql).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/bench-api/common.sh"

NGINX="${NGINX:-/usr/sbin/nginx}"
PG_DIR="$BENCH_DIR/pg"   # under /tmp: under root the cluster runs as `postgres`, which must reach it
PG_DB="bench_$TICKETS"
# A dedicated database machine would give PostgreSQL a quarter of its memory; WAL sized so that a
# checkpoint does not land in the middle of a 15 s row. Durability settings stay as the tests'
# (fsync=on, synchronous_commit=on).
PG_OPTIONS="${PG_OPTIONS:--c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min}"
INSTANCES="${INSTANCES:-3}"
command -v "$NGINX" >/dev/null || { echo "missing nginx ($NGINX)" >&2; exit 1; }

echo "uptime before: $(uptime)" >&2
UPTIME_BEFORE=$(uptime)

# --- data ---------------------------------------------------------------------------------------
ensure_sqlite_data
AFTERCARE_PG_OPTIONS="$PG_OPTIONS" "$ROOT/tests/api/pg_cluster.sh" resume "$PG_DIR"
CLEANUPS+=("'$ROOT/tests/api/pg_cluster.sh' pause '$PG_DIR'")
DATABASE="postgresql://aftercare@/$PG_DB?host=$PG_DIR"
pg_query() { psql -h "$PG_DIR" -U aftercare -d "$1" -tAX -c "$2"; }
if [[ -z "$(pg_query postgres "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]] ||
   [[ "$(pg_query "$PG_DB" "SELECT COUNT(*) FROM tickets" 2>/dev/null || echo 0)" == 0 ]]; then
    pg_query postgres "DROP DATABASE IF EXISTS $PG_DB" >/dev/null
    pg_query postgres "CREATE DATABASE $PG_DB" >/dev/null
    echo "copying $DATA into PostgreSQL ($PG_DB) with aftercare-server migrate ..." >&2
    start=$(date +%s)
    "$SERVER" migrate --from "sqlite:$DATA" --to "$DATABASE" >&2
    echo "copied in $(( $(date +%s) - start )) s" >&2
    # Statistics and the visibility map, as a database in service has them (autovacuum would
    # otherwise do this in the middle of a row).
    start=$(date +%s)
    pg_query "$PG_DB" "VACUUM (ANALYZE)" >/dev/null
    echo "vacuum analyze in $(( $(date +%s) - start )) s" >&2
fi
PG_TICKETS=$(pg_query "$PG_DB" "SELECT COUNT(*) FROM tickets")
# Every create of a run adds an open ticket, and the queue page's cost follows the open count.
PG_OPEN=$(pg_query "$PG_DB" "SELECT COUNT(*) FROM tickets WHERE is_open = 1")
SQLITE_OPEN="?"
command -v sqlite3 >/dev/null && SQLITE_OPEN=$(sqlite3 -readonly "$DATA/aftercare.db" "SELECT COUNT(*) FROM tickets WHERE is_open = 1")
PG_SIZE=$(pg_query "$PG_DB" "SELECT pg_size_pretty(pg_database_size(current_database()))")
SQLITE_SIZE=$(du -sh "$DATA" | cut -f1)
POSTMASTER=$(head -1 "$PG_DIR/data/postmaster.pid")
if [[ -n "${PREPARE_ONLY:-}" ]]; then
    echo "ready: SQLite $DATA ($SQLITE_SIZE), PostgreSQL $PG_DB in $PG_DIR ($PG_TICKETS tickets, $PG_SIZE)"
    exit 0
fi

# --- nginx --------------------------------------------------------------------------------------
# deploy/nginx's proxy snippet in front of the given ports, on a free loopback port; sets NGINX_BASE.
# Its per-address zones are declared here with the ceilings out of the way (all load comes from one
# address, wrk's), as the servers run with their per-address budgets off.
start_nginx() {  # port...
    local dir="$BENCH_DIR/nginx" port upstream
    rm -rf "$dir"; mkdir -p "$dir"
    chmod 0755 "$dir"  # workers run as another user when started by root
    port=$(( 20000 + RANDOM % 20000 ))
    {
        echo "daemon off; worker_processes auto; pid $dir/nginx.pid; error_log $dir/error.log warn;"
        echo "events { worker_connections 1024; }"
        echo "http {"
        echo "  access_log off;"
        echo "  limit_conn_zone \$binary_remote_addr zone=aftercare_conn:10m;"
        echo "  limit_req_zone \$binary_remote_addr zone=aftercare_req:10m rate=1000000r/s;"
        echo "  upstream aftercare {"
        echo "    least_conn;"
        for upstream in "$@"; do echo "    server 127.0.0.1:$upstream max_fails=3 fail_timeout=10s;"; done
        echo "    keepalive 64;"
        echo "  }"
        echo "  server { listen 127.0.0.1:$port; include $ROOT/deploy/nginx/aftercare-proxy.conf; }"
        echo "}"
    } > "$dir/nginx.conf"
    "$NGINX" -p "$dir/" -c "$dir/nginx.conf" 2>"$dir/stderr" &
    PIDS+=($!)
    SERVER_PIDS+=($!)
    CPU_PARENTS+=($!)
    local _
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "nginx did not start:" >&2; cat "$dir/stderr" "$dir/error.log" >&2; exit 1; }
    # Temporary files of buffered bodies and answers, written by the workers.
    chmod -R a+rwx "$dir"/*_temp 2>/dev/null || true
    NGINX_BASE="http://127.0.0.1:$port"
}

# --- runs ---------------------------------------------------------------------------------------
SUMMARY=()
summarize() {  # setup
    SUMMARY+=("| $1 | $READ_RPS | $CREATE_RPS | $QUEUE_P99 | $(( READ_ERRORS + QUEUE_ERRORS + CREATE_ERRORS )) |")
}
pg_server() {  # name: an instance on the PostgreSQL database, trusting nginx's X-Forwarded-For
    mkdir -p "$BENCH_DIR/$1"
    start_server "$1" --data-dir "$BENCH_DIR/$1" --database "$DATABASE" --trusted-proxies 127.0.0.1
    SERVER_PIDS+=("$STARTED_PID")
}

setup="SQLite, 1 instance"
start_server sqlite --data-dir "$DATA"
SERVER_PIDS=("$STARTED_PID"); CPU_PARENTS=()
run_aftercare_workloads "$setup" "$STARTED_BASE"; summarize "$setup"
stop_started

# PostgreSQL's backends do each request's database work: their CPU is counted with the server's.
setup="PostgreSQL, 1 instance"
CPU_PARENTS=("$POSTMASTER")
pg_server pg-1
run_aftercare_workloads "$setup" "$STARTED_BASE"; summarize "$setup"
stop_started

setup="PostgreSQL, 1 instance behind nginx"
CPU_PARENTS=("$POSTMASTER")
pg_server pg-1
start_nginx "$STARTED_PORT"
run_aftercare_workloads "$setup" "$NGINX_BASE"; summarize "$setup"
stop_started

setup="PostgreSQL, $INSTANCES instances behind nginx"
CPU_PARENTS=("$POSTMASTER")
ports=()
for i in $(seq "$INSTANCES"); do
    pg_server "pg-$i"
    ports+=("$STARTED_PORT")
done
start_nginx "${ports[@]}"
run_aftercare_workloads "$setup" "$NGINX_BASE"; summarize "$setup"
stop_started

UPTIME_AFTER=$(uptime)

# --- report ---------------------------------------------------------------------------------------
echo
echo "Tickets: SQLite $TICKETS loaded ($SQLITE_SIZE on disk, $SQLITE_OPEN open at the start), PostgreSQL $PG_TICKETS at the start ($PG_SIZE, $PG_OPEN open); wrk ${DURATION}s per row on loopback, $CONNECTIONS connections (queue: $QUEUE_CONNECTIONS); $(nproc) cores"
echo "uptime before: $UPTIME_BEFORE"
echo "uptime after:  $UPTIME_AFTER"
echo
echo "| setup | reads/s | durable creates/s | queue first page p99 (ms) | errors |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${SUMMARY[@]}"
echo
print_rows
exit 0
