/* segment.c - sentence splitting and Penn-style tokenisation with byte
 * offsets into the original text.
 *
 * Tokens: words keep internal periods of abbreviations (U.S., Jan.) and of
 * numbers (3.5), commas of numbers (122,000), apostrophes of names
 * (O'Neill); possessives and contractions are split off ('s, n't, 're);
 * hyphenated words are split into parts, the later parts flagged
 * TOKF_HYPHJOIN, unless a part is a number (F-16, 2022-01-10, 24-year-old);
 * punctuation is separate. Each token gets a normalised form (typographic
 * quotes and dashes mapped, NFKC for non-ASCII) and a lower-case,
 * accent-free key used for every dictionary lookup.
 *
 * Sentences end at . ! ? (with trailing quotes and brackets) when the next
 * word can start a sentence, at blank lines, and at line breaks after a
 * line that cannot continue (a heading, a list item). Abbreviations end a
 * sentence only before a word that typically starts one. */
#include "dict.h"
#include "doc.h"

#include <utf8proc.h>

/* ---- character classes ---------------------------------------------- */

static inline bool is_alpha(unsigned c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}
static inline bool is_digit(unsigned c) { return c >= '0' && c <= '9'; }
static inline bool is_upper(unsigned c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_alnum(unsigned c) { return is_alpha(c) || is_digit(c); }

/* Byte length of the whitespace character at p (0 if none). */
static int space_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v')
        return 1;
    if (c < 0x80)
        return 0;
    uint32_t cp;
    int k = dy_utf8_decode(p, n, &cp);
    if (!k)
        return 0;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
        cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0x2028 ||
        cp == 0x2029 || cp == 0x85)
        return k;
    return 0;
}

/* Classes of non-ASCII punctuation that matter for tokenising. */
enum { NA_WORD = 0, NA_APOS, NA_QUOTE, NA_DASH, NA_ELLIPSIS, NA_PUNCT };

static int nonascii_class(uint32_t cp)
{
    switch (cp) {
    case 0x2019: case 0x2018: case 0x201B: case 0x2032: case 0x02BC:
        return NA_APOS;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB:
    case 0x00BB: case 0x2033: case 0x2039: case 0x203A: case 0x300C:
    case 0x300D:
        return NA_QUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return NA_DASH;
    case 0x2026:
        return NA_ELLIPSIS;
    case 0x00A1: case 0x00BF: case 0x00A7: case 0x00B6: case 0x2022:
    case 0x00B7: case 0x2020: case 0x2021: case 0x20AC: case 0x00A3:
    case 0x00A5: case 0x00A9: case 0x00AE: case 0x2122: case 0x00B0:
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1A: case 0xFF1B:
    case 0x25CF: case 0x25A0: case 0x2605: case 0x2192: case 0x00D7:
        return NA_PUNCT;
    default:
        if (cp >= 0x2000 && cp <= 0x206F)
            return NA_PUNCT;
        if (cp >= 0x2190 && cp <= 0x2BFF)  /* arrows, symbols, shapes */
            return NA_PUNCT;
        if (cp >= 0x1F000)                  /* emoji */
            return NA_PUNCT;
        return NA_WORD;
    }
}

/* Class of the character at p: for ASCII the byte itself; for non-ASCII a
 * synthetic code: 'a' word letter, '\'' apostrophe, '"' quote, '-' dash,
 * '~' ellipsis, '!' other punctuation. *len gets its byte length. */
static unsigned char_class(const unsigned char *p, size_t n, int *len)
{
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    uint32_t cp;
    int k = dy_utf8_decode(p, n, &cp);
    if (!k) {
        *len = 1;
        return '!';
    }
    *len = k;
    switch (nonascii_class(cp)) {
    case NA_APOS: return '\'';
    case NA_QUOTE: return '"';
    case NA_DASH: return '-';
    case NA_ELLIPSIS: return '~';
    case NA_PUNCT: return cp == 0x20AC || cp == 0x00A3 || cp == 0x00A5 ? '$' : '!';
    default: return 'a';
    }
}

