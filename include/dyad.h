/* dyad.h - the public API of libdyad, a political event coder.
 *
 * dyad reads news text and writes political event data: for each reported
 * interaction between political actors, who did what to whom, when and
 * where, coded in CAMEO and PLOVER.
 *
 * This is the only public header. Everything exported starts with dyad_.
 *
 * Objects
 *   dyad_dict    compiled dictionaries (actors, agents, verb patterns, code
 *                tables, tagger lexicon). Built once, then read-only: any
 *                number of threads may share one finished dictionary.
 *   dyad_coder   the work context of one thread: codes one document at a
 *                time and keeps the result until the next document.
 *   dyad_reader  a streaming reader of input records (plain text, JSON
 *                lines, PETRARCH XML).
 *   dyad_eval    a scorer that compares coded output with gold records.
 *
 * Errors
 *   Every function that can fail returns a dyad_status: DYAD_OK (0) or a
 *   negative DYAD_E* code. The object the call was made on keeps a message
 *   that names the file, line and cause; read it with the object's errmsg
 *   function. dyad_strerror() names a code.
 *
 * Ownership
 *   - A *_new function's first argument is an out parameter; the caller owns
 *     the object and releases it with the matching *_free, which accepts NULL.
 *   - Strings passed in are copied when the library keeps them.
 *   - A returned `const` pointer is borrowed: it stays valid until the next
 *     call on the same object (or its free), as each function says.
 *
 * Threads
 *   A finished dyad_dict is immutable and may be shared. A dyad_coder,
 *   dyad_reader or dyad_eval must be used by one thread at a time.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---- status codes --------------------------------------------------- */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_END = 1,         /* a reader has no more records (not an error) */
    DYAD_EINVAL = -1,     /* invalid argument or option */
    DYAD_ENOMEM = -2,     /* out of memory */
    DYAD_EIO = -3,        /* a file could not be opened or read */
    DYAD_EDICT = -4,      /* a dictionary file is malformed */
    DYAD_EINPUT = -5,     /* an input record is malformed; it was skipped */
    DYAD_ELIMIT = -6,     /* an input exceeds a configured limit; skipped */
    DYAD_EGOLD = -7       /* a gold record is malformed */
} dyad_status;

/* The name of a status code ("DYAD_EDICT: malformed dictionary"). Static. */
const char *dyad_strerror(int status);

/* The library version string. Static. */
const char *dyad_version(void);

/* ---- dictionaries --------------------------------------------------- */

typedef struct dyad_dict dyad_dict;

/* Create an empty dictionary. */
dyad_status dyad_dict_new(dyad_dict **out);

/* Add a dictionary file, or every dictionary file in a folder (recursively,
 * in name order). The format (dyad or TABARI/PETRARCH) is recognised from the
 * content. On error nothing of the failing file is kept and the message
 * names file:line: reason. Not allowed after dyad_dict_finish. */
dyad_status dyad_dict_load(dyad_dict *d, const char *path);

/* Add dyad's own dictionaries: the folder named by the environment variable
 * DYAD_DICT_DIR, else the folder compiled into the library. */
dyad_status dyad_dict_load_default(dyad_dict *d);

/* Compile what was loaded into read-only tables and load the tagger
 * lexicon. Must be called once before the dictionary is used for coding. */
dyad_status dyad_dict_finish(dyad_dict *d);

/* Number of problems found while loading that were not fatal (lines the
 * compatibility reader explained but did not use); their text is in
 * dyad_dict_warnings(). */
size_t dyad_dict_warning_count(const dyad_dict *d);
/* All warnings, one per line, "file:line: reason". Borrowed, valid until
 * the next load or free. */
const char *dyad_dict_warnings(const dyad_dict *d);

/* The last error message. Borrowed, valid until the next call on d. */
const char *dyad_dict_errmsg(const dyad_dict *d);

void dyad_dict_free(dyad_dict *d);

