#!/bin/sh
# dyad benchmark: throughput, per-stage time, peak memory, output hash.
#
#   bench/run.sh [FILE.jsonl]        default: a generated corpus (bench/out/)
#   SENTENCES=1000000 bench/run.sh   size of the generated corpus
#   SCALING=1 bench/run.sh           also 1k..10M sentences, cost per sentence
#
# Timing is informative only: no test fails on it.
set -e
cd "$(dirname "$0")/.."
DYAD=${DYAD:-build/dyad}
OUT=bench/out
mkdir -p "$OUT"
N=${SENTENCES:-200000}
corpus=${1:-}
if [ -z "$corpus" ]; then
    corpus="$OUT/corpus-$N.jsonl"
    [ -f "$corpus" ] || python3 bench/gen_corpus.py "$N" > "$corpus"
fi
bytes=$(wc -c < "$corpus")

now() { date +%s.%N; }

# the floor: reading the bytes
t0=$(now); words=$(wc -w < "$corpus"); t1=$(now)
wc_s=$(echo "$t1 - $t0" | bc -l)

# Load time of the dictionaries (`dyad dict stats`: load, finish with the
# tagger lexicon and gazetteer, print): median and best of LOADRUNS runs
# and peak memory, reading the files (no compiled image) and from the
# compiled image (src/dict_cache.c; a cache folder of the benchmark's own).
# PHOENIX names the Phoenix (PETRARCH) dictionaries.
LOADRUNS=${LOADRUNS:-11}
PHOENIX=${PHOENIX:-../shared/dicts/phoenix}
load_time() {  # LABEL CACHE ARGS...
    label=$1; cache=$2; shift 2
    DYAD_DICT_CACHE=$cache "$DYAD" dict stats "$@" > /dev/null 2>&1 || true  # warm up
    ms=$(DYAD_DICT_CACHE=$cache python3 - "$LOADRUNS" "$DYAD" dict stats "$@" <<'EOF'
import subprocess, sys, time
n, cmd, t = int(sys.argv[1]), sys.argv[2:], []
for _ in range(n):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t.append((time.perf_counter() - t0) * 1000)
t.sort()
print("median %5.1f ms  best %5.1f ms" % (t[len(t) // 2], t[0]))
EOF
)
    /usr/bin/time -f "%M" -o "$OUT/time" env DYAD_DICT_CACHE="$cache" "$DYAD" dict stats "$@" > /dev/null 2>&1
    printf '  %-28s %s  peak %6.1f MB\n' "$label" "$ms" "$(echo "$(cat "$OUT/time") / 1024" | bc -l)"
}
load_times() {
    echo "dictionary load (dyad dict stats, $LOADRUNS runs):"
    rm -rf "$OUT/cache"
    load_time "dyad's own, files" off
    load_time "dyad's own, compiled image" "$OUT/cache"
    if [ -d "$PHOENIX" ]; then
        load_time "Phoenix, files" off --dict "$PHOENIX"
        load_time "Phoenix, compiled image" "$OUT/cache" --dict "$PHOENIX"
    else
        echo "  Phoenix: $PHOENIX not found (set PHOENIX)"
    fi
}

# One profiled run gives the sentence count and the time per stage; the
# timed runs go without --profile (its clock reads cost a few per cent),
# best of RUNS (3).
RUNS=${RUNS:-3}
"$DYAD" code --profile "$corpus" > /dev/null 2> "$OUT/profile"
sents=$(grep -E '^documents' "$OUT/profile" | head -1 | awk '{print $4}')

run() {  # run LABEL ARGS...
    label=$1; shift
    best=; rss_kb=0
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        /usr/bin/time -f "%e %M" -o "$OUT/time" "$DYAD" code "$@" "$corpus" \
            > "$OUT/events.jsonl" 2> "$OUT/stderr"
        read -r t m < "$OUT/time"
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
        [ "$m" -gt "$rss_kb" ] && rss_kb=$m
        i=$((i + 1))
    done
    secs=$best
    hash=$(sha256sum < "$OUT/events.jsonl" | cut -c1-16)
    nev=$(wc -l < "$OUT/events.jsonl")
    printf '%-8s %10s sent %8.2f s %10.0f sent/s %7.2f MB/s  peak %6.1f MB  events %s  hash %s\n' \
        "$label" "$sents" "$secs" "$(echo "$sents / $secs" | bc -l)" \
        "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$nev" "$hash"
}

echo "corpus: $corpus ($bytes bytes, $words words)"
load_times
echo "coding, best of $RUNS runs:"
run "-j 1"
one=$secs
h1=$hash
printf 'wc -w on the same file: %.3f s; dyad -j 1 is %.1fx slower\n' "$wc_s" "$(echo "$one / $wc_s" | bc -l)"
run "-j 2" -j 2
[ "$h1" = "$hash" ] && echo "-j 2 output identical to -j 1" || echo "WARNING: -j 2 output differs from -j 1"
printf 'speed-up with 2 threads: %.2fx\n' "$(echo "$one / $secs" | bc -l)"
echo "stages (one thread, --profile run):"
sed -n '/profile:/,$p' "$OUT/profile" | sed 1d | sed 's/^/  /'

if [ -n "${SCALING:-}" ]; then
    echo "scaling (one thread): cost per sentence"
    for n in 1000 10000 100000 1000000 10000000; do
        f="$OUT/corpus-$n.jsonl"
        [ -f "$f" ] || python3 bench/gen_corpus.py "$n" > "$f"
        /usr/bin/time -f "%e %M" -o "$OUT/time" "$DYAD" code --profile "$f" > /dev/null 2> "$OUT/stderr"
        set -- $(cat "$OUT/time")
        s=$(grep -E '^documents' "$OUT/stderr" | awk '{print $4}')
        printf '  %9s sentences %8.2f s  %6.2f us/sentence  peak %6.1f MB\n' "$s" "$1" \
            "$(echo "$1 * 1000000 / $s" | bc -l)" "$(echo "$2 / 1024" | bc -l)"
    done
fi
