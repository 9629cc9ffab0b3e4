/* dy.h - internal declarations shared by libdyad's modules.
 *
 * Nothing here is public: the CLI and other front ends use include/dyad.h
 * only. Internal symbols are static or carry the dy_ prefix (exported from
 * the static library only because C has no other way; `make symcheck`
 * verifies that the shared library exports dyad_* alone).
 */
#ifndef DY_H
#define DY_H

#include "dyad.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define DY_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define DY_MIN(a, b) ((a) < (b) ? (a) : (b))
#define DY_MAX(a, b) ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define DY_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define DY_LIKELY(x) __builtin_expect(!!(x), 1)
#define DY_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define DY_INLINE inline __attribute__((always_inline))
#define DY_PREFETCH(p) __builtin_prefetch(p)
#else
#define DY_PRINTF(f, a)
#define DY_LIKELY(x) (x)
#define DY_UNLIKELY(x) (x)
#define DY_INLINE inline
#define DY_PREFETCH(p) ((void)(p))
#endif

/* ---- errors --------------------------------------------------------- */

/* An error slot: the status of the last failure and its message. */
typedef struct dy_err {
    int code;
    char msg[1024];
} dy_err;

/* Record an error and return code (so callers can `return dy_fail(...)`). */
int dy_fail(dy_err *e, int code, const char *fmt, ...) DY_PRINTF(3, 4);
void dy_err_clear(dy_err *e);

/* ---- memory --------------------------------------------------------- */

/* All heap allocation goes through these, so that tests can fail the Nth
 * allocation (dy_fault_after) and check that every path cleans up. */
void *dy_malloc(size_t n);
void *dy_calloc(size_t n, size_t size);
void *dy_realloc(void *p, size_t n);
void dy_free(void *p);
char *dy_strdup(const char *s);
char *dy_strndup(const char *s, size_t n);
/* Testing: make the allocation after `n` more successful ones fail
 * (n < 0 turns it off). */
void dy_fault_after(long n);

/* Grow *arr (of *cap elements of size sz) to hold at least need elements.
 * Returns 0 or DYAD_ENOMEM (and leaves *arr as it was). */
int dy_grow(void **arr, size_t *cap, size_t need, size_t sz);
#define DY_GROW(arr, cap, need) \
    ((size_t)(need) <= (cap) ? 0 \
                             : dy_grow((void **)&(arr), &(cap), (need), sizeof(*(arr))))

/* An arena: bump allocation in chunks, freed or reset all at once. Used for
 * everything that lives as long as one document (dy_doc) or one dictionary
 * (dy_dict). Memory from it is 8-byte aligned. */
typedef struct dy_arena_chunk dy_arena_chunk;
typedef struct dy_arena {
    dy_arena_chunk *head;   /* current chunk                               */
    size_t used;            /* bytes used in head                          */
    size_t chunk_size;      /* default size of new chunks                  */
    size_t total;           /* bytes in all chunks (for stats)             */
} dy_arena;

void dy_arena_init(dy_arena *a, size_t chunk_size);
void *dy_arena_alloc(dy_arena *a, size_t n);      /* NULL on OOM */
void *dy_arena_calloc(dy_arena *a, size_t n);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
/* Keep the first chunk, drop the rest, mark all free. */
void dy_arena_reset(dy_arena *a);
void dy_arena_free(dy_arena *a);

/* ---- growable byte buffer ------------------------------------------- */

typedef struct dy_buf {
    char *p;
    size_t len, cap;
    int oom;                /* set once an append failed; later ones no-op */
} dy_buf;

void dy_buf_init(dy_buf *b);
void dy_buf_free(dy_buf *b);
void dy_buf_clear(dy_buf *b);                  /* len = 0, keeps memory */
/* room for extra more bytes and a NUL: 0, or DYAD_ENOMEM (b->oom set);
 * the common case inline, growing in dy_buf_grow */
int dy_buf_grow(dy_buf *b, size_t extra);
static inline int dy_buf_reserve(dy_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap && !b->oom)
        return 0;
    return dy_buf_grow(b, extra);
}
static inline void dy_buf_put(dy_buf *b, const void *s, size_t n)
{
    if (dy_buf_reserve(b, n))
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}
static inline void dy_buf_putc(dy_buf *b, char c)
{
    if (dy_buf_reserve(b, 1))
        return;
    b->p[b->len++] = c;
}
void dy_buf_puts(dy_buf *b, const char *s);
/* a string literal, without strlen */
#define dy_buf_lit(b, lit) dy_buf_put((b), "" lit, sizeof(lit) - 1)
void dy_buf_printf(dy_buf *b, const char *fmt, ...) DY_PRINTF(2, 3);
/* Append s as a JSON string literal, quotes included; invalid UTF-8 is
 * written as U+FFFD. */
