#!/usr/bin/env python3
"""Generate a benchmark corpus of wire-style news articles as JSON lines.

Sentences are built from templates (written for dyad) filled with actors
taken from dyad's own dictionaries (countries, demonyms, capitals, office
holders), verbs, places, dates and clauses, so that every sentence is
different and of ordinary news length (about 25 words: wire-style leads,
attributions, appositions, dates and trailing subordinate clauses are added
to the core templates at random), and articles carry
the usual debris (datelines, bylines, "See also" links, comment forms).
No line is repeated on purpose: the generator is seeded, so the corpus is
the same on every run.

usage: gen_corpus.py SENTENCES [SEED] > corpus.jsonl
"""
import json
import random
import re
import sys
from pathlib import Path

DICT = Path(__file__).resolve().parent.parent / "dict"


def load_names():
    countries, adjs, capitals, persons = [], [], [], []
    cur = None
    for path in sorted(DICT.glob("*.dyad")) + sorted(DICT.glob("people/*.dyad")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].rstrip()
            if not line:
                continue
            if line.startswith("country "):
                parts = line.split(None, 2)
                if len(parts) == 3:
                    countries.append(parts[2])
                    cur = "country"
            elif line.startswith("person "):
                persons.append(line[7:].strip())
                cur = "person"
            elif not line[0].isspace():
                cur = None
            elif cur == "country":
                kw, _, rest = line.strip().partition(" ")
                vals = [v.strip() for v in rest.split(";") if v.strip()]
                if kw == "adj":
                    adjs.extend(v for v in vals if " " not in v)
                elif kw == "capital":
                    capitals.extend(vals)
    return (countries or ["Russia", "Ukraine", "France", "China"],
            adjs or ["Russian", "Ukrainian", "French", "Chinese"],
            capitals or ["Moscow", "Kyiv", "Paris", "Beijing"],
            persons or ["Vladimir Putin", "Emmanuel Macron"])


TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister",
          "Interior Minister", "opposition leader", "army chief", "envoy"]
AGENTS = ["troops", "police", "officials", "rebels", "protesters", "soldiers",
          "diplomats", "lawmakers", "militants", "security forces", "authorities"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "on Saturday", "on Sunday", "late on Sunday", "on Sunday evening",
        "yesterday", "last week", "earlier this month", "on March 3",
        "on 12 January", "next week", "in 2019", "two days ago"]
PLACES = ["near the border", "in the capital", "in the north of the country",
          "outside the parliament building", "at a summit in Geneva",
          "in the disputed region", "near the port city", "on the outskirts of the city"]
REPORTERS = ["officials said", "the foreign ministry said in a statement",
             "state media reported", "a spokesman told reporters",
             "according to local media", "witnesses said", "the agency reported",
             "a senior official who spoke on condition of anonymity told reporters",
             "the foreign ministry said in a statement posted on its website",
             "the official news agency reported, citing a government spokesman",
             "two diplomats familiar with the talks said",
             "according to a statement released by the defence ministry"]
# wire style: what lengthens a news sentence to its usual 25 words or so
LEADS = ["In a statement released {day},", "Speaking to reporters in {cap},",
         "In a sharp escalation of the dispute over {topic},",
         "Despite repeated warnings from {A},", "After weeks of tense negotiations,",
         "In a move likely to anger {A},", "Earlier in the day,",
         "According to officials in {cap},"]
TAILS = [", a move that analysts said could further strain relations between the two countries",
         ", the latest sign of a deepening rift between the two governments",
         ", weeks after {A} accused {B} of undermining {topic}",
         ", as tensions rose over {topic} and {topic2}",
         ", which has been the subject of fierce debate in {cap} for months",
         ", in what officials described as the worst crisis since {year}",
         ", although details of the arrangement were not immediately released",
         ", hours before a scheduled meeting of foreign ministers in {cap}"]
APPOS = [", the {adj2} {title} who took office in {year},", ", a close ally of {P2},",
         ", who has led the country since {year},", ", the {adj2} {title},"]
TOPICS = ["the ceasefire", "grain exports", "the nuclear programme", "border security",
          "the peace plan", "energy supplies", "prisoner exchanges", "trade tariffs",
          "humanitarian access", "the disputed islands", "election monitoring"]

