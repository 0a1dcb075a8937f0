#!/bin/sh
# Import benchmark: N order rows (default 1,000,000) from a CSV file into a fresh SQLite data dir
# with `aftercare-server import`, measuring rows/s and peak RSS; the same at N/10 rows shows
# whether memory stays flat as the file grows (the engine streams; it never holds the file).
# Usage: scripts/bench-import.sh            ROWS=200000 for a quick run
set -eu
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
SERVER=${SERVER:-build/native/serve/aftercare-server}
[ -x "$SERVER" ] || { echo "build aftercare-server first (cmake --build --preset native --target aftercare-server)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/aftercare-bench-import-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# Orders as a vendor's Excel export would have them: Chinese headers, mixed date spellings,
# phones with spaces. Dates stay in 2025 so none is in the future.
generate() {
    awk -v rows="$1" 'BEGIN {
        print "订单号,手机号,型号,序列号,购买日期,签收时间";
        for (i = 1; i <= rows; i++) {
            m = i % 12 + 1; d = i % 28 + 1;
            printf "BENCH-%08d,138 %04d %04d,康复理疗仪 KF-200,KF200-B%07d,%d年%d月%d日,2025/%d/%d 10:%02d\r\n",
                   i, int(i / 10000) % 10000, i % 10000, i, 2025, m, d, m, d, i % 60;
        }
    }' > "$2"
}

# CPU seconds (user + system) are printed beside the wall time: on a shared machine the wall time
# measures the other tenants as much as the import.
run() {  # rows file -> "rows seconds rows_per_s peak_rss_mb cpu_seconds rows_per_cpu_s"
    rm -rf "$WORK/data"
    /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$SERVER" import --data-dir "$WORK/data" --kind orders "$2" > "$WORK/out"
    grep -q "$1 changed, 0 unchanged, 0 refused" "$WORK/out" || { cat "$WORK/out" >&2; exit 1; }
    read -r seconds kb user sys < "$WORK/time"
    awk -v r="$1" -v s="$seconds" -v kb="$kb" -v c="$user + $sys" 'BEGIN { split(c, t, " + "); cpu = t[1] + t[2];
        printf "%d %.1f %d %.1f %.1f %d\n", r, s, r / s, kb / 1024, cpu, r / cpu }'
}

small=$((ROWS / 10))
generate "$small" "$WORK/small.csv"
generate "$ROWS" "$WORK/orders.csv"
echo "| rows | file (MB) | wall s | rows/s (wall) | CPU s | rows per CPU s | peak RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for rows in "$small" "$ROWS"; do
    file="$WORK/orders.csv"; [ "$rows" = "$small" ] && file="$WORK/small.csv"
    mb=$(du -m "$file" | cut -f1)
    run "$rows" "$file" | awk -v mb="$mb" '{ printf "| %d | %d | %s | %d | %s | %d | %s |\n", $1, mb, $2, $3, $5, $6, $4 }'
done
# A second run of the same file over the filled register: every row compared, nothing written.
/usr/bin/time -f '%e %M' -o "$WORK/time" "$SERVER" import --data-dir "$WORK/data" --kind orders "$WORK/orders.csv" > "$WORK/out"
read -r seconds kb < "$WORK/time"
grep -o '[0-9]* changed, [0-9]* unchanged' "$WORK/out" |
    awk -v s="$seconds" -v kb="$kb" -v r="$ROWS" '{ printf "re-run of the %d rows (%s): %.1f s, %d rows/s, peak RSS %.1f MB\n", r, $0, s, r / s, kb / 1024 }'
