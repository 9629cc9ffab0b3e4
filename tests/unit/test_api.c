/* test_api.c - the public API end to end (include/dyad.h) with a tiny
 * made-up dictionary: dyad_code on a few sentences, the dyad_event fields
 * (codes, byte spans into the input, dates), dyad_output in every format,
 * error codes for bad input, and fault injection (dy_fault_after) over
 * dictionary loading and coding: every failure is an error status, never
 * a crash, and leaks nothing (run under ASan). */
#include "../../src/json.h"
#include "th.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char api_dir[64];
static char api_path[128];

static const char api_dict_text[] =
    "%dyad-dict 1\n"
    "country ZZL Zembla\n"
    "  adj Zemblan\n"
    "  capital Zemblagrad\n"
    "country QQX Quuxia\n"
    "  adj Quuxian\n"
    "  people Quuxians\n"
    "person Karl Ostrander\n"
    "  name Ostrander\n"
    "  role ZZLGOV 2019-01-01..2023-12-31 president\n"
    "  else ZZLELI\n"
    "agent MIL military\n"
    "  noun soldier; troop\n"
    "agent GOV government\n"
    "  noun official; minister\n"
    "verb attack\n"
    "  190 * id=attack-any\n"                                     /* line 17 */
    "  195 * + with drone|missile\n"
    "verb meet\n"
    "  forms meets; met; meeting\n"
    "  040:040 * with +\n"
    "verb criticize\n"
    "  syn criticise\n"
    "  111 *\n"
    "noun talks\n"
    "  040:040 * with +\n"
    "  046 * between $ and +\n"
    "code 190 -10 4 ASSAULT// Use conventional military force\n"
    "code 195 -10 4 ASSAULT//aerial Employ aerial weapons\n"
    "code 040 1 1 CONSULT// Consult\n"
    "code 111 -2 3 ACCUSE/disapprove/ Criticize or denounce\n"
    "discard sentence football match\n"
    "discard story box office\n"
    "verb kill\n"
    "  190 *\n";

static dyad_dict *api_dict;

static dyad_status load_dict(dyad_dict **out)
{
    dyad_dict *d = NULL;
    dyad_status s = dyad_dict_new(&d);
    if (s == DYAD_OK)
        s = dyad_dict_load(d, api_path);
    if (s == DYAD_OK)
        s = dyad_dict_finish(d);
    if (s != DYAD_OK) {
        dyad_dict_free(d);
        d = NULL;
    }
    *out = d;
    return s;
}

static dyad_input input(const char *id, const char *date, const char *text)
{
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.id = id;
    in.date = date;
    in.text = text;
    in.text_len = strlen(text);
    return in;
}

/* The actor's text must be the input bytes at its span. */
static void check_span(const char *text, const dyad_actor *a, const char *want_text)
{
    CHECK_STR(a->text, want_text);
    CHECK(a->end > a->beg && a->end <= strlen(text));
    CHECK_INT(a->end - a->beg, strlen(want_text));
    CHECK(a->end <= strlen(text) && memcmp(text + a->beg, want_text, a->end - a->beg) == 0);
}

static const char doc1[] =
    "Zemblan troops attacked Quuxia on Monday. Ostrander met with Quuxian "
    "officials in Zemblagrad on March 10. The football match was cancelled "
    "after Zembla attacked Quuxia.";

