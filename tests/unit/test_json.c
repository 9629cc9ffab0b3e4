/* test_json.c - the JSON reader (src/json.c): values, escapes, surrogate
 * pairs, \u0000, numbers, the nesting limit, trailing garbage, and error
 * messages with their column. */
#include "../../src/json.h"
#include "th.h"

#include <stdio.h>
#include <stdlib.h>

static dy_arena js_arena;
static char js_err[160];

static dy_json *parse(const char *s)
{
    dy_arena_reset(&js_arena);
    memset(js_err, 'x', sizeof js_err - 1);
    js_err[sizeof js_err - 1] = 0;
    return dy_json_parse(s, strlen(s), &js_arena, js_err);
}

/* The error message for s, or "OK". */
static const char *err_of(const char *s)
{
    dy_json *j = parse(s);
    if (j) {
        CHECK_STR(js_err, "");
        return "OK";
    }
    return js_err;
}

/* The decoded string value of s (a JSON string). */
static const char *str_of(const char *s, size_t *n)
{
    dy_json *j = parse(s);
    if (!j || j->type != JS_STR)
        return "(not a string)";
    if (n)
        *n = j->n;
    CHECK_INT(strlen(j->s), j->n); /* NUL-terminated, no inner NUL */
    return j->s;
}

static void test_values(void)
{
    dy_json *j = parse(" {\"id\": \"a1\", \"n\": -12.5e+3, \"ok\": true, "
                       "\"no\": false, \"nil\": null, \"list\": [1, [2, 3], {}],"
                       " \"obj\": {\"k\": \"v\"}} \r\n\t");
    CHECK(j != NULL);
    if (!j)
        return;
    CHECK_INT(j->type, JS_OBJ);
    CHECK_INT(j->n, 7);
    CHECK_STR(dy_json_str(j, "id", NULL), "a1");
    size_t len = 99;
    CHECK_STR(dy_json_str(j, "id", &len), "a1");
    CHECK_INT(len, 2);
    CHECK(dy_json_str(j, "obj", NULL) == NULL);  /* not a string */
    CHECK(dy_json_str(j, "n", NULL) == NULL);
    CHECK(dy_json_str(j, "missing", NULL) == NULL);
    const dy_json *n = dy_json_get(j, "n");
    CHECK(n && n->type == JS_NUM);
    if (n) {
        CHECK_STR(n->s, "-12.5e+3");
        CHECK_INT(n->n, 8);
    }
    CHECK(dy_json_get(j, "ok") && dy_json_get(j, "ok")->type == JS_TRUE);
    CHECK(dy_json_get(j, "no") && dy_json_get(j, "no")->type == JS_FALSE);
    CHECK(dy_json_get(j, "nil") && dy_json_get(j, "nil")->type == JS_NULL);
    const dy_json *l = dy_json_get(j, "list");
    CHECK(l && l->type == JS_ARR && l->n == 3);
    if (l && l->child && l->child->next) {
        CHECK_STR(l->child->s, "1");
        CHECK(l->child->key == NULL);
        const dy_json *inner = l->child->next;
        CHECK(inner->type == JS_ARR && inner->n == 2);
        CHECK(inner->next && inner->next->type == JS_OBJ && inner->next->n == 0);
        CHECK(inner->next && inner->next->next == NULL);
    }
    const dy_json *o = dy_json_get(j, "obj");
    CHECK_STR(dy_json_str(o, "k", NULL), "v");
    /* members keep their order and keys */
    const char *keys[] = {"id", "n", "ok", "no", "nil", "list", "obj"};
    size_t i = 0;
    for (const dy_json *c = j->child; c; c = c->next, i++)
        if (i < 7)
            CHECK(c->keylen == strlen(keys[i]) && memcmp(c->key, keys[i], c->keylen) == 0);
    CHECK_INT(i, 7);
    /* dy_json_get on non-objects and NULL */
    CHECK(dy_json_get(l, "k") == NULL);
    CHECK(dy_json_get(NULL, "k") == NULL);
    CHECK(dy_json_str(NULL, "k", NULL) == NULL);
    /* the first of duplicate keys */
    j = parse("{\"a\":\"1\",\"a\":\"2\"}");
    CHECK_STR(dy_json_str(j, "a", NULL), "1");
    /* scalars at the top */
    CHECK(parse("true") && parse("true")->type == JS_TRUE);
    CHECK(parse(" null ") && parse(" null ")->type == JS_NULL);
    CHECK(parse("[]") && parse("[]")->n == 0);
    CHECK(parse("{ }") && parse("{ }")->type == JS_OBJ);
    /* length, not NUL, ends the input */
    dy_arena_reset(&js_arena);
    j = dy_json_parse("[1,2]garbage", 5, &js_arena, js_err);
    CHECK(j && j->n == 2);
}

