/* test_util.c - arenas, buffers, string tables, UTF-8, calendar. */
#include "../../src/dy.h"
#include "th.h"

static void test_calendar(void)
{
    int32_t d;
    CHECK_INT(dy_parse_date("2022-01-03", 10, &d), 0);
    CHECK_INT(dy_weekday(d), 0); /* Monday */
    char out[11];
    dy_format_date(d - 1, out);
    CHECK_STR(out, "2022-01-02");
    dy_format_date(dy_days_from_ymd(2000, 2, 29), out);
    CHECK_STR(out, "2000-02-29");
    CHECK_INT(dy_parse_date("2021-02-29", 10, &d), -1);
    CHECK_INT(dy_parse_date("2021-13-01", 10, &d), -1);
    CHECK_INT(dy_parse_date("2021-1-01", 9, &d), -1);
    CHECK_INT(dy_days_from_ymd(1970, 1, 1), 0);
    /* round trip over a wide range, and the open role bounds (INT32_MIN,
     * INT32_MAX) convert without overflow (UBSan checks this) */
    for (int32_t k = -800000; k <= 800000; k += 997) {
        int y, m, dd;
        dy_ymd_from_days(k, &y, &m, &dd);
        CHECK_INT(dy_days_from_ymd(y, m, dd), k);
    }
    int y, m, dd;
    dy_ymd_from_days(INT32_MAX, &y, &m, &dd);
    CHECK(y > 5000000 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31);
    dy_ymd_from_days(INT32_MIN, &y, &m, &dd);
    CHECK(y < -5000000 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31);
}

static void test_strtab(void)
{
    dy_strtab t;
    CHECK_INT(dy_strtab_init(&t), 0);
    uint32_t a = dy_strtab_intern(&t, "russia", 6);
    uint32_t b = dy_strtab_intern(&t, "ukraine", 7);
    CHECK(a && b && a != b);
    CHECK_INT(dy_strtab_intern(&t, "russia", 6), a);
    CHECK_INT(dy_strtab_find(&t, "ukraine", 7), b);
    CHECK_INT(dy_strtab_find(&t, "nato", 4), 0);
    char w[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(w, sizeof w, "w%d", i);
        dy_strtab_intern(&t, w, (size_t)n);
    }
    CHECK_INT(t.n, 5002);
    CHECK_STR(dy_strtab_str(&t, b), "ukraine");
    CHECK_INT(dy_strtab_find(&t, "w4999", 5), 5002);
    dy_strtab_free(&t);
}

static void test_buf(void)
{
    dy_buf b;
    dy_buf_init(&b);
    dy_buf_json_str(&b, "a\"b\\\n\x01\xff\xc3\xa9", 9);
    CHECK_STR(dy_buf_cstr(&b), "\"a\\\"b\\\\\\n\\u0001\xEF\xBF\xBD\xc3\xa9\"");
    dy_buf_clear(&b);
    dy_buf_printf(&b, "%d-%s", 42, "x");
    CHECK_STR(dy_buf_cstr(&b), "42-x");
    dy_buf_free(&b);
}

static void test_arena_fault(void)
{
    dy_arena a;
    dy_arena_init(&a, 1024);
    for (int i = 0; i < 100; i++)
        CHECK(dy_arena_alloc(&a, 100) != NULL);
    CHECK(dy_arena_alloc(&a, 5000) != NULL);
    dy_arena_reset(&a);
    CHECK(dy_arena_alloc(&a, 10) != NULL);
    dy_fault_after(0);
    CHECK(dy_arena_alloc(&a, 5000) == NULL);
    dy_fault_after(-1);
    dy_arena_free(&a);
}

static void test_utf8(void)
{
    uint32_t cp;
    CHECK_INT(dy_utf8_decode((const unsigned char *)"\xe2\x80\x99", 3, &cp), 3);
    CHECK_INT(cp, 0x2019);
    CHECK_INT(dy_utf8_decode((const unsigned char *)"\xc0\xaf", 2, &cp), 0);
    CHECK_INT(dy_utf8_decode((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
}

void suite_util(void)
{
    test_calendar();
    test_strtab();
    test_buf();
    test_arena_fault();
    test_utf8();
}
