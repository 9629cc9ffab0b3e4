#!/bin/sh
# CLI tests: exit codes, stdout and stderr of the dyad command.
DYAD=${DYAD:-build/dyad}
SHARED=${DYAD_SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0; n=0

# check NAME EXPECTED_EXIT -- command...   (stdout -> $T/out, stderr -> $T/err)
check() {
    name=$1; want=$2; shift 3
    n=$((n + 1))
    "$@" > "$T/out" 2> "$T/err"
    got=$?
    if [ "$got" != "$want" ]; then
        echo "cli: $name: exit $got, expected $want"; sed 's/^/    /' "$T/err" | head -5
        fail=$((fail + 1)); return 1
    fi
    return 0
}
has() {  # has NAME FILE PATTERN: grep -E must find it
    n=$((n + 1))
    if ! grep -Eq -- "$3" "$2"; then
        echo "cli: $1: $(basename "$2") lacks /$3/"; sed 's/^/    /' "$2" | head -5
        fail=$((fail + 1))
    fi
}
hasnt() {
    n=$((n + 1))
    if grep -Eq -- "$3" "$2"; then
        echo "cli: $1: $(basename "$2") has /$3/"; fail=$((fail + 1))
    fi
}
lines() {  # lines NAME FILE N
    n=$((n + 1))
    got=$(wc -l < "$2")
    if [ "$got" != "$3" ]; then
        echo "cli: $1: $(basename "$2") has $got lines, expected $3"; fail=$((fail + 1))
    fi
}

# --- basics
check version 0 -- "$DYAD" version && has version "$T/out" '^dyad [0-9]+\.[0-9]+\.[0-9]+$'
check no-args 2 -- "$DYAD" && has no-args "$T/err" 'usage: dyad'
check unknown-command 2 -- "$DYAD" frobnicate && has unknown-command "$T/err" "unknown command 'frobnicate'"
check unknown-option 2 -- "$DYAD" code --frobnicate && has unknown-option "$T/err" "unknown option '--frobnicate'"
check bad-date 2 -- "$DYAD" code --date 2022-13-40 examples/article.txt && has bad-date "$T/err" "bad --date"
check help 0 -- "$DYAD" code --help && has help "$T/out" '--format'

# --- the example article: events as JSON lines, debris never coded
check example 0 -- "$DYAD" code --date 2022-03-14 examples/article.txt
has example "$T/out" '"cameo":'
python3 -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$T/out" || { echo "cli: example: output is not JSON lines"; fail=$((fail + 1)); }
hasnt example-debris "$T/out" 'Ten things to do|Leave a Reply|Share this'

# --- no date: a warning, still coded
printf 'Russia attacked Ukraine.\n' > "$T/nodate.txt"
check no-date 0 -- "$DYAD" code "$T/nodate.txt" && has no-date "$T/err" 'no story date'

# --- a batch with bad records: each reported with its line, the rest coded
{
    printf '%s\n' '{"id":"a","date":"2022-01-03","text":"Russian troops attacked Ukrainian positions near Kharkiv on Sunday."}'
    printf '%s\n' '{"id":"b","date":"2022-01-03","text":"broken json'
    printf '{"id":"c","date":"2022-01-03","text":"Bad bytes \377\376 here: Israel attacked Hamas."}\n'
    printf '%s\n' '{"id":"d","date":"2022-01-03","text":"China criticized Japan over the islands."}'
    printf '%s\n' '{"id":"e","date":"20220103","text":"bad date"}'
    printf '%s\n' '["not","an","object"]'
    python3 -c 'print("{\"id\":\"big\",\"text\":\"" + "x " * 60000 + "\"}")'
    head -c 3000 /dev/urandom | tr -d '\n'; echo
    printf '%s\n' '{"id":"f","date":"2022-01-03","text":"Iran threatened to close the Strait of Hormuz."}'
} > "$T/batch.jsonl"
check batch 1 -- "$DYAD" code --max-record 100000 --format eval "$T/batch.jsonl"
has batch-json-line "$T/err" 'batch.jsonl:2: bad JSON'
has batch-date "$T/err" 'batch.jsonl:5: bad "date"'
has batch-object "$T/err" 'batch.jsonl:6: record is not a JSON object'
has batch-long "$T/err" 'batch.jsonl:7: record longer than 100000 bytes'
has batch-junk "$T/err" 'batch.jsonl:8: bad JSON'
has batch-coded "$T/out" '"id":"f"'
has batch-coded-a "$T/out" '"id":"a"'
has batch-utf8 "$T/out" '"id":"c"'
lines batch-lines "$T/out" 4

# --- threads: identical output
for i in $(seq 1 40); do
    printf '{"id":"r%d","date":"2022-01-0%d","text":"Russia accused NATO of provocations. China and Russia held talks in Beijing on Monday."}\n' "$i" $((i % 9 + 1))
done > "$T/many.jsonl"
"$DYAD" code -j 1 "$T/many.jsonl" > "$T/j1" 2>/dev/null
check threads 0 -- "$DYAD" code -j 3 "$T/many.jsonl"
n=$((n + 1)); cmp -s "$T/j1" "$T/out" || { echo "cli: threads: -j 3 output differs from -j 1"; fail=$((fail + 1)); }

# --- formats
check tsv 0 -- "$DYAD" code --format tsv "$T/many.jsonl"
has tsv "$T/out" '^2022010[1-9]	[A-Z-]+	[A-Z-]+	[0-9]+		r[0-9]+_[0-9]+	'
# --- violence by an unnamed perpetrator: a null source, unless turned off;
# a device's in a known country: that country's UAF either way
printf 'Two Iraqi soldiers were shot dead near Mosul on Monday.\n' > "$T/unnamed.txt"
check unnamed 0 -- "$DYAD" code --date 2022-01-05 "$T/unnamed.txt"
has unnamed "$T/out" '"source":null,"target":\{"code":"IRQMIL"'
check unnamed-tsv 0 -- "$DYAD" code --format tsv --date 2022-01-05 "$T/unnamed.txt"
has unnamed-tsv "$T/out" '^20220105	---	IRQMIL	'
check unnamed-off 0 -- "$DYAD" code --no-unknown-source --date 2022-01-05 "$T/unnamed.txt"
lines unnamed-off "$T/out" 0
printf 'A truck bomb killed two Iraqi soldiers near Mosul on Monday.\n' > "$T/device.txt"
check device 0 -- "$DYAD" code --format tsv --date 2022-01-05 "$T/device.txt"
has device "$T/out" '^20220105	IRQUAF	IRQMIL	'
check device-off 0 -- "$DYAD" code --format tsv --no-unknown-source --date 2022-01-05 "$T/device.txt"
has device-off "$T/out" '^20220105	IRQUAF	IRQMIL	'
check explain 0 -- "$DYAD" code --explain --date 2022-03-14 examples/article.txt
has explain "$T/out" 'debris \(link\)'
has explain-verbs "$T/out" 'verb: '

# --- PETRARCH XML input
cat > "$T/p.xml" <<'XML'
<Sentences>
<Sentence date = "20220103" id = "X-1" sentence = "True" source = "test">
<Text>
Russia attacked Ukraine
on Sunday.
</Text>
<Parse>(ROOT (S (NP (NNP Russia))))</Parse>
</Sentence>
</Sentences>
XML
check xml 0 -- "$DYAD" code --format eval "$T/p.xml" && has xml "$T/out" '"id":"X-1"'

# --- dictionaries
printf '%%dyad-dict 1\ncountry XX Nowhere\n' > "$T/bad.dyad"
check bad-dict 3 -- "$DYAD" code --dict "$T/bad.dyad" examples/article.txt
has bad-dict "$T/err" 'bad.dyad:2: bad country code'
hasnt bad-dict-nothing "$T/out" '.'
check dict-check-bad 1 -- "$DYAD" dict check --dict "$T/bad.dyad"
check dict-stats 0 -- "$DYAD" dict stats && has dict-stats "$T/out" '^countries [0-9]+'
check dict-lookup-none 1 -- "$DYAD" dict lookup "the weather was fine"
check dict-lookup 0 -- "$DYAD" dict lookup --date 2022-01-03 "Volodymyr Zelensky" && has dict-lookup "$T/out" '^UKRGOV'
check dict-lookup-biden 0 -- "$DYAD" dict lookup --date 2015-06-01 "Joe Biden" && has dict-lookup-biden "$T/out" '^USAGOV'
check dict-lookup-nato 0 -- "$DYAD" dict lookup --date 2020-01-01 "Jens Stoltenberg" && has dict-lookup-nato "$T/out" '^IGOWSTNAT'

# --- eval: dyad's numbers equal the independent scorer's
if [ -f "$SHARED/eval/plover_gsr_dev.jsonl" ]; then
    gold="$SHARED/eval/plover_gsr_dev.jsonl"
else
    echo "cli: eval: $SHARED/eval not found, using the project's own small gold file"
    gold=tests/data/gold_small.jsonl
fi
check eval 0 -- "$DYAD" eval --json --output "$T/sys.jsonl" "$gold"
cp "$T/out" "$T/eval.json"
python3 tools/score.py "$gold" "$T/sys.jsonl" > "$T/score.json"
n=$((n + 1))
python3 - "$T/eval.json" "$T/score.json" <<'PY' || fail=$((fail + 1))
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
bad = []
for lv in ("root_dyad", "triple", "plover", "root"):
    for k in ("tp", "fp", "fn", "skipped"):
        if a["levels"][lv][k] != b["levels"][lv][k]:
            bad.append(f"{lv}.{k}: dyad {a['levels'][lv][k]} vs scorer {b['levels'][lv][k]}")
if a["exact_records"] != b["exact_records"]:
    bad.append("exact_records differ")
if bad:
    print("cli: eval differs from tools/score.py:", *bad, sep="\n    ")
    sys.exit(1)
PY
check eval-system 0 -- "$DYAD" eval --json --system "$T/sys.jsonl" "$gold"
n=$((n + 1)); python3 -c 'import json,sys
a=json.load(open(sys.argv[1]));b=json.load(open(sys.argv[2]))
sys.exit(a["levels"]!=b["levels"])' "$T/eval.json" "$T/out" || { echo "cli: eval --system differs"; fail=$((fail + 1)); }

echo "cli: $n checks, $fail failed"
[ $fail = 0 ]
