/* doc.h - the document in flight: text, debris, sentences, tokens and the
 * layers each pipeline stage adds. One dy_doc per coder; everything in it
 * lives in its arena, which is reset between documents. */
#ifndef DY_DOC_H
#define DY_DOC_H

#include "dy.h"

/* A byte range of the text that the cleaner found to be scraping debris. */
typedef struct dy_range {
    uint32_t beg, end;
    uint8_t kind;           /* DY_DEBRIS_*                                 */
} dy_range;

enum {
    DY_DEBRIS_LINK = 1,     /* "See also", "Read more", related links      */
    DY_DEBRIS_COMMENT,      /* comment forms                               */
    DY_DEBRIS_SHARE,        /* share / subscribe / follow prompts          */
    DY_DEBRIS_COOKIE,       /* cookie and privacy notices                  */
    DY_DEBRIS_BYLINE,       /* bylines, reporting/editing credits          */
    DY_DEBRIS_PHOTO,        /* photo and image credits                     */
    DY_DEBRIS_COPYRIGHT,    /* copyright and legal lines                   */
    DY_DEBRIS_DATELINE,     /* the dateline (kept as metadata)             */
    DY_DEBRIS_JUNK          /* lines with no words                          */
};

const char *dy_debris_name(int kind);

typedef struct dy_sent {
    uint32_t tok0, ntok;    /* tokens [tok0, tok0 + ntok)                   */
    uint32_t beg, end;      /* byte range in the text                       */
    uint8_t headline;       /* the first line, without final punctuation   */
    uint8_t discarded;      /* matched a discard phrase                     */
} dy_sent;

typedef struct dy_doc {
    dy_arena arena;
    char *text;             /* repaired copy of the input, NUL-terminated  */
    size_t len;
    size_t repaired;        /* invalid bytes replaced                       */

    dy_range *debris;
    size_t ndebris, capdebris;

    /* dateline found by the cleaner */
    int32_t dateline_days;  /* -1 = none                                    */
    uint32_t dateline_place_beg, dateline_place_len;

    dy_tok *toks;
    size_t ntok, captok;
    dy_sent *sents;
    size_t nsent, capsent;

    /* the dictionary words of keys seen before (segment.c), or NULL */
    struct dy_wcache *wcache;
} dy_doc;

void dy_doc_init(dy_doc *d);
void dy_doc_reset(dy_doc *d);
void dy_doc_free(dy_doc *d);

struct dy_dict;

/* Copy the input into the document, replacing invalid UTF-8 and control
 * bytes with spaces (so byte offsets still match the input). Rejects
 * binary data with DYAD_EINPUT. */
int dy_text_load(dy_doc *d, const char *s, size_t n, dy_err *err);

/* Find scraping debris and the dateline (clean.c). */
int dy_clean(dy_doc *d);

/* Split into sentences and tokens, skipping debris; look up each token's
 * word id in the dictionary (segment.c). */
int dy_segment(dy_doc *d, const struct dy_dict *dict);

/* Tokenise a short phrase (a dictionary entry) with the same rules as
 * running text. Writes at most max tokens; their strings are allocated in
 * arena. Returns the token count. */
size_t dy_tokenize_phrase(const char *s, size_t n, dy_arena *arena,
                          dy_tok *out, size_t max);

#endif
