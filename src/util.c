/* util.c - errors, allocation, arenas, buffers, hashing, interning, UTF-8
 * and calendar helpers used by every module. */
#include "dy.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ---- errors --------------------------------------------------------- */

int dy_fail(dy_err *e, int code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
        e->code = code;
    }
    return code;
}

void dy_err_clear(dy_err *e)
{
    e->code = 0;
    e->msg[0] = 0;
}

const char *dyad_strerror(int status)
{
    switch (status) {
    case DYAD_OK: return "DYAD_OK: success";
    case DYAD_END: return "DYAD_END: end of input";
    case DYAD_EINVAL: return "DYAD_EINVAL: invalid argument";
    case DYAD_ENOMEM: return "DYAD_ENOMEM: out of memory";
    case DYAD_EIO: return "DYAD_EIO: input/output error";
    case DYAD_EDICT: return "DYAD_EDICT: malformed dictionary";
    case DYAD_EINPUT: return "DYAD_EINPUT: malformed input record";
    case DYAD_ELIMIT: return "DYAD_ELIMIT: input exceeds a limit";
    case DYAD_EGOLD: return "DYAD_EGOLD: malformed gold record";
    default: return "unknown status";
    }
}

const char *dyad_version(void) { return DYAD_VERSION; }

/* ---- memory --------------------------------------------------------- */

static long fault_countdown = -1;

void dy_fault_after(long n) { fault_countdown = n; }

static int fault_now(void)
{
    if (DY_LIKELY(fault_countdown < 0))
        return 0;
    if (fault_countdown == 0)
        return 1;
    fault_countdown--;
    return 0;
}

void *dy_malloc(size_t n)
{
    if (fault_now())
        return NULL;
    return malloc(n ? n : 1);
}