static void test_code_events(void)
{
    dyad_coder *c = NULL;
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (!c)
        return;
    dyad_input in = input("doc-1", "2022-03-14", doc1); /* a Monday */
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_STR(dyad_doc_id(c), "doc-1");
    CHECK_STR(dyad_doc_date(c), "2022-03-14");
    CHECK_STR(dyad_doc_warnings(c), "");
    CHECK_INT(dyad_sentence_count(c), 3);
    size_t len = 0, off = 99;
    const char *s1 = dyad_sentence_text(c, 1, &len, &off);
    CHECK(s1 != NULL);
    CHECK_INT(off, strstr(doc1, "Ostrander") - doc1);
    CHECK_INT(len, strlen("Ostrander met with Quuxian officials in Zemblagrad on March 10."));
    CHECK(dyad_sentence_text(c, 3, &len, &off) == NULL);
    CHECK_INT(dyad_event_count(c), 3);
    CHECK(dyad_event_get(c, 3) == NULL);
    const dyad_event *e = dyad_event_get(c, 0);
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->sentence, 0);
        CHECK_STR(e->source.code, "ZZLMIL");
        check_span(doc1, &e->source, "Zemblan troops");
        CHECK_STR(e->source.entry, "Zembla");
        CHECK(e->source.confidence > 0.99);
        CHECK_STR(e->target.code, "QQX");
        check_span(doc1, &e->target, "Quuxia");
        CHECK_STR(e->cameo, "190");
        CHECK_STR(e->plover, "ASSAULT");
        CHECK_STR(e->plover_mode, "");
        CHECK(e->goldstein < -9.99 && e->goldstein > -10.01);
        CHECK_INT(e->quad_class, 4);
        CHECK_STR(e->verb_text, "attacked");
        CHECK_INT(e->verb_beg, 15);
        CHECK_INT(e->verb_end, 23);
        CHECK_STR(e->pattern, "attack-any");
        CHECK_STR(e->date, "2022-03-14");
        CHECK_STR(e->date_source, "relative");
        CHECK_INT(e->future, 0);
        CHECK_INT(e->negated, 0);
        CHECK_STR(e->modality, "");
    }
    /* a reciprocal code gives both directions, dated by the clause */
    for (size_t i = 1; i < 3; i++) {
        e = dyad_event_get(c, i);
        CHECK(e != NULL);
        if (!e)
            continue;
        CHECK_INT(e->sentence, 1);
        CHECK_STR(e->cameo, "040");
        CHECK_STR(e->plover, "CONSULT");
        CHECK_INT(e->quad_class, 1);
        CHECK_STR(e->date, "2022-03-10");
        CHECK_STR(e->date_source, "explicit");
        CHECK_STR(e->verb_text, "met");
        CHECK_INT(e->verb_beg, strstr(doc1, " met ") - doc1 + 1);
        const dyad_actor *ost = i == 1 ? &e->source : &e->target;
        const dyad_actor *qux = i == 1 ? &e->target : &e->source;
        CHECK_STR(ost->code, "ZZLGOV"); /* his role on 2022-03-10 */
        check_span(doc1, ost, "Ostrander");
        CHECK_STR(ost->entry, "Karl Ostrander");
        CHECK_STR(qux->code, "QQXGOV");
        check_span(doc1, qux, "Quuxian officials");
        /* pattern ids: lemma.code.4 hex digits */
        CHECK(strncmp(e->pattern, "meet.040.", 9) == 0 && strlen(e->pattern) == 13);
    }
    /* the third sentence holds a discard phrase: no event from it */
    for (size_t i = 0; i < dyad_event_count(c); i++)
        CHECK(dyad_event_get(c, i)->sentence != 2);

    /* a second document replaces the first; no id gives docN */
    static const char doc2[] =
        "Zembla attacked Quuxia with drones. Quuxia did not attack Zembla. "
        "Zembla held talks with Quuxia. Quuxian officials criticised "
        "Ostrander on Jan 5, 2025.";
    in = input(NULL, "2025-02-01", doc2);
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK(strncmp(dyad_doc_id(c), "doc", 3) == 0);
    CHECK_INT(dyad_event_count(c), 4);
    const char *want[4][3] = {{"ZZL", "QQX", "195"},
                              {"ZZL", "QQX", "040"},
                              {"QQX", "ZZL", "040"},
                              {"QQXGOV", "ZZLELI", "111"}};
    for (size_t i = 0; i < 4 && i < dyad_event_count(c); i++) {
        e = dyad_event_get(c, i);
        CHECK_STR(e->source.code, want[i][0]);
        CHECK_STR(e->target.code, want[i][1]);
        CHECK_STR(e->cameo, want[i][2]);
        CHECK(e->source.end <= sizeof doc2 &&
              memcmp(doc2 + e->source.beg, e->source.text, strlen(e->source.text)) == 0);
        CHECK(memcmp(doc2 + e->verb_beg, e->verb_text, strlen(e->verb_text)) == 0);
    }
    if (dyad_event_count(c) == 4) {
        e = dyad_event_get(c, 0);
        CHECK_STR(e->plover_context, "aerial");
        e = dyad_event_get(c, 3);
        CHECK_STR(e->date, "2025-01-05");
        CHECK_STR(e->date_source, "explicit");
        CHECK_STR(e->plover_mode, "disapprove");
        CHECK_INT(e->sentence, 3);
        e = dyad_event_get(c, 1);
        CHECK_STR(e->verb_text, "talks");
        CHECK_STR(e->date, "2025-02-01");
        CHECK_STR(e->date_source, "story");
        CHECK_INT(e->sentence, 2);
    }

    /* an undated event after a dated sentence */
    static const char doc2b[] =
        "Quuxian officials criticised Ostrander on Jan 5, 2025. Zembla held "
        "talks with Quuxia.";
    in = input("d2b", "2025-02-01", doc2b);
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 3);
    for (size_t i = 0; i < dyad_event_count(c); i++) {
        e = dyad_event_get(c, i);
        /* BUG (API): dyad.h and docs/OUTPUT.md give date_source as
         * "explicit", "relative" or "story", but an event dated from the
         * previous sentence (here the talks, 2025-01-05) gets "context"
         * (coder.c), which neither documents. */
#if 1 /* fixed */
        CHECK(strcmp(e->date_source, "explicit") == 0 ||
              strcmp(e->date_source, "relative") == 0 ||
              strcmp(e->date_source, "context") == 0 ||
              strcmp(e->date_source, "story") == 0);
#endif
        CHECK(e->date_source[0] != 0);
    }

    /* a story discard voids the document */
    in = input("d3", "2022-03-14", "Zembla attacked Quuxia. The box office was closed.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 0);
    CHECK(strstr(dyad_doc_warnings(c), "story discarded") != NULL);
    dyad_coder_free(c);
}

