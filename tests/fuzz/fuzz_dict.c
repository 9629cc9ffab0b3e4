/* fuzz_dict.c - the dictionary readers (dyad format and TABARI/PETRARCH
 * formats) on arbitrary bytes. */
#include "dyad.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/dyad-fuzzdict-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    dyad_dict *d;
    if (dyad_dict_new(&d) == DYAD_OK) {
        if (dyad_dict_load(d, path) == DYAD_OK) {
            const char *s;
            dyad_dict_stats(d);
            if (dyad_dict_finish(d) == DYAD_OK) {
                dyad_dict_check(d, &s);
                dyad_dict_lookup(d, "Russian President Vladimir Putin", "2022-01-03", &s);
            }
        }
        dyad_dict_free(d);
    }
    unlink(path);
    return 0;
}
