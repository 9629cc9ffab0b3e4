/* test_reader.c - input records through the public reader API
 * (dyad_reader_open / dyad_reader_next, src/reader.c): JSON lines with bad
 * records, limits, blank lines, CRLF and a byte-order mark; plain text;
 * PETRARCH XML; missing files. Input files are written to a temporary
 * folder; their content is made up here. */
#include "../../src/dy.h"
#include "th.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char rd_dir[64];
static char rd_path[128];
static int rd_nfiles;

/* Write n bytes to a new file in the temporary folder; returns its path
 * (valid until the next call). */
static const char *wfile(const char *name, const char *data, size_t n)
{
    snprintf(rd_path, sizeof rd_path, "%s/%s", rd_dir, name);
    FILE *f = fopen(rd_path, "wb");
    if (!f)
        return rd_path;
    fwrite(data, 1, n, f);
    fclose(f);
    rd_nfiles++;
    return rd_path;
}

static const char *wstr(const char *name, const char *data)
{
    return wfile(name, data, strlen(data));
}

/* Expected outcome of one dyad_reader_next call. */
typedef struct want {
    int status;
    const char *id;         /* OK: the id (NULL = none)                      */
    const char *text;       /* OK: the text; else a part of the message     */
    long line;              /* OK: rec.line; else 0 or the ":LINE:" in msg  */
} want;

static void expect(dyad_reader *r, const want *w, size_t nw)
{
    dyad_input in = {0};
    for (size_t i = 0; i < nw; i++) {
        memset(&in, 0x5A, sizeof in);
        int s = dyad_reader_next(r, &in);
        CHECK_INT(s, w[i].status);
        if (s != w[i].status) {
            fprintf(stderr, "    (record %zu: %s)\n", i, dyad_reader_errmsg(r));
            continue;
        }
        if (s == DYAD_OK) {
            if (w[i].id)
                CHECK_STR(in.id, w[i].id);
            else
                CHECK(in.id == NULL);
            CHECK_INT(in.text_len, strlen(w[i].text));
            CHECK(in.text && memcmp(in.text, w[i].text, in.text_len) == 0);
            CHECK_INT(in.line, w[i].line);
        } else if (s != DYAD_END) {
            const char *msg = dyad_reader_errmsg(r);
            CHECK(strstr(msg, w[i].text) != NULL);
            if (w[i].line) {
                char tag[32];
                snprintf(tag, sizeof tag, ":%ld:", w[i].line);
                CHECK(strstr(msg, tag) != NULL);
                if (!strstr(msg, tag))
                    fprintf(stderr, "    (message: %s)\n", msg);
            }
        }
    }
}

static dyad_reader *open_ok(const char *path, dyad_input_format fmt, size_t max)
{
    dyad_reader *r = NULL;
    CHECK_INT(dyad_reader_open(&r, path, fmt, max), DYAD_OK);
    CHECK(r != NULL);
    return r;
}

