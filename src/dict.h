/* dict.h - the compiled dictionary (knowledge): words, actors, agents,
 * verbs and patterns, code tables, discards and the tagger lexicon.
 *
 * Loading (dict_dyad.c for dyad's format, dict_petr.c for TABARI/PETRARCH
 * files) adds entries through the dy_dict_add_* functions below; then
 * dyad_dict_finish() builds the lookup tables. After that the dictionary is
 * read-only and shared by all coders. */
#ifndef DY_DICT_H
#define DY_DICT_H

#include "dy.h"

/* ---- words ---------------------------------------------------------- */

enum {
    W_COMMON = 1 << 0,      /* ordinary English word (case guard applies)  */
    W_VERBFORM = 1 << 1,    /* a form of a dictionary verb                 */
    W_NOUNFORM = 1 << 2,    /* a form of a dictionary event noun           */
    W_AGENT = 1 << 3,       /* appears in an agent noun                    */
    W_PHRASE = 1 << 4,      /* first word of some actor phrase             */
    W_DISCARD = 1 << 5,     /* first word of some discard phrase           */
    W_SETFIRST = 1 << 6,    /* first word of some set member               */
    W_SETLAST = 1 << 7      /* last word of some set member                */
};
/* (dy_tok.wflags holds them: eight bits at most) */

typedef struct dy_word {
    uint32_t lemma;         /* lemma word id, 0 = the word is its own      */
    uint32_t verb;          /* verb entry + 1 (0 = none)                   */
    uint32_t noun;          /* event-noun entry + 1 (0 = none)             */
    uint16_t flags;         /* W_*                                         */
    uint8_t form;           /* VF_* for verb forms                         */
    uint8_t pad_;
    uint64_t wc;            /* closed word classes (wordlists.h)           */
} dy_word;

enum { VF_BASE = 0, VF_S, VF_ED, VF_ING, VF_EN };

/* ---- provenance ------------------------------------------------------ */

typedef struct dy_src {
    uint32_t file;          /* index into dict->files                      */
    uint32_t line;
} dy_src;

/* ---- actors ---------------------------------------------------------- */

typedef struct dy_role {
    char code[32];
    int32_t from, to;       /* days; INT32_MIN / INT32_MAX when open       */
    const char *title;      /* may be NULL                                 */
    dy_src src;
} dy_role;

enum {
    ENT_COUNTRY = 1,        /* a state                                      */
    ENT_ACTOR,              /* an organisation or group                     */
    ENT_PERSON,             /* a person                                     */
    ENT_AGENT               /* a sector                                     */
};

/* An entity: a country, organisation, person or agent. */
typedef struct dy_entity {
    uint8_t kind;           /* ENT_*                                        */
    char code[32];          /* base code (country, actor) or agent code     */
    const char *name;       /* canonical name                               */
    uint32_t role0, nroles; /* dated codes: dict->roles[role0 .. +nroles)    */
    char else_code[32];     /* person: code outside roles ("" = none)       */
    char also[32];          /* PETRARCH "[ELR/GAL]": the further codes of the
                               default code, '/'-separated ("" = none); only
                               PETRARCH coding uses them (chunk.c)          */
    dy_src src;
} dy_entity;

/* How a phrase names its entity. */
enum {
    PH_NAME = 1,            /* the entity itself                             */
    PH_ADJ,                 /* demonym / adjective: combines with agents     */
    PH_PEOPLE,              /* people of a country: CODE + CVL               */
    PH_CAPITAL,             /* capital: CODE + GOV as actor, a place too    */
    PH_SEAT,                /* seat of government: CODE + GOV               */
    PH_INST,                /* institution: CODE + agent                     */
    PH_AGENT                /* agent noun                                    */
};

/* Case requirements per phrase token (2 bits each). */
enum { CASE_ANY = 0, CASE_CAP = 1, CASE_UPPER = 2 };

#define DY_PHRASE_MAX 16

