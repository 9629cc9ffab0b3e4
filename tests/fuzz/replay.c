/* replay.c - runs every file of the fuzz corpora through the fuzz targets
 * without libFuzzer, so that `make test` (and the sanitizer build) replays
 * them. Corpus folders: tests/fuzz/corpus/{code,jsonl,dict}. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The three targets are linked into one binary under different names. */
int fuzz_code(const uint8_t *data, size_t size);
int fuzz_jsonl(const uint8_t *data, size_t size);
int fuzz_dict(const uint8_t *data, size_t size);

static int run_dir(const char *root, const char *sub,
                   int (*fn)(const uint8_t *, size_t))
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, sub);
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "fuzz replay: %s: no corpus\n", dir);
        return 0;
    }
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        uint8_t *buf = malloc(len > 0 ? (size_t)len : 1);
        if (buf && fread(buf, 1, (size_t)len, f) == (size_t)len)
            fn(buf, (size_t)len);
        free(buf);
        fclose(f);
        n++;
    }
    closedir(d);
    return n;
}

int main(int argc, char **argv)
{
    const char *root = argc > 1 ? argv[1] : "tests/fuzz/corpus";
    int n = run_dir(root, "code", fuzz_code);
    n += run_dir(root, "jsonl", fuzz_jsonl);
    n += run_dir(root, "dict", fuzz_dict);
    fprintf(stderr, "fuzz replay: %d inputs, no crash\n", n);
    return 0;
}