TEMPLATES = [
    "{A} {accused} {B} of violating {topic} {day}, {rep}.",
    "{Adj} {agents} {attacked} {adj2} positions {place} {day}, killing at least {n} people, {rep}.",
    "{Title} {P} met {adj2} counterpart {P2} {place} {day} to discuss {topic} and {topic2}.",
    "{A} and {B} agreed {day} to resume talks on {topic}, {rep}, adding that a new round could begin soon.",
    "{A} threatened to impose new sanctions on {B} if it continues to block {topic}, {rep}.",
    "{Adj} {agents} arrested {n} {adj2} nationals {place} {day} on suspicion of spying, {rep}.",
    "{P} urged {B} to release the detained journalists and to allow aid into {cap} {day}.",
    "The government of {A} {day} rejected a proposal by {B} to hold talks on {topic}, {rep}.",
    "{A} will send {n} tonnes of humanitarian aid to {B} {day}, {rep}, after floods hit the region.",
    "Thousands of protesters rallied {place} of {cap} {day} to demand the resignation of {P}.",
    "{Title} {P} said {day} that {A} would not negotiate with {B} until {topic} was settled.",
    "Talks between {A} and {B} on {topic} are scheduled to begin {day2} in {cap}, {rep}.",
    "{P} praised {B} for its support on {topic} during a telephone call with {P2} {day}.",
    "{Adj} warplanes struck targets {place} {day}, {rep}, in the heaviest raids in months.",
    "{A} expelled {n} {adj2} diplomats {day} over what it called interference in its affairs.",
    "{Adj} and {adj2} officials signed an agreement on {topic} {day} in {cap}, {rep}.",
    "{P} denied that {adj2} {agents} had fired on civilians {place} {day}.",
    "{A} recalled its ambassador from {B} {day} in protest at {topic}, {rep}.",
]


def fill(rnd, countries, adjs, capitals, persons):
    return dict(
        A=rnd.choice(countries), B=rnd.choice(countries), Adj=rnd.choice(adjs),
        adj2=rnd.choice(adjs), agents=rnd.choice(AGENTS), attacked=rnd.choice(
            ["attacked", "shelled", "raided", "bombed", "fired on"]),
        accused=rnd.choice(["accused", "blamed", "criticised", "condemned"]),
        P=rnd.choice(persons), P2=rnd.choice(persons), Title=rnd.choice(TITLES),
        title=rnd.choice(TITLES).lower(),
        topic=rnd.choice(TOPICS), topic2=rnd.choice(TOPICS), day=rnd.choice(DAYS),
        day2=rnd.choice(["next week", "on Monday", "on January 10", "later this month"]),
        place=rnd.choice(PLACES), rep=rnd.choice(REPORTERS), n=rnd.randint(2, 300),
        cap=rnd.choice(capitals), year=rnd.randint(1991, 2021))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    countries, adjs, capitals, persons = load_names()
    out = sys.stdout
    made = 0
    art = 0
    while made < n:
        art += 1
        k = min(rnd.randint(8, 30), n - made)
        y, m, d = rnd.randint(1995, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
        paras = []
        cap0 = rnd.choice(capitals)
        paras.append(f"{rnd.choice(adjs)} and {rnd.choice(adjs)} leaders discuss {rnd.choice(TOPICS)}")
        for i in range(k):
            t = rnd.choice(TEMPLATES)
            if "{P} " in t and rnd.random() < 0.35:
                t = t.replace("{P} ", "{P}" + rnd.choice(APPOS) + " ", 1)
            if rnd.random() < 0.25:
                t = rnd.choice(LEADS) + " " + t[0].lower() + t[1:] \
                    if not t.startswith("{") else rnd.choice(LEADS) + " " + t
            if rnd.random() < 0.25 and t.endswith("."):
                t = t[:-1] + rnd.choice(TAILS) + "."
            s = t.format(**fill(rnd, countries, adjs, capitals, persons))
            s = s[0].upper() + s[1:]
            if i == 0:
                s = f"{cap0.upper()}, {['Jan','Feb','March','April','May','June','July','Aug','Sept','Oct','Nov','Dec'][m-1]} {d} (Wire) - " + s
            paras.append(s)
            if rnd.random() < 0.05:
                paras.append(f"See also  {rnd.choice(TOPICS).capitalize()} in {rnd.choice(capitals)} this week")
        if rnd.random() < 0.3:
            paras.append("Leave a Reply\n\nYour email address will not be published.")
        made += k
        rec = {"id": f"bench-{art}", "date": f"{y:04d}-{m:02d}-{d:02d}",
               "source": "bench", "text": "\n\n".join(paras)}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