typedef struct dy_phrase {
    uint32_t entity;        /* index into dict->ents                         */
    uint8_t kind;           /* PH_*                                          */
    uint8_t ntok;
    uint8_t plural;         /* agent nouns: the plural form                  */
    uint8_t prefix;         /* PH_AGENT from a PETRARCH `[CODE~]` agent: its
                               code goes before the actor's (NGO~ + USA ->
                               NGOUSA); 0 = after (~GOV: USA -> USAGOV)      */
    uint8_t petr;           /* read from a TABARI/PETRARCH file: the noun
                               phrase is coded PETRARCH's way (first actor
                               of the phrase, then every agent)             */
    uint16_t gaps;          /* PETRARCH: bit i = other words may come between
                               words i and i + 1 (written with a space, not
                               '_'); such phrases are also matched with gaps
                               inside PETRARCH-coded noun phrases            */
    char agent[4];          /* PH_INST: the institution's agent code         */
    uint32_t casemask;      /* 2 bits per token (CASE_*)                     */
    uint32_t words[DY_PHRASE_MAX];
    dy_src src;
} dy_phrase;

/* ---- patterns --------------------------------------------------------- */

enum {
    IT_WORD = 1,            /* one word (by lemma)                           */
    IT_ALT,                 /* one of several words                          */
    IT_SET,                 /* a member of a named set                       */
    IT_SRC,                 /* $                                             */
    IT_TGT,                 /* +                                             */
    IT_ANY,                 /* PETRARCH compatibility: a skipped position    */
    IT_PLACE                /* @place: the name of a place (places.c)        */
};

typedef struct dy_item {
    uint8_t type;           /* IT_*                                          */
    uint8_t adjacent;       /* must follow the previous item directly        */
    uint16_t n;             /* IT_ALT: number of words; IT_SRC: 1 = a
                               PETRARCH `%` (a compound actor, source and
                               target at once)                               */
    uint32_t v;             /* word id, set index, or index into alt words   */
} dy_item;

typedef struct dy_pattern {
    char code[8];           /* event source -> target ("---" = no event)    */
    char rcode[8];          /* event target -> source ("" = none)           */
    uint8_t reciprocal;     /* A:A                                           */
    uint8_t nbefore, nafter;
    uint8_t noun;           /* a noun pattern                                */
    uint8_t petr;           /* from a TABARI/PETRARCH verb file: matched and
                               coded with PETRARCH's rules (events_petr.c);
                               1 a pattern line, 2 the verb's own code      */
    uint32_t items;         /* index into dict->items: before (reversed, from
                               the verb leftwards) then after               */
    uint64_t need;          /* bloom bits of the words every match needs    */
    uint64_t need_any[3];   /* for up to 3 alternative/set items: one of
                               these bits must be present (0 = no test)     */
    uint32_t verb;          /* owning verb entry                             */
    const char *id;         /* stable id "lemma.code.hash"                   */
    dy_src src;
} dy_pattern;

typedef struct dy_verb {
    uint32_t lemma;         /* word id of the lemma (first word)             */
    uint32_t particles[4];  /* further words of a multi-word verb            */
    uint8_t nparticles;
    uint8_t noun;           /* 1 = event noun entry                          */
    uint8_t petr;           /* has patterns from a PETRARCH verb file        */
    uint32_t next_same;     /* next entry with the same first word and kind
                               (+1; 0 = none): "set", "set free", "set off" */
    uint32_t *pats;         /* pattern indices                               */
    uint32_t npats, cappats;
    dy_src src;
} dy_verb;

typedef struct dy_set {
    uint32_t name;          /* word id of the set name (without @)           */
    uint32_t *members;      /* phrases: count, then word ids, repeated       */
    uint32_t nmem, len, cap;
    uint8_t defined;        /* a `set` block (or synset) defines it          */
    uint64_t *idx;          /* finish: (word << 32 | member offset) sorted,
                               by first word [0, nmem), by last word
                               [nmem, 2 nmem)                               */
    dy_src used;            /* first use in a pattern, for messages          */
} dy_set;

/* ---- codes and discards ----------------------------------------------- */

typedef struct dy_code {
    char code[8];
    float goldstein;
    uint8_t quad;
    char plover[16], mode[24], context[32];
    const char *name;
} dy_code;

typedef struct dy_discard {
    uint32_t words[DY_PHRASE_MAX];
    uint8_t ntok;
    uint8_t story;          /* 1 = discard the story, 0 = the sentence       */
    dy_src src;
} dy_discard;

/* A one-word person name, by phonetic key, for approximate matching. */
typedef struct dy_fuzzy {
    char key[32];
    uint8_t nkey;
    uint32_t phrase;
} dy_fuzzy;

