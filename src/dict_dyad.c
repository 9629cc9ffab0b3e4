/* dict_dyad.c - reader of dyad's own dictionary format (docs/FORMAT.md). */
#include "dict.h"
#include "doc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

enum {
    B_NONE = 0, B_COUNTRY, B_ACTOR, B_PERSON, B_AGENT, B_VERB, B_NOUN, B_SET
};

typedef struct parser {
    dy_dict *d;
    const char *path;
    uint32_t file;
    uint32_t line;
    int block;              /* B_*                                           */
    long ent;               /* current entity                                */
    long verb;              /* current verb                                  */
    long set;               /* current set                                   */
    const char *lemma;      /* current verb lemma text (for pattern ids)     */
    size_t lemma_len;
    /* synonyms of the current verb block: verb indices */
    long syn[64];
    size_t nsyn;
    size_t pat_first;       /* first pattern of the block                    */
} parser;

#define FAIL(p, ...) fail_at(p, __VA_ARGS__)

DY_PRINTF(2, 3)
static int fail_at(parser *p, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return dy_fail(&p->d->err, DYAD_EDICT, "%s:%u: %s", p->path, p->line, msg);
}

static dy_src src_of(const parser *p)
{
    dy_src s = {p->file, p->line};
    return s;
}

/* ---- small string helpers -------------------------------------------------- */

typedef struct str {
    const char *s;
    size_t n;
} str;

static bool sp(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static str trim(str x)
{
    while (x.n && sp(x.s[0])) {
        x.s++;
        x.n--;
    }
    while (x.n && sp(x.s[x.n - 1]))
        x.n--;
    return x;
}

/* Split off the first whitespace-separated word of *x. */
static str next_word(str *x)
{
    *x = trim(*x);
    size_t i = 0;
    while (i < x->n && !sp(x->s[i]))
        i++;
    str w = {x->s, i};
    x->s += i;
    x->n -= i;
    *x = trim(*x);
    return w;
}

static bool eq(str x, const char *lit)
{
    size_t n = strlen(lit);
    return x.n == n && memcmp(x.s, lit, n) == 0;
}

/* Iterate over ';'-separated alternatives. Returns false at the end. */
static bool next_alt(str *x, str *out)
{
    while (x->n && (sp(x->s[0]) || x->s[0] == ';')) {
        x->s++;
        x->n--;
    }
    if (!x->n)
        return false;
    size_t i = 0;
    int depth = 0;
    while (i < x->n && (x->s[i] != ';' || depth > 0)) {
        if (x->s[i] == '(')
            depth++;
        else if (x->s[i] == ')' && depth > 0)
            depth--;
        i++;
    }
    *out = trim((str){x->s, i});
    x->s += i;
    x->n -= i;
    return out->n > 0;
}

static bool valid_actor_code(str c)
{
    if (c.n < 3 || c.n > 30)
        return false;
    for (size_t i = 0; i < c.n; i++) {
        char ch = c.s[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '-'))
            return false;
    }
    return true;
}

static bool valid_agent_code(str c)
{
    if (c.n != 3)
        return false;
    for (size_t i = 0; i < 3; i++)
        if (c.s[i] < 'A' || c.s[i] > 'Z')
            return false;
    return true;
}

static bool valid_event_code(str c)
{
    if (eq(c, "---"))
        return true;
    if (c.n < 2 || c.n > 4)
        return false;
    for (size_t i = 0; i < c.n; i++)
        if (!((c.s[i] >= '0' && c.s[i] <= '9') ||
              (i >= 2 && c.s[i] >= 'A' && c.s[i] <= 'Z')))
            return false;
    return true;
}

static void cstr(str x, char *out, size_t cap)
{
    size_t n = DY_MIN(x.n, cap - 1);
    if (n)
        memcpy(out, x.s, n);
    out[n] = 0;
}

