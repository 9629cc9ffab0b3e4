#!/bin/sh
# Accuracy gates: when and where on tests/data/when_where.tsv, and on the
# shared evaluation data (../shared/eval, or
# $DYAD_SHARED/eval): the bars of the project's issues, measured with dyad's
# own `dyad eval`. Skipped, with a message, when the data is absent. Scores,
# not timings: these can fail only when coding gets worse.
DYAD=${DYAD:-build/dyad}
SHARED=${DYAD_SHARED:-../shared}
E=$SHARED/eval
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0; n=0

# --- when and where (issue 5), on the project's own test set: every row
# counts (a row with no event is a miss)
n=$((n + 1))
if python3 tools/when_where.py --dyad "$DYAD" --min-dates 0.95 --min-places 0.90 > "$T/ww.txt" 2>&1; then
    sed -n 's/^\(dates\|places\) right *\([0-9]*\/[0-9]* = [0-9.]*%\).*/eval: when_where \1 \2/p' "$T/ww.txt"
else
    echo "eval: when_where below the bars (dates 95%, places 90%):"; cat "$T/ww.txt"; fail=$((fail + 1))
fi

if [ ! -d "$E" ]; then
    echo "eval: $E not found: the gates on the shared gold sets are skipped"
    echo "eval: $n checks, $fail failed"
    [ "$fail" = 0 ]
    exit
fi

# level LEVEL FILE: the F1 of LEVEL in a `dyad eval --json` report
level() {
    python3 -c 'import json,sys; print(json.load(open(sys.argv[2]))["levels"][sys.argv[1]]["f1"])' "$1" "$2"
}
# atleast NAME VALUE FLOOR
atleast() {
    n=$((n + 1))
    if python3 -c 'import sys; sys.exit(not float(sys.argv[1]) >= float(sys.argv[2]))' "$2" "$3"; then
        echo "eval: $1 = $2 (bar $3)"
    else
        echo "eval: $1 = $2, below the bar $3"; fail=$((fail + 1))
    fi
}

# --- PLOVER gold standard, dev half, dyad's own dictionaries (issue 4)
if [ -f "$E/plover_gsr_dev.jsonl" ]; then
    if "$DYAD" eval --json "$E/plover_gsr_dev.jsonl" > "$T/gsr.json" 2> "$T/err"; then
        atleast "GSR dev plover F1" "$(level plover "$T/gsr.json")" 0.75
        atleast "GSR dev root_dyad F1" "$(level root_dyad "$T/gsr.json")" 0.60
    else
        echo "eval: dyad eval failed on plover_gsr_dev.jsonl"; cat "$T/err"; fail=$((fail + 1))
    fi
else
    echo "eval: plover_gsr_dev.jsonl not found: skipped"
fi

# --- PETRARCH unit tests with their own dictionaries (issue 4): records
# coded exactly right, of those PETRARCH itself counts
if [ -f "$E/petr_unittest.jsonl" ] && [ -d "$E/petr_validate" ]; then
    if "$DYAD" eval --dict "$E/petr_validate" "$E/petr_unittest.jsonl" > "$T/petr.txt" 2> "$T/err"; then
        exact=$(sed -n 's/^exact records (triple level): \([0-9]*\) of.*/\1/p' "$T/petr.txt")
        atleast "PETR unit tests exact" "${exact:-0}" 200
    else
        echo "eval: dyad eval failed on petr_unittest.jsonl"; cat "$T/err"; fail=$((fail + 1))
    fi
else
    echo "eval: petr_unittest.jsonl or petr_validate/ not found: skipped"
fi

# --- the real article (issues 2, 4, 5): each reported interaction with the
# right root, the right two countries and the right date; nothing from the
# scraped debris
A=$E/articles/2022-01-03-biden-zelensky-call.txt
if [ -f "$A" ]; then
    "$DYAD" code --date 2022-01-03 "$A" > "$T/art.jsonl" 2> "$T/err" || {
        echo "eval: dyad code failed on the article"; cat "$T/err"; fail=$((fail + 1)); }
    n=$((n + 1))
    python3 - "$T/art.jsonl" <<'PY' || fail=$((fail + 1))
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
def cc(a):
    return (a or {}).get("code", "")[:3] if a else ""
def cc6(a):
    return (a or {}).get("code", "") if a else ""
# (what, source prefix, target prefix, CAMEO roots, date)
want = [
    ("Biden-Zelensky call", "USA", "UKR", ("04",), "2022-01-02"),
    ("Zelensky-Biden call", "UKR", "USA", ("04",), "2022-01-02"),
    ("US-Russia talks planned", "USA", "RUS", ("03", "04"), "2022-01-10"),
    ("Russia-NATO talks planned", "RUS", "IGOWSTNAT", ("03", "04"), "2022-01-12"),
    ("Russia-OSCE talks planned", "RUS", "IGOEURSCE", ("03", "04"), "2022-01-13"),
    ("Biden's sanctions warning to Putin", "USA", "RUS", ("13",), "2021-12-30"),
    ("Putin's demand to NATO", "RUS", "IGOWSTNAT", ("10",), None),
    ("NATO's rejection", "IGOWSTNAT", "RUS", ("12",), None),
    ("Russian troop build-up near Ukraine", "RUS", "UKR", ("15",), "2021-12-22"),
]
bad = 0
for what, s, t, roots, date in want:
    hit = [e for e in ev
           if cc6(e.get("source")).startswith(s) and cc6(e.get("target")).startswith(t)
           and e["cameo"][:2] in roots]
    ok = [e for e in hit if date is None or e["date"] == date]
    if not ok:
        bad += 1
        got = ", ".join(f'{e["cameo"]} {e["date"]}' for e in hit) or "no event"
        print(f"eval: article: {what}: missing (got {got})")
for e in ev:
    txt = e.get("text", "")
    if "Grand Prix" in txt or "Leave a Reply" in txt or "email address" in txt:
        bad += 1
        print("eval: article: an event from the debris:", txt[:80])
if bad == 0:
    print(f"eval: article: all {len(want)} interactions coded, dated; no event from the debris")
sys.exit(bad != 0)
PY
else
    echo "eval: $A not found: skipped"
fi

echo "eval: $n checks, $fail failed"
[ "$fail" = 0 ]