static inline bool cls_word(unsigned c) { return is_alnum(c) || c == 'a'; }

/* ---- abbreviations -------------------------------------------------- */

/* Words that take a period and do not end a sentence by themselves. */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon",
    "pres", "st", "sr", "jr", "messrs", "mt", "ft", "ave", "blvd", "rd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "no", "nos", "vol", "vs", "v", "etc", "inc", "corp", "ltd",
    "co", "bros", "dept", "est", "approx", "fig", "al", "min", "max", "gov't",
    "univ", "assn", "ariz", "calif", "colo", "conn", "fla", "ga", "ill",
    "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo",
    "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
    "wash", "wis", "wyo", "p", "pp", "ca", "cf", "gr", "op", "ed", "eds",
    "rt", "govt", "intl", "natl", "nr", "tel"};

/* Abbreviations written in lower case. */
static const char *const lower_abbrevs[] = {"etc", "vs", "approx", "incl",
                                            "cf", "al", "ca", "pp"};

/* Titles never end a sentence (a name follows). */
static const char *const titles[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "cmdr", "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon",
    "pres", "st", "messrs", "mt", "no", "nos", "vs", "v"};

static bool word_in(const char *const *list, size_t n, const char *s,
                    size_t len)
{
    char low[16];
    if (len >= sizeof low)
        return false;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)((unsigned char)s[i] | (is_upper((unsigned char)s[i]) ? 32 : 0));
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], low, len) == 0)
            return true;
    return false;
}

/* Words that, capitalised after an abbreviation, start a new sentence. */
static const char *const starters[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "in",
    "on", "at", "but", "and", "or", "so", "this", "that", "these", "those",
    "there", "however", "meanwhile", "also", "its", "his", "her", "their",
    "our", "after", "before", "when", "while", "if", "as", "for", "according",
    "earlier", "later", "since", "last", "on", "some", "many", "both",
    "what", "why", "how", "who", "officials", "yet", "still", "then",
    "such", "one", "two", "three", "several", "most", "more", "no",
    "separately", "elsewhere", "instead", "under", "during", "despite",
    "although", "though", "because", "asked", "speaking", "russian",
    "american", "british"};

/* ---- token construction --------------------------------------------- */

typedef struct tokvec {
    dy_tok *v;
    size_t n, cap;
    dy_arena *arena;
    size_t max;             /* 0 = unbounded (growable)                    */
    int oom;
} tokvec;