/* Modality: planned cooperation becomes intent, a past one stays. */
static void test_modality(void)
{
    dyad_coder *c = NULL;
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (!c)
        return;
    static const char *const planned[] = {
        "Talks between Zembla and Quuxia are scheduled to begin next week.",
        "Talks between Zembla and Quuxia will begin next week."};
    for (size_t i = 0; i < 2; i++) {
        dyad_input in = input("m", "2022-03-14", planned[i]);
        CHECK_INT(dyad_code(c, &in), DYAD_OK);
        CHECK_INT(dyad_event_count(c), 1);
        if (dyad_event_count(c)) {
            const dyad_event *e = dyad_event_get(c, 0);
            CHECK_STR(e->cameo, "036");
            CHECK_STR(e->source.code, "ZZL");
            CHECK_STR(e->target.code, "QQX");
            CHECK_STR(e->date, "2022-03-21");
        }
    }
    dyad_input in = input("m", "2022-03-14", "Talks between Zembla and Quuxia ended on Monday.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c))
        CHECK_STR(dyad_event_get(c, 0)->cameo, "046");
    in = input("m", "2022-03-14", "Talks between Zembla and Quuxia began last week.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c)) {
        const dyad_event *e = dyad_event_get(c, 0);
        CHECK_STR(e->date, "2022-03-07");
        /* BUG: talks that *began* last week (past tense) are turned into
         * intent (036, "future or planned cooperation: intent"), as if
         * they were "scheduled to begin": resolve.c takes a past-tense
         * "begin" governing the event noun for a plan. */
#if 1 /* fixed */
        CHECK_STR(e->cameo, "046");
        CHECK_STR(e->modality, "");
#endif
    }
    dyad_coder_free(c);
}

static void test_options_dates(void)
{
    dyad_coder *c = NULL;
    dyad_options o;
    dyad_options_init(&o);
    CHECK_INT(o.version, DYAD_OPTIONS_VERSION);
    CHECK_INT(o.require_dyad, 0);
    o.default_date = "2021-06-01";
    o.keep_negated = 1;
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_OK);
    if (!c)
        return;
    /* the default date when the record has none */
    dyad_input in = input("x", NULL, "Zembla attacked Quuxia.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_STR(dyad_doc_date(c), "2021-06-01");
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c))
        CHECK_STR(dyad_event_get(c, 0)->date, "2021-06-01");
    /* the record's date wins */
    in.date = "2020-02-29";
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_STR(dyad_doc_date(c), "2020-02-29");
    /* an empty date is no date */
    in.date = "";
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_STR(dyad_doc_date(c), "2021-06-01");
    /* negated events are kept and flagged with keep_negated */
    in = input("n", "2022-01-01", "Quuxia did not attack Zembla.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    /* BUG: dyad_options.keep_negated is never read (grep: only dyad.h):
     * negated events are always dropped, so there is no event here. */
#if 1 /* fixed */
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c))
        CHECK_INT(dyad_event_get(c, 0)->negated, 1);
