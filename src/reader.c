/* reader.c - streaming readers of input records: plain text (one article),
 * JSON lines ({"id","date","text",...}) and PETRARCH XML (<Sentence>).
 * Memory is bounded by the largest record allowed, whatever the input
 * size; a bad record is reported with its line and skipped. */
#include "json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_MAX_RECORD (16u << 20)

struct dyad_reader {
    FILE *f;
    int own;                /* close f at the end                          */
    char *name;
    dyad_input_format fmt;
    size_t max;
    dy_err err;
    /* input buffer */
    char *buf;
    size_t len, pos, cap;
    int eof;
    long line;              /* lines consumed so far                        */
    long records;
    dy_arena arena;         /* per-record strings                           */
    dy_buf rec;             /* the current line / element                  */
    int done;
};

static int fill(dyad_reader *r)
{
    if (r->eof)
        return 0;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->len == r->cap)
        return 0;
    size_t k = fread(r->buf + r->len, 1, r->cap - r->len, r->f);
    if (k == 0) {
        if (ferror(r->f))
            return -1;
        r->eof = 1;
    }
    r->len += k;
    return (int)(k > 0);
}

dyad_status dyad_reader_open(dyad_reader **out, const char *path,
                             dyad_input_format fmt, size_t max_record)
{
    if (!out || !path)
        return DYAD_EINVAL;
    *out = NULL;
    dyad_reader *r = dy_calloc(1, sizeof *r);
    if (!r)
        return DYAD_ENOMEM;
    r->max = max_record ? max_record : DEFAULT_MAX_RECORD;
    r->cap = 1 << 16;
    r->buf = dy_malloc(r->cap);
    r->name = dy_strdup(strcmp(path, "-") == 0 ? "<stdin>" : path);
    dy_arena_init(&r->arena, 1 << 16);
    dy_buf_init(&r->rec);
    if (!r->buf || !r->name) {
        dyad_reader_free(r);
        return DYAD_ENOMEM;
    }
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
    } else {
        r->f = fopen(path, "rb");
        r->own = 1;
        if (!r->f) {
            dy_fail(&r->err, DYAD_EIO, "%s: cannot open: %s", path,
                    strerror(errno));
            *out = r;
            r->done = 1;
            return DYAD_EIO;
        }
    }
    if (fill(r) < 0) {
        *out = r;
        r->done = 1;
        return (dyad_status)dy_fail(&r->err, DYAD_EIO, "%s: read error",
                                    r->name);
    }
    if (fmt == DYAD_IN_AUTO) {
        size_t i = 0;
        /* skip a UTF-8 byte-order mark and white space */
        if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
            i = 3;
        while (i < r->len && (r->buf[i] == ' ' || r->buf[i] == '\n' ||
                              r->buf[i] == '\r' || r->buf[i] == '\t'))
            i++;
        if (i < r->len && r->buf[i] == '{')
            fmt = DYAD_IN_JSONL;
        else if (i < r->len && r->buf[i] == '<' &&
                 (memmem(r->buf, r->len, "<Sentence", 9) ||
                  memmem(r->buf, r->len, "<?xml", 5)))
            fmt = DYAD_IN_PETRXML;
        else
            fmt = DYAD_IN_TEXT;
    }
    r->fmt = fmt;
    *out = r;
    return DYAD_OK;
}

void dyad_reader_free(dyad_reader *r)
{
    if (!r)
        return;
    if (r->own && r->f)
        fclose(r->f);
    dy_free(r->buf);
    dy_free(r->name);
    dy_arena_free(&r->arena);
    dy_buf_free(&r->rec);
    dy_free(r);
}

const char *dyad_reader_errmsg(const dyad_reader *r)
{
    return r ? r->err.msg : "no reader";
}

/* Read one line into r->rec (without the newline). Returns 1 = line,
 * 0 = end, -1 = read error, -2 = line too long (skipped). */
static int read_line(dyad_reader *r)
{
    dy_buf_clear(&r->rec);
    bool toolong = false, any = false;
    for (;;) {
        if (r->pos >= r->len) {
            int k = fill(r);
            if (k < 0)
                return -1;
            if (r->pos >= r->len) {
                if (!any)
                    return 0;
                r->line++;
                return toolong ? -2 : 1;
            }
        }
        any = true;
        char *nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
        size_t end = nl ? (size_t)(nl - r->buf) : r->len;
        if (!toolong) {
            if (r->rec.len + (end - r->pos) > r->max) {
                toolong = true;
                dy_buf_clear(&r->rec);
            } else {
                dy_buf_put(&r->rec, r->buf + r->pos, end - r->pos);
                if (r->rec.oom)
                    return -3;
            }
        }
        r->pos = end;
        if (nl) {
            r->pos++;
            r->line++;
            return toolong ? -2 : 1;
        }
    }
}

