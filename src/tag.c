/* tag.c - part-of-speech tagger.
 *
 * The model is the one of Lingua::EN::Tagger (Perl, GPL-3), whose data files
 * are read at run time from the installed Debian package; nothing of them is
 * copied into dyad:
 *
 *   words.yml    word -> { tag: count, ... }      (case-sensitive keys)
 *   unknown.yml  class -> { tag: count, ... }     ("-cap-", "-ing-", ...)
 *   tags.yml     tag -> { next tag: P(next | tag), ... }
 *
 * The Perl module scores a tag t of a word w after the tag p as
 * P(t | p) * (count(w, t) + 1), over the tags w was seen with; a word not in
 * the lexicon (as it is, nor with its first letter in lower case) is mapped
 * to a class ("-cap-", "-ing-", "*NUM*", ...) that has counts of its own
 * (classify() reproduces _classify_unknown_word exactly, Unicode included).
 * It decodes greedily, left to right. We keep that score, in log space
 * precomputed at load, and maximise it over the whole sentence (Viterbi, in
 * windows of TG_WIN tokens), which fixes many of the greedy decoder's
 * errors ("The government calls ..." -> VBZ, "rebels demand the" -> VBP).
 * On top of that, rules that matter to an event coder:
 *
 *   token_cands():
 *   - `"` is an opening or a closing quote by its position;
 *   - numbers with thousands separators ("122,000") are numbers (CD);
 *   - a capitalised sentence-initial word that is rare in that form also
 *     counts its lower-case form ("Police arrested ..." -> NNS);
 *   - a capitalised word inside a sentence that the lexicon does not know
 *     is a name (NNP; "in northern Mali"), or may be ("Rapid Support");
 *     a hyphenated one whose last part is capitalised too
 *     ("Nagorno-Karabakh", "al-Shabaab");
 *   - in a headline in capitals, words are looked up in lower and title
 *     case ("PUTIN WARNS NATO"); in mixed-case text, an all-caps word is a
 *     name when the lexicon has it as one or only as a function word
 *     ("US" -> NNP, never PRP; "WHO" -> NNP, not WP);
 *   - an unknown lower-case word may also be a verb ("will deploy").
 *   fix_up(), after decoding:
 *   - a participle (VBN) after a subject is a past tense (VBD) when it has
 *     an object or is the only verb ("troops killed 20 people", "Protesters
 *     clashed with police."); a past tense between a noun and "by" is a
 *     participle ("a deal brokered by Egypt");
 *   - a plural noun that may be a verb is one in a sentence that has no
 *     other ("The United States calls on ...");
 *   - "'s" right after a noun is the possessive (POS).
 *
 * Build with -DDY_TAG_COMPAT for the Perl tagger itself (greedy, no rules):
 * it then agrees with Lingua::EN::Tagger 0.31 token for token (see
 * bench/tagbench --agree).
 *
 * Loading maps the files and parses the YAML subset they use (one flow map
 * per line) with a hand-rolled parser; lookups go through an open-addressing
 * hash. dy_tagger_tag allocates nothing, keeps its state on the stack
 * (about 45 KB) and writes only to the tokens: a loaded tagger may be shared
 * by threads. */
#include "dict.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#define TG_NEG (-1e30f)     /* log 0                                      */
#define TG_MAXC 24          /* candidate tags per token (union of forms)   */
#define TG_MAXW 64          /* longest token we re-case for a lookup       */
#define TG_RARE 20.0f       /* sentence-initial: below this count, merge   */

/* Unknown-word classes and other pseudo-words of the lexicon. */
enum {
    CL_NUM, CL_ORD, CL_LRB, CL_RRB, CL_ABR, CL_HYP, CL_HYPADJ, CL_CAP,
    CL_ING, CL_S, CL_TION, CL_LY, CL_ED, CL_UNK, CL_OPENQ, CL_CLOSEQ,
    CL_COUNT
};
static const char *const cl_key[CL_COUNT] = {
    "*NUM*", "*ORD*", "*LRB*", "*RRB*", "-abr-", "-hyp-", "-hyp-adj-",
    "-cap-", "-ing-", "-s-", "-tion-", "-ly-", "-ed-", "-unknown-", "``",
    "''"};

/* One (tag, count) pair of a word. em = log(count + 1), the emission
 * score of the Perl model. */
typedef struct tg_ent {
    float em;
    float cnt;
    uint8_t tag;
} tg_ent;

typedef struct tg_word {
    uint32_t off;           /* key in pool (NUL-terminated)                 */
    uint32_t ent;           /* first entry in ents                          */
    uint16_t len;           /* key length                                   */
    uint8_t nent;           /* number of entries                            */
    uint8_t nnp;            /* has an NNP entry                             */
    float total;            /* sum of counts                                */
} tg_word;

typedef struct tg_slot {
    uint32_t h;             /* high hash bits                               */
    uint32_t id;            /* word index + 1, 0 = empty                    */
} tg_slot;

struct dy_tagger {
    tg_slot *slots;
    uint32_t mask;
    tg_word *words;
    size_t nwords, capwords;
    size_t nlex;            /* words from words.yml                         */
    char *pool;
    size_t npool, cappool;
    tg_ent *ents;
    size_t nents, capents;
    const tg_word *cls[CL_COUNT];
    float tr[T_COUNT][T_COUNT];     /* log P(tag | prev), TG_NEG if none    */
};

/* ---- lexicon hash ---------------------------------------------------- */

static const tg_word *lookup(const dy_tagger *t, const char *s, size_t n)
{
    uint64_t h = dy_hash(s, n);
    uint32_t hh = (uint32_t)(h >> 32), i = (uint32_t)h & t->mask;
    for (;;) {
        const tg_slot *sl = &t->slots[i];
        if (!sl->id)
            return NULL;
        if (sl->h == hh) {
            const tg_word *w = &t->words[sl->id - 1];
            if (w->len == n && memcmp(t->pool + w->off, s, n) == 0)
                return w;
        }
        i = (i + 1) & t->mask;
    }
}

/* The slot for key s: the one holding it, or the empty one to put it in. */
static tg_slot *slot_for(dy_tagger *t, const char *s, size_t n, uint32_t *hh)
{
    uint64_t h = dy_hash(s, n);
    uint32_t i = (uint32_t)h & t->mask;
    *hh = (uint32_t)(h >> 32);
    for (;;) {
        tg_slot *sl = &t->slots[i];
        if (!sl->id)
            return sl;
        if (sl->h == *hh) {
            const tg_word *w = &t->words[sl->id - 1];
            if (w->len == n && memcmp(t->pool + w->off, s, n) == 0)
                return sl;
        }
        i = (i + 1) & t->mask;
    }
}

/* ---- lookups remembered by dictionary word id ---------------------------
 *
 * A coder tags with a memo of its own: the lexicon entry of each
 * dictionary word's form (the token's lower-case key) and of that form
 * with a capital first letter, looked up once and then found by the
 * token's word id, without hashing or probing the lexicon again. */

#define MEMO_NONE UINT32_MAX

struct dy_tagmemo {
    size_t n;               /* word ids [0, n)                              */
    uint32_t *low;          /* entry of the word's form: index + 1,
                               MEMO_NONE (not in the lexicon), 0 (not yet) */
    uint32_t *title;        /* entry of its form with a capital first letter */
};

dy_tagmemo *dy_tagmemo_new(size_t nwords)
{
    dy_tagmemo *m = dy_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->n = nwords;
    m->low = dy_calloc(nwords ? nwords : 1, sizeof *m->low);
    m->title = dy_calloc(nwords ? nwords : 1, sizeof *m->title);
    if (!m->low || !m->title) {
        dy_tagmemo_free(m);
        return NULL;
    }
    return m;
}

void dy_tagmemo_free(dy_tagmemo *m)
{
    if (!m)
        return;
    dy_free(m->low);
    dy_free(m->title);
    dy_free(m);
}

static const tg_word *memo_get(const dy_tagger *t, uint32_t *slot,
                               const char *s, size_t n)
{
    uint32_t v = *slot;
    if (v == 0) {
        const tg_word *w = lookup(t, s, n);
        *slot = w ? (uint32_t)(w - t->words) + 1 : MEMO_NONE;
        return w;
    }
    return v == MEMO_NONE ? NULL : &t->words[v - 1];
}

/* Is the token's text its key with a capital first letter ("Police")? */
static bool title_of_low(const dy_tok *k)
{
    return k->n == k->nlow && k->n > 0 && k->s[0] >= 'A' && k->s[0] <= 'Z' &&
           k->low[0] == k->s[0] + 32 &&
           memcmp(k->s + 1, k->low + 1, (size_t)k->n - 1) == 0;
}