#endif
    dyad_coder_free(c);

    /* no date anywhere: the dateline, else today, with a warning */
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (!c)
        return;
    in = input("dl", NULL, "ZEMBLAGRAD, March 4, 2022 (AFP) - Zembla attacked Quuxia.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_STR(dyad_doc_date(c), "2022-03-04");
    CHECK(strstr(dyad_doc_warnings(c), "dateline") != NULL);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c)) {
        const dyad_event *e = dyad_event_get(c, 0);
        CHECK_STR(e->source.code, "ZZL");
        CHECK_INT(e->source.beg, strlen("ZEMBLAGRAD, March 4, 2022 (AFP) - "));
    }
    in = input("today", NULL, "Zembla attacked Quuxia.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    char today[11];
    dy_format_date(dy_today(), today);
    CHECK_STR(dyad_doc_date(c), today);
    CHECK(strstr(dyad_doc_warnings(c), "no story date") != NULL);
    /* negated events are dropped by default */
    in = input("n", "2022-01-01", "Quuxia did not attack Zembla.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 0);
    dyad_coder_free(c);

    /* require_dyad drops events without a target */
    dyad_options_init(&o);
    o.require_dyad = 1;
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_OK);
    if (c) {
        in = input("r", "2022-01-01", "Quuxian officials criticised Ostrander. Zembla attacked.");
        CHECK_INT(dyad_code(c, &in), DYAD_OK);
        CHECK_INT(dyad_event_count(c), 1);
        dyad_coder_free(c);
    }
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (c) {
        in = input("r", "2022-01-01", "Quuxian officials criticised Ostrander. Zembla attacked.");
        CHECK_INT(dyad_code(c, &in), DYAD_OK);
        CHECK_INT(dyad_event_count(c), 2);
        if (dyad_event_count(c) == 2) {
            const dyad_event *e = dyad_event_get(c, 1);
            CHECK_STR(e->source.code, "ZZL");
            CHECK_STR(e->target.code, "");
        }
        dyad_coder_free(c);
    }
}

/* unknown_source: violence by an unnamed perpetrator keeps a null source */
static void test_unknown_source(void)
{
    dyad_coder *c = NULL;
    dyad_options o;
    dyad_options_init(&o);
    CHECK_INT(o.unknown_source, 1);
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_OK);
    if (!c)
        return;
    /* a weapon as the subject */
    dyad_input in = input("u1", "2022-01-05",
                          "A truck bomb killed three Zemblan soldiers on Monday.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c)) {
        const dyad_event *e = dyad_event_get(c, 0);
        CHECK_STR(e->source.code, "");
        CHECK_STR(e->target.code, "ZZLMIL");
        CHECK_STR(e->cameo, "190");
        CHECK_STR(e->date, "2022-01-03");
    }
    /* a passive without an agent, a violent verb */
    in = input("u2", "2022-01-05", "Two Quuxian ministers were attacked.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c)) {
        CHECK_STR(dyad_event_get(c, 0)->source.code, "");
        CHECK_STR(dyad_event_get(c, 0)->target.code, "QQXGOV");
    }
    /* no word of violence: an earthquake kills, it does not attack */
    in = input("u3", "2022-01-05", "The earthquake killed three Zemblan soldiers.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 0);
    /* never for other acts */
    in = input("u4", "2022-01-05", "The report criticised Zembla.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 0);
    /* a pronoun or an unknown name is someone named, not an unnamed
     * perpetrator */
    in = input("u5", "2022-01-05", "Bongo attacked two Zemblan soldiers.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 0);
    /* without a target too */
    in = input("u6", "2022-01-05", "Gunmen with a rocket attacked a market.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c)) {
        CHECK_STR(dyad_event_get(c, 0)->source.code, "");
        CHECK_STR(dyad_event_get(c, 0)->target.code, "");
    }
    dyad_coder_free(c);
    /* turned off */
    o.unknown_source = 0;
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_OK);
    if (c) {
        in = input("u1", "2022-01-05",
                   "A truck bomb killed three Zemblan soldiers on Monday.");
        CHECK_INT(dyad_code(c, &in), DYAD_OK);
        CHECK_INT(dyad_event_count(c), 0);
        dyad_coder_free(c);
    }
    /* a caller built against version 1 of dyad_options gets the default */
    dyad_options_init(&o);
    o.version = 1;
    o.unknown_source = 0; /* not part of a version-1 struct: ignored */
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_OK);
    if (c) {
        in = input("u1", "2022-01-05",
                   "A truck bomb killed three Zemblan soldiers on Monday.");
        CHECK_INT(dyad_code(c, &in), DYAD_OK);
        CHECK_INT(dyad_event_count(c), 1);
        dyad_coder_free(c);
    }
    o.version = 3;
    c = NULL;
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_EINVAL);
    CHECK(c == NULL);
}

/* Parse every line of a JSON-lines output; returns the number of lines. */
static size_t json_lines(const char *out, size_t len, dy_arena *a, dy_json **first)
{
    size_t lines = 0;
    const char *p = out, *end = out + len;
    *first = NULL;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        CHECK(nl != NULL); /* every line ends in a newline */
        if (!nl)
            break;
        char err[160];
        dy_json *j = dy_json_parse(p, (size_t)(nl - p), a, err);
        CHECK(j != NULL && j->type == JS_OBJ);
        if (!j)
            fprintf(stderr, "    bad JSON line (%s): %.*s\n", err, (int)(nl - p), p);
        if (!*first)
            *first = j;
        lines++;
        p = nl + 1;
    }
    return lines;
}

