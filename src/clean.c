/* clean.c - loading the text of a document (UTF-8 repair) and finding the
 * debris that scraping leaves in news pages: related-article links,
 * comment forms, share and subscribe prompts, cookie notices, bylines,
 * photo credits and copyright lines. Debris is not deleted: the cleaner
 * records byte ranges that the segmenter skips, so offsets stay those of
 * the input. Real news sentences are never removed: every rule looks at a
 * whole line and requires it to be short or to start with a fixed prompt. */
#include "doc.h"
#include "timex.h"

#include <stdio.h>

void dy_doc_init(dy_doc *d)
{
    memset(d, 0, sizeof *d);
    dy_arena_init(&d->arena, 1 << 16);
    d->dateline_days = -1;
}

void dy_doc_reset(dy_doc *d)
{
    dy_arena_reset(&d->arena);
    d->text = NULL;
    d->len = 0;
    d->repaired = 0;
    d->ndebris = 0;
    d->ntok = 0;
    d->nsent = 0;
    d->dateline_days = -1;
    d->dateline_place_beg = d->dateline_place_len = 0;
}

void dy_doc_free(dy_doc *d)
{
    dy_free(d->wcache);
    dy_arena_free(&d->arena);
    dy_free(d->debris);
    dy_free(d->toks);
    dy_free(d->sents);
    memset(d, 0, sizeof *d);
}

const char *dy_debris_name(int kind)
{
    static const char *const names[] = {
        "", "link", "comment", "share", "cookie", "byline", "photo",
        "copyright", "dateline", "junk"};
    return kind > 0 && kind <= DY_DEBRIS_JUNK ? names[kind] : "";
}

int dy_text_load(dy_doc *d, const char *s, size_t n, dy_err *err)
{
    if (n > UINT32_MAX - 16)
        return dy_fail(err, DYAD_ELIMIT, "text too large (%zu bytes)", n);
    char *t = dy_arena_alloc(&d->arena, n + 1);
    if (!t)
        return dy_fail(err, DYAD_ENOMEM, "out of memory");
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0, ctrl = 0;
    size_t i = 0;
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    while (i < n) {
        /* eight printable ASCII bytes at once */
        if (i + 8 <= n) {
            uint64_t v;
            memcpy(&v, u + i, 8);
            if (!(((v - ones * 0x20) | v) & high)) {
                memcpy(t + i, &v, 8);
                i += 8;
                continue;
            }
        }
        unsigned c = u[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                t[i] = ' ';
                ctrl++;
            } else {
                t[i] = (char)c;
            }
            i++;
            continue;
        }
        int k = dy_utf8_valid_at(u + i, n - i);
        if (k) {
            memcpy(t + i, s + i, (size_t)k);
            i += (size_t)k;
        } else {
            t[i++] = ' ';
            bad++;
        }
    }
    t[n] = 0;
    /* binary data: many invalid or control bytes */
    if (n >= 64 && (bad + ctrl) * 10 > n)
        return dy_fail(err, DYAD_EINPUT,
                       "binary data: %zu of %zu bytes are not text", bad + ctrl,
                       n);
    d->text = t;
    d->len = n;
    d->repaired = bad + ctrl;
    return 0;
}

/* ---- line rules ----------------------------------------------------------- */

typedef struct rule {
    const char *prefix;     /* lower-case line prefix                        */
    uint8_t kind;
    uint16_t maxlen;        /* the line must be at most this long (0 = any)  */
    uint8_t rest;           /* 1: the rest of the document is debris too     */
    uint8_t strict;         /* 1: debris even when the line reads like a
                               sentence (cookie notices, "Reporting by")   */
} rule;