/* lookup(t, k->s, k->n) */
static const tg_word *lookup_s(const dy_tagger *t, const dy_tok *k,
                               dy_tagmemo *m)
{
    if (m && k->w && k->w < m->n) {
        if (k->s == k->low && k->n == k->nlow)
            return memo_get(t, &m->low[k->w], k->s, k->n);
        if (title_of_low(k))
            return memo_get(t, &m->title[k->w], k->s, k->n);
    }
    return lookup(t, k->s, k->n);
}

/* lookup(t, k->low, k->nlow) */
static const tg_word *lookup_low(const dy_tagger *t, const dy_tok *k,
                                 dy_tagmemo *m)
{
    if (m && k->w && k->w < m->n)
        return memo_get(t, &m->low[k->w], k->low, k->nlow);
    return lookup(t, k->low, k->nlow);
}

/* The token's text with its first letter in lower case (buf holds at
 * least k->n bytes; k->s[0] is an ASCII capital). */
static const tg_word *lookup_lowfirst(const dy_tagger *t, const dy_tok *k,
                                      dy_tagmemo *m, char *buf)
{
    if (m && k->w && k->w < m->n && title_of_low(k))
        return memo_get(t, &m->low[k->w], k->low, k->nlow);
    buf[0] = (char)(k->s[0] + 32);
    memcpy(buf + 1, k->s + 1, (size_t)k->n - 1);
    return lookup(t, buf, k->n);
}

static int has_tag(const dy_tagger *t, const tg_word *w, int tag)
{
    for (unsigned k = 0; k < w->nent; k++)
        if (t->ents[w->ent + k].tag == tag)
            return 1;
    return 0;
}

/* ---- loading --------------------------------------------------------- */

typedef struct tg_pair {
    uint8_t tag;
    double v;
} tg_pair;

typedef struct tg_file {
    const char *buf;
    size_t len;
    void *map;              /* mmap'ed (len bytes), or NULL                 */
    char *heap;             /* read into memory, or NULL                    */
    size_t lines;
    size_t colons;
    char path[4096];
} tg_file;

static void close_file(tg_file *f)
{
    if (f->map)
        munmap(f->map, f->len);
    dy_free(f->heap);
    f->map = NULL;
    f->heap = NULL;
}

/* Occurrences of byte c in buf[0..n) (memchr is vectorised; a loop over
 * the bytes of words.yml cost more than parsing it). */
static size_t count_byte(const char *buf, size_t n, char c)
{
    size_t k = 0;
    for (const char *p = buf, *e = buf + n;
         p < e && (p = memchr(p, c, (size_t)(e - p))) != NULL; p++)
        k++;
    return k;
}

/* Map (or, where that fails, read) dir/name. */
static int open_file(tg_file *f, const char *dir, const char *name,
                     dy_err *err)
{
    memset(f, 0, sizeof *f);
    int pn = snprintf(f->path, sizeof f->path, "%s/%s", dir, name);
    if (pn < 0 || (size_t)pn >= sizeof f->path)
        return dy_fail(err, DYAD_EIO, "%s/%s:0: path too long", dir, name);
    int fd = open(f->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return dy_fail(err, DYAD_EIO, "%s:0: cannot open: %s", f->path,
                       strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        close(fd);
        return dy_fail(err, DYAD_EIO, "%s:0: not a readable file", f->path);
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd,
                       0);
        if (m != MAP_FAILED) {
            f->map = m;
            f->buf = m;
            f->len = (size_t)st.st_size;
        }
    }
    if (!f->map) {
        size_t cap = 0, len = 0;
        char *buf = NULL;
        for (;;) {
            if (len == cap && dy_grow((void **)&buf, &cap, len + 65536, 1)) {
                dy_free(buf);
                close(fd);
                return dy_fail(err, DYAD_ENOMEM, "%s:0: out of memory",
                               f->path);
            }
            ssize_t got = read(fd, buf + len, cap - len);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                int e = errno;
                dy_free(buf);
                close(fd);
                return dy_fail(err, DYAD_EIO, "%s:0: read error: %s",
                               f->path, strerror(e));
            }
            if (got == 0)
                break;
            len += (size_t)got;
        }
        f->heap = buf;
        f->buf = buf ? buf : "";
        f->len = len;
    }
    close(fd);
    f->lines = 1 + count_byte(f->buf, f->len, '\n');
    f->colons = count_byte(f->buf, f->len, ':');
    return 0;
}

/* A decimal number: digits [. digits] [e [+-] digits]. Locale-independent.
 * Returns the end, or NULL. */
static const char *parse_num(const char *p, const char *e, double *out)
{
    double v = 0;
    int digits = 0, exp10 = 0;
    while (p < e && *p >= '0' && *p <= '9') {
        v = v * 10 + (*p++ - '0');
        digits++;
    }
    if (p < e && *p == '.') {
        p++;
        while (p < e && *p >= '0' && *p <= '9') {
            v = v * 10 + (*p++ - '0');
            exp10--;
            digits++;
        }
    }
    if (!digits)
        return NULL;
    if (p < e && (*p == 'e' || *p == 'E')) {
        p++;
        int neg = 0, ex = 0, ed = 0;
        if (p < e && (*p == '+' || *p == '-'))
            neg = *p++ == '-';
        while (p < e && *p >= '0' && *p <= '9') {
            if (ex < 1000)
                ex = ex * 10 + (*p - '0');
            p++;
            ed++;
        }
        if (!ed)
            return NULL;
        exp10 += neg ? -ex : ex;
    }
    *out = exp10 ? v * pow(10.0, exp10) : v;
    return p;
}

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* Tag names seen so far, packed into integers (names are short), in a
 * direct-mapped table: saves a search of dy_tag_from_lingua's table for
 * each of 50,000 pairs. A collision only costs that search. */
#define TG_TAGCACHE 64
typedef struct tg_tagcache {
    uint64_t key[TG_TAGCACHE];      /* 0 = empty (names are not empty)     */
    uint8_t tag[TG_TAGCACHE];
} tg_tagcache;

static int tag_of(tg_tagcache *c, const char *s, size_t n)
{
    if (n > 8 || n == 0)
        return dy_tag_from_lingua(s, n);
    uint64_t k = 0;
    memcpy(&k, s, n);
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 58);
    if (c->key[i] == k)
        return c->tag[i];
    int tag = dy_tag_from_lingua(s, n);
    if (tag >= 0) {
        c->key[i] = k;
        c->tag[i] = (uint8_t)tag;
    }
    return tag;
}

/* log(v + 1) of the small whole counts that most entries have, each
 * computed once (by the same expression as for any other count). */
#define TG_LOGC 1024
typedef struct tg_logcache {
    float v[TG_LOGC];
    uint8_t have[TG_LOGC];
} tg_logcache;

static float log1_count(tg_logcache *c, double v)
{
    if (c && v >= 0 && v < TG_LOGC && v == (double)(int)v) {
        int i = (int)v;
        if (!c->have[i]) {
            c->v[i] = (float)log(v + 1.0);
            c->have[i] = 1;
        }
        return c->v[i];
    }
    return (float)log(v + 1.0);
}

/* Parse one line `"key": { tag: num, tag: num }` (the key may be bare).
 * Returns 1 for an entry, 0 for a line to skip (blank, comment, `---`),
 * -1 when malformed (*why says why). */
static int parse_line(const char *p, const char *e, tg_tagcache *cache,
                      const char **key, size_t *klen, tg_pair *pairs,
                      int *npairs, const char **why)
{
    while (e > p && (is_space(e[-1]) || e[-1] == '\r'))
        e--;
    if (p == e || *p == '#' || (e - p >= 3 && memcmp(p, "---", 3) == 0))
        return 0;
    *why = "expected `key: { tag: count, ... }`";
    const char *q;
    if (*p == '"') {
        *key = ++p;
        while (p < e && *p != '"')
            p++;
        if (p == e)
            return -1;
        *klen = (size_t)(p - *key);
        p++;
        if (p == e || *p != ':')
            return -1;
    } else {
        q = memchr(p, '{', (size_t)(e - p));
        if (!q || q - p < 3 || q[-1] != ' ' || q[-2] != ':')
            return -1;
        *key = p;
        *klen = (size_t)(q - 2 - p);
        p = q - 2;
    }
    if (*klen == 0 || *klen > 65535) {
        *why = "bad key length";
        return -1;
    }
    p++; /* ':' */
    while (p < e && is_space(*p))
        p++;
    if (p == e || *p != '{')
        return -1;
    p++;
    int n = 0;
    for (;;) {
        while (p < e && is_space(*p))
            p++;
        if (p < e && *p == '}')
            break;
        const char *name = p;
        while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            p++;
        if (p == name || p == e || *p != ':')
            return -1;
        int tag = tag_of(cache, name, (size_t)(p - name));
        if (tag < 0) {
            *why = "unknown tag";
            return -1;
        }
        p++;
        while (p < e && is_space(*p))
            p++;
        double v;
        p = parse_num(p, e, &v);
        if (!p || !isfinite(v)) {
            *why = "bad number";
            return -1;
        }
        if (n == T_COUNT) {
            *why = "too many tags";
            return -1;
        }
        pairs[n].tag = (uint8_t)tag;
        pairs[n].v = v;
        n++;
        while (p < e && is_space(*p))
            p++;
        if (p < e && *p == ',') {
            p++;
            continue;
        }
        if (p < e && *p == '}')
            break;
        return -1;
    }
    p++;
    if (p != e) {
        *why = "text after `}`";
        return -1;
    }
    *npairs = n;
    return 1;
}