static dyad_status next_text(dyad_reader *r, dyad_input *rec)
{
    if (r->records > 0)
        return DYAD_END;
    dy_buf_clear(&r->rec);
    bool toolong = false;
    for (;;) {
        if (r->pos < r->len) {
            if (r->rec.len + (r->len - r->pos) > r->max)
                toolong = true;
            if (!toolong)
                dy_buf_put(&r->rec, r->buf + r->pos, r->len - r->pos);
            r->pos = r->len;
        }
        int k = fill(r);
        if (k < 0)
            return (dyad_status)dy_fail(&r->err, DYAD_EIO, "%s: read error",
                                        r->name);
        if (r->pos >= r->len && r->eof)
            break;
    }
    r->records++;
    if (toolong)
        return (dyad_status)dy_fail(&r->err, DYAD_ELIMIT,
                                    "%s: article larger than %zu bytes: "
                                    "skipped",
                                    r->name, r->max);
    if (r->rec.oom)
        return (dyad_status)dy_fail(&r->err, DYAD_ENOMEM, "out of memory");
    memset(rec, 0, sizeof *rec);
    rec->text = r->rec.p ? r->rec.p : "";
    rec->text_len = r->rec.len;
    rec->line = 1;
    /* the id is the file name without folders */
    const char *base = strrchr(r->name, '/');
    rec->id = base ? base + 1 : r->name;
    return DYAD_OK;
}

static dyad_status next_jsonl(dyad_reader *r, dyad_input *rec)
{
    for (;;) {
        int k = read_line(r);
        if (k == 0)
            return DYAD_END;
        if (k == -1)
            return (dyad_status)dy_fail(&r->err, DYAD_EIO, "%s: read error",
                                        r->name);
        if (k == -3)
            return (dyad_status)dy_fail(&r->err, DYAD_ENOMEM, "out of memory");
        if (k == -2)
            return (dyad_status)dy_fail(&r->err, DYAD_ELIMIT,
                                        "%s:%ld: record longer than %zu bytes: "
                                        "skipped",
                                        r->name, r->line, r->max);
        /* a UTF-8 byte-order mark before the first record */
        if (r->records == 0 && r->rec.len >= 3 &&
            memcmp(r->rec.p, "\xEF\xBB\xBF", 3) == 0) {
            memmove(r->rec.p, r->rec.p + 3, r->rec.len - 3);
            r->rec.len -= 3;
        }
        /* skip blank lines */
        size_t i = 0;
        while (i < r->rec.len && (r->rec.p[i] == ' ' || r->rec.p[i] == '\t' ||
                                  r->rec.p[i] == '\r'))
            i++;
        if (i == r->rec.len)
            continue;
        dy_arena_reset(&r->arena);
        char emsg[160];
        size_t n = r->rec.len;
        while (n > 0 && r->rec.p[n - 1] == '\r')
            n--;
        dy_json *j = dy_json_parse(r->rec.p, n, &r->arena, emsg);
        r->records++;
        if (!j)
            return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                        "%s:%ld: bad JSON (%s): record skipped",
                                        r->name, r->line, emsg);
        if (j->type != JS_OBJ)
            return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                        "%s:%ld: record is not a JSON object: "
                                        "skipped",
                                        r->name, r->line);
        memset(rec, 0, sizeof *rec);
        size_t tl = 0;
        rec->text = dy_json_str(j, "text", &tl);
        if (!rec->text)
            rec->text = dy_json_str(j, "event_text", &tl);
        if (!rec->text)
            return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                        "%s:%ld: record has no \"text\" string: "
                                        "skipped",
                                        r->name, r->line);
        rec->text_len = tl;
        const dy_json *id = dy_json_get(j, "id");
        if (id && id->type == JS_STR)
            rec->id = id->s;
        else if (id && id->type == JS_NUM)
            rec->id = id->s;
        const dy_json *date = dy_json_get(j, "date");
        if (!date)
            date = dy_json_get(j, "pub_date");
        if (date && date->type == JS_STR && date->n >= 10) {
            int32_t dd;
            if (dy_parse_date(date->s, 10, &dd))
                return (dyad_status)dy_fail(
                    &r->err, DYAD_EINPUT,
                    "%s:%ld: bad \"date\" '%s' (want YYYY-MM-DD): record "
                    "skipped",
                    r->name, r->line, date->s);
            ((char *)(uintptr_t)date->s)[10] = 0;
            rec->date = date->s;
        } else if (date && date->type != JS_NULL) {
            return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                        "%s:%ld: bad \"date\" (want "
                                        "\"YYYY-MM-DD\"): record skipped",
                                        r->name, r->line);
        }
        rec->source = dy_json_str(j, "source", NULL);
        rec->url = dy_json_str(j, "url", NULL);
        rec->title = dy_json_str(j, "title", NULL);
        rec->line = r->line;
        return DYAD_OK;
    }
}