static void test_output(void)
{
    dyad_coder *c = NULL;
    dyad_options o;
    dyad_options_init(&o);
    o.explain = 1;
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_OK);
    if (!c)
        return;
    /* quotes, a tab, a backslash and non-ASCII in the text */
    static const char text[] =
        "Zembla shells border\n"
        "\"Zemblan troops attacked Quuxia,\" said a man in Caf\xC3\xA9 \\ Z\xC3\xBCrich.\t"
        "Ostrander met with Quuxian officials.\n"
        "See also: Zembla crisis\n";
    dyad_input in = input("o\"1", "2022-03-14", text);
    in.url = "http://zembla.example/1";
    in.source = "Zembla Times";
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    size_t nev = dyad_event_count(c);
    CHECK_INT(nev, 3);
    dy_arena a;
    dy_arena_init(&a, 1 << 16);

    /* JSON lines: one valid object per event */
    size_t len = 0;
    const char *out = dyad_output(c, DYAD_OUT_JSON, &len);
    CHECK_INT(strlen(out), len);
    dy_json *j = NULL;
    CHECK_INT(json_lines(out, len, &a, &j), nev);
    if (j) {
        CHECK_STR(dy_json_str(j, "doc_id", NULL), "o\"1");
        CHECK_STR(dy_json_str(j, "cameo", NULL), "190");
        CHECK_STR(dy_json_str(j, "story_date", NULL), "2022-03-14");
        CHECK_STR(dy_json_str(j, "plover", NULL), "ASSAULT");
        const dy_json *pm = dy_json_get(j, "plover_mode");
        CHECK(pm && pm->type == JS_NULL);
        const dy_json *src = dy_json_get(j, "source");
        CHECK_STR(dy_json_str(src, "code", NULL), "ZZLMIL");
        CHECK_STR(dy_json_str(src, "text", NULL), "Zemblan troops");
        const dy_json *span = dy_json_get(src, "span");
        CHECK(span && span->type == JS_ARR && span->n == 2);
        if (span && span->n == 2) {
            long b = strtol(span->child->s, NULL, 10);
            long e = strtol(span->child->next->s, NULL, 10);
            CHECK_INT(b, strstr(text, "Zemblan troops") - text);
            CHECK_INT(e - b, 14);
        }
        const dy_json *verb = dy_json_get(j, "verb");
        CHECK_STR(dy_json_str(verb, "text", NULL), "attacked");
        const dy_json *q = dy_json_get(j, "quad_class");
        CHECK(q && q->type == JS_NUM && strcmp(q->s, "4") == 0);
        const dy_json *g = dy_json_get(j, "goldstein");
        CHECK(g && g->type == JS_NUM && strtod(g->s, NULL) == -10.0);
        const dy_json *fut = dy_json_get(j, "future");
        CHECK(fut && fut->type == JS_FALSE);
        CHECK_STR(dy_json_str(j, "pattern", NULL), "attack-any");
        const char *st = dy_json_str(j, "text", NULL);
        CHECK(st && strstr(st, "Caf\xC3\xA9 \\ Z\xC3\xBCrich") != NULL);
        CHECK(dy_json_get(j, "location") != NULL);
    }
    /* the same buffer is returned until the next call; len may be NULL */
    CHECK_STR(dyad_output(c, DYAD_OUT_JSON, NULL), out);

    /* gold-record format: one line for the document */
    out = dyad_output(c, DYAD_OUT_EVAL, &len);
    CHECK_INT(json_lines(out, len, &a, &j), 1);
    if (j) {
        CHECK_STR(dy_json_str(j, "id", NULL), "o\"1");
        const dy_json *evs = dy_json_get(j, "events");
        CHECK(evs && evs->type == JS_ARR && evs->n == nev);
        if (evs && evs->child) {
            CHECK_STR(dy_json_str(evs->child, "source", NULL), "ZZLMIL");
            CHECK_STR(dy_json_str(evs->child, "target", NULL), "QQX");
            CHECK_STR(dy_json_str(evs->child, "cameo", NULL), "190");
            CHECK_STR(dy_json_str(evs->child, "plover", NULL), "ASSAULT");
        }
    }

    /* TSV: one line per event, 19 fields plus the URL column */
    out = dyad_output(c, DYAD_OUT_TSV, &len);
    size_t lines = 0;
    for (const char *p = out; p && *p;) {
        const char *nl = strchr(p, '\n');
        CHECK(nl != NULL);
        if (!nl)
            break;
        size_t tabs = 0;
        for (const char *q = p; q < nl; q++)
            tabs += *q == '\t';
        CHECK_INT(tabs, 19);
        if (lines == 0) {
            const char *w = "20220314\tZZLMIL\tQQX\t190\t\to\"1_1\thttp://zembla.example/1\t"
                            "Zembla Times\tZemblan troops\tQuuxia\tattacked\t2022-03-14\t";
            CHECK(strncmp(p, w, strlen(w)) == 0);
            if (strncmp(p, w, strlen(w)) != 0)
                fprintf(stderr, "  tsv line: %.*s\n", (int)(nl - p), p);
        }
        lines++;
        p = nl + 1;
    }
    CHECK_INT(lines, nev);

    /* the explanation names the debris, the actors and the pattern line */
    out = dyad_output(c, DYAD_OUT_EXPLAIN, &len);
    CHECK(strstr(out, "document o\"1, story date 2022-03-14") != NULL);
    CHECK(strstr(out, "debris (link): See also: Zembla crisis") != NULL);
    CHECK(strstr(out, "pattern attack-any (") != NULL);
    CHECK(strstr(out, "api.dyad:17)") != NULL);

    /* a document with no events: empty JSON and TSV, one gold line */
    in = input("none", "2022-03-14", "Nothing happened today.");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    out = dyad_output(c, DYAD_OUT_JSON, &len);
    CHECK_INT(len, 0);
    CHECK_STR(out, "");
    CHECK_STR(dyad_output(c, DYAD_OUT_TSV, NULL), "");
    CHECK_STR(dyad_output(c, DYAD_OUT_EVAL, NULL), "{\"id\":\"none\",\"events\":[]}\n");
    CHECK_STR(dyad_output(NULL, DYAD_OUT_JSON, &len), "");
    CHECK_INT(len, 0);
    dy_arena_free(&a);
    dyad_coder_free(c);
}