static const rule rules[] = {
    {"see also", DY_DEBRIS_LINK, 400, 0, 0},
    {"related:", DY_DEBRIS_LINK, 400, 0, 0},
    {"related articles", DY_DEBRIS_LINK, 400, 0, 0},
    {"related stories", DY_DEBRIS_LINK, 400, 0, 0},
    {"related news", DY_DEBRIS_LINK, 400, 0, 0},
    {"related coverage", DY_DEBRIS_LINK, 400, 0, 0},
    {"related posts", DY_DEBRIS_LINK, 400, 0, 0},
    {"read more", DY_DEBRIS_LINK, 400, 0, 0},
    {"read also", DY_DEBRIS_LINK, 400, 0, 0},
    {"also read", DY_DEBRIS_LINK, 400, 0, 0},
    {"read next", DY_DEBRIS_LINK, 400, 0, 0},
    {"read the full", DY_DEBRIS_LINK, 400, 0, 0},
    {"more:", DY_DEBRIS_LINK, 400, 0, 0},
    {"more from", DY_DEBRIS_LINK, 200, 0, 0},
    {"more on this", DY_DEBRIS_LINK, 200, 0, 0},
    {"recommended", DY_DEBRIS_LINK, 200, 0, 0},
    {"you may also like", DY_DEBRIS_LINK, 400, 0, 0},
    {"you might also like", DY_DEBRIS_LINK, 400, 0, 0},
    {"you may be interested", DY_DEBRIS_LINK, 400, 0, 0},
    {"most popular", DY_DEBRIS_LINK, 200, 0, 0},
    {"most read", DY_DEBRIS_LINK, 200, 0, 0},
    {"trending", DY_DEBRIS_LINK, 200, 0, 0},
    {"further reading", DY_DEBRIS_LINK, 400, 0, 0},
    {"click here", DY_DEBRIS_LINK, 300, 0, 0},
    {"watch:", DY_DEBRIS_LINK, 300, 0, 0},
    {"listen:", DY_DEBRIS_LINK, 300, 0, 0},
    {"video:", DY_DEBRIS_LINK, 300, 0, 0},
    {"tags:", DY_DEBRIS_LINK, 400, 0, 0},
    {"topics:", DY_DEBRIS_LINK, 400, 0, 0},
    {"filed under", DY_DEBRIS_LINK, 400, 0, 0},
    {"previous article", DY_DEBRIS_LINK, 400, 0, 0},
    {"next article", DY_DEBRIS_LINK, 400, 0, 0},
    {"previous post", DY_DEBRIS_LINK, 400, 0, 0},
    {"next post", DY_DEBRIS_LINK, 400, 0, 0},
    {"leave a reply", DY_DEBRIS_COMMENT, 60, 1, 0},
    {"leave a comment", DY_DEBRIS_COMMENT, 60, 1, 0},
    {"post a comment", DY_DEBRIS_COMMENT, 60, 1, 0},
    {"add a comment", DY_DEBRIS_COMMENT, 60, 1, 0},
    {"join the discussion", DY_DEBRIS_COMMENT, 80, 1, 0},
    {"join the conversation", DY_DEBRIS_COMMENT, 80, 1, 0},
    {"your email address will not be published", DY_DEBRIS_COMMENT, 200, 1, 1},
    {"your e-mail address will not be published", DY_DEBRIS_COMMENT, 200, 1, 1},
    {"required fields are marked", DY_DEBRIS_COMMENT, 120, 1, 1},
    {"you must be logged in", DY_DEBRIS_COMMENT, 160, 1, 1},
    {"comments are closed", DY_DEBRIS_COMMENT, 80, 1, 0},
    {"cancel reply", DY_DEBRIS_COMMENT, 40, 1, 0},
    {"share this", DY_DEBRIS_SHARE, 120, 0, 0},
    {"share on", DY_DEBRIS_SHARE, 120, 0, 0},
    {"share:", DY_DEBRIS_SHARE, 120, 0, 0},
    {"share via", DY_DEBRIS_SHARE, 120, 0, 0},
    {"share article", DY_DEBRIS_SHARE, 120, 0, 0},
    {"tweet", DY_DEBRIS_SHARE, 20, 0, 0},
    {"email this", DY_DEBRIS_SHARE, 60, 0, 0},
    {"print this", DY_DEBRIS_SHARE, 60, 0, 0},
    {"subscribe", DY_DEBRIS_SHARE, 160, 0, 0},
    {"sign up", DY_DEBRIS_SHARE, 160, 0, 0},
    {"follow us", DY_DEBRIS_SHARE, 160, 0, 0},
    {"join our", DY_DEBRIS_SHARE, 160, 0, 0},
    {"get the latest", DY_DEBRIS_SHARE, 160, 0, 0},
    {"download our app", DY_DEBRIS_SHARE, 160, 0, 0},
    {"download the app", DY_DEBRIS_SHARE, 160, 0, 0},
    {"advertisement", DY_DEBRIS_SHARE, 30, 0, 0},
    {"sponsored", DY_DEBRIS_SHARE, 40, 0, 0},
    {"support our journalism", DY_DEBRIS_SHARE, 200, 0, 0},
    {"we use cookies", DY_DEBRIS_COOKIE, 600, 0, 1},
    {"this website uses cookies", DY_DEBRIS_COOKIE, 600, 0, 1},
    {"this site uses cookies", DY_DEBRIS_COOKIE, 600, 0, 1},
    {"by continuing to use", DY_DEBRIS_COOKIE, 600, 0, 1},
    {"accept cookies", DY_DEBRIS_COOKIE, 200, 0, 0},
    {"cookie policy", DY_DEBRIS_COOKIE, 200, 0, 0},
    {"privacy policy", DY_DEBRIS_COOKIE, 200, 0, 0},
    {"reporting by", DY_DEBRIS_BYLINE, 300, 0, 1},
    {"(reporting by", DY_DEBRIS_BYLINE, 300, 0, 1},
    {"additional reporting by", DY_DEBRIS_BYLINE, 300, 0, 1},
    {"editing by", DY_DEBRIS_BYLINE, 300, 0, 1},
    {"writing by", DY_DEBRIS_BYLINE, 300, 0, 1},
    {"compiled by", DY_DEBRIS_BYLINE, 200, 0, 1},
    {"written by", DY_DEBRIS_BYLINE, 200, 0, 1},
    {"posted by", DY_DEBRIS_BYLINE, 200, 0, 1},
    {"posted on", DY_DEBRIS_BYLINE, 100, 0, 1},
    {"published:", DY_DEBRIS_BYLINE, 120, 0, 1},
    {"published on", DY_DEBRIS_BYLINE, 100, 0, 1},
    {"updated:", DY_DEBRIS_BYLINE, 120, 0, 1},
    {"last updated", DY_DEBRIS_BYLINE, 120, 0, 1},
    {"photo:", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"photo by", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"photos:", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"(photo", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"file photo", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"image:", DY_DEBRIS_PHOTO, 300, 0, 0},
    {"image source", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"picture:", DY_DEBRIS_PHOTO, 300, 0, 0},
    {"credit:", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"photograph:", DY_DEBRIS_PHOTO, 300, 0, 0},
    {"caption:", DY_DEBRIS_PHOTO, 300, 0, 1},
    {"copyright", DY_DEBRIS_COPYRIGHT, 300, 0, 1},
    {"\xc2\xa9", DY_DEBRIS_COPYRIGHT, 300, 0, 1},
    {"(c) 19", DY_DEBRIS_COPYRIGHT, 300, 0, 1},
    {"(c) 20", DY_DEBRIS_COPYRIGHT, 300, 0, 1},
    {"all rights reserved", DY_DEBRIS_COPYRIGHT, 300, 0, 1},
};