static void test_jsonl_bad_records(void)
{
    const char *p = wstr("a.jsonl",
        "{\"id\":\"a\",\"date\":\"2022-01-10\",\"text\":\"One.\"}\n"     /* 1 */
        "{\"id\":\"b\" \"text\":\"x\"}\n"                              /* 2 */
        "\n"                                                           /* 3 */
        "   \t \n"                                                     /* 4 */
        "{\"id\":\"c\",\"text\":\"Two.\",\"date\":null}\n"             /* 5 */
        "[1,2]\n"                                                      /* 6 */
        "{\"id\":\"d\"}\n"                                             /* 7 */
        "{\"id\":\"e\",\"text\":\"x\",\"date\":\"2022-13-01\"}\n"      /* 8 */
        "{\"id\":7,\"text\":\"Three.\",\"date\":\"2022-01-10T10:00:00Z\",\"source\":\"AP\"}\n" /* 9 */
        "{\"id\":\"f\",\"text\":5}\n"                                  /* 10 */
        "{\"id\":\"g\",\"text\":\"x\",\"date\":20220110}\n"            /* 11 */
        "{\"id\":\"h\",\"text\":\"x\",\"date\":\"Jan 10\"}\n"          /* 12 */
        "not json at all\n"                                            /* 13 */
        "{\"text\":\"No id.\"}\n"                                      /* 14 */
        "{\"id\":\"i\",\"text\":\"trailing\"} junk\n"                  /* 15 */
        "{\"id\":\"j\",\"event_text\":\"Alt.\",\"pub_date\":\"2021-12-31\"}\n" /* 16 */
        "{\"id\":\"k\",\"text\":\"Esc\\u00e9 \\\"q\\\"\\n2\"}");       /* 17, no newline */
    dyad_reader *r = open_ok(p, DYAD_IN_AUTO, 0);
    if (!r)
        return;
    const want w[] = {
        {DYAD_OK, "a", "One.", 1},
        {DYAD_EINPUT, NULL, "bad JSON (column 11", 2},
        {DYAD_OK, "c", "Two.", 5},
        {DYAD_EINPUT, NULL, "not a JSON object", 6},
        {DYAD_EINPUT, NULL, "no \"text\"", 7},
        {DYAD_EINPUT, NULL, "bad \"date\"", 8},
        {DYAD_OK, "7", "Three.", 9},
        {DYAD_EINPUT, NULL, "no \"text\"", 10},
        {DYAD_EINPUT, NULL, "bad \"date\"", 11},
        {DYAD_EINPUT, NULL, "bad \"date\"", 12},
        {DYAD_EINPUT, NULL, "bad JSON", 13},
        {DYAD_OK, NULL, "No id.", 14},
        {DYAD_EINPUT, NULL, "trailing characters", 15},
        {DYAD_OK, "j", "Alt.", 16},
        {DYAD_OK, "k", "Esc\xC3\xA9 \"q\"\n2", 17},
        {DYAD_END, NULL, "", 0},
        {DYAD_END, NULL, "", 0},
    };
    expect(r, w, DY_ARRAY_LEN(w));
    dyad_reader_free(r);

    /* the other fields */
    r = open_ok(p, DYAD_IN_JSONL, 0);
    if (!r)
        return;
    dyad_input in = {0};
    CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
    CHECK_STR(in.date, "2022-01-10");
    CHECK(in.source == NULL && in.url == NULL && in.title == NULL);
    CHECK_INT(dyad_reader_next(r, &in), DYAD_EINPUT);
    /* the message names the file */
    CHECK(strstr(dyad_reader_errmsg(r), "a.jsonl:2:") != NULL);
    CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
    CHECK(in.date == NULL);
    CHECK_INT(dyad_reader_next(r, &in), DYAD_EINPUT);
    CHECK_INT(dyad_reader_next(r, &in), DYAD_EINPUT);
    CHECK_INT(dyad_reader_next(r, &in), DYAD_EINPUT);
    CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
    CHECK_STR(in.date, "2022-01-10"); /* time of day cut off */
    CHECK_STR(in.source, "AP");
    dyad_reader_free(r);

    p = wstr("b.jsonl", "{\"id\":\"u\",\"text\":\"T.\",\"url\":\"http://x.example/1\","
                        "\"title\":\"Head\",\"source\":\"Zembla Times\"}\n");
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.url, "http://x.example/1");
        CHECK_STR(in.title, "Head");
        CHECK_STR(in.source, "Zembla Times");
        CHECK_INT(dyad_reader_next(r, &in), DYAD_END);
        dyad_reader_free(r);
    }
}

