/* test_dictcache.c - compiled dictionary images (src/dict_cache.c): a
 * dictionary from its image is the same as one read from its files (stats,
 * warnings, the whole export, lookups, coded events), and an image is not
 * used when anything it was built from changed: a file edited, added or
 * removed, another tagger, a corrupted or foreign-writable image, a second
 * load. The dictionaries are copies of dict/ in a temporary folder. */
#include "../../src/dict.h"
#include "th.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dc_root[64];
static char dc_cache[128], dc_dict[128];

__attribute__((format(printf, 1, 2))) static void sh(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    CHECK_INT(system(cmd), 0);
}

static const char sample[] =
    "Russian troops attacked Ukrainian positions near Kharkiv on Monday, "
    "and Ukraine's foreign minister met his Polish counterpart in Warsaw. "
    "President Biden warned Moscow against further escalation.";

/* Everything a dictionary shows, as one string (malloc'ed). */
static char *show(dyad_dict *d)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    if (!f)
        return NULL;
    fputs(dyad_dict_stats(d), f);
    fprintf(f, "warnings %zu\n%s", dyad_dict_warning_count(d),
            dyad_dict_warnings(d));
    static const char *const who[] = {"Vladimir Putin", "Volodymyr Zelensky",
                                      "Hamas", "the United Nations", "Kyiv"};
    for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
        const char *res = "";
        dyad_dict_lookup(d, who[i], "2022-03-01", &res);
        fprintf(f, "lookup %s: %s\n", who[i], res);
    }
    dyad_coder *c = NULL;
    if (dyad_coder_new(&c, d, NULL) == DYAD_OK) {
        dyad_input in = {"s", "2022-03-01", sample, sizeof sample - 1,
                         NULL, NULL, NULL, 0};
        if (dyad_code(c, &in) == DYAD_OK)
            fputs(dyad_output(c, DYAD_OUT_JSON, NULL), f);
        dyad_coder_free(c);
    }
    dyad_dict_export(d, f);
    fclose(f);
    return out;
}

/* Load path (and path2, if any) and finish; *used = the image was used. */
static char *load(const char *path, const char *path2, int *used)
{
    dyad_dict *d = NULL;
    *used = -1;
    if (dyad_dict_new(&d) != DYAD_OK)
        return NULL;
    int s = dyad_dict_load(d, path);
    if (s == DYAD_OK && path2)
        s = dyad_dict_load(d, path2);
    if (s == DYAD_OK)
        s = dyad_dict_finish(d);
    CHECK_INT(s, DYAD_OK);
    if (s != DYAD_OK)
        fprintf(stderr, "    %s\n", dyad_dict_errmsg(d));
    *used = ((dy_dict *)d)->img_used;
    char *r = show(d);
    dyad_dict_free(d);
    return r;
}

static int images(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '^dict-.*\\.img$' > %s/n", dc_cache,
             dc_root);
    if (system(cmd) < 0)
        return -1;
    snprintf(cmd, sizeof cmd, "%s/n", dc_root);
    FILE *f = fopen(cmd, "r");
    int n = -1;
    if (f) {
        if (fscanf(f, "%d", &n) != 1)
            n = -1;
        fclose(f);
    }
    return n;
}

static void same(const char *a, const char *b, const char *what)
{
    CHECK(a && b && strcmp(a, b) == 0);
    if (a && b && strcmp(a, b) != 0)
        fprintf(stderr, "    %s: outputs differ\n", what);
}

