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
# Needs: a native build (aftercare-server), wrk, nginx (Debian's nginx-light), curl.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build/native}"
SERVER="$BUILD/serve/aftercare-server"
LUA="$ROOT/scripts/bench-outbox/create.lua"
MESSAGES="${MESSAGES:-100000}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-32}"
WORK="$(mktemp -d /tmp/aftercare-bench-outbox.XXXXXX)"
METRICS_TOKEN="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"

for tool in wrk nginx curl "$SERVER"; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- the receivers: nginx answering every POST with 204 ------------------------------------------
RECEIVER_PORT=$(( 20000 + RANDOM % 20000 ))
mkdir -p "$WORK/nginx"
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
PIDS+=($!)
for _ in $(seq 50); do curl -s -o /dev/null -X POST "http://127.0.0.1:$RECEIVER_PORT/" && break; sleep 0.1; done

# --- helpers ----------------------------------------------------------------------------------------
to_ms() {  # "1.23ms" | "850.00us" | "1.02s" -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
WRK_NICE=""
nice -n -10 true 2>/dev/null && WRK_NICE="nice -n -10"
ROWS=()
create_load() {  # name base seconds -> a table row
    local out
    out=$($WRK_NICE wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -s "$LUA" "$2/api/v1/tickets")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' <<<"$out")
    ROWS+=("| $1 | $rps | $p50 | $p99 | $errors |")
    echo "$1: $rps creates/s, p50 $p50 ms, p99 $p99 ms, errors $errors" >&2
}
BASE=""
start_server() {  # data-dir [flags...]
    local dir="$1"; shift
    mkdir -p "$dir"
    head -c 24 /dev/urandom | base64 > "$dir.password"
    "$SERVER" create-admin --data-dir "$dir" --username bench < "$dir.password" >/dev/null
    AFTERCARE_METRICS_TOKEN="$METRICS_TOKEN" "$SERVER" --port 0 --data-dir "$dir" --seed-demo false \
        --rate-lookup 0 --rate-create 0 --rate-login 0 --rate-lookup-failures 0 \
        --policy "$ROOT/assets/policy.json" --faq-dir "$ROOT/assets/faq" --calendar-dir "$ROOT/assets/calendar" \
        --notifications-dir "$ROOT/assets/notifications" "$@" >"$dir.out" 2>"$dir.log" &
    PIDS+=($!)
    for _ in $(seq 100); do grep -q "Aftercare portal" "$dir.out" 2>/dev/null && break; sleep 0.1; done
    BASE=$(sed -E 's#Aftercare portal: (http://[^/]+)/#\1#' "$dir.out")
    STAFF=$(curl -sf -X POST "$BASE/api/v1/staff/login" -H 'Content-Type: application/json' \
        -d "{\"username\":\"bench\",\"password\":\"$(tr -d '\n' < "$dir.password")\"}" |
        sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}
stop_server() { kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'; }
metric() {  # the sum of a metric's series
    curl -sf -H "Authorization: Bearer $METRICS_TOKEN" "$BASE/metrics" |
        awk -v m="$1" 'index($0, m) == 1 { n += $NF } END { printf "%.0f", n + 0 }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. creation with and without outbound messages -----------------------------------------------
start_server "$WORK/plain"
create_load "create, nothing outbound" "$BASE" "$DURATION"
stop_server

start_server "$WORK/outbound" --sms-provider http --sms-url "http://127.0.0.1:$RECEIVER_PORT/sms"
curl -sf -X POST "$BASE/api/v1/staff/webhooks" -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"events\":[\"ticket.created\"]}" >/dev/null
create_load "create, SMS + webhook queued with each" "$BASE" "$DURATION"

# --- 2. delivery throughput ---------------------------------------------------------------------------
queued() { echo $(( $(metric 'aftercare_outbox{state="pending"}') + $(metric 'aftercare_outbox{state="sent"}') + $(metric 'aftercare_outbox{state="dead"}') )); }
while (( $(queued) < MESSAGES )); do
    wrk -t2 -c"$CONNECTIONS" -d5s -s "$LUA" "$BASE/api/v1/tickets" >/dev/null
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
stop_server

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Outbox benchmark, $(date -u +%F), $(nproc) cores, load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo
echo "| workload | creates/s | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| delivery | messages queued | pending when creating stopped | delivered while draining | seconds | messages/s | dead | failed attempts |"
echo "|---|---|---|---|---|---|---|---|"
echo "| SMS + webhook to loopback receivers | $end_sent | $start_pending | $(( end_sent - start_sent )) | $seconds | $rate | $dead | $failures |"
