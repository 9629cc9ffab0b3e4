/* json.c - a strict, bounded JSON parser (RFC 8259) into arena nodes. */
#include "json.h"

#include <stdio.h>

typedef struct jp {
    const char *s;
    size_t n, i;
    dy_arena *a;
    char *err;
    int depth;
} jp;

#define JSON_MAX_DEPTH 64

static dy_json *fail(jp *p, const char *why)
{
    if (!p->err[0])
        snprintf(p->err, 160, "column %zu: %s", p->i + 1, why);
    return NULL;
}

static void ws(jp *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                           p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static int hex4(const char *s, uint32_t *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return -1;
        *v = *v * 16 + d;
    }
    return 0;
}

/* Length of the run at s[0, n) of bytes a string holds as they are (not
 * '"', '\\' or a control character); eight bytes a step. */
static size_t plain_run(const char *s, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
        if (((v - ones * 0x20) | (q - ones) | (b - ones)) & ~v & high)
            break;
    }
    while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
        i++;
    return i;
}

/* Parse a string at p->i (on the opening quote). */
static const char *string(jp *p, size_t *len)
{
    p->i++;
    size_t start = p->i;
    /* fast path: no escapes */
    size_t k = start + plain_run(p->s + start, p->n - start);
    if (k < p->n && p->s[k] == '"') {
        char *o = dy_arena_strndup(p->a, p->s + start, k - start);
        if (!o)
            return (const char *)fail(p, "out of memory");
        *len = k - start;
        p->i = k + 1;
        return o;
    }
    /* slow path: the decoded string is never longer than the raw one, so
     * find its end first and allocate just that */
    size_t end = k;
    while (end < p->n && p->s[end] != '"') {
        if (p->s[end] == '\\' && end + 1 < p->n)
            end++;
        end++;
        end += plain_run(p->s + end, p->n - end);
    }
    char *o = dy_arena_alloc(p->a, end - start + 1);
    if (!o)
        return (const char *)fail(p, "out of memory");
    size_t m = 0;
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            o[m] = 0;
            *len = m;
            return o;
        }
        if (c < 0x20)
            return (const char *)fail(p, "control character in string");
        if (c != '\\') {
            size_t r = 1 + plain_run(p->s + p->i + 1, p->n - p->i - 1);
            memcpy(o + m, p->s + p->i, r);
            m += r;
            p->i += r;
            continue;
        }
        if (p->i + 1 >= p->n)
            break;
        char e = p->s[p->i + 1];
        p->i += 2;
        switch (e) {
        case '"': o[m++] = '"'; break;
        case '\\': o[m++] = '\\'; break;
        case '/': o[m++] = '/'; break;
        case 'b': o[m++] = '\b'; break;
        case 'f': o[m++] = '\f'; break;
        case 'n': o[m++] = '\n'; break;
        case 'r': o[m++] = '\r'; break;
        case 't': o[m++] = '\t'; break;
        case 'u': {
            uint32_t v;
            if (p->i + 4 > p->n || hex4(p->s + p->i, &v))
                return (const char *)fail(p, "bad \\u escape");
            p->i += 4;
            if (v >= 0xD800 && v <= 0xDBFF) {
                uint32_t lo;
                if (p->i + 6 <= p->n && p->s[p->i] == '\\' &&
                    p->s[p->i + 1] == 'u' && !hex4(p->s + p->i + 2, &lo) &&
                    lo >= 0xDC00 && lo <= 0xDFFF) {
                    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    p->i += 6;
                } else {
                    v = 0xFFFD;
                }
            } else if (v >= 0xDC00 && v <= 0xDFFF) {
                v = 0xFFFD;
            }
            char u[4];
            int k2 = dy_utf8_encode(v, u);
            /* an escaped NUL becomes a space: texts are C strings */
            if (v == 0) {
                u[0] = ' ';
                k2 = 1;
            }
            memcpy(o + m, u, (size_t)k2);
            m += (size_t)k2;
            break;
        }
        default:
            p->i -= 2; /* point at the backslash */
            return (const char *)fail(p, "bad escape in string");
        }
    }
    return (const char *)fail(p, "unterminated string");
}

static dy_json *node(jp *p, int type)
{
    dy_json *j = dy_arena_calloc(p->a, sizeof *j);
    if (!j)
        return fail(p, "out of memory");
    j->type = (uint8_t)type;
    return j;
}

static dy_json *value(jp *p);