/* Phonetic key of a lower-case name (see actors.c). */
size_t dy_name_key(const char *s, size_t n, char *out, size_t cap);

/* ---- TABARI / PETRARCH files (dict_petr.c) ----------------------------- */

/* Kinds of compatibility files, as returned by dy_petr_detect(). */
enum {
    PETR_VERBS2 = 1,        /* PETRARCH-2 verbs (CAMEO.2.0.txt)               */
    PETR_VERBS1,            /* PETRARCH-1 / TABARI-style verb patterns        */
    PETR_ACTORS,            /* actors (Phoenix.*.actors.txt)                  */
    PETR_AGENTS,            /* agents                                         */
    PETR_DISCARDS,          /* discards                                       */
    PETR_ISSUES             /* issues (understood, counted, not coded yet)    */
};

/* Counts of what the compatibility reader found in its files, in the
 * files' own terms (`dyad dict stats` prints them as petr_*). */
typedef struct dy_petr_stats {
    size_t files;
    size_t verb_blocks;      /* `--- NAME [CODE] ---` blocks                  */
    size_t verb_lines;       /* verbs of the blocks (with multi-word ones)    */
    size_t verb_patterns;    /* `- ... [CODE]` pattern lines read             */
    size_t synsets, synset_members;
    size_t transformations;  /* `~ ...` lines: understood, not applied        */
    size_t actor_entries;    /* primary phrases                               */
    size_t actor_synonyms;   /* `+` phrases                                   */
    size_t actor_codes;      /* code restrictions: undated and dated          */
    size_t agent_lines;      /* agent lines with a code (before expansion)    */
    size_t agent_macros;     /* `!NAME! = ...` substitution sets              */
    size_t discards;
    size_t issue_categories; /* issues: understood, not coded yet             */
    size_t issue_phrases;
    size_t issue_exclusions; /* `~` and `~~` lines                            */
} dy_petr_stats;

/* ---- the dictionary --------------------------------------------------- */

/* A node of the phrase trie: children are found through the edge hash. */
typedef struct dy_trie_node {
    uint32_t first;         /* first phrase ending here (index into
                               phr_at), count in nphr                       */
    uint16_t nphr;
    uint16_t pad_;
} dy_trie_node;

struct dy_dict {
    dy_err err;
    dy_arena arena;
    dy_arena scratch;        /* tokens of the phrase being added (reset
                                for each phrase)                         */
    int finished;

    /* files read, for provenance */
    const char **files;
    size_t nfiles, capfiles;

    /* words */
    dy_strtab words;
    dy_word *winfo;          /* by word id, after finish                    */
    size_t capwinfo;

    dy_entity *ents;
    size_t nents, capents;
    dy_phrase *phr;
    size_t nphr, capphr;
    dy_role *roles;
    size_t nroles, caproles;

    dy_verb *verbs;
    size_t nverbs, capverbs;
    dy_pattern *pats;
    size_t npats, cappats;
    dy_item *items;
    size_t nitems, capitems;
    uint32_t *altw;          /* words of IT_ALT items                        */
    size_t naltw, capaltw;
    dy_set *sets;
    size_t nsets, capsets;

    dy_code *codes;
    size_t ncodes, capcodes;
    dy_discard *discards;
    size_t ndiscards, capdiscards;

    /* irregular forms given by dictionaries: form word -> lemma word */
    uint32_t *irreg;         /* pairs                                        */
    size_t nirreg, capirreg;

    /* phrase trie (built by finish) */
    dy_trie_node *nodes;
    size_t nnodes, capnodes;
    uint64_t *edge_keys;     /* (parent << 32 | word), 0 = empty             */
    uint32_t *edge_vals;     /* child node                                   */
    size_t edge_mask;
    uint32_t *phr_at;        /* phrase indices grouped by end node           */
    size_t nphr_at;
    /* discard trie: first words of discard phrases */
    uint32_t *discard_first; /* sorted word ids                              */

    uint32_t *gapped;        /* phrases with gaps (dy_phrase.gaps), sorted by
                                first word                                  */
    size_t ngapped;
    dy_fuzzy *fuzzy;         /* one-word person names, sorted by first byte */
    size_t nfuzzy;
    uint32_t fuzzy_at[257];  /* fuzzy[fuzzy_at[c] .. fuzzy_at[c+1]) start with c */