/* ---- PETRARCH XML ---------------------------------------------------------- */

/* Decode XML entities of s[0..n) into the arena. */
static char *xml_text(dy_arena *a, const char *s, size_t n, size_t *out_len)
{
    char *o = dy_arena_alloc(a, n + 1);
    if (!o)
        return NULL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '&') {
            o[m++] = s[i];
            continue;
        }
        static const struct {
            const char *e;
            char c;
        } ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
                    {"&quot;", '"'}, {"&apos;", '\''}};
        bool done = false;
        for (size_t k = 0; k < DY_ARRAY_LEN(ents) && !done; k++) {
            size_t l = strlen(ents[k].e);
            if (n - i >= l && memcmp(s + i, ents[k].e, l) == 0) {
                o[m++] = ents[k].c;
                i += l - 1;
                done = true;
            }
        }
        if (!done && n - i > 3 && s[i + 1] == '#') {
            size_t j = i + 2;
            uint32_t v = 0;
            bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
            if (hex)
                j++;
            size_t st = j;
            while (j < n && j - st < 8 &&
                   ((s[j] >= '0' && s[j] <= '9') ||
                    (hex && ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'f')))) {
                unsigned dgt = s[j] <= '9' ? (unsigned)(s[j] - '0')
                                           : (unsigned)((s[j] | 32) - 'a' + 10);
                v = v * (hex ? 16 : 10) + dgt;
                j++;
            }
            if (j < n && s[j] == ';' && j > st && v > 0 && v <= 0x10FFFF &&
                !(v >= 0xD800 && v <= 0xDFFF)) {
                char u[4];
                int k = dy_utf8_encode(v, u);
                memcpy(o + m, u, (size_t)k);
                m += (size_t)k;
                i = j;
                done = true;
            }
        }
        if (!done)
            o[m++] = '&';
    }
    o[m] = 0;
    *out_len = m;
    return o;
}

/* Value of attribute `name` in the tag text [s, e). */
static const char *xml_attr(dy_arena *a, const char *s, const char *e,
                            const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = s; p + nl + 2 < e; p++) {
        if (!((p == s || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
              memcmp(p, name, nl) == 0))
            continue;
        /* name = "value", spaces allowed around '=' (PETRARCH writes them) */
        const char *q0 = p + nl;
        while (q0 < e && (*q0 == ' ' || *q0 == '\t'))
            q0++;
        if (q0 >= e || *q0 != '=')
            continue;
        q0++;
        while (q0 < e && (*q0 == ' ' || *q0 == '\t'))
            q0++;
        if (q0 < e && (*q0 == '"' || *q0 == '\'')) {
            char q = *q0;
            const char *v = q0 + 1, *w = v;
            while (w < e && *w != q)
                w++;
            size_t len;
            return xml_text(a, v, (size_t)(w - v), &len);
        }
    }
    return NULL;
}

/* Move the next chunk of input into r->rec. Returns 1 if bytes were
 * added, 0 at the end, -1 on a read error. */
static int pull(dyad_reader *r)
{
    if (r->pos >= r->len) {
        int k = fill(r);
        if (k < 0)
            return -1;
        if (r->pos >= r->len)
            return 0;
    }
    dy_buf_put(&r->rec, r->buf + r->pos, r->len - r->pos);
    r->pos = r->len;
    return r->rec.oom ? -1 : 1;
}

/* Drop the first n bytes of r->rec, counting their lines. */
static void consume(dyad_reader *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (r->rec.p[i] == '\n')
            r->line++;
    memmove(r->rec.p, r->rec.p + n, r->rec.len - n);
    r->rec.len -= n;
}

/* Position of the next "<Sentence" tag (followed by space or '>') in rec
 * from `from`, or SIZE_MAX. */
