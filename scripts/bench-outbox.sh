#!/usr/bin/env bash
# Benchmark of the outbox (#17) on loopback: how fast queued notifications are delivered, and what
# writing them adds to ticket creation. Not a test: it prints a table for docs/benchmarks.md.
#
#  1. Creates (wrk, 32 connections) against a server with nothing outbound configured, then against
#     one with the generic SMS gateway and a webhook endpoint set up (every create then commits an
#     SMS and a webhook row with its events): create rate, p50 and p99 of both, side by side.
#  2. Keeps creating on the second server until MESSAGES (default 100,000) notifications have been
#     queued, stops, and times the sender draining what is left: messages/s delivered to the
#     receivers (nginx on loopback answering 204, standing in for the gateway and the vendor).
#
#   scripts/bench-outbox.sh
#   MESSAGES=20000 DURATION=10 scripts/bench-outbox.sh
#
# Needs: a native build (aftercare-server), wrk, nginx (Debian's nginx-light), curl. Shares
# scripts/bench-api/common.sh (servers, wrk rows) with the other API benchmarks.
set -euo pipefail

# shellcheck source=scripts/bench-api/common.sh
source "$(dirname "$0")/bench-api/common.sh"
OUTBOX_LUA="$ROOT/scripts/bench-outbox/create.lua"
MESSAGES="${MESSAGES:-100000}"
WORK="$BENCH_DIR/outbox"
METRICS_TOKEN="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
command -v nginx >/dev/null || { echo "missing nginx" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK/nginx"
[[ -s "$BENCH_DIR/admin-password" ]] || head -c 24 /dev/urandom | base64 > "$BENCH_DIR/admin-password"

# --- the receivers: nginx answering every POST with 204 ------------------------------------------
RECEIVER_PORT=$(( 20000 + RANDOM % 20000 ))
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    server {
        listen 127.0.0.1:$RECEIVER_PORT;
        location / { return 204; }
    }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
RECEIVER_PID=$!
CLEANUPS+=("kill $RECEIVER_PID")
for _ in $(seq 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$RECEIVER_PORT/" && break; sleep 0.1; done

# A fresh data dir with the throwaway admin; the server's CPU is charged to the rows.
start_fresh() {  # name [server args...] -> STARTED_BASE
    local name="$1"; shift
    mkdir -p "$WORK/$name"
    "$SERVER" create-admin --data-dir "$WORK/$name" --username bench < "$BENCH_DIR/admin-password" >/dev/null
    AFTERCARE_METRICS_TOKEN="$METRICS_TOKEN" start_server "outbox-$name" --data-dir "$WORK/$name" \
        --notifications-dir "$ROOT/assets/notifications" "$@"
    SERVER_PIDS=("$STARTED_PID")
}
metric() {  # the sum of a metric's series on STARTED_BASE
    curl -sf -H "Authorization: Bearer $METRICS_TOKEN" "$STARTED_BASE/metrics" |
        awk -v m="$1" 'index($0, m) == 1 { n += $NF } END { printf "%.0f", n + 0 }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. creation with and without outbound messages -----------------------------------------------
start_fresh plain
run_wrk "create, nothing outbound" aftercare "$CONNECTIONS" "$STARTED_BASE/api/v1/tickets" -s "$OUTBOX_LUA"
stop_started

start_fresh outbound --sms-provider http --sms-url "http://127.0.0.1:$RECEIVER_PORT/sms"
curl -sf -X POST "$STARTED_BASE/api/v1/staff/webhooks" -H "Authorization: Bearer $(staff_token "$STARTED_BASE")" \
    -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"events\":[\"ticket.created\"]}" >/dev/null
run_wrk "create, SMS + webhook queued with each" aftercare "$CONNECTIONS" "$STARTED_BASE/api/v1/tickets" -s "$OUTBOX_LUA"

# --- 2. delivery throughput ---------------------------------------------------------------------------
queued() { echo $(( $(metric 'aftercare_outbox{state="pending"}') + $(metric 'aftercare_outbox{state="sent"}') + $(metric 'aftercare_outbox{state="dead"}') )); }
while (( $(queued) < MESSAGES )); do
    wrk -t2 -c"$CONNECTIONS" -d5s -s "$OUTBOX_LUA" "$STARTED_BASE/api/v1/tickets" >/dev/null
done
start_pending=$(metric 'aftercare_outbox{state="pending"}')
start_sent=$(metric 'aftercare_outbox{state="sent"}')
start_ns=$(date +%s%N)
while (( $(metric 'aftercare_outbox{state="pending"}') > 0 )); do sleep 0.2; done
end_ns=$(date +%s%N)
end_sent=$(metric 'aftercare_outbox{state="sent"}')
dead=$(metric 'aftercare_outbox{state="dead"}')
failures=$(metric 'aftercare_outbox_webhook_failures_total')
failures=$(( failures + $(metric 'aftercare_outbox_sms_failures_total') ))
seconds=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
rate=$(awk -v n=$(( end_sent - start_sent )) -v s="$seconds" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "-" }')
stop_started

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Outbox benchmark, $(date -u +%F), $(nproc) cores, load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo
print_rows
echo
echo "| delivery | messages queued | pending when creating stopped | delivered while draining | seconds | messages/s | dead | failed attempts |"
echo "|---|---|---|---|---|---|---|---|"
echo "| SMS + webhook to loopback receivers | $end_sent | $start_pending | $(( end_sent - start_sent )) | $seconds | $rate | $dead | $failures |"