/* Normalise the token text [p, p+n): set s/n, low/nlow and letter flags. */
static void tok_normalise(dy_tok *t, const char *p, size_t n, dy_arena *a,
                          int *oom)
{
    bool ascii = true, upper_any = false;
    int letters = 0, uppers = 0;
    uint16_t f = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)p[i];
        if (c >= 0x80) {
            ascii = false;
            continue;
        }
        if (is_alpha(c)) {
            letters++;
            if (is_upper(c)) {
                uppers++;
                upper_any = true;
            }
        } else if (is_digit(c)) {
            f |= TOKF_DIGIT;
        }
    }
    if (ascii) {
        t->s = p;
        t->n = (uint16_t)n;
        if (!upper_any) {
            t->low = p;
            t->nlow = (uint16_t)n;
        } else {
            char *l = dy_arena_alloc(a, n + 1);
            if (!l) {
                *oom = 1;
                t->low = p;
                t->nlow = (uint16_t)n;
            } else {
                for (size_t i = 0; i < n; i++)
                    l[i] = (char)((unsigned char)p[i] |
                                  (is_upper((unsigned char)p[i]) ? 32 : 0));
                l[n] = 0;
                t->low = l;
                t->nlow = (uint16_t)n;
            }
        }
    } else {
        /* map typographic characters, then NFKC (s) and casefold with
         * accents stripped (low) through utf8proc */
        char tmp[1024];
        size_t m = 0;
        for (size_t i = 0; i < n && m + 4 < sizeof tmp;) {
            uint32_t cp;
            int k = dy_utf8_decode((const unsigned char *)p + i, n - i, &cp);
            if (!k) {
                tmp[m++] = '?';
                i++;
                continue;
            }
            switch (nonascii_class(cp)) {
            case NA_APOS: tmp[m++] = '\''; break;
            case NA_QUOTE: tmp[m++] = '"'; break;
            case NA_DASH: tmp[m++] = '-'; break;
            case NA_ELLIPSIS: memcpy(tmp + m, "...", 3); m += 3; break;
            default: memcpy(tmp + m, p + i, (size_t)k); m += (size_t)k;
            }
            i += (size_t)k;
        }
        utf8proc_uint8_t *nf = NULL, *lo = NULL;
        utf8proc_ssize_t r1 = utf8proc_map((const utf8proc_uint8_t *)tmp,
                                           (utf8proc_ssize_t)m, &nf,
                                           UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                               UTF8PROC_COMPAT);
        utf8proc_ssize_t r2 = utf8proc_map(
            (const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)m, &lo,
            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_LUMP);
        const char *sn = r1 > 0 ? (const char *)nf : tmp;
        size_t snl = r1 > 0 ? (size_t)r1 : m;
        const char *ln = r2 > 0 ? (const char *)lo : tmp;
        size_t lnl = r2 > 0 ? (size_t)r2 : m;
        if (snl > 0xFFFF)
            snl = 0xFFFF;
        if (lnl > 0xFFFF)
            lnl = 0xFFFF;
        char *s1 = dy_arena_strndup(a, sn, snl);
        char *s2 = dy_arena_strndup(a, ln, lnl);
        free(nf);
        free(lo);
        if (!s1 || !s2) {
            *oom = 1;
            t->s = t->low = p;
            t->n = t->nlow = (uint16_t)DY_MIN(n, 0xFFFF);
        } else {
            t->s = s1;
            t->n = (uint16_t)snl;
            t->low = s2;
            t->nlow = (uint16_t)lnl;
        }
        /* letter case from the first code point */
        uint32_t cp;
        if (dy_utf8_decode((const unsigned char *)t->s, t->n, &cp)) {
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
            if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
                upper_any = true;
                uppers++;
            }
            if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
                letters++;
        }
        for (size_t i = 0; i < t->n; i++)
            if (is_digit((unsigned char)t->s[i]))
                f |= TOKF_DIGIT;
        if (letters == 0) {
            for (size_t i = 0; i < t->nlow; i++)
                if ((unsigned char)t->low[i] >= 0x80 ||
                    is_alpha((unsigned char)t->low[i]))
                    letters = 1;
        }
    }
    if (letters)
        f |= TOKF_ALPHA;
    unsigned c0 = (unsigned char)t->s[0];
    if (is_upper(c0) || (c0 >= 0x80 && upper_any && uppers))
        f |= TOKF_CAP;
    if (letters >= 2 && uppers == letters)
        f |= TOKF_UPPER;
    if (!letters && !(f & TOKF_DIGIT))
        f |= TOKF_PUNCT;
    t->flags = f;
}

static void push_tok(tokvec *tv, const char *text, size_t beg, size_t end,
                     uint16_t extra)
{
    if (tv->max) {
        if (tv->n >= tv->max)
            return;
    } else if (DY_GROW(tv->v, tv->cap, tv->n + 1)) {
        tv->oom = 1;
        return;
    }
    if (end - beg > 0xFFFF)
        end = beg + 0xFFFF;
    dy_tok *t = &tv->v[tv->n++];
    memset(t, 0, sizeof *t);
    t->beg = (uint32_t)beg;
    t->end = (uint32_t)end;
    tok_normalise(t, text + beg, end - beg, tv->arena, &tv->oom);
    t->flags |= extra;
}

/* A token made of a fixed replacement string (e.g. a quote normalised to
 * '"' whose source bytes are a typographic quote). */