    dy_tagger *tagger;
    /* places: the gazetteer (places.c), NULL = events get no location */
    struct dy_gaz *gaz;

    /* warnings from loading */
    dy_buf warnings;
    size_t nwarnings;
    dy_buf out;              /* text returned by stats/lookup/check          */

    /* compatibility: set when a PETRARCH verb file was loaded */
    int petr_verbs;
    /* compatibility: what the TABARI/PETRARCH reader read (dict_petr.c) */
    dy_petr_stats petr;

    /* compiled image (dict_cache.c): a finished dictionary written to the
     * cache and mapped back, read-only, by a later process */
    size_t nloads;           /* dyad_dict_load calls                        */
    char *first_path;        /* path of the first load (when cacheable)     */
    int deferred;            /* the first load is not read: its image is
                                mapped, to be used by finish               */
    void *img;               /* mapped image: deferred or in use            */
    size_t img_size;
    int img_used;            /* the tables above live in img               */
    dy_buf sig_load;         /* what the first load reads (its files and
                                their stat), taken before reading them      */
    dy_buf sig_tagger;       /* the tagger's files, taken by finish         */
    dy_buf sig_codes;        /* codes.dyad, when finish read it            */
    size_t warn_len0, nwarn0; /* warnings before the gazetteer's            */
};

typedef struct dy_dict dy_dict;

/* Bloom-filter bit of a word id (one of 64). */
static inline uint64_t dy_bloom_bit(uint32_t w)
{
    return 1ull << ((w * 0x9E3779B1u) >> 26);
}

/* Word id of a lower-case key (0 = not in the dictionary). */
uint32_t dy_dict_word(const dy_dict *d, const char *low, size_t n);
/* Lemma of a word id: the lemma's id, or w itself. */
uint32_t dy_dict_lemma(const dy_dict *d, uint32_t w);
static inline const dy_word *dy_dict_winfo(const dy_dict *d, uint32_t w)
{
    return &d->winfo[w];
}

/* ---- building (used by the format readers) ---------------------------- */

uint32_t dy_dict_file(dy_dict *d, const char *path);
/* dy_tokenize_phrase into d's scratch arena (valid until the next call). */
size_t dy_dict_tokens(dy_dict *d, const char *s, size_t n, dy_tok *out,
                      size_t max);
uint32_t dy_dict_intern(dy_dict *d, const char *s, size_t n);
/* Add an entity; returns its index or -1 (error in d->err). */
long dy_dict_add_entity(dy_dict *d, int kind, const char *code,
                        const char *name, dy_src src);
int dy_dict_add_role(dy_dict *d, uint32_t ent, const char *code, int32_t from,
                     int32_t to, const char *title, dy_src src);
/* Add a phrase naming entity ent. The text is tokenised like news text;
 * the case guard is derived from the spelling. */
int dy_dict_add_phrase(dy_dict *d, uint32_t ent, int kind, const char *agent,
                       const char *text, size_t n, dy_src src);
/* Phrase from already-split lower-case words (compatibility readers). */
int dy_dict_add_phrase_words(dy_dict *d, uint32_t ent, int kind,
                             const char *agent, const uint32_t *words,
                             size_t nw, uint32_t casemask, dy_src src);
long dy_dict_add_verb(dy_dict *d, const char *lemma, size_t n, int noun,
                      dy_src src);
int dy_dict_add_irregular(dy_dict *d, uint32_t form, uint32_t lemma);
int dy_dict_add_pattern(dy_dict *d, uint32_t verb, const char *code,
                        const char *rcode, int reciprocal, const dy_item *before,
                        size_t nbefore, const dy_item *after, size_t nafter,
                        const char *id, dy_src src);
long dy_dict_add_set(dy_dict *d, const char *name, size_t n);
int dy_dict_set_add_member(dy_dict *d, uint32_t set, const uint32_t *words,
                           size_t nw);
long dy_dict_find_set(const dy_dict *d, uint32_t name_word);
uint32_t dy_dict_add_alt(dy_dict *d, const uint32_t *words, size_t n);
int dy_dict_add_code(dy_dict *d, const dy_code *c);
int dy_dict_add_discard(dy_dict *d, const char *text, size_t n, int story,
                        dy_src src);