/* Statistics on the loaded dictionary as "key value" lines (countries,
 * actors, persons, roles, agents, verbs, patterns, ...). Borrowed, valid
 * until the next call on d. */
const char *dyad_dict_stats(dyad_dict *d);

/* Validate the loaded dictionaries: unknown codes, overlapping date ranges,
 * duplicate phrases, patterns that can never match. Returns the number of
 * problems; their text ("file:line: reason" lines) is in *report, borrowed
 * until the next call on d. Call after dyad_dict_finish. */
size_t dyad_dict_check(dyad_dict *d, const char **report);

/* Look up TEXT as an actor on DATE ("YYYY-MM-DD", or NULL for today).
 * Writes one line per reading: "CODE<TAB>matched text<TAB>entry" into
 * *result (borrowed until the next call on d). Returns the number of
 * readings (0 = not an actor). */
size_t dyad_dict_lookup(dyad_dict *d, const char *text, const char *date,
                        const char **result);

/* Write the loaded dictionaries in dyad's own format to f. */
dyad_status dyad_dict_export(dyad_dict *d, FILE *f);

/* ---- input records -------------------------------------------------- */

/* One document to code. All strings are borrowed for the duration of the
 * call that receives the record. text need not be NUL-terminated. */
typedef struct dyad_input {
    const char *id;        /* document id; NULL = "doc" + sequence number */
    const char *date;      /* story date "YYYY-MM-DD"; NULL = unknown      */
    const char *text;      /* article text (UTF-8; repaired if invalid)    */
    size_t text_len;
    const char *source;    /* optional: outlet                              */
    const char *url;       /* optional                                      */
    const char *title;     /* optional                                      */
    long line;             /* input line (or 0) for messages                */
} dyad_input;

typedef enum dyad_input_format {
    DYAD_IN_AUTO = 0,      /* recognise from the first bytes               */
    DYAD_IN_TEXT,          /* the whole stream is one article              */
    DYAD_IN_JSONL,         /* {"id","date","text",...} per line            */
    DYAD_IN_PETRXML        /* <Sentence date= id=><Text>...</Text>         */
} dyad_input_format;

typedef struct dyad_reader dyad_reader;

/* Open a reader on a file (path "-" = stdin). name is used in messages
 * (NULL = path). max_record bounds a record's size in bytes (0 = 16 MiB). */
dyad_status dyad_reader_open(dyad_reader **out, const char *path,
                             dyad_input_format fmt, size_t max_record);

/* Read the next record. Returns DYAD_OK and fills *rec (borrowed until the
 * next call), DYAD_END at the end, or DYAD_EINPUT / DYAD_ELIMIT for a bad
 * record, which is skipped: the message says which record and line and
 * why, and the next call goes on with the following record. DYAD_EIO on a
 * read error is final. */
dyad_status dyad_reader_next(dyad_reader *r, dyad_input *rec);

const char *dyad_reader_errmsg(const dyad_reader *r);
void dyad_reader_free(dyad_reader *r);

/* ---- coding --------------------------------------------------------- */

typedef struct dyad_options {
    int version;            /* set to DYAD_OPTIONS_VERSION                  */
    const char *default_date; /* story date when a record has none; NULL =
                               today                                        */
    int require_dyad;       /* 0 (default): events need a source, the
                               target may be absent (null); 1: only events
                               with both                                    */
    int keep_negated;       /* 1: keep negated events, flagged; default 0  */
    int explain;            /* 1: build the explanation text               */
    int profile;            /* 1: time each pipeline stage (see
                               dyad_coder_profile)                          */
    /* since version 2 */
    int unknown_source;     /* 1 (default): an assault, fight or act of mass
                               violence (CAMEO 18-20) whose perpetrator is
                               unnamed ("a truck bomb killed ...", "was
                               assassinated") is kept with a null source;
                               0: dropped like other events without a
                               source. A device's act in a known country
                               gets that country's UAF source either way
                               (docs/OUTPUT.md). Never for verbs from
                               PETRARCH files */
} dyad_options;

