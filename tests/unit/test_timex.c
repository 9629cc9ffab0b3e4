/* test_timex.c - date expressions (src/timex.c): finding, resolving,
 * picking the expression of an event, datelines, and the test set
 * tests/data/when_where.tsv. */
#include "../../src/dy.h"
#include "../../src/timex.h"
#include "th.h"

#include <stdlib.h>

/* ---- a small Penn-like tokenizer for the tests ------------------------ */

/* Words (with inner hyphens: "mid-January", "al-Burhan"), numbers with
 * inner , . / : - ("122,000", "2022-01-10", "10/01/2022", "50-minute"),
 * "'s" and "n't" split off, "U.S." and "Jan." keep their period,
 * "--" and "..." one token, other punctuation one token per character
 * (a UTF-8 dash or quote is one token). */

#define TT_MAXTOK 512

typedef struct tt_sent {
    dy_tok tok[TT_MAXTOK];
    size_t n;
    char buf[16384];   /* s and low strings */
    size_t used;
} tt_sent;

static bool tt_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool tt_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* a UTF-8 punctuation sequence (dashes, quotes) at s: its length */
static size_t tt_upunct(const unsigned char *s, size_t n)
{
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x98 || s[2] == 0x99 ||
         s[2] == 0x9C || s[2] == 0x9D))
        return 3;
    return 0;
}

static bool tt_wordch(const unsigned char *s, size_t n, size_t i)
{
    return tt_alpha(s[i]) || tt_digit(s[i]) ||
           (s[i] >= 0x80 && !tt_upunct(s + i, n - i));
}

static const char *tt_abbr[] = {"jan", "feb", "mar", "apr", "jun", "jul",
                                "aug", "sep", "sept", "oct", "nov", "dec",
                                "gen", "mr", "mrs", "ms", "dr", "st", "lt",
                                "col", "sgt", "no", "jr", "sr", "vs", "gov",
                                "sen", "rep", "maj", "capt", "adm", "prof"};

static void tt_push(tt_sent *t, const char *s, size_t beg, size_t end,
                    bool space)
{
    if (t->n >= TT_MAXTOK || t->used + 2 * (end - beg) + 2 > sizeof t->buf)
        return;
    dy_tok *k = &t->tok[t->n];
    memset(k, 0, sizeof *k);
    size_t len = end - beg;
    char *o = t->buf + t->used;
    memcpy(o, s + beg, len);
    o[len] = 0;
    char *l = o + len + 1;
    int letters = 0, upper = 0, lower = 0;
    uint16_t f = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)o[i];
        if (c >= 'A' && c <= 'Z') {
            l[i] = (char)(c + 32);
            letters++, upper++;
        } else {
            l[i] = (char)c;
            if (c >= 'a' && c <= 'z')
                letters++, lower++;
        }
        if (tt_digit(c))
            f |= TOKF_DIGIT;
        if (tt_alpha(c) || c >= 0x80)
            f |= TOKF_ALPHA;
    }
    l[len] = 0;
    t->used += 2 * len + 2;
    if (len && o[0] >= 'A' && o[0] <= 'Z')
        f |= TOKF_CAP;
    if (upper >= 2 && !lower)
        f |= TOKF_UPPER;
    if (!(f & (TOKF_ALPHA | TOKF_DIGIT)))
        f |= TOKF_PUNCT;
    if (t->n == 0)
        f |= TOKF_SSTART;
    if (space)
        f |= TOKF_SPACE;
    k->beg = (uint32_t)beg;
    k->end = (uint32_t)end;
    k->s = o;
    k->low = l;
    k->n = (uint16_t)len;
    k->nlow = (uint16_t)len;
    k->flags = f;
    t->n++;
}

