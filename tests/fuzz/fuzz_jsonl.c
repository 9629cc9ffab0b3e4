/* fuzz_jsonl.c - the JSON-lines reader and the gold-record scorer on
 * arbitrary bytes. */
#include "dyad.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/dyad-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    dyad_reader *r;
    if (dyad_reader_open(&r, path, DYAD_IN_AUTO, 4096) == DYAD_OK) {
        dyad_input in;
        dyad_status s;
        int guard = 0;
        while ((s = dyad_reader_next(r, &in)) != DYAD_END && s != DYAD_EIO &&
               guard++ < 100000)
            ;
    }
    dyad_reader_free(r);
    unlink(path);
    dyad_eval *e;
    if (dyad_eval_new(&e) == DYAD_OK) {
        dyad_eval_add_pair(e, (const char *)data, size, (const char *)data,
                           size);
        dyad_eval_report(e, 1, 1);
        dyad_eval_free(e);
    }
    return 0;
}
