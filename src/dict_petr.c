/* dict_petr.c - reader of TABARI / PETRARCH dictionary files.
 *
 * The kind of a file is recognised from its content (dy_petr_detect); the
 * reader then loads it through the dy_dict_add_* functions. Every line is
 * understood, or reported as a warning "file:line: reason" when it is
 * understood but cannot be used (the line, or the part named, is then
 * ignored, as PETRARCH ignores it, or read the way the warning says). What
 * PETRARCH reads leniently is never an error here either. Comments: `#` to
 * the end of the line, lines starting with `<!`, `<!-- ... -->`, and in
 * verb and actor files the KEDS/TABARI `;`. The semantics follow
 * PETRARCH's PETRreader.py (read_verb_dictionary, read_actor_dictionary,
 * read_agent_dictionary, read_discard_list, read_issue_list) and
 * PETRtree.py (check_date, mix_codes); where PETRARCH-1 and -2 differ, the
 * kind of the file decides.
 *
 * How the files map onto dyad's entries:
 *
 *  verbs    `&NAME` synsets and their `+MEMBER` lines become sets named
 *           "petr:name" (".2", ".3"... when another file already has one;
 *           `+&OTHER` copies OTHER's members). `--- NAME [CODE] ---` starts
 *           a block; each verb line (`SAY {SAID SAYING} [040]`, `+SET_UP
 *           {...}`, `RE_+ARREST`) names a verb whose head word (the one
 *           marked `+`) is the lemma of one dyad verb entry: the `{...}`
 *           forms become irregular forms, regular ones are generated at
 *           finish, and a head that is an inflected form of another verb
 *           (`+ATTACKED_AND_STABBED` beside ATTACK) uses that verb's entry.
 *           The other words of a multi-word verb become adjacent pattern
 *           items next to `*`. A verb in two blocks belongs to the first
 *           (PETRARCH-2) or the last (PETRARCH-1). Every pattern of a block
 *           applies to all its verbs: it is stored once per particle
 *           signature and shared by their entries; the block code (or the
 *           verb's own code) is the pattern `CODE *`. Items: words in order
 *           with gaps (`_` = adjacent), `*` the verb, `$` IT_SRC, `+` IT_TGT,
 *           `%` IT_SRC with n = 1 and a reciprocal code (a compound actor),
 *           `^` IT_ANY, `&SET` IT_SET, `A/B` IT_ALT; PETRARCH-2's
 *           `(PREP NOUN)` and `{MODIFIER NOUN}` groups are read as their
 *           words in order. Codes: `[A:B]` code and reverse code, `[:B]`
 *           the reverse event only, `[---]` no event. Ids: petr:BLOCK.CODE
 *           (the bare verb, with .VERB for a verb's own code or words) and
 *           petr:BLOCK.CODE.HASH (a pattern). Verb transformations (`~ ...`)
 *           are counted and reported, not applied.
 *  actors   a primary phrase and its `+` synonyms are one entity. An undated
 *           `[CODE]` is its code (a country when the code is three letters,
 *           else an actor; of several, the last); dated ones (`[C 991231-
 *           080507]`, `[C >080508]`, `[C <990101]`, YYMMDD or YYYYMMDD, both
 *           ends included) make it a person whose roles they are, the
 *           undated code being its `else`. `_` joins words; a final `_`
 *           (TABARI's end of word) means nothing to PETRARCH or dyad.
 *           Phrases are tokenised like news text; PETRARCH writes them in
 *           capitals, so the case guard is set, not spelt: one-word names
 *           must be capitalised when they are ordinary words (Turkey, Chad;
 *           acronyms of up to three letters in capitals: US, UN), longer
 *           names have no guard.
 *  agents   one agent entity per code: `[~GOV]` appends the code to the
 *           actor's (USA -> USAGOV), `[NGO~]` puts it before (the phrases'
 *           prefix flag); `{PLURAL}`, `{}` (none) or a generated plural;
 *           `!NAME! = A, B` substitution sets (no plurals). No case guard.
 *  discards `PHRASE` discards the sentence, `+PHRASE` the story.
 *  issues   counted (categories, phrases, exclusions) in dy_dict.petr:
 *           dyad does not code issues yet. */
#include "dict.h"
#include "doc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- strings ------------------------------------------------------------ */

typedef struct str {
    const char *s;
    size_t n;
} str;

static bool sp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static str mkstr(const char *s, size_t n)
{
    str x = {s, n};
    return x;
}

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

static bool starts(str x, const char *lit)
{
    size_t k = strlen(lit);
    return x.n >= k && memcmp(x.s, lit, k) == 0;
}

static bool eq(str x, const char *lit)
{
    size_t k = strlen(lit);
    return x.n == k && memcmp(x.s, lit, k) == 0;
}

static bool str_eq(str a, str b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.s, b.s, a.n) == 0);
}

static const char *find_ch(str x, char c)
{
    return x.n ? memchr(x.s, c, x.n) : NULL;
}

static const char *find_lit(str x, const char *lit)
{
    size_t k = strlen(lit);
    const char *p = x.s, *e = x.s + x.n;
    while (k && (size_t)(e - p) >= k &&
           (p = memchr(p, lit[0], (size_t)(e - p) - k + 1)) != NULL) {
        if (memcmp(p, lit, k) == 0)
            return p;
        p++;
    }
    return NULL;
}

/* The text from p (inside x) to the end of x. */
static str from(str x, const char *p)
{
    return mkstr(p, x.n - (size_t)(p - x.s));
}

/* The text of x before p. */
static str before(str x, const char *p)
{
    return mkstr(x.s, (size_t)(p - x.s));
}

