#!/bin/sh
# Golden tests: each tests/golden/NAME.txt (or .jsonl) is coded with the
# options in NAME.args and the output compared with NAME.out.
#   run.sh            compare
#   run.sh --update   rewrite the .out files from the current build
DYAD=${DYAD:-build/dyad}
dir=$(dirname "$0")
update=0
[ "${1:-}" = "--update" ] && update=1
fail=0; n=0
for in in "$dir"/*.txt "$dir"/*.jsonl; do
    [ -f "$in" ] || continue
    base=${in%.*}
    args=""
    [ -f "$base.args" ] && args=$(cat "$base.args")
    n=$((n + 1))
    out=$(mktemp)
    # shellcheck disable=SC2086
    "$DYAD" code $args "$in" > "$out" 2>/dev/null
    if [ $update = 1 ]; then
        cp "$out" "$base.out"
    elif ! cmp -s "$out" "$base.out"; then
        echo "golden: $(basename "$base"): output differs:"
        diff "$base.out" "$out" | head -20
        fail=$((fail + 1))
    fi
    rm -f "$out"
done
if [ $update = 1 ]; then echo "golden: $n files updated"; exit 0; fi
echo "golden: $n cases, $fail failed"
[ $fail = 0 ]