void dy_buf_json_str(dy_buf *b, const char *s, size_t n);
/* NUL-terminate and return p ("" when empty). */
const char *dy_buf_cstr(dy_buf *b);

/* qsort that accepts n = 0 with a NULL array. */
void dy_qsort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));

/* ---- hashing and interning ------------------------------------------ */

/* 64-bit FNV-1a variant processing 8 bytes per round, with a final mix;
 * fast on short keys (tokens) and good enough for open addressing.
 * Inline: it is on the path of every token lookup. */
static inline uint64_t dy_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = (h ^ v) * 0x100000001b3ull;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    uint64_t v = 0;
    memcpy(&v, s, n);
    h = (h ^ v) * 0x100000001b3ull;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    return h;
}

/* A string table: maps byte strings to dense ids 1..n (0 = absent).
 * Strings are stored in an arena; the table is append-only. After the
 * owner stops adding, lookups are read-only and thread-safe. */
typedef struct dy_strtab {
    uint32_t *slots;        /* id per slot, 0 = empty                      */
    uint32_t mask;          /* slots - 1                                    */
    uint32_t n;             /* number of strings                            */
    const char **str;       /* str[id] (NUL-terminated)                     */
    uint32_t *len;          /* len[id]                                      */
    uint64_t *hash;         /* hash[id]                                     */
    size_t cap;             /* capacity of str/len/hash                     */
    dy_arena arena;
} dy_strtab;

int dy_strtab_init(dy_strtab *t);
void dy_strtab_free(dy_strtab *t);
/* Id of s, adding it if new; 0 on OOM. */
uint32_t dy_strtab_intern(dy_strtab *t, const char *s, size_t n);
/* Id of s or 0. */
uint32_t dy_strtab_find(const dy_strtab *t, const char *s, size_t n);
uint32_t dy_strtab_find_h(const dy_strtab *t, const char *s, size_t n,
                          uint64_t h);
static inline const char *dy_strtab_str(const dy_strtab *t, uint32_t id)
{
    return t->str[id];
}

/* ---- text helpers ---------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
int dy_utf8_valid_at(const unsigned char *s, size_t n);
/* Decode one code point; returns bytes used (1..4) or 0 if invalid. */
int dy_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int dy_utf8_encode(uint32_t cp, char out[4]);

/* Dates as days since 1970-01-01 (proleptic Gregorian), and YYYYMMDD. */
int32_t dy_days_from_ymd(int y, int m, int d);
void dy_ymd_from_days(int32_t days, int *y, int *m, int *d);
/* Parse "YYYY-MM-DD" (exactly); returns 0 and *days, or -1. */
int dy_parse_date(const char *s, size_t n, int32_t *days);
/* Format days as "YYYY-MM-DD" into out[11]. */
void dy_format_date(int32_t days, char out[11]);
int32_t dy_today(void);
/* 0 = Monday .. 6 = Sunday */
int dy_weekday(int32_t days);

/* Join actor code parts into out[32]: the first `alen` bytes of a (all of
 * it if alen is 0) followed by b, truncated to 31 bytes. */
void dy_code_join(char out[32], const char *a, size_t alen, const char *b);

/* ---- part-of-speech tags -------------------------------------------- */

/* The tag set of the tagger lexicon (Penn Treebank, with the punctuation
 * classes of Lingua::EN::Tagger). Order matters: see dy_tag_name. */
typedef enum dy_tag {
    T_NONE = 0,
    T_CC, T_CD, T_DT, T_EX, T_FW, T_IN, T_JJ, T_JJR, T_JJS, T_LS, T_MD,
    T_NN, T_NNP, T_NNPS, T_NNS, T_PDT, T_POS, T_PRP, T_PRPS, T_RB, T_RBR,
    T_RBS, T_RP, T_SYM, T_TO, T_UH, T_VB, T_VBD, T_VBG, T_VBN, T_VBP, T_VBZ,
    T_WDT, T_WP, T_WPS, T_WRB,
    T_LRB,      /* ( [ {                 */
    T_RRB,      /* ) ] }                 */
    T_COMMA,    /* ,                     (Lingua: ppc) */
    T_END,      /* . ! ?                 (Lingua: pp)  */
    T_OPENQ,    /* `` opening quote      (Lingua: ppl) */
    T_CLOSEQ,   /* '' closing quote      (Lingua: ppr) */
    T_PUNCT,    /* : ; -- ... other      (Lingua: pps) */
    T_DOLLAR,   /* $ and other currency  (Lingua: ppd) */
    T_COUNT
} dy_tag;

