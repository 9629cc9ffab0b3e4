/* main.c - runs the unit-test suites listed in the generated suites.h. */
#include "th.h"

#include <stdlib.h>
#include <sys/stat.h>

int th_checks, th_failures;
const char *th_suite = "";

#define X(name) void suite_##name(void);
#include "suites.h"
#undef X

static const struct {
    const char *name;
    void (*fn)(void);
} suites[] = {
#define X(name) {#name, suite_##name},
#include "suites.h"
#undef X
};

const char *th_shared(const char *rel)
{
    static char path[4096];
    const char *root = getenv("DYAD_SHARED");
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", root ? root : "../shared", rel);
    if (stat(path, &st) != 0) {
        fprintf(stderr, "  [%s] skipped: %s not found (set DYAD_SHARED)\n",
                th_suite, path);
        return NULL;
    }
    return path;
}

const char *th_dict_dir(void)
{
    const char *d = getenv("DYAD_DICT_DIR");
    return d ? d : "dict";
}

void th_skip(const char *why) { fprintf(stderr, "  [%s] skipped: %s\n", th_suite, why); }

int main(int argc, char **argv)
{
    int ran = 0;
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        int want = argc < 2;
        for (int a = 1; a < argc; a++)
            if (strcmp(argv[a], suites[i].name) == 0)
                want = 1;
        if (!want)
            continue;
        th_suite = suites[i].name;
        int before = th_failures, cb = th_checks;
        suites[i].fn();
        fprintf(stderr, "%-12s %5d checks, %d failed\n", suites[i].name,
                th_checks - cb, th_failures - before);
        ran++;
    }
    if (!ran) {
        fprintf(stderr, "no such suite\n");
        return 2;
    }
    fprintf(stderr, "unit: %d checks, %d failed\n", th_checks, th_failures);
    return th_failures ? 1 : 0;
}