/* Add (or merge into) a word. Later counts for the same tag win, as in the
 * Perl loader. */
static int add_word(dy_tagger *t, const char *key, size_t klen,
                    const tg_pair *pairs, int np, tg_logcache *lc)
{
    uint32_t hh;
    tg_slot *sl = slot_for(t, key, klen, &hh);
    tg_word *w;
    if (sl->id) {
        w = &t->words[sl->id - 1];
        if (w->ent + w->nent != t->nents) { /* move its entries to the end */
            if (DY_GROW(t->ents, t->capents, t->nents + w->nent + (size_t)np))
                return DYAD_ENOMEM;
            memmove(t->ents + t->nents, t->ents + w->ent,
                    w->nent * sizeof *t->ents);
            w->ent = (uint32_t)t->nents;
            t->nents += w->nent;
        }
    } else {
        if ((t->nwords + 1) * 4 > ((size_t)t->mask + 1) * 3)
            return DYAD_EDICT; /* cannot happen: sized from line counts */
        if (DY_GROW(t->words, t->capwords, t->nwords + 1) ||
            DY_GROW(t->pool, t->cappool, t->npool + klen + 1))
            return DYAD_ENOMEM;
        w = &t->words[t->nwords++];
        memset(w, 0, sizeof *w);
        w->off = (uint32_t)t->npool;
        w->len = (uint16_t)klen;
        w->ent = (uint32_t)t->nents;
        memcpy(t->pool + t->npool, key, klen);
        t->pool[t->npool + klen] = 0;
        t->npool += klen + 1;
        sl->h = hh;
        sl->id = (uint32_t)t->nwords;
    }
    if (DY_GROW(t->ents, t->capents, t->nents + (size_t)np))
        return DYAD_ENOMEM;
    for (int k = 0; k < np; k++) {
        unsigned j;
        for (j = 0; j < w->nent; j++)
            if (t->ents[w->ent + j].tag == pairs[k].tag)
                break;
        tg_ent *en = &t->ents[w->ent + j];
        if (j == w->nent) {
            w->nent++;
            t->nents++;
        }
        en->tag = pairs[k].tag;
        en->cnt = (float)pairs[k].v;
        en->em = log1_count(lc, pairs[k].v);
    }
    w->total = 0;
    w->nnp = 0;
    for (unsigned j = 0; j < w->nent; j++) {
        w->total += t->ents[w->ent + j].cnt;
        if (t->ents[w->ent + j].tag == T_NNP)
            w->nnp = 1;
    }
    return 0;
}

static int parse_file(dy_tagger *t, tg_file *f, int is_tags, dy_err *err)
{
    const char *p = f->buf, *end = f->buf + f->len;
    tg_pair pairs[T_COUNT];
    tg_tagcache cache;
    tg_logcache lc;
    int line = 0, entries = 0;
    memset(&cache, 0, sizeof cache);
    memset(lc.have, 0, sizeof lc.have);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        line++;
        const char *key = NULL, *why = "";
        size_t klen = 0;
        int np = 0;
        int r = parse_line(p, e, &cache, &key, &klen, pairs, &np, &why);
        if (r < 0)
            return dy_fail(err, DYAD_EDICT, "%s:%d: %s", f->path, line, why);
        if (r > 0) {
            entries++;
            if (memchr(key, 0, klen))
                return dy_fail(err, DYAD_EDICT, "%s:%d: NUL in key", f->path,
                               line);
            if (is_tags) {
                int from = dy_tag_from_lingua(key, klen);
                if (from < 0)
                    return dy_fail(err, DYAD_EDICT, "%s:%d: unknown tag",
                                   f->path, line);
                for (int k = 0; k < np; k++) {
                    double v = pairs[k].v;
                    if (v > 1.0)
                        return dy_fail(err, DYAD_EDICT,
                                       "%s:%d: probability above 1", f->path,
                                       line);
                    t->tr[from][pairs[k].tag] =
                        v > 0 ? (float)log(v) : TG_NEG;
                }
            } else {
                int rc = add_word(t, key, klen, pairs, np, &lc);
                if (rc == DYAD_ENOMEM)
                    return dy_fail(err, rc, "%s:%d: out of memory", f->path,
                                   line);
                if (rc)
                    return dy_fail(err, rc, "%s:%d: too many words", f->path,
                                   line);
            }
        }
        p = e + 1;
    }
    if (!entries)
        return dy_fail(err, DYAD_EDICT, "%s:%d: no entries", f->path, line);
    return 0;
}

void dy_tagger_free(dy_tagger *t)
{
    if (!t)
        return;
    dy_free(t->slots);
    dy_free(t->words);
    dy_free(t->pool);
    dy_free(t->ents);
    dy_free(t);
}

