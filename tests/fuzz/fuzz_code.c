/* fuzz_code.c - the whole pipeline on arbitrary bytes as an article. */
#include "dyad.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static dyad_dict *dict;
static dyad_coder *coder;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dict) {
        if (dyad_dict_new(&dict) || dyad_dict_load_default(dict) ||
            dyad_dict_finish(dict) || dyad_coder_new(&coder, dict, NULL))
            abort();
    }
    dyad_input in = {0};
    in.id = "fuzz";
    in.date = "2022-01-03";
    in.text = (const char *)data;
    in.text_len = size;
    if (dyad_code(coder, &in) == DYAD_OK) {
        size_t n;
        dyad_output(coder, DYAD_OUT_JSON, &n);
        dyad_output(coder, DYAD_OUT_TSV, &n);
        dyad_output(coder, DYAD_OUT_EVAL, &n);
    }
    return 0;
}