static void test_jsonl_crlf_bom(void)
{
    const char *p = wstr("crlf.jsonl",
                         "{\"id\":\"a\",\"text\":\"One.\"}\r\n"
                         "\r\n"
                         "{\"id\":\"b\",\"text\":\"Two.\"}\r\n"
                         "{\"id\":\"c\",\"text\":\"Three.\"}\r");
    dyad_reader *r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        const want w[] = {{DYAD_OK, "a", "One.", 1},
                          {DYAD_OK, "b", "Two.", 3},
                          {DYAD_OK, "c", "Three.", 4},
                          {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* blank lines and white space before the first record */
    p = wstr("lead.jsonl", "\n\n  \n{\"id\":\"a\",\"text\":\"One.\"}\n\n\n");
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        const want w[] = {{DYAD_OK, "a", "One.", 4}, {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* a byte-order mark: recognised as JSON lines */
    p = wstr("bom.jsonl", "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One.\"}\n"
                          "{\"id\":\"b\",\"text\":\"Two.\"}\n");
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        dyad_input in = {0};
        int s = dyad_reader_next(r, &in);
        /* BUG: the format is recognised past the byte-order mark, but the
         * JSON-lines reader does not skip it: the first record fails with
         * "bad JSON (column 1: unexpected character)". */
#if 1 /* fixed */
        CHECK_INT(s, DYAD_OK);
        if (s == DYAD_OK)
            CHECK_STR(in.id, "a");
#endif
        (void)s;
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.id, "b");
        CHECK_INT(dyad_reader_next(r, &in), DYAD_END);
        dyad_reader_free(r);
    }
}

static void test_jsonl_limits(void)
{
    /* records larger than the limit are skipped, with their line, and the
     * stream goes on; records larger than the reader's 64 KiB buffer are
     * read whole when the limit allows */
    size_t big1 = 100000, big2 = 300000;
    size_t cap = big1 + big2 + 4096, m = 0;
    char *buf = malloc(cap);
    if (!buf)
        return;
    m += (size_t)sprintf(buf + m, "{\"id\":\"big1\",\"text\":\"");
    memset(buf + m, 'a', big1);
    m += big1;
    m += (size_t)sprintf(buf + m, "\"}\n{\"id\":\"small\",\"text\":\"b\"}\n");
    m += (size_t)sprintf(buf + m, "{\"id\":\"big2\",\"text\":\"");
    memset(buf + m, 'c', big2);
    m += big2;
    m += (size_t)sprintf(buf + m, "\"}\n{\"id\":\"end\",\"text\":\"d\"}\n");
    const char *p = wfile("big.jsonl", buf, m);
    dyad_reader *r = open_ok(p, DYAD_IN_AUTO, 200000);
    if (r) {
        dyad_input in = {0};
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.id, "big1");
        CHECK_INT(in.text_len, big1);
        CHECK(in.text_len == big1 && in.text[0] == 'a' && in.text[big1 - 1] == 'a');
        const want w[] = {{DYAD_OK, "small", "b", 2},
                          {DYAD_ELIMIT, NULL, "longer than 200000 bytes", 3},
                          {DYAD_OK, "end", "d", 4},
                          {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* a small limit */
    r = open_ok(p, DYAD_IN_JSONL, 64);
    if (r) {
        const want w[] = {{DYAD_ELIMIT, NULL, "longer than 64 bytes", 1},
                          {DYAD_OK, "small", "b", 2},
                          {DYAD_ELIMIT, NULL, "skipped", 3},
                          {DYAD_OK, "end", "d", 4},
                          {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* exactly at the limit is allowed */
    const char *rec = "{\"id\":\"x\",\"text\":\"exact\"}";
    p = wstr("exact.jsonl", "{\"id\":\"x\",\"text\":\"exact\"}\n");
    r = open_ok(p, DYAD_IN_JSONL, strlen(rec));
    if (r) {
        const want w[] = {{DYAD_OK, "x", "exact", 1}, {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    r = open_ok(p, DYAD_IN_JSONL, strlen(rec) - 1);
    if (r) {
        const want w[] = {{DYAD_ELIMIT, NULL, "skipped", 1}, {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* many records: lines keep counting across buffer refills */
    m = 0;
    for (int i = 0; i < 5000; i++)
        m += (size_t)sprintf(buf + m, "{\"id\":\"r%d\",\"text\":\"Text %d.\"}\n", i, i);
    p = wfile("many.jsonl", buf, m);
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        dyad_input in = {0};
        int ok = 1, k = 0;
        while (dyad_reader_next(r, &in) == DYAD_OK) {
            char id[16];
            snprintf(id, sizeof id, "r%d", k);
            if (strcmp(in.id, id) != 0 || in.line != k + 1)
                ok = 0;
            k++;
        }
        CHECK(ok);
        CHECK_INT(k, 5000);
        dyad_reader_free(r);
    }
    free(buf);
}

static void test_text(void)
{
    const char *body = "Zembla shells border towns\n\nThe attack killed 12 people.\n";
    const char *p = wstr("story.txt", body);
    dyad_reader *r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        const want w[] = {{DYAD_OK, "story.txt", body, 1},
                          {DYAD_END, NULL, "", 0},
                          {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* an explicit format wins over the content */
    const char *js = "{\"id\":\"a\",\"text\":\"One.\"}\n";
    p = wstr("forced.jsonl", js);
    r = open_ok(p, DYAD_IN_TEXT, 0);
    if (r) {
        const want w[] = {{DYAD_OK, "forced.jsonl", js, 1}, {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* text starting with '<' that is not PETRARCH XML */
    const char *html = "<p>Troops withdrew.</p>\n";
    p = wstr("page.txt", html);
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        const want w[] = {{DYAD_OK, "page.txt", html, 1}, {DYAD_END, NULL, "", 0}};
        expect(r, w, DY_ARRAY_LEN(w));
        dyad_reader_free(r);
    }
    /* a large article across buffer refills, and one over the limit */
    size_t n = 150000;
    char *big = malloc(n);
    if (big) {
        for (size_t i = 0; i < n; i++)
            big[i] = (char)('a' + i % 26);
        p = wfile("big.txt", big, n);
        r = open_ok(p, DYAD_IN_AUTO, 0);
        if (r) {
            dyad_input in = {0};
            CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
            CHECK_INT(in.text_len, n);
            CHECK(in.text_len == n && memcmp(in.text, big, n) == 0);
            CHECK_INT(dyad_reader_next(r, &in), DYAD_END);
            dyad_reader_free(r);
        }
        r = open_ok(p, DYAD_IN_AUTO, 1000);
        if (r) {
            const want w[] = {{DYAD_ELIMIT, NULL, "larger than 1000 bytes", 0},
                              {DYAD_END, NULL, "", 0}};
            expect(r, w, DY_ARRAY_LEN(w));
            dyad_reader_free(r);
        }
        free(big);
    }
}

static void test_petrarch_xml(void)
{
    const char *p = wstr("p.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                   /* 1 */
        "<Sentences>\n"                                                  /* 2 */
        "<Sentence date=\"20220110\" id=\"DOC-1\" sentence=\"True\">\n"  /* 3 */
        "<Text>\n"                                                       /* 4 */
        "Zembla &amp; Quuxia held talks in\n"                            /* 5 */
        "Geneva on &quot;security&quot; &#233;t&#xE9; &lt;ok&gt;.\n"     /* 6 */
        "</Text>\n"                                                      /* 7 */
        "<Parse>(ROOT (S (NP Zembla)))</Parse>\n"                        /* 8 */
        "</Sentence>\n"                                                  /* 9 */
        "<Sentence date=\"2022011\" id=\"DOC-2\">\n"                     /* 10 */
        "<Text>Bad date.</Text>\n"                                       /* 11 */
        "</Sentence>\n"                                                  /* 12 */
        "<Sentence date=\"20220111\" id=\"DOC-3\">\n"                    /* 13 */
        "<Parse>no text</Parse>\n"                                       /* 14 */
        "</Sentence>\n"                                                  /* 15 */
        "<Sentence date=\"20220112\" id=\"DOC-4\"><Text>One line.</Text></Sentence>\n" /* 16 */
        "<Sentence id='DOC-5' date='20220113'>\n"                        /* 17 */
        "<Text>Single &apos;quotes&apos; &unknown; AT&T</Text>\n"        /* 18 */
        "</Sentence>\n"                                                  /* 19 */
        "<Sentence date=\"2022-01-14\" id=\"DOC-6\">\r\n"                /* 20 */
        "<Text>  CRLF\r\n  lines  </Text>\r\n"                           /* 21 */
        "</Sentence>\r\n"                                                /* 22 */
        "</Sentences>\n");
    dyad_reader *r = open_ok(p, DYAD_IN_AUTO, 0);
    if (!r)
        return;
    const want w[] = {
        {DYAD_OK, "DOC-1",
         "Zembla & Quuxia held talks in Geneva on \"security\" \xC3\xA9t\xC3\xA9 <ok>.", 3},
        {DYAD_EINPUT, NULL, "bad date", 10},
        {DYAD_EINPUT, NULL, "without <Text>", 13},
        {DYAD_OK, "DOC-4", "One line.", 16},
        {DYAD_OK, "DOC-5", "Single 'quotes' &unknown; AT&T", 17},
        {DYAD_OK, "DOC-6", "CRLF lines", 20},
        {DYAD_END, NULL, "", 0},
    };
    expect(r, w, DY_ARRAY_LEN(w));
    dyad_reader_free(r);

    /* dates: YYYYMMDD becomes YYYY-MM-DD */
    r = open_ok(p, DYAD_IN_PETRXML, 0);
    if (r) {
        dyad_input in = {0};
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.date, "2022-01-10");
        dyad_reader_free(r);
    }

    /* an element not closed at the end of the file */
    p = wstr("open.xml", "<Sentence date=\"20220110\" id=\"X\">\n<Text>never closed\n");
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        const want w2[] = {{DYAD_EINPUT, NULL, "not closed", 1}, {DYAD_END, NULL, "", 0}};
        expect(r, w2, DY_ARRAY_LEN(w2));
        dyad_reader_free(r);
    }

    /* a multi-line element over the limit is skipped, the next one read */
    char text[400];
    memset(text, 'x', 300);
    text[300] = 0;
    char buf[1200];
    snprintf(buf, sizeof buf,
             "<Sentence id=\"A\" date=\"20220110\">\n<Text>%s\n%s</Text>\n</Sentence>\n"
             "<Sentence id=\"B\" date=\"20220110\">\n<Text>Short.</Text>\n</Sentence>\n",
             text, text);
    p = wstr("long.xml", buf);
    r = open_ok(p, DYAD_IN_AUTO, 400);
    if (r) {
        const want w3[] = {{DYAD_ELIMIT, NULL, "larger than 400 bytes", 1},
                           {DYAD_OK, "B", "Short.", 5},
                           {DYAD_END, NULL, "", 0}};
        expect(r, w3, DY_ARRAY_LEN(w3));
        dyad_reader_free(r);
    }

    /* a one-line element over the limit */
    snprintf(buf, sizeof buf,
             "<Sentence id=\"A\" date=\"20220110\"><Text>%s</Text></Sentence>\n"
             "<Sentence id=\"B\" date=\"20220110\"><Text>Short.</Text></Sentence>\n",
             text);
    p = wstr("line.xml", buf);
    r = open_ok(p, DYAD_IN_AUTO, 100);
    if (r) {
        dyad_input in = {0};
        int s1 = dyad_reader_next(r, &in);
        CHECK_INT(s1, DYAD_ELIMIT);
        /* BUG: when the opening line of an element is itself longer than
         * the limit, next_xml sets its too-long flag before it has seen
         * "<Sentence", drops that element without a message and reports the
         * NEXT element (here B, line 2, 64 bytes) as too long: A is
         * reported at line 2 and B is lost. */
#if 1 /* fixed */
        CHECK(strstr(dyad_reader_errmsg(r), ":1:") != NULL);
        memset(&in, 0, sizeof in);
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.id, "B");
#endif
        dyad_reader_free(r);
    }
}

static void test_petrarch_layout(void)
{
    /* elements that share a line with other elements */
    const char *p = wstr("oneline.xml",
                         "<Sentences><Sentence id=\"1\" date=\"20220110\"><Text>A.</Text>"
                         "</Sentence><Sentence id=\"2\" date=\"20220111\"><Text>B.</Text>"
                         "</Sentence></Sentences>\n");
    dyad_reader *r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        dyad_input in = {0};
        int s = dyad_reader_next(r, &in);
        /* BUG: next_xml looks for "<Sentence" once per line and skips the
         * whole line when the first match is "<Sentences>"; an element
         * that starts on the line where another one ends is dropped too.
         * A PETRARCH file written on one line yields no record at all, and
         * no error: the first call returns DYAD_END. */
#if 1 /* fixed */
        CHECK_INT(s, DYAD_OK);
        if (s == DYAD_OK)
            CHECK_STR(in.id, "1");
        memset(&in, 0, sizeof in);
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.id, "2");
#endif
        CHECK(s == DYAD_OK || s == DYAD_END);
        dyad_reader_free(r);
    }
    p = wstr("shared.xml", "<Sentence id=\"1\" date=\"20220110\">\n<Text>A.</Text>\n"
                           "</Sentence><Sentence id=\"2\" date=\"20220111\">\n"
                           "<Text>B.</Text>\n</Sentence>\n");
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        dyad_input in = {0};
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.id, "1");
        CHECK_STR(in.text, "A.");
#if 1   /* fixed BUG: see above; record 2 is lost and the next call is DYAD_END */
        memset(&in, 0, sizeof in);
        CHECK_INT(dyad_reader_next(r, &in), DYAD_OK);
        CHECK_STR(in.id, "2");
#endif
        dyad_reader_free(r);
    }
}

static void test_missing_and_args(void)
{
    dyad_reader *r = (dyad_reader *)1;
    int s = dyad_reader_open(&r, "/nonexistent-dyad-dir/none.jsonl", DYAD_IN_AUTO, 0);
    CHECK_INT(s, DYAD_EIO);
    if (r) {
        CHECK(strstr(dyad_reader_errmsg(r), "/nonexistent-dyad-dir/none.jsonl") != NULL);
        CHECK(strstr(dyad_reader_errmsg(r), "cannot open") != NULL);
        dyad_input in = {0};
        CHECK_INT(dyad_reader_next(r, &in), DYAD_EIO);
        CHECK_INT(dyad_reader_next(r, &in), DYAD_EIO);
    }
    dyad_reader_free(r);
    /* a folder is not a readable record file */
    r = NULL;
    s = dyad_reader_open(&r, rd_dir, DYAD_IN_AUTO, 0);
    if (s == DYAD_OK && r) {
        dyad_input in = {0};
        CHECK_INT(dyad_reader_next(r, &in), DYAD_EIO);
    } else {
        CHECK_INT(s, DYAD_EIO);
    }
    dyad_reader_free(r);
    CHECK_INT(dyad_reader_open(NULL, "x", DYAD_IN_AUTO, 0), DYAD_EINVAL);
    r = NULL;
    CHECK_INT(dyad_reader_open(&r, NULL, DYAD_IN_AUTO, 0), DYAD_EINVAL);
    CHECK(r == NULL);
    CHECK_INT(dyad_reader_next(NULL, NULL), DYAD_EINVAL);
    dyad_reader_free(NULL);
    CHECK(dyad_reader_errmsg(NULL) != NULL);
    /* an empty file is one empty article */
    const char *p = wstr("empty.txt", "");
    r = open_ok(p, DYAD_IN_AUTO, 0);
    if (r) {
        dyad_input in = {0};
        int k = 0, st;
        while ((st = dyad_reader_next(r, &in)) == DYAD_OK && k < 3) {
            CHECK_INT(in.text_len, 0);
            k++;
        }
        CHECK_INT(st, DYAD_END);
        CHECK(k <= 1);
        dyad_reader_free(r);
    }
    /* an empty JSON-lines file has no records */
    p = wstr("empty.jsonl", "\n\n");
    r = open_ok(p, DYAD_IN_JSONL, 0);
    if (r) {
        dyad_input in = {0};
        CHECK_INT(dyad_reader_next(r, &in), DYAD_END);
        dyad_reader_free(r);
    }
}

static void test_fault(void)
{
    const char *p = wstr("fault.jsonl",
                         "{\"id\":\"a\",\"text\":\"One \\u00e9.\"}\n"
                         "bad\n"
                         "{\"id\":\"b\",\"text\":\"Two.\"}\n");
    long n;
    for (n = 0; n < 100; n++) {
        dyad_reader *r = NULL;
        dy_fault_after(n);
        int s = dyad_reader_open(&r, p, DYAD_IN_AUTO, 0);
        int got = 0, st = s;
        dyad_input in = {0};
        while (s == DYAD_OK) {
            st = dyad_reader_next(r, &in);
            if (st == DYAD_OK)
                got++;
            if (st == DYAD_END || st == DYAD_ENOMEM || st == DYAD_EIO)
                break;
        }
        dy_fault_after(-1);
        CHECK(s == DYAD_OK || s == DYAD_ENOMEM);
        CHECK(st == DYAD_END || st == DYAD_ENOMEM);
        dyad_reader_free(r);
        if (s == DYAD_OK && st == DYAD_END && got == 2)
            break;
    }
    CHECK(n > 0 && n < 100);
}

static void cleanup(void)
{
    static const char *names[] = {
        "a.jsonl", "b.jsonl", "crlf.jsonl", "lead.jsonl", "bom.jsonl",
        "big.jsonl", "exact.jsonl", "many.jsonl", "story.txt", "forced.jsonl",
        "page.txt", "big.txt", "p.xml", "open.xml", "long.xml", "line.xml",
        "empty.txt", "empty.jsonl", "fault.jsonl", "oneline.xml", "shared.xml"};
    char path[160];
    for (size_t i = 0; i < DY_ARRAY_LEN(names); i++) {
        snprintf(path, sizeof path, "%s/%s", rd_dir, names[i]);
        unlink(path);
    }
    rmdir(rd_dir);
}

void suite_reader(void)
{
    snprintf(rd_dir, sizeof rd_dir, "/tmp/dyad-test-rd-XXXXXX");
    if (!mkdtemp(rd_dir)) {
        th_skip("cannot create a temporary folder");
        return;
    }
    test_jsonl_bad_records();
    test_jsonl_crlf_bom();
    test_jsonl_limits();
    test_text();
    test_petrarch_xml();
    test_petrarch_layout();
    test_missing_and_args();
    test_fault();
    cleanup();
}