/* Version 1 (without unknown_source) is still accepted: its
 * unknown_source is the default. */
#define DYAD_OPTIONS_VERSION 2
/* Fill *o with the defaults. */
void dyad_options_init(dyad_options *o);

typedef struct dyad_coder dyad_coder;

/* Create a coder on a finished dictionary, which must outlive the coder.
 * opts may be NULL for the defaults. */
dyad_status dyad_coder_new(dyad_coder **out, const dyad_dict *d,
                           const dyad_options *opts);
void dyad_coder_free(dyad_coder *c);
const char *dyad_coder_errmsg(const dyad_coder *c);

/* PETRARCH's coder configuration (PETR_config.ini; the <Config> elements
 * of PETRARCH's unit tests). It applies only to verbs coded from
 * TABARI/PETRARCH verb files: comma-delimited clauses whose length in
 * words is within [min, max] are deleted before those verbs are coded --
 * internal ones (comma_min/max), the one before the first comma
 * (comma_bmin/bmax) and the one after the last (comma_emin/emax); a
 * maximum of 0 turns that deletion off. */
typedef struct dyad_petr_config {
    int comma_min, comma_max;
    int comma_bmin, comma_bmax;
    int comma_emin, comma_emax;
    int new_actor_length;   /* > 0: a source or target entity that names no
                               actor is coded as its text in capitals and
                               quotes ("THE MINISTRY OF MAGIC") when it has
                               fewer than this many spaces; 0 (default):
                               not coded                                   */
} dyad_petr_config;

/* Fill *c with PETRARCH's defaults: 2-8, off (0-0), 2-8, no new actors. */
void dyad_petr_config_init(dyad_petr_config *c);
/* Use *c (NULL: the defaults) for the next documents; values are clamped
 * to 0..1000. */
dyad_status dyad_coder_set_petr(dyad_coder *c, const dyad_petr_config *cfg);

/* Code one document. The result stays in the coder until the next call.
 * Returns DYAD_EINPUT for a record that cannot be coded (the message says
 * why); the coder stays usable. */
dyad_status dyad_code(dyad_coder *c, const dyad_input *in);

/* An actor slot of an event. */
typedef struct dyad_actor {
    const char *code;       /* "USAGOV"; "" = none                          */
    const char *text;       /* the matched text                             */
    size_t beg, end;        /* byte span in the document text               */
    const char *entry;      /* dictionary entry that gave the code          */
    double confidence;      /* 1.0 exact; lower for fuzzy name matches      */
} dyad_actor;

/* One coded event. Borrowed from the coder, valid until the next
 * dyad_code call or dyad_coder_free. */
typedef struct dyad_event {
    int sentence;           /* 0-based sentence index in the document       */
    dyad_actor source, target;
    const char *cameo;      /* "1312"                                       */
    const char *plover;     /* "THREATEN"; "" for CAMEO 01/02               */
    const char *plover_mode, *plover_context; /* "" if none                 */
    double goldstein;
    int quad_class;         /* 1..4                                          */
    const char *verb_text;  /* the verb (or event noun) text                */
    size_t verb_beg, verb_end;
    const char *pattern;    /* id of the pattern that fired                 */
    const char *date;       /* event date "YYYY-MM-DD"                       */
    const char *date_source;/* "explicit", "relative", "context" (from the
                               previous sentence, same actors) or "story"   */
    int future;             /* 1 for planned / scheduled events             */
    int negated;            /* 1 if negated (only with keep_negated)        */
    const char *modality;   /* "", "hypothetical", "intent", "reported"    */
    const char *location;   /* place name or "" (see dyad_event_place)      */
    const char *loc_country;/* ISO alpha-3 or ""                            */
    const char *loc_admin1; /* admin-1 code or ""                           */
    double lat, lon;        /* valid when has_point                         */
    int has_point;
    const char *loc_feature;/* "city", "country", "admin1", ... or ""       */
    const char *loc_method; /* how the place was chosen, or ""              */
} dyad_event;

