#!/bin/sh
# Runs one libFuzzer target from CTest (see CMakeLists.txt: fuzz_run_<name>).
# Usage: runfuzzer.sh FUZZER SECONDS SCRATCH SEED_CORPUS
# libFuzzer's progress goes to SCRATCH/../<name>.log. On success only its summary is printed; on a
# failure the end of the log (the sanitizer report and stack) and every crash, leak, timeout or
# out-of-memory input base64-encoded, so that a CI log alone is enough to reproduce it:
#   base64 -d > input && FUZZER input
set -u
fuzzer=$1
seconds=$2
scratch=$3
seeds=$4
mkdir -p "$scratch" || exit 1
log="$scratch.log"
rm -f "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* "$scratch"/oom-* "$scratch"/slow-unit-*
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$scratch/" "$scratch" "$seeds" >"$log" 2>&1
rc=$?
grep -E '^(INFO: Seed|#[0-9]+[[:space:]]+(INITED|DONE))|^stat::' "$log"
if [ "$rc" -ne 0 ]; then
    echo "libFuzzer exited with $rc; the end of $log:"
    tail -n 120 "$log"
    for f in "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* "$scratch"/oom-*; do
        [ -f "$f" ] || continue
        echo "---- $(basename "$f") ($(wc -c <"$f") bytes), base64:"
        base64 "$f"
    done
fi
exit "$rc"