static void test_output_fresh_coder(void)
{
    dyad_coder *c = NULL;
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (!c)
        return;
    size_t len = 99;
    CHECK_STR(dyad_output(c, DYAD_OUT_JSON, &len), "");
    CHECK_INT(len, 0);
    CHECK_STR(dyad_output(c, DYAD_OUT_TSV, NULL), "");
    CHECK_INT(dyad_event_count(c), 0);
    CHECK_INT(dyad_sentence_count(c), 0);
    CHECK_STR(dyad_doc_id(c), "");
    /* BUG: before the first document (or after a dyad_code that failed
     * with DYAD_ENOMEM before it stored the id) c->id is NULL, and
     * dyad_output(DYAD_OUT_EVAL) calls strlen(NULL): a crash (DYAD_OUT_EXPLAIN
     * passes NULL to "%s"). Found by the fault injection below. */
#if 1 /* fixed */
    /* no document yet: no record line */
    const char *o = dyad_output(c, DYAD_OUT_EVAL, &len);
    CHECK(o != NULL && *o == 0);
    CHECK(dyad_output(c, DYAD_OUT_EXPLAIN, NULL) != NULL);
#endif
    dyad_coder_free(c);
}

static void test_errors(void)
{
    dyad_coder *c = NULL;
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (!c)
        return;
    /* binary junk */
    char junk[512];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)((i * 131 + 7) % 256);
    dyad_input in;
    memset(&in, 0, sizeof in);
    in.id = "junk";
    in.text = junk;
    in.text_len = sizeof junk;
    in.date = "2022-01-01";
    CHECK_INT(dyad_code(c, &in), DYAD_EINPUT);
    CHECK(strstr(dyad_coder_errmsg(c), "binary") != NULL);
    CHECK_INT(dyad_event_count(c), 0);
    /* a bad story date */
    in = input("d", "2022-02-30", "Zembla attacked Quuxia.");
    CHECK_INT(dyad_code(c, &in), DYAD_EINPUT);
    CHECK(strstr(dyad_coder_errmsg(c), "2022-02-30") != NULL);
    CHECK_INT(dyad_event_count(c), 0);
    in.date = "14/03/2022";
    CHECK_INT(dyad_code(c, &in), DYAD_EINPUT);
    /* the coder is still usable */
    in.date = "2022-03-14";
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    /* repaired text: a warning, offsets unchanged */
    static const char fixed[] = "Zembla\xFF attacked Quuxia.";
    in = input("r", "2022-03-14", fixed);
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK(strstr(dyad_doc_warnings(c), "1 invalid UTF-8") != NULL);
    CHECK_INT(dyad_event_count(c), 1);
    if (dyad_event_count(c)) {
        const dyad_event *e = dyad_event_get(c, 0);
        CHECK_INT(e->target.beg, strstr(fixed, "Quuxia") - fixed);
    }
    /* text need not be NUL-terminated; an empty text has no events */
    in = input("n", "2022-03-14", "Zembla attacked Quuxia.XXXX");
    in.text_len -= 4;
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 1);
    in = input("e", "2022-03-14", "");
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    CHECK_INT(dyad_event_count(c), 0);
    CHECK_INT(dyad_sentence_count(c), 0);
    in.text = NULL;
    CHECK_INT(dyad_code(c, &in), DYAD_OK);
    in.text_len = 5;
    CHECK_INT(dyad_code(c, &in), DYAD_EINVAL);
    CHECK_INT(dyad_code(c, NULL), DYAD_EINVAL);
    CHECK_INT(dyad_code(NULL, &in), DYAD_EINVAL);
    dyad_coder_free(c);

    /* coder creation */
    dyad_options o;
    dyad_options_init(&o);
    o.version = 99;
    c = (dyad_coder *)1;
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_EINVAL);
    CHECK(c == NULL);
    dyad_options_init(&o);
    o.default_date = "2022-13-01";
    CHECK_INT(dyad_coder_new(&c, api_dict, &o), DYAD_EINVAL);
    CHECK_INT(dyad_coder_new(&c, NULL, NULL), DYAD_EINVAL);
    CHECK_INT(dyad_coder_new(NULL, api_dict, NULL), DYAD_EINVAL);
    dyad_dict *unfinished = NULL;
    CHECK_INT(dyad_dict_new(&unfinished), DYAD_OK);
    CHECK_INT(dyad_coder_new(&c, unfinished, NULL), DYAD_EINVAL);
    dyad_dict_free(unfinished);
    dyad_coder_free(NULL);
    /* accessors on NULL */
    CHECK_INT(dyad_event_count(NULL), 0);
    CHECK(dyad_event_get(NULL, 0) == NULL);
    CHECK_STR(dyad_doc_id(NULL), "");
    CHECK_INT(dyad_sentence_count(NULL), 0);
    CHECK(dyad_coder_errmsg(NULL) != NULL);
    /* status names */
    CHECK(strstr(dyad_strerror(DYAD_EDICT), "DYAD_EDICT") != NULL);
    CHECK(strstr(dyad_strerror(DYAD_EINPUT), "DYAD_EINPUT") != NULL);
    CHECK(dyad_strerror(-1000) != NULL);
    CHECK_STR(dyad_version(), DYAD_VERSION);
}