size_t dyad_event_count(const dyad_coder *c);
const dyad_event *dyad_event_get(const dyad_coder *c, size_t i);

/* With opts.profile: the time spent in each stage over all documents this
 * coder has coded, as "stage seconds" lines, and the counts of documents,
 * sentences, tokens and events. Borrowed, valid until the next call. */
const char *dyad_coder_profile(dyad_coder *c);

/* The document as the coder saw it. Borrowed, valid until the next call. */
const char *dyad_doc_id(const dyad_coder *c);
const char *dyad_doc_date(const dyad_coder *c);   /* story date used     */
size_t dyad_sentence_count(const dyad_coder *c);
/* Text of sentence i (not NUL-terminated; *len gets its length) and its
 * byte offset in the document. */
const char *dyad_sentence_text(const dyad_coder *c, size_t i, size_t *len,
                               size_t *offset);
/* Warnings about the document (date missing, text repaired, ...), one per
 * line, or "". Borrowed. */
const char *dyad_doc_warnings(const dyad_coder *c);

typedef enum dyad_output_format {
    DYAD_OUT_JSON = 0,      /* one JSON object per event, one per line     */
    DYAD_OUT_EVAL,          /* one line per document, gold-record format    */
    DYAD_OUT_TSV,           /* PETRARCH/Phoenix-compatible tab-separated    */
    DYAD_OUT_EXPLAIN        /* human-readable analysis (needs opts.explain) */
} dyad_output_format;

/* Format the current document's events. Returns a borrowed buffer, valid
 * until the next call on c, and its length in *len (may be NULL). */
const char *dyad_output(dyad_coder *c, dyad_output_format fmt, size_t *len);

/* ---- evaluation ----------------------------------------------------- */

typedef struct dyad_eval dyad_eval;

dyad_status dyad_eval_new(dyad_eval **out);
void dyad_eval_free(dyad_eval *e);
const char *dyad_eval_errmsg(const dyad_eval *e);

/* Score one record: gold_json is one line of a gold file; the system
 * events are the coder's current events (c may be NULL for no events).
 * A malformed gold line returns DYAD_EGOLD and is not counted. */
dyad_status dyad_eval_add(dyad_eval *e, const char *gold_json, size_t len,
                          const dyad_coder *c);

/* Score a system output line (gold format: {"id","events":[...]}) against
 * a gold line. Lets any system's output be scored the same way. */
dyad_status dyad_eval_add_pair(dyad_eval *e, const char *gold_json,
                               size_t gold_len, const char *sys_json,
                               size_t sys_len);

/* The report: format 0 = text table, 1 = JSON. errors = 1 lists misses and
 * false positives with their sentences (text report only). Borrowed until
 * the next call on e. */
const char *dyad_eval_report(dyad_eval *e, int json, int errors);

/* Parse one gold/input JSON line into a dyad_input (id, date, text);
 * strings are borrowed from e until the next call. */
dyad_status dyad_eval_record(dyad_eval *e, const char *gold_json, size_t len,
                             dyad_input *rec);

/* The coder options a gold record asks for (the PETRARCH unit tests carry
 * the configuration they were written for): after dyad_eval_record,
 * *require_dyad is 0 or 1, or -1 when the record says nothing. */
void dyad_eval_record_options(const dyad_eval *e, int *require_dyad);
/* The PETRARCH configuration of the last dyad_eval_record: returns 1 and
 * fills *cfg (the record's comma_* and new_actor_length values over the
 * defaults) when the record has a "petr_config", else 0 and the
 * defaults. */
int dyad_eval_record_petr(const dyad_eval *e, dyad_petr_config *cfg);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