/* Whole-line form fields of comment boxes. */
static const char *const form_fields[] = {
    "comment", "comments", "name", "email", "e-mail", "website", "post comment",
    "submit", "reply",
    ("save my name, email, and website in this browser for the next time i "
     "comment."),
    "notify me of new posts by email.",
    "notify me of follow-up comments by email.", "like this:", "loading...",
    "share", "print", "email", "facebook", "twitter", "whatsapp", "linkedin",
    "telegram", "reddit", "pinterest"};

static bool starts_ci(const char *s, size_t n, const char *pre)
{
    size_t k = strlen(pre);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)pre[i])
            return false;
    }
    /* the prefix must end at a word boundary */
    if (n > k) {
        unsigned char nx = (unsigned char)s[k];
        unsigned char last = (unsigned char)pre[k - 1];
        bool wordch = (nx >= 'a' && nx <= 'z') || (nx >= 'A' && nx <= 'Z');
        bool lastw = (last >= 'a' && last <= 'z');
        if (wordch && lastw)
            return false;
    }
    return true;
}

static bool eq_ci_trim(const char *s, size_t n, const char *w)
{
    while (n && (s[n - 1] == '*' || s[n - 1] == ':' || s[n - 1] == ' '))
        n--;
    size_t k = strlen(w);
    if (w[k - 1] == ':' || w[k - 1] == '.')
        return n + 1 >= k && starts_ci(s, n + 1, w) && n + 1 == k;
    return n == k && starts_ci(s, n, w);
}

/* A byline: "By Jane Doe" or "By Jane Doe and John Roe, Reuters". */
static bool is_byline(const char *s, size_t n)
{
    if (n > 120 || !starts_ci(s, n, "by "))
        return false;
    int words = 0, caps = 0;
    bool in = false;
    for (size_t i = 3; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == ',') {
            in = false;
            continue;
        }
        if (!in) {
            words++;
            if (c >= 'A' && c <= 'Z')
                caps++;
            in = true;
        }
        if (c == '.' && i + 1 == n)
            return false; /* a sentence */
    }
    return words >= 1 && words <= 10 && caps * 2 >= words + 1;
}

/* Does the line read like a sentence of news (seven words or more and
 * final punctuation)? Such lines are only debris for strict rules. */
static bool reads_like_sentence(const char *s, size_t n)
{
    int words = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    char last = n ? s[n - 1] : 0;
    return words >= 7 && (last == '.' || last == '!' || last == '?' ||
                          last == '"');
}