static void push_tok_as(tokvec *tv, size_t beg, size_t end, const char *s,
                        size_t sn, uint16_t extra)
{
    push_tok(tv, s, 0, sn, extra);
    if (!tv->max || tv->n <= tv->max) {
        dy_tok *t = &tv->v[tv->n - 1];
        t->beg = (uint32_t)beg;
        t->end = (uint32_t)end;
    }
}

static const char *const contractions[] = {"'s", "'re", "'ve", "'ll", "'d",
                                           "'m"};

/* Length of the apostrophe at u[k] (ASCII or U+2018/U+2019), or 0. */
static int apos_at(const unsigned char *u, size_t k, size_t e)
{
    if (u[k] == '\'')
        return 1;
    if (k + 2 < e + 0 && u[k] == 0xE2 && u[k + 1] == 0x80 &&
        (u[k + 2] == 0x99 || u[k + 2] == 0x98))
        return 3;
    return 0;
}

/* Length of a word-internal hyphen at u[k] (ASCII, U+2010, U+2011, U+2013),
 * or 0. */
static int hyphen_at(const unsigned char *u, size_t k, size_t e)
{
    if (u[k] == '-')
        return 1;
    if (k + 2 < e && u[k] == 0xE2 && u[k + 1] == 0x80 &&
        (u[k + 2] == 0x90 || u[k + 2] == 0x91 || u[k + 2] == 0x93))
        return 3;
    return 0;
}

/* Is the six-byte word at u "cannot" (any case)? */
static bool is_cannot(const unsigned char *u)
{
    return (u[0] | 32) == 'c' && (u[1] | 32) == 'a' && (u[2] | 32) == 'n' &&
           (u[3] | 32) == 'n' && (u[4] | 32) == 'o' && (u[5] | 32) == 't';
}

/* Emit the word [b, e) of text, splitting possessives, contractions and
 * hyphens. */
static void emit_word(tokvec *tv, const char *text, size_t b, size_t e,
                      uint16_t extra)
{
    const unsigned char *u = (const unsigned char *)text;
    /* "cannot" is "can" + "not", as in the Penn treebank */
    if (e - b == 6 && is_cannot(u + b)) {
        push_tok(tv, text, b, b + 3, extra);
        push_tok(tv, text, b + 3, e, (uint16_t)(extra & ~TOKF_SPACE));
        return;
    }
    /* the last apostrophe decides about a contraction or possessive */
    size_t tail_b = e;
    const char *tail_s = NULL;
    for (size_t k = e; k-- > b + 1;) {
        int al = apos_at(u, k, e);
        if (!al)
            continue;
        size_t after = e - k - (size_t)al;
        char suf[4] = {0, 0, 0, 0};
        if (after <= 2) {
            for (size_t j = 0; j < after; j++)
                suf[j] = (char)(u[k + (size_t)al + j] | 32);
            if (after == 1 && suf[0] == 't' && k > b + 1 &&
                (u[k - 1] | 32) == 'n') {
                tail_b = k - 1;
                tail_s = "n't";
            } else {
                for (size_t c = 0; c < DY_ARRAY_LEN(contractions); c++)
                    if (strcmp(suf, contractions[c] + 1) == 0) {
                        tail_b = k;
                        tail_s = contractions[c];
                    }
            }
        }
        break;
    }
    /* trailing lone apostrophe after s: plural possessive (allies') */
    bool plural_pos = false;
    if (!tail_s && e - b >= 2 && u[e - 1] == '\'' && (u[e - 2] | 32) == 's') {
        tail_b = e - 1;
        plural_pos = true;
    }
    /* split the core at hyphens between alphabetic parts; keep the hyphen
     * when a neighbouring character is a digit (F-16, 2022-01-10) */
    size_t core_e = tail_b, pb = b;
    uint16_t fl = extra;
    /* a compound that starts with a number stays whole: "24-year-old" */
    bool numeric = is_digit(u[b]);
    for (size_t i = b; i < core_e && !numeric; i++) {
        int hl = hyphen_at(u, i, core_e);
        if (!hl)
            continue;
        size_t nx = i + (size_t)hl;
        if (i == pb || nx >= core_e || is_digit(u[i - 1]) || is_digit(u[nx])) {
            i = nx - 1;
            continue;
        }
        push_tok(tv, text, pb, i, fl);
        fl = (uint16_t)((extra & ~TOKF_SPACE) | TOKF_HYPHJOIN);
        pb = nx;
        i = nx - 1;
    }
    if (core_e > pb)
        push_tok(tv, text, pb, core_e, fl);
    if (tail_s)
        push_tok_as(tv, tail_b, e, tail_s, strlen(tail_s), 0);
    else if (plural_pos)
        push_tok_as(tv, tail_b, e, "'", 1, 0);
}

