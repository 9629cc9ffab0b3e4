/* output.c - writers: JSON lines (one event per line), the gold-record
 * format (one line per document), PETRARCH-compatible TSV, and the
 * explanation text. */
#include "coder.h"

#include <stdio.h>
#include <time.h>

/* Append an unsigned integer (no printf: output is on the hot path). */
static void put_uint(dy_buf *b, unsigned long long v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (dy_buf_reserve(b, n))
        return;
    while (n)
        b->p[b->len++] = tmp[--n];
}

/* Append x with one or two decimals ("-8.0", "0.70"). */
static void put_fixed(dy_buf *b, double x, int decimals)
{
    /* 1..4 decimals (4: the coordinates of places) */
    static const long scales[] = {1, 10, 100, 1000, 10000};
    if (decimals < 1 || decimals > 4)
        decimals = 4;
    long scale = scales[decimals];
    long v = (long)(x * (double)scale + (x < 0 ? -0.5 : 0.5));
    if (v < 0) {
        dy_buf_putc(b, '-');
        v = -v;
    }
    put_uint(b, (unsigned long long)(v / scale));
    dy_buf_putc(b, '.');
    long f = v % scale;
    for (long s = scale / 10; s > 1 && f < s; s /= 10)
        dy_buf_putc(b, '0');
    put_uint(b, (unsigned long long)f);
}

static void put_span(dy_buf *b, size_t beg, size_t end)
{
    dy_buf_putc(b, '[');
    put_uint(b, beg);
    dy_buf_putc(b, ',');
    put_uint(b, end);
    dy_buf_putc(b, ']');
}

static void json_actor(dy_buf *b, const dyad_actor *a)
{
    if (!a->code[0]) {
        dy_buf_lit(b, "null");
        return;
    }
    dy_buf_lit(b, "{\"code\":");
    dy_buf_json_str(b, a->code, strlen(a->code));
    dy_buf_lit(b, ",\"text\":");
    dy_buf_json_str(b, a->text, strlen(a->text));
    dy_buf_lit(b, ",\"span\":");
    put_span(b, a->beg, a->end);
    dy_buf_lit(b, ",\"entry\":");
    dy_buf_json_str(b, a->entry, strlen(a->entry));
    dy_buf_lit(b, ",\"confidence\":");
    put_fixed(b, a->confidence, 2);
    dy_buf_putc(b, '}');
}

static void str_or_null(dy_buf *b, const char *s)
{
    if (s && *s)
        dy_buf_json_str(b, s, strlen(s));
    else
        dy_buf_lit(b, "null");
}

static void write_json(dyad_coder *c, dy_buf *b)
{
    for (size_t i = 0; i < c->nevents; i++) {
        const dyad_event *e = &c->events[i];
        dy_buf_lit(b, "{\"doc_id\":");
        dy_buf_json_str(b, c->id, strlen(c->id));
        dy_buf_lit(b, ",\"sentence\":");
        put_uint(b, (unsigned long long)e->sentence);
        dy_buf_lit(b, ",\"story_date\":\"");
        dy_buf_puts(b, c->story_str);
        dy_buf_lit(b, "\",\"date\":\"");
        dy_buf_puts(b, e->date);
        dy_buf_lit(b, "\",\"date_source\":\"");
        dy_buf_puts(b, e->date_source);
        dy_buf_lit(b, "\",\"source\":");
        json_actor(b, &e->source);
        dy_buf_lit(b, ",\"target\":");
        json_actor(b, &e->target);
        dy_buf_lit(b, ",\"cameo\":");
        dy_buf_json_str(b, e->cameo, strlen(e->cameo));
        dy_buf_lit(b, ",\"plover\":");
        str_or_null(b, e->plover);
        dy_buf_lit(b, ",\"plover_mode\":");
        str_or_null(b, e->plover_mode);
        dy_buf_lit(b, ",\"plover_context\":");
        str_or_null(b, e->plover_context);
        dy_buf_lit(b, ",\"goldstein\":");
        put_fixed(b, e->goldstein, 1);
        dy_buf_lit(b, ",\"quad_class\":");
        put_uint(b, (unsigned long long)e->quad_class);
        dy_buf_lit(b, ",\"verb\":{\"text\":");
        dy_buf_json_str(b, e->verb_text, strlen(e->verb_text));
        dy_buf_lit(b, ",\"span\":");
        put_span(b, e->verb_beg, e->verb_end);
        dy_buf_putc(b, '}');
        dy_buf_lit(b, ",\"modality\":");
        str_or_null(b, e->modality);
        dy_buf_puts(b, e->future ? ",\"future\":true" : ",\"future\":false");
        if (e->negated)
            dy_buf_lit(b, ",\"negated\":true");
        dy_buf_lit(b, ",\"location\":");
        if (e->location[0]) {
            dy_buf_lit(b, "{\"name\":");
            dy_buf_json_str(b, e->location, strlen(e->location));
            dy_buf_lit(b, ",\"country\":");
            str_or_null(b, e->loc_country);
            dy_buf_lit(b, ",\"admin1\":");
            str_or_null(b, e->loc_admin1);
            if (e->has_point) { /* places: fixed-point, without printf */
                dy_buf_lit(b, ",\"lat\":");
                put_fixed(b, e->lat, 4);
                dy_buf_lit(b, ",\"lon\":");
                put_fixed(b, e->lon, 4);
            } else {
                dy_buf_lit(b, ",\"lat\":null,\"lon\":null");
            }
            dy_buf_lit(b, ",\"feature\":");
            str_or_null(b, e->loc_feature);
            dy_buf_lit(b, ",\"method\":");
            str_or_null(b, e->loc_method);
            dy_buf_lit(b, "}");
        } else {
            dy_buf_lit(b, "null");
        }
        dy_buf_lit(b, ",\"pattern\":");
        str_or_null(b, e->pattern);
        dy_buf_lit(b, ",\"text\":");
        const dy_evx *x = &c->evx[i];
        dy_buf_json_str(b, c->doc.text + x->sent_beg, x->sent_end - x->sent_beg);
        dy_buf_lit(b, "}\n");
    }
}