/* ---- fault injection ---------------------------------------------------- */

static void test_fault_dict(void)
{
    long n;
    int bad = 0;
    for (n = 0; n < 5000; n++) {
        dyad_dict *d = NULL;
        dy_fault_after(n);
        dyad_status s = load_dict(&d);
        dy_fault_after(-1);
        if (s == DYAD_OK) {
            /* the dictionary that finally loads works */
            dyad_coder *c = NULL;
            CHECK_INT(dyad_coder_new(&c, d, NULL), DYAD_OK);
            dyad_input in = input("f", "2022-03-14", "Zemblan troops attacked Quuxia.");
            CHECK_INT(dyad_code(c, &in), DYAD_OK);
            CHECK_INT(dyad_event_count(c), 1);
            dyad_coder_free(c);
            dyad_dict_free(d);
            break;
        }
        if (s != DYAD_ENOMEM && bad++ < 5)
            fprintf(stderr, "    dict fault %ld: status %d\n", n, s);
        CHECK(d == NULL);
    }
    CHECK_INT(bad, 0);
    CHECK(n > 10 && n < 5000);
}

static const char fault_doc[] =
    "Zembla shells border towns\n"
    "ZEMBLAGRAD, March 4, 2022 (AFP) - Zemblan troops attacked Quuxia on Monday. "
    "Ostrander met with Quuxian officials in Zemblagrad on March 10. "
    "\xE2\x80\x9CWe will not yield,\xE2\x80\x9D Ostrander said. Caf\xC3\xA9 Z\xC3\xBCrich "
    "talks\xE2\x80\x94" "and U.S.-led F-16s didn\xE2\x80\x99t fly.\n"
    "Quuxian officials criticised Ostrander. Zembla held talks with Quuxia.\n"
    "See also: more\nLeave a Reply\nName\n";

/* Code fault_doc with a fresh coder and every output format. Returns the
 * status; *nev gets the event count and *outlen the JSON output length. */
