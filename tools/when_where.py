#!/usr/bin/env python3
"""Score dyad's event dates and places on tests/data/when_where.tsv.

For each sentence, the main event is the first event dyad emits for it
(events come out in the order of their verbs). A date is right when that
event's `date` equals the expected date; a place is right when the event's
location names the expected place (or, for a country-level place, the
expected country) -- see the comments at the top of the .tsv.

usage: when_where.py [--dyad build/dyad] [--tsv tests/data/when_where.tsv]
                     [--errors] [--min-dates F] [--min-places F]
Prints the scores; with --min-* exits 1 when a score is below the bar.
"""
import argparse
import json
import subprocess
import sys
import unicodedata


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def country_names(dict_dir):
    """Names of each country (ISO alpha-3), from dyad's countries.dyad and
    Debian's iso-codes: a country-level expected place ("East Timor") is
    matched by a country-level location of that country ("Timor-Leste")."""
    names = {}
    code = None
    try:
        for line in open(f"{dict_dir}/countries.dyad", encoding="utf-8"):
            if line.startswith("country "):
                f = line.split(None, 2)
                code = "XKX" if f[1] == "KSV" else f[1]
                names.setdefault(code, set()).add(fold(f[2]))
            elif code and line.strip().startswith("name "):
                for n in line.strip()[5:].split(";"):
                    names[code].add(fold(n))
            elif not line.strip() or not line[:1].isspace():
                code = None if not line.startswith("country ") else code
    except OSError:
        pass
    try:
        iso = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json",
                             encoding="utf-8"))["3166-1"]
        for c in iso:
            for k in ("name", "common_name", "official_name"):
                if c.get(k):
                    names.setdefault(c["alpha_3"], set()).add(fold(c[k]))
    except (OSError, ValueError, KeyError):
        pass
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default="build/dyad")
    ap.add_argument("--tsv", default="tests/data/when_where.tsv")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--min-dates", type=float)
    ap.add_argument("--min-places", type=float)
    ap.add_argument("--dict", action="append", default=[])
    a = ap.parse_args()
    cnames = country_names("dict")
    rows = []
    for line in open(a.tsv, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 6 or f[0] == "story_date":
            continue
        rows.append(f)
    inp = "".join(json.dumps({"id": str(i), "date": r[0], "text": r[5]}) + "\n"
                  for i, r in enumerate(rows))
    cmd = [a.dyad, "code", "--input", "jsonl", "-"]
    for d in a.dict:
        cmd[2:2] = ["--dict", d]
    out = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    first = {}
    for line in out.stdout.splitlines():
        e = json.loads(line)
        first.setdefault(e["doc_id"], e)
    n = len(rows)
    coded = dates_ok = places_n = places_ok = places_coded = 0
    extra = none_n = 0
    errs = []
    for i, r in enumerate(rows):
        story, want_date, src, want_place, want_cc, text = r
        e = first.get(str(i))
        if e:
            coded += 1
        got_date = e["date"] if e else None
        if got_date == want_date:
            dates_ok += 1
        elif a.errors:
            errs.append(f"date  {i}: want {want_date} ({src}) got {got_date}: {text}")
        if want_place == "-":
            none_n += 1
            if e and e.get("location"):
                extra += 1
                if a.errors:
                    errs.append(f"place {i}: want none got "
                                f"{e['location'].get('name')}: {text}")
        if want_place != "-":
            places_n += 1
            places_coded += e is not None
            loc = e.get("location") if e else None
            ok = False
            if loc:
                if fold(loc.get("name")) == fold(want_place):
                    ok = True
                # a country-level place: any name of that country
                elif want_cc != "-" and loc.get("country") == want_cc and \
                        loc.get("feature") == "country" and \
                        fold(want_place) in cnames.get(want_cc, ()):
                    ok = True
            if ok:
                places_ok += 1
            elif a.errors:
                errs.append(f"place {i}: want {want_place}/{want_cc} got "
                            f"{loc.get('name') if loc else None}/{loc.get('country') if loc else None}: {text}")
    print(f"sentences {n}, with an event {coded} ({coded / n:.1%})")
    print(f"dates right  {dates_ok}/{n} = {dates_ok / n:.1%} "
          f"(of sentences with an event: {dates_ok / max(coded, 1):.1%})")
    print(f"places right {places_ok}/{places_n} = {places_ok / max(places_n, 1):.1%} "
          f"(of sentences with an event: {places_ok / max(places_coded, 1):.1%}); "
          f"a place where none is expected: {extra}/{none_n}")
    for e in errs:
        print("  " + e)
    bad = (a.min_dates is not None and dates_ok / n < a.min_dates) or \
          (a.min_places is not None and places_ok / max(places_n, 1) < a.min_places)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