/* "FROM..TO" with either end optional. */
static int parse_range(parser *p, str r, int32_t *from, int32_t *to)
{
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < r.n; i++)
        if (r.s[i] == '.' && r.s[i + 1] == '.') {
            dots = r.s + i;
            break;
        }
    if (!dots)
        return FAIL(p, "date range '%.*s' must be FROM..TO (either may be "
                       "empty)", (int)r.n, r.s);
    str a = {r.s, (size_t)(dots - r.s)}, b = {dots + 2, r.n - a.n - 2};
    *from = INT32_MIN;
    *to = INT32_MAX;
    if (a.n && dy_parse_date(a.s, a.n, from))
        return FAIL(p, "bad date '%.*s' (want YYYY-MM-DD)", (int)a.n, a.s);
    if (b.n && dy_parse_date(b.s, b.n, to))
        return FAIL(p, "bad date '%.*s' (want YYYY-MM-DD)", (int)b.n, b.s);
    if (*from > *to)
        return FAIL(p, "date range '%.*s' ends before it starts", (int)r.n,
                    r.s);
    return 0;
}

/* ---- blocks ------------------------------------------------------------------ */

static int add_phrases(parser *p, str rest, int kind, const char *agent)
{
    str alt;
    while (next_alt(&rest, &alt)) {
        int r = dy_dict_add_phrase(p->d, (uint32_t)p->ent, kind, agent, alt.s,
                                   alt.n, src_of(p));
        if (r)
            return r;
    }
    return 0;
}

static int role_line(parser *p, str rest)
{
    str code = next_word(&rest);
    str range = next_word(&rest);
    if (!valid_actor_code(code))
        return FAIL(p, "bad actor code '%.*s' in role", (int)code.n, code.s);
    int32_t from, to;
    int r = parse_range(p, range, &from, &to);
    if (r)
        return r;
    char cc[32], title[128];
    cstr(code, cc, sizeof cc);
    cstr(rest, title, sizeof title);
    return dy_dict_add_role(p->d, (uint32_t)p->ent, cc, from, to, title,
                            src_of(p));
}