/* A copyright line names a year, a sign or "all rights reserved". */
static bool copyright_line(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 < n; i++)
        if ((s[i] >= '0' && s[i] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9') ||
            ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9) ||
            (s[i] == '(' && (s[i + 1] | 32) == 'c' && s[i + 2] == ')'))
            return true;
    return n >= 19 && memmem(s, n, "rights reserved", 15) != NULL;
}

/* Lines with no letters at all (separators, symbols). */
static bool no_letters(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c >= 0x80)
            return false;
    }
    return true;
}

static int add_debris(dy_doc *d, size_t beg, size_t end, int kind)
{
    if (d->ndebris && d->debris[d->ndebris - 1].end >= beg) {
        dy_range *last = &d->debris[d->ndebris - 1];
        if (end > last->end)
            last->end = (uint32_t)end;
        return 0;
    }
    if (DY_GROW(d->debris, d->capdebris, d->ndebris + 1))
        return DYAD_ENOMEM;
    d->debris[d->ndebris].beg = (uint32_t)beg;
    d->debris[d->ndebris].end = (uint32_t)end;
    d->debris[d->ndebris].kind = (uint8_t)kind;
    d->ndebris++;
    return 0;
}

int dy_clean(dy_doc *d)
{
    const char *t = d->text;
    size_t n = d->len, i = 0;
    bool first_body = true;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t j = nl ? (size_t)(nl - t) : n;
        /* trimmed line [a, b) */
        size_t a = i, b = j;
        while (a < b) {
            if (t[a] == ' ' || t[a] == '\t' || t[a] == '\r')
                a++;
            else if ((unsigned char)t[a] == 0xC2 && a + 1 < b &&
                     (unsigned char)t[a + 1] == 0xA0)
                a += 2; /* no-break space */
            else
                break;
        }
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r'))
            b--;
        size_t len = b - a;
        int kind = 0, rest = 0;
        if (len) {
            int sentence = -1; /* reads_like_sentence, when a rule asks */
            /* the first byte, in lower case, rejects most prefixes */
            unsigned char c0 = (unsigned char)t[a];
            if (c0 >= 'A' && c0 <= 'Z')
                c0 = (unsigned char)(c0 + 32);
            for (size_t r = 0; r < DY_ARRAY_LEN(rules) && !kind; r++) {
                const rule *ru = &rules[r];
                if ((unsigned char)ru->prefix[0] != c0 ||
                    (ru->maxlen && len > ru->maxlen) ||
                    !starts_ci(t + a, len, ru->prefix))
                    continue;
                if (sentence < 0)
                    sentence = reads_like_sentence(t + a, len);
                if (sentence && !ru->strict)
                    continue; /* "Share this burden, the president said." */
                /* a prompt that drops the rest of the page must not be
                 * the start of a longer line of text */
                if (ru->rest && !ru->strict && len > strlen(ru->prefix) + 14)
                    continue;
                /* "Copyright 2022 ...", not "Copyright infringement ..." */
                if (ru->kind == DY_DEBRIS_COPYRIGHT && !copyright_line(t + a, len))
                    continue;
                kind = ru->kind;
                rest = ru->rest;
            }
            if (!kind && len <= 80) {
                for (size_t f = 0; f < DY_ARRAY_LEN(form_fields) && !kind; f++)
                    if ((unsigned char)form_fields[f][0] == c0 &&
                        eq_ci_trim(t + a, len, form_fields[f]))
                        kind = f < 13 ? DY_DEBRIS_COMMENT : DY_DEBRIS_SHARE;
            }
            if (!kind && is_byline(t + a, len))
                kind = DY_DEBRIS_BYLINE;
            if (!kind && no_letters(t + a, len))
                kind = DY_DEBRIS_JUNK;
            if (!kind && first_body) {
                /* a dateline opens the first body paragraph */
                int32_t days = -1;
                size_t pb = 0, pl = 0;
                /* a dateline without a year is in the past: resolve it
                 * nearest to half a year ago */
                size_t used = dy_dateline_parse(t + a, len, dy_today() - 182,
                                                &days, &pb, &pl);
                if (used) {
                    if (add_debris(d, a, a + used, DY_DEBRIS_DATELINE))
                        return DYAD_ENOMEM;
                    d->dateline_days = days;
                    d->dateline_place_beg = (uint32_t)(a + pb);
                    d->dateline_place_len = (uint32_t)pl;
                }
                /* the first line may be a headline: the dateline can be in
                 * the paragraph after it */
                bool headline = t[b - 1] != '.' && t[b - 1] != '"';
                if (used || !headline)
                    first_body = false;
            }
        }
        if (kind) {
            size_t end = rest ? n : j;
            if (add_debris(d, a, end, kind))
                return DYAD_ENOMEM;
            if (rest)
                break;
        }
        i = j + 1;
    }
    return 0;
}
