/* th.h - a tiny unit-test harness (in the spirit of sds's testhelp.h).
 *
 * Each tests/unit/test_NAME.c defines `void suite_NAME(void)`; the Makefile
 * lists them in suites.h and `build/unit [NAME...]` runs all or some. */
#ifndef TH_H
#define TH_H

#include <stdio.h>
#include <string.h>

extern int th_checks, th_failures;
extern const char *th_suite;

#define CHECK(cond)                                                        \
    do {                                                                   \
        th_checks++;                                                       \
        if (!(cond)) {                                                     \
            th_failures++;                                                 \
            fprintf(stderr, "%s:%d: [%s] check failed: %s\n", __FILE__,    \
                    __LINE__, th_suite, #cond);                            \
        }                                                                  \
    } while (0)

#define CHECK_INT(a, b)                                                    \
    do {                                                                   \
        long long th_a = (long long)(a), th_b = (long long)(b);            \
        th_checks++;                                                       \
        if (th_a != th_b) {                                                \
            th_failures++;                                                 \
            fprintf(stderr, "%s:%d: [%s] %s == %lld, expected %lld\n",     \
                    __FILE__, __LINE__, th_suite, #a, th_a, th_b);         \
        }                                                                  \
    } while (0)

#define CHECK_STR(a, b)                                                    \
    do {                                                                   \
        const char *th_a = (a), *th_b = (b);                               \
        th_checks++;                                                       \
        if (!th_a || !th_b || strcmp(th_a, th_b) != 0) {                   \
            th_failures++;                                                 \
            fprintf(stderr, "%s:%d: [%s] %s == \"%s\", expected \"%s\"\n", \
                    __FILE__, __LINE__, th_suite, #a,                      \
                    th_a ? th_a : "(null)", th_b ? th_b : "(null)");        \
        }                                                                  \
    } while (0)

/* Path of a file under the shared evaluation folder (DYAD_SHARED, default
 * ../shared), or NULL with a "skipped" message when it is absent. */
const char *th_shared(const char *rel);
/* Path of the project's dict/ folder. */
const char *th_dict_dir(void);
void th_skip(const char *why);

#endif