static void test_images(void)
{
    int used;
    /* reference: no cache */
    setenv("DYAD_DICT_CACHE", "off", 1);
    char *ref = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    setenv("DYAD_DICT_CACHE", dc_cache, 1);
    /* the first load writes the image, the second uses it */
    char *a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    CHECK_INT(images(), 1);
    char *b = load(dc_dict, NULL, &used);
    CHECK_INT(used, 1);
    same(ref, a, "written");
    same(ref, b, "from the image");
    free(a);
    free(b);

    /* a file edited: read again (and the new image used next time) */
    sh("printf 'actor ZZZACT Zzyzx Front\\n' >> %s/orgs.dyad", dc_dict);
    setenv("DYAD_DICT_CACHE", "off", 1);
    char *ref2 = load(dc_dict, NULL, &used);
    setenv("DYAD_DICT_CACHE", dc_cache, 1);
    CHECK(ref2 && strstr(ref2, "Zzyzx Front"));
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    same(ref2, a, "after an edit");
    free(a);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 1);
    same(ref2, a, "new image");
    free(a);

    /* a file added, then removed */
    sh("printf '%%%%dyad-dict 1\\nactor ZZZNEW Qwerty League\\n' > %s/zz-new.dyad",
       dc_dict);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    CHECK(a && strstr(a, "Qwerty League"));
    free(a);
    sh("rm %s/zz-new.dyad", dc_dict);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    same(ref2, a, "after a removal");
    free(a);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 1);
    free(a);

    /* a corrupted image: not used, and replaced */
    sh("for f in %s/dict-*.img; do printf 'X' | dd of=$f bs=1 seek=300000 "
       "conv=notrunc 2>/dev/null; done", dc_cache);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    same(ref2, a, "corrupted image");
    free(a);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 1);
    free(a);

    /* an image others can write is not trusted */
    sh("chmod 666 %s/dict-*.img", dc_cache);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    same(ref2, a, "writable image");
    free(a);

    /* another tagger folder (the same files, copied) */
    char tg[160];
    snprintf(tg, sizeof tg, "%s/tagger", dc_root);
    const char *old = getenv("DYAD_TAGGER_DIR");
    char *keep = old ? strdup(old) : NULL;
    sh("mkdir -p %s && cp " DYAD_DEFAULT_TAGGER_DIR "/*.yml %s", tg, tg);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 1);
    free(a);
    setenv("DYAD_TAGGER_DIR", tg, 1);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 0);
    same(ref2, a, "other tagger");
    free(a);
    if (keep)
        setenv("DYAD_TAGGER_DIR", keep, 1);
    else
        unsetenv("DYAD_TAGGER_DIR");
    free(keep);

    /* two loads: the image of the first is not used */
    a = load(dc_dict, NULL, &used);
    free(a);
    char extra[192];
    snprintf(extra, sizeof extra, "%s/extra.dyad", dc_root);
    FILE *f = fopen(extra, "w");
    if (f) {
        fputs("%dyad-dict 1\nactor ZZZTWO Plover Guild\n", f);
        fclose(f);
    }
    setenv("DYAD_DICT_CACHE", "off", 1);
    char *ref3 = load(dc_dict, extra, &used);
    setenv("DYAD_DICT_CACHE", dc_cache, 1);
    a = load(dc_dict, extra, &used);
    CHECK_INT(used, 0);
    same(ref3, a, "two loads");
    free(a);

    /* stats before finish read the files of a deferred load */
    dyad_dict *d = NULL;
    CHECK_INT(dyad_dict_new(&d), DYAD_OK);
    CHECK_INT(dyad_dict_load(d, dc_dict), DYAD_OK);
    CHECK(((dy_dict *)d)->deferred == 1);
    const char *st = dyad_dict_stats(d);
    CHECK(strstr(st, "actors ") && !strstr(st, "actors 0\n"));
    CHECK_INT(dyad_dict_finish(d), DYAD_OK);
    CHECK_INT(((dy_dict *)d)->img_used, 0);
    char *c = show(d);
    same(ref2, c, "stats before finish");
    free(c);
    dyad_dict_free(d);

    /* a dictionary from an image is freed, and another made, many times */
    for (int i = 0; i < 3; i++) {
        a = load(dc_dict, NULL, &used);
        CHECK_INT(used, 1);
        same(ref2, a, "again");
        free(a);
    }
    free(ref);
    free(ref2);
    free(ref3);
}