static void tt_tokenize(tt_sent *t, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = strlen(str), i = 0;
    t->n = 0;
    t->used = 0;
    bool space = false;
    while (i < n) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
            space = true;
            i++;
            continue;
        }
        size_t b = i;
        size_t up = tt_upunct(s + i, n - i);
        if (up) {
            i += up;
        } else if (tt_digit(s[i])) {
            while (i < n) {
                if (tt_digit(s[i]))
                    i++;
                else if ((s[i] == ',' || s[i] == '.' || s[i] == '/' ||
                          s[i] == ':' || s[i] == '-') &&
                         i + 1 < n && tt_digit(s[i + 1]))
                    i++;
                else if (s[i] == '-' && i + 1 < n && tt_alpha(s[i + 1]))
                    i++;
                else if (tt_alpha(s[i]))
                    i++;
                else
                    break;
            }
        } else if (tt_wordch(s, n, i)) {
            while (i < n) {
                if (tt_wordch(s, n, i))
                    i++;
                else if ((s[i] == '-' || s[i] == '.') && i + 1 < n &&
                         i > b && tt_wordch(s, n, i + 1) &&
                         (s[i] == '-' || i - b == 1 ||
                          (i >= 2 && s[i - 2] == '.')))
                    i++; /* mid-January, U.S (then the final period) */
                else
                    break;
            }
            /* the period of an abbreviation */
            if (i < n && s[i] == '.') {
                bool abbr = false;
                size_t wl = i - b;
                if (wl == 1 || (wl >= 3 && s[i - 2] == '.'))
                    abbr = true; /* "U.S." "A." */
                for (size_t a = 0; !abbr && a < DY_ARRAY_LEN(tt_abbr); a++) {
                    size_t al = strlen(tt_abbr[a]);
                    if (al == wl) {
                        bool eq = true;
                        for (size_t q = 0; q < al; q++)
                            if ((char)(s[b + q] | 0x20) != tt_abbr[a][q])
                                eq = false;
                        abbr = eq;
                    }
                }
                /* not at the end of the sentence */
                if (abbr && i + 1 < n)
                    i++;
            }
            /* n't */
            if (i + 2 < n && s[i] == '\'' && s[i + 1] == 't' && i - b > 1 &&
                s[i - 1] == 'n') {
                tt_push(t, str, b, i - 1, space);
                space = false;
                b = i - 1;
                i += 2;
            }
        } else if (s[i] == '\'' && i + 1 < n && (s[i + 1] == 's' ||
                                                   s[i + 1] == 'S') &&
                   (i + 2 >= n || !tt_wordch(s, n, i + 2))) {
            i += 2;
        } else if (s[i] == '-' && i + 1 < n && s[i + 1] == '-') {
            i += 2;
        } else if (s[i] == '.' && i + 2 < n && s[i + 1] == '.' &&
                   s[i + 2] == '.') {
            i += 3;
        } else {
            i++;
        }
        tt_push(t, str, b, i, space);
        space = false;
    }
}

/* ---- helpers ----------------------------------------------------------- */

static int32_t D(const char *iso)
{
    int32_t d = 0;
    if (dy_parse_date(iso, strlen(iso), &d) != 0)
        fprintf(stderr, "bad date in test: %s\n", iso);
    return d;
}

static tt_sent g_sent; /* big: keep it off the stack */

static size_t find(const char *story, int hint, const char *text,
                   dy_timex *tx, size_t max)
{
    tt_tokenize(&g_sent, text);
    return dy_timex_find(g_sent.tok, g_sent.n, D(story), hint, tx, max);
}

/* the first expression's date, "none" if there is none */
static const char *first_date(const char *story, int hint, const char *text,
                              int *prec)
{
    static char out[11];
    dy_timex tx[16];
    size_t k = find(story, hint, text, tx, 16);
    if (!k)
        return "none";
    if (prec)
        *prec = tx[0].precision;
    dy_format_date(tx[0].days, out);
    return out;
}

/* ---- table-driven cases ------------------------------------------------- */

typedef struct tcase {
    const char *story;
    int hint;
    const char *text;
    const char *want;   /* the first expression's date, or "none"        */
    int prec;           /* expected precision (0: don't check)           */
} tcase;