int dy_tagger_load(dy_tagger **out, const char *dir, dy_err *err)
{
    static const char *const names[3] = {"tags.yml", "words.yml",
                                         "unknown.yml"};
    tg_file f[3];
    int rc = 0;
    *out = NULL;
    if (!dir)
        dir = DYAD_DEFAULT_TAGGER_DIR;
    memset(f, 0, sizeof f);
    dy_tagger *t = dy_calloc(1, sizeof *t);
    if (!t)
        return dy_fail(err, DYAD_ENOMEM, "tagger: out of memory");
    for (int i = 0; i < 3 && !rc; i++)
        rc = open_file(&f[i], dir, names[i], err);
    if (!rc) {
        size_t lines = f[1].lines + f[2].lines + CL_COUNT;
        uint32_t size = 1024;
        while (size < lines + lines / 2 && size < (1u << 30))
            size *= 2;
        t->mask = size - 1;
        t->slots = dy_calloc(size, sizeof *t->slots);
        t->capwords = lines;
        t->words = dy_malloc(lines * sizeof *t->words);
        t->cappool = f[1].len + f[2].len + 64;
        t->pool = dy_malloc(t->cappool);
        t->capents = f[1].colons + f[2].colons + 64;
        t->ents = dy_malloc(t->capents * sizeof *t->ents);
        if (!t->slots || !t->words || !t->pool || !t->ents)
            rc = dy_fail(err, DYAD_ENOMEM, "tagger: out of memory");
    }
    for (int a = 0; a < T_COUNT; a++)
        for (int b = 0; b < T_COUNT; b++)
            t->tr[a][b] = TG_NEG;
    if (!rc)
        rc = parse_file(t, &f[0], 1, err);
    if (!rc)
        rc = parse_file(t, &f[1], 0, err);
    t->nlex = t->nwords;
    if (!rc)
        rc = parse_file(t, &f[2], 0, err);
#ifndef DY_TAG_COMPAT
    if (!rc && lookup(t, "-unknown-", 9)) {
        /* A lower-case word we know nothing of may be a verb too ("will
         * deploy", "soldiers overthrew"): the Perl class has no VB(D). */
        static const tg_pair verbs[] = {{T_VB, 100}, {T_VBP, 30},
                                        {T_VBD, 60}};
        if (add_word(t, "-unknown-", 9, verbs, 3, NULL))
            rc = dy_fail(err, DYAD_ENOMEM, "tagger: out of memory");
    }
#endif
    for (int i = 0; i < 3; i++)
        close_file(&f[i]);
    if (!rc) {
        /* The classes the tagger cannot do without. */
        static const int need[] = {CL_NUM, CL_CAP, CL_UNK, CL_OPENQ,
                                   CL_CLOSEQ};
        for (int c = 0; c < CL_COUNT; c++)
            t->cls[c] = lookup(t, cl_key[c], strlen(cl_key[c]));
        for (size_t k = 0; k < DY_ARRAY_LEN(need); k++)
            if (!t->cls[need[k]])
                rc = dy_fail(err, DYAD_EDICT, "%s/%s:0: no entry for \"%s\"",
                             dir, need[k] == CL_OPENQ || need[k] == CL_CLOSEQ
                                      ? names[1] : names[2],
                             cl_key[need[k]]);
        if (!rc && t->tr[T_END][T_NNP] <= TG_NEG)
            rc = dy_fail(err, DYAD_EDICT, "%s/%s:0: no transitions from pp",
                         dir, names[0]);
    }
    if (rc) {
        dy_tagger_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

size_t dy_tagger_words(const dy_tagger *t) { return t ? t->nlex : 0; }

/* The lexicon as a compiled dictionary image holds it (dict_cache.c): the
 * struct with its pointers set to where the arrays that follow it will be
 * mapped. A change of the struct must be reflected here. */
_Static_assert(sizeof(void *) != 8 ||
                   sizeof(struct dy_tagger) ==
                       (8 * 12 + 8 * CL_COUNT + 4 * T_COUNT * T_COUNT + 7) /
                           8 * 8,
               "struct dy_tagger changed: update dy_tagger_image");

int dy_tagger_image(const dy_tagger *t, dy_imgw *w)
{
    dy_tagger c;
    memcpy(&c, t, sizeof c);
    size_t nslots = (size_t)t->mask + 1;
    if (dy_imgw_align(w, 8))
        return -1;
    uint64_t at = dy_imgw_addr(w) + sizeof c;
    c.slots = (tg_slot *)(uintptr_t)at;
    at += nslots * sizeof *t->slots;
    c.words = (tg_word *)(uintptr_t)at;
    c.capwords = c.nwords;
    at += t->nwords * sizeof *t->words;
    c.ents = (tg_ent *)(uintptr_t)at;
    c.capents = c.nents;
    at += t->nents * sizeof *t->ents;
    c.pool = (char *)(uintptr_t)at;
    c.cappool = c.npool;
    for (int k = 0; k < CL_COUNT; k++)
        c.cls[k] = t->cls[k] ? (const tg_word *)(uintptr_t)(
                                   (uint64_t)(uintptr_t)c.words +
                                   (uint64_t)(t->cls[k] - t->words) *
                                       sizeof *t->words)
                             : NULL;
    if (dy_imgw_put(w, &c, sizeof c) ||
        dy_imgw_put(w, t->slots, nslots * sizeof *t->slots) ||
        dy_imgw_put(w, t->words, t->nwords * sizeof *t->words))
        return -1;
    for (size_t i = 0; i < t->nents; i++) {
        tg_ent e; /* its padding zeroed */
        memset(&e, 0, sizeof e);
        e.em = t->ents[i].em;
        e.cnt = t->ents[i].cnt;
        e.tag = t->ents[i].tag;
        if (dy_imgw_put(w, &e, sizeof e))
            return -1;
    }
    if (dy_imgw_put(w, t->pool, t->npool) || dy_imgw_align(w, 8))
        return -1;
    return 0;
}

/* ---- unknown words --------------------------------------------------- */

/* Decode the code point at s (ASCII fast path); returns its length. */
static int cp_at(const char *s, size_t n, uint32_t *cp)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int k = dy_utf8_decode((const unsigned char *)s, n, cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return k;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Perl's \w: letters, marks, digits, letter numbers, connector
 * punctuation. */
static int is_word_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '_';
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_PC:
        return 1;
    default:
        return 0;
    }
}

static int is_upper_cp(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LU;
}

/* word eq ucfirst(word): the first character has no other title case. */
static int is_ucfirst(const char *s, size_t n)
{
    uint32_t c;
    cp_at(s, n, &c);
    if (c < 0x80)
        return !(c >= 'a' && c <= 'z');
    return (uint32_t)utf8proc_totitle((utf8proc_int32_t)c) == c;
}

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

/* ^-?(\d+(\.\d*)?|\.\d+)$ */
static int is_float(const char *s, size_t n)
{
    size_t i = 0, d = 0;
    if (i < n && s[i] == '-')
        i++;
    while (i < n && is_digit(s[i]))
        i++, d++;
    if (i < n && s[i] == '.') {
        size_t d0 = d;
        i++;
        while (i < n && is_digit(s[i]))
            i++, d++;
        if (!d0 && d == 0)
            return 0;
    }
    return d > 0 && i == n;
}

/* ^\d+[\d/:-]+\d$ */
static int is_numlike(const char *s, size_t n)
{
    if (n < 3 || !is_digit(s[0]) || !is_digit(s[n - 1]))
        return 0;
    for (size_t i = 1; i < n - 1; i++)
        if (!is_digit(s[i]) && s[i] != '/' && s[i] != ':' && s[i] != '-')
            return 0;
    return 1;
}

/* -?\d{1,3}(,\d{3})+(\.\d+)? : "122,000", "1,234.5" */
static int is_grouped_num(const char *s, size_t n)
{
    size_t i = 0, lead = 0;
    if (i < n && s[i] == '-')
        i++;
    while (i < n && is_digit(s[i]))
        i++, lead++;
    if (lead < 1 || lead > 3 || i == n || s[i] != ',')
        return 0;
    while (i < n && s[i] == ',') {
        if (i + 4 > n || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) ||
            !is_digit(s[i + 3]))
            return 0;
        i += 4;
    }
    if (i < n && s[i] == '.') {
        size_t d = 0;
        i++;
        while (i < n && is_digit(s[i]))
            i++, d++;
        if (!d)
            return 0;
    }
    return i == n;
}

/* "122,000", and numbers the tokenizer left with a currency sign or a
 * percent sign on: "$3", "8.5%", "\xe2\x82\xac20". */
static int is_money_or_num(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '$')
        s++, n--;
    else if (n >= 3 && (memcmp(s, "\xc2\xa3", 2) == 0 ||   /* pound */
                        memcmp(s, "\xc2\xa5", 2) == 0))    /* yen */
        s += 2, n -= 2;
    else if (n >= 4 && memcmp(s, "\xe2\x82\xac", 3) == 0)  /* euro */
        s += 3, n -= 3;
    if (n >= 2 && s[n - 1] == '%')
        n--;
    return is_grouped_num(s, n) || is_float(s, n) || is_numlike(s, n);
}

/* ^-?\d+\w+$ */
static int is_ordinal(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    if (i == n || !is_digit(s[i]))
        return 0;
    i++;
    if (i == n)
        return 0;
    while (i < n) {
        uint32_t c;
        i += (size_t)cp_at(s + i, n - i, &c);
        if (!is_word_cp(c))
            return 0;
    }
    return 1;
}

/* ^\p{IsUpper}[\p{IsUpper}.-]*$ */
static int is_abbrev(const char *s, size_t n)
{
    size_t i = 0;
    uint32_t c;
    i += (size_t)cp_at(s, n, &c);
    if (!is_upper_cp(c))
        return 0;
    while (i < n) {
        i += (size_t)cp_at(s + i, n - i, &c);
        if (!is_upper_cp(c) && c != '.' && c != '-')
            return 0;
    }
    return 1;
}

/* \w-\w somewhere; and whether it has any \w at all. */
static void scan_word(const char *s, size_t n, int *hyph, int *wordy)
{
    int w2 = 0, w1 = 0;     /* were the last two characters \w?            */
    uint32_t c1 = 0;        /* the last character                           */
    *hyph = *wordy = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)cp_at(s + i, n - i, &c);
        int w = is_word_cp(c);
        if (w) {
            *wordy = 1;
            if (c1 == '-' && w2)
                *hyph = 1;
        }
        w2 = w1;
        w1 = w;
        c1 = c;
    }
}

/* A hyphenated name: "Nagorno-Karabakh", "Port-au-Prince", "al-Shabaab";
 * not "post-Soviet", "Anti-American", "U.S.-led". last is the part after
 * the last hyphen. */
static int hyphen_name(const char *s, size_t n, const char *last,
                       size_t nlast)
{
    static const char *const prefix[] = {
        "anti", "pro", "non", "post", "pre", "ultra", "pan", "neo", "ex",
        "mid", "trans", "inter", "sub", "semi", "multi", "counter", "cross",
        "un", "re", "co", "afro", "euro", "all", "self", "far", "north",
        "south", "east", "west", "central", NULL};
    static const char *const particle[] = {
        "al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "le",
        "la", "da", "di", "du", "ad", "ul", "ben", NULL};
    uint32_t c;
    cp_at(last, nlast, &c);
    if (!is_upper_cp(c))
        return 0;
    const char *dash = memchr(s, '-', n);
    size_t nf = dash ? (size_t)(dash - s) : n;
    char low[16];
    if (nf == 0 || nf >= sizeof low)
        return nf != 0 && is_upper_cp((unsigned char)s[0]);
    for (size_t i = 0; i < nf; i++)
        low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    low[nf] = 0;
    for (size_t i = 0; particle[i]; i++)
        if (strcmp(low, particle[i]) == 0)
            return 1;
    for (size_t i = 0; prefix[i]; i++)
        if (strcmp(low, prefix[i]) == 0)
            return 0;
    cp_at(s, n, &c);
    return is_upper_cp(c);
}