void *dy_calloc(size_t n, size_t size)
{
    if (fault_now())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *dy_realloc(void *p, size_t n)
{
    if (fault_now())
        return NULL;
    return realloc(p, n ? n : 1);
}

void dy_free(void *p) { free(p); }

char *dy_strndup(const char *s, size_t n)
{
    char *p = dy_malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

char *dy_strdup(const char *s) { return s ? dy_strndup(s, strlen(s)) : NULL; }

int dy_grow(void **arr, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 8;
    while (nc < need)
        nc *= 2;
    if (nc > SIZE_MAX / sz)
        return DYAD_ENOMEM;
    void *p = dy_realloc(*arr, nc * sz);
    if (!p)
        return DYAD_ENOMEM;
    *arr = p;
    *cap = nc;
    return 0;
}

/* ---- arena ---------------------------------------------------------- */

struct dy_arena_chunk {
    dy_arena_chunk *next;
    size_t size;
    max_align_t data[];
};

void dy_arena_init(dy_arena *a, size_t chunk_size)
{
    a->head = NULL;
    a->used = 0;
    a->chunk_size = chunk_size ? chunk_size : 65536;
    a->total = 0;
}

void *dy_arena_alloc(dy_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (!a->head || a->used + n > a->head->size) {
        size_t sz = n > a->chunk_size / 4 ? n : a->chunk_size;
        /* a big request gets its own chunk behind the current one, so the
         * space left in the current chunk is not lost */
        dy_arena_chunk *c = dy_malloc(sizeof *c + sz);
        if (!c)
            return NULL;
        c->size = sz;
        a->total += sz;
        if (sz != a->chunk_size && a->head) {
            c->next = a->head->next;
            a->head->next = c;
            return c->data;
        }
        c->next = a->head;
        a->head = c;
        a->used = 0;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += n;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t n)
{
    void *p = dy_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

void dy_arena_reset(dy_arena *a)
{
    /* keep the most recently added regular-size chunk */
    dy_arena_chunk *keep = NULL, *c = a->head, *next;
    while (c) {
        next = c->next;
        if (!keep && c->size == a->chunk_size) {
            keep = c;
        } else {
            a->total -= c->size;
            dy_free(c);
        }
        c = next;
    }
    if (keep)
        keep->next = NULL;
    a->head = keep;
    a->used = 0;
}

void dy_arena_free(dy_arena *a)
{
    dy_arena_chunk *c = a->head, *next;
    while (c) {
        next = c->next;
        dy_free(c);
        c = next;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

/* ---- buffer --------------------------------------------------------- */

void dy_buf_init(dy_buf *b) { memset(b, 0, sizeof *b); }

void dy_buf_free(dy_buf *b)
{
    dy_free(b->p);
    memset(b, 0, sizeof *b);
}

void dy_buf_clear(dy_buf *b)
{
    b->len = 0;
    b->oom = 0;
}

int dy_buf_grow(dy_buf *b, size_t extra)
{
    if (b->oom)
        return DYAD_ENOMEM;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t nc = b->cap ? b->cap : 256;
    while (nc < b->len + extra + 1)
        nc *= 2;
    char *p = dy_realloc(b->p, nc);
    if (!p) {
        b->oom = 1;
        return DYAD_ENOMEM;
    }
    b->p = p;
    b->cap = nc;
    return 0;
}

void dy_buf_puts(dy_buf *b, const char *s) { dy_buf_put(b, s, strlen(s)); }

void dy_buf_printf(dy_buf *b, const char *fmt, ...)
{
    va_list ap;
    char tmp[256];
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        dy_buf_put(b, tmp, (size_t)n);
        return;
    }
    if (dy_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the run of bytes at u[0, n) that a JSON string takes as they
 * are: printable ASCII other than '"' and '\\'. Eight bytes a step. */
static size_t json_plain_run(const unsigned char *u, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, u + i, 8);
        uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
        /* a byte below 0x20, '"', '\\', or with the high bit set */
        uint64_t bad = ((v - ones * 0x20) | (q - ones) | (bs - ones) | v) & high;
        if (bad)
            break;
    }
    while (i < n && u[i] >= 0x20 && u[i] < 0x80 && u[i] != '"' && u[i] != '\\')
        i++;
    return i;
}

void dy_buf_json_str(dy_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (dy_buf_reserve(b, n + 2))
        return;
    b->p[b->len++] = '"';
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            /* copy a run of plain ASCII at once */
            size_t j = i + json_plain_run(u + i, n - i);
            dy_buf_put(b, s + i, j - i);
            i = j;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
            case '"': dy_buf_put(b, "\\\"", 2); break;
            case '\\': dy_buf_put(b, "\\\\", 2); break;
            case '\n': dy_buf_put(b, "\\n", 2); break;
            case '\t': dy_buf_put(b, "\\t", 2); break;
            case '\r': dy_buf_put(b, "\\r", 2); break;
            default: {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                dy_buf_put(b, e, 6);
            }
            }
            i++;
            continue;
        }
        int k = dy_utf8_valid_at(u + i, n - i);
        if (k) {
            dy_buf_put(b, s + i, (size_t)k);
            i += (size_t)k;
        } else {
            dy_buf_put(b, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    dy_buf_putc(b, '"');
}

const char *dy_buf_cstr(dy_buf *b)
{
    if (dy_buf_reserve(b, 0) || !b->p)
        return "";
    b->p[b->len] = 0;
    return b->p;
}

/* ---- hashing -------------------------------------------------------- */

/* ---- string table --------------------------------------------------- */

int dy_strtab_init(dy_strtab *t)
{
    memset(t, 0, sizeof *t);
    dy_arena_init(&t->arena, 1 << 16);
    t->mask = 1023;
    t->slots = dy_calloc(t->mask + 1, sizeof *t->slots);
    if (!t->slots)
        return DYAD_ENOMEM;
    if (DY_GROW(t->str, t->cap, 64) )
        return DYAD_ENOMEM;
    t->len = dy_malloc(t->cap * sizeof *t->len);
    t->hash = dy_malloc(t->cap * sizeof *t->hash);
    if (!t->len || !t->hash)
        return DYAD_ENOMEM;
    t->str[0] = "";
    t->len[0] = 0;
    t->hash[0] = 0;
    return 0;
}

void dy_strtab_free(dy_strtab *t)
{
    dy_free(t->slots);
    dy_free(t->str);
    dy_free(t->len);
    dy_free(t->hash);
    dy_arena_free(&t->arena);
    memset(t, 0, sizeof *t);
}

uint32_t dy_strtab_find_h(const dy_strtab *t, const char *s, size_t n,
                          uint64_t h)
{
    uint32_t i = (uint32_t)h & t->mask;
    for (;;) {
        uint32_t id = t->slots[i];
        if (!id)
            return 0;
        if (t->hash[id] == h && t->len[id] == n &&
            memcmp(t->str[id], s, n) == 0)
            return id;
        i = (i + 1) & t->mask;
    }
}

uint32_t dy_strtab_find(const dy_strtab *t, const char *s, size_t n)
{
    if (!t->slots)
        return 0;
    return dy_strtab_find_h(t, s, n, dy_hash(s, n));
}

static int strtab_rehash(dy_strtab *t)
{
    uint32_t nmask = t->mask * 2 + 1;
    uint32_t *ns = dy_calloc((size_t)nmask + 1, sizeof *ns);
    if (!ns)
        return DYAD_ENOMEM;
    for (uint32_t id = 1; id <= t->n; id++) {
        uint32_t i = (uint32_t)t->hash[id] & nmask;
        while (ns[i])
            i = (i + 1) & nmask;
        ns[i] = id;
    }
    dy_free(t->slots);
    t->slots = ns;
    t->mask = nmask;
    return 0;
}

uint32_t dy_strtab_intern(dy_strtab *t, const char *s, size_t n)
{
    uint64_t h = dy_hash(s, n);
    uint32_t id = dy_strtab_find_h(t, s, n, h);
    if (id)
        return id;
    if ((t->n + 1) * 2 > t->mask && strtab_rehash(t))
        return 0;
    if (t->n + 2 > t->cap) {
        size_t oc = t->cap;
        if (DY_GROW(t->str, t->cap, t->n + 2))
            return 0;
        size_t c2 = oc, c3 = oc;
        if (dy_grow((void **)&t->len, &c2, t->cap, sizeof *t->len) ||
            dy_grow((void **)&t->hash, &c3, t->cap, sizeof *t->hash))
            return 0;
    }
    char *p = dy_arena_strndup(&t->arena, s, n);
    if (!p)
        return 0;
    id = ++t->n;
    t->str[id] = p;
    t->len[id] = (uint32_t)n;
    t->hash[id] = h;
    uint32_t i = (uint32_t)h & t->mask;
    while (t->slots[i])
        i = (i + 1) & t->mask;
    t->slots[i] = id;
    return id;
}

/* ---- UTF-8 ---------------------------------------------------------- */

int dy_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) |
                     (s[2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
                     ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        if (v < 0x10000 || v > 0x10FFFF)
            return 0;
        *cp = v;
        return 4;
    }
    return 0;
}

int dy_utf8_valid_at(const unsigned char *s, size_t n)
{
    uint32_t cp;
    return dy_utf8_decode(s, n, &cp);
}

int dy_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* qsort that accepts an empty (possibly NULL) array. */
void dy_qsort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* ---- calendar ------------------------------------------------------- */

/* Howard Hinnant's days_from_civil. */
int32_t dy_days_from_ymd(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void dy_ymd_from_days(int32_t days, int *y, int *m, int *d)
{
    /* 64-bit: defined for every int32_t (open role bounds are INT32_MIN
     * and INT32_MAX); years beyond int are clamped */
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    yy += *m <= 2;
    *y = yy > INT_MAX ? INT_MAX : yy < INT_MIN ? INT_MIN : (int)yy;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int dy_parse_date(const char *s, size_t n, int32_t *days)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int v[8], k = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v[k++] = s[i] - '0';
    }
    int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *days = dy_days_from_ymd(y, m, d);
    return 0;
}

void dy_format_date(int32_t days, char out[11])
{
    int y, m, d;
    dy_ymd_from_days(days, &y, &m, &d);
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u,
             dd = (unsigned)d % 100u;
    out[0] = (char)('0' + yy / 1000);
    out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10);
    out[3] = (char)('0' + yy % 10);
    out[4] = '-';
    out[5] = (char)('0' + mm / 10);
    out[6] = (char)('0' + mm % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = 0;
}

int32_t dy_today(void)
{
    time_t t = time(NULL);
    return (int32_t)(t / 86400);
}

int dy_weekday(int32_t days)
{
    /* 1970-01-01 was a Thursday (3) */
    int w = (int)((days % 7 + 7) % 7);
    return (w + 3) % 7;
}

void dy_code_join(char out[32], const char *a, size_t alen, const char *b)
{
    /* the lengths are counted only up to their caps (codes are short):
     * min(strlen(a), alen or 31, 31), then min(strlen(b), 31 - la), b
     * read after a is moved, as before */
    size_t cap = alen && alen < 31 ? alen : 31;
    size_t la = 0;
    while (la < cap && a[la])
        la++;
    memmove(out, a, la);
    size_t lb = 0;
    while (lb < 31 - la && b[lb])
        lb++;
    memmove(out + la, b, lb);
    out[la + lb] = 0;
}

/* ---- tags ----------------------------------------------------------- */

static const char *const tag_names[T_COUNT] = {
    "?", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
    "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR",
    "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", "-LRB-", "-RRB-", ",", ".", "``", "''", ":",
    "$"};

const char *dy_tag_name(int tag)
{
    return tag >= 0 && tag < T_COUNT ? tag_names[tag] : "?";
}

int dy_tag_from_lingua(const char *s, size_t n)
{
    static const struct {
        const char *name;
        int tag;
    } map[] = {
        {"cc", T_CC},     {"cd", T_CD},     {"det", T_DT},    {"ex", T_EX},
        {"fw", T_FW},     {"in", T_IN},     {"jj", T_JJ},     {"jjr", T_JJR},
        {"jjs", T_JJS},   {"ls", T_LS},     {"md", T_MD},     {"nn", T_NN},
        {"nnp", T_NNP},   {"nnps", T_NNPS}, {"nns", T_NNS},   {"pdt", T_PDT},
        {"pos", T_POS},   {"prp", T_PRP},   {"prps", T_PRPS}, {"rb", T_RB},
        {"rbr", T_RBR},   {"rbs", T_RBS},   {"rp", T_RP},     {"sym", T_SYM},
        {"to", T_TO},     {"uh", T_UH},     {"vb", T_VB},     {"vbd", T_VBD},
        {"vbg", T_VBG},   {"vbn", T_VBN},   {"vbp", T_VBP},   {"vbz", T_VBZ},
        {"wdt", T_WDT},   {"wp", T_WP},     {"wps", T_WPS},   {"wrb", T_WRB},
        {"lrb", T_LRB},   {"rrb", T_RRB},   {"ppc", T_COMMA}, {"pp", T_END},
        {"ppl", T_OPENQ}, {"ppr", T_CLOSEQ}, {"pps", T_PUNCT}, {"ppd", T_DOLLAR},
    };
    for (size_t i = 0; i < DY_ARRAY_LEN(map); i++)
        if (strlen(map[i].name) == n && memcmp(map[i].name, s, n) == 0)
            return map[i].tag;
    return -1;
}