/* Length of a URL, e-mail or handle starting at p (0 if none). */
static size_t url_len(const char *p, size_t n)
{
    size_t k = 0;
    if ((n > 7 && memcmp(p, "http://", 7) == 0) ||
        (n > 8 && memcmp(p, "https://", 8) == 0) ||
        (n > 4 && memcmp(p, "www.", 4) == 0)) {
        while (k < n && !space_len((const unsigned char *)p + k, n - k) &&
               p[k] != '"' && p[k] != '<' && p[k] != '>')
            k++;
        while (k > 0 && (p[k - 1] == '.' || p[k - 1] == ',' || p[k - 1] == ')'))
            k--;
        return k;
    }
    return 0;
}

/* Tokenise text[beg, end) into tv. */
static void tokenize_span(tokvec *tv, const char *text, size_t beg,
                          size_t end)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = beg;
    uint16_t space = TOKF_SPACE;
    while (i < end) {
        int sl = space_len(u + i, end - i);
        if (sl) {
            i += (size_t)sl;
            space = TOKF_SPACE;
            continue;
        }
        /* "Dol_Amroth": an underscore between letters joins words the way
         * a space does (TABARI/PETRARCH texts and dictionaries write it) */
        if (u[i] == '_' && i > beg && i + 1 < end && is_alpha(u[i - 1]) &&
            is_alpha(u[i + 1])) {
            i++;
            space = TOKF_SPACE;
            continue;
        }
        size_t ul = url_len(text + i, end - i);
        if (ul) {
            push_tok(tv, text, i, i + ul, space);
            i += ul;
            space = 0;
            continue;
        }
        int cl;
        unsigned c = char_class(u + i, end - i, &cl);
        if (cls_word(c) || ((c == '@' || c == '#') && i + 1 < end &&
                            is_alnum(u[i + 1]))) {
            /* scan a word: letters, digits, internal . , ' - & */
            size_t j = i + (size_t)cl;
            size_t last_alnum_end = j;
            while (j < end) {
                int l2;
                if (u[j] >= 0x80 && space_len(u + j, end - j))
                    break; /* a no-break or ideographic space ends a word */
                unsigned d = char_class(u + j, end - j, &l2);
                if (cls_word(d)) {
                    j += (size_t)l2;
                    last_alnum_end = j;
                    continue;
                }
                if (j + (size_t)l2 < end) {
                    int l3;
                    unsigned nx = char_class(u + j + l2, end - j - (size_t)l2, &l3);
                    unsigned pv = u[j - 1];
                    if (d == '.' && cls_word(nx)) {
                        /* 3.5, U.S, e.g, www.x.com */
                        j += (size_t)l2;
                        continue;
                    }
                    if (d == ',' && is_digit(pv) && is_digit(nx) &&
                        j + 3 < end && is_digit(u[j + 2]) &&
                        is_digit(u[j + 3]) &&
                        (j + 4 >= end || !is_digit(u[j + 4]))) {
                        j += 1;
                        continue;
                    }
                    if (d == '-' && l2 == 3 && u[j + 2] != 0x90 &&
                        u[j + 2] != 0x91 && u[j + 2] != 0x93)
                        break; /* em dash and the like separate words */
                    if ((d == '\'' || d == '-' || d == '&' || d == '/' ||
                         d == ':') &&
                        cls_word(nx)) {
                        if (d == '/' && !(is_digit(pv) && is_digit(nx)))
                            break;
                        if (d == ':' && !(is_digit(pv) && is_digit(nx)))
                            break;
                        if (d == '&' && !(is_upper(pv) && is_upper(nx)))
                            break;
                        j += (size_t)l2;
                        continue;
                    }
                }
                break;
            }
            j = last_alnum_end > j ? last_alnum_end : j;
            /* trailing period: abbreviation (U.S., Jan., initials) */
            if (j < end && u[j] == '.') {
                bool take = false;
                size_t wl = j - i;
                bool has_inner_dot = memchr(text + i, '.', wl) != NULL;
                if (has_inner_dot && !(u[i] >= '0' && u[i] <= '9'))
                    take = true; /* U.S. e.g. */
                else if (wl == 1 && is_upper(u[i]))
                    take = true; /* initial */
                else if (is_upper(u[i]) &&
                         word_in(abbrevs, DY_ARRAY_LEN(abbrevs), text + i, wl))
                    take = true; /* Gen. Jan. Mr. (not "no." or "ill.") */
                else if (word_in(lower_abbrevs, DY_ARRAY_LEN(lower_abbrevs),
                                 text + i, wl))
                    take = true; /* etc. vs. approx. */
                if (take)
                    j++;
            }
            /* trailing apostrophe of a plural possessive (allies') */
            if (j < end && u[j] == '\'' && j > i && (u[j - 1] | 32) == 's' &&
                (j + 1 >= end || !is_alnum(u[j + 1])))
                j++;
            emit_word(tv, text, i, j, space);
            i = j;
            space = 0;
            continue;
        }
        /* punctuation */
        if (c == '.' && i + 2 < end && u[i + 1] == '.' && u[i + 2] == '.') {
            push_tok_as(tv, i, i + 3, "...", 3, space);
            i += 3;
        } else if (c == '~') {
            push_tok_as(tv, i, i + (size_t)cl, "...", 3, space);
            i += (size_t)cl;
        } else if (c == '-' && cl == 1 && i + 1 < end && u[i + 1] == '-') {
            push_tok_as(tv, i, i + 2, "--", 2, space);
            i += 2;
        } else if (c == '"' || (c == '`' && cl == 1)) {
            size_t l = (size_t)cl;
            if (c == '`' && i + 1 < end && u[i + 1] == '`')
                l = 2;
            push_tok_as(tv, i, i + l, "\"", 1, space);
            i += l;
        } else if (c == '\'' && cl == 1 && i + 1 < end && u[i + 1] == '\'') {
            push_tok_as(tv, i, i + 2, "\"", 1, space);
            i += 2;
        } else if (c == '\'') {
            push_tok_as(tv, i, i + (size_t)cl, "'", 1, space);
            i += (size_t)cl;
        } else if (c == '-') {
            push_tok_as(tv, i, i + (size_t)cl, "-", 1, space);
            i += (size_t)cl;
        } else {
            push_tok(tv, text, i, i + (size_t)cl, space);
            i += (size_t)cl;
        }
        space = 0;
    }
}

