#!/bin/sh
# Issue 26's figures side by side, from one run on this machine: Pasalista's first pull and
# push (pasalista-bench-sync), the floors it measures itself (raw page fetch when the bench
# prints it, bare local insert), jsforce 3 against the same generated org (jsforcebench.mjs),
# and the rural link (pasalista-bench-economy at 300 ms / 32 kB/s), with a ratio column.
# Usage: tests/bench/benchtable.sh [BUILD_DIR]   (default: build/bench; needs node and
#        tests/emulator/jsforce's npm install)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build/bench}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

"$build/tests/bench/pasalista-bench-sync" | tee "$logs/sync.txt"
"$build/tests/bench/pasalista-bench-economy" | tee "$logs/economy.txt"
SALESFORCE_EMULATOR="$build/tests/emulator/salesforce-emulator" \
    node "$here/jsforcebench.mjs" | tee "$logs/jsforce.txt"

echo
cat "$logs/sync.txt" "$logs/economy.txt" "$logs/jsforce.txt" | awk '
/^FIGURE / { v[$2] = $3; seen[$2] = 1 }
function has(k) { return (k in seen) }
function s(k) { return has(k) ? sprintf("%.2f s", v[k]) : "n/a" }
function ratio(a, b) { return (has(a) && has(b) && v[b] > 0) ? sprintf("%.2f", v[a] / v[b]) : "n/a" }
END {
    floor = "bare insert " s("bare_insert_seconds")
    v["pull_floor"] = v["bare_insert_seconds"]; if (has("bare_insert_seconds")) seen["pull_floor"] = 1
    if (has("raw_fetch_seconds")) {
        floor = "raw fetch " s("raw_fetch_seconds") ", " floor
        if (v["raw_fetch_seconds"] > v["pull_floor"]) v["pull_floor"] = v["raw_fetch_seconds"]
    }
    print "| work | Pasalista | floor or peer | ratio | target |"
    print "|---|---|---|---|---|"
    printf "| first pull of %d records, stored | %s | %s | %s | at most 1.3 |\n",
        v["pull_records"], s("pull_seconds"), floor, ratio("pull_seconds", "pull_floor")
    printf "| first pull, against jsforce | %s | jsforce fetch only (no store) %s | %s | under 1 |\n",
        s("pull_seconds"), s("jsforce_fetch_seconds"), ratio("pull_seconds", "jsforce_fetch_seconds")
    printf "| push of %d marks | %s in %d API calls | jsforce %s | %s | under 1; at most 10 calls |\n",
        v["push_marks"], s("push_seconds"), v["push_calls"], s("jsforce_push_seconds"),
        ratio("push_seconds", "jsforce_push_seconds")
    printf "| rural: idle \"Sync now\" | %s in %d API calls | | | 1 call |\n",
        s("rural_idle_seconds"), v["rural_idle_calls"]
    printf "| rural: 40 marks, \"Sync now\" (%d sent) | %s in %d API calls | | | at most 2 calls, under 1 s |\n",
        v["rural_marks_pushed"], s("rural_marks_seconds"), v["rural_marks_calls"]
    printf "| rural: first sync of the demo teacher (%d records) | %s in %d API calls | | | under 3 s |\n",
        v["rural_first_sync_records"], s("rural_first_sync_seconds"), v["rural_first_sync_calls"]
}'