enum { U_SYM = -1 };

/* The unknown-word class of s, as Lingua::EN::Tagger's
 * _classify_unknown_word: a CL_* or U_SYM. `improve` turns on dyad's
 * extra rules. */
static int classify(const dy_tagger *t, const char *s, size_t n, int improve)
{
    if (memchr(s, '(', n) || memchr(s, '{', n) || memchr(s, '[', n))
        return CL_LRB;
    if (memchr(s, ')', n) || memchr(s, '}', n) || memchr(s, ']', n))
        return CL_RRB;
    if (is_float(s, n) || is_numlike(s, n))
        return CL_NUM;
    if (improve && is_money_or_num(s, n))
        return CL_NUM;
    if (is_ordinal(s, n))
        return CL_ORD;
    if (is_abbrev(s, n))
        return CL_ABR;
    int hyph, wordy;
    scan_word(s, n, &hyph, &wordy);
    if (improve && !hyph && n > 3) /* "U.S.-led" */
        for (size_t i = 1; i + 2 < n && !hyph; i++)
            hyph = s[i] == '-' && s[i - 1] == '.' && s[i + 1] != '-';
    if (hyph) {
        const char *dash = s + n;
        while (dash > s && dash[-1] != '-')
            dash--;
        size_t sl = (size_t)(s + n - dash);
        if (sl) {
            if (improve && sl > 1 && hyphen_name(s, n, dash, sl))
                return CL_CAP;
            const tg_word *w = lookup(t, dash, sl);
            if (w && has_tag(t, w, T_JJ))
                return CL_HYPADJ;
        }
        return CL_HYP;
    }
    if (!wordy)
        return U_SYM;
    if (is_ucfirst(s, n))
        return CL_CAP;
    if (ends_with(s, n, "ing"))
        return CL_ING;
    if (ends_with(s, n, "s"))
        return CL_S;
    if (ends_with(s, n, "tion"))
        return CL_TION;
    if (ends_with(s, n, "ly"))
        return CL_LY;
    if (ends_with(s, n, "ed"))
        return CL_ED;
    return CL_UNK;
}

/* ---- candidates ------------------------------------------------------- */

/* The tags a token may take, with their emission scores. */
typedef struct tg_cand {
    const tg_ent *e;
    uint32_t n;
    int forced;             /* take e[0] whatever the previous tag          */
} tg_cand;

static const tg_ent ent_sym = {0.0f, 1.0f, T_SYM};
static const tg_ent ent_nnp = {0.0f, 1.0f, T_NNP};