/* Does s consist of ASCII letters and digits between blanks only? Such a
 * phrase (most dictionary entries) is one token per word. */
static bool plain_words(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (!is_alnum(c) && c != ' ' && c != '\t')
            return false;
    }
    return true;
}

size_t dy_tokenize_phrase(const char *s, size_t n, dy_arena *arena,
                          dy_tok *out, size_t max)
{
    tokvec tv = {out, 0, max, arena, max, 0};
    if (plain_words(s, n)) {
        /* what tokenize_span does with such text, without its per-character
         * classification: every word is a token with a blank (or the start)
         * before it */
        size_t i = 0;
        while (i < n && (!tv.max || tv.n < tv.max)) {
            if (s[i] == ' ' || s[i] == '\t') {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && s[j] != ' ' && s[j] != '\t')
                j++;
            if (j - i == 6 && is_cannot((const unsigned char *)s + i)) {
                push_tok(&tv, s, i, i + 3, TOKF_SPACE);
                push_tok(&tv, s, i + 3, j, 0);
            } else {
                push_tok(&tv, s, i, j, TOKF_SPACE);
            }
            i = j;
        }
        return tv.n;
    }
    tokenize_span(&tv, s, 0, n);
    return tv.n;
}

/* ---- sentence splitting --------------------------------------------- */

