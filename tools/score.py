#!/usr/bin/env python3
"""An independent scorer for the gold-record format of ../shared/eval/README.md.

Written separately from src/eval.c (different language, different matching
code) so that tests can check that `dyad eval` prints the same numbers.

usage: score.py GOLD.jsonl SYSTEM.jsonl   -> JSON with tp/fp/fn per level
"""
import json
import sys

LEVELS = ["root_dyad", "triple", "plover", "root"]


def actor(v):
    return None if v in (None, "---") else v


def root_ok(g, s):
    sc = s.get("cameo")
    if not sc:
        return False
    if g.get("cameo"):
        return g["cameo"][:2] == sc[:2]
    return any(c[:2] == sc[:2] for c in g.get("cameo_candidates", []))


def match(level, g, s):
    if level == "root":
        return root_ok(g, s)
    if level == "plover":
        if g.get("plover"):
            return g["plover"] == s.get("plover")
        return s.get("plover") in g.get("plover_candidates", [])
    gs, gt = actor(g.get("source")), actor(g.get("target"))
    ss, st = actor(s.get("source")), actor(s.get("target"))
    if level == "root_dyad":
        same = lambda a, b: (a is None and b is None) or (a is not None and b is not None and a[:3] == b[:3])
        return root_ok(g, s) and same(gs, ss) and same(gt, st)
    if gs != ss or gt != st:
        return False
    if g.get("cameo"):
        return g["cameo"] == s.get("cameo")
    return root_ok(g, s)


def known(level, g, actors):
    if level == "plover":
        return True
    has_root = bool(g.get("cameo")) or bool(g.get("cameo_candidates"))
    if level == "root":
        return has_root
    if not actors:
        return False
    if level == "root_dyad":
        return has_root
    return (bool(g.get("cameo")) and len(g["cameo"]) >= 3) or bool(g.get("cameo_candidates"))


def counts_gold(level, g):
    return level != "plover" or bool(g.get("plover")) or bool(g.get("plover_candidates"))


def counts_sys(level, s):
    return bool(s.get("plover")) if level == "plover" else bool(s.get("cameo"))


def max_matching(adj, ng, ns):
    owner = [-1] * ns

    def try_(g, seen):
        for s in range(ns):
            if adj[g][s] and not seen[s]:
                seen[s] = True
                if owner[s] < 0 or try_(owner[s], seen):
                    owner[s] = g
                    return True
        return False

    return sum(1 for g in range(ng) if try_(g, [False] * ns))


def main():
    gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    sysl = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
    byid = {r["id"]: r for r in sysl}
    res = {l: {"tp": 0, "fp": 0, "fn": 0, "skipped": 0} for l in LEVELS}
    exact = pool = 0
    for g in gold:
        s = byid.get(g["id"], {"events": []})
        actors = g.get("actors_coded", True) is not False
        ge, se = g["events"], s["events"]
        rec_exact = True
        for level in LEVELS:
            gl = [x for x in ge if counts_gold(level, x)]
            if not all(known(level, x, actors) for x in gl):
                res[level]["skipped"] += 1
                if level == "triple":
                    rec_exact = False
                continue
            sl = [x for x in se if counts_sys(level, x)]
            adj = [[match(level, a, b) for b in sl] for a in gl]
            m = max_matching(adj, len(gl), len(sl))
            res[level]["tp"] += m
            res[level]["fn"] += len(gl) - m
            res[level]["fp"] += len(sl) - m
            if level == "triple" and (len(gl) != m or len(sl) != m):
                rec_exact = False
        if g.get("petr_sentence_attr") != "false":
            pool += 1
            exact += rec_exact
    for l in LEVELS:
        c = res[l]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        c["precision"] = round(p, 4)
        c["recall"] = round(r, 4)
        c["f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    print(json.dumps({"levels": res, "exact_records": exact, "exact_pool": pool}, sort_keys=True))


if __name__ == "__main__":
    main()