/* Counts of w1 and w2 (either may be NULL) added up, into buf. */
static uint32_t merge(const dy_tagger *t, const tg_word *w1,
                      const tg_word *w2, tg_ent *buf)
{
    uint32_t n = 0;
    const tg_word *ws[2] = {w1, w2};
    for (int k = 0; k < 2; k++) {
        if (!ws[k])
            continue;
        for (unsigned j = 0; j < ws[k]->nent; j++) {
            const tg_ent *e = &t->ents[ws[k]->ent + j];
            uint32_t i;
            for (i = 0; i < n; i++)
                if (buf[i].tag == e->tag)
                    break;
            if (i == n) {
                if (n == TG_MAXC)
                    continue;
                buf[n].tag = e->tag;
                buf[n].cnt = 0;
                n++;
            }
            buf[i].cnt += e->cnt;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        buf[i].em = logf(buf[i].cnt + 1.0f);
    return n;
}

static void cand_word(const dy_tagger *t, const tg_word *w, tg_cand *c)
{
    c->e = &t->ents[w->ent];
    c->n = DY_MIN(w->nent, TG_MAXC); /* 9 at most in the Debian data */
    c->forced = 0;
}

static int is_open_punct(const dy_tok *k)
{
    if (k->n != 1)
        return k->n == 2 && (memcmp(k->s, "``", 2) == 0 ||
                             memcmp(k->s, "--", 2) == 0);
    char c = k->s[0];
    return c == '"' || c == '(' || c == '[' || c == '{' || c == '`' ||
           c == '\'' || c == '-' || c == ':';
}

/* Is toks[i], a `"`, an opening quote? */
static int quote_opens(const dy_tok *toks, size_t n, size_t i)
{
    if (i == 0)
        return 1;
    if (i + 1 == n)
        return 0;
    int sp_before = (toks[i].flags & TOKF_SPACE) != 0;
    int sp_after = (toks[i + 1].flags & TOKF_SPACE) != 0;
    if (sp_before && !sp_after)
        return 1;
    if (!sp_before && sp_after)
        return 0;
    /* no spacing information: after a word it closes, unless it starts
     * a new quoted stretch (count the quotes before it) */
    int q = 0;
    for (size_t j = i > 64 ? i - 64 : 0; j < i; j++)
        if (toks[j].n == 1 && toks[j].s[0] == '"')
            q++;
    return (q & 1) == 0;
}

typedef struct tg_sent {
    int allcaps;            /* the sentence is written in capitals          */
    int titlecase;          /* Most Of Its Words Are Capitalised            */
} tg_sent;

static void lower_ascii(char *d, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
}

/* The candidates of toks[i]; scratch holds TG_MAXC entries for merged
 * lists. */
static void token_cands(const dy_tagger *t, const dy_tok *toks, size_t n,
                        size_t i, const tg_sent *ss, tg_ent *scratch,
                        tg_cand *c, dy_tagmemo *memo, const tg_word *const *pre)
{
    const dy_tok *k = &toks[i];
    const char *s = k->s;
    size_t len = k->n;
#ifdef DY_TAG_COMPAT
    const int improve = 0;
#else
    const int improve = 1;
#endif
    if (len == 0) {
        cand_word(t, t->cls[CL_UNK], c);
        return;
    }
    if (len == 1 && s[0] == '"') {
        cand_word(t, t->cls[quote_opens(toks, n, i) ? CL_OPENQ : CL_CLOSEQ],
                  c);
        return;
    }
    char buf[TG_MAXW];
    /* (pre: the caller has looked the token up already) */
    const tg_word *w = pre ? *pre : lookup_s(t, k, memo);
    int cap = s[0] >= 'A' && s[0] <= 'Z';
    int initial = 1, names = 0;
    if (improve) {
        initial = i == 0 || (k->flags & TOKF_SSTART);
        for (size_t j = i; !initial && j > 0 && is_open_punct(&toks[j - 1]);
             j--)
            if (j - 1 == 0 || (toks[j - 1].flags & TOKF_SSTART))
                initial = 1;
        /* in running text, a capitalised word inside a sentence is a name
         * (not so in headlines written in capitals or in title case) */
        names = cap && !initial && !ss->allcaps && !ss->titlecase;
        int upper = (k->flags & TOKF_UPPER) != 0;
        if (ss->allcaps && upper && !w && len <= TG_MAXW) {
            /* headline: "WARNS" -> warns, "RUSSIA" -> Russia */
            lower_ascii(buf, s, len);
            const tg_word *lw = lookup(t, buf, len);
            buf[0] = s[0];
            const tg_word *tw = lookup(t, buf, len);
            if (lw || tw) {
                c->n = merge(t, lw, tw, scratch);
                c->e = scratch;
                c->forced = 0;
                return;
            }
            cand_word(t, t->cls[CL_CAP], c);
            return;
        }
        if (w && upper && !ss->allcaps &&
            (w->nnp || !(has_tag(t, w, T_NN) || has_tag(t, w, T_NNS) ||
                         has_tag(t, w, T_JJ)))) {
            /* "US", "IT", "WHO" in running text are names (the lexicon has
             * them from headlines: "WHO" WP, "IT" PRP) */
            c->e = &ent_nnp;
            c->n = 1;
            c->forced = 0;
            return;
        }
        if (w && cap && initial && w->total < TG_RARE && len <= TG_MAXW) {
            /* "Police arrested": rare in this form, count "police" too */
            const tg_word *lw = lookup_lowfirst(t, k, memo, buf);
            if (lw) {
                c->n = merge(t, w, lw, scratch);
                c->e = scratch;
                c->forced = 0;
                return;
            }
        }
    }
    if (w) {
        cand_word(t, w, c);
        return;
    }
    if (cap && len <= TG_MAXW) {
        w = lookup_lowfirst(t, k, memo, buf);
        if (w) {
            cand_word(t, w, c);
            if (names && w->nent < TG_MAXC) {
                /* "the Rapid Support Forces": "support", or a name */
                memcpy(scratch, c->e, w->nent * sizeof *scratch);
                scratch[w->nent].tag = T_NNP;
                scratch[w->nent].cnt = w->total;
                scratch[w->nent].em = logf(w->total + 1.0f);
                for (uint32_t j = 0; j < w->nent; j++)
                    if (scratch[j].tag == T_NNP) /* already there */
                        return;
                c->e = scratch;
                c->n = w->nent + 1u;
            }
            return;
        }
    }
    int cl = classify(t, s, len, improve);
    if (cl == U_SYM) {
        c->e = &ent_sym;
        c->n = 1;
        c->forced = 1;
        return;
    }
    if (cl == CL_CAP && names) {
        /* "in northern Mali", "a senior Hamas official" */
        c->e = &ent_nnp;
        c->n = 1;
        c->forced = 0;
        return;
    }
    if (!t->cls[cl])
        cl = CL_UNK;
    cand_word(t, t->cls[cl], c);
}

/* ---- decoding ---------------------------------------------------------- */

#ifdef DY_TAG_COMPAT

/* The Perl tagger's decoder: greedy, left to right. */
void dy_tagger_tag(const dy_tagger *t, dy_tok *toks, size_t n)
{
    if (!t || !toks)
        return;
    tg_sent ss = {0};
    tg_ent scratch[TG_MAXC];
    int prev = T_END;
    for (size_t i = 0; i < n; i++) {
        tg_cand c;
        token_cands(t, toks, n, i, &ss, scratch, &c, NULL, NULL);
        int best = -1;
        if (c.forced) {
            best = c.e[0].tag;
        } else {
            float bs = TG_NEG;
            const float *tr = t->tr[prev];
            for (uint32_t j = 0; j < c.n; j++) {
                float tv = tr[c.e[j].tag];
                if (tv <= TG_NEG)
                    continue;
                float sc = tv + c.e[j].em;
                if (sc > bs) {
                    bs = sc;
                    best = c.e[j].tag;
                }
            }
            if (best < 0)
                best = T_NN;
        }
        toks[i].tag = (uint8_t)best;
        prev = best;
    }
}

void dy_tagger_tag_memo(const dy_tagger *t, dy_tok *toks, size_t n,
                        dy_tagmemo *m)
{
    (void)m;
    (void)lookup_low;
    dy_tagger_tag(t, toks, n);
}

#else /* !DY_TAG_COMPAT */

#define TG_WIN 128          /* Viterbi window (tokens)                      */

/* Is the sentence written in capitals, or in title case? */
static void sent_case(const dy_tok *toks, size_t n, tg_sent *ss)
{
    size_t alpha = 0, up = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        if (toks[i].flags & TOKF_ALPHA) {
            alpha++;
            if (toks[i].flags & TOKF_UPPER)
                up++;
            if (toks[i].flags & TOKF_CAP)
                cap++;
        }
    }
    ss->allcaps = alpha >= 3 && up * 5 >= alpha * 4;
    ss->titlecase = !ss->allcaps && alpha >= 4 && cap * 5 >= alpha * 4;
}

/* Viterbi over toks[b..e) (e - b <= TG_WIN), from the tag prev; returns
 * the tag of the last token. The score of a path is the sum of
 * log P(tag | previous tag) + log(count(word, tag) + 1), the Perl tagger's
 * score, maximised over the whole path rather than word by word. */
static int decode_window(const dy_tagger *t, dy_tok *toks, size_t n,
                         size_t b, size_t e, int prev, const tg_sent *ss,
                         dy_tagmemo *memo)
{
    static const tg_ent ent_nn = {0.0f, 1.0f, T_NN};
    tg_ent scratch[TG_WIN][TG_MAXC];
    tg_cand cand[TG_WIN];
    uint8_t bp[TG_WIN][TG_MAXC];
    float d0[TG_MAXC], d1[TG_MAXC];
    float *dp = d0, *dc = d1;
    uint8_t ptag[TG_MAXC];
    uint32_t np = 1;
    ptag[0] = (uint8_t)prev;
    dp[0] = 0;
    /* the lexicon entries of the window's tokens first, in a loop of their
     * own: their cache misses overlap, and the entries' tags are fetched
     * before the decoder needs them */
    const tg_word *pre[TG_WIN];
    for (size_t i = b; i < e; i++) {
        const tg_word *lw = toks[i].n ? lookup_s(t, &toks[i], memo) : NULL;
        pre[i - b] = lw;
        if (lw)
            DY_PREFETCH(&t->ents[lw->ent]);
    }
    for (size_t i = b; i < e; i++) {
        size_t w = i - b;
        tg_cand *c = &cand[w];
        token_cands(t, toks, n, i, ss, scratch[w], c, memo, &pre[w]);
        float best_any = dp[0];
        uint32_t arg_any = 0;
        for (uint32_t q = 1; q < np; q++)
            if (dp[q] > best_any) {
                best_any = dp[q];
                arg_any = q;
            }
        int any = 0;
        for (uint32_t j = 0; j < c->n; j++) {
            float bs = TG_NEG;
            uint32_t arg = 0;
            if (c->forced) {
                bs = best_any;
                arg = arg_any;
            } else {
                const int tj = c->e[j].tag;
                for (uint32_t q = 0; q < np; q++) {
                    float tv = t->tr[ptag[q]][tj];
                    if (tv <= TG_NEG || dp[q] <= TG_NEG)
                        continue;
                    float sc = dp[q] + tv;
                    if (sc > bs) {
                        bs = sc;
                        arg = q;
                    }
                }
            }
            if (bs > TG_NEG) {
                dc[j] = bs + c->e[j].em;
                any = 1;
            } else {
                dc[j] = TG_NEG;
            }
            bp[w][j] = (uint8_t)arg;
        }
        if (!any) { /* no tag can follow: NN, as the Perl tagger does */
            c->e = &ent_nn;
            c->n = 1;
            c->forced = 1;
            dc[0] = best_any;
            bp[w][0] = (uint8_t)arg_any;
        }
        np = c->n;
        for (uint32_t j = 0; j < np; j++)
            ptag[j] = c->e[j].tag;
        float *tmp = dp;
        dp = dc;
        dc = tmp;
    }
    uint32_t arg = 0;
    for (uint32_t q = 1; q < np; q++)
        if (dp[q] > dp[arg])
            arg = q;
    for (size_t i = e; i-- > b;) {
        size_t w = i - b;
        toks[i].tag = cand[w].e[arg].tag;
        arg = bp[w][arg];
    }
    return toks[e - 1].tag;
}

static int word_is(const dy_tok *k, const char *const *list)
{
    const char *w = k->low;
    size_t n = k->nlow;
    if (!w)
        return 0;
    for (; *list; list++) {
        /* the first byte rejects almost every entry, without strlen */
        const char *p = *list;
        if (n && p[0] != w[0])
            continue;
        size_t i = 0;
        while (i < n && p[i] == w[i])
            i++;
        if (i == n && !p[i])
            return 1;
    }
    return 0;
}

static int is_noun_or_subject(const dy_tok *k)
{
    static const char *const subj[] = {"i", "he", "she", "we", "they", "it",
                                       "you", NULL};
    return dy_tag_is_noun(k->tag) || (k->tag == T_PRP && word_is(k, subj));
}

static const tg_word *tok_word(const dy_tagger *t, const dy_tok *k,
                               dy_tagmemo *m)
{
    if (!k->n)
        return NULL;
    const tg_word *w = lookup_s(t, k, m);
    if (!w && k->low && k->nlow)
        w = lookup_low(t, k, m);
    return w;
}

static int ends_ed(const dy_tok *k)
{
    return k->n >= 4 && memcmp(k->s + k->n - 2, "ed", 2) == 0;
}

/* Can this VBN (or, strict, JJ) token also be a past tense? Regular
 * verbs can ("arrested" is both, whatever the counts say). */
static int may_be_vbd(const dy_tagger *t, const dy_tok *k, int strict,
                      dy_tagmemo *m)
{
    const tg_word *w = tok_word(t, k, m);
    if (strict)
        return ends_ed(k) && (!w || has_tag(t, w, T_VBD) ||
                              has_tag(t, w, T_VBN));
    return ends_ed(k) || (w && has_tag(t, w, T_VBD));
}

static int may_be_vbn(const dy_tagger *t, const dy_tok *k, dy_tagmemo *m)
{
    const tg_word *w = tok_word(t, k, m);
    return ends_ed(k) || (w && has_tag(t, w, T_VBN));
}

static int is_finite(int tag)
{
    return tag == T_VBD || tag == T_VBZ || tag == T_VBP || tag == T_MD;
}

/* Might the token after a verb be its object? */
static int objectlike(const dy_tok *toks, size_t n, size_t i)
{
    static const char *const when[] = {
        "last", "this", "next", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "yesterday", "today", "earlier",
        "overnight", "early", "late", NULL};
    if (i >= n)
        return 0;
    switch (toks[i].tag) {
    case T_DT: case T_CD: case T_PRP: case T_PRPS: case T_NNP: case T_NNPS:
    case T_NNS: case T_NN: case T_JJ: case T_JJS: case T_JJR: case T_PDT:
        return !word_is(&toks[i], when);
    default:
        return 0;
    }
}

/* Rules on top of the model, for what an event coder cares about most:
 * the main verb of a clause (the bigram model likes participles after
 * plural nouns: "troops killed" -> VBN), and possessives. */
static void fix_up(const dy_tagger *t, dy_tok *toks, size_t n, dy_tagmemo *m)
{
    /* participles that take a complement: "a group called Hamas" */
    static const char *const complement[] = {
        "called", "named", "dubbed", "termed", "labeled", "labelled",
        "considered", "deemed", "nicknamed", "titled", "entitled", "given",
        "shown", "told", "granted", "awarded", NULL};
    static const char *const aux[] = {
        "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re",
        "'m", "has", "have", "had", "having", "'ve", "'d", "get", "gets",
        "got", "gotten", "getting", NULL};
    static const char *const say[] = {
        "said", "says", "say", "added", "told", "reported", "stated",
        "warned", "claimed", NULL};
    static const char *const by[] = {"by", NULL};
    if (n < 2)
        return;
    int ends = toks[n - 1].tag == T_END;
    /* A closing ", residents said." is not the sentence's main verb. */
    size_t main_end = n;
    for (size_t i = n; i-- > 0;) {
        if (toks[i].tag != T_COMMA)
            continue;
        int sayv = 0, other = 0;
        for (size_t j = i + 1; j < n; j++)
            if (is_finite(toks[j].tag))
                *(word_is(&toks[j], say) ? &sayv : &other) = 1;
        if (sayv && !other && n - i <= 10)
            main_end = i;
        break;
    }
    int finite = 0;
    for (size_t i = 0; i < main_end; i++)
        finite += is_finite(toks[i].tag);
    int finite_before = 0, vbd_before = 0;
    for (size_t i = 1; i < n; i++) {
        dy_tok *k = &toks[i], *p = &toks[i - 1];
        finite_before += is_finite(p->tag);
        vbd_before += p->tag == T_VBD;
        if (k->tag == T_VBZ && k->n == 2 && k->s[0] == '\'' &&
            (k->s[1] == 's' || k->s[1] == 'S') && dy_tag_is_noun(p->tag)) {
            k->tag = T_POS; /* "the minister's" */
            continue;
        }
        if (k->tag == T_VBD && i + 1 < n && may_be_vbn(t, k, m)) {
            int part = 0;
            if (dy_tag_is_noun(p->tag) && word_is(k, complement) &&
                (toks[i + 1].tag == T_NNP || toks[i + 1].tag == T_NNPS ||
                 toks[i + 1].tag == T_OPENQ)) {
                /* "A group called Hamas claimed ...": another verb
                 * follows */
                for (size_t j = i + 2; j < n && j < i + 40 && !part; j++)
                    part = is_finite(toks[j].tag);
            }
            if (dy_tag_is_noun(p->tag) && word_is(&toks[i + 1], by) &&
                (finite_before ||
                 (i + 2 < n && (toks[i + 2].tag == T_NNP ||
                                toks[i + 2].tag == T_NNPS))))
                part = 1; /* "a deal brokered by Turkey" (but "prices
                           * rose by 5 %") */
            if (p->tag == T_COMMA && i >= 2 && dy_tag_is_noun(toks[i - 2].tag) &&
                (toks[i + 1].tag == T_IN || toks[i + 1].tag == T_RB)) {
                /* "The agreement, signed in Doha, calls for ..." */
                for (size_t j = i + 2;
                     j < n && j < i + 12 && toks[j].tag != T_END; j++)
                    if (toks[j].tag == T_COMMA) {
                        part = 1;
                        break;
                    }
            }
            if (part) {
                k->tag = T_VBN;
                if (i < main_end)
                    finite--;
                continue;
            }
        }
        if (k->tag != T_VBN && k->tag != T_JJ)
            continue;
        int strict = k->tag == T_JJ, fix = 0;
        if (p->tag == T_CC && i >= 2 && vbd_before &&
            (dy_tag_is_noun(toks[i - 2].tag) || toks[i - 2].tag == T_CD ||
             toks[i - 2].tag == T_PRP) &&
            (objectlike(toks, n, i + 1) ||
             (!strict && i + 1 < n && (toks[i + 1].tag == T_IN ||
                                       toks[i + 1].tag == T_RP))) &&
            may_be_vbd(t, k, strict, m)) {
            /* "dismissed the prime minister and suspended parliament",
             * "claimed victory and called on supporters to ..." */
            fix = 1;
        } else if (is_noun_or_subject(p) && may_be_vbd(t, k, strict, m)) {
            /* an auxiliary before it makes it a participle: "has the army
             * killed", "were the troops sent" */
            int has_aux = 0;
            for (size_t j = i; j-- > 0 && j + 8 > i && !has_aux;) {
                if (toks[j].tag == T_COMMA || toks[j].tag == T_END ||
                    toks[j].tag == T_WDT || toks[j].tag == T_WP)
                    break;
                has_aux = word_is(&toks[j], aux);
            }
            int obj = objectlike(toks, n, i + 1);
            if (has_aux)
                fix = 0;
            else if (strict) /* "Protesters burned tires and ..." */
                fix = obj && !finite_before && ends;
            else /* "they killed", "troops killed 20 people", "the navy
                  * tracked and warned away", and the one verb of
                  * "Protesters clashed with police." */
                fix = p->tag == T_PRP || (obj && !word_is(k, complement)) ||
                      (i + 2 < n && toks[i + 1].tag == T_CC &&
                       toks[i + 2].tag == T_VBD) ||
                      (!finite && ends && i < main_end &&
                       !word_is(&toks[i + 1], by));
        }
        if (fix) {
            k->tag = T_VBD;
            if (i < main_end)
                finite++;
        }
    }
    /* A sentence still without a finite verb: a plural noun after the
     * subject may be one ("The United States calls on Russia to ..."). */
    if (!finite && ends) {
        for (size_t i = 1; i + 1 < main_end; i++) {
            dy_tok *k = &toks[i];
            const dy_tok *p = &toks[i - 1];
            if (k->tag != T_NNS || !(dy_tag_is_noun(p->tag) ||
                                     p->tag == T_COMMA || p->tag == T_PRP))
                continue;
            const tg_word *w = tok_word(t, k, m);
            if (!w || !has_tag(t, w, T_VBZ))
                continue;
            int q = toks[i + 1].tag;
            if (q == T_IN || q == T_DT || q == T_TO || q == T_PRP ||
                q == T_PRPS || q == T_NNP || q == T_CD || q == T_RB ||
                q == T_JJ) {
                k->tag = T_VBZ;
                break;
            }
        }
    }
}

/* Verbs after auxiliaries that the bigram model reads as nouns or
 * adjectives: a base form after a modal or do-support ("did n't clash",
 * "will not ever clash", "ca n't attack") and a participle after a form of
 * have ("has broken relations", "has reasserted friendship") or, for a
 * word the lexicon knows as a participle, directly after a form of be
 * ("was shot dead"). Adverbs and negation may stand between. Also a base
 * form between "to" and "whether" ("to question whether"). */
static void verbs_after_aux(const dy_tagger *t, dy_tok *toks, size_t n,
                            dy_tagmemo *m)
{
    static const char *const dos[] = {"do", "does", "did", NULL};
    static const char *const haves[] = {"has", "have", "had", "'ve", NULL};
    static const char *const bes[] = {"is", "are", "was", "were", "be",
                                      "been", "being", NULL};
    static const char *const whether[] = {"whether", NULL};
    for (size_t i = 1; i < n; i++) {
        dy_tok *k = &toks[i];
        if (k->tag != T_NN && k->tag != T_JJ && k->tag != T_VBP)
            continue;
        if ((k->flags & (TOKF_CAP | TOKF_UPPER | TOKF_HYPHJOIN | TOKF_DIGIT)) ||
            (i + 1 < n && (toks[i + 1].flags & TOKF_HYPHJOIN)))
            continue;
        size_t j = i;
        while (j > 0 && toks[j - 1].tag == T_RB)
            j--;
        if (j == 0)
            continue;
        const dy_tok *a = &toks[j - 1];
        const tg_word *w = tok_word(t, k, m);
        if ((a->tag == T_MD || word_is(a, dos)) && w && has_tag(t, w, T_VB)) {
            k->tag = T_VB;
        } else if (word_is(a, haves) && k->tag != T_VBP &&
                   may_be_vbn(t, k, m)) {
            k->tag = T_VBN;
        } else if (word_is(a, bes) && k->tag == T_NN && j == i && w &&
                   has_tag(t, w, T_VBN)) {
            k->tag = T_VBN;
        } else if (a->tag == T_TO && j == i && k->tag == T_NN && w &&
                   has_tag(t, w, T_VB) && i + 1 < n &&
                   word_is(&toks[i + 1], whether)) {
            k->tag = T_VB; /* "to question whether" */
        }
    }
}

/* Frequent misreadings of the bigram model: a verb of intent after a
 * plural subject read as a noun ("world powers plan to resume talks",
 * "supporters hope to march": a word the lexicon knows as a present-tense
 * verb, between a plural noun and "to" + a base form), "tear gas" read as
 * a verb and a noun, "began striking" read as an adjective, and "today"
 * as a noun before a verb ("Ukraine today accused"). */
/* "Supporters of the Kataib Hezbollah militia | plan to": the noun phrase
 * before token i is an of-attachment to a plural noun, and the sentence
 * has no finite verb. */
static int plural_of_head(const dy_tok *toks, size_t n, size_t i)
{
    static const char *const of[] = {"of", NULL};
    for (size_t j = 0; j < n; j++)
        if (is_finite(toks[j].tag))
            return 0;
    size_t j = i;
    while (j > 0 && (dy_tag_is_noun(toks[j - 1].tag) || toks[j - 1].tag == T_DT ||
                     toks[j - 1].tag == T_JJ))
        j--;
    return j >= 2 && j < i && word_is(&toks[j - 1], of) &&
           (toks[j - 2].tag == T_NNS || toks[j - 2].tag == T_NNPS);
}

static void plural_intent_verbs(const dy_tagger *t, dy_tok *toks, size_t n,
                                dy_tagmemo *m)
{
    static const char *const tear[] = {"tear", NULL};
    static const char *const gas[] = {"gas", "gassed", NULL};
    static const char *const aspect[] = {
        "began", "begun", "begin", "begins", "started", "start", "starts",
        "continued", "continue", "continues", "resumed", "resume", "stopped",
        "kept", "keep", NULL};
    static const char *const when[] = {"today", "tonight", "yesterday", NULL};
    for (size_t i = 1; i < n; i++) {
        dy_tok *k = &toks[i];
        /* "began striking": an -ing form after a verb of beginning or
         * continuing is its complement, not an adjective */
        if ((k->tag == T_JJ || k->tag == T_NN) && k->nlow > 5 &&
            !memcmp(k->low + k->nlow - 3, "ing", 3) &&
            !(k->flags & (TOKF_CAP | TOKF_UPPER)) &&
            word_is(&toks[i - 1], aspect)) {
            const tg_word *w = tok_word(t, k, m);
            if (!w || has_tag(t, w, T_VBG))
                k->tag = T_VBG;
        }
        /* "Ukraine today accused": a day word between a name and a verb */
        if (k->tag == T_NN && word_is(k, when) && i + 1 < n &&
            (toks[i + 1].tag == T_VBD || toks[i + 1].tag == T_VBZ) &&
            (toks[i - 1].tag == T_NNP || toks[i - 1].tag == T_NNPS ||
             toks[i - 1].tag == T_NNS || toks[i - 1].tag == T_PRP))
            k->tag = T_RB;
    }
    for (size_t i = 1; i + 2 < n; i++) {
        dy_tok *k = &toks[i];
        if (k->nlow == 4 && word_is(k, tear) && word_is(&toks[i + 1], gas)) {
            k->tag = T_NN;
            toks[i + 1].tag = T_NN;
            continue;
        }
        if ((k->tag != T_NN && k->tag != T_NNS) ||
            (k->flags & (TOKF_CAP | TOKF_UPPER | TOKF_HYPHJOIN | TOKF_DIGIT)))
            continue;
        if (toks[i + 1].tag != T_TO || toks[i + 2].tag != T_VB)
            continue;
        if (toks[i - 1].tag != T_NNS && toks[i - 1].tag != T_NNPS &&
            !plural_of_head(toks, n, i))
            continue;
        const tg_word *w = tok_word(t, k, m);
        if (w && has_tag(t, w, T_VBP))
            k->tag = T_VBP;
    }
    static const char *const rel[] = {"that", "which", "who", NULL};
    static const char *const quant[] = {"any", "no", "all", "some", "many",
                                        "these", "those", NULL};
    for (size_t i = 2; i + 2 < n; i++) {
        dy_tok *k = &toks[i];
        if (k->flags & (TOKF_CAP | TOKF_UPPER | TOKF_HYPHJOIN | TOKF_DIGIT))
            continue;
        /* "a resolution that aims to tighten": after a relative pronoun
         * that follows a noun, an -s form before "to" + verb is a verb */
        if (k->tag == T_NNS && word_is(&toks[i - 1], rel) &&
            dy_tag_is_noun(toks[i - 2].tag) && toks[i + 1].tag == T_TO &&
            toks[i + 2].tag == T_VB) {
            const tg_word *w = tok_word(t, k, m);
            if (w && has_tag(t, w, T_VBZ))
                k->tag = T_VBZ;
        }
        /* "remove any doubts Iraq still possesses": after a quantifier an
         * -s form is a plural noun */
        if (k->tag == T_VBZ && word_is(&toks[i - 1], quant)) {
            const tg_word *w = tok_word(t, k, m);
            if (w && has_tag(t, w, T_NNS))
                k->tag = T_NNS;
        }
    }
}

void dy_tagger_tag_memo(const dy_tagger *t, dy_tok *toks, size_t n,
                        dy_tagmemo *m)
{
    if (!t || !toks || !n)
        return;
    tg_sent ss;
    sent_case(toks, n, &ss);
    int prev = T_END;
    for (size_t b = 0; b < n; b += TG_WIN)
        prev = decode_window(t, toks, n, b, DY_MIN(n, b + TG_WIN), prev, &ss,
                             m);
    plural_intent_verbs(t, toks, n, m);
    fix_up(t, toks, n, m);
    verbs_after_aux(t, toks, n, m);
}

void dy_tagger_tag(const dy_tagger *t, dy_tok *toks, size_t n)
{
    dy_tagger_tag_memo(t, toks, n, NULL);
}

#endif /* DY_TAG_COMPAT */

/* The American spelling of a British one the lexicon may lack ("labour"
 * -> "labor", "defence" -> "defense", "centre" -> "center"); 0 if none. */
static size_t us_spelling(const char *low, size_t n, char *out, size_t cap)
{
    if (n < 5 || n + 1 > cap)
        return 0;
    memcpy(out, low, n);
    out[n] = 0;
    if (memcmp(low + n - 4, "ence", 4) == 0) {
        out[n - 2] = 's';
        return n;
    }
    if (memcmp(low + n - 3, "tre", 3) == 0) {
        out[n - 2] = 'e';
        out[n - 1] = 'r';
        return n;
    }
    for (size_t i = 1; i + 3 <= n; i++)
        if (memcmp(low + i, "our", 3) == 0) {
            memmove(out + i + 1, out + i + 2, n - i - 2);
            out[n - 1] = 0;
            return n - 1;
        }
    return 0;
}

static int common_entry(const dy_tagger *t, const tg_word *w)
{
    if (!w || w->total <= 0)
        return 0;
    float proper = 0;
    for (uint8_t i = 0; i < w->nent; i++) {
        const tg_ent *e = &t->ents[w->ent + i];
        if (e->tag == T_NNP || e->tag == T_NNPS)
            proper += e->cnt;
    }
    return proper * 2 < w->total;
}

int dy_tagger_common(const dy_tagger *t, const char *low, size_t n)
{
    if (!t || !n)
        return 0;
    return common_entry(t, lookup(t, low, n));
}

int dy_tagger_common_any(const dy_tagger *t, const char *low, size_t n)
{
    if (!t || !n)
        return 0;
    const tg_word *w = lookup(t, low, n);
    char us[64];
    size_t nu;
    if (!w && (nu = us_spelling(low, n, us, sizeof us)) != 0)
        w = lookup(t, us, nu);
    return common_entry(t, w);
}
