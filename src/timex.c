/* timex.c - finding and resolving date expressions (see timex.h). */
#include "timex.h"

#include <pthread.h>

/* ---- keywords ------------------------------------------------------- */

enum {
    K_NONE = 0,
    K_MONTH,    /* january, jan., sept.          val = 1..12             */
    K_MONABBR,  /* jan, sept (no period)          val = 1..12             */
    K_WDAY,     /* monday..sunday                 val = 0..6              */
    K_RELDAY,   /* yesterday, today, tomorrow     val = offset in days    */
    K_UNIT,     /* day(s), week(s) ...            val = U_*               */
    K_PART,     /* morning, afternoon, evening, night                     */
    K_NUM       /* one..twelve, a, an             val = number            */
};

enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_WEEKEND, U_FORTNIGHT };

typedef struct kw {
    const char *w;
    uint8_t n;
    uint8_t cls;
    int8_t val;
} kw;

/* Sorted by bytes (memcmp, then length). */
static const kw kws[] = {
    {"a", 1, K_NUM, 1},
    {"afternoon", 9, K_PART, 0},
    {"an", 2, K_NUM, 1},
    {"apr", 3, K_MONABBR, 4},
    {"apr.", 4, K_MONTH, 4},
    {"april", 5, K_MONTH, 4},
    {"aug", 3, K_MONABBR, 8},
    {"aug.", 4, K_MONTH, 8},
    {"august", 6, K_MONTH, 8},
    {"day", 3, K_UNIT, U_DAY},
    {"days", 4, K_UNIT, U_DAY},
    {"dec", 3, K_MONABBR, 12},
    {"dec.", 4, K_MONTH, 12},
    {"december", 8, K_MONTH, 12},
    {"eight", 5, K_NUM, 8},
    {"eleven", 6, K_NUM, 11},
    {"evening", 7, K_PART, 0},
    {"feb", 3, K_MONABBR, 2},
    {"feb.", 4, K_MONTH, 2},
    {"february", 8, K_MONTH, 2},
    {"fifteen", 7, K_NUM, 15},
    {"five", 4, K_NUM, 5},
    {"fortnight", 9, K_UNIT, U_FORTNIGHT},
    {"four", 4, K_NUM, 4},
    {"friday", 6, K_WDAY, 4},
    {"jan", 3, K_MONABBR, 1},
    {"jan.", 4, K_MONTH, 1},
    {"january", 7, K_MONTH, 1},
    {"jul", 3, K_MONABBR, 7},
    {"jul.", 4, K_MONTH, 7},
    {"july", 4, K_MONTH, 7},
    {"jun", 3, K_MONABBR, 6},
    {"jun.", 4, K_MONTH, 6},
    {"june", 4, K_MONTH, 6},
    {"mar", 3, K_MONABBR, 3},
    {"mar.", 4, K_MONTH, 3},
    {"march", 5, K_MONTH, 3},
    {"may", 3, K_MONTH, 5},
    {"monday", 6, K_WDAY, 0},
    {"month", 5, K_UNIT, U_MONTH},
    {"months", 6, K_UNIT, U_MONTH},
    {"morning", 7, K_PART, 0},
    {"night", 5, K_PART, 0},
    {"nine", 4, K_NUM, 9},
    {"nov", 3, K_MONABBR, 11},
    {"nov.", 4, K_MONTH, 11},
    {"november", 8, K_MONTH, 11},
    {"oct", 3, K_MONABBR, 10},
    {"oct.", 4, K_MONTH, 10},
    {"october", 7, K_MONTH, 10},
    {"one", 3, K_NUM, 1},
    {"saturday", 8, K_WDAY, 5},
    {"sep", 3, K_MONABBR, 9},
    {"sep.", 4, K_MONTH, 9},
    {"sept", 4, K_MONABBR, 9},
    {"sept.", 5, K_MONTH, 9},
    {"september", 9, K_MONTH, 9},
    {"seven", 5, K_NUM, 7},
    {"six", 3, K_NUM, 6},
    {"sunday", 6, K_WDAY, 6},
    {"ten", 3, K_NUM, 10},
    {"thirty", 6, K_NUM, 30},
    {"three", 5, K_NUM, 3},
    {"thursday", 8, K_WDAY, 3},
    {"today", 5, K_RELDAY, 0},
    {"tomorrow", 8, K_RELDAY, 1},
    {"tonight", 7, K_RELDAY, 0},
    {"tuesday", 7, K_WDAY, 1},
    {"twelve", 6, K_NUM, 12},
    {"twenty", 6, K_NUM, 20},
    {"two", 3, K_NUM, 2},
    {"wednesday", 9, K_WDAY, 2},
    {"week", 4, K_UNIT, U_WEEK},
    {"weekend", 7, K_UNIT, U_WEEKEND},
    {"weeks", 5, K_UNIT, U_WEEK},
    {"year", 4, K_UNIT, U_YEAR},
    {"years", 5, K_UNIT, U_YEAR},
    {"yesterday", 9, K_RELDAY, -1},
};