static void write_eval(dyad_coder *c, dy_buf *b)
{
    dy_buf_lit(b, "{\"id\":");
    dy_buf_json_str(b, c->id, strlen(c->id));
    dy_buf_lit(b, ",\"events\":[");
    for (size_t i = 0; i < c->nevents; i++) {
        const dyad_event *e = &c->events[i];
        if (i)
            dy_buf_putc(b, ',');
        dy_buf_lit(b, "{\"source\":");
        str_or_null(b, e->source.code);
        dy_buf_lit(b, ",\"target\":");
        str_or_null(b, e->target.code);
        dy_buf_lit(b, ",\"cameo\":");
        dy_buf_json_str(b, e->cameo, strlen(e->cameo));
        dy_buf_lit(b, ",\"plover\":");
        str_or_null(b, e->plover);
        dy_buf_lit(b, "}");
    }
    dy_buf_lit(b, "]}\n");
}

/* A TSV field: tabs and newlines become spaces; empty becomes "---". */
static void tsv_field(dy_buf *b, const char *s, size_t n)
{
    if (!n) {
        dy_buf_lit(b, "---");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        dy_buf_putc(b, ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
    }
}

/* PETRARCH2 write_events columns (DATE SRC TGT CODE ISSUES IDS [URL] SOURCE
 * SRC_TEXT TGT_TEXT EVENT_TEXT), then dyad's fields: event date,
 * date source, PLOVER, Goldstein, quad class, location name, country,
 * latitude, longitude. */
static void write_tsv(dyad_coder *c, dy_buf *b, const char *url,
                      const char *source)
{
    for (size_t i = 0; i < c->nevents; i++) {
        const dyad_event *e = &c->events[i];
        char d8[9] = {c->story_str[0], c->story_str[1], c->story_str[2],
                      c->story_str[3], c->story_str[5], c->story_str[6],
                      c->story_str[8], c->story_str[9], 0};
        dy_buf_printf(b, "%s\t", d8);
        tsv_field(b, e->source.code, strlen(e->source.code));
        dy_buf_putc(b, '\t');
        tsv_field(b, e->target.code, strlen(e->target.code));
        dy_buf_printf(b, "\t%s\t\t", e->cameo);
        dy_buf_printf(b, "%s_%d", c->id, e->sentence);
        if (url && *url) {
            dy_buf_putc(b, '\t');
            tsv_field(b, url, strlen(url));
        }
        dy_buf_putc(b, '\t');
        tsv_field(b, source ? source : "", source ? strlen(source) : 0);
        dy_buf_putc(b, '\t');
        tsv_field(b, e->source.text, strlen(e->source.text));
        dy_buf_putc(b, '\t');
        tsv_field(b, e->target.text, strlen(e->target.text));
        dy_buf_putc(b, '\t');
        tsv_field(b, e->verb_text, strlen(e->verb_text));
        dy_buf_printf(b, "\t%s\t%s\t", e->date, e->date_source);
        tsv_field(b, e->plover, strlen(e->plover));
        dy_buf_printf(b, "\t%.1f\t%d\t", e->goldstein, e->quad_class);
        tsv_field(b, e->location, strlen(e->location));
        dy_buf_putc(b, '\t');
        tsv_field(b, e->loc_country, strlen(e->loc_country));
        if (e->has_point) { /* places: fixed-point, without printf */
            dy_buf_putc(b, '\t');
            put_fixed(b, e->lat, 4);
            dy_buf_putc(b, '\t');
            put_fixed(b, e->lon, 4);
            dy_buf_putc(b, '\n');
        } else {
            dy_buf_lit(b, "\t---\t---\n");
        }
    }
}

const char *dyad_output(dyad_coder *c, dyad_output_format fmt, size_t *len)
{
    if (!c) {
        if (len)
            *len = 0;
        return "";
    }
    dy_buf *b = &c->out;
    dy_buf_clear(b);
    if (!c->id) {
        /* no document coded yet (or the last one failed early) */
        if (len)
            *len = 0;
        return "";
    }
    struct timespec t0, t1;
    if (c->opts.profile)
        clock_gettime(CLOCK_MONOTONIC, &t0);
    switch (fmt) {
    case DYAD_OUT_JSON: write_json(c, b); break;
    case DYAD_OUT_EVAL: write_eval(c, b); break;
    case DYAD_OUT_TSV: write_tsv(c, b, c->url, c->source); break;
    case DYAD_OUT_EXPLAIN:
        dy_buf_printf(b, "document %s, story date %s\n", c->id, c->story_str);
        for (size_t i = 0; i < c->doc.ndebris; i++) {
            const dy_range *r = &c->doc.debris[i];
            dy_buf_printf(b, "  debris (%s): ", dy_debris_name(r->kind));
            size_t n = r->end - r->beg;
            dy_buf_put(b, c->doc.text + r->beg, n > 100 ? 100 : n);
            dy_buf_puts(b, n > 100 ? "...\n" : "\n");
        }
        dy_buf_put(b, c->explain.p ? c->explain.p : "", c->explain.len);
        break;
    }
    if (c->opts.profile) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        c->prof[ST_OUTPUT] += (uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000000L +
                                         (t1.tv_nsec - t0.tv_nsec));
    }
    if (b->oom) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = b->len;
    return dy_buf_cstr(b);
}