static void test_strings(void)
{
    size_t n = 0;
    CHECK_STR(str_of("\"plain text\"", &n), "plain text");
    CHECK_INT(n, 10);
    CHECK_STR(str_of("\"\"", &n), "");
    CHECK_INT(n, 0);
    CHECK_STR(str_of("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"", NULL), "q\" b\\ s/ \b\f\n\r\t");
    CHECK_STR(str_of("\"\\u0041\\u00e9\\u20AC\"", &n), "A\xC3\xA9\xE2\x82\xAC");
    CHECK_INT(n, 6);
    /* a surrogate pair is one 4-byte character */
    CHECK_STR(str_of("\"x\\ud83d\\ude00y\"", &n), "x\xF0\x9F\x98\x80y");
    CHECK_INT(n, 6);
    CHECK_STR(str_of("\"\\uD834\\uDD1E\"", NULL), "\xF0\x9D\x84\x9E");
    /* lone surrogates become U+FFFD */
    CHECK_STR(str_of("\"\\ud83d\"", NULL), "\xEF\xBF\xBD");
    CHECK_STR(str_of("\"\\ud83dx\"", NULL), "\xEF\xBF\xBDx");
    CHECK_STR(str_of("\"\\ude00\"", NULL), "\xEF\xBF\xBD");
    CHECK_STR(str_of("\"\\ud83d\\u0041\"", NULL), "\xEF\xBF\xBD" "A");
    /* \u0000 becomes a space: strings stay C strings */
    CHECK_STR(str_of("\"a\\u0000b\"", &n), "a b");
    CHECK_INT(n, 3);
    /* raw UTF-8 passes through */
    CHECK_STR(str_of("\"Zembla \xE2\x80\x94 Z\xC3\xBCrich\"", NULL),
              "Zembla \xE2\x80\x94 Z\xC3\xBCrich");
    /* escaped keys */
    dy_json *j = parse("{\"t\\u0065xt\": \"v\"}");
    CHECK_STR(dy_json_str(j, "text", NULL), "v");
    /* a long string, fast and slow path */
    char *big = malloc(200010);
    if (big) {
        big[0] = '"';
        memset(big + 1, 'a', 200000);
        big[200001] = '"';
        big[200002] = 0;
        CHECK_INT(strlen(str_of(big, &n)), 200000);
        big[100000] = '\\';
        big[100001] = 'n';
        const char *s = str_of(big, &n);
        CHECK_INT(n, 199999);
        CHECK(n == 199999 && s[99999] == '\n' && s[100000] == 'a');
        free(big);
    }
}

static void test_numbers(void)
{
    const char *good[] = {"0", "-0", "7", "-12", "3.25", "1e5", "1E5", "1e+5",
                          "2.5e-3", "-0.0", "123456789012345678901234567890"};
    for (size_t i = 0; i < DY_ARRAY_LEN(good); i++) {
        dy_json *j = parse(good[i]);
        CHECK(j && j->type == JS_NUM);
        if (j)
            CHECK_STR(j->s, good[i]);
    }
    CHECK_STR(err_of("-"), "column 2: bad number");
    CHECK_STR(err_of("-x"), "column 2: bad number");
    CHECK_STR(err_of("+1"), "column 1: unexpected character");
    CHECK_STR(err_of(".5"), "column 1: unexpected character");
    CHECK_STR(err_of("NaN"), "column 1: unexpected character");
    CHECK_STR(err_of("[1,-]"), "column 5: bad number");
    /* BUG: numbers are not checked against the RFC 8259 grammar (json.c
     * calls itself strict): any run of digits . e E + - after the first
     * digit is accepted, so "01", "1.", "1.2.3", "1e", "1-2" and "2e+-3"
     * parse as numbers. */
#if 1 /* fixed */
    const char *bad[] = {"01", "-01", "1.", "1.e5", "1.2.3", "1e", "1e+",
                         "1-2", "2e+-3", "1E5E5"};
    for (size_t i = 0; i < DY_ARRAY_LEN(bad); i++)
        CHECK(parse(bad[i]) == NULL);
#endif
}

static void test_errors(void)
{
    CHECK_STR(err_of(""), "column 1: unexpected end of input");
    CHECK_STR(err_of("   "), "column 4: unexpected end of input");
    CHECK_STR(err_of("{\"a\":1,}"), "column 8: expected a member name");
    CHECK_STR(err_of("{1:2}"), "column 2: expected a member name");
    CHECK_STR(err_of("{\"a\" 1}"), "column 6: expected ':'");
    CHECK_STR(err_of("{\"a\":}"), "column 6: unexpected character");
    CHECK_STR(err_of("{\"a\":1 \"b\":2}"), "column 8: expected ',' or '}'");
    CHECK_STR(err_of("{\"a\":1"), "column 7: unterminated object");
    CHECK_STR(err_of("[1,2"), "column 5: unterminated array");
    CHECK_STR(err_of("[1 2]"), "column 4: expected ',' or ']'");
    CHECK_STR(err_of("[1,]"), "column 4: unexpected character");
    CHECK_STR(err_of("["), "column 2: unexpected end of input");
    CHECK_STR(err_of("\"abc"), "column 5: unterminated string");
    CHECK_STR(err_of("\"ab\\"), "column 4: unterminated string");
    CHECK_STR(err_of("\"a\tb\""), "column 3: control character in string");
    CHECK_STR(err_of("\"a\nb\""), "column 3: control character in string");
    CHECK_STR(err_of("\"\\u12\""), "column 4: bad \\u escape");
    CHECK_STR(err_of("\"\\uZZZZ\""), "column 4: bad \\u escape");
    CHECK_STR(err_of("\"\\u00"), "column 4: bad \\u escape");
    CHECK_STR(err_of("tru"), "column 1: unexpected character");
    CHECK_STR(err_of("nul"), "column 1: unexpected character");
    CHECK_STR(err_of("True"), "column 1: unexpected character");
    CHECK_STR(err_of("'a'"), "column 1: unexpected character");
    /* trailing garbage */
    CHECK_STR(err_of("{\"a\":1} x"), "column 9: trailing characters after the value");
    CHECK_STR(err_of("truex"), "column 5: trailing characters after the value");
    CHECK_STR(err_of("[1][2]"), "column 4: trailing characters after the value");
    CHECK_STR(err_of("1 2"), "column 3: trailing characters after the value");
    CHECK_STR(err_of("{}\x01"), "column 3: trailing characters after the value");
    /* an error deep inside reports its own column */
    CHECK_STR(err_of("{\"a\": [1, 2, {\"b\": nope}]}"), "column 20: unexpected character");
    /* the message always fits in 160 bytes */
    CHECK(strlen(err_of("[\"x\" 1]")) < 160);
    /* the bad escape is reported */
    const char *e = err_of("\"a\\qb\"");
    CHECK(strstr(e, "bad escape in string") != NULL);
    /* BUG (minor): the column of a bad escape is the character after it
     * (column 5, the 'b' of "a\qb"), not the escape itself (3 or 4). */
#if 1 /* fixed */
    CHECK(strcmp(e, "column 3: bad escape in string") == 0 ||
          strcmp(e, "column 4: bad escape in string") == 0);
#endif
}

static void test_nesting(void)
{
    char buf[20100];
    /* 64 levels are allowed */
    memset(buf, '[', 64);
    memset(buf + 64, ']', 64);
    buf[128] = 0;
    CHECK_STR(err_of(buf), "OK");
    memset(buf, 0, sizeof buf);
    for (int i = 0; i < 32; i++)
        memcpy(buf + 5 * i, "{\"a\":", 5);
    buf[160] = '1';
    memset(buf + 161, '}', 32);
    buf[193] = 0;
    CHECK_STR(err_of(buf), "OK");
    /* 65 are not */
    memset(buf, '[', 65);
    memset(buf + 65, ']', 65);
    buf[130] = 0;
    CHECK_STR(err_of(buf), "column 65: nested too deeply");
    /* mixed, and far too deep: no stack overflow, an error */
    for (int i = 0; i < 3000; i++)
        memcpy(buf + 6 * i, "[{\"a\":", 6);
    buf[18000] = 0;
    CHECK(parse(buf) == NULL);
    CHECK(strstr(js_err, "nested too deeply") != NULL);
    memset(buf, '[', 20000);
    CHECK(parse(buf) == NULL);
    CHECK(strstr(js_err, "nested too deeply") != NULL);
    /* siblings do not add up: 1000 arrays side by side at depth 2 */
    size_t m = 0;
    buf[m++] = '[';
    for (int i = 0; i < 1000; i++) {
        memcpy(buf + m, "[[]],", 5);
        m += 5;
    }
    buf[m - 1] = ']';
    buf[m] = 0;
    dy_json *j = parse(buf);
    CHECK(j && j->n == 1000);
}

static void test_memory(void)
{
    /* many short strings with escapes */
    size_t cnt = 3000, m = 0;
    size_t cap = cnt * 8 + 16;
    char *buf = malloc(cap);
    if (!buf)
        return;
    buf[m++] = '[';
    for (size_t i = 0; i < cnt; i++) {
        memcpy(buf + m, "\"a\\n\",", 6);
        m += 6;
    }
    buf[m - 1] = ']';
    buf[m] = 0;
    dy_arena a;
    dy_arena_init(&a, 1 << 16);
    dy_json *j = dy_json_parse(buf, m, &a, js_err);
    CHECK(j && j->n == cnt);
    if (j && j->child)
        CHECK_STR(j->child->s, "a\n");
    /* BUG: every string with an escape reserves room for the whole rest of
     * the input (string(): dy_arena_alloc(p->n - start + 1)), so memory
     * grows with the square of the record size: 3000 escaped strings in an
     * 18 KB record take about 27 MB of arena (a 1 MB record of them would
     * take gigabytes), against "memory is bounded by the largest record". */
#if 1 /* fixed */
    CHECK(a.total < 64 * m + (1 << 20));
#endif
    dy_arena_free(&a);
    free(buf);
}

static void test_fault(void)
{
    const char *doc = "{\"id\":\"a\\u00e9\",\"text\":\"x\\ny\",\"list\":[1,2,[3]],"
                      "\"o\":{\"k\":null}}";
    long n;
    for (n = 0; n < 200; n++) {
        dy_arena a;
        dy_arena_init(&a, 64); /* small chunks: many allocations */
        char err[160];
        dy_fault_after(n);
        dy_json *j = dy_json_parse(doc, strlen(doc), &a, err);
        dy_fault_after(-1);
        if (j) {
            CHECK_STR(dy_json_str(j, "text", NULL), "x\ny");
            dy_arena_free(&a);
            break;
        }
        CHECK_STR(err + strcspn(err, ":"), ": out of memory");
        dy_arena_free(&a);
    }
    CHECK(n > 0 && n < 200);
}

void suite_json(void)
{
    dy_arena_init(&js_arena, 1 << 16);
    test_values();
    test_strings();
    test_numbers();
    test_errors();
    test_nesting();
    test_memory();
    test_fault();
    dy_arena_free(&js_arena);
}