static int kw_lookup(const char *s, size_t n, int *val)
{
    if (n == 0 || n > 9)
        return K_NONE;
    size_t lo = 0, hi = DY_ARRAY_LEN(kws);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const kw *k = &kws[mid];
        size_t m = n < k->n ? n : k->n;
        int c = memcmp(s, k->w, m);
        if (c == 0)
            c = n < k->n ? -1 : n > k->n ? 1 : 0;
        if (c == 0) {
            *val = k->val;
            return k->cls;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return K_NONE;
}

static int tok_kw(const dy_tok *t, int *val)
{
    if (!t->low)
        return K_NONE;
    return kw_lookup(t->low, t->nlow, val);
}

static inline bool teq_n(const dy_tok *t, const char *w, size_t l)
{
    return t->low && t->nlow == l && memcmp(t->low, w, l) == 0;
}
/* t's lower-case form is the string literal w */
#define teq(t, w) teq_n((t), "" w, sizeof(w) - 1)

/* t is one of the words of a NUL-separated list ending in "" (one pass,
 * most entries fail on their first byte) */
static bool tin(const dy_tok *t, const char *list)
{
    const char *w = t->low;
    size_t n = t->nlow;
    if (!w || !n)
        return false;
    for (const char *p = list; *p;) {
        size_t i = 0;
        while (i < n && p[i] && p[i] == w[i])
            i++;
        if (i == n && !p[i])
            return true;
        p += i;
        while (*p)
            p++;
        p++;
    }
    return false;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

static bool tok_cap(const dy_tok *t)
{
    return t->s && t->n && is_upper(t->s[0]);
}

static bool tok_alpha_lower(const dy_tok *t)
{
    return t->s && t->n && is_lower(t->s[0]);
}

static bool tok_punct(const dy_tok *t)
{
    if (t->flags & TOKF_PUNCT)
        return true;
    if (!t->low || !t->nlow)
        return true;
    for (size_t i = 0; i < t->nlow; i++) {
        unsigned char c = (unsigned char)t->low[i];
        if ((c >= 'a' && c <= 'z') || is_digit((char)c) || c >= 0x80)
            return false;
    }
    return true;
}

/* Parse s[0..n) as an unsigned decimal (at most 6 digits). */
static int parse_uint(const char *s, size_t n, int *v)
{
    if (n == 0 || n > 6)
        return -1;
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 0;
}

/* "mid-january", "early-2021": the part after a leading early/mid/late- */
static size_t hyph_prefix(const char *s, size_t n)
{
    static const char *pre[] = {"mid-", "early-", "late-"};
    for (size_t k = 0; k < DY_ARRAY_LEN(pre); k++) {
        size_t l = strlen(pre[k]);
        if (n > l && memcmp(s, pre[k], l) == 0)
            return l;
    }
    return 0;
}

/* A day of the month: "10", "10th", "1st", "10-12" (first day). */
static bool day_tok(const dy_tok *t, int *d)
{
    if (!t->low || !t->nlow || !is_digit(t->low[0]))
        return false;
    size_t k = 0;
    while (k < t->nlow && is_digit(t->low[k]))
        k++;
    if (k > 2)
        return false;
    int v;
    if (parse_uint(t->low, k, &v) || v < 1 || v > 31)
        return false;
    const char *r = t->low + k;
    size_t rn = t->nlow - k;
    if (rn == 0 ||
        (rn == 2 && (!memcmp(r, "st", 2) || !memcmp(r, "nd", 2) ||
                     !memcmp(r, "rd", 2) || !memcmp(r, "th", 2)))) {
        *d = v;
        return true;
    }
    if (r[0] == '-' && rn >= 2 && rn <= 3) {
        int w;
        if (parse_uint(r + 1, rn - 1, &w) || w < v || w > 31)
            return false;
        *d = v;
        return true;
    }
    return false;
}

static bool ord_tok(const dy_tok *t, int *d)
{
    return day_tok(t, d) && t->nlow >= 3 && !is_digit(t->low[t->nlow - 1]);
}

/* A four-digit year 1000..2999 */
static bool year_tok(const dy_tok *t, int *y)
{
    int v;
    if (!t->low || t->nlow != 4 || parse_uint(t->low, 4, &v) || v < 1000 ||
        v > 2999)
        return false;
    *y = v;
    return true;
}

/* A number: digits up to 999, or a number word. */
static bool num_tok(const dy_tok *t, int *v)
{
    if (!t->low || !t->nlow)
        return false;
    if (is_digit(t->low[0])) {
        int x;
        if (t->nlow > 3 || parse_uint(t->low, t->nlow, &x))
            return false;
        *v = x;
        return true;
    }
    int val;
    if (tok_kw(t, &val) == K_NUM) {
        *v = val;
        return true;
    }
    return false;
}

/* ---- calendar ------------------------------------------------------- */

static int dim(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static bool valid_ymd(int y, int m, int d)
{
    return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= dim(y, m);
}

/* Shift by months, clamping the day ("March 31" - 1 month = "Feb 28"). */
static int32_t add_months(int32_t days, int k)
{
    int y, m, d;
    dy_ymd_from_days(days, &y, &m, &d);
    int idx = y * 12 + (m - 1) + k;
    y = idx / 12;
    m = idx % 12 + 1;
    if (d > dim(y, m))
        d = dim(y, m);
    return dy_days_from_ymd(y, m, d);
}

/* ---- context -------------------------------------------------------- */

typedef struct tctx {
    const dy_tok *t;
    size_t n;
    size_t lo;          /* first token a new expression may start at       */
    int32_t story;
    int sy, sm, sd, swd;
    int hint;
    const uint32_t *wf;   /* word classes of the first WF_CACHE tokens */
} tctx;

/* Token i exists and is free (not part of an earlier expression). */
static bool ok(const tctx *c, size_t i) { return i < c->n && i >= c->lo; }
static bool at(const tctx *c, size_t i) { return i < c->n; }
static inline bool is_n(const tctx *c, size_t i, const char *w, size_t l)
{
    return i < c->n && teq_n(&c->t[i], w, l);
}
static inline bool isf_n(const tctx *c, size_t i, const char *w, size_t l)
{
    return ok(c, i) && teq_n(&c->t[i], w, l);
}
/* token i exists (isf: and is free) and is the literal w */
#define is(c, i, w) is_n((c), (i), "" w, sizeof(w) - 1)
#define isf(c, i, w) isf_n((c), (i), "" w, sizeof(w) - 1)

/* ---- function-word classes ------------------------------------------ */

/* Every word of the lists above (and of the clause lists below) with the
 * bit of each list it is in: a static hash set filled once (pthread_once,
 * no allocation), looked up once per token per call. */
enum {
    WF_FUT = 1u << 0, WF_PAST = 1u << 1, WF_EDNOT = 1u << 2,
    WF_PLANV = 1u << 3, WF_BOUND = 1u << 4, WF_MONPREP = 1u << 5,
    WF_NOTWDAY = 1u << 6, WF_YSTRONG = 1u << 7, WF_YWEAK = 1u << 8,
    WF_EVNOUN = 1u << 9, WF_ATTRDET = 1u << 10, WF_REPORT = 1u << 11,
    WF_SUBORD = 1u << 12, WF_REL = 1u << 13, WF_DASH = 1u << 14,
    WF_RELEND = 1u << 15
};

#define WS_SLOTS 1024u    /* > 2 x the number of distinct words */
#define WF_CACHE 1024u    /* tokens whose classes a call caches */

typedef struct wslot {
    const char *w;
    uint32_t len;
    uint32_t flags;         /* WF_*, and the keyword (kws index + 1) << 16 */
} wslot;

/* A token's classes: WF_* in the low 16 bits, its keyword above them. */
#define WF_MASK 0xFFFFu
#define WF_KW(f) ((f) >> 16)

static wslot ws_tab[WS_SLOTS];
/* the lengths (bit n) of the words in ws_tab, by first byte: most tokens
 * are rejected without hashing */
static uint32_t ws_lens[256];
static pthread_once_t ws_once = PTHREAD_ONCE_INIT;

static uint32_t ws_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ^ (h >> 15);
}

static const char *const *ws_lists(size_t *nl, const uint32_t **flags);

static void ws_build(void)
{
    size_t nl;
    const uint32_t *fl;
    const char *const *lists = ws_lists(&nl, &fl);
    for (size_t l = 0; l < nl; l++) {
        for (const char *p = lists[l]; *p; p += strlen(p) + 1) {
            size_t n = strlen(p);
            uint32_t i = ws_hash(p, n) & (WS_SLOTS - 1);
            while (ws_tab[i].w &&
                   !(ws_tab[i].len == n && !memcmp(ws_tab[i].w, p, n)))
                i = (i + 1) & (WS_SLOTS - 1);
            ws_tab[i].w = p;
            ws_tab[i].len = (uint32_t)n;
            ws_tab[i].flags |= fl[l];
            if (n <= 16)
                ws_lens[(unsigned char)p[0]] |= 1u << n;
        }
    }
    /* the keywords (all of them are at most 9 bytes long) */
    for (size_t k = 0; k < DY_ARRAY_LEN(kws); k++) {
        const char *p = kws[k].w;
        size_t n = kws[k].n;
        uint32_t i = ws_hash(p, n) & (WS_SLOTS - 1);
        while (ws_tab[i].w &&
               !(ws_tab[i].len == n && !memcmp(ws_tab[i].w, p, n)))
            i = (i + 1) & (WS_SLOTS - 1);
        ws_tab[i].w = p;
        ws_tab[i].len = (uint32_t)n;
        ws_tab[i].flags |= (uint32_t)(k + 1) << 16;
        ws_lens[(unsigned char)p[0]] |= 1u << n;
    }
}

static uint32_t tok_wf(const dy_tok *t)
{
    if (!t->low || !t->nlow || t->nlow > 16 ||
        !((ws_lens[(unsigned char)t->low[0]] >> t->nlow) & 1))
        return 0;
    uint32_t i = ws_hash(t->low, t->nlow) & (WS_SLOTS - 1);
    while (ws_tab[i].w) {
        if (ws_tab[i].len == t->nlow && !memcmp(ws_tab[i].w, t->low, t->nlow))
            return ws_tab[i].flags;
        i = (i + 1) & (WS_SLOTS - 1);
    }
    return 0;
}

/* Fill wf[0..min(n, WF_CACHE)) and return it. */
static const uint32_t *wf_fill(const dy_tok *t, size_t n, uint32_t *wf)
{
    pthread_once(&ws_once, ws_build);
    size_t m = n < WF_CACHE ? n : WF_CACHE;
    for (size_t k = 0; k < m; k++)
        wf[k] = tok_wf(&t[k]);
    return wf;
}

void dy_timex_classes(const dy_tok *toks, size_t n, uint32_t *wf)
{
    if (toks && wf)
        wf_fill(toks, n < DY_TX_CLASSES ? n : DY_TX_CLASSES, wf);
}

/* (a memo entry holds the classes with this bit set; 0 = not yet known;
 * the classes use bits 0..22: WF_* and the keyword index) */
#define WF_MEMO_SET (1u << 31)

void dy_timex_classes_memo(const dy_tok *toks, size_t n, uint32_t *wf,
                           uint32_t *memo, size_t nmemo)
{
    if (!memo) {
        dy_timex_classes(toks, n, wf);
        return;
    }
    if (!toks || !wf)
        return;
    pthread_once(&ws_once, ws_build);
    size_t m = n < DY_TX_CLASSES ? n : DY_TX_CLASSES;
    for (size_t k = 0; k < m; k++) {
        /* a word's classes depend on its key (low) alone, and the word id
         * names the key */
        uint32_t w = toks[k].w;
        if (w && w < nmemo) {
            uint32_t v = memo[w];
            if (!v) {
                v = tok_wf(&toks[k]) | WF_MEMO_SET;
                memo[w] = v;
            }
            wf[k] = v & ~WF_MEMO_SET;
        } else {
            wf[k] = tok_wf(&toks[k]);
        }
    }
}

/* The classes and keyword of token k (from the cache when there is one). */
static inline uint32_t WFK(const uint32_t *wf, const dy_tok *t, size_t k)
{
    return wf && k < WF_CACHE ? wf[k] : tok_wf(&t[k]);
}

/* The classes of token k (WF_*). */
static inline uint32_t WF(const uint32_t *wf, const dy_tok *t, size_t k)
{
    return WFK(wf, t, k) & WF_MASK;
}

/* ---- tense cues ----------------------------------------------------- */

static const char W_FUT[] =
    "will\0'll\0shall\0would\0wo\0may\0might\0could\0scheduled\0due\0"
    "planned\0plans\0plan\0planning\0expected\0expects\0slated\0upcoming\0"
    "intends\0intend\0aims\0next\0coming\0tomorrow\0tonight\0preparing\0"
    "prepares\0";
static const char W_PAST[] =
    "said\0told\0was\0were\0had\0has\0have\0did\0been\0ago\0last\0"
    "yesterday\0earlier\0met\0held\0fled\0sent\0went\0came\0began\0begun\0"
    "fought\0shot\0struck\0led\0left\0took\0taken\0gave\0given\0made\0"
    "won\0lost\0brought\0sought\0spoke\0broke\0broken\0caught\0ran\0saw\0"
    "seen\0rose\0fell\0threw\0drove\0kept\0became\0withdrew\0overran\0"
    "tore\0swore\0stole\0froze\0chose\0arose\0sat\0stood\0shook\0"
    "spent\0built\0dealt\0meant\0heard\0found\0sold\0bought\0paid\0"
    "laid\0beat\0bombed\0";
/* -ed words that are not past cues */
static const char W_ED_NOT[] =
    "need\0speed\0indeed\0proceed\0exceed\0succeed\0breed\0hundred\0"
    "scheduled\0planned\0expected\0slated\0proposed\0intended\0"
    "sacred\0kindred\0naked\0wicked\0";
/* verbs after "to" that make the clause a plan */
static const char W_PLANV[] =
    "meet\0hold\0visit\0begin\0start\0resume\0sign\0attend\0travel\0vote\0"
    "host\0discuss\0launch\0open\0deploy\0send\0announce\0decide\0"
    "consider\0convene\0address\0receive\0join\0unveil\0publish\0release\0"
    "conduct\0stage\0hold\0take\0be\0go\0fly\0return\0meet\0talk\0hand\0"
    "deliver\0present\0submit\0elect\0ratify\0debate\0review\0end\0";
static const char W_BOUND[] =
    ";\0:\0--\0(\0)\0that\0but\0while\0whereas\0although\0because\0";

static bool past_form(const dy_tok *t, uint32_t f)
{
    if (f & WF_PAST)
        return true;
    if (t->tag == T_VBD || t->tag == T_VBN)
        return true;
    if (t->tag != T_NONE && t->tag != T_JJ)
        return false;
    if (t->nlow >= 5 && t->low[t->nlow - 2] == 'e' &&
        t->low[t->nlow - 1] == 'd' && tok_alpha_lower(t) &&
        !(f & WF_EDNOT))
        return true;
    return false;
}

/* The tense cue of token k: +1, -1 or 0. */
static int word_cue(const dy_tok *t, const uint32_t *wf, size_t n, size_t k)
{
    const dy_tok *w = &t[k];
    if (!w->low || !w->nlow || tok_punct(w))
        return 0;
    uint32_t f = WF(wf, t, k);
    if (f & WF_FUT)
        return 1;
    if (w->tag == T_MD)
        return 1;
    if (teq(w, "to") && k + 1 < n) {
        const dy_tok *v = &t[k + 1];
        /* "had tried to seize ... on Friday": a past attempt (or success,
         * or failure) was made then; so was an act a vote carried out
         * ("voted to remove the president on February 22") */
        if (k > 0 && (teq(&t[k - 1], "tried") || teq(&t[k - 1], "attempted") ||
                      teq(&t[k - 1], "managed") || teq(&t[k - 1], "failed") ||
                      teq(&t[k - 1], "voted")))
            return -1;
        if (v->tag == T_VB ||
            (v->tag == T_NONE && (WF(wf, t, k + 1) & WF_PLANV)))
            return 1;
        return 0;
    }
    if ((teq(w, "set") || teq(w, "going") || teq(w, "is") ||
         teq(w, "are")) &&
        k + 1 < n && teq(&t[k + 1], "to"))
        return 1;
    if (teq(w, "ahead") && k + 1 < n && teq(&t[k + 1], "of"))
        return 1;
    if (teq(w, "be"))
        return 1;
    if (!tok_cap(w) || (w->flags & TOKF_SSTART)) {
        if (past_form(w, f)) {
            /* "will be held", "to be signed": a passive future */
            size_t j = k;
            while (j > 0 && j + 3 > k) {
                j--;
                if (teq(&t[j], "be"))
                    return 1;
                if (!(t[j].nlow > 2 &&
                      !memcmp(t[j].low + t[j].nlow - 2, "ly", 2)))
                    break;
            }
            return -1;
        }
    }
    return 0;
}

/* The nearest cue to the span [b, e) within its clause. */
static int cue_dir(const dy_tok *t, const uint32_t *wf, size_t n, size_t b,
                   size_t e)
{
    size_t lim = b > 14 ? b - 14 : 0;
    for (size_t k = b; k > lim;) {
        k--;
        if (WF(wf, t, k) & WF_BOUND)
            break;
        int d = word_cue(t, wf, n, k);
        if (d)
            return d;
    }
    size_t k = e;
    if (k < n && teq(&t[k], ","))
        k++;
    size_t end = k + 10 < n ? k + 10 : n;
    for (; k < end; k++) {
        if ((WF(wf, t, k) & WF_BOUND) || teq(&t[k], ",") || teq(&t[k], "."))
            break;
        int d = word_cue(t, wf, n, k);
        if (d)
            return d;
    }
    return 0;
}

int dy_timex_tense(const dy_tok *toks, size_t n, size_t i)
{
    if (!toks || i >= n)
        return 0;
    pthread_once(&ws_once, ws_build);
    int d = word_cue(toks, NULL, n, i);
    if (d)
        return d;
    return cue_dir(toks, NULL, n, i, i + 1);
}

/* ---- building results ----------------------------------------------- */

static void set_tx(const tctx *c, dy_timex *tx, size_t b, size_t e,
                   int32_t days, int prec, int kind)
{
    tx->tok0 = (uint32_t)b;
    tx->tok1 = (uint32_t)e;
    tx->days = days;
    tx->precision = (uint8_t)prec;
    tx->kind = (uint8_t)kind;
    tx->flags = 0;
    /* direction: compare the period [days, last] with the story day */
    int32_t last = days;
    if (prec == DY_PREC_WEEK)
        last = days + 6;
    else if (prec == DY_PREC_MONTH)
        last = add_months(days, 1) - 1;
    else if (prec == DY_PREC_YEAR) {
        int y, m, d;
        dy_ymd_from_days(days, &y, &m, &d);
        last = dy_days_from_ymd(y, 12, 31);
    }
    if (last < c->story)
        tx->dir = -1;
    else if (days > c->story)
        tx->dir = 1;
    else
        tx->dir = 0;
}

/* direction for an expression without a year: cue, hint, or `dflt` */
static int want_dir(const tctx *c, size_t b, size_t e, int dflt)
{
    if (c->hint == 2)
        return 1; /* the caller knows the act is ahead */
    int d = cue_dir(c->t, c->wf, c->n, b, e);
    if (d)
        return d;
    if (c->hint)
        return 1;
    return dflt;
}

/* ---- month expressions ---------------------------------------------- */

static const char W_MONPREP[] =
    "in\0since\0until\0till\0by\0from\0during\0before\0after\0through\0"
    "throughout\0of\0early\0mid\0late\0last\0next\0this\0-\0to\0between\0"
    "and\0";

/* Month name at token i (month m; cls K_MONTH or K_MONABBR; `hyph` if
 * the token is "mid-january"). Returns the end of the expression or 0. */
static size_t month_expr(tctx *c, size_t i, int m, int cls, bool hyph,
                         dy_timex *tx)
{
    const dy_tok *t = c->t;
    size_t j = i + 1, b = i;
    int day = -1, year = -1, v;
    bool period = hyph;
    int mod = 0; /* -1 last, +1 next, 2 this */

    if (cls == K_MONABBR && is(c, j, ".") && !(t[j].flags & TOKF_SPACE))
        j++;
    if (!hyph && at(c, j) && day_tok(&t[j], &v)) {
        day = v;
        j++;
        if (is(c, j, ",") && at(c, j + 1) && year_tok(&t[j + 1], &v)) {
            year = v;
            j += 2;
        } else if (at(c, j) && year_tok(&t[j], &v)) {
            year = v;
            j++;
        }
    } else if (at(c, j) && year_tok(&t[j], &v)) {
        year = v;
        j++;
    } else if (is(c, j, "of") && at(c, j + 1) && year_tok(&t[j + 1], &v)) {
        year = v;
        j += 2;
    }
    if (day < 0 && !hyph) {
        size_t k = i - 1;
        if (ok(c, k) && day_tok(&t[k], &v)) {
            day = v;
            b = k;
            int v2;
            if (isf(c, k - 1, "-") && ok(c, k - 2) && day_tok(&t[k - 2], &v2)) {
                day = v2;
                b = k - 2;
            }
        } else if (isf(c, k, "of") && ok(c, k - 1) && ord_tok(&t[k - 1], &v)) {
            day = v;
            b = k - 1;
            if (isf(c, b - 1, "the"))
                b--;
        }
    }
    if (day < 0 && !hyph) {
        size_t k = b - 1;
        if (ok(c, k) && tin(&t[k], "early\0mid\0late\0")) {
            b = k;
            period = true;
        } else if (isf(c, k, "-") && ok(c, k - 1) &&
                   tin(&t[k - 1], "early\0mid\0late\0")) {
            b = k - 1;
            period = true;
        }
        if (year < 0 && !period) {
            if (isf(c, b - 1, "last") || isf(c, b - 1, "past"))
                mod = -1, b--;
            else if (isf(c, b - 1, "next") || isf(c, b - 1, "coming"))
                mod = 1, b--;
            else if (isf(c, b - 1, "this"))
                mod = 2, b--;
        }
    }

    /* validation */
    const char *ms = t[i].s, *ml = t[i].low;
    size_t msn = t[i].n, mln = t[i].nlow;
    if (hyph) {
        size_t p = hyph_prefix(ml, mln);
        ms += p;
        ml += p;
        msn = msn > p ? msn - p : 0;
        mln -= p;
    }
    bool ambig = cls == K_MONTH &&
                 ((mln == 3 && !memcmp(ml, "may", 3)) ||
                  (mln == 5 && !memcmp(ml, "march", 5)) ||
                  (mln == 6 && !memcmp(ml, "august", 6)));
    if (ambig && (!ms || !msn || !is_upper(ms[0])))
        return 0;
    if (day < 0 && year < 0 && !hyph && !period && !mod) {
        if (cls == K_MONABBR)
            return 0;
        if (ambig && !(ok(c, i - 1) && (WF(c->wf, t, i - 1) & WF_MONPREP)))
            return 0;
    }
    if (day < 0 && year < 0 && cls == K_MONABBR && !period)
        return 0;

    int32_t days;
    int prec = day >= 0 ? DY_PREC_DAY : DY_PREC_MONTH;
    if (year >= 0) {
        if (day >= 0 && !valid_ymd(year, m, day))
            return 0;
        if (year < 1000)
            return 0;
        days = dy_days_from_ymd(year, m, day >= 0 ? day : 1);
    } else if (mod) {
        int y = c->sy;
        if (mod == -1)
            y = m < c->sm ? c->sy : c->sy - 1;
        else if (mod == 1)
            y = m > c->sm ? c->sy : c->sy + 1;
        if (day >= 0 && !valid_ymd(y, m, day))
            return 0;
        days = dy_days_from_ymd(y, m, day >= 0 ? day : 1);
    } else {
        int dir = want_dir(c, b, j, 0);
        int best = 0;
        int64_t bestdist = 0;
        int span = m == 2 && day == 29 ? 4 : 1; /* a leap day */
        for (int y = c->sy - span; y <= c->sy + span; y++) {
            int64_t dist;
            if (day >= 0) {
                if (!valid_ymd(y, m, day))
                    continue;
                dist = (int64_t)dy_days_from_ymd(y, m, day) - c->story;
            } else {
                dist = (int64_t)(y * 12 + m) - (c->sy * 12 + c->sm);
            }
            if ((dir < 0 && dist > 0) || (dir > 0 && dist < 0))
                continue;
            int64_t ad = dist < 0 ? -dist : dist;
            /* ties go to the past (the earlier year is seen first) */
            if (!best || ad < bestdist) {
                best = y;
                bestdist = ad;
            }
        }
        if (!best)
            return 0;
        days = dy_days_from_ymd(best, m, day >= 0 ? day : 1);
    }
    set_tx(c, tx, b, j, days, prec, DY_TX_EXPLICIT);
    if (period)
        tx->flags |= DY_TXF_PERIOD;
    return j;
}

/* ---- weekdays ------------------------------------------------------- */

static const char W_NOT_WDAY_NEXT[] =
    "times\0telegraph\0express\0mirror\0herald\0observer\0post\0people\0"
    "independent\0star\0sport\0";

static size_t wday_expr(tctx *c, size_t i, int wd, dy_timex *tx)
{
    const dy_tok *t = c->t;
    size_t b = i, j = i + 1;

    /* "Sunday, January 2", "Sunday 2 January": the date decides */
    {
        size_t k = j;
        if (is(c, k, ","))
            k++;
        int val, v;
        size_t mi = (size_t)-1;
        if (at(c, k) && (tok_kw(&t[k], &val) == K_MONTH ||
                         tok_kw(&t[k], &val) == K_MONABBR))
            mi = k;
        else if (at(c, k + 1) && day_tok(&t[k], &v) &&
                 (tok_kw(&t[k + 1], &val) == K_MONTH ||
                  tok_kw(&t[k + 1], &val) == K_MONABBR))
            mi = k + 1;
        if (mi != (size_t)-1) {
            size_t save = c->lo;
            c->lo = k;
            int cls = tok_kw(&t[mi], &val);
            size_t e = month_expr(c, mi, val, cls, false, tx);
            c->lo = save;
            if (e && tx->precision == DY_PREC_DAY) {
                tx->tok0 = (uint32_t)i;
                return e;
            }
        }
    }
    if (at(c, j) && (WF(c->wf, t, j) & WF_NOTWDAY) && tok_cap(&t[j]))
        return 0;
    if (at(c, j) && tok_kw(&t[j], &(int){0}) == K_PART)
        j++;

    int mod = 0; /* -1 last, +1 next, 2 this */
    size_t k = b - 1;
    if (isf(c, k, "last") || isf(c, k, "past")) {
        mod = -1;
        b = k;
        if (isf(c, b - 1, "this"))
            b--;
    } else if (isf(c, k, "next") || isf(c, k, "coming")) {
        mod = 1;
        b = k;
        if (isf(c, b - 1, "this"))
            b--;
    } else if (isf(c, k, "this")) {
        mod = 2;
        b = k;
    }
    if (ok(c, b - 1) && tin(&t[b - 1], "early\0late\0"))
        b--;

    int back = (c->swd - wd + 7) % 7;   /* days back to the last wd */
    int fwd = (wd - c->swd + 7) % 7;    /* days forward to the next wd */
    int delta;
    if (mod == -1)
        delta = back ? -back : -7;
    else if (mod == 1)
        delta = fwd ? fwd : 7;
    else if (mod == 2)
        delta = want_dir(c, b, j, 1) > 0 ? fwd : -back;
    else if (wd == c->swd)
        delta = 0;
    else
        delta = want_dir(c, b, j, -1) > 0 ? fwd : -back;
    set_tx(c, tx, b, j, c->story + delta, DY_PREC_DAY, DY_TX_RELATIVE);
    return j;
}

/* ---- yesterday, today, tomorrow ------------------------------------- */

static size_t relday_expr(tctx *c, size_t i, int off, dy_timex *tx)
{
    const dy_tok *t = c->t;
    size_t b = i, j = i + 1;
    /* "USA Today", "Russia Today" */
    if (off == 0 && teq(&t[i], "today") && tok_cap(&t[i]) &&
        !(t[i].flags & TOKF_SSTART) && i > 0 && tok_cap(&t[i - 1]) &&
        !(t[i - 1].flags & TOKF_SSTART))
        return 0;
    if (at(c, j) && tok_kw(&t[j], &(int){0}) == K_PART)
        j++;
    set_tx(c, tx, b, j, c->story + off, DY_PREC_DAY, DY_TX_RELATIVE);
    return j;
}

/* ---- units: last week, two days ago, in two weeks --------------------- */

static int32_t period_start(const tctx *c, int unit, int k)
{
    switch (unit) {
    case U_WEEK:
        return c->story - c->swd + 7 * k;
    case U_MONTH:
        return add_months(dy_days_from_ymd(c->sy, c->sm, 1), k);
    default:
        return dy_days_from_ymd(c->sy + k, 1, 1);
    }
}

static int unit_prec(int unit)
{
    switch (unit) {
    case U_DAY: return DY_PREC_DAY;
    case U_WEEK: case U_WEEKEND: case U_FORTNIGHT: return DY_PREC_WEEK;
    case U_MONTH: return DY_PREC_MONTH;
    default: return DY_PREC_YEAR;
    }
}

static int32_t shift(const tctx *c, int unit, int k)
{
    switch (unit) {
    case U_DAY: return c->story + k;
    case U_WEEK: return c->story + 7 * k;
    case U_FORTNIGHT: return c->story + 14 * k;
    case U_MONTH: return add_months(c->story, k);
    case U_YEAR: return add_months(c->story, 12 * k);
    default: return c->story + 7 * k;
    }
}

/* Saturday of a weekend. k = -1 "last weekend": the weekend before the
 * story's week; k = +1 "next weekend": the coming one (the following one
 * when the story falls on a weekend); k = 0 "this/the weekend": the
 * story's own weekend when it falls on one, else the coming one when dir
 * > 0 and the one just past otherwise. */
static int32_t weekend_sat(const tctx *c, int k, int dir)
{
    int32_t sat = c->story - c->swd + 5; /* Saturday of this week */
    bool in_weekend = c->swd >= 5;
    if (k < 0)
        return sat - 7;
    if (k > 0)
        return in_weekend ? sat + 7 : sat;
    if (in_weekend)
        return sat;
    return dir > 0 ? sat : sat - 7;
}

static size_t unit_expr(tctx *c, size_t i, int unit, dy_timex *tx)
{
    const dy_tok *t = c->t;
    bool plural = t[i].nlow > 1 && t[i].low[t[i].nlow - 1] == 's';
    size_t j = i + 1;
    int num;

    /* "the day before yesterday", "the day after tomorrow" */
    if (unit == U_DAY && !plural && at(c, j + 1)) {
        int off;
        if (teq(&t[j], "before") && teq(&t[j + 1], "yesterday"))
            off = -2;
        else if (teq(&t[j], "after") && teq(&t[j + 1], "tomorrow"))
            off = 2;
        else
            off = 0;
        if (off) {
            size_t b = isf(c, i - 1, "the") ? i - 1 : i;
            set_tx(c, tx, b, j + 2, c->story + off, DY_PREC_DAY,
                   DY_TX_RELATIVE);
            return j + 2;
        }
    }
    /* N units ago */
    if (is(c, j, "ago") && ok(c, i - 1) && num_tok(&t[i - 1], &num) &&
        num > 0 && unit != U_WEEKEND) {
        if ((num == 1 && plural) || (num > 1 && !plural))
            return 0;
        set_tx(c, tx, i - 1, j + 1, shift(c, unit, -num), unit_prec(unit),
               DY_TX_RELATIVE);
        tx->flags |= DY_TXF_OFFSET;
        return j + 1;
    }
    /* in N units ('s time); not "for the first time in a year" */
    if (isf(c, i - 2, "in") && ok(c, i - 1) && num_tok(&t[i - 1], &num) &&
        !(i >= 3 && (tin(&t[i - 3], "time\0times\0first\0last\0") ||
                     (t[i - 3].nlow > 4 &&
                      !memcmp(t[i - 3].low + t[i - 3].nlow - 3, "est", 3)))) &&
        num > 0 && unit != U_WEEKEND && !is(c, j, "of") &&
        !is(c, j, "since") && !is(c, j, "after") && !is(c, j, "before") &&
        !is(c, j, "later") && !is(c, j, "earlier")) {
        if (is(c, j, "'") || is(c, j, "'s")) {
            if (is(c, j + 1, "time"))
                j += 2;
        } else if (is(c, j, "time")) {
            j++;
        }
        set_tx(c, tx, i - 2, j, shift(c, unit, num), unit_prec(unit),
               DY_TX_RELATIVE);
        tx->flags |= DY_TXF_OFFSET;
        return j;
    }
    if (plural || unit == U_DAY || unit == U_FORTNIGHT)
        return 0;

    /* this/last/next unit, with early/earlier/late/later/mid before */
    size_t b = i;
    int k = 9, pdir = 0;
    bool period = false;
    if (isf(c, i - 1, "last") ||
        (isf(c, i - 1, "past") && unit == U_WEEKEND))
        k = -1;
    else if (isf(c, i - 1, "next") || isf(c, i - 1, "coming"))
        k = 1;
    else if (isf(c, i - 1, "this") || isf(c, i - 1, "current"))
        k = 0;
    if (k != 9) {
        b = i - 1;
        if (isf(c, b - 1, "the") && k != 0)
            b--;
    } else if (isf(c, i - 1, "the") && isf(c, i - 2, "in") &&
               ok(c, i - 3) && tin(&t[i - 3], "earlier\0later\0")) {
        /* earlier in the week */
        k = 0;
        b = i - 3;
        pdir = teq(&t[b], "earlier") ? -1 : 1;
        period = true;
    } else if (unit == U_WEEKEND && isf(c, i - 1, "the")) {
        /* (over) the weekend */
        int dir = want_dir(c, i - 1, j, -1);
        set_tx(c, tx, i - 1, j, weekend_sat(c, 0, dir), DY_PREC_WEEK,
               DY_TX_RELATIVE);
        return j;
    } else {
        return 0;
    }
    if (!period && ok(c, b - 1) &&
        tin(&t[b - 1], "early\0earlier\0late\0later\0mid\0")) {
        b--;
        period = true;
        if (teq(&t[b], "earlier"))
            pdir = -1;
        else if (teq(&t[b], "later"))
            pdir = 1;
    }
    int32_t days;
    if (unit == U_WEEKEND) {
        int dir = k == 0 ? want_dir(c, b, j, 1) : k;
        days = weekend_sat(c, k, dir);
    } else {
        days = period_start(c, unit, k);
    }
    set_tx(c, tx, b, j, days, unit_prec(unit), DY_TX_RELATIVE);
    if (period)
        tx->flags |= DY_TXF_PERIOD;
    if (pdir && k == 0)
        tx->dir = (int8_t)pdir;
    return j;
}

/* ---- last night, this morning --------------------------------------- */

static size_t part_expr(tctx *c, size_t i, dy_timex *tx)
{
    if (isf(c, i - 1, "last") && teq(&c->t[i], "night")) {
        set_tx(c, tx, i - 1, i + 1, c->story - 1, DY_PREC_DAY,
               DY_TX_RELATIVE);
        return i + 1;
    }
    if (isf(c, i - 1, "this") && !teq(&c->t[i], "night")) {
        set_tx(c, tx, i - 1, i + 1, c->story, DY_PREC_DAY, DY_TX_RELATIVE);
        return i + 1;
    }
    return 0;
}

/* ---- numbers: ISO, numeric dates, years ------------------------------ */

static const char W_YEAR_STRONG[] =
    "in\0since\0until\0till\0during\0through\0throughout\0around\0circa\0"
    "early\0mid\0late\0year\0fiscal\0";
static const char W_YEAR_WEAK[] =
    "by\0from\0of\0after\0before\0between\0to\0and\0the\0a\0its\0their\0"
    "his\0her\0's\0-\0or\0than\0";
static const char W_EVENT_NOUN[] =
    "election\0elections\0agreement\0agreements\0accord\0accords\0deal\0"
    "war\0invasion\0attack\0attacks\0coup\0referendum\0summit\0ceasefire\0"
    "truce\0protests\0uprising\0revolution\0vote\0treaty\0crisis\0"
    "conflict\0offensive\0annexation\0law\0census\0budget\0games\0"
    "olympics\0constitution\0talks\0massacre\0bombing\0bombings\0riots\0"
    "polls\0poll\0campaign\0resolution\0sanctions\0incursion\0clashes\0"
    "uprisings\0earthquake\0election.\0level\0levels\0";

static bool three_part(const char *s, size_t n, int v[3], size_t len[3],
                       char *sep)
{
    size_t k = 0, part = 0, beg = 0;
    char sp = 0;
    for (; k <= n; k++) {
        if (k == n || !is_digit(s[k])) {
            if (part > 2 || k == beg)
                return false;
            if (parse_uint(s + beg, k - beg, &v[part]))
                return false;
            len[part] = k - beg;
            part++;
            if (k == n)
                break;
            char ch = s[k];
            if (ch != '/' && ch != '-' && ch != '.')
                return false;
            if (sp && ch != sp)
                return false;
            sp = ch;
            beg = k + 1;
        }
    }
    *sep = sp;
    return part == 3;
}

static size_t number_expr(tctx *c, size_t i, dy_timex *tx)
{
    const dy_tok *t = c->t;
    const dy_tok *w = &t[i];
    int val, v;
    size_t j = i + 1;
    /* part of a month date: the month anchor takes it */
    if (at(c, j) && (tok_kw(&t[j], &val) == K_MONTH ||
                     tok_kw(&t[j], &val) == K_MONABBR))
        return 0;
    if (is(c, j, "of") && at(c, j + 1) &&
        (tok_kw(&t[j + 1], &val) == K_MONTH ||
         tok_kw(&t[j + 1], &val) == K_MONABBR))
        return 0;
    if (is(c, j, "-") && at(c, j + 2) && day_tok(&t[j + 1], &v) &&
        tok_kw(&t[j + 2], &val) == K_MONTH)
        return 0;

    /* "mid-2021", "early-2020" */
    size_t hp = hyph_prefix(w->low, w->nlow);
    if (hp) {
        int y;
        if (w->nlow - hp == 4 && !parse_uint(w->low + hp, 4, &y) &&
            y >= 1900 && y <= 2099) {
            set_tx(c, tx, i, j, dy_days_from_ymd(y, 1, 1), DY_PREC_YEAR,
                   DY_TX_EXPLICIT);
            tx->flags |= DY_TXF_PERIOD;
            return j;
        }
        return 0;
    }

    int p[3];
    size_t pl[3];
    char sep;
    if (three_part(w->low, w->nlow, p, pl, &sep)) {
        int y, m, d;
        if (pl[0] == 4) { /* ISO y-m-d */
            if (sep == '.' || pl[1] > 2 || pl[2] > 2)
                return 0;
            y = p[0], m = p[1], d = p[2];
            if (!valid_ymd(y, m, d))
                return 0;
            set_tx(c, tx, i, j, dy_days_from_ymd(y, m, d), DY_PREC_DAY,
                   DY_TX_EXPLICIT);
            return j;
        }
        if (pl[0] > 2 || pl[1] > 2 || (pl[2] != 4 && pl[2] != 2))
            return 0;
        y = p[2];
        if (pl[2] == 2)
            y += y < 50 ? 2000 : 1900;
        bool dmy = valid_ymd(y, p[1], p[0]);
        bool mdy = valid_ymd(y, p[0], p[1]);
        if (!dmy && !mdy)
            return 0;
        int32_t ddmy = dmy ? dy_days_from_ymd(y, p[1], p[0]) : 0;
        int32_t dmdy = mdy ? dy_days_from_ymd(y, p[0], p[1]) : 0;
        int32_t days;
        bool amb = false;
        if (dmy && mdy && ddmy != dmdy) {
            int64_t a = (int64_t)ddmy - c->story, bb = (int64_t)dmdy - c->story;
            if (a < 0)
                a = -a;
            if (bb < 0)
                bb = -bb;
            days = a < bb ? ddmy : dmdy;
            amb = true;
        } else {
            days = mdy ? dmdy : ddmy;
        }
        set_tx(c, tx, i, j, days, DY_PREC_DAY, DY_TX_EXPLICIT);
        if (amb)
            tx->flags |= DY_TXF_AMBIG;
        return j;
    }

    /* a year, or a range of years "2014-2016", "2014-16" (the first) */
    int y;
    bool range = false;
    if (w->nlow == 9 || w->nlow == 7) {
        int y2;
        if (w->low[4] != '-' || parse_uint(w->low, 4, &y) ||
            parse_uint(w->low + 5, w->nlow - 5, &y2))
            return 0;
        if (w->nlow == 7)
            y2 += y / 100 * 100;
        if (y2 <= y || y2 - y > 50)
            return 0;
        range = true;
    } else if (!year_tok(w, &y)) {
        return 0;
    }
    if (y < 1900 || y > 2099)
        return 0;
    if (i > 0 && (tok_kw(&t[i - 1], &val) == K_MONTH ||
                  tok_kw(&t[i - 1], &val) == K_MONABBR))
        return 0; /* a month the month anchor rejected */
    const dy_tok *prev = i > 0 ? &t[i - 1] : NULL;
    const dy_tok *next = j < c->n ? &t[j] : NULL;
    bool next_ok = !next || tok_punct(next) || tok_cap(next) ||
                   teq(next, "'s") || (tok_wf(next) & WF_EVNOUN) ||
                   tin(next, "and\0to\0or\0-\0");
    bool plural_next = next && tok_alpha_lower(next) && next->nlow > 2 &&
                       next->low[next->nlow - 1] == 's' &&
                       !(tok_wf(next) & WF_EVNOUN);
    bool yes = false;
    if (prev && (tok_wf(prev) & WF_YSTRONG))
        yes = !plural_next;
    else if (prev && (tok_wf(prev) & WF_YWEAK))
        yes = next_ok;
    else if (!prev || (prev->flags & TOKF_SSTART) || tok_punct(prev))
        yes = next && (teq(next, ",") || teq(next, "'s")) &&
              (!prev || !teq(prev, "$"));
    if (prev && (teq(prev, "$") || teq(prev, "#") || teq(prev, "no.")))
        yes = false;
    if (!yes)
        return 0;
    size_t b = i;
    bool period = false;
    if (ok(c, i - 1) && tin(&t[i - 1], "early\0mid\0late\0")) {
        b = i - 1;
        period = true;
    } else if (isf(c, i - 1, "-") && ok(c, i - 2) &&
               tin(&t[i - 2], "early\0mid\0late\0")) {
        b = i - 2;
        period = true;
    }
    set_tx(c, tx, b, j, dy_days_from_ymd(y, 1, 1), DY_PREC_YEAR,
           DY_TX_EXPLICIT);
    if (period)
        tx->flags |= DY_TXF_PERIOD;
    if (range)
        tx->flags |= DY_TXF_SINCE;
    return j;
}

/* ---- driver --------------------------------------------------------- */

static bool is_trigger(const dy_tok *t, uint32_t f)
{
    if ((t->flags & TOKF_DIGIT) || (t->low && t->nlow && is_digit(t->low[0])))
        return true;
    /* first letters of the trigger words (months, weekdays, yesterday,
     * week, night ...) and of early-/mid-/late- */
#define TL(ch) (1u << ((ch) - 'a'))
    static const uint32_t first =
        TL('a') | TL('d') | TL('e') | TL('f') | TL('j') | TL('l') | TL('m') |
        TL('n') | TL('o') | TL('s') | TL('t') | TL('w') | TL('y');
#undef TL
    if (!t->low || t->nlow < 3 || !is_lower(t->low[0]) ||
        !(first & (1u << (t->low[0] - 'a'))))
        return false;
    int val;
    /* tok_kw(t) from the classes: every keyword is in the class table */
    int k = WF_KW(f) ? kws[WF_KW(f) - 1].cls : K_NONE;
    if (k != K_NONE && k != K_NUM)
        return true;
    if (t->low && t->nlow > 4 && memchr(t->low, '-', t->nlow)) {
        size_t p = hyph_prefix(t->low, t->nlow);
        if (p) {
            int cls = kw_lookup(t->low + p, t->nlow - p, &val);
            if (cls == K_MONTH || cls == K_MONABBR)
                return true;
        }
    }
    return false;
}

static size_t try_at(tctx *c, size_t i, dy_timex *tx)
{
    const dy_tok *w = &c->t[i];
    int val;
    int k = tok_kw(w, &val);
    size_t e = 0;
    switch (k) {
    case K_MONTH:
    case K_MONABBR:
        e = month_expr(c, i, val, k, false, tx);
        break;
    case K_WDAY:
        e = wday_expr(c, i, val, tx);
        break;
    case K_RELDAY:
        e = relday_expr(c, i, val, tx);
        break;
    case K_UNIT:
        e = unit_expr(c, i, val, tx);
        break;
    case K_PART:
        e = part_expr(c, i, tx);
        break;
    default:
        if (!w->low || !w->nlow)
            break;
        if (is_digit(w->low[0]) || (w->flags & TOKF_DIGIT)) {
            e = number_expr(c, i, tx);
        } else {
            size_t p = hyph_prefix(w->low, w->nlow);
            if (p) {
                int cls = kw_lookup(w->low + p, w->nlow - p, &val);
                if (cls == K_MONTH || cls == K_MONABBR)
                    e = month_expr(c, i, val, cls, true, tx);
            }
        }
    }
    return e;
}

static const char W_ATTR_DET[] =
    "the\0a\0an\0its\0their\0his\0her\0our\0this\0that\0";

size_t dy_timex_find(const dy_tok *toks, size_t n, int32_t story_days,
                     int future_hint, dy_timex *out, size_t max)
{
    return dy_timex_find_wf(toks, n, NULL, story_days, future_hint, out, max);
}

size_t dy_timex_find_wf(const dy_tok *toks, size_t n, const uint32_t *wf,
                        int32_t story_days, int future_hint, dy_timex *out,
                        size_t max)
{
    if (!toks || !n || !out || !max)
        return 0;
    uint32_t wfbuf[WF_CACHE];
    if (!wf || n > DY_TX_CLASSES)
        wf = wf_fill(toks, n, wfbuf);
    size_t first = 0;
    while (first < n && !is_trigger(&toks[first], WFK(wf, toks, first)))
        first++;
    if (first == n)
        return 0;

    tctx c;
    c.wf = wf;
    c.t = toks;
    c.n = n;
    c.lo = 0;
    c.story = story_days;
    c.hint = future_hint == 2 ? 2 : future_hint != 0;
    dy_ymd_from_days(story_days, &c.sy, &c.sm, &c.sd);
    c.swd = dy_weekday(story_days);

    size_t k = 0;
    for (size_t i = first; i < n && k < max;) {
        dy_timex tx;
        size_t e = is_trigger(&toks[i], WFK(wf, toks, i)) ? try_at(&c, i, &tx)
                                                          : 0;
        if (!e) {
            i++;
            continue;
        }
        size_t b = tx.tok0;
        if (isf(&c, b - 1, "since"))
            tx.flags |= DY_TXF_SINCE;
        if (b > 0 && (WF(c.wf, toks, b - 1) & WF_ATTRDET) && e < n &&
            !tok_punct(&toks[e]) && (tok_alpha_lower(&toks[e]) ||
                                     tok_cap(&toks[e])) &&
            !tin(&toks[e], "of\0in\0on\0at\0and\0or\0to\0when\0ago\0was\0"
                           "is\0will\0had\0has\0that\0") &&
            tx.kind == DY_TX_EXPLICIT)
            tx.flags |= DY_TXF_ATTR;
        out[k++] = tx;
        c.lo = e;
        i = e;
    }
    return k;
}

/* ---- picking the expression of an event ------------------------------ */

#define PICK_MAXTOK 1024

static const char W_REPORT[] =
    "said\0says\0say\0told\0tells\0reported\0reports\0announced\0"
    "announces\0added\0stated\0claimed\0claims\0declared\0confirmed\0"
    "insisted\0noted\0wrote\0tweeted\0according\0";
static const char W_SUBORD[] =
    "after\0before\0since\0when\0while\0whereas\0although\0though\0"
    "because\0until\0following\0amid\0despite\0unless\0if\0once\0";
static const char W_REL[] = "which\0who\0whom\0whose\0where\0";
static const char W_DASH[] = "-\0--\0\xE2\x80\x94\0\xE2\x80\x93\0";
/* words that end a restrictive relative clause once it has its verb:
 * "police who fired on protesters | were disbanded" */
static const char W_REL_END[] =
    "was\0were\0is\0are\0has\0have\0had\0will\0would\0said\0says\0";

static long tx_at(const dy_timex *tx, size_t ntx, size_t k)
{
    for (size_t q = 0; q < ntx; q++)
        if (tx[q].tok0 == k)
            return (long)q;
    return -1;
}

/* Is some expression starting at k (or at k+1 after "on")? */
static bool tx_starts(const dy_tok *t, size_t n, const dy_timex *tx,
                      size_t ntx, size_t k)
{
    if (k < n && tx_at(tx, ntx, k) >= 0)
        return true;
    return k + 1 < n && teq(&t[k], "on") && tx_at(tx, ntx, k + 1) >= 0;
}

/* After a reporting verb at r: where its complement begins. The frame
 * keeps the verb's own date and, before that date, an object of "told" or
 * a phrase in/at/to ("told reporters on Tuesday", "said in a statement on
 * Tuesday"). */
static size_t report_end(const dy_tok *t, const uint32_t *wf, size_t n,
                         const dy_timex *tx, size_t ntx, size_t r)
{
    size_t p = r + 1;
    if (teq(&t[r], "according"))
        return p < n && teq(&t[p], "to") ? p + 1 : p;
    bool skip = teq(&t[r], "told") || teq(&t[r], "tells") ||
                (p < n && tin(&t[p], "in\0at\0to\0"));
    for (size_t k = p; k < n && k <= r + 6; k++) {
        long q = tx_at(tx, ntx, k);
        if (q < 0 && teq(&t[k], "on") && k + 1 < n)
            q = tx_at(tx, ntx, k + 1);
        if (q >= 0)
            return tx[q].tok1;
        if (!skip || tok_punct(&t[k]) || (WF(wf, t, k) & WF_BOUND) ||
            word_cue(t, wf, n, k))
            break;
    }
    return r + 1;
}

/* The comma at k closes a relative clause ", which ... ," */
static bool closes_relative(const dy_tok *t, const uint32_t *wf, size_t k)
{
    for (size_t q = k; q > 1;) {
        q--;
        if (teq(&t[q], ","))
            return false;
        if ((WF(wf, t, q) & WF_REL) && teq(&t[q - 1], ","))
            return true;
    }
    return false;
}

/* A comma that begins a trailing report: ", the ministry said". */
static bool trailing_report(const dy_tok *t, const uint32_t *wf, size_t n,
                            size_t k)
{
    if (!teq(&t[k], ",") || closes_relative(t, wf, k))
        return false;
    for (size_t q = k + 1; q < n && q <= k + 7; q++) {
        uint32_t f = WF(wf, t, q);
        if (f & WF_REPORT)
            return true;
        if (tok_punct(&t[q]) || (f & (WF_BOUND | WF_REL)))
            return false;
    }
    return false;
}

/* The reporting verb at k is the tail of its sentence ("..., X said"). */
static bool report_trails(const dy_tok *t, const uint32_t *wf, size_t n,
                          size_t k)
{
    for (size_t q = k; q > 0 && q + 8 > k; q--)
        if (trailing_report(t, wf, n, q - 1))
            return true;
    return false;
}

/* Where the text after a dateline ("KYIV, Jan 3 (Reuters) -") begins. */
static size_t after_dateline(const dy_tok *t, const uint32_t *wf, size_t n)
{
    for (size_t k = 1; k < n && k < 16; k++) {
        if (!(WF(wf, t, k) & WF_DASH) && !teq(&t[k], ":"))
            continue;
        if (teq(&t[k - 1], ")"))
            return k + 1;
        for (size_t q = 0; q < k; q++)
            if (!(t[q].flags & (TOKF_UPPER | TOKF_DIGIT)) &&
                !tok_punct(&t[q]) && !(t[q].flags & TOKF_CAP))
                return 0;
        return t[0].flags & TOKF_UPPER ? k + 1 : 0;
    }
    return 0;
}

/* Segment (clause) ids per token, see timex.h; rel[k] = 1 inside a
 * relative clause. */
/* Does a noun phrase, not a clause, follow "shortly after" at k
 * ("shortly after take-off from Tehran on Wednesday", "just before dawn on
 * Friday")? What happened just before or after something happened on its
 * date. Only when the tokens are tagged: no finite verb up to the next
 * comma or the end. */
static bool noun_phrase_follows(const dy_tok *t, size_t n, size_t k)
{
    if (k == 0 || k + 1 >= n || t[k + 1].tag == T_NONE ||
        !tin(&t[k - 1], "shortly\0soon\0just\0immediately\0moments\0minutes\0"
                        "hours\0right\0"))
        return false;
    for (size_t j = k + 1; j < n; j++) {
        int tg = t[j].tag;
        if (tg == T_COMMA || tg == T_END)
            break;
        if (tg == T_VBD || tg == T_VBZ || tg == T_VBP || tg == T_MD)
            return false;
    }
    return true;
}

static void segment(const dy_tok *t, const uint32_t *wf, size_t n,
                    const dy_timex *tx, size_t ntx, uint16_t *seg,
                    uint8_t *rel)
{
    uint16_t cur = 0, ids = 0;
    int saved = -1;          /* segment to return to after a relative     */
    bool restrictive = false, rel_verb = false;
    size_t start = after_dateline(t, wf, n);
    bool initial_sub = start < n && (WF(wf, t, start) & WF_SUBORD);
    size_t next_bound = (size_t)-1; /* complement start of a report verb */
    for (size_t k = 0; k < n; k++) {
        bool bound = false, isrel = false;
        uint32_t f = WF(wf, t, k);
        if (saved >= 0) {
            if (!restrictive && teq(&t[k], ",")) {
                seg[k] = cur;
                rel[k] = 1;
                cur = (uint16_t)saved;
                saved = -1;
                continue;
            }
            if (restrictive && rel_verb && (f & WF_RELEND)) {
                cur = (uint16_t)saved;
                saved = -1;
            } else if (restrictive && word_cue(t, wf, n, k)) {
                rel_verb = true;
            }
        }
        if (k == next_bound || k == start) {
            bound = k > 0;
        } else if (k > 0) {
            if (f & WF_SUBORD)
                /* not "since 2014", "after Sunday", nor a reduced clause
                 * "after taking off from Tehran on Wednesday", nor a noun
                 * phrase "shortly after take-off from Tehran on Wednesday" */
                bound = !tx_starts(t, n, tx, ntx, k + 1) &&
                        tx_at(tx, ntx, k) < 0 &&
                        !(k + 1 < n && t[k + 1].nlow > 4 &&
                          !memcmp(t[k + 1].low + t[k + 1].nlow - 3, "ing", 3)) &&
                        !noun_phrase_follows(t, n, k);
            else if (f & WF_BOUND)
                bound = true;
            else if (f & WF_DASH)
                /* a spaced dash, not "U.N.-protected" */
                bound = (t[k].flags & TOKF_SPACE) ||
                        (k + 1 < n && (t[k + 1].flags & TOKF_SPACE));
            else if (f & WF_REL)
                bound = true, isrel = true;
            else if (teq(&t[k], "ahead") && k + 1 < n &&
                     teq(&t[k + 1], "of"))
                bound = true;
            else if (trailing_report(t, wf, n, k))
                bound = true;
        }
        if (initial_sub && k > start && teq(&t[k], ",")) {
            seg[k] = cur;
            rel[k] = saved >= 0;
            cur = ++ids;
            initial_sub = false;
            continue;
        }
        if (bound) {
            if (isrel && saved < 0) {
                saved = cur;
                restrictive = !teq(&t[k - 1], ",");
                rel_verb = false;
            }
            cur = ++ids;
        }
        seg[k] = cur;
        rel[k] = saved >= 0;
        if ((f & WF_REPORT) && k + 1 < n && !report_trails(t, wf, n, k) &&
            !(teq(&t[k - (k > 0)], ",") && !closes_relative(t, wf, k - 1))) {
            size_t p = report_end(t, wf, n, tx, ntx, k);
            if (p > k + 1 || !teq(&t[k + 1], "that"))
                next_bound = p;
        }
    }
}

/* The clause of the main predicate from token `start`: after an initial
 * subordinate clause ("After talks failed, ...") when there is one. */
static int main_seg(const dy_tok *t, const uint32_t *wf, size_t n,
                    const uint16_t *seg, size_t start)
{
    if (start >= n)
        return -1;
    if (WF(wf, t, start) & WF_SUBORD) {
        for (size_t q = start + 1; q < n; q++)
            if (teq(&t[q], ","))
                return q + 1 < n ? seg[q + 1] : seg[q];
    }
    return seg[start];
}

int dy_timex_pick(const dy_tok *toks, size_t n, const dy_timex *tx,
                  size_t ntx, size_t ev)
{
    return dy_timex_pick_wf(toks, n, NULL, tx, ntx, ev);
}

int dy_timex_pick_wf(const dy_tok *toks, size_t n, const uint32_t *wf,
                     const dy_timex *tx, size_t ntx, size_t ev)
{
    if (!toks || !tx || !ntx || !n)
        return -1;
    if (n > PICK_MAXTOK)
        n = PICK_MAXTOK;
    uint16_t seg[PICK_MAXTOK];
    uint8_t rel[PICK_MAXTOK];
    uint32_t wfbuf[WF_CACHE];
    if (!wf || n > DY_TX_CLASSES)
        wf = wf_fill(toks, n, wfbuf);
    segment(toks, wf, n, tx, ntx, seg, rel);

    if (ev != DY_TX_MAIN) {
        if (ev >= n)
            return -1;
        int want = seg[ev];
        long best = -1;
        size_t bd = 0;
        for (size_t q = 0; q < ntx; q++) {
            if (tx[q].tok0 >= n || seg[tx[q].tok0] != want ||
                (tx[q].flags & DY_TXF_ATTR))
                continue;
            size_t d;
            if (tx[q].tok0 <= ev && ev < tx[q].tok1)
                d = 0;
            else if (tx[q].tok0 > ev)
                d = 2 * (tx[q].tok0 - ev);     /* after the verb: ties win */
            else
                d = 2 * (ev - (tx[q].tok1 - 1)) + 1;
            if (best < 0 || d < bd) {
                best = (long)q;
                bd = d;
            }
        }
        return (int)best;
    }

    /* the main event: the reported clause of "X said S", else the main
     * clause (after a dateline and an initial subordinate clause) */
    size_t start = after_dateline(toks, wf, n);
    int want = main_seg(toks, wf, n, seg, start);
    for (size_t k = start; k < n; k++) {
        /* a reporting verb of the main clause only */
        if (!(WF(wf, toks, k) & WF_REPORT) || rel[k] || seg[k] != want)
            continue;
        /* "..., the ministry said": the main clause comes first; so it
         * does when a verb precedes the reporting verb in its clause */
        bool trails = report_trails(toks, wf, n, k) ||
                      (k > 0 && teq(&toks[k - 1], ",") &&
                       !closes_relative(toks, wf, k - 1));
        size_t aux = k; /* "has said", "had also told" */
        while (aux > start &&
               (tin(&toks[aux - 1], "has\0have\0had\0was\0were\0is\0"
                                    "will\0would\0did\0also\0not\0"
                                    "already\0") ||
                (toks[aux - 1].nlow > 3 &&
                 !memcmp(toks[aux - 1].low + toks[aux - 1].nlow - 2, "ly", 2))))
            aux--;
        for (size_t q = start; q < aux && !trails; q++)
            if (!rel[q] && seg[q] == want && word_cue(toks, wf, n, q))
                trails = true;
        if (trails)
            break;
        size_t p = report_end(toks, wf, n, tx, ntx, k);
        if (p < n && teq(&toks[p], "that"))
            p++;
        if (p >= n)
            break;
        int cs = seg[p];
        for (size_t q = 0; q < ntx; q++)
            if (tx[q].tok0 < n && seg[tx[q].tok0] == cs &&
                !(tx[q].flags & DY_TXF_ATTR))
                return (int)q;
        /* no date of its own: a stated stance or intent ("said on Sunday
         * it would ...") is dated by the statement; a reported past event
         * is not */
        int tense = 0;
        for (size_t q = p; q < n && q < p + 10 && !tense; q++)
            tense = word_cue(toks, wf, n, q);
        if (tense < 0)
            return -1;
        long best = -1;
        for (size_t q = 0; q < ntx; q++)
            if (tx[q].tok0 < n && seg[tx[q].tok0] == seg[k] &&
                !(tx[q].flags & DY_TXF_ATTR))
                best = (long)q;
        return (int)best;
    }
    for (size_t q = 0; q < ntx; q++)
        if (tx[q].tok0 < n && seg[tx[q].tok0] == want &&
            !(tx[q].flags & DY_TXF_ATTR))
            return (int)q;
    return -1;
}

/* ---- datelines ------------------------------------------------------ */

static bool b_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* length of a dash at s (-, --, en/em dash) or a colon, 0 if none */
static size_t b_dash(const char *s, size_t n)
{
    if (n >= 2 && s[0] == '-' && s[1] == '-')
        return 2;
    if (n >= 1 && (s[0] == '-' || s[0] == ':'))
        return 1;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3;
    return 0;
}

static size_t b_spaces(const char *s, size_t n, size_t p)
{
    while (p < n && (s[p] == ' ' || s[p] == '\t'))
        p++;
    return p;
}

/* A word of letters (and . ' - inside) at p; returns its end. */
static size_t b_word(const char *s, size_t n, size_t p)
{
    size_t q = p;
    while (q < n && !((unsigned char)s[q] == 0xE2 && b_dash(s + q, n - q)) &&
           (b_alpha((unsigned char)s[q]) ||
                     ((s[q] == '.' || s[q] == '\'' || s[q] == '-') &&
                      q > p && q + 1 < n && b_alpha((unsigned char)s[q + 1])) ||
                     (s[q] == '.' && q > p)))
        q++;
    return q;
}

static int b_month(const char *s, size_t n)
{
    char low[12];
    if (n == 0 || n >= sizeof low)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char ch = s[k];
        low[k] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    int val;
    int cls = kw_lookup(low, n, &val);
    if (cls == K_MONTH || cls == K_MONABBR)
        return val;
    if (n > 1 && low[n - 1] == '.') {
        cls = kw_lookup(low, n - 1, &val);
        if (cls == K_MONTH || cls == K_MONABBR)
            return val;
    }
    return 0;
}

static size_t b_num(const char *s, size_t n, size_t p, int *v, size_t maxd)
{
    size_t q = p;
    int x = 0;
    while (q < n && is_digit(s[q]) && q - p < maxd)
        x = x * 10 + (s[q++] - '0');
    if (q == p || (q < n && is_digit(s[q])))
        return 0;
    *v = x;
    return q;
}

/* A date at p: "Jan 3", "Jan. 3, 2022", "3 January 2022", "2022-01-03".
 * Returns the end (0 if none); *y = -1 without a year. */
static size_t b_date(const char *s, size_t n, size_t p, int *y, int *m,
                     int *d)
{
    *y = -1;
    size_t q;
    int v;
    if (p + 10 <= n && is_digit(s[p]) && is_digit(s[p + 3]) && s[p + 4] == '-') {
        int32_t days;
        if (dy_parse_date(s + p, 10, &days) == 0) {
            dy_ymd_from_days(days, y, m, d);
            return p + 10;
        }
    }
    size_t we = b_word(s, n, p);
    int mon = we > p ? b_month(s + p, we - p) : 0;
    if (mon) {
        q = b_spaces(s, n, we);
        size_t e = b_num(s, n, q, &v, 2);
        if (!e || v < 1 || v > 31)
            return 0;
        *m = mon;
        *d = v;
        size_t r = e;
        if (r < n && s[r] == ',')
            r++;
        r = b_spaces(s, n, r);
        size_t ye = b_num(s, n, r, &v, 4);
        if (ye && ye - r == 4 && v >= 1000) {
            *y = v;
            return ye;
        }
        return e;
    }
    size_t e = b_num(s, n, p, &v, 2);
    if (!e || v < 1 || v > 31)
        return 0;
    q = b_spaces(s, n, e);
    we = b_word(s, n, q);
    mon = we > q ? b_month(s + q, we - q) : 0;
    if (!mon)
        return 0;
    *m = mon;
    *d = v;
    size_t r = b_spaces(s, n, we);
    if (r < n && s[r] == ',')
        r = b_spaces(s, n, r + 1);
    size_t ye = b_num(s, n, r, &v, 4);
    if (ye && ye - r == 4 && v >= 1000) {
        *y = v;
        return ye;
    }
    return we;
}

size_t dy_dateline_parse(const char *text, size_t len, int32_t ref_days,
                         int32_t *days, size_t *place_beg, size_t *place_len)
{
    int32_t dd = -1;
    size_t pbeg = 0, plen = 0;
    if (days)
        *days = -1;
    if (place_beg)
        *place_beg = 0;
    if (place_len)
        *place_len = 0;
    if (!text || !days || !place_beg || !place_len)
        return 0;
    size_t p = 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        p = 3;
    while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' ||
                       text[p] == '\n'))
        p++;
    if (p >= len)
        return 0;

    /* the place: capitalised words up to , ( or a dash */
    bool caps = true;
    size_t q = p, pe = p;
    int words = 0, y = -1, m = 0, d = 0;
    size_t de = b_date(text, len, p, &y, &m, &d);
    if (!de) {
        while (q < len && words < 6) {
            unsigned char ch = (unsigned char)text[q];
            if (!(is_upper((char)ch) || ch >= 0x80))
                break;
            size_t we = b_word(text, len, q);
            if (we == q)
                break;
            for (size_t k = q; k < we; k++)
                if (is_lower(text[k]))
                    caps = false;
            words++;
            pe = we;
            q = we;
            if (q < len && text[q] == '/') { /* KYIV/MOSCOW: keep the first */
                size_t e2 = b_word(text, len, q + 1);
                if (e2 > q + 1) {
                    q = e2;
                    continue;
                }
            }
            if (q + 1 < len && text[q] == ' ' &&
                (is_upper(text[q + 1]) || (unsigned char)text[q + 1] >= 0x80))
                q++;
            else
                break;
        }
        if (words == 0 || words > 5 || pe - p < 2)
            return 0;
        pbeg = p;
        plen = pe - p;
        /* KYIV/MOSCOW */
        for (size_t k = p; k < pe; k++)
            if (text[k] == '/') {
                plen = k - p;
                break;
            }
        q = b_spaces(text, len, q);
        if (q < len && text[q] == ',') {
            size_t r = b_spaces(text, len, q + 1);
            de = b_date(text, len, r, &y, &m, &d);
            if (!de) {
                /* ", Lebanon" then maybe ", Jan 3" */
                size_t we = b_word(text, len, r);
                if (we > r && is_upper(text[r]) &&
                    !b_month(text + r, we - r)) {
                    size_t r2 = we;
                    while (r2 + 1 < len && text[r2] == ' ' &&
                           is_upper(text[r2 + 1])) {
                        size_t w2 = b_word(text, len, r2 + 1);
                        if (w2 == r2 + 1)
                            break;
                        r2 = w2;
                    }
                    q = b_spaces(text, len, r2);
                    if (q < len && text[q] == ',') {
                        r = b_spaces(text, len, q + 1);
                        de = b_date(text, len, r, &y, &m, &d);
                    }
                }
            }
            if (de)
                q = de;
        }
    } else {
        q = de;
    }
    if (de) {
        if (y < 0) {
            int ry, rm, rd;
            dy_ymd_from_days(ref_days, &ry, &rm, &rd);
            int64_t bestd = -1;
            for (int yy = ry - 1; yy <= ry + 1; yy++) {
                if (!valid_ymd(yy, m, d))
                    continue;
                int64_t dist = (int64_t)dy_days_from_ymd(yy, m, d) - ref_days;
                if (dist < 0)
                    dist = -dist;
                if (bestd < 0 || dist < bestd) {
                    bestd = dist;
                    y = yy;
                }
            }
        }
        if (y >= 0 && valid_ymd(y, m, d))
            dd = dy_days_from_ymd(y, m, d);
        else
            de = 0;
    }
    /* (Agency) */
    bool agency = false;
    q = b_spaces(text, len, q);
    if (q < len && text[q] == '(') {
        size_t r = q + 1;
        while (r < len && r < q + 40 && text[r] != ')' && text[r] != '\n')
            r++;
        if (r < len && text[r] == ')' && r > q + 1) {
            agency = true;
            q = b_spaces(text, len, r + 1);
        }
    }
    size_t dl = b_dash(text + q, len - q);
    if (!dl)
        return 0;
    q += dl;
    if (q < len && text[q] != ' ' && text[q] != '\t' && text[q] != '\n' &&
        text[q] != '\r')
        return 0;
    if (plen && !caps && dd < 0 && !agency)
        return 0;
    if (!plen && dd < 0 && !agency)
        return 0;
    while (q < len && (text[q] == ' ' || text[q] == '\t' || text[q] == '\r' ||
                       text[q] == '\n'))
        q++;
    *days = dd;
    *place_beg = pbeg;
    *place_len = plen;
    return q;
}

/* ---- the word lists of the classes ------------------------------------ */

static const char *const *ws_lists(size_t *nl, const uint32_t **flags)
{
    static const char *const lists[] = {
        W_FUT, W_PAST, W_ED_NOT, W_PLANV, W_BOUND, W_MONPREP,
        W_NOT_WDAY_NEXT, W_YEAR_STRONG, W_YEAR_WEAK, W_EVENT_NOUN,
        W_ATTR_DET, W_REPORT, W_SUBORD, W_REL, W_DASH, W_REL_END};
    static const uint32_t fl[] = {
        WF_FUT, WF_PAST, WF_EDNOT, WF_PLANV, WF_BOUND, WF_MONPREP,
        WF_NOTWDAY, WF_YSTRONG, WF_YWEAK, WF_EVNOUN,
        WF_ATTRDET, WF_REPORT, WF_SUBORD, WF_REL, WF_DASH, WF_RELEND};
    *nl = DY_ARRAY_LEN(lists);
    *flags = fl;
    return lists;
}
