#!/usr/bin/env bash
# Live updates and reads on loopback (issue #13): 10,000 idle long-polls held by one server (memory
# per poll, CPU while idle, wake-up latency after a change to one ticket and after a broadcast), and
# reads of one ticket against Debian's nginx serving the same bytes as a static file.
# Not a test: it prints a Markdown table for docs/benchmarks.md.
#
#   scripts/bench-live.sh                      # 10,000 polls, ~1.5 min
#   scripts/bench-live.sh --polls 2000 --skip-reads
#   scripts/bench-live.sh --only-reads --rounds 5   # reads against nginx five times in turns, ~2 min
#
# Needs: a native build (aftercare-server), python3, wrk, nginx (nginx-light is enough).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
for tool in python3 wrk nginx; do
    command -v "$tool" >/dev/null || { echo "missing $tool (scripts/setup installs it)" >&2; exit 1; }
done
exec python3 "$ROOT/scripts/bench-live/bench_live.py" "$@"
