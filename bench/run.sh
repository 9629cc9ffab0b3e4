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

# load time of the dictionaries (median of 5)
load=$(for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e" "$DYAD" dict stats 2>&1 >/dev/null; done | sort -n | sed -n 3p)

run() {  # run LABEL ARGS...
    label=$1; shift
    /usr/bin/time -f "%e %M" -o "$OUT/time" "$DYAD" code "$@" "$corpus" \
        > "$OUT/events.jsonl" 2> "$OUT/stderr"
    set -- $(cat "$OUT/time")
    secs=$1; rss_kb=$2
    sents=$(grep -E '^documents' "$OUT/stderr" | head -1 | awk '{print $4}')
    hash=$(sha256sum < "$OUT/events.jsonl" | cut -c1-16)
    nev=$(wc -l < "$OUT/events.jsonl")
    printf '%-8s %10s sent %8.2f s %10.0f sent/s %7.2f MB/s  peak %6.1f MB  events %s  hash %s\n' \
        "$label" "$sents" "$secs" "$(echo "$sents / $secs" | bc -l)" \
        "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$nev" "$hash"
}

echo "corpus: $corpus ($bytes bytes, $words words)"
echo "dictionary + tagger load: $load s (median of 5, whole process)"
run "-j 1" --profile
one=$secs
echo "stages (one thread):"
sed -n '/profile:/,$p' "$OUT/stderr" | sed 1d | sed 's/^/  /'
printf 'wc -w on the same file: %.3f s; dyad -j 1 is %.1fx slower\n' "$wc_s" "$(echo "$one / $wc_s" | bc -l)"
run "-j 2" -j 2 --profile
h2=$hash
"$DYAD" code -j 1 "$corpus" 2>/dev/null | sha256sum | cut -c1-16 > "$OUT/h1"
[ "$(cat "$OUT/h1")" = "$h2" ] && echo "-j 2 output identical to -j 1" || echo "WARNING: -j 2 output differs from -j 1"
printf 'speed-up with 2 threads: %.2fx\n' "$(echo "$one / $secs" | bc -l)"

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