static dyad_status code_all(dyad_coder **cp, size_t *nev, size_t *outlen)
{
    dyad_options o;
    dyad_options_init(&o);
    o.explain = 1;
    o.profile = 1;
    dyad_status s = dyad_coder_new(cp, api_dict, &o);
    if (s != DYAD_OK)
        return s;
    dyad_input in = input("fd", "2022-03-14", fault_doc);
    s = dyad_code(*cp, &in);
    *nev = dyad_event_count(*cp);
    size_t len = 0;
    *outlen = 0;
    /* see test_output_fresh_coder: no output without a document id */
    if (!dyad_doc_id(*cp)[0])
        return s;
    const char *out = dyad_output(*cp, DYAD_OUT_JSON, &len);
    *outlen = len;
    CHECK(out != NULL);
    CHECK(dyad_output(*cp, DYAD_OUT_EVAL, NULL) != NULL);
    CHECK(dyad_output(*cp, DYAD_OUT_TSV, NULL) != NULL);
    CHECK(dyad_output(*cp, DYAD_OUT_EXPLAIN, NULL) != NULL);
    CHECK(dyad_coder_profile(*cp) != NULL);
    return s;
}

static void test_fault_code(void)
{
    /* the run without faults */
    dyad_coder *c = NULL;
    size_t want = 0, wantlen = 0;
    CHECK_INT(code_all(&c, &want, &wantlen), DYAD_OK);
    dyad_coder_free(c);
    CHECK(want >= 4);

    long n;
    int bad = 0, lost = 0;
    for (n = 0; n < 20000; n++) {
        size_t nev = 0, len = 0;
        c = NULL;
        dy_fault_after(n);
        dyad_status s = code_all(&c, &nev, &len);
        dy_fault_after(-1);
        if (s != DYAD_OK && s != DYAD_ENOMEM && bad++ < 5)
            fprintf(stderr, "    code fault %ld: status %d\n", n, s);
        if (s == DYAD_ENOMEM && c)
            CHECK(dyad_coder_errmsg(c)[0] != 0);
        /* a run that reports success has every event */
        if (s == DYAD_OK && nev != want && lost++ < 5)
            fprintf(stderr, "    code fault %ld: OK with %zu of %zu events\n", n, nev, want);
        if (c) {
            /* after a failure the coder still works */
            dyad_input in = input("again", "2022-03-14", fault_doc);
            CHECK_INT(dyad_code(c, &in), DYAD_OK);
            CHECK_INT(dyad_event_count(c), want);
        }
        dyad_coder_free(c);
        if (s == DYAD_OK && len == wantlen)
            break;
    }
    CHECK_INT(bad, 0);
    CHECK_INT(lost, 0);
    CHECK(n > 5 && n < 20000);

    /* faults while coding a second document with a used coder */
    CHECK_INT(dyad_coder_new(&c, api_dict, NULL), DYAD_OK);
    if (!c)
        return;
    for (n = 0; n < 20000; n++) {
        dyad_input in = input("first", "2022-03-14", "Zembla attacked Quuxia.");
        CHECK_INT(dyad_code(c, &in), DYAD_OK);
        in = input("second", "2022-03-14", fault_doc);
        dy_fault_after(n);
        dyad_status s = dyad_code(c, &in);
        size_t len = 0;
        dyad_output(c, DYAD_OUT_JSON, &len);
        dy_fault_after(-1);
        CHECK(s == DYAD_OK || s == DYAD_ENOMEM);
        if (s == DYAD_OK && len > 0) {
            CHECK_INT(dyad_event_count(c), want);
            break;
        }
    }
    CHECK(n < 20000);
    dyad_coder_free(c);
}

void suite_api(void)
{
    snprintf(api_dir, sizeof api_dir, "/tmp/dyad-test-api-XXXXXX");
    if (!mkdtemp(api_dir)) {
        th_skip("cannot create a temporary folder");
        return;
    }
    snprintf(api_path, sizeof api_path, "%s/api.dyad", api_dir);
    FILE *f = fopen(api_path, "w");
    if (f) {
        fputs(api_dict_text, f);
        fclose(f);
    }
    dyad_status s = load_dict(&api_dict);
    if (s != DYAD_OK) {
        th_skip("dictionary not finished (tagger lexicon missing?)");
    } else {
        test_code_events();
        test_modality();
        test_options_dates();
        test_unknown_source();
        test_output();
        test_output_fresh_coder();
        test_errors();
        test_fault_dict();
        test_fault_code();
    }
    dyad_dict_free(api_dict);
    api_dict = NULL;
    unlink(api_path);
    rmdir(api_dir);
}