static const tcase cases[] = {
    /* weekdays; 2022-01-03 is a Monday */
    {"2022-01-03", 0, "Rebels shelled the town on Sunday evening.", "2022-01-02", DY_PREC_DAY},
    {"2022-01-03", 0, "The minister said on Monday that talks failed.", "2022-01-03", DY_PREC_DAY},
    {"2022-01-03", 0, "Troops withdrew on Friday.", "2021-12-31", DY_PREC_DAY},
    {"2022-01-03", 1, "The leaders meet on Friday.", "2022-01-07", DY_PREC_DAY},
    {"2022-01-03", 0, "The leaders will meet on Friday.", "2022-01-07", DY_PREC_DAY},
    {"2022-01-03", 0, "Talks will be held on Thursday in Vienna.", "2022-01-06", DY_PREC_DAY},
    {"2022-01-03", 0, "The vote is scheduled for Wednesday.", "2022-01-05", DY_PREC_DAY},
    {"2022-01-03", 0, "Police arrested him last Monday.", "2021-12-27", DY_PREC_DAY},
    {"2022-01-03", 0, "They will return next Monday.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "Protesters plan to march this Saturday.", "2022-01-08", DY_PREC_DAY},
    {"2022-01-03", 0, "Sunday's attack killed five.", "2022-01-02", DY_PREC_DAY},
    {"2022-01-03", 0, "On Saturday, gunmen stormed the hotel.", "2022-01-01", DY_PREC_DAY},
    {"2022-01-03", 0, "The rally is expected to draw thousands on Tuesday.", "2022-01-04", DY_PREC_DAY},
    {"2022-01-03", 0, "He told the Sunday Times that he would resign.", "none", 0},
    {"2022-01-05", 0, "Gunmen attacked the convoy early Tuesday.", "2022-01-04", DY_PREC_DAY},
    /* an attempt, success or failure told in the past was then */
    {"2022-01-03", 0, "He said rebels had tried to seize the airport on Friday night.", "2021-12-31", DY_PREC_DAY},
    {"2022-01-03", 0, "Troops failed to take the bridge on Saturday.", "2022-01-01", DY_PREC_DAY},
    {"2022-01-03", 0, "Rebels plan to seize the airport on Friday.", "2022-01-07", DY_PREC_DAY},
    /* hint 2: the caller knows the act is ahead, whatever the cues */
    {"2022-01-03", 2, "Putin proposed talks in Istanbul on Thursday.", "2022-01-06", DY_PREC_DAY},
    {"2022-01-03", 0, "Putin proposed talks in Istanbul on Thursday.", "2021-12-30", DY_PREC_DAY},
    {"2022-01-03", 0, "The ministry said on Sunday, January 2, that it had closed the border.", "2022-01-02", DY_PREC_DAY},
    /* relative days */
    {"2022-01-03", 0, "Troops opened fire yesterday.", "2022-01-02", DY_PREC_DAY},
    {"2022-01-03", 0, "The envoy arrives tomorrow morning.", "2022-01-04", DY_PREC_DAY},
    {"2022-01-03", 0, "The talks collapsed the day before yesterday.", "2022-01-01", DY_PREC_DAY},
    {"2022-01-03", 0, "They will sign the day after tomorrow.", "2022-01-05", DY_PREC_DAY},
    {"2022-01-03", 0, "Shelling resumed last night.", "2022-01-02", DY_PREC_DAY},
    {"2022-01-03", 0, "The president speaks tonight.", "2022-01-03", DY_PREC_DAY},
    {"2022-01-03", 0, "The channel Russia Today reported the strike.", "none", 0},
    /* month dates */
    {"2022-01-03", 0, "Putin and Biden spoke on December 30.", "2021-12-30", DY_PREC_DAY},
    {"2022-01-03", 0, "Talks are scheduled to begin on January 10.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "The talks on January 10 are key.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "Troops attacked the village on January 1.", "2022-01-01", DY_PREC_DAY},
    {"2022-01-03", 0, "Troops attacked the village on Dec 30.", "2021-12-30", DY_PREC_DAY},
    {"2022-01-03", 0, "It was signed on Jan. 10, 2020.", "2020-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "It was signed on 10 January 2020.", "2020-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "It was signed on the 10th of January 2020.", "2020-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "It was signed on 10th January.", "2021-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "It will be signed on 10th January.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "They met on January 10th, 2019.", "2019-01-10", DY_PREC_DAY},
    {"2022-01-03", 0, "The summit runs from 10-12 January.", "2022-01-10", DY_PREC_DAY},
    {"2021-12-20", 0, "The vote will take place on January 10.", "2022-01-10", DY_PREC_DAY},
    {"2021-12-20", 1, "The vote takes place on January 10.", "2022-01-10", DY_PREC_DAY},
    {"2022-03-01", 0, "Elections were held on February 29.", "2020-02-29", DY_PREC_DAY},
    /* months */
    {"2022-01-03", 0, "Biden and Putin spoke in December.", "2021-12-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "Putin will visit Beijing in February.", "2022-02-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "Talks resume in mid-January.", "2022-01-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "Talks resume in mid - January.", "2022-01-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "Fighting flared in late November.", "2021-11-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "Elections were held in January 2019.", "2019-01-01", DY_PREC_MONTH},
    {"2022-06-15", 0, "The deal was signed last March.", "2022-03-01", DY_PREC_MONTH},
    {"2022-02-15", 0, "The deal was signed last March.", "2021-03-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "Parliament meets in May.", "2022-05-01", DY_PREC_MONTH},
    {"2022-01-03", 0, "They may meet soon.", "none", 0},
    {"2022-01-03", 0, "May God protect us, Theresa May said.", "none", 0},
    {"2022-01-03", 0, "Protesters will march to the palace.", "none", 0},
    {"2022-01-03", 0, "U.N. envoy Jan Egeland visited the camp.", "none", 0},
    {"2022-01-03", 0, "It happened on Jan 3.", "2022-01-03", DY_PREC_DAY},
    {"2022-01-03", 0, "The march begins on March 3.", "2022-03-03", DY_PREC_DAY},
    {"2022-01-03", 0, "The march began on March 3.", "2021-03-03", DY_PREC_DAY},
    /* periods */
    {"2022-01-05", 0, "The army attacked last week.", "2021-12-27", DY_PREC_WEEK},
    {"2022-01-05", 0, "Talks resume next week.", "2022-01-10", DY_PREC_WEEK},
    {"2022-01-05", 0, "Talks began this week.", "2022-01-03", DY_PREC_WEEK},
    {"2022-01-05", 0, "Prices rose last month.", "2021-12-01", DY_PREC_MONTH},
    {"2022-01-05", 0, "Prices will rise next month.", "2022-02-01", DY_PREC_MONTH},
    {"2022-05-05", 0, "The army attacked earlier this year.", "2022-01-01", DY_PREC_YEAR},
    {"2022-05-05", 0, "The leaders meet later this month.", "2022-05-01", DY_PREC_MONTH},
    {"2022-05-05", 0, "A vote is due early next year.", "2023-01-01", DY_PREC_YEAR},
    {"2022-05-05", 0, "Elections were held last year.", "2021-01-01", DY_PREC_YEAR},
    {"2022-05-05", 0, "They clashed earlier in the week.", "2022-05-02", DY_PREC_WEEK},
    {"2022-01-05", 0, "Gunmen struck last weekend.", "2022-01-01", DY_PREC_WEEK},
    {"2022-01-03", 0, "Gunmen struck over the weekend.", "2022-01-01", DY_PREC_WEEK},
    {"2022-01-05", 0, "Leaders will meet over the weekend.", "2022-01-08", DY_PREC_WEEK},
    {"2022-01-08", 0, "Leaders meet this weekend.", "2022-01-08", DY_PREC_WEEK},
    /* offsets */
    {"2022-01-05", 0, "The army attacked two days ago.", "2022-01-03", DY_PREC_DAY},
    {"2022-01-05", 0, "The army attacked a week ago.", "2021-12-29", DY_PREC_WEEK},
    {"2022-01-05", 0, "The army attacked three weeks ago.", "2021-12-15", DY_PREC_WEEK},
    {"2022-01-31", 0, "The deal expired a month ago.", "2021-12-31", DY_PREC_MONTH},
    {"2022-01-05", 0, "The vote is in two weeks.", "2022-01-19", DY_PREC_WEEK},
    {"2022-01-05", 0, "The vote is in 10 days' time.", "2022-01-15", DY_PREC_DAY},
    {"2022-01-05", 0, "The army attacked a few days ago.", "none", 0},
    {"2022-01-05", 0, "It ended in two days of talks.", "none", 0},
    /* years */
    {"2022-01-05", 0, "They last met in 2019.", "2019-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "Russia has occupied Crimea since 2014.", "2014-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "Kyiv accused Moscow of breaking the 2015 Minsk agreement.", "2015-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "The economy shrank in mid-2020.", "2020-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "The economy shrank in early 2020.", "2020-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "The war raged in 2014-2016 in Donbas.", "2014-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "The war raged in 2014-16.", "2014-01-01", DY_PREC_YEAR},
    {"2022-01-05", 0, "The vote was 2014-2016 against.", "none", 0},
    {"2022-01-05", 0, "Call 1234-5678 now.", "none", 0},
    {"2022-01-05", 0, "Russia massed 122,000 soldiers near the border.", "none", 0},
    {"2022-01-05", 0, "Russia massed 2000 soldiers near the border.", "none", 0},
    {"2022-01-05", 0, "The blast killed 10 people.", "none", 0},
    {"2022-01-05", 0, "The fund holds $1.5 billion.", "none", 0},
    {"2022-01-05", 0, "Police arrested 1995 protesters.", "none", 0},
    {"2022-01-05", 0, "The vote was 2015 to 300.", "none", 0},
    /* numeric dates */
    {"2022-01-11", 0, "They met on 2022-01-10.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-11", 0, "They met on 2022/01/10.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-11", 0, "They met on 25/12/2021.", "2021-12-25", DY_PREC_DAY},
    {"2022-01-11", 0, "They met on 12/25/2021.", "2021-12-25", DY_PREC_DAY},
    {"2022-01-11", 0, "They met on 10/01/2022.", "2022-01-10", DY_PREC_DAY},
    {"2022-10-02", 0, "They met on 10/01/2022.", "2022-10-01", DY_PREC_DAY},
    {"2022-01-11", 0, "They met on 10.01.22.", "2022-01-10", DY_PREC_DAY},
    {"2022-01-11", 0, "They met on 31/02/2022.", "none", 0},
    {"2022-01-11", 0, "The score was 3-1.", "none", 0},
};

static void test_cases(void)
{
    for (size_t i = 0; i < DY_ARRAY_LEN(cases); i++) {
        const tcase *c = &cases[i];
        int prec = 0;
        const char *got = first_date(c->story, c->hint, c->text, &prec);
        th_checks++;
        if (strcmp(got, c->want) != 0 || (c->prec && prec != c->prec)) {
            th_failures++;
            fprintf(stderr, "  [timex] \"%s\" (story %s%s): got %s/%d, "
                    "want %s/%d\n", c->text, c->story,
                    c->hint ? ", future" : "", got, prec, c->want, c->prec);
        }
    }
}

static void test_spans(void)
{
    dy_timex tx[8];
    size_t k = find("2022-01-03", 0,
                    "Russia said on Tuesday that troops attacked the village "
                    "on Sunday, breaking the 2015 Minsk agreement.", tx, 8);
    CHECK_INT(k, 3);
    if (k == 3) {
        /* tokens: Russia said on Tuesday ... */
        CHECK_INT(tx[0].tok0, 3);
        CHECK_INT(tx[0].tok1, 4);
        CHECK_INT(tx[0].kind, DY_TX_RELATIVE);
        CHECK_INT(tx[0].dir, -1);
        CHECK_INT(tx[1].days, D("2022-01-02"));
        CHECK_INT(tx[2].precision, DY_PREC_YEAR);
        CHECK_INT(tx[2].kind, DY_TX_EXPLICIT);
        CHECK(tx[2].flags & DY_TXF_ATTR);
        CHECK(!(tx[1].flags & DY_TXF_ATTR));
    }
    k = find("2022-01-03", 0, "They met early next week.", tx, 8);
    CHECK_INT(k, 1);
    CHECK_INT(tx[0].tok0, 2);
    CHECK_INT(tx[0].tok1, 5);
    CHECK_INT(tx[0].dir, 1);
    k = find("2022-01-03", 0, "Fighting has continued since 2014.", tx, 8);
    CHECK_INT(k, 1);
    CHECK(tx[0].flags & DY_TXF_SINCE);
    k = find("2022-01-03", 0, "It began two days ago.", tx, 8);
    CHECK_INT(k, 1);
    CHECK_INT(tx[0].tok0, 2);
    CHECK_INT(tx[0].tok1, 5);
    CHECK(tx[0].flags & DY_TXF_OFFSET);
    /* max is respected */
    k = find("2022-01-03", 0, "On Monday, Tuesday and Wednesday.", tx, 2);
    CHECK_INT(k, 2);
    /* nothing to find: no work */
    CHECK_INT(find("2022-01-03", 0, "The Kremlin warned Washington.", tx, 8), 0);
    CHECK_INT(dy_timex_find(NULL, 0, 0, 0, tx, 8), 0);
    /* ambiguous numeric order is flagged */
    k = find("2022-01-11", 0, "on 10/01/2022", tx, 8);
    CHECK_INT(k, 1);
    CHECK(tx[0].flags & DY_TXF_AMBIG);
}

static void test_tense(void)
{
    tt_tokenize(&g_sent, "Russia will send troops");
    CHECK_INT(dy_timex_tense(g_sent.tok, g_sent.n, 2), 1);
    tt_tokenize(&g_sent, "Russia sent troops");
    CHECK_INT(dy_timex_tense(g_sent.tok, g_sent.n, 1), -1);
    tt_tokenize(&g_sent, "Russia is scheduled to hold talks");
    CHECK_INT(dy_timex_tense(g_sent.tok, g_sent.n, 5), 1);
}

/* ---- picking --------------------------------------------------------------- */

typedef struct pcase {
    const char *story, *text, *want; /* want: date or "story" */
    int ev;                          /* verb token or -1 for the main */
} pcase;

static const pcase pcases[] = {
    {"2022-01-03", "Russia said on Tuesday that troops attacked the village on Sunday.", "2022-01-02", -1},
    {"2022-01-03", "Russia said on Tuesday that troops attacked the village on Sunday.", "2021-12-28", 1},
    {"2022-01-03", "Russia said on Tuesday troops attacked the village on Sunday.", "2022-01-02", -1},
    {"2022-01-03", "Troops attacked the village on Sunday, the ministry said on Tuesday.", "2022-01-02", -1},
    {"2022-01-03", "Troops attacked the village, the ministry said on Tuesday.", "story", -1},
    {"2022-01-03", "Russia accused Ukraine of violating the agreement, which was signed in 2015.", "story", -1},
    {"2022-01-03", "Kyiv said Moscow broke the 2015 Minsk agreement on Sunday.", "2022-01-02", -1},
    {"2022-01-03", "Russia on Tuesday accused Ukraine of shelling the village on Sunday.", "2021-12-28", -1},
    {"2022-01-03", "Russia on Tuesday accused Ukraine of shelling the village on Sunday.", "2022-01-02", 6},
    {"2022-01-03", "After talks collapsed on Friday, troops shelled the town.", "story", -1},
    {"2022-01-03", "Troops shelled the town after talks collapsed on Friday.", "story", -1},
    {"2022-01-03", "Putin, who met Erdogan on Friday, warned NATO on Sunday.", "2022-01-02", -1},
    {"2022-01-03", "Lavrov told reporters on Sunday that NATO troops entered the town.", "story", -1},
    {"2022-01-03", "Moscow said on Sunday it would not tolerate NATO expansion.", "2022-01-02", -1},
    {"2022-01-03", "Troops have held the town since 2014.", "2014-01-01", -1},
    {"2022-01-03", "Talks will resume next week ahead of a summit on January 20.", "2022-01-10", -1},
};

static void test_pick(void)
{
    for (size_t i = 0; i < DY_ARRAY_LEN(pcases); i++) {
        const pcase *p = &pcases[i];
        dy_timex tx[16];
        size_t k = find(p->story, 0, p->text, tx, 16);
        int q = dy_timex_pick(g_sent.tok, g_sent.n, tx, k,
                              p->ev < 0 ? DY_TX_MAIN : (size_t)p->ev);
        char got[11];
        if (q < 0)
            strcpy(got, "story");
        else
            dy_format_date(tx[q].days, got);
        th_checks++;
        if (strcmp(got, p->want) != 0) {
            th_failures++;
            fprintf(stderr, "  [timex] pick \"%s\" ev %d: got %s, want %s\n",
                    p->text, p->ev, got, p->want);
        }
    }
    CHECK_INT(dy_timex_pick(NULL, 0, NULL, 0, DY_TX_MAIN), -1);
}

/* ---- datelines ---------------------------------------------------------------- */

typedef struct dcase {
    const char *text, *date, *place; /* date "none"; place "" for none */
    size_t consumed;                 /* 0: no dateline */
} dcase;

static const dcase dcases[] = {
    {"KYIV, Jan 3 (Reuters) - Russia massed troops.", "2022-01-03", "KYIV", 24},
    {"WASHINGTON (AP) -- The White House said.", "none", "WASHINGTON", 19},
    {"Moscow, 3 January 2022: The Kremlin said.", "2022-01-03", "Moscow", 24},
    {"BEIRUT, Lebanon (AP) \xE2\x80\x94 Israeli jets struck.", "none", "BEIRUT", 25},
    {"GENEVA, March 4, 2021 (AFP) - Talks began.", "2021-03-04", "GENEVA", 30},
    {"Jan 3 (Reuters) - Oil rose.", "2022-01-03", "", 18},
    {"KYIV/MOSCOW, Dec 30 (Reuters) - Both sides said.", "2021-12-30", "KYIV", 32},
    {"UNITED NATIONS \xE2\x80\x94 The council met.", "none", "UNITED NATIONS", 19},
    {"NEW YORK, Jan. 2 (Reuters) - Stocks fell.", "2022-01-02", "NEW YORK", 29},
    {"KYIV, Ukraine, Jan 3 (Reuters) - Shelling.", "2022-01-03", "KYIV", 33},
    {"Russian forces attacked the town - officials said.", "none", "", 0},
    {"Russia - Ukraine talks resumed.", "none", "", 0},
    {"The Kremlin said on Monday.", "none", "", 0},
    {"", "none", "", 0},
};

static void test_dateline(void)
{
    int32_t ref = D("2022-01-05");
    for (size_t i = 0; i < DY_ARRAY_LEN(dcases); i++) {
        const dcase *c = &dcases[i];
        int32_t days = 0;
        size_t pb = 99, pl = 99;
        size_t got = dy_dateline_parse(c->text, strlen(c->text), ref, &days,
                                       &pb, &pl);
        char ds[11] = "none";
        if (days >= 0)
            dy_format_date(days, ds);
        char place[64] = "";
        if (pl < sizeof place) {
            memcpy(place, c->text + pb, pl);
            place[pl] = 0;
        }
        th_checks++;
        if (got != c->consumed ||
            (got && (strcmp(ds, c->date) != 0 || strcmp(place, c->place) != 0))) {
            th_failures++;
            fprintf(stderr, "  [timex] dateline \"%s\": got %zu %s \"%s\", "
                    "want %zu %s \"%s\"\n", c->text, got, ds, place,
                    c->consumed, c->date, c->place);
        }
    }
}

/* ---- the test set ----------------------------------------------------------- */

/* tests/data/when_where.tsv: story_date, expected_event_date, date_source,
 * expected_place, place_country, sentence. For every row whose date comes
 * from the sentence (date_source not "story"), some expression found must
 * resolve to the expected date (future_hint = 1 for "+future"). The pick
 * of the main event (dy_timex_pick, DY_TX_MAIN; -1 = story date) is scored
 * on all rows. Set DYAD_TIMEX_VERBOSE=1 to list the misses. */
static void test_tsv(void)
{
    FILE *f = fopen("tests/data/when_where.tsv", "r");
    if (!f) {
        th_skip("tests/data/when_where.tsv not found (run from the project root)");
        return;
    }
    bool verbose = getenv("DYAD_TIMEX_VERBOSE") != NULL;
    char line[4096];
    int rows = 0, dated = 0, found = 0, picked = 0, pick_dated = 0,
        pick_dated_ok = 0, pick_story = 0, pick_story_ok = 0;
    while (fgets(line, sizeof line, f)) {
        size_t L = strlen(line);
        while (L && (line[L - 1] == '\n' || line[L - 1] == '\r'))
            line[--L] = 0;
        if (!L || line[0] == '#')
            continue;
        char *col[6];
        int nc = 0;
        char *p = line;
        col[nc++] = p;
        while (nc < 6 && (p = strchr(p, '\t'))) {
            *p++ = 0;
            col[nc++] = p;
        }
        CHECK_INT(nc, 6);
        if (nc != 6)
            continue;
        rows++;
        int32_t story, want;
        CHECK_INT(dy_parse_date(col[0], strlen(col[0]), &story), 0);
        CHECK_INT(dy_parse_date(col[1], strlen(col[1]), &want), 0);
        bool is_story = strncmp(col[2], "story", 5) == 0;
        int hint = strstr(col[2], "+future") != NULL;
        dy_timex tx[16];
        tt_tokenize(&g_sent, col[5]);
        size_t k = dy_timex_find(g_sent.tok, g_sent.n, story, hint, tx, 16);
        if (!is_story) {
            dated++;
            bool ok = false;
            for (size_t q = 0; q < k; q++)
                if (tx[q].days == want)
                    ok = true;
            found += ok;
            if (!ok && verbose)
                fprintf(stderr, "  [timex] tsv miss: %s %s %s | %s\n", col[0],
                        col[1], col[2], col[5]);
        }
        int q = dy_timex_pick(g_sent.tok, g_sent.n, tx, k, DY_TX_MAIN);
        int32_t got = q < 0 ? story : tx[q].days;
        bool pok = got == want;
        picked += pok;
        if (is_story)
            pick_story++, pick_story_ok += pok;
        else
            pick_dated++, pick_dated_ok += pok;
        if (!pok && verbose) {
            char gs[11];
            dy_format_date(got, gs);
            fprintf(stderr, "  [timex] tsv pick %s, want %s (%s): %s\n", gs,
                    col[1], col[2], col[5]);
        }
    }
    fclose(f);
    fprintf(stderr, "  [timex] when_where.tsv: %d rows; date found in %d/%d "
            "dated rows (%.1f%%); main-event pick right in %d/%d (%.1f%%: "
            "dated %d/%d, story %d/%d)\n", rows, found, dated,
            dated ? 100.0 * found / dated : 0.0, picked, rows,
            rows ? 100.0 * picked / rows : 0.0, pick_dated_ok, pick_dated,
            pick_story_ok, pick_story);
    CHECK(rows >= 220);
    CHECK(found * 100 >= dated * 95);
    CHECK(picked * 100 >= rows * 85);
}

/* Random token soup and random dateline bytes: no crash, no overlap, the
 * spans in bounds and in order (run it under ASan/UBSan). */
static void test_random(void)
{
    static const char *vocab[] = {
        "January", "Jan.", "jan", "May", "may", "March", "mid-January",
        "mid", "-", "Sunday", "sunday", "yesterday", "today", "Today",
        "tomorrow", "tonight", "night", "morning", "day", "days", "week",
        "weeks", "weekend", "month", "months", "year", "years", "fortnight",
        "last", "next", "this", "the", "in", "on", "of", "ago", "a", "two",
        "10", "31", "10th", "10-12", "2022", "1999", "2022-01-10",
        "10/01/2022", "29.02.2023", "1/2/99", "122,000", "1.5", "mid-2021",
        ",", ".", "(", ")", ":", "--", "that", "which", "who", "said",
        "told", "will", "after", "while", "since", "early", "later",
        "earlier", "before", "'s", "to", "be", "held", "attacked", "Russia",
        "U.S.", "according", "before", "\xE2\x80\x94", "", "'"};
    uint32_t r = 12345;
    char text[2048];
    dy_timex tx[64];
    for (int it = 0; it < 3000; it++) {
        size_t len = 0;
        text[0] = 0;
        r = r * 1103515245u + 12345u;
        int words = (int)(r >> 16) % 40;
        for (int w = 0; w < words; w++) {
            r = r * 1103515245u + 12345u;
            const char *v = vocab[(r >> 16) % DY_ARRAY_LEN(vocab)];
            size_t vl = strlen(v);
            if (len + vl + 2 >= sizeof text)
                break;
            if ((r >> 8) & 1)
                text[len++] = ' ';
            memcpy(text + len, v, vl);
            len += vl;
            text[len] = 0;
        }
        tt_tokenize(&g_sent, text);
        r = r * 1103515245u + 12345u;
        int32_t story = dy_days_from_ymd(1000 + (int)((r >> 16) % 2000),
                                         1 + (int)(r % 12), 1 + (int)(r % 28));
        size_t k = dy_timex_find(g_sent.tok, g_sent.n, story, (int)(r & 1),
                                 tx, DY_ARRAY_LEN(tx));
        uint32_t prev = 0;
        for (size_t q = 0; q < k; q++) {
            if (tx[q].tok0 < prev || tx[q].tok0 >= tx[q].tok1 ||
                tx[q].tok1 > g_sent.n || tx[q].precision < DY_PREC_DAY ||
                tx[q].precision > DY_PREC_YEAR) {
                CHECK(!"bad span");
                fprintf(stderr, "    in: %s\n", text);
                break;
            }
            prev = tx[q].tok1;
        }
        int p = dy_timex_pick(g_sent.tok, g_sent.n, tx, k, DY_TX_MAIN);
        if (p >= (int)k)
            CHECK(!"pick out of range");
        if (g_sent.n)
            (void)dy_timex_pick(g_sent.tok, g_sent.n, tx, k,
                                (size_t)(r % g_sent.n));
        for (size_t i = 0; i < g_sent.n; i += 3)
            (void)dy_timex_tense(g_sent.tok, g_sent.n, i);
        /* the same text, and random bytes, as a dateline */
        int32_t days;
        size_t pb, pl;
        size_t got = dy_dateline_parse(text, len, story, &days, &pb, &pl);
        if (got > len || pb + pl > len)
            CHECK(!"dateline out of range");
        for (size_t i = 0; i < 64; i++) {
            r = r * 1103515245u + 12345u;
            static const char alpha[] = "KYIV, Jan3(Reuters)-: "
                                        "\xE2\x80\x94" "AP0129";
            text[i] = alpha[(r >> 16) % (sizeof alpha - 1)];
        }
        got = dy_dateline_parse(text, (size_t)(r % 64), story, &days, &pb,
                                &pl);
        if (got > 64 || pb + pl > 64)
            CHECK(!"dateline out of range");
    }
    CHECK_INT(dy_dateline_parse(NULL, 0, 0, NULL, NULL, NULL), 0);
}

void suite_timex(void)
{
    test_random();
    test_cases();
    test_spans();
    test_tense();
    test_pick();
    test_dateline();
    test_tsv();
}