static bool tok_is(const dy_tok *t, const char *s)
{
    size_t n = strlen(s);
    return t->nlow == n && memcmp(t->low, s, n) == 0;
}

static bool is_terminal(const dy_tok *t)
{
    return t->n == 1 && (t->s[0] == '.' || t->s[0] == '!' || t->s[0] == '?');
}

static bool is_closer(const dy_tok *t)
{
    return t->n == 1 && (t->s[0] == '"' || t->s[0] == ')' || t->s[0] == ']' ||
                         t->s[0] == '\'');
}

static bool is_abbrev_tok(const dy_tok *t)
{
    return t->n >= 2 && t->s[t->n - 1] == '.' && (t->flags & TOKF_ALPHA);
}

/* Can token t start a sentence? */
static bool can_start(const dy_tok *t)
{
    unsigned c = (unsigned char)t->s[0];
    return (t->flags & TOKF_CAP) || is_digit(c) || c == '"' || c == '(' ||
           c == '[' || c == '\'' || c == '-';
}

/* Is there a line break in text[a, b)? Returns 2 for a blank line. */
static int line_break_between(const char *text, size_t a, size_t b)
{
    int nl = 0;
    for (size_t i = a; i < b; i++)
        if (text[i] == '\n')
            nl++;
    return nl >= 2 ? 2 : nl;
}

static int push_sent(dy_doc *d, size_t tok0, size_t tok1)
{
    if (tok1 <= tok0)
        return 0;
    /* drop sentences made of punctuation only */
    bool words = false;
    for (size_t i = tok0; i < tok1; i++)
        if (!(d->toks[i].flags & TOKF_PUNCT))
            words = true;
    if (!words)
        return 0;
    if (DY_GROW(d->sents, d->capsent, d->nsent + 1))
        return DYAD_ENOMEM;
    dy_sent *s = &d->sents[d->nsent++];
    memset(s, 0, sizeof *s);
    s->tok0 = (uint32_t)tok0;
    s->ntok = (uint32_t)(tok1 - tok0);
    s->beg = d->toks[tok0].beg;
    s->end = d->toks[tok1 - 1].end;
    d->toks[tok0].flags |= TOKF_SSTART;
    return 0;
}