/* PETRARCH files: codes.dyad is read by finish, and counted warnings */
static void test_petr(void)
{
    const char *ph = th_shared("dicts/phoenix");
    if (!ph)
        return;
    char path[4096];
    snprintf(path, sizeof path, "%s", ph);
    int used;
    setenv("DYAD_DICT_CACHE", "off", 1);
    char *ref = load(path, NULL, &used);
    setenv("DYAD_DICT_CACHE", dc_cache, 1);
    char *a = load(path, NULL, &used);
    CHECK_INT(used, 0);
    char *b = load(path, NULL, &used);
    CHECK_INT(used, 1);
    same(ref, a, "phoenix written");
    same(ref, b, "phoenix image");
    CHECK(ref && strstr(ref, "petr_files 8"));
    free(a);
    free(b);
    /* another codes.dyad (a copy: the same codes, another file) */
    const char *old = getenv("DYAD_DICT_DIR");
    char *keep = old ? strdup(old) : NULL;
    char cd[160];
    snprintf(cd, sizeof cd, "%s/codes", dc_root);
    sh("mkdir -p %s && cp %s/codes.dyad %s/", cd, dc_dict, cd);
    setenv("DYAD_DICT_DIR", cd, 1);
    a = load(path, NULL, &used);
    CHECK_INT(used, 0);
    CHECK(a && strstr(a, "petr_files 8"));
    free(a);
    if (keep)
        setenv("DYAD_DICT_DIR", keep, 1);
    else
        unsetenv("DYAD_DICT_DIR");
    free(keep);
    a = load(path, NULL, &used);
    CHECK_INT(used, 1);     /* each codes.dyad has its own image */
    same(ref, a, "codes.dyad back");
    free(a);
    free(ref);
}

/* A load of a file changed a moment ago is not stored: a second change
 * within the same timestamp tick would not be seen. */
static void test_fresh(void)
{
    int used;
    dy_cache_set_fresh(2);
    setenv("DYAD_DICT_CACHE", dc_cache, 1);
    sh("rm -f %s/dict-*.img", dc_cache);
    sh("printf 'actor ZZZFRS Fresh Front\\n' >> %s/orgs.dyad", dc_dict);
    char *a = load(dc_dict, NULL, &used);
    CHECK_INT(images(), 0);
    free(a);
    dy_cache_set_fresh(0);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(images(), 1);
    free(a);
    a = load(dc_dict, NULL, &used);
    CHECK_INT(used, 1);
    free(a);
}

void suite_dictcache(void)
{
    snprintf(dc_root, sizeof dc_root, "/tmp/dyad-test-cache-XXXXXX");
    if (!mkdtemp(dc_root)) {
        th_skip("cannot create a temporary folder");
        return;
    }
    snprintf(dc_cache, sizeof dc_cache, "%s/cache", dc_root);
    snprintf(dc_dict, sizeof dc_dict, "%s/dict", dc_root);
    const char *saved = getenv("DYAD_DICT_CACHE");
    char *keep = saved ? strdup(saved) : NULL;
    sh("cp -r %s %s", th_dict_dir(), dc_dict);
    /* the files change within seconds of their loads here; what the
     * two-second rule protects against is tested at the end */
    dy_cache_set_fresh(0);
    dyad_dict *d = NULL;
    dyad_dict_new(&d);
    int ok = dyad_dict_load(d, dc_dict) == DYAD_OK && dyad_dict_finish(d) == DYAD_OK;
    dyad_dict_free(d);
    if (!ok) {
        th_skip("the dictionaries or the tagger cannot be loaded");
    } else {
        test_images();
        test_petr();
        test_fresh();
    }
    dy_cache_set_fresh(2);
    if (keep)
        setenv("DYAD_DICT_CACHE", keep, 1);
    else
        unsetenv("DYAD_DICT_CACHE");
    free(keep);
    sh("rm -rf %s", dc_root);
}
