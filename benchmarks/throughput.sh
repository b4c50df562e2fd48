#!/usr/bin/env bash
# Throughput of `callbacklab serve` (replying to and storing every exchange) as a
# ratio to a bare QHttpServer responder, both loaded by wrk in the same run on
# loopback. The same run also loads the bare responder while it stores every
# request in a log of the same schema, with and without the log's indexes. That
# estimates the most any QHttpServer responder keeping this log can reach here.
# Usage: benchmarks/throughput.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# FLOOR=0 skips the two runs of the bare responder with a log.
set -euo pipefail
build=${1:-build}
seconds=${2:-10}
connections=${3:-50}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "throughput.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

# Waits for a server started in the background to print
# "listening on http://127.0.0.1:PORT/..." into the file, and echoes the URL.
wait_for_url() {
    local output=$1
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$output"; then
            sed -n '1s/^listening on //p' "$output"
            return 0
        fi
        sleep 0.1
    done
    echo "throughput.sh: server did not start" >&2
    cat "$output.err" >&2
    exit 1
}

# Runs wrk and prints "requests_per_second p99_ms".
measure() {
    local url=$1
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$here/callback.lua" "$url" >"$work/wrk.txt"
    local rps p99
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' "$work/wrk.txt")
    grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" >&2 || true
    echo "$rps $p99"
}

"$build/bin/bare_responder" 0 >"$work/bare.out" 2>"$work/bare.out.err" &
bare_pid=$!
bare_url=$(wait_for_url "$work/bare.out")
read -r bare_rps bare_p99 < <(measure "$bare_url")
kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true

# Prints "requests_per_second p99_ms" of the bare responder storing every request.
measure_bare_store() {
    "$build/bin/bare_responder" 0 --store "$work/bare-$1.sqlite" "${@:2}" >"$work/store.out" 2>"$work/store.out.err" &
    local pid=$!
    local url
    url=$(wait_for_url "$work/store.out")
    measure "$url"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
if [ "${FLOOR:-1}" != 0 ]; then
    read -r store_rps store_p99 < <(measure_bare_store indexed)
    read -r plain_rps plain_p99 < <(measure_bare_store plain --no-indexes)
fi

"$build/bin/callbacklab" serve --port 0 ${SERVE_ARGS:---log-db "$work/exchanges.sqlite"} >"$work/serve.out" 2>"$work/serve.out.err" &
serve_pid=$!
serve_url=$(wait_for_url "$work/serve.out")
read -r serve_rps serve_p99 < <(measure "$serve_url")
kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
stored=$(($(wc -l <"$work/serve.out") - 1))

echo "wrk -t2 -c$connections -d${seconds}s, 176-byte JSON POST, loopback"
printf '%-28s %12s %10s\n' responder requests/s p99_ms
printf '%-28s %12s %10s\n' "bare QHttpServer" "$bare_rps" "$bare_p99"
if [ "${FLOOR:-1}" != 0 ]; then
    printf '%-28s %12s %10s\n' "bare + log" "$store_rps" "$store_p99"
    printf '%-28s %12s %10s\n' "bare + log without indexes" "$plain_rps" "$plain_p99"
fi
printf '%-28s %12s %10s\n' "callbacklab serve + store" "$serve_rps" "$serve_p99"
awk -v s="$serve_rps" -v b="$bare_rps" -v sp="$serve_p99" -v bp="$bare_p99" \
    'BEGIN { printf "throughput ratio %.2f (target >= 0.70), p99 ratio %.2f (target <= 2.00)\n", s/b, sp/bp }'
if [ "${FLOOR:-1}" != 0 ]; then
    awk -v s="$store_rps" -v n="$plain_rps" -v b="$bare_rps" -v sp="$store_p99" -v np="$plain_p99" -v bp="$bare_p99" \
        'BEGIN { printf "bare + log: ratio %.2f, p99 ratio %.2f; without indexes: ratio %.2f, p99 ratio %.2f\n", s/b, sp/bp, n/b, np/bp }'
fi
echo "exchanges answered by serve (output lines): $stored"
if [ -f "$work/exchanges.sqlite" ] && command -v python3 >/dev/null; then
    rows=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from exchanges").fetchone()[0])' "$work/exchanges.sqlite")
    echo "exchanges stored in the request log: $rows"
fi
