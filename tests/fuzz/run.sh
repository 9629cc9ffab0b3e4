#!/bin/sh
# Run the libFuzzer targets (clang, ASan+UBSan) for FUZZ_TIME seconds each,
# starting from the checked-in corpora in tests/fuzz/corpus/TARGET.
#
#   tests/fuzz/run.sh [TARGET...]      targets: code dict jsonl (default all)
#   FUZZ_TIME=600 tests/fuzz/run.sh code
#   FUZZ_MERGE=1 tests/fuzz/run.sh     then add the inputs that reach new
#                                      coverage to tests/fuzz/corpus (minimised
#                                      with -merge=1), so `make test` replays them
#
# New inputs go to build-fuzz/corpus/TARGET; crashes to build-fuzz/crash-*.
# Needs clang (Debian package clang).
set -e
cd "$(dirname "$0")/../.."
B=build-fuzz
T=${FUZZ_TIME:-60}
[ $# -gt 0 ] || set -- code dict jsonl
make -s BUILD=$B CC=clang OPT="-O1 -g" \
    SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    $B/libdyad.a
export DYAD_DICT_CACHE=off DYAD_DICT_DIR="$PWD/dict"
for t in "$@"; do
    clang -O1 -g -std=c11 -Iinclude -D_GNU_SOURCE \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        tests/fuzz/fuzz_$t.c $B/libdyad.a -lutf8proc -lm -pthread -o $B/fuzz_$t
    mkdir -p $B/corpus/$t
    echo "fuzz_$t: ${T}s"
    $B/fuzz_$t -max_total_time="$T" -max_len=65536 -print_final_stats=1 \
        -artifact_prefix=$B/crash-$t- $B/corpus/$t tests/fuzz/corpus/$t 2>&1 |
        grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)" || true
    if [ -n "${FUZZ_MERGE:-}" ]; then
        $B/fuzz_$t -merge=1 -max_len=65536 tests/fuzz/corpus/$t $B/corpus/$t 2>&1 | grep -E "MERGE-OUTER: [0-9]+ new files" || true
    fi
done