/* Add an agent noun and its plural(s). */
static int agent_noun(parser *p, str phrase, bool plural_given)
{
    dy_dict *d = p->d;
    int r = dy_dict_add_phrase(d, (uint32_t)p->ent, PH_AGENT, NULL, phrase.s,
                               phrase.n, src_of(p));
    if (r || plural_given)
        return r;
    /* regular plural of the last word */
    char buf[256], pl[64];
    if (phrase.n >= sizeof buf)
        return 0;
    size_t ls = phrase.n;
    while (ls > 0 && !sp(phrase.s[ls - 1]) && phrase.s[ls - 1] != '-')
        ls--;
    char low[64];
    size_t ln = phrase.n - ls;
    if (ln == 0 || ln >= sizeof low)
        return 0;
    for (size_t i = 0; i < ln; i++) {
        char c = phrase.s[ls + i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (!dy_inflect_noun(low, ln, pl))
        return 0;
    /* keep the original case of the first letter */
    if (phrase.s[ls] >= 'A' && phrase.s[ls] <= 'Z')
        pl[0] = (char)(pl[0] - 32);
    int k = snprintf(buf, sizeof buf, "%.*s%s", (int)ls, phrase.s, pl);
    if (k <= 0 || (size_t)k >= sizeof buf)
        return 0;
    size_t first = d->nphr;
    r = dy_dict_add_phrase(d, (uint32_t)p->ent, PH_AGENT, NULL, buf, (size_t)k,
                           src_of(p));
    if (!r && d->nphr > first)
        d->phr[first].plural = 1;
    return r;
}

/* ---- patterns ------------------------------------------------------------------ */

static uint32_t fnv32(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        if (sp(s[i]))
            continue;
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h;
}

/* Append s[0..n) to out (capacity cap, always NUL-terminated); returns
 * the new length: snprintf's truncation without its cost. */
static size_t cat(char *out, size_t k, size_t cap, const char *s, size_t n)
{
    if (k + 1 >= cap)
        return k;
    if (n > cap - 1 - k)
        n = cap - 1 - k;
    memcpy(out + k, s, n);
    k += n;
    out[k] = 0;
    return k;
}

/* Tokenise one pattern word into lower-case word ids. */
static size_t item_words(parser *p, str w, uint32_t *out, size_t max)
{
    dy_tok toks[16];
    size_t n = dy_dict_tokens(p->d, w.s, w.n, toks, DY_MIN(max, 16));
    for (size_t i = 0; i < n; i++)
        out[i] = dy_dict_intern(p->d, toks[i].low, toks[i].nlow);
    return n;
}

static int pattern_line(parser *p, str line)
{
    dy_dict *d = p->d;
    str full = line;
    str code = next_word(&line);
    char c1[8] = "", c2[8] = "";
    int recip = 0;
    const char *colon = memchr(code.s, ':', code.n);
    str a = code, b = {NULL, 0};
    if (colon) {
        a.n = (size_t)(colon - code.s);
        b.s = colon + 1;
        b.n = code.n - a.n - 1;
    }
    if (!valid_event_code(a) || (colon && !valid_event_code(b)))
        return FAIL(p, "bad event code '%.*s'", (int)code.n, code.s);
    cstr(a, c1, sizeof c1);
    if (colon) {
        cstr(b, c2, sizeof c2);
        recip = strcmp(c1, c2) == 0;
    }
    dy_item before[64], after[64];
    size_t nb = 0, na = 0;
    bool seen_star = false;
    char idbuf[96] = "";
    dy_verb *vb = &d->verbs[p->verb];
    while (line.n) {
        str w = next_word(&line);
        if (!w.n)
            break;
        if (w.n > 3 && memcmp(w.s, "id=", 3) == 0) {
            cstr((str){w.s + 3, w.n - 3}, idbuf, sizeof idbuf);
            continue;
        }
        dy_item *arr = seen_star ? after : before;
        size_t *cnt = seen_star ? &na : &nb;
        if (*cnt + 8 >= 64)
            return FAIL(p, "pattern too long");
        if (eq(w, "*")) {
            if (seen_star)
                return FAIL(p, "pattern has more than one '*'");
            seen_star = true;
            /* particles of a multi-word verb follow the verb directly */
            for (size_t k = 0; k < vb->nparticles; k++) {
                dy_item it = {IT_WORD, 1, 0, vb->particles[k]};
                after[na++] = it;
            }
            continue;
        }
        if (eq(w, "$") || eq(w, "+")) {
            dy_item it = {(uint8_t)(eq(w, "$") ? IT_SRC : IT_TGT), 0, 0, 0};
            arr[(*cnt)++] = it;
            continue;
        }
        if (eq(w, "@place")) {
            /* a place name: a country or capital, or a gazetteer place */
            dy_item it = {IT_PLACE, 0, 0, 0};
            arr[(*cnt)++] = it;
            continue;
        }
        if (w.s[0] == '@') {
            uint32_t nw = dy_dict_intern(d, w.s + 1, w.n - 1);
            long si = dy_dict_find_set(d, nw);
            if (si < 0) {
                /* a set may be defined later, in any file: finish checks */
                si = dy_dict_add_set(d, w.s + 1, w.n - 1);
                if (si < 0)
                    return (int)si;
                d->sets[si].used = src_of(p);
            }
            dy_item it = {IT_SET, 0, 0, (uint32_t)si};
            arr[(*cnt)++] = it;
            continue;
        }
        if (memchr(w.s, '|', w.n)) {
            /* split the alternatives; any multi-word one ("pull-out") turns
             * the item into an anonymous set */
            uint32_t ws[64];
            str alts[64];
            size_t nalt = 0, nw = 0;
            bool multi = false;
            str rest = w;
            while (rest.n && nalt < 64) {
                size_t i = 0;
                while (i < rest.n && rest.s[i] != '|')
                    i++;
                alts[nalt++] = (str){rest.s, i};
                rest.s += i;
                rest.n -= i;
                if (rest.n) {
                    rest.s++;
                    rest.n--;
                }
            }
            /* "a|b_c": underscores join words inside an alternative */
            char altbuf[64][64];
            for (size_t ai = 0; ai < nalt; ai++) {
                size_t l = DY_MIN(alts[ai].n, sizeof altbuf[0] - 1);
                for (size_t c = 0; c < l; c++)
                    altbuf[ai][c] = alts[ai].s[c] == '_' ? ' ' : alts[ai].s[c];
                altbuf[ai][l] = 0;
                alts[ai] = (str){altbuf[ai], l};
            }
            for (size_t ai = 0; ai < nalt; ai++) {
                uint32_t tmp[8];
                size_t k = item_words(p, alts[ai], tmp, 8);
                if (k != 1)
                    multi = true;
                else
                    ws[nw++] = tmp[0];
            }
            if (multi) {
                char name[32];
                snprintf(name, sizeof name, "|alt%zu", d->nsets);
                long si = dy_dict_add_set(d, name, strlen(name));
                if (si < 0)
                    return (int)si;
                d->sets[si].defined = 1;
                for (size_t ai = 0; ai < nalt; ai++) {
                    uint32_t tmp[8];
                    size_t k = item_words(p, alts[ai], tmp, 8);
                    if (k && dy_dict_set_add_member(d, (uint32_t)si, tmp, k))
                        return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
                }
                dy_item it = {IT_SET, 0, 0, (uint32_t)si};
                arr[(*cnt)++] = it;
                continue;
            }
            uint32_t at = dy_dict_add_alt(d, ws, nw);
            if (at == UINT32_MAX)
                return dy_fail(&d->err, DYAD_ENOMEM, "out of memory");
            dy_item it = {IT_ALT, 0, (uint16_t)nw, at};
            arr[(*cnt)++] = it;
            continue;
        }
        /* word or a_b_c (adjacent words) */
        int first = 1;
        str rest = w;
        while (rest.n) {
            size_t i = 0;
            while (i < rest.n && rest.s[i] != '_')
                i++;
            str part = {rest.s, i};
            rest.s += i;
            rest.n -= i;
            if (rest.n) {
                rest.s++;
                rest.n--;
            }
            uint32_t ws[8];
            size_t k = item_words(p, part, ws, 8);
            for (size_t j = 0; j < k; j++) {
                if (*cnt >= 60)
                    return FAIL(p, "pattern too long");
                dy_item it = {IT_WORD, (uint8_t)(first ? 0 : 1), 0, ws[j]};
                arr[(*cnt)++] = it;
                first = 0;
            }
        }
    }
    if (!seen_star)
        return FAIL(p, "pattern has no '*' (the verb)");
    /* items before the verb are stored from the verb leftwards */
    dy_item rev[64];
    /* Reversed, rev[i] must touch its right neighbour (rev[i-1], or the
     * verb for i = 0) when that neighbour was written glued to it. */
    for (size_t i = 0; i < nb; i++) {
        size_t orig = nb - 1 - i;        /* index in `before` */
        rev[i] = before[orig];
        rev[i].adjacent = (orig + 1 < nb) ? before[orig + 1].adjacent : 0;
    }
    char id[128];
    if (idbuf[0]) {
        memcpy(id, idbuf, sizeof idbuf); /* NUL-terminated, shorter than id */
    } else {
        /* "lemma.code.hhhh", as snprintf "%.*s.%s.%04x" would write it */
        static const char hex[] = "0123456789abcdef";
        unsigned h = fnv32(full.s, full.n) & 0xFFFF;
        char hx[5] = {hex[(h >> 12) & 15], hex[(h >> 8) & 15],
                      hex[(h >> 4) & 15], hex[h & 15], 0};
        size_t k = cat(id, 0, sizeof id, p->lemma, p->lemma_len);
        k = cat(id, k, sizeof id, ".", 1);
        k = cat(id, k, sizeof id, c1, code.n ? strlen(c1) : 0);
        k = cat(id, k, sizeof id, ".", 1);
        cat(id, k, sizeof id, hx, 4);
    }
    for (char *q = id; *q; q++)
        if (*q == ' ')
            *q = '_';
    return dy_dict_add_pattern(d, (uint32_t)p->verb, c1, colon ? c2 : "",
                               recip, rev, nb, after, na, id, src_of(p));
}

/* Find an existing verb (same words, same kind) or add one. */
static long find_or_add_verb(parser *p, str lemma, int noun)
{
    dy_dict *d = p->d;
    uint32_t ws[8];
    size_t k = item_words(p, lemma, ws, 8);
    if (k == 0 || k > 5)
        return FAIL(p, "bad verb '%.*s'", (int)lemma.n, lemma.s);
    for (size_t i = 0; i < d->nverbs; i++) {
        dy_verb *v = &d->verbs[i];
        if (v->noun != noun || v->lemma != ws[0] || v->nparticles != k - 1)
            continue;
        bool same = true;
        for (size_t j = 1; j < k; j++)
            if (v->particles[j - 1] != ws[j])
                same = false;
        if (same)
            return (long)i;
    }
    return dy_dict_add_verb(d, lemma.s, lemma.n, noun, src_of(p));
}

/* Irregular forms "meets; met; meeting" of the verb whose lemma word is w. */
static int forms_line(parser *p, str rest, uint32_t lemma)
{
    str alt;
    while (next_alt(&rest, &alt)) {
        uint32_t ws[8];
        size_t k = item_words(p, alt, ws, 8);
        /* a multi-word verb's forms inflect its first word ("hits out") */
        if (k < 1)
            return FAIL(p, "empty form");
        int r = dy_dict_add_irregular(p->d, ws[0], lemma);
        if (r)
            return r;
    }
    return 0;
}

/* Copy the block's patterns to its synonyms. */
static int end_block(parser *p)
{
    dy_dict *d = p->d;
    if ((p->block == B_VERB || p->block == B_NOUN) && p->nsyn) {
        size_t last = d->npats;
        for (size_t s = 0; s < p->nsyn; s++) {
            for (size_t i = p->pat_first; i < last; i++) {
                dy_pattern pt = d->pats[i];
                if (pt.verb != (uint32_t)p->verb)
                    continue;
                /* copy the items (the arrays may move while adding),
                 * replacing the block verb's particles with the synonym's
                 * own ("step down" for "resign") */
                dy_item tmp[512];
                size_t ni = (size_t)pt.nbefore + pt.nafter;
                const dy_verb *bv = &d->verbs[p->verb];
                const dy_verb *sv = &d->verbs[p->syn[s]];
                if (ni + sv->nparticles > DY_ARRAY_LEN(tmp))
                    continue;
                memcpy(tmp, d->items + pt.items, pt.nbefore * sizeof *tmp);
                size_t na = 0;
                dy_item *after = tmp + pt.nbefore;
                for (size_t k = 0; k < sv->nparticles; k++) {
                    dy_item it = {IT_WORD, 1, 0, sv->particles[k]};
                    after[na++] = it;
                }
                for (size_t k = bv->nparticles; k < pt.nafter; k++)
                    after[na++] = d->items[pt.items + pt.nbefore + k];
                int r = dy_dict_add_pattern(d, (uint32_t)p->syn[s], pt.code,
                                            pt.rcode, pt.reciprocal, tmp,
                                            pt.nbefore, after, na, pt.id,
                                            pt.src);
                if (r)
                    return r;
            }
        }
    }
    p->block = B_NONE;
    p->nsyn = 0;
    return 0;
}

static int syn_line(parser *p, str rest)
{
    str alt;
    while (next_alt(&rest, &alt)) {
        /* "flee (flees; fled; fleeing)" */
        const char *lp = memchr(alt.s, '(', alt.n);
        str lemma = alt, forms = {NULL, 0};
        if (lp) {
            lemma.n = (size_t)(lp - alt.s);
            lemma = trim(lemma);
            const char *rp = memchr(lp, ')', alt.n - (size_t)(lp - alt.s));
            if (!rp)
                return FAIL(p, "missing ')' in synonym '%.*s'", (int)alt.n,
                            alt.s);
            forms.s = lp + 1;
            forms.n = (size_t)(rp - lp - 1);
        }
        if (p->nsyn >= DY_ARRAY_LEN(p->syn))
            return FAIL(p, "too many synonyms");
        long v = find_or_add_verb(p, lemma, p->block == B_NOUN);
        if (v < 0)
            return (int)v;
        p->syn[p->nsyn++] = v;
        if (forms.n) {
            int r = forms_line(p, forms, p->d->verbs[v].lemma);
            if (r)
                return r;
        }
    }
    return 0;
}

/* "code 1312 -5.8 3 THREATEN//economic Threaten with sanctions" */
static int code_line(parser *p, str rest)
{
    dy_code c;
    memset(&c, 0, sizeof c);
    str code = next_word(&rest), g = next_word(&rest), q = next_word(&rest),
        pl = next_word(&rest);
    if (!valid_event_code(code) || eq(code, "---"))
        return FAIL(p, "bad event code '%.*s'", (int)code.n, code.s);
    char tmp[32];
    cstr(g, tmp, sizeof tmp);
    char *end;
    double gv = strtod(tmp, &end);
    if (!g.n || *end || gv < -10 || gv > 10)
        return FAIL(p, "bad Goldstein score '%.*s' (want -10..10)", (int)g.n,
                    g.s);
    if (q.n != 1 || q.s[0] < '1' || q.s[0] > '4')
        return FAIL(p, "bad quad class '%.*s' (want 1..4)", (int)q.n, q.s);
    if (!pl.n)
        return FAIL(p, "missing PLOVER category");
    cstr(code, c.code, sizeof c.code);
    c.goldstein = (float)gv;
    c.quad = (uint8_t)(q.s[0] - '0');
    /* PLOVER[/MODE[/CONTEXT]] */
    str parts[3] = {{NULL, 0}, {NULL, 0}, {NULL, 0}};
    size_t np = 0, st = 0;
    for (size_t i = 0; i <= pl.n && np < 3; i++)
        if (i == pl.n || pl.s[i] == '/') {
            parts[np++] = (str){pl.s + st, i - st};
            st = i + 1;
        }
    if (!eq(parts[0], "-"))
        cstr(parts[0], c.plover, sizeof c.plover);
    cstr(parts[1], c.mode, sizeof c.mode);
    cstr(parts[2], c.context, sizeof c.context);
    c.name = dy_arena_strndup(&p->d->arena, rest.s, rest.n);
    if (!c.name)
        return dy_fail(&p->d->err, DYAD_ENOMEM, "out of memory");
    return dy_dict_add_code(p->d, &c);
}

static int header_line(parser *p, str line)
{
    dy_dict *d = p->d;
    int r = end_block(p);
    if (r)
        return r;
    str kw = next_word(&line);
    if (eq(kw, "%dyad-dict")) {
        if (!eq(trim(line), "1"))
            return FAIL(p, "unsupported format version '%.*s'", (int)line.n,
                        line.s);
        return 0;
    }
    if (eq(kw, "country") || eq(kw, "actor")) {
        str code = next_word(&line);
        bool country = eq(kw, "country");
        if (country ? !(code.n == 3 && valid_actor_code(code))
                    : !valid_actor_code(code))
            return FAIL(p, "bad %s code '%.*s'", country ? "country" : "actor",
                        (int)code.n, code.s);
        if (!line.n)
            return FAIL(p, "%.*s %.*s needs a name", (int)kw.n, kw.s,
                        (int)code.n, code.s);
        char cc[32], name[256];
        cstr(code, cc, sizeof cc);
        cstr(line, name, sizeof name);
        p->ent = dy_dict_add_entity(d, country ? ENT_COUNTRY : ENT_ACTOR, cc,
                                    name, src_of(p));
        if (p->ent < 0)
            return (int)p->ent;
        p->block = country ? B_COUNTRY : B_ACTOR;
        return dy_dict_add_phrase(d, (uint32_t)p->ent, PH_NAME, NULL, line.s,
                                  line.n, src_of(p));
    }
    if (eq(kw, "person")) {
        if (!line.n)
            return FAIL(p, "person needs a name");
        char name[256];
        cstr(line, name, sizeof name);
        p->ent = dy_dict_add_entity(d, ENT_PERSON, "", name, src_of(p));
        if (p->ent < 0)
            return (int)p->ent;
        p->block = B_PERSON;
        return dy_dict_add_phrase(d, (uint32_t)p->ent, PH_NAME, NULL, line.s,
                                  line.n, src_of(p));
    }
    if (eq(kw, "agent")) {
        str code = next_word(&line);
        if (!valid_agent_code(code))
            return FAIL(p, "bad agent code '%.*s' (want three capitals)",
                        (int)code.n, code.s);
        char cc[8], name[256];
        cstr(code, cc, sizeof cc);
        cstr(line, name, sizeof name);
        p->ent = dy_dict_add_entity(d, ENT_AGENT, cc, name, src_of(p));
        if (p->ent < 0)
            return (int)p->ent;
        p->block = B_AGENT;
        return 0;
    }
    if (eq(kw, "verb") || eq(kw, "noun")) {
        str lemma = trim(line);
        if (!lemma.n)
            return FAIL(p, "%.*s needs a lemma", (int)kw.n, kw.s);
        p->verb = find_or_add_verb(p, lemma, eq(kw, "noun"));
        if (p->verb < 0)
            return (int)p->verb;
        p->block = eq(kw, "noun") ? B_NOUN : B_VERB;
        p->lemma = lemma.s;
        p->lemma_len = lemma.n;
        p->pat_first = d->npats;
        return 0;
    }
    if (eq(kw, "set")) {
        str name = next_word(&line);
        if (name.n < 2 || name.s[0] != '@')
            return FAIL(p, "set name must start with '@'");
        p->set = dy_dict_add_set(d, name.s + 1, name.n - 1);
        if (p->set < 0)
            return (int)p->set;
        d->sets[p->set].defined = 1;
        p->block = B_SET;
        return 0;
    }
    if (eq(kw, "code"))
        return code_line(p, line);
    if (eq(kw, "discard")) {
        str what = next_word(&line);
        if (!eq(what, "sentence") && !eq(what, "story"))
            return FAIL(p, "discard must be 'discard sentence PHRASE' or "
                           "'discard story PHRASE'");
        if (!line.n)
            return FAIL(p, "discard needs a phrase");
        return dy_dict_add_discard(d, line.s, line.n, eq(what, "story"),
                                   src_of(p));
    }
    return FAIL(p, "unknown keyword '%.*s'", (int)kw.n, kw.s);
}

static int attr_line(parser *p, str line)
{
    dy_dict *d = p->d;
    if (p->block == B_NONE)
        return FAIL(p, "indented line outside a block");
    str kw = next_word(&line);
    switch (p->block) {
    case B_COUNTRY:
    case B_ACTOR:
        if (eq(kw, "name"))
            return add_phrases(p, line, PH_NAME, NULL);
        if (eq(kw, "adj"))
            return add_phrases(p, line, PH_ADJ, NULL);
        if (eq(kw, "role"))
            return role_line(p, line);
        if (p->block == B_COUNTRY) {
            if (eq(kw, "people"))
                return add_phrases(p, line, PH_PEOPLE, NULL);
            if (eq(kw, "capital"))
                return add_phrases(p, line, PH_CAPITAL, NULL);
            if (eq(kw, "seat"))
                return add_phrases(p, line, PH_SEAT, NULL);
            if (eq(kw, "inst")) {
                str ag = next_word(&line);
                if (!valid_agent_code(ag))
                    return FAIL(p, "bad agent code '%.*s' in inst", (int)ag.n,
                                ag.s);
                char a[4];
                cstr(ag, a, sizeof a);
                return add_phrases(p, line, PH_INST, a);
            }
        }
        break;
    case B_PERSON:
        if (eq(kw, "name"))
            return add_phrases(p, line, PH_NAME, NULL);
        if (eq(kw, "role"))
            return role_line(p, line);
        if (eq(kw, "else")) {
            str code = next_word(&line);
            if (!valid_actor_code(code))
                return FAIL(p, "bad actor code '%.*s'", (int)code.n, code.s);
            cstr(code, d->ents[p->ent].else_code,
                 sizeof d->ents[p->ent].else_code);
            return 0;
        }
        break;
    case B_AGENT:
        if (eq(kw, "noun") || eq(kw, "plural")) {
            str alt;
            while (next_alt(&line, &alt)) {
                int r = agent_noun(p, alt, eq(kw, "plural"));
                if (r)
                    return r;
            }
            return 0;
        }
        break;
    case B_VERB:
    case B_NOUN:
        if (eq(kw, "forms") || eq(kw, "plural"))
            return forms_line(p, line, d->verbs[p->verb].lemma);
        if (eq(kw, "syn"))
            return syn_line(p, line);
        if ((kw.n && kw.s[0] >= '0' && kw.s[0] <= '9') || eq(kw, "---") ||
            (kw.n > 3 && memcmp(kw.s, "---", 3) == 0)) {
            /* re-join the code with the rest */
            str whole = {kw.s, (size_t)(line.s + line.n - kw.s)};
            return pattern_line(p, whole);
        }
        break;
    case B_SET:
        if (eq(kw, "word")) {
            str alt;
            while (next_alt(&line, &alt)) {
                uint32_t ws[DY_PHRASE_MAX];
                size_t k = item_words(p, alt, ws, DY_PHRASE_MAX);
                if (k == 0)
                    continue;
                int r = dy_dict_set_add_member(d, (uint32_t)p->set, ws, k);
                if (r)
                    return r;
            }
            return 0;
        }
        break;
    }
    return FAIL(p, "unknown attribute '%.*s' here", (int)kw.n, kw.s);
}

/* Does s have a control character other than a tab? Eight bytes at a
 * time: a word with no byte below 0x20 needs no closer look. */
static bool has_control(const char *s, size_t n)
{
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t v;
        memcpy(&v, s + k, 8);
        if (!((v - 0x2020202020202020ull) & ~v & 0x8080808080808080ull))
            continue;
        for (size_t j = k; j < k + 8; j++)
            if ((unsigned char)s[j] < 0x20 && s[j] != '\t')
                return true;
    }
    for (; k < n; k++)
        if ((unsigned char)s[k] < 0x20 && s[k] != '\t')
            return true;
    return false;
}

int dy_load_dyad(dy_dict *d, const char *path, const char *buf, size_t n)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.d = d;
    p.path = path;
    p.file = dy_dict_file(d, path);
    p.ent = p.verb = p.set = -1;
    size_t i = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3; /* a UTF-8 byte-order mark */
    while (i < n) {
        const char *nl = memchr(buf + i, '\n', n - i);
        size_t j = nl ? (size_t)(nl - buf) : n;
        p.line++;
        str line = {buf + i, j - i};
        /* strip the comment */
        const char *hash = memchr(line.s, '#', line.n);
        if (hash)
            line.n = (size_t)(hash - line.s);
        while (line.n && sp(line.s[line.n - 1]))
            line.n--;
        if (line.n) {
            if (has_control(line.s, line.n))
                return FAIL(&p, "control character in line");
            int r;
            if (sp(line.s[0])) {
                str t = trim(line);
                r = t.n ? attr_line(&p, t) : 0;
            } else {
                r = header_line(&p, line);
            }
            if (r)
                return r;
        }
        i = j + 1;
    }
    return end_block(&p);
}
