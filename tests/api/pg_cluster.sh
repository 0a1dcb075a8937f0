#!/bin/sh
# A throwaway PostgreSQL 15 cluster for the API tests, run as the current (unprivileged) user:
#   pg_cluster.sh start DIR   initdb into DIR/data and start it, listening only on a unix socket in DIR
#   pg_cluster.sh stop DIR    stop it and remove DIR
#   pg_cluster.sh resume DIR  start the cluster already in DIR/data (initdb first if there is none),
#                             keeping its databases; pause stops it and keeps them (scripts/bench-scale.sh)
# AFTERCARE_PG_OPTIONS adds server settings ("-c shared_buffers=1GB ...") after the ones below.
# CTest runs these as the fixture of the api-pg tests (tests/api/CMakeLists.txt); each test server
# then gets a database of its own in this cluster (pg_test_db.cpp), as the superuser `aftercare`.
# PostgreSQL refuses to run as root: under root (a container's CI) the cluster runs as the Debian
# package's `postgres` account (else `nobody`), which is why DIR should be somewhere it can reach,
# such as /tmp.
set -eu
action=${1:?usage: pg_cluster.sh start|stop DIR}
dir=${2:?usage: pg_cluster.sh start|stop DIR}
bin=${AFTERCARE_PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin/pg_ctl" ] || { echo "pg_cluster.sh: no PostgreSQL 15 server in $bin (scripts/setup installs postgresql-15)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        owner=postgres
        id -u "$owner" >/dev/null 2>&1 || owner=nobody
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

stop() {  # [mode]: immediate unless told (a throwaway cluster needs no clean shutdown)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m "${1:-immediate}" -w stop >/dev/null 2>&1 || true
    fi
}

launch() {
    # No TCP at all: only a socket in DIR, reachable by this user alone. max_connections leaves room
    # for two parallel tests with a few servers each (every server pools up to 9 connections).
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c unix_socket_permissions=0700 -c max_connections=300 -c fsync=on -c synchronous_commit=on -c shared_buffers=32MB ${AFTERCARE_PG_OPTIONS:-}" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
}

fresh() {
    stop  # a cluster left behind by an interrupted run
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 700 "$dir"  # trust auth: only the cluster's owner (and root) may reach its socket
    if [ "$(id -u)" -eq 0 ]; then
        owner=postgres
        id -u "$owner" >/dev/null 2>&1 || owner=nobody
        chown "$owner" "$dir"
    fi
    # --no-sync only skips flushing initdb's own template files (they are rebuilt on every run);
    # the server below runs with fsync=on and synchronous_commit=on, which the durability tests need.
    as_owner "$bin/initdb" -D "$dir/data" --username=aftercare --auth=trust --encoding=UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
}

case "$action" in
start)
    fresh
    launch
    ;;
resume)
    if [ -f "$dir/data/PG_VERSION" ]; then stop; else fresh; fi
    launch
    ;;
pause)
    stop fast  # a clean shutdown: the next resume needs no recovery
    ;;
stop)
    stop
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg_cluster.sh start|stop|resume|pause DIR" >&2
    exit 2
    ;;
esac