void dy_dict_warn(dy_dict *d, dy_src src, const char *fmt, ...)
    DY_PRINTF(3, 4);

const dy_code *dy_dict_code(const dy_dict *d, const char *code);

/* ---- compiled images (dict_cache.c) ------------------------------------ */

/* Path of codes.dyad as finish reads it (DYAD_DICT_DIR or the default). */
void dy_dict_codes_path(char *out, size_t cap);
/* Tagger folder as finish reads it (DYAD_TAGGER_DIR or the default). */
const char *dy_dict_tagger_dir(void);
/* First load of an empty dictionary: take the signature of path and, when
 * a valid image of it is in the cache, map it. Returns 1 when the load can
 * be deferred to that image, 0 to read the files. */
int dy_cache_probe(dy_dict *d, const char *path);
/* Finish from the deferred image. Returns 0, or -1 when it cannot be used
 * (then the files must be read). */
int dy_cache_adopt(dy_dict *d);
/* Unmap a deferred image that will not be used. */
void dy_cache_drop(dy_dict *d);
/* After a successful finish of a single load: write its image (best
 * effort: nothing is reported when the cache cannot be written). */
void dy_cache_store(dy_dict *d);
/* Signatures of codes.dyad and of the tagger's files, taken by finish
 * before reading them (when the dictionary may be cached). */
void dy_cache_sig_codes(dy_dict *d, const char *path);
void dy_cache_sig_tagger(dy_dict *d);
/* Loads of files changed less than secs seconds ago are not stored
 * (default 2; tests set 0). */
void dy_cache_set_fresh(int secs);
/* Unmap an image; free what the cache kept (dyad_dict_free). */
void dy_cache_free(dy_dict *d);
/* Is name a dictionary file in a folder (*.dyad, *.txt, not hidden)? */
bool dy_dict_file_name(const char *name);
/* The entries of folder path in the order dyad_dict_load reads them
 * (sorted by name, without dot files): *names gets n strings, freed with
 * dy_dict_dir_free. 0, DYAD_EIO (the folder cannot be opened: errno) or
 * DYAD_ENOMEM. The dictionary cache walks folders with it too, so that
 * its signature follows the load order. */
int dy_dict_dir_names(const char *path, char ***names, size_t *n);
void dy_dict_dir_free(char **names, size_t n);
/* Read a deferred load's files now (a second load, or a use before
 * finish). 0 or a negative status. */
int dy_dict_materialize(dy_dict *d);

/* Writer of an image: tag.c lays its lexicon out with it. */
typedef struct dy_imgw dy_imgw;
/* Address (in the mapped image) of the next byte written. */
uint64_t dy_imgw_addr(const dy_imgw *w);
/* Append n bytes; 0 or -1. */
int dy_imgw_put(dy_imgw *w, const void *p, size_t n);
/* Pad with zeros to a multiple of a. */
int dy_imgw_align(dy_imgw *w, size_t a);
/* The tagger's lexicon into an image: its struct, then its arrays. */
int dy_tagger_image(const dy_tagger *t, dy_imgw *w);

/* Readers. Each returns 0 or a negative status with the message in d->err.
 * dict_dyad.c: */
int dy_load_dyad(dy_dict *d, const char *path, const char *buf, size_t n);
/* dict_petr.c: detect and read TABARI/PETRARCH files */
int dy_petr_detect(const char *buf, size_t n);  /* 0 = not a PETR file */
int dy_load_petr(dy_dict *d, const char *path, const char *buf, size_t n,
                 int kind);

/* ---- lookups used while coding (after finish) ------------------------- */

/* Child of trie node `node` by word, or 0. Node 0 is the root. */
uint32_t dy_trie_child(const dy_dict *d, uint32_t node, uint32_t word);

/* Resolve an entity's code on a date: writes into out (size 32); returns
 * 0 if the entity has no code on that date. */
int dy_entity_code(const dy_dict *d, const dy_entity *e, int32_t days,
                   char out[32], const dy_role **role);

/* Generate the regular inflections of a verb lemma / plural of a noun. */
size_t dy_inflect_verb(const char *lemma, size_t n, char out[6][64]);
size_t dy_inflect_noun(const char *lemma, size_t n, char out[64]);

#endif