static str next_tok(str *x)
{
    *x = trim(*x);
    size_t i = 0;
    while (i < x->n && !sp(x->s[i]))
        i++;
    str t = {x->s, i};
    x->s += i;
    x->n -= i;
    return t;
}

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Drop underscores (TABARI's word-end mark) and blanks at the end. */
static str strip_us(str x)
{
    x = trim(x);
    while (x.n && (x.s[x.n - 1] == '_' || sp(x.s[x.n - 1])))
        x.n--;
    return x;
}

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
 * the new length. A cheap snprintf("%s") for the hot paths. */
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

static size_t cats(char *out, size_t k, size_t cap, const char *s)
{
    return cat(out, k, cap, s, strlen(s));
}

/* ---- reading lines ----------------------------------------------------------- */

#define MAXTOK 64

typedef struct rd {
    dy_dict *d;
    const char *path;
    uint32_t file;
    const char *buf;
    size_t n, pos;
    uint32_t line;          /* number of the line last read                 */
    int kind;
    bool semicolon;         /* ';' starts a comment (KEDS/TABARI legacy)    */
    bool in_xml;            /* inside a multi-line <!-- ... --> comment     */
    bool oom;
    dy_buf lbuf;            /* a line with an inline <!-- --> cut out       */
    dy_arena tmp;           /* token strings of the text being tokenised    */
    char text[1024];        /* that text, underscores read as spaces: the
                               tokens may point into it, and are read after
                               tokenize() returns (name_casemask)          */
    dy_tok toks[MAXTOK];
    char low[1024];         /* lower-case words of the fast path            */
    uint32_t lowh[MAXTOK];  /* their hashes                                 */
    struct wcache {         /* recent words of the fast path: word ids      */
        uint32_t id;
        uint8_t n;
        char s[27];
    } *wc;                  /* WCACHE entries, NULL = none                  */
} rd;

#define WCACHE 4096

static dy_src here(const rd *r)
{
    dy_src s = {r->file, r->line};
    return s;
}

static dy_src at_line(const rd *r, uint32_t line)
{
    dy_src s = {r->file, line};
    return s;
}

#define WARN(r, ...) dy_dict_warn((r)->d, here(r), __VA_ARGS__)

DY_PRINTF(2, 3)
static int fail(rd *r, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return dy_fail(&r->d->err, DYAD_EDICT, "%s:%u: %s", r->path, r->line, msg);
}

static int oom(rd *r)
{
    return dy_fail(&r->d->err, DYAD_ENOMEM, "out of memory");
}

static void rewind_rd(rd *r)
{
    r->pos = 0;
    r->line = 0;
    r->in_xml = false;
}

/* The next line without its comments and trailing blanks (leading blanks
 * are kept: actor files mark date restrictions with a tab). Returns false
 * at the end. */
static bool next_line(rd *r, str *out)
{
    if (r->pos >= r->n)
        return false;
    const char *s = r->buf + r->pos;
    size_t left = r->n - r->pos;
    const char *nl = memchr(s, '\n', left);
    size_t len = nl ? (size_t)(nl - s) : left;
    r->pos += len + (nl ? 1 : 0);
    r->line++;
    str x = {s, len};
    out->s = s;
    out->n = 0;
    if (r->in_xml) {
        const char *e = find_lit(x, "-->");
        if (!e)
            return true;
        r->in_xml = false;
        x = from(x, e + 3);
    } else if (starts(x, "<!")) {
        return true;        /* PETRARCH: a line starting "<!" is a comment */
    }
    /* the first '#' (or ';') cuts the line; "<!-- ... -->" before it is
     * cut out, or starts a comment that runs to a later line */
    for (size_t i = 0; i < x.n; i++) {
        const char *h = memchr(x.s + i, '#', x.n - i);
        size_t end = h ? (size_t)(h - x.s) : x.n;
        if (r->semicolon) {
            const char *q = memchr(x.s + i, ';', end - i);
            if (q)
                end = (size_t)(q - x.s);
        }
        const char *lt = memchr(x.s + i, '<', end - i);
        while (lt && (size_t)(x.s + end - lt) >= 4 && memcmp(lt, "<!--", 4) != 0)
            lt = memchr(lt + 1, '<', (size_t)(x.s + end - lt - 1));
        if (!lt || (size_t)(x.s + end - lt) < 4) {
            x.n = end;
            break;
        }
        i = (size_t)(lt - x.s);
        const char *e = find_lit(mkstr(x.s + i + 4, x.n - i - 4), "-->");
        if (!e) {
            r->in_xml = true;
            x.n = i;
            break;
        }
        str tail = from(x, e + 3);
        if (r->lbuf.p && x.s == r->lbuf.p) {
            /* a second comment on the line: cut it out in place */
            memmove(r->lbuf.p + i, tail.s, tail.n);
            r->lbuf.len = i + tail.n;
        } else {
            dy_buf_clear(&r->lbuf);
            dy_buf_put(&r->lbuf, x.s, i);
            dy_buf_put(&r->lbuf, tail.s, tail.n);
            if (r->lbuf.oom) {
                r->oom = true;
                return true;
            }
        }
        x = mkstr(r->lbuf.p ? r->lbuf.p : "", r->lbuf.len);
        i--;                /* go on from the text after the comment */
    }
    while (x.n && sp(x.s[x.n - 1]))
        x.n--;
    *out = x;
    return true;
}

/* ---- tokens ------------------------------------------------------------------ */

/* Plain words (letters and digits between blanks and underscores), the
 * bulk of PETRARCH phrases: split and lower-case them directly, as the
 * tokenizer would. Returns false when the text needs the tokenizer. */
static bool tokenize_plain(rd *r, str x, size_t *count)
{
    size_t nt = 0, k = 0;
    for (size_t i = 0; i < x.n;) {
        char c = x.s[i];
        if (c == '_' || c == ' ' || c == '\t') {
            i++;
            continue;
        }
        if (nt == MAXTOK)
            return false;
        dy_tok *t = &r->toks[nt];
        size_t b = k;
        uint16_t fl = TOKF_SPACE;
        bool up = true;
        size_t letters = 0;
        uint32_t h = 2166136261u;
        for (; i < x.n; i++) {
            c = x.s[i];
            if (c == '_' || c == ' ' || c == '\t')
                break;
            if (is_upper(c)) {
                if (!letters)
                    fl |= TOKF_CAP;
                letters++;
                fl |= TOKF_ALPHA;
                c = (char)(c + 32);
            } else if (is_lower(c)) {
                letters++;
                up = false;
                fl |= TOKF_ALPHA;
            } else if (is_digit(c)) {
                fl |= TOKF_DIGIT;
            } else {
                return false;
            }
            r->low[k++] = c;
            h = (h ^ (unsigned char)c) * 16777619u;
        }
        r->lowh[nt] = h;
        if (up && letters >= 2)
            fl |= TOKF_UPPER;
        memset(t, 0, sizeof *t);
        t->low = r->low + b;
        t->nlow = (uint16_t)(k - b);
        t->s = t->low;
        t->n = t->nlow;
        t->flags = fl;
        nt++;
    }
    *count = nt;
    return true;
}

/* Tokenise x like news text (underscores read as spaces) into word ids
 * and token flags (the tokens stay in r->toks). Returns the token count
 * (MAXTOK when the text is too long to be a phrase), or SIZE_MAX when out
 * of memory. */
static size_t tokenize(rd *r, str x, uint32_t *ids, uint16_t *flags,
                       size_t max)
{
    char *tmp = r->text;
    if (x.n >= sizeof r->text)
        return MAXTOK;
    size_t nt;
    if (tokenize_plain(r, x, &nt)) {
        for (size_t i = 0; i < nt && i < max; i++) {
            const char *ls = r->toks[i].low;
            size_t ln = r->toks[i].nlow;
            struct wcache *c = NULL;
            uint32_t w = 0;
            if (r->wc && ln < sizeof r->wc[0].s) {
                uint32_t h = r->lowh[i];
                c = &r->wc[(h ^ (h >> 13)) & (WCACHE - 1)];
                if (c->n == ln && c->id && memcmp(c->s, ls, ln) == 0)
                    w = c->id;
            }
            if (!w) {
                w = dy_dict_intern(r->d, ls, ln);
                if (!w)
                    return SIZE_MAX;
                if (c) {
                    c->id = w;
                    c->n = (uint8_t)ln;
                    memcpy(c->s, ls, ln);
                }
            }
            ids[i] = w;
            if (flags)
                flags[i] = r->toks[i].flags;
        }
        return nt;
    }
    for (size_t i = 0; i < x.n; i++)
        tmp[i] = x.s[i] == '_' ? ' ' : x.s[i];
    bool ctl = false;
    for (size_t i = 0; i < x.n; i++)
        if ((unsigned char)tmp[i] < 0x20 || tmp[i] == 0x7f) {
            tmp[i] = ' ';       /* as in news text */
            ctl = true;
        }
    if (ctl)
        WARN(r, "control character read as a space");
    dy_arena_reset(&r->tmp);
    nt = dy_tokenize_phrase(tmp, x.n, &r->tmp, r->toks, MAXTOK);
    size_t k = 0;
    for (size_t i = 0; i < nt; i++) {
        const dy_tok *t = &r->toks[i];
        if (!t->low)
            return SIZE_MAX;
        if (!t->nlow)
            continue;
        if (k < max) {
            uint32_t w = dy_dict_intern(r->d, t->low, t->nlow);
            if (!w)
                return SIZE_MAX;
            ids[k] = w;
            if (flags)
                flags[k] = t->flags;
        }
        k++;
    }
    return k;
}

/* The case requirement of a PETRARCH phrase (all its words are written in
 * capitals, so spelling says nothing): a one-word name keeps dyad's case
 * guard for ordinary English words, capitalised (`Turkey`, `Chad`) or, for
 * acronyms of up to three letters, in capitals (`US`, `UN`); longer phrases
 * and agent nouns have no guard. */
static uint32_t name_casemask(rd *r, size_t nt)
{
    if (nt != 1)
        return 0;
    const dy_tok *t = &r->toks[0];
    bool letters = (t->flags & TOKF_ALPHA) && !(t->flags & TOKF_DIGIT);
    size_t nl = 0;
    for (size_t i = 0; i < t->nlow; i++)
        if (is_lower(t->low[i]))
            nl++;
    return letters && nl <= 3 ? CASE_UPPER : CASE_CAP;
}

/* ---- codes ------------------------------------------------------------------ */

/* An event code: "---", or 2-4 characters, two digits then digits or
 * letters ("042", "0874", "075A"). A trailing '!' or '?' (coder marks) is
 * dropped and lower-case letters are raised; *changed tells. Returns 0 or
 * -1 (not an event code). */
static int event_code(str c, char out[8], bool *changed)
{
    c = trim(c);
    *changed = false;
    if (eq(c, "---")) {
        memcpy(out, "---", 4);
        return 0;
    }
    while (c.n && (c.s[c.n - 1] == '!' || c.s[c.n - 1] == '?')) {
        c.n--;
        *changed = true;
    }
    if (c.n < 2 || c.n > 4 || !is_digit(c.s[0]) || !is_digit(c.s[1]))
        return -1;
    for (size_t i = 0; i < c.n; i++) {
        char ch = c.s[i];
        if (is_lower(ch)) {
            ch = (char)(ch - 32);
            *changed = true;
        }
        if (!is_digit(ch) && !is_upper(ch))
            return -1;
        out[i] = ch;
    }
    out[c.n] = 0;
    return 0;
}

/* "A", "A:B", ":B" (reverse event only). */
static int event_codes(str c, char code[8], char rcode[8], bool *changed)
{
    const char *colon = find_ch(c, ':');
    bool ch1 = false, ch2 = false;
    rcode[0] = 0;
    if (!colon)
        return event_code(c, code, changed);
    str a = trim(before(c, colon)), b = trim(from(c, colon + 1));
    if (find_ch(b, ':'))
        return -1;
    if (!a.n)
        memcpy(code, "---", 4);
    else if (event_code(a, code, &ch1))
        return -1;
    if (b.n && event_code(b, rcode, &ch2))
        return -1;
    *changed = ch1 || ch2;
    return 0;
}

/* An actor or agent code: letters, digits and '-', raised to capitals.
 * Returns 0, 1 (lower case was raised) or -1 (not a code). */
static int actor_code(str c, char *out, size_t cap)
{
    c = trim(c);
    int r = 0;
    if (c.n < 1 || c.n >= cap)
        return -1;
    for (size_t i = 0; i < c.n; i++) {
        char ch = c.s[i];
        if (is_lower(ch)) {
            ch = (char)(ch - 32);
            r = 1;
        }
        if (!is_upper(ch) && !is_digit(ch) && ch != '-')
            return -1;
        out[i] = ch;
    }
    out[c.n] = 0;
    return c.n >= 3 ? r : -1;
}

/* ---- dates --------------------------------------------------------------------- */

/* A TABARI date: YYYYMMDD, or YYMMDD with YY <= 30 read as 20YY, else 19YY
 * (PETRreader.dstr_to_ordate: 8 digits or more are YYYYMMDD and only the
 * first 8 count, 6 or 7 are YYMMDD and only the first 6 count; the caller
 * warns about those extra digits). */
static int petr_date(str x, int32_t *days)
{
    if (x.n < 6)
        return -1;
    x.n = x.n >= 8 ? 8 : 6;
    int v[8];
    for (size_t i = 0; i < x.n; i++) {
        if (!is_digit(x.s[i]))
            return -1;
        v[i] = x.s[i] - '0';
    }
    int y, m, d;
    if (x.n == 8) {
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        m = v[4] * 10 + v[5];
        d = v[6] * 10 + v[7];
    } else {
        y = v[0] * 10 + v[1];
        y += y <= 30 ? 2000 : 1900;
        m = v[2] * 10 + v[3];
        d = v[4] * 10 + v[5];
    }
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return -1;
    int ml = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        ml = 29;
    if (d > ml)
        return -1;
    *days = dy_days_from_ymd(y, m, d);
    return 0;
}

/* Warn about a date whose extra digits PETRARCH ignores. */
static void odd_date(dy_dict *d, dy_src src, str x)
{
    if (x.n == 7 || x.n > 8)
        dy_dict_warn(d, src, "date '%.*s' has %zu digits: read as %.*s (the "
                             "first %d, as PETRARCH does)",
                     (int)x.n, x.s, x.n, x.n > 8 ? 8 : 6, x.s, x.n > 8 ? 8 : 6);
}

static str digits(str *x)
{
    *x = trim(*x);
    size_t i = 0;
    while (i < x->n && is_digit(x->s[i]))
        i++;
    str t = {x->s, i};
    x->s += i;
    x->n -= i;
    return t;
}

/* ==== actors ======================================================================= */

typedef struct entry {
    long ent;               /* entity index, -1 = none                      */
    bool skip;              /* an entry that was reported and is skipped    */
    bool coded;             /* a code group was seen (usable or not)        */
    size_t phr0;            /* its first phrase                             */
    char code[32];          /* the undated code ("" = none)                 */
    char also[32];          /* its further codes ("ELR/GAL": "GAL")        */
    uint32_t line;
} entry;

static bool is_country(const char *code)
{
    return strlen(code) == 3 && is_upper(code[0]) && is_upper(code[1]) &&
           is_upper(code[2]);
}

/* The display name of an entry: its primary phrase as written, with
 * spaces for underscores. */
static void entry_name(str text, char *out, size_t cap)
{
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < text.n && k + 1 < cap; i++) {
        char c = text.s[i] == '_' ? ' ' : text.s[i];
        if ((unsigned char)c < 0x20 || c == 0x7f)
            c = ' ';
        if (sp(c)) {
            space = k > 0;
            continue;
        }
        if (space && k + 2 < cap)
            out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = 0;
}

/* Where a phrase of nt tokens allows other words between two of its
 * words (PETRARCH's actor_phrase_match): bit i for words i and i + 1
 * written with a blank between them, not an underscore ("ITHILEN
 * TELEVISION" matches "Ithilen state-run television"). 0 when the words
 * are not the tokens one for one. */
static uint16_t phrase_gaps(str text, size_t nt)
{
    uint16_t gaps = 0;
    size_t parts = 0;
    bool in_word = false, blank = false;
    for (size_t i = 0; i < text.n; i++) {
        char c = text.s[i];
        if (c == ' ' || c == '\t' || c == '_') {
            in_word = false;
            if (c != '_')
                blank = true;
            continue;
        }
        if (!in_word) {
            if (parts > 0 && blank && parts - 1 < 16)
                gaps |= (uint16_t)(1u << (parts - 1));
            parts++;
            in_word = true;
            blank = false;
        }
    }
    return parts == nt ? gaps : 0;
}

/* Add a name phrase (primary or synonym) of the current entry. Returns the
 * number of tokens (0 when nothing was added), or a negative status. */
static int actor_phrase(rd *r, entry *e, str text, char *name, size_t namecap)
{
    uint32_t ids[DY_PHRASE_MAX];
    text = strip_us(text);
    size_t nt = tokenize(r, text, ids, NULL, DY_PHRASE_MAX);
    if (nt == SIZE_MAX)
        return oom(r);
    if (nt == 0) {
        WARN(r, "empty actor phrase: ignored%s",
             name ? " with its synonyms and codes" : "");
        return 0;
    }
    if (nt > DY_PHRASE_MAX) {
        WARN(r, "actor phrase longer than %d words: ignored%s", DY_PHRASE_MAX,
             name ? " with its synonyms and codes" : "");
        return 0;
    }
    uint32_t mask = name_casemask(r, nt);
    if (name) {
        /* a primary phrase: its entity (kind and code come at its end) */
        entry_name(text, name, namecap);
        long ent = dy_dict_add_entity(r->d, ENT_ACTOR, "", name, here(r));
        if (ent < 0)
            return (int)ent;
        e->ent = ent;
        e->phr0 = r->d->nphr;
    }
    if (e->ent < 0)
        return (int)nt;
    size_t first = r->d->nphr;
    int rc = dy_dict_add_phrase_words(r->d, (uint32_t)e->ent, PH_NAME, NULL,
                                      ids, nt, mask, here(r));
    if (!rc && r->d->nphr > first) {
        r->d->phr[first].petr = 1;
        r->d->phr[first].gaps = phrase_gaps(text, nt);
    }
    return rc ? rc : (int)nt;
}

/* Finish the current entry: its kind and code, or drop it when it has no
 * code at all. */
static void end_entry(rd *r, entry *e)
{
    if (e->ent < 0)
        return;
    dy_dict *d = r->d;
    dy_entity *en = &d->ents[e->ent];
    if (en->nroles) {
        en->kind = ENT_PERSON;
        en->code[0] = 0;
        cats(en->else_code, 0, sizeof en->else_code, e->code);
    } else if (e->code[0]) {
        en->kind = is_country(e->code) ? ENT_COUNTRY : ENT_ACTOR;
        cats(en->code, 0, sizeof en->code, e->code);
        cats(en->also, 0, sizeof en->also, e->also);
    } else {
        dy_dict_warn(d, at_line(r, e->line),
                     e->coded ? "actor '%s' has no usable code: ignored"
                              : "actor '%s' has no code (no [CODE] on it and "
                                "no code line after it): ignored, PETRARCH "
                                "codes nothing for it either",
                     en->name);
        d->nphr = e->phr0;
        if ((size_t)e->ent + 1 == d->nents)
            d->nents--;
    }
    e->ent = -1;
}

/* One code group "[CODE]" or "[CODE restriction]" (text inside the
 * brackets). */
static int actor_code_group(rd *r, entry *e, str g)
{
    dy_dict *d = r->d;
    g = trim(g);
    str c = next_tok(&g);
    str rest = trim(g);
    char code[32];
    d->petr.actor_codes++;
    e->coded = true;
    /* "ELR/GAL": several actors; dyad's own coding gives one actor per
     * phrase, the first; PETRARCH coding codes each (undated codes) */
    const char *slash = find_ch(c, '/');
    char also[32] = "";
    if (slash) {
        WARN(r, "several codes '%.*s' for one phrase: dyad codes one actor, "
                "the first (PETRARCH-coded verbs: each, if undated)",
             (int)c.n, c.s);
        str more = from(c, slash + 1);
        size_t k = 0;
        while (more.n) {
            const char *s2 = find_ch(more, '/');
            str one = s2 ? before(more, s2) : more;
            char oc[32];
            if (actor_code(one, oc, sizeof oc) >= 0 &&
                k + strlen(oc) + 2 < sizeof also) {
                if (k)
                    also[k++] = '/';
                k = cats(also, k, sizeof also, oc);
            }
            more = s2 ? from(more, s2 + 1) : mkstr(more.s + more.n, 0);
        }
        c = before(c, slash);
    }
    int cr = actor_code(c, code, sizeof code);
    if (cr < 0) {
        WARN(r, "'%.*s' is not an actor code: ignored", (int)c.n, c.s);
        return 0;
    }
    if (cr > 0)
        WARN(r, "actor code '%.*s' read as %s", (int)c.n, c.s, code);
    if (e->ent < 0) {
        if (!e->skip)
            WARN(r, "code restriction before any actor: ignored");
        return 0;
    }
    if (!rest.n) {
        if (e->code[0] && strcmp(e->code, code) != 0)
            WARN(r, "second default code %s replaces %s (the last one wins, "
                    "as in PETRARCH)",
                 code, e->code);
        cats(e->code, 0, sizeof e->code, code);
        cats(e->also, 0, sizeof e->also, also);
        return 0;
    }
    int32_t fromd = INT32_MIN, to = INT32_MAX;
    str orig = rest;
    char op = rest.s[0];
    if (op == '<' || op == '>') {
        rest.s++;
        rest.n--;
        str dt = digits(&rest);
        int32_t days;
        int bad = petr_date(dt, &days);
        if (!bad)
            odd_date(d, here(r), dt);
        if (bad || trim(rest).n) {
            WARN(r, "bad date restriction '%.*s' (want <DATE, >DATE or "
                    "DATE-DATE with YYMMDD or YYYYMMDD dates): line ignored",
                 (int)orig.n, orig.s);
            return 0;
        }
        if (op == '<')
            to = days;
        else
            fromd = days;
    } else {
        str a = digits(&rest);
        rest = trim(rest);
        int32_t da, db;
        int bad_a = petr_date(a, &da);
        if (!bad_a)
            odd_date(d, here(r), a);
        if (bad_a) {
            str bad = a.n ? a : orig;
            WARN(r, "bad date '%.*s' (want YYMMDD or YYYYMMDD): line ignored",
                 (int)bad.n, bad.s);
            return 0;
        }
        if (!rest.n) {
            WARN(r, "date '%.*s' without '<', '>' or '-': read as >%.*s (from "
                    "that day on)",
                 (int)a.n, a.s, (int)a.n, a.s);
            fromd = da;
        } else if (rest.s[0] == '-') {
            rest.s++;
            rest.n--;
            str b = digits(&rest);
            int bad_b = petr_date(b, &db);
            if (!bad_b)
                odd_date(d, here(r), b);
            if (bad_b || trim(rest).n) {
                WARN(r, "bad date range '%.*s' (want DATE-DATE with YYMMDD or "
                        "YYYYMMDD dates): line ignored",
                     (int)orig.n, orig.s);
                return 0;
            }
            if (db < da) {
                WARN(r, "date range '%.*s' ends before it starts: line ignored "
                        "(as in PETRARCH)",
                     (int)orig.n, orig.s);
                return 0;
            }
            fromd = da;
            to = db;
        } else {
            WARN(r, "bad date restriction '%.*s': line ignored", (int)orig.n,
                 orig.s);
            return 0;
        }
    }
    return dy_dict_add_role(d, (uint32_t)e->ent, code, fromd, to, NULL,
                            here(r));
}

/* The "[...]" groups of a line (after the phrase). */
static int actor_groups(rd *r, entry *e, str x)
{
    str junk = {NULL, 0};
    x = trim(x);
    while (x.n) {
        const char *lb = find_ch(x, '[');
        if (!lb) {
            junk = x;
            break;
        }
        if (trim(before(x, lb)).n && !junk.s)
            junk = trim(before(x, lb));
        str in = from(x, lb + 1);
        const char *rb = find_ch(in, ']');
        if (!rb)
            WARN(r, "missing ']' after '%.*s'", (int)in.n, in.s);
        int rc = actor_code_group(r, e, rb ? before(in, rb) : in);
        if (rc)
            return rc;
        x = rb ? trim(from(in, rb + 1)) : mkstr(in.s + in.n, 0);
    }
    if (junk.n)
        WARN(r, "text after the code ignored: '%.*s'", (int)junk.n, junk.s);
    return 0;
}

static int new_entry(rd *r, entry *e, str phrase)
{
    dy_dict *d = r->d;
    char name[256];
    e->ent = -1;
    e->code[0] = 0;
    e->also[0] = 0;
    e->line = r->line;
    e->coded = false;
    e->phr0 = d->nphr;
    int nt = actor_phrase(r, e, phrase, name, sizeof name);
    e->skip = nt == 0;
    return nt < 0 ? nt : 0;
}

/* Number of lines in the buffer (to reserve room for the entries). */
static size_t count_lines(const rd *r)
{
    size_t k = 1;
    for (const char *p = r->buf, *e = r->buf + r->n;
         p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
        k++;
    return k;
}

static int load_actors(rd *r)
{
    dy_dict *d = r->d;
    /* an actor file has about one entity, one phrase and one code per
     * line or less: reserve once instead of growing */
    size_t nl = count_lines(r);
    if (DY_GROW(d->ents, d->capents, d->nents + nl / 2) ||
        DY_GROW(d->phr, d->capphr, d->nphr + nl) ||
        DY_GROW(d->roles, d->caproles, d->nroles + nl))
        return oom(r);
    entry e = {-1, false, false, 0, "", "", 0};
    str line;
    int rc = 0;
    while (!rc && next_line(r, &line)) {
        if (!line.n)
            continue;
        bool indented = sp(line.s[0]);
        str t = trim(line);
        if (!t.n)
            continue;
        if (find_ch(t, '-') && find_lit(t, "---STOP---")) {
            WARN(r, "---STOP---: the rest of the file is not read (as in "
                    "PETRARCH)");
            break;
        }
        if (t.s[0] == '[') {
            rc = actor_groups(r, &e, t);
            continue;
        }
        if (t.s[0] == '+') {
            if (e.ent < 0) {
                if (!e.skip)
                    WARN(r, "synonym before any actor: ignored");
                continue;
            }
            str rest = mkstr(t.s + 1, t.n - 1);
            const char *lb = find_ch(rest, '[');
            if (lb) {
                WARN(r, "code on a synonym line ignored (the entry's codes "
                        "apply)");
                rest = before(rest, lb);
            }
            /* "+TAIOAN_ +TAWIAN_": two synonyms on one line */
            while (rest.n && !rc) {
                const char *plus = find_lit(rest, " +");
                if (!plus)
                    plus = find_lit(rest, "\t+");
                str one = plus ? before(rest, plus) : rest;
                int nt = actor_phrase(r, &e, one, NULL, 0);
                if (nt < 0)
                    rc = nt;
                else if (nt > 0)
                    d->petr.actor_synonyms++;
                rest = plus ? from(rest, plus + 2) : mkstr(rest.s + rest.n, 0);
            }
            continue;
        }
        /* a primary phrase, optionally with codes */
        if (indented)
            WARN(r, "indented line with a phrase read as a new actor");
        end_entry(r, &e);
        d->petr.actor_entries++;
        const char *lb = find_ch(t, '[');
        str phrase = lb ? before(t, lb) : t;
        rc = new_entry(r, &e, phrase);
        if (!rc && lb)
            rc = actor_groups(r, &e, from(t, lb));
    }
    if (!rc)
        end_entry(r, &e);
    return rc;
}

/* ==== agents ======================================================================= */

typedef struct marker {
    str name;
    size_t v0, nvals;       /* values: vals[v0 .. v0 + nvals)               */
} marker;

typedef struct agents_rd {
    marker *m;
    size_t nm, capm;
    str *vals;              /* all marker values                            */
    size_t nv, capv;
    long *ents;             /* agent entities of PETRARCH codes             */
    size_t ne, cape;
    dy_arena strs;          /* marker names and values                      */
} agents_rd;

static long agent_entity(rd *r, agents_rd *a, const char *written,
                         const char *code)
{
    dy_dict *d = r->d;
    for (size_t i = 0; i < a->ne; i++)
        if (strcmp(d->ents[a->ents[i]].name, written) == 0)
            return a->ents[i];
    long ent = dy_dict_add_entity(d, ENT_AGENT, code, written, here(r));
    if (ent < 0)
        return ent;
    if (DY_GROW(a->ents, a->cape, a->ne + 1))
        return oom(r);
    a->ents[a->ne++] = ent;
    return ent;
}

static int agent_add(rd *r, long ent, bool prefix, str text, bool plural,
                     bool make_plural)
{
    dy_dict *d = r->d;
    uint32_t ids[DY_PHRASE_MAX];
    text = strip_us(text);
    size_t nt = tokenize(r, text, ids, NULL, DY_PHRASE_MAX);
    if (nt == SIZE_MAX)
        return oom(r);
    if (nt == 0) {
        WARN(r, "empty agent phrase: ignored");
        return 0;
    }
    if (nt > DY_PHRASE_MAX) {
        WARN(r, "agent phrase longer than %d words: ignored", DY_PHRASE_MAX);
        return 0;
    }
    const dy_tok *last = &r->toks[nt - 1];
    bool can_plural = (last->flags & TOKF_ALPHA) && !(last->flags & TOKF_DIGIT) &&
                      last->nlow >= 2;
    char pl[64];
    size_t npl = 0;
    if (make_plural && can_plural && dy_inflect_noun(last->low, last->nlow, pl))
        npl = strlen(pl);
    size_t first = d->nphr;
    int rc = dy_dict_add_phrase_words(d, (uint32_t)ent, PH_AGENT, NULL, ids,
                                      nt, 0, here(r));
    if (rc)
        return rc;
    uint16_t gaps = phrase_gaps(text, nt);
    if (d->nphr > first) {
        d->phr[first].prefix = prefix;
        d->phr[first].plural = plural;
        d->phr[first].petr = 1;
        d->phr[first].gaps = gaps;
    }
    if (npl) {
        uint32_t w = dy_dict_intern(d, pl, npl);
        if (!w)
            return oom(r);
        ids[nt - 1] = w;
        first = d->nphr;
        rc = dy_dict_add_phrase_words(d, (uint32_t)ent, PH_AGENT, NULL, ids, nt,
                                      0, here(r));
        if (!rc && d->nphr > first) {
            d->phr[first].prefix = prefix;
            d->phr[first].plural = 1;
            d->phr[first].petr = 1;
            d->phr[first].gaps = gaps;
        }
    }
    return rc;
}

static long marker_index(const agents_rd *a, str name)
{
    for (size_t i = 0; i < a->nm; i++)
        if (str_eq(a->m[i].name, name))
            return (long)i;
    return -1;
}

static const marker *find_marker(const agents_rd *a, str name)
{
    long i = marker_index(a, name);
    return i < 0 ? NULL : &a->m[i];
}

/* A copy that outlives the line (lines may live in a reused buffer). */
static str keep(dy_arena *a, str x)
{
    char *p = dy_arena_strndup(a, x.s, x.n);
    return p ? mkstr(p, x.n) : mkstr(NULL, 0);
}

/* "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON" */
static int agent_marker(rd *r, agents_rd *a, str t)
{
    const char *b1 = find_ch(t, '!');
    const char *b2 = b1 ? find_ch(from(t, b1 + 1), '!') : NULL;
    const char *eqs = b2 ? find_ch(from(t, b2), '=') : NULL;
    if (!eqs || b2 == b1 + 1) {
        WARN(r, "substitution marker incorrectly defined (want !NAME! = A, B): "
                "ignored");
        return 0;
    }
    str name = mkstr(b1 + 1, (size_t)(b2 - b1 - 1));
    long mi = marker_index(a, name);
    if (mi >= 0)
        WARN(r, "substitution marker !%.*s! defined again: the new list "
                "replaces the old",
             (int)name.n, name.s);
    size_t v0 = a->nv;
    str list = from(t, eqs + 1);
    while (list.n) {
        const char *comma = find_ch(list, ',');
        str v = trim(comma ? before(list, comma) : list);
        if (v.n) {
            if (DY_GROW(a->vals, a->capv, a->nv + 1))
                return oom(r);
            v = keep(&a->strs, v);
            if (!v.s)
                return oom(r);
            a->vals[a->nv++] = v;
        }
        list = comma ? from(list, comma + 1) : mkstr(list.s + list.n, 0);
    }
    if (mi < 0) {
        if (DY_GROW(a->m, a->capm, a->nm + 1))
            return oom(r);
        mi = (long)a->nm++;
        a->m[mi].name = keep(&a->strs, name);
        if (!a->m[mi].name.s)
            return oom(r);
    }
    a->m[mi].v0 = v0;
    a->m[mi].nvals = a->nv - v0;
    r->d->petr.agent_macros++;
    return 0;
}

/* Phrase text with the first !MARKER! replaced by val; further markers
 * glued inside a word ("AD!MINIST!RATION", an old search-and-replace
 * accident) are read as their letters. */
static size_t marker_text(rd *r, const agents_rd *a, str pre, str val,
                          str post, char *out, size_t cap, bool *glued)
{
    size_t k = 0;
    str parts[2] = {pre, val};
    for (int p = 0; p < 2; p++)
        for (size_t i = 0; i < parts[p].n && k + 1 < cap; i++)
            out[k++] = parts[p].s[i];
    for (size_t i = 0; i < post.n && k + 1 < cap; i++) {
        if (post.s[i] == '!') {
            const char *e = find_ch(from(post, post.s + i + 1), '!');
            if (e && find_marker(a, mkstr(post.s + i + 1,
                                          (size_t)(e - post.s - i - 1)))) {
                *glued = true;
                for (const char *q = post.s + i + 1; q < e && k + 1 < cap; q++)
                    out[k++] = *q;
                i = (size_t)(e - post.s);
                continue;
            }
        }
        out[k++] = post.s[i];
    }
    (void)r;
    out[k] = 0;
    return k;
}

static int agent_line(rd *r, agents_rd *a, str t)
{
    dy_dict *d = r->d;
    const char *lb = find_ch(t, '[');
    if (!lb) {
        WARN(r, "agent without a [CODE]: ignored (as in PETRARCH)");
        return 0;
    }
    str phrase = trim(before(t, lb));
    str in = from(t, lb + 1);
    const char *rb = find_ch(in, ']');
    str code = in, after = {NULL, 0};
    if (rb) {
        code = before(in, rb);
        after = trim(from(in, rb + 1));
    } else if ((rb = find_ch(in, '}')) != NULL) {
        WARN(r, "code closed with '}' instead of ']'");
        code = before(in, rb);
        after = trim(from(in, rb + 1));
    } else {
        WARN(r, "missing ']' after the code");
    }
    if (after.n)
        WARN(r, "text after the code ignored: '%.*s'", (int)after.n, after.s);
    code = trim(code);
    bool prefix = false;
    if (code.n && code.s[code.n - 1] == '~' && !(code.s[0] == '~')) {
        prefix = true;
        code.n--;
    } else if (code.n && code.s[0] == '~') {
        code.s++;
        code.n--;
    } else {
        WARN(r, "agent code '%.*s' without '~': read as ~%.*s (after the "
                "actor's code)",
             (int)code.n, code.s, (int)code.n, code.s);
    }
    char cc[32];
    int cr = actor_code(code, cc, sizeof cc);
    if (cr < 0) {
        WARN(r, "'%.*s' is not an agent code: ignored", (int)code.n, code.s);
        return 0;
    }
    if (cr > 0)
        WARN(r, "agent code '%.*s' read as %s", (int)code.n, code.s, cc);
    if (!phrase.n) {
        WARN(r, "agent code without a phrase: ignored");
        return 0;
    }
    char written[40];
    snprintf(written, sizeof written, prefix ? "%s~" : "~%s", cc);
    long ent = agent_entity(r, a, written, cc);
    if (ent < 0)
        return (int)ent;
    d->petr.agent_lines++;
    const char *m1 = find_ch(phrase, '!');
    if (m1) {
        /* substitution marker: every value, no plurals */
        const char *m2 = find_ch(from(phrase, m1 + 1), '!');
        if (!m2) {
            WARN(r, "substitution marker syntax incorrect: ignored");
            return 0;
        }
        str name = mkstr(m1 + 1, (size_t)(m2 - m1 - 1));
        const marker *m = find_marker(a, name);
        if (!m) {
            WARN(r, "substitution marker !%.*s! is not defined: ignored",
                 (int)name.n, name.s);
            return 0;
        }
        str pre = before(phrase, m1), post = from(phrase, m2 + 1);
        const char *br = find_ch(post, '{');
        if (br) {
            const char *be = find_ch(from(post, br), '}');
            str pl = be ? trim(mkstr(br + 1, (size_t)(be - br - 1))) : from(post, br);
            if (pl.n)
                WARN(r, "plural given with a substitution marker ignored (the "
                        "marker's values are used as they are)");
            post = before(post, br);
        }
        bool glued = false;
        for (size_t i = 0; i < m->nvals; i++) {
            char text[512];
            str val = a->vals[m->v0 + i];
            size_t k = marker_text(r, a, pre, val, post, text, sizeof text,
                                   &glued);
            int rc = agent_add(r, ent, prefix, mkstr(text, k), false, false);
            if (rc)
                return rc;
        }
        if (glued)
            WARN(r, "a second substitution marker inside a word is read as its "
                    "letters (AD!MINIST!RATION = ADMINISTRATION)");
        return 0;
    }
    const char *br = find_ch(phrase, '{');
    if (br) {
        const char *be = find_ch(from(phrase, br), '}');
        if (!be) {
            WARN(r, "missing '}': ignored (as in PETRARCH)");
            return 0;
        }
        str sing = trim(before(phrase, br));
        str pl = trim(mkstr(br + 1, (size_t)(be - br - 1)));
        if (trim(from(phrase, be + 1)).n)
            WARN(r, "text after the plural ignored");
        int rc = agent_add(r, ent, prefix, sing, false, false);
        if (!rc && strip_us(pl).n)
            rc = agent_add(r, ent, prefix, pl, true, false);
        return rc;
    }
    return agent_add(r, ent, prefix, phrase, false, true);
}

static int load_agents(rd *r)
{
    dy_dict *d = r->d;
    agents_rd a;
    memset(&a, 0, sizeof a);
    dy_arena_init(&a.strs, 4096);
    /* agent entities of PETRARCH codes already loaded (another file) */
    int rc = 0;
    for (size_t i = 0; i < d->nents && !rc; i++) {
        const dy_entity *e = &d->ents[i];
        size_t nl = strlen(e->name);
        if (e->kind == ENT_AGENT && nl &&
            (e->name[0] == '~' || e->name[nl - 1] == '~')) {
            if (DY_GROW(a.ents, a.cape, a.ne + 1))
                rc = oom(r);
            else
                a.ents[a.ne++] = (long)i;
        }
    }
    str line;
    while (!rc && next_line(r, &line)) {
        str t = trim(line);
        if (!t.n)
            continue;
        if (find_ch(t, '!') && find_ch(t, '=') && !find_ch(t, '['))
            rc = agent_marker(r, &a, t);
        else
            rc = agent_line(r, &a, t);
    }
    dy_free(a.m);
    dy_free(a.vals);
    dy_free(a.ents);
    dy_arena_free(&a.strs);
    return rc;
}

/* ==== discards ===================================================================== */

static int load_discards(rd *r)
{
    str line;
    while (next_line(r, &line)) {
        str t = trim(line);
        if (!t.n)
            continue;
        bool story = t.s[0] == '+';
        if (story)
            t = trim(mkstr(t.s + 1, t.n - 1));
        t = strip_us(t);
        char text[1024];
        if (!t.n || t.n >= sizeof text) {
            WARN(r, "discard phrase empty or too long: ignored");
            continue;
        }
        for (size_t i = 0; i < t.n; i++)
            text[i] = t.s[i] == '_' ? ' ' : t.s[i];
        int rc = dy_dict_add_discard(r->d, text, t.n, story, here(r));
        if (rc)
            return rc;
        r->d->petr.discards++;
    }
    return 0;
}

/* ==== issues ======================================================================= */

static int load_issues(rd *r)
{
    dy_dict *d = r->d;
    str line;
    bool inside = false;
    while (next_line(r, &line)) {
        str t = trim(line);
        if (!t.n)
            continue;
        if (starts(t, "<ISSUE")) {
            if (inside)
                WARN(r, "<ISSUE> inside another (missing </ISSUE>)");
            if (!find_lit(t, "CATEGORY="))
                WARN(r, "<ISSUE> without CATEGORY=");
            inside = true;
            d->petr.issue_categories++;
            continue;
        }
        if (starts(t, "</ISSUE")) {
            if (!inside)
                WARN(r, "</ISSUE> without <ISSUE>");
            inside = false;
            continue;
        }
        if (t.s[0] == '<') {
            WARN(r, "unknown tag '%.*s': ignored", (int)t.n, t.s);
            continue;
        }
        if (t.s[0] == '~') {
            str p = trim(mkstr(t.s + 1, t.n - 1));
            if (p.n && p.s[0] == '~')
                p = trim(mkstr(p.s + 1, p.n - 1));
            if (!p.n)
                WARN(r, "issue exclusion without a phrase: ignored");
            else
                d->petr.issue_exclusions++;
            continue;
        }
        if (!find_ch(t, '[')) {
            WARN(r, "issue phrase without a [CODE]: ignored (as in PETRARCH)");
            continue;
        }
        int nent = 0;
        while (t.n) {
            const char *lb = find_ch(t, '[');
            if (!lb) {
                WARN(r, "text after the code ignored: '%.*s'", (int)t.n, t.s);
                break;
            }
            str phrase = trim(before(t, lb));
            str in = from(t, lb + 1);
            const char *rb = find_ch(in, ']');
            if (!rb)
                WARN(r, "missing ']' after the issue code");
            str code = trim(rb ? before(in, rb) : in);
            if (!phrase.n || !code.n) {
                WARN(r, "issue %s without a %s: ignored",
                     phrase.n ? "phrase" : "code", phrase.n ? "code" : "phrase");
            } else {
                if (++nent == 2)
                    WARN(r, "two issue entries on one line");
                d->petr.issue_phrases++;
            }
            t = rb ? trim(from(in, rb + 1)) : mkstr(in.s + in.n, 0);
        }
    }
    if (inside)
        WARN(r, "file ends inside an <ISSUE> (missing </ISSUE>)");
    return 0;
}

/* ==== verbs ======================================================================== */

#define MAXI 56             /* pattern items on each side of the verb       */
#define MAXPART 4           /* words of a multi-word verb around its head   */

typedef struct synent {
    str name;               /* without '&' and final '_'                    */
    long set;               /* dy_set index, -1 = ignored                   */
    uint32_t line;
} synent;

typedef struct pverb {
    uint32_t lemma;         /* head word                                    */
    uint32_t pre[MAXPART], post[MAXPART];
    uint8_t npre, npost;
    uint8_t dead;           /* superseded by the same verb in another block */
    char code[8], rcode[8]; /* own code, "" = the block's                   */
    uint32_t block, line;
    str text;               /* the verb as written (for ids)                */
    uint32_t dv;            /* dyad verb entry (set when emitting)          */
} pverb;

typedef struct ppat {
    uint32_t line;
    char code[8], rcode[8];
    uint8_t recip;
    uint8_t star_adj;       /* the last item before '*' touches the verb    */
    uint8_t nb, na;
    uint32_t item0;         /* items: nb before (written order), na after   */
    uint32_t hash;
} ppat;

typedef struct pblock {
    str name;
    char code[8], rcode[8];
    uint32_t line;
    uint32_t pat0, npat;
    uint32_t nverbs;        /* verb lines read in the block                 */
} pblock;

typedef struct vr {
    synent *syn;
    size_t nsyn, capsyn;
    pverb *verbs;
    size_t nverbs, capverbs;
    ppat *pats;
    size_t npats, cappats;
    pblock *blocks;
    size_t nblocks, capblocks;
    dy_item *items;         /* adjacent = touches the previous item          */
    size_t nitems, capitems;
    uint32_t *vmap;         /* verb key hash table: index + 1               */
    size_t vmapcap;
    dy_arena strs;          /* names kept beyond their line                 */
} vr;

static void vr_free(vr *v)
{
    dy_free(v->syn);
    dy_free(v->verbs);
    dy_free(v->pats);
    dy_free(v->blocks);
    dy_free(v->items);
    dy_free(v->vmap);
    dy_arena_free(&v->strs);
}

static long find_syn(const vr *v, str name)
{
    for (size_t i = 0; i < v->nsyn; i++)
        if (str_eq(v->syn[i].name, name))
            return (long)i;
    return -1;
}

/* "&NAME_" -> "NAME" */
static str syn_name(str t)
{
    if (t.n && t.s[0] == '&') {
        t.s++;
        t.n--;
    }
    while (t.n && t.s[t.n - 1] == '_')
        t.n--;
    return t;
}

/* A set named petr:name, or petr:name.2, ... when the name is taken. */
static long new_set(rd *r, str name)
{
    dy_dict *d = r->d;
    char buf[160];
    for (int k = 1; k < 1000; k++) {
        int len = k == 1 ? snprintf(buf, sizeof buf, "petr:%.*s",
                                    (int)DY_MIN(name.n, 120), name.s)
                         : snprintf(buf, sizeof buf, "petr:%.*s.%d",
                                    (int)DY_MIN(name.n, 120), name.s, k);
        if (len <= 0 || (size_t)len >= sizeof buf)
            return fail(r, "synset name too long");
        for (int i = 5; i < len; i++)
            if (is_upper(buf[i]))
                buf[i] = (char)(buf[i] + 32);
        uint32_t w = dy_dict_intern(d, buf, (size_t)len);
        if (!w)
            return oom(r);
        long si = dy_dict_find_set(d, w);
        if (si >= 0 && d->sets[si].defined)
            continue;
        /* new, or used by a dyad file before this definition */
        if (si < 0)
            si = dy_dict_add_set(d, buf, (size_t)len);
        if (si >= 0)
            d->sets[si].defined = 1;
        return si;
    }
    return fail(r, "too many synsets named '%.*s'", (int)name.n, name.s);
}

static int syn_member(rd *r, vr *v, long cur, str m)
{
    dy_dict *d = r->d;
    m = strip_us(m);
    if (!m.n) {
        WARN(r, "empty synset member: ignored");
        return 0;
    }
    long set = v->syn[cur].set;
    if (m.s[0] == '&') {
        /* a synset inside a synset: its members, as defined so far */
        long o = find_syn(v, syn_name(m));
        if (o < 0 || o == cur || v->syn[o].set < 0) {
            WARN(r, "synset member '%.*s' is not a synset defined above: "
                    "ignored",
                 (int)m.n, m.s);
            return 0;
        }
        long os = v->syn[o].set;
        for (uint32_t p = 0; p < d->sets[os].len;) {
            uint32_t nw = d->sets[os].members[p];
            uint32_t tmp[DY_PHRASE_MAX];
            if (nw > DY_PHRASE_MAX)
                break;
            memcpy(tmp, d->sets[os].members + p + 1, nw * sizeof *tmp);
            if (dy_dict_set_add_member(d, (uint32_t)set, tmp, nw))
                return oom(r);
            p += nw + 1;
        }
        return 0;
    }
    uint32_t ids[DY_PHRASE_MAX];
    size_t nt = tokenize(r, m, ids, NULL, DY_PHRASE_MAX);
    if (nt == SIZE_MAX)
        return oom(r);
    if (nt == 0 || nt > DY_PHRASE_MAX) {
        WARN(r, "synset member empty or longer than %d words: ignored",
             DY_PHRASE_MAX);
        return 0;
    }
    return dy_dict_set_add_member(d, (uint32_t)set, ids, nt);
}

/* Pass 1: the synsets (so that patterns may use synsets defined later in
 * the file, and `+` lines after `&` are told from multi-word verbs). */
static int read_synsets(rd *r, vr *v)
{
    dy_dict *d = r->d;
    long cur = -1;          /* -1 none, -2 an ignored synset                */
    size_t members = 0;
    str line;
    int rc = 0;
    while (!rc && next_line(r, &line)) {
        str t = trim(line);
        if (!t.n)
            continue;
        if (t.s[0] == '&') {
            if (cur >= 0 && !members)
                dy_dict_warn(d, at_line(r, v->syn[cur].line),
                             "synset &%.*s has no members",
                             (int)v->syn[cur].name.n, v->syn[cur].name.s);
            str rest = t;
            str tok = next_tok(&rest);
            str name = syn_name(tok);
            d->petr.synsets++;
            members = 0;
            if (trim(rest).n)
                WARN(r, "text after the synset name ignored: '%.*s'",
                     (int)trim(rest).n, trim(rest).s);
            if (!name.n) {
                WARN(r, "synset without a name: ignored with its members");
                cur = -2;
                continue;
            }
            cur = find_syn(v, name);
            if (cur >= 0) {
                WARN(r, "synset &%.*s defined again (line %u): the members are "
                        "added to it",
                     (int)name.n, name.s, v->syn[cur].line);
                continue;
            }
            long set = new_set(r, name);
            if (set < 0)
                return (int)set;
            name = keep(&v->strs, name);
            if (!name.s)
                return oom(r);
            if (DY_GROW(v->syn, v->capsyn, v->nsyn + 1))
                return oom(r);
            synent se = {name, set, r->line};
            v->syn[v->nsyn] = se;
            cur = (long)v->nsyn++;
            continue;
        }
        if (t.s[0] == '+' && cur != -1) {
            d->petr.synset_members++;
            members++;
            if (cur >= 0)
                rc = syn_member(r, v, cur, mkstr(t.s + 1, t.n - 1));
            continue;
        }
        if (cur >= 0 && !members)
            dy_dict_warn(d, at_line(r, v->syn[cur].line),
                         "synset &%.*s has no members", (int)v->syn[cur].name.n,
                         v->syn[cur].name.s);
        cur = -1;
    }
    if (!rc && cur >= 0 && !members)
        dy_dict_warn(d, at_line(r, v->syn[cur].line),
                     "synset &%.*s has no members", (int)v->syn[cur].name.n,
                     v->syn[cur].name.s);
    return rc;
}

/* ---- verb lines ---------------------------------------------------------------- */

/* A verb as written: "SAY", "+ASK_FOR", "KLM_NOP_+RST", "RE_+ARREST".
 * Returns 0, 1 (not usable, warned) or a negative status. */
static int parse_verb_word(rd *r, str w, uint32_t *lemma, uint32_t *pre,
                           uint8_t *npre, uint32_t *post, uint8_t *npost)
{
    str parts[16];
    size_t np = 0, plus = SIZE_MAX, nplus = 0;
    str rest = w;
    while (rest.n) {
        const char *u = find_ch(rest, '_');
        str p = u ? before(rest, u) : rest;
        rest = u ? from(rest, u + 1) : mkstr(rest.s + rest.n, 0);
        if (!p.n)
            continue;
        if (np == DY_ARRAY_LEN(parts)) {
            WARN(r, "verb '%.*s' has too many words: ignored", (int)w.n, w.s);
            return 1;
        }
        if (p.s[0] == '+') {
            plus = np;
            nplus++;
            p.s++;
            p.n--;
        }
        parts[np++] = p;
    }
    if (np == 0) {
        WARN(r, "empty verb: ignored");
        return 1;
    }
    if (nplus > 1) {
        WARN(r, "verb '%.*s' marks more than one word with '+': ignored",
             (int)w.n, w.s);
        return 1;
    }
    if (nplus == 0) {
        if (np > 1) {
            WARN(r, "multi-word verb '%.*s' has no '+' on the verb: ignored (as "
                    "in PETRARCH)",
                 (int)w.n, w.s);
            return 1;
        }
        plus = 0;
    }
    *npre = *npost = 0;
    for (size_t i = 0; i < np; i++) {
        uint32_t ids[8];
        uint16_t fl[8];
        size_t nt = tokenize(r, parts[i], ids, fl, 8);
        if (nt == SIZE_MAX)
            return oom(r);
        if (nt == 0 || nt > 8) {
            WARN(r, "verb '%.*s': cannot read '%.*s': ignored", (int)w.n, w.s,
                 (int)parts[i].n, parts[i].s);
            return 1;
        }
        for (size_t k = 0; k < nt; k++) {
            bool head = i == plus && k + 1 == nt;
            if (head) {
                if (!(fl[k] & TOKF_ALPHA)) {
                    WARN(r, "verb '%.*s' has no word to inflect: ignored",
                         (int)w.n, w.s);
                    return 1;
                }
                *lemma = ids[k];
            } else if (i < plus || (i == plus && k + 1 < nt)) {
                if (*npre == MAXPART)
                    goto toolong;
                pre[(*npre)++] = ids[k];
            } else {
                if (*npost == MAXPART)
                    goto toolong;
                post[(*npost)++] = ids[k];
            }
        }
    }
    return 0;
toolong:
    WARN(r, "verb '%.*s' has more than %d words around the verb: ignored",
         (int)w.n, w.s, MAXPART);
    return 1;
}

static uint64_t verb_key(const pverb *p)
{
    uint64_t h = 1469598103934665603ull;
    uint32_t v[2 + 2 * MAXPART];
    size_t k = 0;
    v[k++] = p->lemma;
    for (size_t i = 0; i < p->npre; i++)
        v[k++] = p->pre[i];
    v[k++] = 0xFFFFFFFFu;
    for (size_t i = 0; i < p->npost; i++)
        v[k++] = p->post[i];
    for (size_t i = 0; i < k; i++)
        h = (h ^ v[i]) * 1099511628211ull;
    return h;
}

static bool same_sig(const pverb *a, const pverb *b)
{
    return a->npre == b->npre && a->npost == b->npost &&
           (!a->npre || !memcmp(a->pre, b->pre, a->npre * sizeof a->pre[0])) &&
           (!a->npost || !memcmp(a->post, b->post, a->npost * sizeof a->post[0]));
}

static bool same_verb(const pverb *a, const pverb *b)
{
    return a->lemma == b->lemma && same_sig(a, b);
}

/* The verb already read with the same words, or -1; inserts vi when absent
 * (vi < nverbs). */
static long verb_lookup(rd *r, vr *v, size_t vi, int *err)
{
    *err = 0;
    if (v->nverbs * 2 >= v->vmapcap) {
        size_t cap = v->vmapcap ? v->vmapcap * 2 : 1024;
        uint32_t *m = dy_calloc(cap, sizeof *m);
        if (!m) {
            *err = oom(r);
            return -1;
        }
        for (size_t i = 0; i < v->vmapcap; i++) {
            if (!v->vmap[i])
                continue;
            size_t h = (size_t)verb_key(&v->verbs[v->vmap[i] - 1]) & (cap - 1);
            while (m[h])
                h = (h + 1) & (cap - 1);
            m[h] = v->vmap[i];
        }
        dy_free(v->vmap);
        v->vmap = m;
        v->vmapcap = cap;
    }
    const pverb *p = &v->verbs[vi];
    size_t h = (size_t)verb_key(p) & (v->vmapcap - 1);
    while (v->vmap[h]) {
        if (same_verb(&v->verbs[v->vmap[h] - 1], p))
            return (long)v->vmap[h] - 1;
        h = (h + 1) & (v->vmapcap - 1);
    }
    v->vmap[h] = (uint32_t)vi + 1;
    return -1;
}

static void vmap_replace(vr *v, size_t old, size_t now)
{
    for (size_t i = 0; i < v->vmapcap; i++)
        if (v->vmap[i] == old + 1)
            v->vmap[i] = (uint32_t)now + 1;
}

/* Add a verb of the current block, unless it is already known. */
static int add_pverb(rd *r, vr *v, const pverb *p)
{
    int rc;
    if (DY_GROW(v->verbs, v->capverbs, v->nverbs + 1))
        return oom(r);
    size_t vi = v->nverbs;
    v->verbs[vi] = *p;
    long old = verb_lookup(r, v, vi, &rc);
    if (rc)
        return rc;
    if (old >= 0) {
        pverb *o = &v->verbs[old];
        if (o->block == p->block)
            return 0;                           /* the same verb twice */
        const pblock *ob = &v->blocks[o->block], *nb = &v->blocks[p->block];
        str w = p->text;
        if (r->kind == PETR_VERBS2) {
            /* PETRARCH-2 stores a verb's block with setdefault: the first
             * block wins */
            WARN(r, "verb '%.*s' is already in block %.*s (line %u); "
                    "PETRARCH-2 keeps the first: ignored here",
                 (int)w.n, w.s, (int)ob->name.n, ob->name.s, o->line);
            return 0;
        }
        /* PETRARCH-1 overwrites: the last block wins */
        WARN(r, "verb '%.*s' was in block %.*s (line %u); PETRARCH-1 keeps the "
                "last, block %.*s",
             (int)w.n, w.s, (int)ob->name.n, ob->name.s, o->line,
             (int)nb->name.n, nb->name.s);
        o->dead = 1;
        vmap_replace(v, (size_t)old, vi);
    }
    v->nverbs++;
    return 0;
}

static int verb_line(rd *r, vr *v, str t)
{
    dy_dict *d = r->d;
    if (!v->nblocks) {
        WARN(r, "verb before any '--- NAME [CODE] ---' block: ignored");
        return 0;
    }
    d->petr.verb_lines++;
    v->blocks[v->nblocks - 1].nverbs++;
    /* VERB {FORMS} [CODE], the two groups in either order */
    char code[8] = "", rcode[8] = "";
    str forms = {NULL, 0}, codes = {NULL, 0};
    const char *br = find_ch(t, '{'), *lb = find_ch(t, '[');
    const char *cut = br && (!lb || br < lb) ? br : lb;
    str head = cut ? before(t, cut) : t;
    str junk = {NULL, 0};
    str tail = cut ? from(t, cut) : mkstr(t.s + t.n, 0);
    while (tail.n) {
        char open = tail.s[0], close = open == '{' ? '}' : ']';
        if (open != '{' && open != '[') {
            junk = tail;
            break;
        }
        str in = mkstr(tail.s + 1, tail.n - 1);
        const char *e = find_ch(in, close);
        if (!e)
            WARN(r, "missing '%c'", close);
        str g = e ? before(in, e) : in;
        if ((open == '{' && forms.s) || (open == '[' && codes.s)) {
            junk = tail;
            break;
        }
        if (open == '{')
            forms = g;
        else
            codes = g;
        tail = e ? trim(from(in, e + 1)) : mkstr(in.s + in.n, 0);
    }
    if (junk.n)
        WARN(r, "text after the verb ignored: '%.*s'", (int)junk.n, junk.s);
    if (codes.s) {
        bool ch;
        if (event_codes(codes, code, rcode, &ch)) {
            WARN(r, "'%.*s' is not an event code: the block's code applies",
                 (int)codes.n, codes.s);
            code[0] = rcode[0] = 0;
        } else if (ch) {
            WARN(r, "event code '%.*s' read as %s%s%s", (int)codes.n, codes.s,
                 code, rcode[0] ? ":" : "", rcode);
        }
    }
    str rest = head;
    str w = next_tok(&rest);
    if (trim(rest).n)
        WARN(r, "words after the verb ignored: '%.*s'", (int)trim(rest).n,
             trim(rest).s);
    if (!w.n) {
        WARN(r, "verb line without a verb: ignored");
        return 0;
    }
    pverb p;
    memset(&p, 0, sizeof p);
    int rc = parse_verb_word(r, w, &p.lemma, p.pre, &p.npre, p.post, &p.npost);
    if (rc)
        return rc > 0 ? 0 : rc;
    memcpy(p.code, code, sizeof p.code);
    memcpy(p.rcode, rcode, sizeof p.rcode);
    p.block = (uint32_t)(v->nblocks - 1);
    p.line = r->line;
    p.text = keep(&v->strs, w);
    if (!p.text.s)
        return oom(r);
    rc = add_pverb(r, v, &p);
    /* irregular forms: every form of the head word, commas allowed */
    while (!rc && forms.n) {
        str f = next_tok(&forms);
        while (f.n && f.s[f.n - 1] == ',')
            f.n--;
        while (f.n && f.s[0] == ',') {
            f.s++;
            f.n--;
        }
        if (!f.n)
            continue;
        pverb q = p;
        rc = parse_verb_word(r, f, &q.lemma, q.pre, &q.npre, q.post, &q.npost);
        if (rc) {
            rc = rc > 0 ? 0 : rc;
            continue;
        }
        if (!same_sig(&p, &q)) {
            /* "+WIRE_TAP {+WIRE_TAPS ...}": the marked word stays, the
             * others change; PETRARCH stores each form as written */
            q.text = keep(&v->strs, f);
            rc = q.text.s ? add_pverb(r, v, &q) : oom(r);
            continue;
        }
        if (q.lemma != p.lemma && dy_dict_add_irregular(d, q.lemma, p.lemma))
            rc = oom(r);
    }
    return rc;
}

/* ---- patterns ------------------------------------------------------------------- */

typedef struct patb {
    dy_item b[MAXI], a[MAXI];
    size_t nb, na;
    bool star, star_adj, recip;
} patb;

static int put_item(rd *r, patb *pb, dy_item it)
{
    size_t *n = pb->star ? &pb->na : &pb->nb;
    dy_item *arr = pb->star ? pb->a : pb->b;
    if (*n >= MAXI) {
        WARN(r, "pattern longer than %d items on one side: ignored", MAXI);
        return 1;
    }
    arr[(*n)++] = it;
    return 0;
}

/* One '_'-separated part of a pattern token. adj: glued to the previous
 * part. Returns 0, 1 (pattern not usable, warned) or < 0. */
static int pattern_part(rd *r, vr *v, patb *pb, str p, bool adj)
{
    dy_dict *d = r->d;
    if (eq(p, "*")) {
        if (pb->star) {
            WARN(r, "pattern has more than one '*': ignored");
            return 1;
        }
        pb->star = true;
        pb->star_adj = adj && pb->nb > 0;
        return 0;
    }
    dy_item it = {0, (uint8_t)adj, 0, 0};
    if (eq(p, "$") || eq(p, "%")) {
        it.type = IT_SRC;
        if (p.s[0] == '%') {
            /* a compound actor, source and target at once: the pattern
             * codes each pair (A:A). n = 1 marks the item for a matcher
             * that can require two or more actors there (events.c does
             * not yet: it takes a single actor too) */
            pb->recip = true;
            it.n = 1;
        }
        return put_item(r, pb, it);
    }
    if (eq(p, "+")) {
        it.type = IT_TGT;
        return put_item(r, pb, it);
    }
    if (eq(p, "^")) {
        it.type = IT_ANY;
        return put_item(r, pb, it);
    }
    if (find_ch(p, '/')) {
        /* TO/FOR: one of the words */
        uint32_t ws[32];
        size_t nw = 0;
        bool multi = false;
        str rest = p;
        while (rest.n) {
            const char *s = find_ch(rest, '/');
            str alt = s ? before(rest, s) : rest;
            rest = s ? from(rest, s + 1) : mkstr(rest.s + rest.n, 0);
            uint32_t ids[8];
            size_t nt = tokenize(r, alt, ids, NULL, 8);
            if (nt == SIZE_MAX)
                return oom(r);
            if (nt == 1 && nw < DY_ARRAY_LEN(ws))
                ws[nw++] = ids[0];
            else if (nt > 1)
                multi = true;
        }
        if (multi) {
            char name[32];
            snprintf(name, sizeof name, "petr:alt%zu", d->nsets);
            long si = dy_dict_add_set(d, name, strlen(name));
            if (si < 0)
                return (int)si;
            d->sets[si].defined = 1;
            rest = p;
            while (rest.n) {
                const char *s = find_ch(rest, '/');
                str alt = s ? before(rest, s) : rest;
                rest = s ? from(rest, s + 1) : mkstr(rest.s + rest.n, 0);
                uint32_t ids[DY_PHRASE_MAX];
                size_t nt = tokenize(r, alt, ids, NULL, DY_PHRASE_MAX);
                if (nt == SIZE_MAX)
                    return oom(r);
                if (nt && nt <= DY_PHRASE_MAX &&
                    dy_dict_set_add_member(d, (uint32_t)si, ids, nt))
                    return oom(r);
            }
            it.type = IT_SET;
            it.v = (uint32_t)si;
            return put_item(r, pb, it);
        }
        if (nw == 0) {
            WARN(r, "empty alternatives '%.*s': ignored", (int)p.n, p.s);
            return 0;
        }
        if (nw == 1) {
            it.type = IT_WORD;
            it.v = ws[0];
            return put_item(r, pb, it);
        }
        uint32_t at = dy_dict_add_alt(d, ws, nw);
        if (at == UINT32_MAX)
            return oom(r);
        it.type = IT_ALT;
        it.n = (uint16_t)nw;
        it.v = at;
        return put_item(r, pb, it);
    }
    /* "*WORD", "WORD*": the verb glued to a word (read as separated) */
    const char *star = find_ch(p, '*');
    if (star) {
        int rc = 0;
        if (star > p.s)
            rc = pattern_part(r, v, pb, before(p, star), adj);
        if (!rc)
            rc = pattern_part(r, v, pb, mkstr("*", 1), false);
        if (!rc && star + 1 < p.s + p.n)
            rc = pattern_part(r, v, pb, from(p, star + 1), false);
        return rc;
    }
    uint32_t ids[MAXTOK];
    size_t nt = tokenize(r, p, ids, NULL, MAXTOK);
    if (nt == SIZE_MAX)
        return oom(r);
    for (size_t k = 0; k < nt && k < MAXTOK; k++) {
        it.type = IT_WORD;
        it.adjacent = (uint8_t)(k ? 1 : adj);
        it.v = ids[k];
        int rc = put_item(r, pb, it);
        if (rc)
            return rc;
    }
    return 0;
}

/* One blank-separated token of a pattern. */
static int pattern_token(rd *r, vr *v, patb *pb, str t)
{
    /* PETRARCH-2's grouping: (PREP NOUN ...), {MODIFIER NOUN} */
    char buf[256];
    size_t k = 0;
    for (size_t i = 0; i < t.n && k < sizeof buf; i++)
        if (t.s[i] != '(' && t.s[i] != ')' && t.s[i] != '{' && t.s[i] != '}')
            buf[k++] = t.s[i];
    if (k == sizeof buf) {
        WARN(r, "pattern word too long: pattern ignored");
        return 1;
    }
    str x = {buf, k};
    /* split on '_' (adjacent); a synset name may contain '_' */
    str parts[64];
    size_t np = 0;
    bool glued[64];
    bool prev_nonempty = false;
    str rest = x;
    while (rest.n) {
        const char *u = find_ch(rest, '_');
        str p = u ? before(rest, u) : rest;
        rest = u ? from(rest, u + 1) : mkstr(rest.s + rest.n, 0);
        if (!p.n)
            continue;
        if (np == DY_ARRAY_LEN(parts)) {
            WARN(r, "pattern word with too many parts: pattern ignored");
            return 1;
        }
        glued[np] = prev_nonempty;
        parts[np++] = p;
        prev_nonempty = true;
    }
    for (size_t i = 0; i < np; i++) {
        str p = parts[i];
        if (p.s[0] == '&') {
            /* the longest defined synset name from here (PETRARCH-2: the
             * name runs to the end of the word) */
            long found = -1;
            size_t last = i;
            for (size_t j = np; j-- > i;) {
                str name = mkstr(p.s + 1, (size_t)(parts[j].s + parts[j].n - p.s - 1));
                long si = find_syn(v, name);
                if (si >= 0) {
                    found = si;
                    last = j;
                    break;
                }
                if (r->kind == PETR_VERBS2)
                    break;
            }
            if (found < 0 || v->syn[found].set < 0) {
                str name = mkstr(p.s, (size_t)(parts[np - 1].s + parts[np - 1].n - p.s));
                WARN(r, "synset %.*s is not defined: pattern ignored (PETRARCH "
                        "never matches it)",
                     (int)name.n, name.s);
                return 1;
            }
            dy_item it = {IT_SET, (uint8_t)glued[i], 0,
                          (uint32_t)v->syn[found].set};
            int rc = put_item(r, pb, it);
            if (rc)
                return rc;
            i = last;
            continue;
        }
        int rc = pattern_part(r, v, pb, p, glued[i]);
        if (rc)
            return rc;
    }
    return 0;
}

static int pattern_line(rd *r, vr *v, str t)
{
    dy_dict *d = r->d;
    d->petr.verb_patterns++;
    if (!v->nblocks) {
        WARN(r, "pattern before any '--- NAME [CODE] ---' block: ignored");
        return 0;
    }
    str body = mkstr(t.s + 1, t.n - 1);     /* after '-' */
    if (body.n && body.s[0] == '-') {
        WARN(r, "pattern starts with '--': read as '-'");
        while (body.n && body.s[0] == '-') {
            body.s++;
            body.n--;
        }
    }
    const char *lb = NULL;
    for (const char *q = body.s + body.n; q-- > body.s;)
        if (*q == '[') {
            lb = q;
            break;
        }
    const char *rb = lb ? find_ch(from(body, lb), ']') : NULL;
    if (!lb || !rb) {
        WARN(r, "pattern without a [CODE]: ignored");
        return 0;
    }
    if (trim(from(body, rb + 1)).n)
        WARN(r, "text after the pattern code ignored");
    str cs = mkstr(lb + 1, (size_t)(rb - lb - 1));
    ppat pp;
    memset(&pp, 0, sizeof pp);
    bool changed;
    if (event_codes(cs, pp.code, pp.rcode, &changed)) {
        WARN(r, "'%.*s' is not an event code: pattern ignored", (int)cs.n,
             cs.s);
        return 0;
    }
    if (changed)
        WARN(r, "event code '%.*s' read as %s%s%s", (int)cs.n, cs.s, pp.code,
             pp.rcode[0] ? ":" : "", pp.rcode);
    patb pb;
    memset(&pb, 0, sizeof pb);
    str rest = before(body, lb);
    while (rest.n) {
        str tok = next_tok(&rest);
        if (!tok.n)
            break;
        int rc = pattern_token(r, v, &pb, tok);
        if (rc)
            return rc > 0 ? 0 : rc;
    }
    if (!pb.star) {
        WARN(r, "pattern has no '*' (the verb): ignored");
        return 0;
    }
    if (pb.recip) {
        /* %: a compound actor that is source and target: X and Y both */
        if (!pp.rcode[0])
            memcpy(pp.rcode, pp.code, sizeof pp.rcode);
    }
    pp.recip = (uint8_t)(pb.recip || (pp.rcode[0] && strcmp(pp.code, pp.rcode) == 0 &&
                                      strcmp(pp.code, "---") != 0));
    pp.line = r->line;
    pp.star_adj = pb.star_adj;
    pp.nb = (uint8_t)pb.nb;
    pp.na = (uint8_t)pb.na;
    pp.hash = fnv32(body.s, body.n);
    if (DY_GROW(v->items, v->capitems, v->nitems + pb.nb + pb.na) ||
        DY_GROW(v->pats, v->cappats, v->npats + 1))
        return oom(r);
    pp.item0 = (uint32_t)v->nitems;
    memcpy(v->items + v->nitems, pb.b, pb.nb * sizeof *pb.b);
    v->nitems += pb.nb;
    memcpy(v->items + v->nitems, pb.a, pb.na * sizeof *pb.a);
    v->nitems += pb.na;
    v->pats[v->npats++] = pp;
    v->blocks[v->nblocks - 1].npat++;
    return 0;
}

static int block_line(rd *r, vr *v, str t)
{
    dy_dict *d = r->d;
    str rest = mkstr(t.s + 3, t.n - 3);
    while (rest.n && (rest.s[rest.n - 1] == '-' || sp(rest.s[rest.n - 1])))
        rest.n--;
    pblock b;
    memset(&b, 0, sizeof b);
    b.line = r->line;
    memcpy(b.code, "---", 4);
    const char *lb = find_ch(rest, '[');
    str namepart = lb ? before(rest, lb) : rest;
    b.name = next_tok(&namepart);
    if (trim(namepart).n)
        WARN(r, "words after the block name ignored: '%.*s'",
             (int)trim(namepart).n, trim(namepart).s);
    if (!b.name.n) {
        WARN(r, "verb block without a name");
        b.name = mkstr("?", 1);
    }
    b.name = keep(&v->strs, b.name);
    if (!b.name.s)
        return oom(r);
    if (lb) {
        str in = from(rest, lb + 1);
        const char *rb = find_ch(in, ']');
        str c = rb ? before(in, rb) : in;
        bool ch;
        if (!rb)
            WARN(r, "missing ']' after the block code");
        if (event_codes(c, b.code, b.rcode, &ch)) {
            WARN(r, "'%.*s' is not an event code: the block's verbs alone code "
                    "nothing (---)",
                 (int)c.n, c.s);
            memcpy(b.code, "---", 4);
            b.rcode[0] = 0;
        } else if (ch) {
            WARN(r, "event code '%.*s' read as %s%s%s", (int)c.n, c.s, b.code,
                 b.rcode[0] ? ":" : "", b.rcode);
        }
    }
    if (DY_GROW(v->blocks, v->capblocks, v->nblocks + 1))
        return oom(r);
    b.pat0 = (uint32_t)v->npats;
    v->blocks[v->nblocks++] = b;
    d->petr.verb_blocks++;
    return 0;
}

/* Pass 2: blocks, verbs, patterns, transformations. */
static int read_blocks(rd *r, vr *v)
{
    dy_dict *d = r->d;
    bool insyn = false;
    str line;
    int rc = 0;
    while (!rc && next_line(r, &line)) {
        str t = trim(line);
        if (!t.n)
            continue;
        char c = t.s[0];
        if (c == '&') {
            insyn = true;
            continue;
        }
        if (c == '+' && insyn)
            continue;
        insyn = false;
        if (starts(t, "---"))
            rc = block_line(r, v, t);
        else if (c == '~') {
            d->petr.transformations++;
            WARN(r, "verb transformation not applied: dyad has no "
                    "verb-on-verb transformations");
        } else if (c == '-')
            rc = pattern_line(r, v, t);
        else
            rc = verb_line(r, v, t);
    }
    return rc;
}

/* ---- into the dictionary --------------------------------------------------------- */

/* Let verb entry dv use pattern pat too (patterns are shared by the verbs
 * of a PETRARCH block). */
static int verb_share(rd *r, uint32_t dv, uint32_t pat)
{
    dy_verb *vb = &r->d->verbs[dv];
    for (uint32_t i = vb->npats; i-- > 0 && i + 8 >= vb->npats;)
        if (vb->pats[i] == pat)
            return 0;
    if (vb->npats + 1 > vb->cappats) {
        size_t c = vb->cappats;
        if (dy_grow((void **)&vb->pats, &c, vb->npats + 1, sizeof *vb->pats))
            return oom(r);
        vb->cappats = (uint32_t)c;
    }
    vb->pats[vb->npats++] = pat;
    vb->petr = 1;
    return 0;
}

/* Add a pattern (p = NULL: the bare verb) for the verbs vs[0..n) that
 * share the particle signature of vs[0]. */
static int emit_pattern(rd *r, vr *v, const size_t *vs, size_t n,
                        const ppat *p, const char *code, const char *rcode,
                        int recip, const char *id, uint32_t line)
{
    const pverb *sig = &v->verbs[vs[0]];
    dy_item wb[MAXI + MAXPART], rev[MAXI + MAXPART], af[MAXI + MAXPART];
    size_t nb = 0, na = 0;
    bool star_adj = p ? p->star_adj : false;
    if (p)
        for (size_t i = 0; i < p->nb; i++)
            wb[nb++] = v->items[p->item0 + i];
    for (size_t i = 0; i < sig->npre; i++) {
        dy_item it = {IT_WORD, (uint8_t)(i ? 1 : (nb > 0 && star_adj)), 0,
                      sig->pre[i]};
        wb[nb++] = it;
    }
    if (sig->npre)
        star_adj = true;
    for (size_t i = 0; i < sig->npost; i++) {
        dy_item it = {IT_WORD, 1, 0, sig->post[i]};
        af[na++] = it;
    }
    if (p)
        for (size_t i = 0; i < p->na; i++)
            af[na++] = v->items[p->item0 + p->nb + i];
    /* before the verb: stored from the verb leftwards; rev[i].adjacent =
     * touches its right neighbour (the verb for i = 0) */
    for (size_t i = 0; i < nb; i++) {
        size_t o = nb - 1 - i;
        rev[i] = wb[o];
        rev[i].adjacent = (uint8_t)(o + 1 < nb ? wb[o + 1].adjacent : star_adj);
    }
    uint32_t owner = sig->dv;
    int rc = dy_dict_add_pattern(r->d, owner, code, rcode, recip, rev, nb, af,
                                 na, id, at_line(r, line));
    if (rc)
        return rc;
    uint32_t pat = (uint32_t)(r->d->npats - 1);
    r->d->pats[pat].petr = p ? 1 : 2;       /* 2: the bare verb's code */
    r->d->verbs[owner].petr = 1;
    for (size_t k = 1; k < n && !rc; k++)
        if (v->verbs[vs[k]].dv != owner)
            rc = verb_share(r, v->verbs[vs[k]].dv, pat);
    return rc;
}

/* "SET_UP" for "+SET_UP" (ids of bare patterns). */
static size_t verb_label(str w, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < w.n && k + 1 < cap; i++)
        if (w.s[i] != '+')
            out[k++] = w.s[i];
    out[k] = 0;
    return k;
}

static int verb_heads(rd *r, vr *v, size_t mapn)
{
    dy_dict *d = r->d;
    uint32_t *lem = dy_calloc(mapn, sizeof *lem);
    uint8_t *single = dy_calloc(mapn, 1);
    if (!lem || !single) {
        dy_free(lem);
        dy_free(single);
        return oom(r);
    }
    /* verbs of one word: this file's and the dictionary's */
    for (size_t i = 0; i < v->nverbs; i++)
        if (!v->verbs[i].npre && !v->verbs[i].npost && v->verbs[i].lemma < mapn)
            single[v->verbs[i].lemma] = 1;
    for (size_t i = 0; i < d->nverbs; i++)
        if (!d->verbs[i].noun && !d->verbs[i].nparticles &&
            d->verbs[i].lemma < mapn)
            single[d->verbs[i].lemma] = 1;
    /* their forms: irregular ones given, regular ones generated */
    for (size_t k = 0; k + 1 < d->nirreg; k += 2) {
        uint32_t f = d->irreg[k], l = d->irreg[k + 1];
        if (f < mapn && l < mapn && single[l] && !lem[f] && f != l)
            lem[f] = l;
    }
    for (uint32_t w = 1; w < mapn; w++) {
        if (!single[w])
            continue;
        char forms[6][64];
        size_t nf = dy_inflect_verb(dy_strtab_str(&d->words, w),
                                    d->words.len[w], forms);
        for (size_t k = 0; k < nf; k++) {
            uint32_t f = dy_dict_word(d, forms[k], strlen(forms[k]));
            if (f && f < mapn && !lem[f] && f != w)
                lem[f] = w;
        }
    }
    for (size_t i = 0; i < v->nverbs; i++) {
        pverb *p = &v->verbs[i];
        if ((p->npre || p->npost) && p->lemma < mapn && !single[p->lemma] &&
            lem[p->lemma])
            p->lemma = lem[p->lemma];
    }
    dy_free(lem);
    dy_free(single);
    return 0;
}

static int emit_verbs(rd *r, vr *v)
{
    dy_dict *d = r->d;
    int rc = 0;
    size_t mapn = (size_t)d->words.n + 1;
    uint32_t *map = dy_calloc(mapn, sizeof *map);
    size_t *live = dy_malloc((v->nverbs + 1) * sizeof *live);
    size_t *grp = dy_malloc((v->nverbs + 1) * sizeof *grp);
    bool *done = dy_calloc(v->nverbs + 1, sizeof *done);
    if (!map || !live || !grp || !done) {
        rc = oom(r);
        goto out;
    }
    for (size_t i = 0; i < d->nverbs; i++) {
        const dy_verb *vb = &d->verbs[i];
        if (!vb->noun && !vb->nparticles && vb->lemma < mapn && !map[vb->lemma])
            map[vb->lemma] = (uint32_t)i + 1;
    }
    /* a multi-word verb whose marked word is an inflected form of another
     * verb ("+ATTACKED_AND_STABBED" beside ATTACK, "+ANGERED_BY" beside
     * ANGER) is a use of that verb: its entry, not one of its own (which
     * would take the form away from the verb's patterns) */
    if (!rc)
        rc = verb_heads(r, v, mapn);
    /* verb entries */
    for (size_t i = 0; i < v->nverbs && !rc; i++) {
        pverb *p = &v->verbs[i];
        if (p->dead)
            continue;
        if (p->lemma >= mapn || !map[p->lemma]) {
            const char *s = dy_strtab_str(&d->words, p->lemma);
            long vi = dy_dict_add_verb(d, s, d->words.len[p->lemma], 0,
                                       at_line(r, p->line));
            if (vi < 0) {
                rc = (int)vi;
                break;
            }
            /* the lemma is one word already tokenised: keep it whole */
            d->verbs[vi].lemma = p->lemma;
            d->verbs[vi].nparticles = 0;
            if (p->lemma < mapn)
                map[p->lemma] = (uint32_t)vi + 1;
            p->dv = (uint32_t)vi;
        } else {
            p->dv = map[p->lemma] - 1;
        }
    }
    /* reserve the patterns and their items */
    size_t npat = 0, nitem = 0;
    for (size_t b = 0; b < v->nblocks; b++)
        npat += v->blocks[b].npat + 1;
    npat += npat / 4;
    nitem = v->nitems + v->nitems / 2;
    if (!rc && (DY_GROW(d->pats, d->cappats, d->npats + npat) ||
                DY_GROW(d->items, d->capitems, d->nitems + nitem)))
        rc = oom(r);
    /* the verbs of each block, in the order read (a counting sort by
     * block), instead of a pass over all verbs for every block */
    size_t *bstart = NULL, *byblock = NULL;
    if (!rc) {
        bstart = dy_calloc(v->nblocks + 2, sizeof *bstart);
        byblock = dy_malloc((v->nverbs + 1) * sizeof *byblock);
        if (!bstart || !byblock)
            rc = oom(r);
    }
    if (!rc) {
        for (size_t i = 0; i < v->nverbs; i++)
            if (v->verbs[i].block < v->nblocks)
                bstart[v->verbs[i].block + 2]++;
        for (size_t b = 0; b < v->nblocks; b++)
            bstart[b + 2] += bstart[b + 1];
        for (size_t i = 0; i < v->nverbs; i++)
            if (v->verbs[i].block < v->nblocks)
                byblock[bstart[v->verbs[i].block + 1]++] = i;
        /* now block b's verbs are byblock[bstart[b] .. bstart[b + 1]) */
    }
    for (size_t b = 0; b < v->nblocks && !rc; b++) {
        const pblock *bl = &v->blocks[b];
        size_t nl = 0;
        for (size_t j = bstart[b]; j < bstart[b + 1]; j++) {
            size_t i = byblock[j];
            if (!v->verbs[i].dead) {
                live[nl++] = i;
                done[i] = false;
            }
        }
        if (!nl) {
            if (bl->npat)
                dy_dict_warn(d, at_line(r, bl->line),
                             bl->nverbs ? "block %.*s: all its verbs belong to "
                                          "other blocks (as in PETRARCH), its "
                                          "%u patterns are unused"
                                        : "block %.*s has no verbs: its %u "
                                          "patterns are unused",
                             (int)bl->name.n, bl->name.s, bl->npat);
            continue;
        }
        char id[192];
        /* patterns, once per particle signature */
        for (size_t k = 0; k < nl && !rc; k++) {
            if (done[live[k]])
                continue;
            size_t ng = 0;
            for (size_t j = k; j < nl; j++)
                if (!done[live[j]] && same_sig(&v->verbs[live[k]], &v->verbs[live[j]])) {
                    grp[ng++] = live[j];
                    done[live[j]] = true;
                }
            for (uint32_t pi = 0; pi < bl->npat && !rc; pi++) {
                const ppat *p = &v->pats[bl->pat0 + pi];
                static const char hex[] = "0123456789abcdef";
                char hx[5] = {hex[(p->hash >> 12) & 15], hex[(p->hash >> 8) & 15],
                              hex[(p->hash >> 4) & 15], hex[p->hash & 15], 0};
                size_t n = cat(id, 0, sizeof id, "petr:", 5);
                n = cat(id, n, sizeof id, bl->name.s, DY_MIN(bl->name.n, 80));
                n = cat(id, n, sizeof id, ".", 1);
                n = cats(id, n, sizeof id, p->code);
                if (p->rcode[0]) {
                    n = cat(id, n, sizeof id, ":", 1);
                    n = cats(id, n, sizeof id, p->rcode);
                }
                n = cat(id, n, sizeof id, ".", 1);
                cat(id, n, sizeof id, hx, 4);
                rc = emit_pattern(r, v, grp, ng, p, p->code, p->rcode,
                                  p->recip, id, p->line);
            }
        }
        /* the bare verb: the block's code, or the verb's own */
        for (size_t k = 0; k < nl; k++)
            done[live[k]] = false;
        for (size_t k = 0; k < nl && !rc; k++) {
            const pverb *pk = &v->verbs[live[k]];
            if (done[live[k]])
                continue;
            const char *code = pk->code[0] ? pk->code : bl->code;
            const char *rcode = pk->code[0] ? pk->rcode : bl->rcode;
            size_t ng = 0;
            for (size_t j = k; j < nl; j++) {
                const pverb *pj = &v->verbs[live[j]];
                const char *cj = pj->code[0] ? pj->code : bl->code;
                const char *rj = pj->code[0] ? pj->rcode : bl->rcode;
                if (!done[live[j]] && same_sig(pk, pj) && strcmp(code, cj) == 0 &&
                    strcmp(rcode, rj) == 0) {
                    grp[ng++] = live[j];
                    done[live[j]] = true;
                }
            }
            char cbuf[20];
            snprintf(cbuf, sizeof cbuf, "%s%s%s", code, rcode[0] ? ":" : "",
                     rcode);
            int recip = rcode[0] && strcmp(code, rcode) == 0 &&
                        strcmp(code, "---") != 0;
            if (pk->code[0] || pk->npre || pk->npost) {
                char label[96];
                verb_label(pk->text, label, sizeof label);
                snprintf(id, sizeof id, "petr:%.*s.%s.%s",
                         (int)DY_MIN(bl->name.n, 80), bl->name.s, cbuf, label);
            } else {
                snprintf(id, sizeof id, "petr:%.*s.%s",
                         (int)DY_MIN(bl->name.n, 80), bl->name.s, cbuf);
            }
            rc = emit_pattern(r, v, grp, ng, NULL, code, rcode, recip, id,
                              pk->code[0] ? pk->line : bl->line);
        }
    }
    dy_free(bstart);
    dy_free(byblock);
out:
    dy_free(map);
    dy_free(live);
    dy_free(grp);
    dy_free(done);
    return rc;
}

static int load_verbs(rd *r)
{
    vr v;
    memset(&v, 0, sizeof v);
    dy_arena_init(&v.strs, 16384);
    r->semicolon = true;
    int rc = read_synsets(r, &v);
    if (!rc) {
        rewind_rd(r);
        rc = read_blocks(r, &v);
    }
    if (!rc && r->oom)
        rc = oom(r);
    if (!rc)
        rc = emit_verbs(r, &v);
    if (!rc)
        r->d->petr_verbs = 1;
    vr_free(&v);
    return rc;
}

/* ==== detection ===================================================================== */

int dy_petr_detect(const char *buf, size_t n)
{
    /* text files only: a NUL byte means binary data */
    if (memchr(buf, 0, DY_MIN(n, (size_t)1 << 20)))
        return 0;
    size_t lines = 0, blocks = 0, pats = 0, grouped = 0, tilde = 0, issue = 0;
    size_t coded = 0, tcoded = 0, macro = 0, actorish = 0, plain = 0;
    size_t upper = 0, letters = 0, longlines = 0, verbish = 0;
    size_t pos = 0, nl_count = 0;
    bool xml = false;
    while (pos < n && lines < 2000 && nl_count < 20000) {
        const char *s = buf + pos;
        const char *e = memchr(s, '\n', n - pos);
        size_t len = e ? (size_t)(e - s) : n - pos;
        pos += len + 1;
        nl_count++;
        str x = {s, len};
        if (xml) {
            const char *c = find_lit(x, "-->");
            if (!c)
                continue;
            xml = false;
            x = from(x, c + 3);
        }
        if (starts(x, "<!"))
            continue;
        const char *c = find_lit(x, "<!--");
        if (c) {
            if (!find_lit(from(x, c), "-->"))
                xml = true;
            x = before(x, c);
        }
        const char *h = find_ch(x, '#');
        if (h)
            x = before(x, h);
        bool indented = x.n && sp(x.s[0]);
        str t = trim(x);
        if (!t.n)
            continue;
        lines++;
        for (size_t i = 0; i < t.n; i++) {
            if (is_upper(t.s[i]))
                upper++;
            if (is_upper(t.s[i]) || is_lower(t.s[i]))
                letters++;
        }
        size_t words = 0;
        for (size_t i = 0; i < t.n; i++)
            if (!sp(t.s[i]) && (i == 0 || sp(t.s[i - 1])))
                words++;
        if (starts(t, "<ISSUE") || starts(t, "</ISSUE"))
            issue++;
        const char *lb = find_ch(t, '[');
        const char *rb = lb ? find_ch(from(t, lb), ']') : NULL;
        if (starts(t, "---") && lb && rb) {
            blocks++;
            verbish++;
        } else if (t.s[0] == '-' && t.n > 1 && (sp(t.s[1]) || t.s[1] == '-')) {
            pats++;
            verbish++;
            if (lb && (find_ch(before(t, lb), '(') || find_ch(before(t, lb), '{')))
                grouped++;
        } else if (t.s[0] == '~' && find_ch(t, '=')) {
            tilde++;
            verbish++;
        } else if (t.s[0] == '&' || t.s[0] == '+') {
            verbish++;
        } else if (words <= 6 && (!lb || rb)) {
            verbish++;
        }
        if (lb && rb) {
            coded++;
            str in = mkstr(lb + 1, (size_t)(rb - lb - 1));
            if (find_ch(in, '~'))
                tcoded++;
        }
        if (t.s[0] == '!' && find_ch(t, '=') && !lb)
            macro++;
        if (words > 12)
            longlines++;
        if (t.s[0] == '+' || (t.s[0] == '[' && rb) ||
            (indented && t.s[0] == '[') ||
            (lb && rb && (size_t)(lb - t.s) > 0 && words <= 16) ||
            (!lb && !find_ch(t, ']') && words <= 8))
            actorish++;
        if (!lb && !find_ch(t, ']') && words <= 10)
            plain++;
    }
    if (!lines)
        return 0;
    if (issue)
        return PETR_ISSUES;
    if (blocks && verbish * 10 >= lines * 8)
        return grouped || tilde ? PETR_VERBS2 : PETR_VERBS1;
    if (coded && (macro || tcoded * 2 >= coded) && actorish + macro >= lines / 2)
        return PETR_AGENTS;
    if (coded && actorish * 10 >= lines * 8 && longlines * 20 <= lines)
        return PETR_ACTORS;
    if (!coded && plain == lines && letters && upper * 10 >= letters * 6)
        return PETR_DISCARDS;
    return 0;
}

/* ==== entry point ==================================================================== */

int dy_load_petr(dy_dict *d, const char *path, const char *buf, size_t n,
                 int kind)
{
    rd r;
    memset(&r, 0, sizeof r);
    r.d = d;
    r.path = path;
    r.file = dy_dict_file(d, path);
    r.buf = buf;
    r.n = n;
    r.kind = kind;
    dy_buf_init(&r.lbuf);
    dy_arena_init(&r.tmp, 8192);
    r.wc = dy_calloc(WCACHE, sizeof *r.wc);     /* optional: NULL is fine */
    int rc;
    switch (kind) {
    case PETR_VERBS2:
    case PETR_VERBS1:
        rc = load_verbs(&r);
        break;
    case PETR_ACTORS:
        r.semicolon = true;
        rc = load_actors(&r);
        break;
    case PETR_AGENTS:
        rc = load_agents(&r);
        break;
    case PETR_DISCARDS:
        rc = load_discards(&r);
        break;
    case PETR_ISSUES:
        rc = load_issues(&r);
        break;
    default:
        rc = dy_fail(&d->err, DYAD_EDICT,
                     "%s:1: not a TABARI/PETRARCH dictionary file", path);
    }
    if (!rc && r.oom)
        rc = oom(&r);
    if (!rc)
        d->petr.files++;
    dy_buf_free(&r.lbuf);
    dy_arena_free(&r.tmp);
    dy_free(r.wc);
    return rc;
}