/* Split tokens [t0, t1) of one debris-free region into sentences. */
static int split_sentences(dy_doc *d, size_t t0, size_t t1)
{
    size_t start = t0;
    for (size_t i = t0; i < t1; i++) {
        dy_tok *t = &d->toks[i];
        bool end_here = false;
        size_t last = i; /* last token of the sentence if it ends here */
        if (i + 1 < t1) {
            dy_tok *nx = &d->toks[i + 1];
            int lb = line_break_between(d->text, t->end, nx->beg);
            if (lb == 2) {
                end_here = true;
            } else if (is_terminal(t) || (t->n == 3 && t->s[0] == '.')) {
                /* absorb closing quotes and brackets */
                size_t j = i + 1;
                while (j < t1 && is_closer(&d->toks[j]) &&
                       !(d->toks[j].flags & TOKF_SPACE && d->toks[j].s[0] == '"' &&
                         j + 1 < t1 && !(d->toks[j + 1].flags & TOKF_SPACE)))
                    j++;
                last = j - 1;
                if (j >= t1 || can_start(&d->toks[j]) || lb)
                    end_here = true;
            } else if (is_abbrev_tok(t) && (t->flags & TOKF_SPACE || 1)) {
                if (lb) {
                    end_here = true;
                } else if (!word_in(titles, DY_ARRAY_LEN(titles), t->s,
                                    (size_t)t->n - 1) &&
                           !(t->n == 2 && is_upper((unsigned char)t->s[0]))) {
                    dy_tok *n2 = nx;
                    if ((n2->flags & TOKF_CAP) &&
                        word_in(starters, DY_ARRAY_LEN(starters), n2->s, n2->n))
                        end_here = true;
                }
            } else if (lb == 1) {
                /* a line break ends a sentence after a line that cannot
                 * continue: a heading or a line ending in punctuation
                 * other than a comma */
                size_t ls = t->end;
                while (ls > 0 && d->text[ls - 1] != '\n')
                    ls--;
                size_t line_len = t->end - ls;
                /* a long line that ends in a word or a comma is wrapped
                 * text; a short one without final punctuation is a heading
                 * or a list item */
                bool bullet = nx->flags & TOKF_PUNCT && !(nx->n == 1 && nx->s[0] == '"');
                bool cont = !bullet &&
                            (t->s[0] == ',' ||
                             ((t->flags & (TOKF_ALPHA | TOKF_DIGIT)) &&
                              (line_len > 40 || !can_start(nx))));
                if (!cont)
                    end_here = true;
            }
        }
        if (end_here) {
            int r = push_sent(d, start, last + 1);
            if (r)
                return r;
            i = last;
            start = last + 1;
        }
    }
    return push_sent(d, start, t1);
}

int dy_segment(dy_doc *d, const struct dy_dict *dict)
{
    tokvec tv = {d->toks, d->ntok, d->captok, &d->arena, 0, 0};
    size_t pos = 0;
    /* debris ranges are sorted and disjoint */
    size_t di = 0;
    while (pos <= d->len) {
        size_t stop = d->len;
        if (di < d->ndebris)
            stop = d->debris[di].beg;
        if (stop > pos) {
            size_t t0 = tv.n;
            tokenize_span(&tv, d->text, pos, stop);
            if (tv.oom)
                break;
            d->toks = tv.v;
            d->ntok = tv.n;
            d->captok = tv.cap;
            int r = split_sentences(d, t0, tv.n);
            if (r)
                return r;
        }
        if (di >= d->ndebris)
            break;
        pos = d->debris[di].end;
        di++;
    }
    d->toks = tv.v;
    d->ntok = tv.n;
    d->captok = tv.cap;
    if (tv.oom)
        return DYAD_ENOMEM;
    /* tokens inside quotation marks (per sentence) */
    for (size_t si = 0; si < d->nsent; si++) {
        const dy_sent *st = &d->sents[si];
        bool in = false;
        for (size_t i = st->tok0; i < st->tok0 + st->ntok; i++) {
            dy_tok *t = &d->toks[i];
            if (t->n == 1 && t->s[0] == '"') {
                in = !in;
                continue;
            }
            if (in)
                t->flags |= TOKF_QUOTE;
        }
    }
    /* dictionary word ids */
    for (size_t i = 0; i < d->ntok; i++) {
        dy_tok *t = &d->toks[i];
        t->w = dy_dict_word(dict, t->low, t->nlow);
        t->lem = dy_dict_lemma(dict, t->w);
        t->wc = t->w ? dict->winfo[t->w].wc : 0;
    }
    /* headline: first sentence without final punctuation on its own line */
    if (d->nsent > 0) {
        dy_sent *s = &d->sents[0];
        dy_tok *last = &d->toks[s->tok0 + s->ntok - 1];
        if (!is_terminal(last) && !is_closer(last) && s->ntok <= 30) {
            size_t e = last->end;
            while (e < d->len && (d->text[e] == ' ' || d->text[e] == '\t' ||
                                  d->text[e] == '\r'))
                e++;
            if (e < d->len && d->text[e] == '\n')
                s->headline = 1;
        }
    }
    (void)tok_is;
    return 0;
}