const char *dy_tag_name(int tag);          /* "NN", "VBD", ","  */
int dy_tag_from_lingua(const char *s, size_t n);   /* "ppc" -> T_COMMA */

/* strncmp(a, b, 3) == 0, inline: the country part of two actor codes */
static inline bool dy_code3_eq(const char *a, const char *b)
{
    for (int i = 0; i < 3; i++) {
        if (a[i] != b[i])
            return false;
        if (!a[i])
            return true;
    }
    return true;
}

static inline bool dy_tag_is_verb(int t) { return t >= T_VB && t <= T_VBZ; }
static inline bool dy_tag_is_noun(int t) { return t >= T_NN && t <= T_NNS; }
static inline bool dy_tag_is_adj(int t) { return t >= T_JJ && t <= T_JJS; }

/* ---- tokens ----------------------------------------------------------- */

enum {
    TOKF_CAP = 1 << 0,      /* first letter upper-case                     */
    TOKF_UPPER = 1 << 1,    /* all letters upper-case (>= 2 letters)       */
    TOKF_DIGIT = 1 << 2,    /* contains a digit                            */
    TOKF_ALPHA = 1 << 3,    /* contains a letter                           */
    TOKF_PUNCT = 1 << 4,    /* punctuation only                            */
    TOKF_SSTART = 1 << 5,   /* first word of its sentence                  */
    TOKF_SPACE = 1 << 6,    /* whitespace before the token                 */
    TOKF_HYPHJOIN = 1 << 7, /* joined to the previous token by a hyphen    */
    TOKF_QUOTE = 1 << 8     /* inside quotation marks                      */
};

/* One token. Offsets are bytes into the document text. `s` is the token's
 * normalised form (NFKC, typographic quotes and dashes mapped to ASCII,
 * original case); `low` is `s` lower-cased with accents removed: the key for
 * every dictionary lookup. Both live in the document's arena. */
typedef struct dy_tok {
    uint32_t beg, end;
    const char *s, *low;
    uint16_t n, nlow;
    uint16_t flags;         /* TOKF_*                                      */
    uint8_t tag;            /* dy_tag                                      */
    uint8_t wflags;         /* the word's W_* flags (dict.h; 0 = unknown),
                               copied by the segmenter to spare the stages
                               a lookup of the word table per token        */
    uint32_t w;             /* dictionary word id of `low` (0 = unknown)   */
    uint32_t lem;           /* lemma word id (0 = none)                    */
    uint64_t wc;            /* closed word classes (WC_*, wordlists.h)     */
} dy_tok;

/* Is token t in word class cls (wordlists.h)? */
static inline bool dy_wc(const dy_tok *t, int cls)
{
    return (t->wc >> cls) & 1;
}

/* ---- tagger ----------------------------------------------------------- */

typedef struct dy_tagger dy_tagger;

/* Load the lexicon of Lingua::EN::Tagger (words.yml, tags.yml) from dir.
 * Returns 0 or a negative status with the message in *err. */
int dy_tagger_load(dy_tagger **out, const char *dir, dy_err *err);
void dy_tagger_free(dy_tagger *t);
/* Tag toks[0..n) (one sentence) in place: sets tok->tag. Uses toks[i].s
 * and .n (original case) and TOKF_* flags. Thread-safe on a shared
 * tagger. */
void dy_tagger_tag(const dy_tagger *t, dy_tok *toks, size_t n);
/* The same with a memo of lexicon lookups by dictionary word id (tok->w
 * must be the id of tok->low in the dictionary whose word count sizes the
 * memo): one per thread, kept for the life of the dictionary. A NULL memo
 * is dy_tagger_tag. */
typedef struct dy_tagmemo dy_tagmemo;
dy_tagmemo *dy_tagmemo_new(size_t nwords);   /* word ids [0, nwords)    */
void dy_tagmemo_free(dy_tagmemo *m);
void dy_tagger_tag_memo(const dy_tagger *t, dy_tok *toks, size_t n,
                        dy_tagmemo *m);
/* Is the lower-case word an ordinary English word (in the lexicon with
 * common-noun, verb, adjective or function-word tags)? Drives the case
 * guard of dictionary names (`Chad` must not match "chad"). */
int dy_tagger_common(const dy_tagger *t, const char *low, size_t n);
/* The same, also for a British spelling the lexicon lacks when its
 * American one is common ("labour", "defence"): the case guard, at load
 * time (the coding stages call dy_tagger_common). */
int dy_tagger_common_any(const dy_tagger *t, const char *low, size_t n);
/* Lexicon statistics for tests and `dyad dict stats`. */
size_t dy_tagger_words(const dy_tagger *t);

#endif /* DY_H */