static dy_json *container(jp *p, bool obj)
{
    if (++p->depth > JSON_MAX_DEPTH)
        return fail(p, "nested too deeply");
    dy_json *j = node(p, obj ? JS_OBJ : JS_ARR);
    if (!j)
        return NULL;
    p->i++;
    ws(p);
    dy_json **tail = &j->child;
    char close = obj ? '}' : ']';
    if (p->i < p->n && p->s[p->i] == close) {
        p->i++;
        p->depth--;
        return j;
    }
    for (;;) {
        const char *key = NULL;
        size_t kl = 0;
        if (obj) {
            ws(p);
            if (p->i >= p->n || p->s[p->i] != '"')
                return fail(p, "expected a member name");
            key = string(p, &kl);
            if (!key)
                return NULL;
            ws(p);
            if (p->i >= p->n || p->s[p->i] != ':')
                return fail(p, "expected ':'");
            p->i++;
        }
        dy_json *v = value(p);
        if (!v)
            return NULL;
        v->key = key;
        v->keylen = kl;
        *tail = v;
        tail = &v->next;
        j->n++;
        ws(p);
        if (p->i >= p->n)
            return fail(p, obj ? "unterminated object" : "unterminated array");
        if (p->s[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->s[p->i] == close) {
            p->i++;
            p->depth--;
            return j;
        }
        return fail(p, obj ? "expected ',' or '}'" : "expected ',' or ']'");
    }
}

static dy_json *value(jp *p)
{
    ws(p);
    if (p->i >= p->n)
        return fail(p, "unexpected end of input");
    char c = p->s[p->i];
    if (c == '{')
        return container(p, true);
    if (c == '[')
        return container(p, false);
    if (c == '"') {
        dy_json *j = node(p, JS_STR);
        if (!j)
            return NULL;
        j->s = string(p, &j->n);
        return j->s ? j : NULL;
    }
    if (c == 't' && p->n - p->i >= 4 && memcmp(p->s + p->i, "true", 4) == 0) {
        p->i += 4;
        return node(p, JS_TRUE);
    }
    if (c == 'f' && p->n - p->i >= 5 && memcmp(p->s + p->i, "false", 5) == 0) {
        p->i += 5;
        return node(p, JS_FALSE);
    }
    if (c == 'n' && p->n - p->i >= 4 && memcmp(p->s + p->i, "null", 4) == 0) {
        p->i += 4;
        return node(p, JS_NULL);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
        size_t st = p->i;
#define DIGIT(i) ((i) < p->n && p->s[i] >= '0' && p->s[i] <= '9')
        if (p->s[p->i] == '-')
            p->i++;
        if (!DIGIT(p->i))
            return fail(p, "bad number");
        if (p->s[p->i] == '0') {
            p->i++;
            if (DIGIT(p->i))
                return fail(p, "bad number (leading zero)");
        } else {
            while (DIGIT(p->i))
                p->i++;
        }
        if (p->i < p->n && p->s[p->i] == '.') {
            p->i++;
            if (!DIGIT(p->i))
                return fail(p, "bad number (digits must follow '.')");
            while (DIGIT(p->i))
                p->i++;
        }
        if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
            p->i++;
            if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
                p->i++;
            if (!DIGIT(p->i))
                return fail(p, "bad number (exponent)");
            while (DIGIT(p->i))
                p->i++;
        }
#undef DIGIT
        dy_json *j = node(p, JS_NUM);
        if (!j)
            return NULL;
        j->s = dy_arena_strndup(p->a, p->s + st, p->i - st);
        j->n = p->i - st;
        return j->s ? j : fail(p, "out of memory");
    }
    return fail(p, "unexpected character");
}

dy_json *dy_json_parse(const char *s, size_t n, dy_arena *arena, char *err)
{
    jp p = {s, n, 0, arena, err, 0};
    err[0] = 0;
    dy_json *v = value(&p);
    if (!v)
        return NULL;
    ws(&p);
    if (p.i != n) {
        fail(&p, "trailing characters after the value");
        return NULL;
    }
    return v;
}

const dy_json *dy_json_get(const dy_json *obj, const char *key)
{
    if (!obj || obj->type != JS_OBJ)
        return NULL;
    size_t kl = strlen(key);
    for (const dy_json *c = obj->child; c; c = c->next)
        if (c->keylen == kl && memcmp(c->key, key, kl) == 0)
            return c;
    return NULL;
}

const char *dy_json_str(const dy_json *obj, const char *key, size_t *len)
{
    const dy_json *v = dy_json_get(obj, key);
    if (!v || v->type != JS_STR)
        return NULL;
    if (len)
        *len = v->n;
    return v->s;
}