static size_t find_open(const dy_buf *b, size_t from)
{
    for (size_t i = from; i + 10 <= b->len; i++) {
        const char *q = memmem(b->p + i, b->len - i, "<Sentence", 9);
        if (!q)
            return SIZE_MAX;
        size_t at = (size_t)(q - b->p);
        if (at + 9 >= b->len)
            return SIZE_MAX;
        char c = b->p[at + 9];
        if (c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r')
            return at;
        i = at;
    }
    return SIZE_MAX;
}

/* Streaming PETRARCH XML: elements may share a line or span many; the
 * buffer never holds more than one element of at most r->max bytes. */
static dyad_status next_xml(dyad_reader *r, dyad_input *rec)
{
    for (;;) {
        /* find the start of the next element */
        size_t s0;
        while ((s0 = find_open(&r->rec, 0)) == SIZE_MAX) {
            /* keep a tail that may hold a split "<Sentence" */
            if (r->rec.len > 16)
                consume(r, r->rec.len - 16);
            int k = pull(r);
            if (k < 0)
                return (dyad_status)dy_fail(&r->err, DYAD_EIO, "%s: read error",
                                            r->name);
            if (k == 0)
                return DYAD_END;
        }
        consume(r, s0);
        long start_line = r->line + 1;
        /* find its end, reading on; too long: skip to the end tag */
        size_t e0;
        bool toolong = false;
        const char *q;
        while (!(q = r->rec.len > 9 ? memmem(r->rec.p + 9, r->rec.len - 9,
                                             "</Sentence>", 11)
                                    : NULL)) {
            if (r->rec.len > r->max) {
                toolong = true;
                /* keep only a tail that may hold a split end tag */
                consume(r, r->rec.len - 16);
            }
            int k = pull(r);
            if (k < 0)
                return (dyad_status)dy_fail(&r->err, DYAD_EIO, "%s: read error",
                                            r->name);
            if (k == 0) {
                consume(r, r->rec.len);
                return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                            "%s:%ld: <Sentence> not closed "
                                            "before the end",
                                            r->name, start_line);
            }
        }
        e0 = (size_t)(q - r->rec.p) + 11;
        r->records++;
        if (toolong || e0 > r->max) {
            consume(r, e0);
            return (dyad_status)dy_fail(&r->err, DYAD_ELIMIT,
                                        "%s:%ld: <Sentence> larger than %zu "
                                        "bytes: skipped",
                                        r->name, start_line, r->max);
        }
        dy_arena_reset(&r->arena);
        /* copy the element out, then drop it from the buffer */
        char *el = dy_arena_strndup(&r->arena, r->rec.p, e0);
        if (!el)
            return (dyad_status)dy_fail(&r->err, DYAD_ENOMEM, "out of memory");
        consume(r, e0);
        size_t en = e0;
        const char *tag_end = memchr(el, '>', en);
        if (!tag_end)
            return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                        "%s:%ld: malformed <Sentence> tag",
                                        r->name, start_line);
        memset(rec, 0, sizeof *rec);
        rec->id = xml_attr(&r->arena, el, tag_end, "id");
        const char *date = xml_attr(&r->arena, el, tag_end, "date");
        if (date) {
            /* PETRARCH dates are YYYYMMDD */
            size_t dl = strlen(date);
            char *iso = dy_arena_alloc(&r->arena, 11);
            int32_t dd;
            if (dl == 8 && iso) {
                snprintf(iso, 11, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
                if (dy_parse_date(iso, 10, &dd) == 0)
                    rec->date = iso;
            } else if (dl == 10 && dy_parse_date(date, 10, &dd) == 0) {
                rec->date = date;
            }
            if (!rec->date)
                return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                            "%s:%ld: bad date \"%s\" (want "
                                            "YYYYMMDD): record skipped",
                                            r->name, start_line, date);
        }
        const char *ts = memmem(el, en, "<Text>", 6);
        const char *te = ts ? memmem(ts, en - (size_t)(ts - el), "</Text>", 7)
                            : NULL;
        if (!ts || !te)
            return (dyad_status)dy_fail(&r->err, DYAD_EINPUT,
                                        "%s:%ld: <Sentence> without "
                                        "<Text>...</Text>: skipped",
                                        r->name, start_line);
        size_t tl;
        char *text = xml_text(&r->arena, ts + 6, (size_t)(te - ts - 6), &tl);
        if (!text)
            return (dyad_status)dy_fail(&r->err, DYAD_ENOMEM, "out of memory");
        /* PETRARCH texts are wrapped: collapse white space */
        size_t m = 0;
        bool space = true;
        for (size_t i = 0; i < tl; i++) {
            char c = text[i];
            if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
                if (!space)
                    text[m++] = ' ';
                space = true;
            } else {
                text[m++] = c;
                space = false;
            }
        }
        while (m > 0 && text[m - 1] == ' ')
            m--;
        text[m] = 0;
        rec->text = text;
        rec->text_len = m;
        rec->line = start_line;
        return DYAD_OK;
    }
}

dyad_status dyad_reader_next(dyad_reader *r, dyad_input *rec)
{
    if (!r || !rec)
        return DYAD_EINVAL;
    if (r->done)
        return r->err.code == DYAD_EIO ? DYAD_EIO : DYAD_END;
    dy_err_clear(&r->err);
    dyad_status s;
    switch (r->fmt) {
    case DYAD_IN_JSONL: s = next_jsonl(r, rec); break;
    case DYAD_IN_PETRXML: s = next_xml(r, rec); break;
    default: s = next_text(r, rec); break;
    }
    if (s == DYAD_EIO || s == DYAD_ENOMEM)
        r->done = 1;
    return s;
}
